/**
 * Team sync speed, a section of `npm run bench` (`--only=team`, `--team-scale=10k|5k|500`, default 10k), or on its
 * own: `npx tsx bench/teamSync.ts --scale=500`. A generated portfolio (bench/generate.ts) is written into one
 * store, queued as Connect queues it, and synced to a local CouchDB-protocol server (express-pouchdb in memory,
 * tests/support/couch-server.ts, in a process of its own as `npm run team:server` runs it: bench/couchProcess.ts;
 * set up by the same code as scripts/team-setup.ts); the manager's first sync then
 * pulls all of it into an empty store; then 100 edits go up and come down.
 *
 * The floor, measured in the same run against a second server set up the same way: the very same documents
 * written with raw `_bulk_docs` (same batch size, same user, so the same `validate_doc_update` runs) and read back
 * with raw `_changes` pages, without the extension's bridge (no store reads or writes, no schema checks, no
 * summaries). Bridge minus floor is what the extension's side costs. Beside each step's wall time: the CPU seconds
 * of this process (the client) and of the server process it talked to, which the machine's load does not inflate.
 *
 * Runs in Node with fake-indexeddb, not in Chromium: fake-indexeddb is a pure-JS IndexedDB, slower than
 * Chromium's, so the store's share of these figures is if anything pessimistic.
 */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { HuikuanDb } from '../lib/db/schema';
import { replaceAll } from '../lib/db/repo';
import { Couch } from '../lib/sync/couch';
import { type SyncReport, queueEverything, syncOnce } from '../lib/sync/engine';
import { adminRequests, applyTeamSetup, ownerSecurity, ownerValidateSource } from '../lib/sync/design';
import { docFromRow } from '../lib/sync/docs';
import { type CouchProcess, ownCpuSeconds, startCouchProcess } from './couchProcess';
import { generatePortfolio, scales } from './generate';

// The bench's other sections run in the browser; only this one needs an IndexedDB in Node.
Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const spec = {
  salespeople: [{ name: 'wanglei', password: 'pw-wanglei-bench', displayName: '王磊' }],
  managers: [{ name: 'zhaomin', password: 'pw-zhaomin-bench', displayName: '赵敏' }],
};
const DB = 'huikuan-wanglei';
/** The bridge's own page sizes (lib/sync/engine.ts), so the floor does the same number of requests. */
const PUSH_BATCH = 500;
const PULL_PAGE = 500;

export interface TeamSyncFigures {
  scale: string;
  customers: number;
  receivables: number;
  documents: number;
  seconds: {
    seed: number;
    queue: number;
    firstPush: number;
    firstPull: number;
    incrementalPush: number;
    incrementalPull: number;
    floorPush: number;
    floorPull: number;
    floorIncrementalPush: number;
  };
  /**
   * CPU seconds per step (user + system): `bench` is this process (the client: sync engine, fake-indexeddb; for
   * the floor steps only raw HTTP), `server` the server process the step talked to (express-pouchdb).
   */
  cpu: Record<keyof TeamSyncFigures['seconds'], { bench: number; server?: number }>;
  counts: { pushed: number; pulled: number; incrementalPushed: number; incrementalPulled: number; ok: boolean };
  /** Load average (1, 5, 15 min) before the first push and at the end. */
  loadAverage: number[];
  loadAverageBefore: number[];
}

const secs = (t0: number) => Number(((performance.now() - t0) / 1000).toFixed(2));
const r2 = (x: number) => Number(x.toFixed(2));
const load = () => loadavg().map((x) => Number(x.toFixed(2)));

type Cpu = { bench: number; server?: number };

/** Wall time of a step, and the CPU seconds it cost this process and the server process it talked to. */
async function timed<T>(
  label: string,
  server: CouchProcess | undefined,
  fn: () => Promise<T>,
): Promise<[T, number, Cpu]> {
  const b0 = ownCpuSeconds();
  const s0 = server?.cpuSeconds();
  const t0 = performance.now();
  const r = await fn();
  const s = secs(t0);
  const s1 = server?.cpuSeconds();
  const cpu: Cpu = { bench: r2(ownCpuSeconds() - b0) };
  if (s0 !== undefined && s1 !== undefined) cpu.server = r2(s1 - s0);
  console.log(
    `  ${label}: ${s.toFixed(1)} s (CPU: bench ${cpu.bench.toFixed(1)} s${cpu.server === undefined ? '' : `, server ${cpu.server.toFixed(1)} s`}; load ${load().join(' ')})`,
  );
  return [r, s, cpu];
}

