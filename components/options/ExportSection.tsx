/** Export (aging, worklist, calendar) and backup / restore. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { toIsoDay } from '@/lib/domain';
import { getDb } from '@/lib/db/schema';
import { exportBackup, restoreBackup } from '@/lib/db/backup';
import { notifyDataChanged } from '@/lib/browser/send';
import { type BackupIssue, type ExportTable, toCsv, toXlsx } from '@/lib/transfer';
import { MIME, downloadFile } from './download';
import { agingTable, icsText, worklistTable } from './exports';
import { fileBytes } from './importFile';
import { Card, Section, Status, btn, btnDanger } from './ui';
import { BackupIssueList, failureText } from './problems';
import { guardWrite } from './pendingWrite';
import { BulkWaitNotice, isAbort, useBulkRun } from './bulkWait';
import { useLiveQuery } from 'dexie-react-hooks';
import { parseForRestore, restoreSafetyCopy, storeCounts } from '@/lib/db/replace';
import { requestPersistence } from './storage';
import { useClock } from '@/components/app/clock';

type Msg = { text: string; tone: 'ok' | 'error' | 'info' | 'warn'; undoCopy?: string } | undefined;
type RestoreState =
  | { kind: 'idle' }
  | { kind: 'checking'; file: string }
  | { kind: 'valid'; file: string; text: string; counts: Record<string, number> }
  | { kind: 'invalid'; file: string; errors: BackupIssue[] }
  | { kind: 'busy' };

export function ExportSection() {
  const { t } = useTranslation(['options', 'popup', 'common']);
  const clock = useClock();
  const { lang, settings } = useApp();
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>();
  const [restore, setRestore] = useState<RestoreState>({ kind: 'idle' });
  const restoreInput = useRef<HTMLInputElement>(null);
  const bulk = useBulkRun();
  // What a restore would replace, counted in the store while the confirmation is shown.
  const held = useLiveQuery(() => (restore.kind === 'valid' ? storeCounts(getDb()) : undefined), [restore.kind]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setMsg({ text: t('export.working'), tone: 'info' });
    try {
      await fn();
    } catch (e) {
      setMsg({ text: (e as Error).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const save = (table: ExportTable, base: string, sheet: string, kind: 'csv' | 'xlsx') => {
    const file = `${base}.${kind}`;
    if (kind === 'csv') downloadFile(toCsv(table.rows, table.headers), file, MIME.csv);
    else downloadFile(toXlsx([{ name: sheet, headers: table.headers, rows: table.rows }]) as BlobPart, file, MIME.xlsx);
    setMsg({ text: t('export.done', { file }), tone: 'ok' });
  };

  const asOf = () => toIsoDay(clock());
  const exportAging = (kind: 'csv' | 'xlsx') =>
    run(async () => {
      const d = asOf();
      save(await agingTable(getDb(), d, t, settings), t('export.agingFile', { date: d }), t('export.sheetAging'), kind);
    });
  const exportWorklist = (kind: 'csv' | 'xlsx') =>
    run(async () => {
      const d = asOf();
      save(
        await worklistTable(getDb(), d, lang, settings, t),
        t('export.worklistFile', { date: d }),
        t('export.sheetWorklist'),
        kind,
      );
    });
  const exportIcs = () =>
    run(async () => {
      const { text, count } = await icsText(getDb(), asOf(), lang, t, clock());
      if (!count) {
        setMsg({ text: t('export.icsNone'), tone: 'info' });
        return;
      }
      const file = `huikuan-${asOf()}.ics`;
      downloadFile(text, file, MIME.ics);
      setMsg({ text: t('export.done', { file }), tone: 'ok' });
    });
  const backup = () =>
    run(async () => {
      const text = await exportBackup(getDb(), { now: clock() });
      const file = t('export.backupFile', { date: asOf() });
      downloadFile(text, file, MIME.json);
      setMsg({ text: t('export.done', { file }), tone: 'ok' });
    });

  const pickRestore = async (file: File | undefined) => {
    if (!file) return;
    setRestore({ kind: 'checking', file: file.name });
    const text = new TextDecoder('utf-8').decode(await fileBytes(file));
    const parsed = parseForRestore(text);
    if (!parsed.ok) {
      setRestore({ kind: 'invalid', file: file.name, errors: parsed.errors });
      return;
    }
    const counts = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, (v as unknown[]).length]));
    setRestore({ kind: 'valid', file: file.name, text, counts });
  };
  const doRestore = async (text: string, file: string) => {
    setRestore({ kind: 'busy' });
    void requestPersistence();
    try {
      const r = await guardWrite({ kind: 'restore', file }, clock, (onHeld) =>
        bulk.run((lock) => restoreBackup(getDb(), text, { now: clock(), file, lock }), { onHeld }),
      );
      if (!r.ok) {
        setRestore({ kind: 'invalid', file: '', errors: r.errors });
        return;
      }
      notifyDataChanged();
      setRestore({ kind: 'idle' });
      // The counts are the store's after the restore, not the file's.
      setMsg({
        text: t('export.restoreDone', { customers: r.counts.customers, receivables: r.counts.receivables }),
        tone: 'ok',
        ...(r.safetyCopyId && { undoCopy: r.safetyCopyId }),
      });
    } catch (e) {
      setRestore({ kind: 'idle' });
      setMsg(
        isAbort(e)
          ? { text: t('safety.cancelled'), tone: 'info' }
          : { text: t('export.restoreFailed', { message: failureText(e, t) }), tone: 'error' },
      );
    } finally {
      if (restoreInput.current) restoreInput.current.value = '';
    }
  };

  const undoRestore = async (id: string) => {
    setBusy(true);
    try {
      const r = await bulk.run((lock) => restoreSafetyCopy(getDb(), id, { now: clock(), lock }));
      notifyDataChanged();
      setMsg(
        r.ok
          ? { text: `${t('safety.putBack')} ${t('safety.nowHolds', { ...r.counts })}`, tone: 'ok' }
          : { text: t('export.restoreFailed', { message: r.errors.map((e) => e.message).join('; ') }), tone: 'error' },
      );
    } catch (e) {
      setMsg(
        isAbort(e)
          ? { text: t('safety.cancelled'), tone: 'info' }
          : { text: t('export.restoreFailed', { message: failureText(e, t) }), tone: 'error' },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="export" title={t('export.heading')}>
      <Card title={t('export.aging')}>
        <div className="flex gap-2">
          <button
            type="button"
            className={btn}
            disabled={busy}
            onClick={() => void exportAging('csv')}
            data-testid="export-aging-csv"
          >
            {t('export.csv')}
          </button>
          <button
            type="button"
            className={btn}
            disabled={busy}
            onClick={() => void exportAging('xlsx')}
            data-testid="export-aging-xlsx"
          >
            {t('export.xlsx')}
          </button>
        </div>
      </Card>
      <Card title={t('export.worklist')}>
        <div className="flex gap-2">
          <button
            type="button"
            className={btn}
            disabled={busy}
            onClick={() => void exportWorklist('csv')}
            data-testid="export-worklist-csv"
          >
            {t('export.csv')}
          </button>
          <button
            type="button"
            className={btn}
            disabled={busy}
            onClick={() => void exportWorklist('xlsx')}
            data-testid="export-worklist-xlsx"
          >
            {t('export.xlsx')}
          </button>
        </div>
      </Card>
      <Card title={t('export.ics')}>
        <button type="button" className={btn} disabled={busy} onClick={() => void exportIcs()} data-testid="export-ics">
          {t('export.icsButton')}
        </button>
      </Card>
      {msg && (
        <div className="flex flex-wrap items-center gap-2" data-testid="export-message">
          <Status tone={msg.tone}>{msg.text}</Status>
          {msg.undoCopy && (
            <button
              type="button"
              className={btn}
              disabled={busy}
              onClick={() => void undoRestore(msg.undoCopy!)}
              data-testid="restore-undo"
            >
              {t('safety.undo')}
            </button>
          )}
        </div>
      )}
      <BulkWaitNotice waiting={bulk.waiting} onCancel={bulk.cancel} />

      <Card title={t('export.backupHeading')}>
        <p className="text-stone-700">{t('export.backupIntro')}</p>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={btn} disabled={busy} onClick={() => void backup()} data-testid="backup">
            {t('export.backup')}
          </button>
          <label className={`${btn} cursor-pointer`}>
            {t('export.restore')}
            <input
              ref={restoreInput}
              type="file"
              accept=".json,application/json"
              className="sr-only"
              data-testid="restore-file"
              onChange={(e) => void pickRestore(e.target.files?.[0])}
            />
          </label>
        </div>
        {restore.kind === 'checking' && <Status>{t('export.restoreCheck', { file: restore.file })}</Status>}
        {restore.kind === 'valid' && (
          <div className="space-y-2" data-testid="restore-valid">
            <Status tone="ok">{t('export.restoreValid', { file: restore.file, ...restore.counts })}</Status>
            <Status tone="warn">{t('export.restoreWarn')}</Status>
            {held && (
              <p className="text-amber-900" data-testid="restore-replaces">
                {t('safety.restoreReplaces', { ...held })}
              </p>
            )}
            <button
              type="button"
              className={btnDanger}
              onClick={() => void doRestore(restore.text, restore.file)}
              data-testid="restore-confirm"
            >
              {t('export.restoreConfirm')}
            </button>
          </div>
        )}
        {restore.kind === 'invalid' && (
          <div data-testid="restore-errors" role="alert">
            <p className="font-medium text-red-800">{t('export.restoreBad')}</p>
            <BackupIssueList issues={restore.errors} />
          </div>
        )}
      </Card>
    </Section>
  );
}
