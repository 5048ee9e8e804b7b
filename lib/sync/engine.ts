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
  activitySchema,
  contactSchema,
  customerSchema,
  paymentPromiseSchema,
  paymentProcessProfileSchema,
  paymentSchema,
  preparationsSchema,
  receivableSchema,
} from '../domain';
import { z } from 'zod';
import type { CustomerLedger, HuikuanDb, SyncDocRow } from '../db/schema';
import { refreshCustomers } from '../db/repo';
import { type OutboxRow, markFromServer } from './capture';
import { type Couch, CouchError, type Seq, type Session } from './couch';
import {
  type AlsoSet,
  type SyncDoc,
  type SyncKind,
  customerIdOf,
  docFromRow,
  editedAt,
  parseDocId,
  sameValue,
  syncKinds,
  tombstone,
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

export interface MergeNote extends AlsoSet {
  docId: string;
  kind: SyncKind;
  customerId: string;
  mergedAt: number;
}
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
  customers: customerSchema,
  contacts: contactSchema,
  promises: paymentPromiseSchema,
  activities: activitySchema,
  profiles: paymentProcessProfileSchema,
  preparations: preparationsSchema,
  ledgers: z.object({
    customerId: z.string().min(1).max(64),
    receivables: z.array(receivableSchema),
    payments: z.array(paymentSchema),
    updatedAt: z.number().int(),
  }),
} as unknown as Record<SyncKind, z.ZodType<Record<string, unknown>>>;

const PUSH_BATCH = 500;
const PULL_PAGE = 500;
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
  at,
  ok: false,
  pushed: 0,
  pulled: 0,
  merged: 0,
  refused: [],
  malformed: 0,
  notShared: 0,
  revoked: [],
  pending: 0,
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
      await removeRevoked(
        ctx,
        await syncedDbs(db),
        visible.map((m) => m.db),
      );
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
  if (!team.success)
    throw new CouchError('garbage', 200, `the team document is malformed: ${team.error.issues[0]?.message ?? ''}`);
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

/**
 * One document to write in one database. A record whose customer changed hands is two: a tombstone that takes it
 * out of the old owner's database (`leaving`) and the record in the new owner's.
 */
interface Outgoing {
  entryAt: number;
  docId: string;
  db: string;
  doc: SyncDoc;
  row?: Record<string, unknown>;
  state?: SyncDocRow;
  leaving?: boolean;
  /** What became of it: written, settled by a merge, refused for good, or left in the outbox for the next cycle. */
  result?: 'saved' | 'settled' | 'refused';
}

/**
 * Pushes the outbox a page at a time (keyed by document id, so entries left for the next cycle are never read
 * twice in one). Each page costs a handful of reads of the store and one `_bulk_docs` per database, whatever
 * its size.
 */
async function push(ctx: Ctx): Promise<void> {
  const { db } = ctx;
  let after: string | undefined;
  for (;;) {
    const page = after === undefined ? db.syncOutbox.orderBy('id') : db.syncOutbox.where('id').above(after);
    const entries = (await page.limit(PUSH_BATCH).toArray()) as OutboxRow[];
    if (!entries.length) return;
    after = entries[entries.length - 1].id;
    await pushPage(ctx, entries);
    if (entries.length < PUSH_BATCH) return;
  }
}

/** The local rows the entries name, read in one request per kind. */
async function readRows(db: HuikuanDb, entries: OutboxRow[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const [kind, group] of groupBy(
    entries.filter((e) => e.op === 'put'),
    (e) => e.kind,
  )) {
    const rows = (await db.table(kind).bulkGet(group.map((e) => e.key))) as Array<Record<string, unknown> | undefined>;
    group.forEach((e, i) => {
      if (rows[i]) out.set(e.id, rows[i]!);
    });
  }
  return out;
}

async function readCustomers(
  db: HuikuanDb,
  rows: Map<string, Record<string, unknown>>,
  entries: OutboxRow[],
  into = new Map<string, Record<string, unknown>>(),
): Promise<Map<string, Record<string, unknown>>> {
  for (const e of entries) if (e.kind === 'customers' && rows.has(e.id)) into.set(e.key, rows.get(e.id)!);
  const missing = [
    ...new Set(entries.filter((e) => rows.has(e.id)).map((e) => customerIdOf(e.kind, rows.get(e.id)!))),
  ].filter((id) => !into.has(id));
  const found = await db.customers.bulkGet(missing);
  missing.forEach((id, i) => {
    if (found[i]) into.set(id, found[i] as unknown as Record<string, unknown>);
  });
  return into;
}

