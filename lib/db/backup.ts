/**
 * Full backup and restore of the store. The file format and its validation live in lib/transfer/backup.ts
 * (deterministic JSON: backup → restore → backup gives the same bytes); this module reads and writes the store.
 * A restore validates everything first and then replaces all records and the settings in one transaction, so a
 * bad file, or a failure half-way, changes nothing; it runs as the one bulk writer and keeps a safety copy of what
 * it replaces (lib/db/replace.ts).
 */
import { type BackupMeta, makeBackup } from '../transfer';
import { type HuikuanDb, versions } from './schema';
import { getSettings, readAll } from './repo';
import { type RestoreOptions, type RestoreResult, restoreFromText } from './replace';

export type { RestoreResult } from './replace';

export async function exportBackup(db: HuikuanDb, opts: { now: Date; appVersion?: string }): Promise<string> {
  const [data, settings] = await Promise.all([readAll(db), getSettings(db)]);
  // The store's schema version beside the file format's: a newer store's backup is refused by an older product.
  const meta: BackupMeta = { createdAt: opts.now.getTime(), schemaVersion: versions[versions.length - 1].version };
  if (opts.appVersion) meta.appVersion = opts.appVersion;
  return makeBackup({ ...data, settings: [settings] }, meta);
}

/** Validates `text` completely, then replaces every record (and the settings, when the file has them). */
export async function restoreBackup(db: HuikuanDb, text: string, opts: RestoreOptions): Promise<RestoreResult> {
  return restoreFromText(db, text, opts);
}
