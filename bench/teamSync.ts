/**
 * Team sync speed (`npm run bench:team`, `--scale=10k|5k|500`): a generated portfolio (bench/generate.ts) written
 * into one store, its first sync to a local CouchDB-protocol server (express-pouchdb in memory,
 * tests/support/couch-server.ts), the manager's first sync pulling all of it into an empty store, then 100 edits
 * and their incremental sync both ways. Runs in Node with fake-indexeddb, not in Chromium: it measures the
 * protocol work (documents, revisions, pages of _changes, merges), not Chromium's IndexedDB (see "Benchmark").
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { HuikuanDb } from '../lib/db/schema';
import { replaceAll } from '../lib/db/repo';
import { Couch } from '../lib/sync/couch';
import { queueEverything, syncOnce } from '../lib/sync/engine';
import { adminRequests, applyTeamSetup } from '../lib/sync/design';
import { startTestCouch } from '../tests/support/couch-server';
import { generatePortfolio, scales } from './generate';

const arg = (k: string) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1];
const scale = scales.find((s) => s.label.startsWith(`${arg('scale') ?? '10k'} `)) ?? scales[scales.length - 1];
const now = new Date();
const today = now.toISOString().slice(0, 10);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

const server = await startTestCouch();
try {
  await applyTeamSetup(adminRequests(server.url, server.admin), {
    salespeople: [{ name: 'wanglei', password: 'pw-wanglei-bench', displayName: '王磊' }],
    managers: [{ name: 'zhaomin', password: 'pw-zhaomin-bench', displayName: '赵敏' }],
  });
  const data = generatePortfolio(scale, today);
  // Every customer is 王磊's, so everything goes through one database (the worst case for one _changes feed).
  for (const c of data.customers) c.owner = '王磊';
  const rep = new HuikuanDb('bench-rep');
  await timed(`seed ${data.customers.length} customers / ${data.receivables.length} receivables`, () => replaceAll(rep, data, now));
  await rep.syncOutbox.clear();
  const queued = await queueEverything(rep, now.getTime());
  const couch = (name: string) => new Couch({ url: server.url, auth: { kind: 'password', name, password: `pw-${name}-bench` }, timeoutMs: 120_000 });
  const push = await timed(`first sync, salesperson pushes ${queued} records`, () => syncOnce(rep, couch('wanglei'), now));
  const mgr = new HuikuanDb('bench-mgr');
  const pull = await timed('first sync, manager pulls everything', () => syncOnce(mgr, couch('zhaomin'), now));
  console.log(`  pushed ${push.pushed}, pulled ${pull.pulled}, ok ${push.ok && pull.ok}`);
  const ids = (await rep.customers.limit(100).toArray());
  await rep.transaction('rw', rep.customers, async () => {
    for (const c of ids) await rep.customers.put({ ...c, tags: [...c.tags, 'bench'], updatedAt: now.getTime() + 1 });
  });
  const inc = await timed('incremental: salesperson sends 100 edits', () => syncOnce(rep, couch('wanglei'), now));
  const incPull = await timed('incremental: manager receives them', () => syncOnce(mgr, couch('zhaomin'), now));
  console.log(`  pushed ${inc.pushed}, pulled ${incPull.pulled}`);
} finally {
  await server.stop();
}