/**
 * A customer that changed hands takes its records with it at once: when the customer's record is about to move to
 * its new owner's database, every record of that customer on the server in another database (its ledger of
 * receivables and payments, promises, activities, contacts, profile, preparations) is queued beside it. The entries are also written to the outbox, so a move cut off half-way is finished later.
 */
async function followers(
  ctx: Ctx,
  entries: OutboxRow[],
  rows: Map<string, Record<string, unknown>>,
  customers: Map<string, Record<string, unknown>>,
  states: Map<string, SyncDocRow>,
): Promise<OutboxRow[]> {
  const target = new Map<string, { db: string; at: number }>();
  for (const e of entries) {
    const row = rows.get(e.id);
    const state = states.get(e.id);
    if (e.kind !== 'customers' || !row || !state) continue;
    const member = memberForOwner(ctx.team, ctx.visible, customers.get(e.key)?.owner as string | undefined, ctx.me);
    if (member && member.db !== state.db) target.set(e.key, { db: member.db, at: e.at });
  }
  if (!target.size) return [];
  const inPage = new Set(entries.map((e) => e.id));
  const moving = (
    await ctx.db.syncDocs
      .where('customerId')
      .anyOf([...target.keys()])
      .toArray()
  ).filter(
    (s) => s.kind !== 'customers' && !inPage.has(s.id) && !s.base._deleted && s.db !== target.get(s.customerId)!.db,
  );
  if (!moving.length) return [];
  const queued = await ctx.db.syncOutbox.bulkGet(moving.map((s) => s.id));
  const out = moving.map(
    (s, i): OutboxRow =>
      (queued[i] as OutboxRow | undefined) ?? {
        id: s.id,
        kind: s.kind,
        key: s.key,
        op: 'put',
        at: target.get(s.customerId)!.at,
      },
  );
  await ctx.db.syncOutbox.bulkPut(out.filter((_o, i) => !queued[i]));
  return out;
}

