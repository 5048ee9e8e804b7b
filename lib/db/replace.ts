/**
 * The operations that replace the whole store — loading the demo, restoring a backup, "delete all" — and how each
 * is undone. Each runs as the one bulk writer (lib/db/bulkWrite) and, in the same transaction as the replacement,
 * keeps a complete backup of what it replaces (a "safety copy", the last three kept in db.safetyCopies), so a
 * click on the wrong button costs nothing: the Data section lists the copies and restores any of them. Restoring a
 * safety copy is a restore like any other and so keeps a copy of what it replaces in turn.
 * Every report is read back from the store after the write (storeCounts), not taken from the input.
 */
import type { Settings } from '../domain';
import { type BackupIssue, type BackupMeta, type BackupParse, makeBackup, parseRestorable } from '../transfer';
import { type HuikuanDb, type SafetyCopyRow, type StoreCounts, versions } from './schema';
import { getSettings, readAll, replaceAll, type StoreContents, writeTables } from './repo';
import { UserError } from '../i18n/userError';
import { type BulkLock, type BulkWaitOptions, withBulkWrite } from './bulkWrite';

const LATEST_SCHEMA = versions[versions.length - 1].version;

/**
 * A backup written by a newer store (its `meta.schemaVersion`) is refused: its records may mean what this version
 * cannot read. An older one (or one without the field) is read through today's schemas, whose defaults fill what
 * older versions did not write — the same migration the store's upgrades make.
 */
function newerSchema(meta: BackupMeta): BackupIssue | undefined {
  const v = meta.schemaVersion;
  if (typeof v !== 'number' || v <= LATEST_SCHEMA) return undefined;
  return {
    path: 'meta.schemaVersion',
    code: 'newer-version',
    params: { version: String(v), supported: LATEST_SCHEMA },
    message: `This backup was made by a newer version of Huikuan (store version ${v}); this version reads ${LATEST_SCHEMA}.`,
  };
}

/** A backup as a restore reads it: record by record, as a store (references, amounts, no table missing), and its store version. */
export function parseForRestore(text: string): BackupParse {
  const parsed = parseRestorable(text);
  if (!parsed.ok) return parsed;
  const newer = newerSchema(parsed.meta);
  return newer ? { ok: false, errors: [newer] } : parsed;
}

/** How many safety copies are kept; the oldest goes when a fourth is written. */
export const SAFETY_COPIES_KEPT = 3;

export const emptyStore = (): StoreContents => ({
  customers: [],
  contacts: [],
  receivables: [],
  payments: [],
  promises: [],
  activities: [],
  profiles: [],
  preparations: [],
});

/** The counts a confirmation names, read from the store (receivables and payments from the ledgers). */
export async function storeCounts(db: HuikuanDb): Promise<StoreCounts> {
  return db.transaction('r', [db.customers, db.ledgers, db.promises, db.activities], async () => {
    let receivables = 0;
    let payments = 0;
    await db.ledgers.each((l) => {
      receivables += l.receivables.length;
      payments += l.payments.length;
    });
    const [customers, promises, activities] = await Promise.all([
      db.customers.count(),
      db.promises.count(),
      db.activities.count(),
    ]);
    return { customers, receivables, payments, promises, activities };
  });
}

export const countsOf = (
  d: Pick<StoreContents, 'customers' | 'receivables' | 'payments' | 'promises' | 'activities'>,
): StoreCounts => ({
  customers: d.customers.length,
  receivables: d.receivables.length,
  payments: d.payments.length,
  promises: d.promises.length,
  activities: d.activities.length,
});

const isEmpty = (c: StoreCounts) => !c.customers && !c.receivables && !c.payments && !c.promises && !c.activities;

/** The safety copies, newest first (without their backup text). */
export async function listSafetyCopies(db: HuikuanDb): Promise<Array<Omit<SafetyCopyRow, 'backup'>>> {
  const rows = await db.safetyCopies.orderBy('at').reverse().toArray();
  return rows.map(({ backup: _b, ...rest }) => rest);
}

export interface ReplaceResult {
  /** The safety copy of what was replaced; undefined when the store was empty (nothing to keep). */
  safetyCopyId?: string;
  /** What the store holds after the write. */
  counts: StoreCounts;
}

interface ReplaceInput {
  reason: SafetyCopyRow['reason'];
  file?: string;
  data: StoreContents;
  settings?: Settings;
  now: Date;
  beforeCommit?: () => void | Promise<void>;
}

