/**
 * The import and restore problems in the user's language. lib/transfer gives every problem a code from
 * lib/transfer/errors.ts and the values it concerns (params); these functions pick the text for the code and fill
 * it in. The English `message` of the error object is never shown: it would be English in the Chinese UI.
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@/lib/domain';
import {
  type BackupIssue,
  type BackupTable,
  type LedgerError,
  type LedgerNote,
  type PlanRejection,
  backupTables,
  fieldLabels,
} from '@/lib/transfer';
import { type PendingWrite, takeInterruptedWrite } from './pendingWrite';
import { recoverInterruptedImports } from '@/lib/db/importJournal';
import { getDb } from '@/lib/db/schema';
import { btn } from './ui';
import { useClock } from '@/components/app/clock';

const isTable = (s: string): s is BackupTable => (backupTables as readonly string[]).includes(s);

const quoted = (t: TFunction<'options'>, items: string[]) =>
  items.map((c) => `“${c}”`).join(t('problems.listSeparator'));

/** Name of the column a row error is about: its header in the file, else the field's name. */
export function errorColumn(e: LedgerError, lang: Lang): string {
  return e.column ?? (e.field ? fieldLabels[e.field][lang] : '');
}

/** Why a row (or the file) was not accepted, without the row and column, which the table shows beside it. */
export function ledgerErrorText(e: LedgerError, t: TFunction<'options'>, lang: Lang): string {
  const p = e.params ?? {};
  const column = errorColumn(e, lang);
  const value = p.value ?? '';
  switch (e.code) {
    case 'invalid-date':
    case 'ambiguous-date':
    case 'invalid-amount':
      return p.problem
        ? t(`problems.values.${p.problem}`, { value, column })
        : t(`problems.errors.${e.code}`, { value });
    case 'missing-columns':
      return p.missing?.length
        ? t('problems.errors.missing-columns-found', {
            missing: p.missing.map((g) => t(`problems.groups.${g}`)).join(t('problems.listSeparator')),
            columns: p.columns?.length ? quoted(t, p.columns) : '—',
          })
        : t('problems.errors.missing-columns');
    case 'no-data':
      return t(p.headerOnly ? 'problems.errors.no-data-header-only' : 'problems.errors.no-data');
    case 'field-count':
      return t('problems.errors.field-count', { count: p.count ?? 0, expected: p.expected ?? 0 });
    case 'wrong-file-type':
      return t('problems.errors.wrong-file-type', {
        what: t(`problems.fileKinds.${p.detected ?? 'archive'}`),
        extensionNote: p.extension ? t('problems.extensionNote', { extension: p.extension }) : '',
      });
    case 'over-limit': {
      const limit = p.limit ?? 0;
      // A damaged zip is reported as 'unreadable-workbook', never as over a limit.
      const problem =
        p.limitProblem === undefined || p.limitProblem === 'corrupt-zip' ? 'inflated-size' : p.limitProblem;
      return t(`problems.limits.${problem}`, {
        limit: limit.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'),
        mb: Math.round(limit / 2 ** 20),
        kb: Math.round(limit / 1024),
      });
    }
    default:
      return t(`problems.errors.${e.code}`, {
        value,
        column,
        cause: p.cause ?? '',
        customer: p.customer ?? '',
        first: p.first ?? '',
        currency: p.currency ?? '',
      });
  }
}

export function noteText(n: LedgerNote, t: TFunction<'options'>): string {
  return t(`problems.notes.${n.code}`, {
    row: n.row ?? '',
    currency: n.currency ?? '',
    count: n.count ?? 0,
    value: n.value ?? '',
  });
}

export function rejectionText(r: PlanRejection, t: TFunction<'options'>): string {
  return t(`problems.rejections.${r.code}`, { ...r.params, first: r.params.first ?? '' });
}

/** "Receivables, record 3, field dueDate" for `tables.receivables[2].dueDate`; '' for the whole file. */
export function backupWhere(path: string, t: TFunction<'options'>): string {
  const m = /^tables\.(\w+)(?:\[(\d+)\](?:\.(.+))?)?$/.exec(path);
  if (!m) return path ? path : t('problems.wholeFile');
  const table = isTable(m[1]) ? t(`problems.tables.${m[1]}`) : m[1];
  if (m[2] === undefined) return table;
  const record = Number(m[2]) + 1;
  return m[3] ? t('problems.whereField', { table, record, field: m[3] }) : t('problems.where', { table, record });
}

export function backupIssueText(i: BackupIssue, t: TFunction<'options'>): string {
  const p = i.params ?? {};
  return t(`problems.backup.${i.code}`, {
    ...p,
    firstRecord: p.first === undefined ? '' : p.first + 1,
    values: (p.values ?? []).join(t('problems.listSeparator')),
    keys: (p.keys ?? []).join(t('problems.listSeparator')),
    message: i.message,
    // Table names in the user's language.
    ref: p.ref ? t(`problems.tables.${p.ref}`) : '',
    table: p.table && isTable(p.table) ? t(`problems.tables.${p.table}`) : (p.table ?? ''),
  });
}

/** A storage failure told plainly (quota), anything else with the browser's own words. */
export function failureText(e: unknown, t: TFunction<'options'>): string {
  const err = e as { name?: string; message?: string; inner?: { name?: string } } | undefined;
  const quota =
    err?.name === 'QuotaExceededError' ||
    err?.inner?.name === 'QuotaExceededError' ||
    /quota/i.test(err?.message ?? '');
  if (err?.name === 'ReaderStopped') return t('problems.readerStopped');
  return quota ? t('problems.quota') : String(err?.message ?? e);
}

/** The problems of a backup that cannot be restored: where, and why. */
export function BackupIssueList({ issues }: { issues: BackupIssue[] }) {
  const { t } = useTranslation('options');
  return (
    <ul className="list-disc pl-5 text-xs">
      {issues.map((e, i) => (
        <li key={i} data-issue-code={e.code}>
          <span className="font-medium">{backupWhere(e.path, t)}</span>: {backupIssueText(e, t)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Tells the user, once, that an import or restore was cut off by closing the page, and that nothing from it was
 * kept (see pendingWrite.ts).
 */
export function InterruptedNotice() {
  const { t } = useTranslation('options');
  const clock = useClock();
  const [w, setW] = useState<PendingWrite | undefined>();
  useEffect(() => {
    let live = true;
    void takeInterruptedWrite().then(
      async (x) => {
        // Make the notice true before showing it: whatever the cut-off import wrote is reverted first.
        if (x) await recoverInterruptedImports(getDb(), clock()).catch(() => undefined);
        if (live && x) setW(x);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [clock]);
  if (!w) return null;
  return (
    <div
      role="alert"
      data-testid="interrupted-write"
      data-kind={w.kind}
      className="mb-4 flex items-start gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="flex-1">{t(`problems.interrupted.${w.kind}`, { file: w.file })}</p>
      <button type="button" className={btn} onClick={() => setW(undefined)}>
        {t('problems.dismiss')}
      </button>
    </div>
  );
}