async function pushPage(ctx: Ctx, page: OutboxRow[]): Promise<void> {
  const { db } = ctx;
  const rows = await readRows(db, page);
  const customers = await readCustomers(db, rows, page);
  const states = new Map((await db.syncDocs.bulkGet(page.map((e) => e.id))).filter((s) => !!s).map((s) => [s.id, s]));
  const extra = await followers(ctx, page, rows, customers, states);
  const entries = [...page, ...extra];
  if (extra.length) {
    for (const [id, row] of await readRows(db, extra)) rows.set(id, row);
    for (const s of await db.syncDocs.bulkGet(extra.map((e) => e.id))) if (s) states.set(s.id, s);
  }
  const outgoing: Outgoing[] = [];
  const drop: Array<{ id: string; at: number }> = [];
  for (const e of entries) {
    const state = states.get(e.id);
    if (e.op === 'delete') {
      if (!state || state.base._deleted) {
        drop.push(e);
        continue;
      }
      outgoing.push({
        entryAt: e.at,
        docId: e.id,
        db: state.db,
        state,
        doc: tombstone(
          e.kind,
          e.key,
          { owner: state.owner, by: ctx.me.name, at: e.at, customerId: state.customerId },
          state.rev,
        ),
      });
      continue;
    }
    const row = rows.get(e.id);
    // Gone without a deletion of its own (the store was cleared): nothing to send.
    if (!row) {
      drop.push(e);
      continue;
    }
    const customerId = customerIdOf(e.kind, row);
    const member = memberForOwner(
      ctx.team,
      ctx.visible,
      customers.get(customerId)?.owner as string | undefined,
      ctx.me,
    );
    if (!member) {
      ctx.report.notShared++;
      continue;
    }
    const at = editedAt(e.kind, row) ?? e.at;
    if (state && state.db !== member.db) {
      // The customer changed hands: its record leaves the old owner's database and enters the new one's, keeping
      // its field stamps, set-aside values and history (not its revision, which is the old database's).
      if (!state.base._deleted) {
        outgoing.push({
          entryAt: e.at,
          docId: e.id,
          db: state.db,
          leaving: true,
          doc: tombstone(e.kind, e.key, { owner: state.owner, by: ctx.me.name, at, customerId }, state.rev),
        });
      }
      const base: SyncDoc = { ...state.base };
      delete base._rev;
      outgoing.push({
        entryAt: e.at,
        docId: e.id,
        db: member.db,
        row,
        doc: docFromRow(e.kind, row, { owner: member.name, by: ctx.me.name, at }, base),
      });
      continue;
    }
    outgoing.push({
      entryAt: e.at,
      docId: e.id,
      db: member.db,
      row,
      state,
      doc: docFromRow(e.kind, row, { owner: member.name, by: ctx.me.name, at }, state?.base),
    });
  }
  await dropEntries(db, drop);
  // First out of the old databases: a record enters its new one only once it has left the old (else it would
  // stay readable by its former owner), and stays queued when it could not leave.
  const leaving = outgoing.filter((o) => o.leaving);
  for (const [dbName, group] of groupBy(leaving, (o) => o.db)) await leave(ctx, dbName, group);
  const stuck = new Set(leaving.filter((o) => o.result !== 'saved').map((o) => o.docId));
  const rest = outgoing.filter((o) => !o.leaving && !stuck.has(o.docId));
  for (const [dbName, group] of groupBy(rest, (o) => o.db)) await pushGroup(ctx, dbName, group);
  const saved = rest.filter((o) => o.result === 'saved');
  const done = rest.filter((o) => o.result);
  await db.transaction('rw', [db.syncDocs, db.syncOutbox], async () => {
    if (saved.length) await db.syncDocs.bulkPut(saved.map((o) => stateOf(o.db, o.doc, o.row)));
    await dropEntries(
      db,
      done.map((o) => ({ id: o.docId, at: o.entryAt })),
    );
  });
  ctx.report.pushed += saved.length + leaving.filter((o) => o.result === 'saved').length;
}

/** Tombstones taking records out of a database they no longer belong in; a newer revision there is overwritten. */
async function leave(ctx: Ctx, dbName: string, group: Outgoing[], attempt = 0): Promise<void> {
  const results = new Map(
    (
      await ctx.couch.bulkDocs(
        dbName,
        group.map((o) => o.doc),
      )
    ).map((r) => [r.id, r]),
  );
  const conflicted: Outgoing[] = [];
  for (const o of group) {
    const r = results.get(o.doc._id);
    if (r?.ok) o.result = 'saved';
    else if (r?.error === 'conflict') conflicted.push(o);
    else if (r?.error === 'forbidden') ctx.report.refused.push({ docId: o.docId, reason: r.reason ?? 'refused' });
  }
  if (!conflicted.length) return;
  const current = new Map(
    (
      await ctx.couch.currentRevs(
        dbName,
        conflicted.map((o) => o.doc._id),
      )
    ).map((c) => [c.id, c]),
  );
  const again: Outgoing[] = [];
  for (const o of conflicted) {
    const c = current.get(o.doc._id);
    if (!c?.rev || c.deleted) {
      o.result = 'saved';
      continue;
    } // already gone from there
    o.doc._rev = c.rev;
    again.push(o);
  }
  if (again.length && attempt < 3) await leave(ctx, dbName, again, attempt + 1);
}

async function pushGroup(ctx: Ctx, dbName: string, group: Outgoing[]): Promise<void> {
  const results = await ctx.couch.bulkDocs(
    dbName,
    group.map((o) => o.doc),
  );
  const byId = new Map(results.map((r) => [r.id, r]));
  const conflicted: Outgoing[] = [];
  for (const o of group) {
    const r = byId.get(o.doc._id);
    if (r?.ok && r.rev) {
      o.doc._rev = r.rev;
      o.result = 'saved';
      continue;
    }
    if (r?.error === 'conflict') {
      conflicted.push(o);
      continue;
    }
    if (r?.error === 'forbidden') {
      ctx.report.refused.push({ docId: o.docId, reason: r.reason ?? 'refused' });
      o.result = 'refused';
      continue;
    }
    if (r?.error === 'unauthorized')
      throw new CouchError('forbidden', 403, r.reason ?? `not allowed to write ${dbName}`);
    // Anything else stays in the outbox for the next cycle.
  }
  if (conflicted.length) await settleConflicts(ctx, dbName, conflicted);
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
  return {
    id: doc._id,
    db: dbName,
    kind: parsed.kind,
    key: parsed.key,
    customerId: doc.customerId,
    owner: doc.owner,
    rev: doc._rev!,
    base,
  };
}

