/**
 * One sync cycle between this browser's Dexie store and the team's CouchDB databases, by CouchDB's own API:
 * push the outbox with `_bulk_docs` (each document with the revision this browser last saw, so the server
 * refuses a stale write as a conflict instead of overwriting), then pull each database's `_changes` after its
 * checkpoint. A conflict is settled by the rules of merge.ts and written back as a new revision; a page of pulled
 * changes and its checkpoint are committed in one transaction, so a cycle cut off anywhere resumes where it
 * stopped and never applies a change twice or skips one.
 *
 * The cycle runs in the worker (on an alarm, after local writes, and every few seconds while the side panel or
 * options page is open); it never blocks a page, and any failure leaves the local edits in the outbox.
 */
import type { Transaction } from 'dexie';
import {
  activitySchema, contactSchema, customerSchema, paymentPromiseSchema, paymentProcessProfileSchema, paymentSchema,
  preparationsSchema, receivableSchema,
} from '../domain';
import { z } from 'zod';
import type { HuikuanDb, SyncDocRow } from '../db/schema';
import { refreshCustomers } from '../db/repo';
import { markFromServer } from './capture';
import { type Couch, CouchError, type Seq, type Session } from './couch';
import {
  type AlsoSet, type SyncDoc, type SyncKind, customerIdOf, docFromRow, editedAt, parseDocId, sameValue, syncKinds, tombstone,
} from './docs';
import { mergeDocs } from './merge';
import { TEAM_DB, TEAM_DOC, type Team, type TeamMember, memberForOwner, teamSchema, visibleMembers } from './team';

export const META = {
  status: 'team.status',
  team: 'team.members',
  me: 'team.me',
  merges: 'team.merges',
  checkpoint: (db: string) => `team.cp.${db}`,
} as const;

export interface MergeNote extends AlsoSet { docId: string; kind: SyncKind; customerId: string; mergedAt: number }
export interface SyncReport {
  at: number;
  ok: boolean;
  error?: { kind: CouchError['kind']; reason: string };
  pushed: number;
  pulled: number;
  merged: number;
  /** Records the server refused (validate_doc_update), kept in this browser. */
  refused: Array<{ docId: string; reason: string }>;
  /** Records from the server that failed our own checks and were not stored. */
  malformed: number;
  /** Local records that belong to a salesperson whose database this user cannot write. */
  notShared: number;
  /** Databases whose data was removed from this browser because the server no longer lets us read them. */
  revoked: string[];
  pending: number;
}

const rowSchemas: Record<SyncKind, z.ZodType<Record<string, unknown>>> = {
  customers: customerSchema, contacts: contactSchema, promises: paymentPromiseSchema, activities: activitySchema,
  profiles: paymentProcessProfileSchema, preparations: preparationsSchema,
  ledgers: z.object({ customerId: z.string().min(1).max(64), receivables: z.array(receivableSchema), payments: z.array(paymentSchema), updatedAt: z.number().int() }),
} as unknown as Record<SyncKind, z.ZodType<Record<string, unknown>>>;

const PUSH_BATCH = 500;
const PULL_PAGE = 200;
const MAX_MERGES_KEPT = 200;

interface Ctx {
  db: HuikuanDb;
  couch: Couch;
  me: Session;
  team: Team;
  visible: TeamMember[];
  now: Date;
  report: SyncReport;
}

const emptyReport = (at: number): SyncReport => ({
  at, ok: false, pushed: 0, pulled: 0, merged: 0, refused: [], malformed: 0, notShared: 0, revoked: [], pending: 0,
});

/** One cycle. It never throws: the result (also stored for the options page) says what happened. */
export async function syncOnce(db: HuikuanDb, couch: Couch, now: Date): Promise<SyncReport> {
  const report = emptyReport(now.getTime());
  try {
    const me = await couch.session();
    await db.meta.put({ key: META.me, value: me });
    const team = await readTeam(db, couch, report);
    if (team) {
      const visible = visibleMembers(team, me);
      const ctx: Ctx = { db, couch, me, team, visible, now, report };
      await removeRevoked(ctx, await syncedDbs(db), visible.map((m) => m.db));
      await push(ctx);
      for (const m of visible) await pullDb(ctx, m.db);
      report.ok = true;
    }
  } catch (e) {
    const err = e instanceof CouchError ? e : new CouchError('garbage', undefined, (e as Error).message);
    report.error = { kind: err.kind, reason: err.reason };
  }
  report.pending = await db.syncOutbox.count();
  await db.meta.put({ key: META.status, value: report });
  return report;
}

