/**
 * The team bench's CouchDB-protocol server in a process of its own: `scripts/team-server.ts` (what `npm run
 * team:server` runs: express-pouchdb over PouchDB's in-memory adapter, tests/support/couch-server.ts) started by
 * `node --import tsx` on a free 127.0.0.1 port (PORT=0: the system picks one, the server prints its address). In
 * a process of its own the server's CPU time is its own and the bench's process holds only the client (the
 * extension's sync engine over fake-indexeddb), so each side's CPU seconds can be read apart: the server's from
 * /proc/<pid>/stat, the bench's from process.cpuUsage().
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processCpuSeconds } from './cpu';

export interface CouchProcess {
  url: string;
  admin: { name: string; password: string };
  pid: number;
  /** CPU seconds (user + system) the server process has spent so far; undefined off Linux. */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** This process's own CPU seconds (user + system). */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export async function startCouchProcess(timeoutMs = 60_000): Promise<CouchProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/team-server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (b: Buffer) => {
    err = (err + b.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = await new Promise<{ url: string; admin: { name: string; password: string } }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the team server did not start within ${timeoutMs} ms: ${out} ${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      // "CouchDB-protocol test server on http://127.0.0.1:NNNN (in memory). Admin: admin / password"
      const m = /server on (http:\/\/127\.0\.0\.1:\d+) .*Admin: (\S+) \/ (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], admin: { name: m[2], password: m[3] } });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the team server exited (${code}) before it listened: ${out} ${err}`));
    });
  });
  const pid = child.pid!;
  return {
    ...started,
    pid,
    cpuSeconds: () => processCpuSeconds(pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