/**
 * The server has newer revisions than the ones these edits started from: fetch them all at once (`_all_docs` for
 * the revisions, `_bulk_get` for the documents), merge each by the rules and write the merges back in one
 * `_bulk_docs`; a merge that meets a still newer revision is settled again (three times at most per cycle).
 */
async function settleConflicts(ctx: Ctx, dbName: string, list: Outgoing[], attempt = 0): Promise<void> {
  const current = new Map(
    (
      await ctx.couch.currentRevs(
        dbName,
        list.map((o) => o.doc._id),
      )
    ).map((c) => [c.id, c.rev]),
  );
  // A document that vanished meanwhile is sent again by the next cycle.
  const live = list.filter((o) => current.get(o.doc._id));
  const remotes = await ctx.couch.bulkGet(
    dbName,
    live.map((o) => ({ id: o.doc._id, rev: current.get(o.doc._id)! })),
  );
  const follow: Outgoing[] = [];
  const writes: Array<{ o: Outgoing; doc: SyncDoc; setAside: AlsoSet[] }> = [];
  for (const o of live) {
    const rev = current.get(o.doc._id)!;
    const remote = remotes.get(`${o.doc._id}@${rev}`) as unknown as SyncDoc | undefined;
    if (!remote) continue;
    if (remote._deleted) {
      remote.kind ??= o.doc.kind;
      remote.at ??= 0;
      remote.by ??= '';
    }
    const result = mergeDocs(o.state?.base, o.doc, remote);
    const followsRemote =
      result.outcome === 'remote' ||
      (result.outcome === 'deleted' && remote._deleted) ||
      (sameValue(result.doc.row, remote.row) &&
        !!result.doc._deleted === !!remote._deleted &&
        sameValue(result.doc.alsoSet, remote.alsoSet));
    if (followsRemote) {
      o.doc = remote;
      follow.push(o);
      continue;
    }
    writes.push({
      o,
      setAside: result.setAside,
      doc: { ...result.doc, _rev: rev, by: ctx.me.name, at: Math.max(o.doc.at, remote.at ?? 0) },
    });
  }
  if (follow.length) {
    await applyDocs(
      ctx,
      dbName,
      follow.map((o) => o.doc),
    );
    for (const o of follow) o.result = 'settled';
    ctx.report.merged += follow.length;
  }
  if (!writes.length) return;
  const results = new Map(
    (
      await ctx.couch.bulkDocs(
        dbName,
        writes.map((w) => w.doc),
      )
    ).map((r) => [r.id, r]),
  );
  const written: typeof writes = [];
  const again: Outgoing[] = [];
  for (const w of writes) {
    const r = results.get(w.doc._id);
    if (r?.ok && r.rev) {
      w.doc._rev = r.rev;
      written.push(w);
      continue;
    }
    if (r?.error === 'conflict') {
      again.push(w.o);
      continue;
    }
    if (r?.error === 'forbidden') ctx.report.refused.push({ docId: w.o.docId, reason: r.reason ?? 'refused' });
  }
  if (written.length) {
    await applyDocs(
      ctx,
      dbName,
      written.map((w) => w.doc),
    );
    await noteMerges(ctx, written);
    for (const w of written) w.o.result = 'settled';
    ctx.report.merged += written.length;
    ctx.report.pushed += written.length;
  }
  if (again.length && attempt < 3) await settleConflicts(ctx, dbName, again, attempt + 1);
}