async function readTeam(db: HuikuanDb, couch: Couch, report: SyncReport): Promise<Team | undefined> {
  let raw: Record<string, unknown>;
  try {
    raw = await couch.getDoc(TEAM_DB, TEAM_DOC);
  } catch (e) {
    // Signed in (the session answered) but no longer let into the team: everything shared leaves this browser.
    if (e instanceof CouchError && (e.kind === 'forbidden' || e.kind === 'unauthorized')) {
      await removeRevoked({ db, report, now: new Date(report.at) }, await syncedDbs(db), []);
      report.error = { kind: e.kind, reason: e.reason };
      return undefined;
    }
    throw e;
  }
  const team = teamSchema.safeParse(raw);
  if (!team.success) throw new CouchError('garbage', 200, `the team document is malformed: ${team.error.issues[0]?.message ?? ''}`);
  await db.meta.put({ key: META.team, value: team.data });
  return team.data;
}

async function syncedDbs(db: HuikuanDb): Promise<string[]> {
  const keys = (await db.syncDocs.orderBy('db').uniqueKeys()) as string[];
  const cps = (await db.meta.where('key').startsWith('team.cp.').primaryKeys()) as string[];
  return [...new Set([...keys, ...cps.map((k) => k.slice('team.cp.'.length))])];
}

/** Removes from this browser every record of the databases this user may no longer read. */
async function removeRevoked(ctx: Pick<Ctx, 'db' | 'report' | 'now'>, had: string[], allowed: string[]): Promise<void> {
  for (const dbName of had.filter((d) => !allowed.includes(d))) {
    const { db } = ctx;
    const rows = await db.syncDocs.where('db').equals(dbName).toArray();
    await db.transaction('rw', db.tables, async (tx) => {
      markFromServer(tx.idbtrans);
      const byKind = new Map<SyncKind, string[]>();
      for (const r of rows) (byKind.get(r.kind) ?? byKind.set(r.kind, []).get(r.kind)!).push(r.key);
      for (const [kind, keys] of byKind) await db.table(kind).bulkDelete(keys);
      await db.syncDocs.bulkDelete(rows.map((r) => r.id));
      await db.syncOutbox.bulkDelete(rows.map((r) => r.id));
      await db.meta.delete(META.checkpoint(dbName));
      const customers = [...new Set(rows.map((r) => r.customerId))];
      if (customers.length) await refreshCustomers(db, customers, ctx.now);
    });
    ctx.report.revoked.push(dbName);
  }
}

// ---------------------------------------------------------------------------------------------------- push

interface Outgoing { entryAt: number; docId: string; db: string; doc: SyncDoc; row?: Record<string, unknown>; state?: SyncDocRow }