async function raw(server: CouchProcess, user: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const auth = `Basic ${Buffer.from(`${user}:pw-${user}-bench`).toString('base64')}`;
  const r = await fetch(server.url + path, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json).slice(0, 200)}`);
  return json;
}

/** Every document of the salesperson's database, as stored (the floor writes them again elsewhere). */
async function exportDocs(server: CouchProcess): Promise<Array<Record<string, unknown>>> {
  const all = (await raw(server, 'wanglei', 'GET', `/${DB}/_all_docs?include_docs=true`)) as {
    rows: Array<{ id: string; doc: Record<string, unknown> }>;
  };
  return all.rows
    .filter((r) => !r.id.startsWith('_design/'))
    .map((r) => {
      const d = { ...r.doc };
      delete d._rev;
      return d;
    });
}

async function floorPush(server: CouchProcess, docs: Array<Record<string, unknown>>, db: string = DB): Promise<void> {
  for (let i = 0; i < docs.length; i += PUSH_BATCH) {
    const res = (await raw(server, 'wanglei', 'POST', `/${db}/_bulk_docs`, {
      docs: docs.slice(i, i + PUSH_BATCH),
    })) as Array<{ ok?: boolean; rev?: string; id: string }>;
    const bad = res.filter((r) => !r.ok);
    if (bad.length) throw new Error(`floor _bulk_docs refused ${bad.length} documents: ${JSON.stringify(bad[0])}`);
    res.forEach((r, k) => {
      docs[i + k]._rev = r.rev;
    });
  }
}

async function floorPull(server: CouchProcess): Promise<number> {
  let since: string | number = 0;
  let n = 0;
  for (;;) {
    const page = (await raw(
      server,
      'zhaomin',
      'GET',
      `/${DB}/_changes?since=${encodeURIComponent(String(since))}&include_docs=true&conflicts=true&limit=${PULL_PAGE}`,
    )) as { results: unknown[]; last_seq: string | number };
    n += page.results.length;
    if (page.results.length < PULL_PAGE) return n;
    since = page.last_seq;
  }
}

export async function teamSyncFigures(scaleArg = '10k', now = new Date()): Promise<TeamSyncFigures> {
  const scale = scales.find((s) => s.label.startsWith(`${scaleArg} `)) ?? scales[scales.length - 1];
  const today = now.toISOString().slice(0, 10);
  console.log(`\n— team sync, ${scale.label} (Node, fake-indexeddb; express-pouchdb in memory, its own process)…`);
  const server = await startCouchProcess();
  const floor = await startCouchProcess();
  const tag = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const rep = new HuikuanDb(`bench-team-rep-${tag}`);
  const mgr = new HuikuanDb(`bench-team-mgr-${tag}`);
  try {
    await applyTeamSetup(adminRequests(server.url, server.admin), spec);
    await applyTeamSetup(adminRequests(floor.url, floor.admin), spec);
    const data = generatePortfolio(scale, today);
    // Every customer is 王磊's, so everything goes through one database (the worst case for one _changes feed).
    for (const c of data.customers) c.owner = '王磊';
    const couch = (name: string) =>
      new Couch({
        url: server.url,
        auth: { kind: 'password', name, password: `pw-${name}-bench` },
        timeoutMs: 300_000,
      });
    // Warm-up: each server process writes 1,000 documents into a throwaway database guarded like the salesperson's
    // (same _security, same validate_doc_update) and outside the team, so neither side pays a process's first-run
    // compilation alone and the team's databases stay as they were.
    for (const s of [server, floor]) {
      const admin = adminRequests(s.url, s.admin);
      for (const [path, body] of [
        ['/bench-warmup', undefined],
        ['/bench-warmup/_security', ownerSecurity('wanglei')],
        ['/bench-warmup/_design/huikuan', { validate_doc_update: ownerValidateSource('wanglei') }],
      ] as const) {
        const r = await admin('PUT', path, body);
        if (r.status >= 300) throw new Error(`warm-up PUT ${path}: ${r.status}`);
      }
      await floorPush(
        s,
        data.customers.slice(0, 1000).map(
          (c) =>
            docFromRow('customers', c as unknown as Record<string, unknown>, {
              owner: 'wanglei',
              by: 'wanglei',
              at: now.getTime(),
            }) as unknown as Record<string, unknown>,
        ),
        'bench-warmup',
      );
    }
    const [, seed, seedCpu] = await timed(
      `seed ${data.customers.length} customers / ${data.receivables.length} receivables`,
      undefined,
      () => replaceAll(rep, data, now),
    );
    await rep.syncOutbox.clear();
    const [queued, queue, queueCpu] = await timed('Connect queues every record', undefined, () =>
      queueEverything(rep, now.getTime()),
    );
    const loadAverageBefore = load();
    const [push, firstPush, firstPushCpu] = await timed(
      `first sync, the salesperson pushes ${queued} records`,
      server,
      () => syncOnce(rep, couch('wanglei'), now),
    );
    const [pull, firstPull, firstPullCpu] = await timed('first sync, the manager pulls everything', server, () =>
      syncOnce(mgr, couch('zhaomin'), now),
    );
    const docs = await exportDocs(server);
    const [, fPush, floorPushCpu] = await timed(
      `floor: raw _bulk_docs of the same ${docs.length} documents`,
      floor,
      () => floorPush(floor, docs),
    );
    const [, fPull, floorPullCpu] = await timed('floor: raw _changes of them', floor, () => floorPull(floor));
    // 100 changes: edits of 100 customers (a tag added), as one salesperson's morning.
    const later = new Date(now.getTime() + 60_000);
    const edited = await rep.customers.limit(100).toArray();
    await rep.transaction('rw', rep.customers, async () => {
      await rep.customers.bulkPut(
        edited.map((c) => ({ ...c, tags: [...c.tags, 'bench'], updatedAt: later.getTime() })),
      );
    });
    const [inc, incrementalPush, incrementalPushCpu] = await timed(
      'incremental: the salesperson sends 100 edits',
      server,
      () => syncOnce(rep, couch('wanglei'), later),
    );
    const [incPull, incrementalPull, incrementalPullCpu] = await timed(
      'incremental: the manager receives them',
      server,
      () => syncOnce(mgr, couch('zhaomin'), later),
    );
    const byId = new Map(docs.map((d) => [d._id as string, d]));
    const incDocs = edited.map((c) => {
      const d = byId.get(`customers:${c.id}`)!;
      return {
        ...d,
        row: { ...(d.row as object), tags: [...c.tags, 'bench'], updatedAt: later.getTime() },
        at: later.getTime(),
      };
    });
    const [, floorIncrementalPush, floorIncrementalPushCpu] = await timed(
      'floor: raw _bulk_docs of 100 edits',
      floor,
      () => floorPush(floor, incDocs),
    );
    const ok = [push, pull, inc, incPull].every((r: SyncReport) => r.ok && !r.malformed && !r.refused.length);
    const figures: TeamSyncFigures = {
      scale: scale.label,
      customers: data.customers.length,
      receivables: data.receivables.length,
      documents: docs.length,
      seconds: {
        seed,
        queue,
        firstPush,
        firstPull,
        incrementalPush,
        incrementalPull,
        floorPush: fPush,
        floorPull: fPull,
        floorIncrementalPush,
      },
      cpu: {
        seed: seedCpu,
        queue: queueCpu,
        firstPush: firstPushCpu,
        firstPull: firstPullCpu,
        incrementalPush: incrementalPushCpu,
        incrementalPull: incrementalPullCpu,
        floorPush: floorPushCpu,
        floorPull: floorPullCpu,
        floorIncrementalPush: floorIncrementalPushCpu,
      },
      counts: {
        pushed: push.pushed,
        pulled: pull.pulled,
        incrementalPushed: inc.pushed,
        incrementalPulled: incPull.pulled,
        ok,
      },
      loadAverage: load(),
      loadAverageBefore,
    };
    if (
      !ok ||
      push.pending ||
      push.pushed !== docs.length ||
      pull.pulled !== docs.length ||
      inc.pushed !== 100 ||
      incPull.pulled !== 100
    ) {
      throw new Error(
        `team sync did not come out whole: ${JSON.stringify({ push, pull, inc, incPull, documents: docs.length })}`,
      );
    }
    return figures;
  } finally {
    rep.close();
    mgr.close();
    await server.stop();
    await floor.stop();
  }
}

export function printTeamSync(f: TeamSyncFigures): void {
  const s = f.seconds;
  const c = (k: keyof TeamSyncFigures['seconds']) => {
    const x = f.cpu?.[k];
    return x ? ` [CPU bench ${x.bench.toFixed(1)} s, server ${x.server?.toFixed(1) ?? '?'} s]` : '';
  };
  console.log(
    `\nteam sync (${f.scale}: ${f.documents} documents, Node + fake-indexeddb against express-pouchdb in memory in its own process, load ${f.loadAverageBefore?.join(' ') ?? '?'} → ${f.loadAverage.join(' ')}):`,
  );
  console.log(
    `  first sync: salesperson pushes ${s.firstPush.toFixed(1)} s${c('firstPush')} (floor, raw _bulk_docs: ${s.floorPush.toFixed(1)} s${c('floorPush')})`,
  );
  console.log(
    `  first sync: manager pulls ${s.firstPull.toFixed(1)} s${c('firstPull')} (floor, raw _changes: ${s.floorPull.toFixed(1)} s${c('floorPull')})`,
  );
  console.log(
    `  100 changes: sent ${s.incrementalPush.toFixed(2)} s${c('incrementalPush')} (floor ${s.floorIncrementalPush.toFixed(2)} s${c('floorIncrementalPush')}), received ${s.incrementalPull.toFixed(2)} s${c('incrementalPull')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1];
  printTeamSync(await teamSyncFigures(arg ?? '10k'));
}
