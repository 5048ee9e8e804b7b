/**
 * How the local Dexie rows travel as CouchDB documents. One document per record, `_id` = `<kind>:<key>`; the
 * keys are already globally unique (random ids, or the customer's id for the one-per-customer records), so two
 * browsers never mint the same id. The record itself sits under `row`, untouched; beside it the sync metadata the
 * conflict rules need: who wrote it and when (`by`, `at`), per-field edit stamps for the field-merged kinds,
 * the values a merge set aside (`alsoSet`), and for ledgers the history of which import replaced which.
 */
export const syncKinds = [
  'customers',
  'contacts',
  'ledgers',
  'promises',
  'activities',
  'profiles',
  'preparations',
] as const;
export type SyncKind = (typeof syncKinds)[number];

/** Field-merged kinds keep a stamp per field; the ledger follows its source; activities never change. */
export const fieldMergedKinds: ReadonlySet<SyncKind> = new Set([
  'customers',
  'contacts',
  'promises',
  'profiles',
  'preparations',
]);

export interface FieldStamp {
  at: number;
  by: string;
}
/** A value that lost a field merge, kept visible: "also set to … by 王磊 on 2 Dec". */
export interface AlsoSet {
  field: string;
  value: unknown;
  by: string;
  at: number;
}
/** One entry per time a ledger was replaced by a later import from another browser. */
export interface LedgerHistoryEntry {
  at: number;
  by: string;
  replacedAt: number;
  replacedBy: string;
}

export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  kind: SyncKind;
  /** The salesperson whose database holds it (the customer's owner). */
  owner: string;
  customerId: string;
  at: number;
  by: string;
  row?: Record<string, unknown>;
  fields?: Record<string, FieldStamp>;
  alsoSet?: AlsoSet[];
  history?: LedgerHistoryEntry[];
}

export function docIdOf(kind: SyncKind, key: string): string {
  return `${kind}:${key}`;
}

export function parseDocId(id: string): { kind: SyncKind; key: string } | undefined {
  const i = id.indexOf(':');
  if (i < 0) return undefined;
  const kind = id.slice(0, i) as SyncKind;
  if (!(syncKinds as readonly string[]).includes(kind)) return undefined;
  return { kind, key: id.slice(i + 1) };
}

/** The primary key of a row of each kind (ledgers, profiles and preparations are one per customer). */
export function keyOf(kind: SyncKind, row: Record<string, unknown>): string {
  return String(kind === 'ledgers' || kind === 'profiles' || kind === 'preparations' ? row.customerId : row.id);
}

export function customerIdOf(kind: SyncKind, row: Record<string, unknown>): string {
  return String(kind === 'customers' ? row.id : row.customerId);
}

/** The instant a row says it was last edited (activities are written once). */
export function editedAt(kind: SyncKind, row: Record<string, unknown>): number | undefined {
  const v = kind === 'activities' ? row.createdAt : row.updatedAt;
  return typeof v === 'number' ? v : undefined;
}

/** Fields that are bookkeeping, not something a person set: never shown as "also set to". */
const bookkeeping = new Set(['id', 'customerId', 'updatedAt', 'createdAt']);

/**
 * The document for a row edited locally. `base` is the document as this browser last saw it on the server: a
 * field whose value differs from it gets a new stamp (`at`, `by`), the others keep theirs, so the merge knows
 * which side edited which field.
 */
export function docFromRow(
  kind: SyncKind,
  row: Record<string, unknown>,
  meta: { owner: string; by: string; at: number },
  base?: SyncDoc,
): SyncDoc {
  const key = keyOf(kind, row);
  const doc: SyncDoc = {
    _id: docIdOf(kind, key),
    kind,
    owner: meta.owner,
    customerId: customerIdOf(kind, row),
    at: meta.at,
    by: meta.by,
    row,
  };
  if (base?._rev) doc._rev = base._rev;
  if (fieldMergedKinds.has(kind)) {
    const fields: Record<string, FieldStamp> = {};
    const before = base?._deleted ? undefined : base?.row;
    for (const f of fieldNames(row, before)) {
      if (bookkeeping.has(f)) continue;
      const same = before !== undefined && sameValue(row[f], before[f]);
      fields[f] = same && base?.fields?.[f] ? base.fields[f] : { at: meta.at, by: meta.by };
    }
    doc.fields = fields;
    if (base?.alsoSet?.length) doc.alsoSet = base.alsoSet.filter((a) => !sameValue(row[a.field], a.value));
  }
  if (kind === 'ledgers' && base?.history) doc.history = base.history;
  return doc;
}

/** A deletion, kept as a tombstone that says when and by whom (deletions win only when newer). */
export function tombstone(
  kind: SyncKind,
  key: string,
  meta: { owner: string; by: string; at: number; customerId: string },
  rev?: string,
): SyncDoc {
  return {
    _id: docIdOf(kind, key),
    ...(rev ? { _rev: rev } : {}),
    _deleted: true,
    kind,
    owner: meta.owner,
    customerId: meta.customerId,
    at: meta.at,
    by: meta.by,
  };
}

export function fieldNames(...rows: Array<Record<string, unknown> | undefined>): string[] {
  const names = new Set<string>();
  for (const r of rows) if (r) for (const k of Object.keys(r)) names.add(k);
  return [...names];
}

/** Deep equality of JSON values (rows are plain JSON: strings, numbers, arrays, objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