async function push(ctx: Ctx): Promise<void> {
  const { db } = ctx;
  let offset = 0;
  for (;;) {
    const entries = await db.syncOutbox.orderBy('id').offset(offset).limit(PUSH_BATCH).toArray();
    if (!entries.length) return;
    const states = new Map((await db.syncDocs.bulkGet(entries.map((e) => e.id))).filter((s) => !!s).map((s) => [s.id, s]));
    const outgoing: Outgoing[] = [];
    const drop: Array<{ id: string; at: number }> = [];
    let kept = 0;
    for (const e of entries) {
      const state = states.get(e.id);
      if (e.op === 'delete') {
        if (!state) { drop.push(e); continue; }
        if (state.base._deleted) { drop.push(e); continue; }
        outgoing.push({ entryAt: e.at, docId: e.id, db: state.db, state,
          doc: tombstone(e.kind, e.key, { owner: state.owner, by: ctx.me.name, at: e.at, customerId: state.customerId }, state.rev) });
        continue;
      }
      const row = (await db.table(e.kind).get(e.key)) as Record<string, unknown> | undefined;
      // Gone without a deletion of its own (the store was cleared): nothing to send.
      if (!row) { drop.push(e); continue; }
      const customerId = customerIdOf(e.kind, row);
      const customer = e.kind === 'customers' ? row : (await db.customers.get(customerId)) as Record<string, unknown> | undefined;
      const member = memberForOwner(ctx.team, ctx.visible, customer?.owner as string | undefined, ctx.me);
      if (!member) { ctx.report.notShared++; kept++; continue; }
      const at = editedAt(e.kind, row) ?? e.at;
      if (state && state.db !== member.db) {
        // The customer changed hands: its record leaves the old owner's database and enters the new one's.
        outgoing.push({ entryAt: e.at, docId: e.id, db: state.db, state: undefined,
          doc: tombstone(e.kind, e.key, { owner: state.owner, by: ctx.me.name, at, customerId }, state.rev) });
        outgoing.push({ entryAt: e.at, docId: e.id, db: member.db, row, doc: docFromRow(e.kind, row, { owner: member.name, by: ctx.me.name, at }) });
        continue;
      }
      outgoing.push({ entryAt: e.at, docId: e.id, db: member.db, row, state,
        doc: docFromRow(e.kind, row, { owner: member.name, by: ctx.me.name, at }, state?.base) });
    }
    await dropEntries(db, drop);
    for (const [dbName, group] of groupBy(outgoing, (o) => o.db)) await pushGroup(ctx, dbName, group);
    offset += kept;
    if (entries.length < PUSH_BATCH) return;
  }
}

async function pushGroup(ctx: Ctx, dbName: string, group: Outgoing[]): Promise<void> {
  const results = await ctx.couch.bulkDocs(dbName, group.map((o) => o.doc));
  const byId = new Map(results.map((r) => [r.id, r]));
  const saved: Outgoing[] = [];
  for (const o of group) {
    const r = byId.get(o.doc._id);
    if (r?.ok && r.rev) { o.doc._rev = r.rev; saved.push(o); continue; }
    if (r?.error === 'conflict') { await settleConflict(ctx, dbName, o); continue; }
    if (r?.error === 'forbidden') {
      ctx.report.refused.push({ docId: o.docId, reason: r.reason ?? 'refused' });
      await dropEntries(ctx.db, [{ id: o.docId, at: o.entryAt }]);
      continue;
    }
    if (r?.error === 'unauthorized') throw new CouchError('forbidden', 403, r.reason ?? `not allowed to write ${dbName}`);
    // Anything else stays in the outbox for the next cycle.
  }
  if (!saved.length) return;
  await ctx.db.transaction('rw', [ctx.db.syncDocs, ctx.db.syncOutbox], async () => {
    await ctx.db.syncDocs.bulkPut(saved.filter((o) => o.doc._deleted || o.row).map((o) => stateOf(dbName, o.doc, o.row)));
    await dropEntries(ctx.db, saved.map((o) => ({ id: o.docId, at: o.entryAt })));
  });
  ctx.report.pushed += saved.length;
}

/** Drops outbox entries that were not written again since they were read (a newer edit stays queued). */
async function dropEntries(db: HuikuanDb, entries: Array<{ id: string; at: number }>): Promise<void> {
  if (!entries.length) return;
  await db.transaction('rw', db.syncOutbox, async () => {
    const now = await db.syncOutbox.bulkGet(entries.map((e) => e.id));
    await db.syncOutbox.bulkDelete(entries.filter((e, i) => now[i] && now[i]!.at === e.at).map((e) => e.id));
  });
}

function stateOf(dbName: string, doc: SyncDoc, row?: Record<string, unknown>): SyncDocRow {
  const parsed = parseDocId(doc._id)!;
  const base: SyncDoc = { ...doc };
  delete base._conflicts;
  if (parsed.kind === 'ledgers') delete base.row;
  else if (row && !doc._deleted) base.row = row;
  return { id: doc._id, db: dbName, kind: parsed.kind, key: parsed.key, customerId: doc.customerId, owner: doc.owner, rev: doc._rev!, base };
}