/** The copy's id: its time and a random tail, so two in one millisecond do not collide. */
const copyId = (t: number) => `sc${t.toString(36).padStart(9, '0')}${Math.random().toString(36).slice(2, 8)}`;

/** Replaces the store (the caller holds the bulk lock), keeping a safety copy of what was there. */
async function replaceKeepingCopy(db: HuikuanDb, x: ReplaceInput): Promise<ReplaceResult> {
  const [before, current, settings] = await Promise.all([storeCounts(db), readAll(db), getSettings(db)]);
  const t = x.now.getTime();
  const copy: SafetyCopyRow | undefined = isEmpty(before)
    ? undefined
    : {
        id: copyId(t),
        at: t,
        reason: x.reason,
        counts: before,
        ...(x.file && { file: x.file }),
        backup: makeBackup(
          { ...current, settings: [settings] },
          { createdAt: t, safetyCopy: x.reason, schemaVersion: LATEST_SCHEMA },
        ),
      };
  // replaceAll's own tables, and the safety copy written in the same transaction.
  const tables = [...writeTables(db), db.safetyCopies];
  await db.transaction('rw', tables, async () => {
    if (copy) {
      await db.safetyCopies.put(copy);
      const keys = (await db.safetyCopies.orderBy('at').primaryKeys()) as string[];
      if (keys.length > SAFETY_COPIES_KEPT)
        await db.safetyCopies.bulkDelete(keys.slice(0, keys.length - SAFETY_COPIES_KEPT));
    }
    // Settings first, so the summaries rebuilt below use the restored limitation years and grace days.
    if (x.settings) await db.meta.put({ key: 'settings', value: x.settings });
    await replaceAll(db, x.data, x.now, x.beforeCommit);
  });
  return { ...(copy && { safetyCopyId: copy.id }), counts: await storeCounts(db) };
}

/** Loads the demo portfolio in place of the user's data, keeping a safety copy of it. */
export async function loadDemoData(
  db: HuikuanDb,
  data: StoreContents,
  now: Date,
  lock: BulkWaitOptions = {},
): Promise<ReplaceResult> {
  return withBulkWrite({ kind: 'demo' }, () => replaceKeepingCopy(db, { reason: 'demo', data, now }), lock);
}

/** Deletes every record, keeping a safety copy of them. */
export async function deleteAllData(db: HuikuanDb, now: Date, lock: BulkWaitOptions = {}): Promise<ReplaceResult> {
  return withBulkWrite(
    { kind: 'wipe' },
    () => replaceKeepingCopy(db, { reason: 'wipe', data: emptyStore(), now }),
    lock,
  );
}

export type RestoreResult = ({ ok: true; meta: BackupMeta } & ReplaceResult) | { ok: false; errors: BackupIssue[] };

export interface RestoreOptions {
  now: Date;
  file?: string;
  beforeCommit?: () => void | Promise<void>;
  lock?: BulkWaitOptions;
}

/** Validates `text` completely, then replaces every record (and the settings, when the file has them). */
export async function restoreFromText(
  db: HuikuanDb,
  text: string,
  opts: RestoreOptions,
  held?: BulkLock,
): Promise<RestoreResult> {
  const parsed = parseForRestore(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { settings, ...data } = parsed.data;
  return withBulkWrite(
    { kind: 'restore', ...(opts.file && { file: opts.file }) },
    async () => {
      const r = await replaceKeepingCopy(db, {
        reason: 'restore',
        file: opts.file,
        data,
        settings: settings[0],
        now: opts.now,
        beforeCommit: opts.beforeCommit,
      });
      return { ok: true as const, meta: parsed.meta, ...r };
    },
    { ...opts.lock, held: held ?? opts.lock?.held },
  );
}

/** Puts back a safety copy (the undo of a demo load, a restore or a wipe). */
export async function restoreSafetyCopy(
  db: HuikuanDb,
  id: string,
  opts: Omit<RestoreOptions, 'file'>,
): Promise<RestoreResult> {
  return withBulkWrite(
    { kind: 'restore-safety' },
    async (lock) => {
      const copy = await db.safetyCopies.get(id);
      if (!copy) throw new UserError('errors.safety.copyGone', {}, `safety copy ${id} is not in the store`);
      return restoreFromText(db, copy.backup, { ...opts, file: undefined }, lock);
    },
    opts.lock,
  );
}
