/**
 * The conflict rules, as pure functions over documents. CouchDB keeps both sides of a conflict; which side wins
 * is decided here, never by the revision order:
 * - a ledger follows its source: the later import wins whole, and its history records what it replaced;
 * - activities are written once (and promises only change their own fields): they never truly conflict;
 * - customers, contacts, promises, profiles and preparations merge field by field: a field edited on one side
 *   only takes that side; a field edited on both takes the later edit and keeps the other visible (`alsoSet`);
 * - a deletion wins over an edit only when it is newer.
 */
import {
  type AlsoSet,
  type FieldStamp,
  type LedgerHistoryEntry,
  type SyncDoc,
  fieldMergedKinds,
  fieldNames,
  sameValue,
} from './docs';

export interface MergeResult {
  doc: SyncDoc;
  /** Values set aside by this merge (shown to the user as "also set to …"). */
  setAside: AlsoSet[];
  /** Which side the result follows, for the UI's note and the tests. */
  outcome: 'local' | 'remote' | 'merged' | 'deleted';
}

const MAX_ALSO_SET_PER_FIELD = 5;
const bookkeeping = new Set(['id', 'customerId', 'updatedAt', 'createdAt']);

/** Later stamp wins; equal instants are ordered by name so both browsers decide the same. */
function later(a: FieldStamp, b: FieldStamp): 'a' | 'b' {
  if (a.at !== b.at) return a.at > b.at ? 'a' : 'b';
  return a.by >= b.by ? 'a' : 'b';
}

function stampOf(doc: SyncDoc): FieldStamp {
  return { at: doc.at, by: doc.by };
}

function edited(stamp: FieldStamp | undefined, base: FieldStamp | undefined): boolean {
  if (!stamp) return false;
  return !base || stamp.at !== base.at || stamp.by !== base.by;
}

/**
 * Merges the local document (this browser's unsent edit) with the remote one (the server's current revision),
 * given the base both started from (the revision this browser last saw; undefined when it never saw one).
 * The result carries no `_rev`: the caller writes it over the remote revision.
 */
export function mergeDocs(base: SyncDoc | undefined, local: SyncDoc, remote: SyncDoc): MergeResult {
  if (local._deleted || remote._deleted) return mergeDeletion(local, remote);
  if (local.kind === 'ledgers') return mergeLedger(local, remote);
  if (!fieldMergedKinds.has(local.kind)) {
    // Activities are written once; two versions can only be the same record written twice.
    const winner = later(stampOf(local), stampOf(remote)) === 'a' ? local : remote;
    return { doc: strip(winner), setAside: [], outcome: winner === local ? 'local' : 'remote' };
  }
  return mergeFields(base, local, remote);
}

function strip(doc: SyncDoc): SyncDoc {
  const { _rev: _r, _conflicts: _c, ...rest } = doc;
  return rest;
}

function mergeDeletion(local: SyncDoc, remote: SyncDoc): MergeResult {
  if (local._deleted && remote._deleted) {
    return {
      doc: strip(later(stampOf(local), stampOf(remote)) === 'a' ? local : remote),
      setAside: [],
      outcome: 'deleted',
    };
  }
  const deletion = local._deleted ? local : remote;
  const edit = local._deleted ? remote : local;
  // An edit made after the deletion brings the record back; a deletion made after the edit removes it.
  if (edit.at > deletion.at) return { doc: strip(edit), setAside: [], outcome: edit === local ? 'local' : 'remote' };
  return { doc: strip(deletion), setAside: [], outcome: 'deleted' };
}

function mergeLedger(local: SyncDoc, remote: SyncDoc): MergeResult {
  const localWins = later(stampOf(local), stampOf(remote)) === 'a';
  const [winner, loser] = localWins ? [local, remote] : [remote, local];
  const history = unionHistory(local.history, remote.history);
  if (!sameValue(winner.row, loser.row)) {
    history.push({ at: winner.at, by: winner.by, replacedAt: loser.at, replacedBy: loser.by });
  }
  return { doc: { ...strip(winner), history }, setAside: [], outcome: localWins ? 'local' : 'remote' };
}

