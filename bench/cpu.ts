/**
 * CPU time of the benchmark's Chromium, from /proc: the machine is shared, so a wall-clock rate says as much about
 * the other processes as about ours, while the CPU seconds the browser's processes spent (user + system, every
 * process of its tree: browser, renderers, the storage and network services) do not grow with the load. Linux only;
 * elsewhere `undefined`.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Proc {
  pid: number;
  ppid: number;
  ticks: number;
}

/** CPU seconds by Chromium process type (`browser` for the main process, else its `--type=`: renderer, utility, gpu-process…). */
export type CpuByType = Record<string, number>;

/** A process's parent and CPU ticks (user + system) from /proc/<pid>/stat; throws when it has ended. */
function readStat(pid: number): Proc {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: split after its closing bracket.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pid, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
}

function readProcs(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      out.push(readStat(Number(name)));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
}

/** CPU seconds one process has spent so far (user + system); undefined off Linux or once it has ended. */
export function processCpuSeconds(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return readStat(pid).ticks / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * A process's arguments. /proc separates them with NULs, but Chromium's child processes rewrite their command line
 * as one space-separated string (their process title): split on both.
 */
function args(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return [];
  }
}

/**
 * CPU seconds spent so far by the browser that loaded `extensionDir` and all its descendant processes (processes
 * that already exited are not counted: take the difference over a span in which the tree stays up).
 */
export function browserCpuSeconds(extensionDir: string): number | undefined {
  const by = browserCpuByType(extensionDir);
  return by && Object.values(by).reduce((a, b) => a + b, 0);
}

/** The same, split by process type (a utility process's service name is added: `utility:storage.mojom.StorageService`). */
export function browserCpuByType(extensionDir: string): CpuByType | undefined {
  if (process.platform !== 'linux') return undefined;
  const procs = readProcs();
  // The whole argument, not a prefix: another browser may have loaded `${extensionDir}-test`.
  const roots = procs.filter((p) => {
    const a = args(p.pid);
    return a.includes(`--load-extension=${extensionDir}`) && !a.some((x) => x.startsWith('--type='));
  });
  if (!roots.length) return undefined;
  const children = new Map<number, Proc[]>();
  for (const p of procs) (children.get(p.ppid) ?? children.set(p.ppid, []).get(p.ppid)!).push(p);
  const by: CpuByType = {};
  const stack = [...roots];
  while (stack.length) {
    const p = stack.pop()!;
    const a = args(p.pid);
    const type = a.find((x) => x.startsWith('--type='))?.slice('--type='.length) ?? 'browser';
    const service =
      type === 'utility'
        ? a.find((x) => x.startsWith('--utility-sub-type='))?.slice('--utility-sub-type='.length)
        : undefined;
    const key = service ? `${type}:${service}` : type;
    by[key] = (by[key] ?? 0) + p.ticks / TICKS_PER_SECOND;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return by;
}

/** b − a per process type. */
export function cpuDelta(a: CpuByType | undefined, b: CpuByType | undefined): CpuByType {
  const out: CpuByType = {};
  for (const k of Object.keys(b ?? {})) out[k] = Number(((b![k] ?? 0) - (a?.[k] ?? 0)).toFixed(2));
  return out;
}
