/**
 * Full backup and restore of the store. The file format and its validation live in lib/transfer/backup.ts
 * (deterministic JSON: backup → restore → backup gives the same bytes); this module reads and writes the store.
 * A restore validates everything first and then replaces all records and the settings in one transaction, so a
 * bad file, or a failure half-way, changes nothing.
 */
import type { Settings } from '../domain';
import { type BackupIssue, type BackupMeta, makeBackup, parseBackup } from '../transfer';
import { type HuikuanDb, toolkitTables } from './schema';
import { getSettings, readAll, replaceAll, type StoreContents } from './repo';

export async function exportBackup(db: HuikuanDb, opts: { now: Date; appVersion?: string }): Promise<string> {
  const [data, settings] = await Promise.all([readAll(db), getSettings(db)]);
  const meta: BackupMeta = { createdAt: opts.now.getTime() };
  if (opts.appVersion) meta.appVersion = opts.appVersion;
  return makeBackup({ ...data, settings: [settings] }, meta);
}

export type RestoreResult =
  | { ok: true; counts: Record<keyof StoreContents, number>; meta: BackupMeta }
  | { ok: false; errors: BackupIssue[] };

/** Validates `text` completely, then replaces every record (and the settings, when the file has them). */
export async function restoreBackup(db: HuikuanDb, text: string, opts: { now: Date; beforeCommit?: () => void | Promise<void> }):
  Promise<RestoreResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { settings, ...rest } = parsed.data;
  const data: StoreContents = rest;
  const tables = [db.customers, db.contacts, db.ledgers, db.promises, db.activities, db.profiles,
    db.preparations, db.summaries, db.meta, db.imports, db.trash, ...toolkitTables(db)];
  await db.transaction('rw', tables, async () => {
    // Settings first, so the summaries rebuilt below use the restored limitation years and grace days.
    if (settings[0]) await db.meta.put({ key: 'settings', value: settings[0] satisfies Settings });
    await replaceAll(db, data, opts.now, opts.beforeCommit);
  });
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as unknown[]).length])) as
    Record<keyof StoreContents, number>;
  return { ok: true, counts, meta: parsed.meta };
}