/** The server has a newer revision than the one this edit started from: merge by the rules and write again. */
async function settleConflict(ctx: Ctx, dbName: string, o: Outgoing, attempt = 0): Promise<void> {
  const [current] = await ctx.couch.currentRevs(dbName, [o.doc._id]);
  if (!current?.rev) return; // vanished meanwhile: the next cycle sends it again
  const remote = (await ctx.couch.getDoc(dbName, o.doc._id, current.rev)) as unknown as SyncDoc;
  if (remote._deleted) { remote.kind ??= o.doc.kind; remote.at ??= 0; remote.by ??= ''; }
  const result = mergeDocs(o.state?.base, o.doc, remote);
  const followsRemote = result.outcome === 'remote' || (result.outcome === 'deleted' && remote._deleted)
    || sameValue(result.doc.row, remote.row) && !!result.doc._deleted === !!remote._deleted && sameValue(result.doc.alsoSet, remote.alsoSet);
  if (followsRemote) {
    await applyDocs(ctx, dbName, [remote]);
    await dropEntries(ctx.db, [{ id: o.docId, at: o.entryAt }]);
    ctx.report.merged++;
    return;
  }
  const merged: SyncDoc = { ...result.doc, _rev: current.rev, by: ctx.me.name, at: Math.max(o.doc.at, remote.at ?? 0) };
  const [r] = await ctx.couch.bulkDocs(dbName, [merged]);
  if (r?.error === 'conflict' && attempt < 3) return settleConflict(ctx, dbName, o, attempt + 1);
  if (!r?.ok || !r.rev) {
    if (r?.error === 'forbidden') ctx.report.refused.push({ docId: o.docId, reason: r.reason ?? 'refused' });
    return;
  }
  merged._rev = r.rev;
  await applyDocs(ctx, dbName, [merged]);
  await dropEntries(ctx.db, [{ id: o.docId, at: o.entryAt }]);
  await noteMerges(ctx, merged, result.setAside);
  ctx.report.merged++;
  ctx.report.pushed++;
}

async function noteMerges(ctx: Ctx, doc: SyncDoc, setAside: AlsoSet[]): Promise<void> {
  if (!setAside.length) return;
  const kind = parseDocId(doc._id)!.kind;
  const notes: MergeNote[] = setAside.map((a) => ({ ...a, docId: doc._id, kind, customerId: doc.customerId, mergedAt: ctx.now.getTime() }));
  const prev = ((await ctx.db.meta.get(META.merges))?.value as MergeNote[] | undefined) ?? [];
  await ctx.db.meta.put({ key: META.merges, value: [...notes, ...prev].slice(0, MAX_MERGES_KEPT) });
}

// ---------------------------------------------------------------------------------------------------- pull

async function pullDb(ctx: Ctx, dbName: string): Promise<void> {
  let since: Seq = ((await ctx.db.meta.get(META.checkpoint(dbName)))?.value as Seq | undefined) ?? 0;
  for (;;) {
    let page;
    try {
      page = await ctx.couch.changes(dbName, since, PULL_PAGE);
    } catch (e) {
      if (e instanceof CouchError && (e.kind === 'forbidden' || e.kind === 'unauthorized')) {
        // The session is good (it answered at the start), so this database was closed to us: its data goes.
        await removeRevoked(ctx, [dbName], []);
        return;
      }
      throw e;
    }
    const docs = page.results.filter((r) => r.doc && parseDocId(r.id)).map((r) => r.doc as unknown as SyncDoc);
    const pending = new Set((await ctx.db.syncOutbox.bulkGet(docs.map((d) => d._id))).filter((x) => !!x).map((x) => x.id));
    // A record edited here and not yet sent is left to the push, which meets the server's revision as a conflict
    // and merges it by the rules.
    const incoming = docs.filter((d) => !pending.has(d._id));
    await applyDocs(ctx, dbName, incoming, page.last_seq);
    for (const d of incoming) if (d._conflicts?.length) await settleServerConflicts(ctx, dbName, d);
    if (sameValue(page.last_seq, since) || page.results.length < PULL_PAGE) return;
    since = page.last_seq;
  }
}

/**
 * Writes server documents into the store in one transaction, with the checkpoint when one is given, and refreshes
 * the touched customers' summaries. A row that fails the domain schema is not stored (counted as malformed).
 */