function unionHistory(a: LedgerHistoryEntry[] = [], b: LedgerHistoryEntry[] = []): LedgerHistoryEntry[] {
  const seen = new Map<string, LedgerHistoryEntry>();
  for (const h of [...a, ...b]) seen.set(`${h.at}|${h.by}|${h.replacedAt}|${h.replacedBy}`, h);
  return [...seen.values()].sort((x, y) => x.at - y.at);
}

function mergeFields(base: SyncDoc | undefined, local: SyncDoc, remote: SyncDoc): MergeResult {
  const lrow = local.row ?? {};
  const rrow = remote.row ?? {};
  const row: Record<string, unknown> = {};
  const fields: Record<string, FieldStamp> = {};
  const setAside: AlsoSet[] = [];
  let tookLocal = false;
  let tookRemote = false;
  for (const f of fieldNames(lrow, rrow)) {
    if (bookkeeping.has(f)) continue;
    const ls = local.fields?.[f] ?? stampOf(local);
    const rs = remote.fields?.[f] ?? stampOf(remote);
    const bs = base?.fields?.[f];
    if (sameValue(lrow[f], rrow[f])) {
      assign(row, f, lrow[f]);
      fields[f] = later(ls, rs) === 'a' ? ls : rs;
      continue;
    }
    const localEdited = edited(local.fields?.[f], bs);
    const remoteEdited = edited(remote.fields?.[f], bs);
    let takeLocal: boolean;
    if (localEdited !== remoteEdited) takeLocal = localEdited;
    else {
      takeLocal = later(ls, rs) === 'a';
      const [loserValue, loserStamp] = takeLocal ? [rrow[f], rs] : [lrow[f], ls];
      setAside.push({ field: f, value: loserValue ?? null, by: loserStamp.by, at: loserStamp.at });
    }
    assign(row, f, takeLocal ? lrow[f] : rrow[f]);
    fields[f] = takeLocal ? ls : rs;
    if (takeLocal) tookLocal = true;
    else tookRemote = true;
  }
  // Bookkeeping: the record's identity, first creation and latest edit.
  for (const f of ['id', 'customerId']) if (lrow[f] !== undefined || rrow[f] !== undefined) row[f] = lrow[f] ?? rrow[f];
  if (typeof lrow.createdAt === 'number' || typeof rrow.createdAt === 'number') {
    row.createdAt = Math.min(...[lrow.createdAt, rrow.createdAt].filter((x): x is number => typeof x === 'number'));
  }
  if (typeof lrow.updatedAt === 'number' || typeof rrow.updatedAt === 'number') {
    row.updatedAt = Math.max(...[lrow.updatedAt, rrow.updatedAt].filter((x): x is number => typeof x === 'number'));
  }
  const newer = later(stampOf(local), stampOf(remote)) === 'a' ? local : remote;
  const alsoSet = keepAlsoSet([...(remote.alsoSet ?? []), ...(local.alsoSet ?? []), ...setAside], row);
  const doc: SyncDoc = { ...strip(newer), row, fields, ...(alsoSet.length ? { alsoSet } : {}) };
  if (!alsoSet.length) delete doc.alsoSet;
  const outcome = tookLocal && tookRemote ? 'merged' : setAside.length ? 'merged' : tookLocal ? 'local' : 'remote';
  return { doc, setAside, outcome };
}

function assign(row: Record<string, unknown>, f: string, v: unknown): void {
  if (v !== undefined) row[f] = v;
}

/** Distinct set-aside values that still differ from the field's value, the newest few per field. */
function keepAlsoSet(entries: AlsoSet[], row: Record<string, unknown>): AlsoSet[] {
  const seen = new Map<string, AlsoSet>();
  for (const e of entries) {
    if (sameValue(row[e.field], e.value) || (e.value === null && row[e.field] === undefined)) continue;
    seen.set(`${e.field}|${JSON.stringify(e.value)}|${e.by}|${e.at}`, e);
  }
  const byField = new Map<string, AlsoSet[]>();
  for (const e of seen.values()) (byField.get(e.field) ?? byField.set(e.field, []).get(e.field)!).push(e);
  return [...byField.values()].flatMap((list) => list.sort((a, b) => b.at - a.at).slice(0, MAX_ALSO_SET_PER_FIELD));
}