async function noteMerges(ctx: Ctx, merged: Array<{ doc: SyncDoc; setAside: AlsoSet[] }>): Promise<void> {
  const notes: MergeNote[] = merged.flatMap(({ doc, setAside }) =>
    setAside.map((a) => ({
      ...a,
      docId: doc._id,
      kind: parseDocId(doc._id)!.kind,
      customerId: doc.customerId,
      mergedAt: ctx.now.getTime(),
    })),
  );
  if (!notes.length) return;
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
    const ids = docs.map((d) => d._id);
    const [queued, held] = await Promise.all([ctx.db.syncOutbox.bulkGet(ids), ctx.db.syncDocs.bulkGet(ids)]);
    // A record edited here and not yet sent is left to the push, which meets the server's revision as a conflict
    // and merges it by the rules. A revision this browser already holds in this database (the one it has just
    // pushed, coming back in its own `_changes`) is skipped: no write, no summary refresh.
    const incoming = docs.filter(
      (d, i) => !queued[i] && !(held[i] && held[i]!.db === dbName && held[i]!.rev === d._rev),
    );
    await applyDocs(ctx, dbName, incoming, page.last_seq);
    for (let i = 0; i < docs.length; i++)
      if (docs[i]._conflicts?.length && !queued[i]) await settleServerConflicts(ctx, dbName, docs[i]);
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
  const deleted = docs.filter((d) => d._deleted);
  const knownRows = await db.syncDocs.bulkGet(deleted.map((d) => d._id));
  const knownOf = new Map(deleted.map((d, i) => [d._id, knownRows[i]]));
  for (const doc of docs) {
    const id = parseDocId(doc._id)!;
    if (doc._deleted) {
      const known = knownOf.get(doc._id);
      // The record left this database for another one, where this browser already has it (its customer changed
      // hands and the new owner's database was read first): the tombstone is not a deletion here.
      if (known && known.db !== dbName && !known.base._deleted) continue;
      (deletes.get(id.kind) ?? deletes.set(id.kind, []).get(id.kind)!).push(id.key);
      const customerId = doc.customerId ?? known?.customerId;
      if (customerId) touched.add(customerId);
      states.push({
        id: doc._id,
        db: dbName,
        kind: id.kind,
        key: id.key,
        customerId: customerId ?? '',
        owner: doc.owner ?? known?.owner ?? '',
        rev: doc._rev!,
        base: {
          ...doc,
          kind: id.kind,
          at: doc.at ?? 0,
          by: doc.by ?? '',
          owner: doc.owner ?? '',
          customerId: customerId ?? '',
        },
      });
      continue;
    }
    const parsed = rowSchemas[id.kind].safeParse(doc.row);
    if (!parsed.success || doc.kind !== id.kind || customerIdOf(id.kind, parsed.data) !== doc.customerId) {
      ctx.report.malformed++;
      continue;
    }
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
    // Only the touched customers' rows are read (`bounded`), the ledgers just written not even that: a page costs
    // the same in a store of 500 customers as in one of 10,000.
    const ledgers = new Map(
      (puts.get('ledgers') ?? []).map((l) => [l.customerId as string, l as unknown as CustomerLedger]),
    );
    if (touched.size) await refreshCustomers(db, [...touched], ctx.now, { ledgers, bounded: true });
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
  const others = await ctx.couch.bulkGet(
    dbName,
    (winner._conflicts ?? []).map((rev) => ({ id: winner._id, rev })),
  );
  for (const rev of winner._conflicts ?? []) {
    const other = others.get(`${winner._id}@${rev}`) as unknown as SyncDoc | undefined;
    if (!other) return; // compacted or settled meanwhile: the next change of this document brings it back
    const result = mergeDocs(undefined, merged, other);
    merged = { ...result.doc, _id: winner._id };
    setAside.push(...result.setAside);
  }
  const write: SyncDoc = { ...merged, _rev: winner._rev, by: ctx.me.name, at: Math.max(winner.at, merged.at) };
  delete write._conflicts;
  const losers = (winner._conflicts ?? []).map((rev) => ({
    ...tombstone(
      winner.kind,
      parseDocId(winner._id)!.key,
      { owner: winner.owner, by: ctx.me.name, at: write.at, customerId: winner.customerId },
      rev,
    ),
  }));
  const results = await ctx.couch.bulkDocs(dbName, [write, ...losers]);
  const first = results[0];
  if (first?.ok && first.rev) {
    write._rev = first.rev;
    await applyDocs(ctx, dbName, [write]);
    await noteMerges(ctx, [{ doc: write, setAside }]);
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