async function applyDocs(ctx: Ctx, dbName: string, docs: SyncDoc[], checkpoint?: Seq): Promise<void> {
  const { db } = ctx;
  const states: SyncDocRow[] = [];
  const puts = new Map<SyncKind, Record<string, unknown>[]>();
  const deletes = new Map<SyncKind, string[]>();
  const touched = new Set<string>();
  for (const doc of docs) {
    const id = parseDocId(doc._id)!;
    if (doc._deleted) {
      (deletes.get(id.kind) ?? deletes.set(id.kind, []).get(id.kind)!).push(id.key);
      const known = await db.syncDocs.get(doc._id);
      const customerId = doc.customerId ?? known?.customerId;
      if (customerId) touched.add(customerId);
      states.push({ id: doc._id, db: dbName, kind: id.kind, key: id.key, customerId: customerId ?? '', owner: doc.owner ?? known?.owner ?? '',
        rev: doc._rev!, base: { ...doc, kind: id.kind, at: doc.at ?? 0, by: doc.by ?? '', owner: doc.owner ?? '', customerId: customerId ?? '' } });
      continue;
    }
    const parsed = rowSchemas[id.kind].safeParse(doc.row);
    if (!parsed.success || doc.kind !== id.kind || customerIdOf(id.kind, parsed.data) !== doc.customerId) { ctx.report.malformed++; continue; }
    (puts.get(id.kind) ?? puts.set(id.kind, []).get(id.kind)!).push(parsed.data);
    touched.add(doc.customerId);
    states.push(stateOf(dbName, doc, parsed.data));
  }
  await db.transaction('rw', db.tables, async (tx: Transaction) => {
    markFromServer(tx.idbtrans);
    for (const kind of syncKinds) {
      const p = puts.get(kind);
      if (p?.length) await db.table(kind).bulkPut(p);
      const d = deletes.get(kind);
      if (d?.length) await db.table(kind).bulkDelete(d);
    }
    if (states.length) await db.syncDocs.bulkPut(states);
    if (checkpoint !== undefined) await db.meta.put({ key: META.checkpoint(dbName), value: checkpoint });
    if (touched.size) await refreshCustomers(db, [...touched], ctx.now);
  });
  ctx.report.pulled += states.length;
}

/**
 * Conflicting revisions on the server itself (made by server-to-server replication, or a cluster's nodes): each
 * losing revision is merged into the winner by the rules, the result written over the winner and the losers
 * deleted, as CouchDB's documentation prescribes.
 */
async function settleServerConflicts(ctx: Ctx, dbName: string, winner: SyncDoc): Promise<void> {
  let merged: SyncDoc = winner;
  const setAside: AlsoSet[] = [];
  for (const rev of winner._conflicts ?? []) {
    const other = (await ctx.couch.getDoc(dbName, winner._id, rev)) as unknown as SyncDoc;
    const result = mergeDocs(undefined, merged, other);
    merged = { ...result.doc, _id: winner._id };
    setAside.push(...result.setAside);
  }
  const write: SyncDoc = { ...merged, _rev: winner._rev, by: ctx.me.name, at: Math.max(winner.at, merged.at) };
  delete write._conflicts;
  const losers = (winner._conflicts ?? []).map((rev) => ({ ...tombstone(winner.kind, parseDocId(winner._id)!.key,
    { owner: winner.owner, by: ctx.me.name, at: write.at, customerId: winner.customerId }, rev) }));
  const results = await ctx.couch.bulkDocs(dbName, [write, ...losers]);
  const first = results[0];
  if (first?.ok && first.rev) {
    write._rev = first.rev;
    await applyDocs(ctx, dbName, [write]);
    await noteMerges(ctx, write, setAside);
    ctx.report.merged++;
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) (m.get(key(i)) ?? m.set(key(i), []).get(key(i))!).push(i);
  return m;
}

/** Turning team mode on: every record this browser holds is queued once (the outbox then follows each write). */
export async function queueEverything(db: HuikuanDb, at: number): Promise<number> {
  let n = 0;
  for (const kind of syncKinds) {
    const keys = (await db.table(kind).toCollection().primaryKeys()) as string[];
    for (let i = 0; i < keys.length; i += 5000) {
      const slice = keys.slice(i, i + 5000);
      await db.syncOutbox.bulkPut(slice.map((key) => ({ id: `${kind}:${key}`, kind, key, op: 'put' as const, at })));
    }
    n += keys.length;
  }
  return n;
}
