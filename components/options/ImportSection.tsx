/**
 * Import: pick a file → read it (progress, cancel) → see the recognised layout, the rows ready and every row's
 * problem BEFORE anything is written → (map columns when the layout is unknown, choose the date order when the
 * file is ambiguous) → Import, in one all-or-nothing transaction → summary, with undo.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import {
  type ImportSummary,
  applyImport,
  importLedger,
  lastImport,
  readImportReport,
  undoLastImport,
} from '@/lib/db/import';
import { useLiveQuery } from 'dexie-react-hooks';
import { notifyDataChanged } from '@/lib/browser/send';
import {
  type ColumnMapping,
  type DateOrder,
  type LedgerField,
  type LedgerParse,
  type LedgerPreview,
  type LedgerStats,
  type Reconciliation,
  type SkippedLine,
  fieldLabels,
  presets,
} from '@/lib/transfer';
import { formatMoney, formatNumber, formatPercent } from '@/lib/format';
import { type ParsedFile, type ReadOptions, previewFile, previewImport, readLedgerFile } from './importFile';
import { errorColumn, failureText, ledgerErrorText, noteText, rejectionText } from './problems';
import { guardWrite } from './pendingWrite';
import { BulkWaitNotice, isAbort, useBulkRun } from './bulkWait';
import {
  BYTES_PER_IMPORTED_ROW,
  type StorageState,
  requestPersistence,
  requestPersistenceOnFirstRun,
  storageState,
} from './storage';
import { Card, Field, Section, Status, btn, btnPrimary, input } from './ui';
import { useClock } from '@/components/app/clock';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; fraction: number; rows: number; errors: number }
  | { kind: 'parsed'; parsed: ParsedFile }
  | { kind: 'mapping'; preview: LedgerPreview; choice: MappingChoice }
  | { kind: 'importing'; parsed: ParsedFile }
  | { kind: 'done'; summary: ImportSummary; notImported: number; undone?: boolean; reconciliation: Reconciliation[] }
  | { kind: 'message'; text: string; tone: 'error' | 'info' };

const mappingFields: LedgerField[] = [
  'customerName',
  'invoiceNumber',
  'dueDate',
  'amount',
  'open',
  'paid',
  'credited',
  'issueDate',
  'currency',
  'kind',
  'status',
  'customerId',
  'lineAmount',
  'debit',
  'credit',
  'balance',
  'settledDate',
  'disputed',
  'contractRef',
];
const SHOWN_ERRORS = 200;

/** What the mapping screen decides: the columns, where the header is, and whether the customer is on a group line. */
interface MappingChoice {
  mapping: ColumnMapping;
  headerRow: number;
  headerRows: number;
  customerFromGroup: boolean;
}
const readChoice = (
  c: MappingChoice,
): Pick<ReadOptions, 'mapping' | 'headerRow' | 'headerRows' | 'customerFromGroup'> => ({
  mapping: c.mapping,
  headerRow: c.headerRow,
  headerRows: c.headerRows,
  customerFromGroup: c.customerFromGroup,
});

export function ImportSection() {
  const { t } = useTranslation('options');
  const clock = useClock();
  const { lang, settings } = useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [currency, setCurrency] = useState<string | undefined>();
  const fileRef = useRef<File | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const optsRef = useRef<Omit<ReadOptions, 'signal' | 'onProgress' | 'currency'>>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const cur = currency ?? settings.baseCurrency;
  const bulk = useBulkRun();
  // The summary shown is the store's record of the import, live: undone or restored over elsewhere, it says so.
  const doneBatch = phase.kind === 'done' ? phase.summary.batchId : undefined;
  const stored = useLiveQuery(
    async () =>
      doneBatch
        ? { report: await readImportReport(getDb(), doneBatch), last: (await lastImport(getDb()))?.id === doneBatch }
        : undefined,
    [doneBatch],
  );

  useEffect(() => {
    // The options page opens on this section: the first run asks for persistent storage without a button.
    void requestPersistenceOnFirstRun();
  }, []);
  useEffect(() => {
    if (phase.kind !== 'parsed') return;
    let live = true;
    const st = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    void st?.estimate?.().then(
      (e) => {
        if (live) setEstimate(e);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [phase.kind]);

  async function read(file: File, extra: Omit<ReadOptions, 'signal' | 'onProgress' | 'currency'> = optsRef.current) {
    optsRef.current = extra;
    const ac = new AbortController();
    abortRef.current = ac;
    setPhase({ kind: 'reading', fraction: 0, rows: 0, errors: 0 });
    try {
      const parsed = await readLedgerFile(file, file.name, {
        currency: cur,
        ...extra,
        signal: ac.signal,
        onProgress: (p) => setPhase({ kind: 'reading', fraction: p.fraction, rows: p.rows, errors: p.errors }),
      });
      if (ac.signal.aborted || parsed.aborted) {
        setPhase({ kind: 'message', text: t('import.cancelled'), tone: 'info' });
        return;
      }
      if (!parsed.rowCount && parsed.errors.some((e) => e.code === 'missing-columns')) {
        const preview = await previewFile(file, file.name);
        setPhase({ kind: 'mapping', preview, choice: choiceOf(preview) });
        return;
      }
      setPhase({ kind: 'parsed', parsed });
    } catch (e) {
      // Cancel ends the reader's worker at once; its read then fails as aborted.
      setPhase(
        ac.signal.aborted
          ? { kind: 'message', text: t('import.cancelled'), tone: 'info' }
          : { kind: 'message', text: t('import.failed', { message: failureText(e, t) }), tone: 'error' },
      );
    } finally {
      abortRef.current = null;
    }
  }

  function onFile(file: File | undefined) {
    if (!file) return;
    fileRef.current = file;
    void read(file, {});
  }

  async function doImport(parsed: ParsedFile) {
    const ac = new AbortController();
    abortRef.current = ac;
    setPhase({ kind: 'importing', parsed });
    // Not awaited: Firefox may ask the user, and the import need not wait for the answer.
    void requestPersistence();
    try {
      const summary = await guardWrite({ kind: 'import', file: parsed.fileName }, clock, (held) =>
        bulk.run(
          (lock) => {
            const opts = { fileName: parsed.fileName, signal: lock.signal, now: clock(), lock };
            return parsed.source ? importLedger(getDb(), parsed.source, opts) : applyImport(getDb(), parsed.rows, opts);
          },
          { signal: ac.signal, onHeld: held },
        ),
      );
      notifyDataChanged();
      // Rows the file check refused are not imported either: the summary counts them with the plan's refusals.
      setPhase({
        kind: 'done',
        summary,
        notImported: parsed.stats.rowsWithErrors,
        reconciliation: afterImport(parsed.reconciliation, summary),
      });
    } catch (e) {
      const err = e as Error;
      setPhase(
        isAbort(err)
          ? { kind: 'message', text: t('import.cancelled'), tone: 'info' }
          : { kind: 'message', text: t('import.failed', { message: failureText(err, t) }), tone: 'error' },
      );
    } finally {
      abortRef.current = null;
    }
  }

  async function undo(summary: ImportSummary) {
    try {
      await bulk.run((lock) => undoLastImport(getDb(), clock(), lock));
      notifyDataChanged();
      setPhase((p) => ({
        kind: 'done',
        summary,
        notImported: p.kind === 'done' ? p.notImported : 0,
        undone: true,
        reconciliation: p.kind === 'done' ? p.reconciliation : [],
      }));
    } catch (e) {
      setPhase(
        isAbort(e)
          ? { kind: 'message', text: t('safety.cancelled'), tone: 'info' }
          : { kind: 'message', text: t('import.failed', { message: failureText(e, t) }), tone: 'error' },
      );
    }
  }

  const reset = () => {
    setPhase({ kind: 'idle' });
    fileRef.current = null;
    if (inputRef.current) inputRef.current.value = '';
  };
  const presetLabel = (id: string) => presets.find((p) => p.id === id)?.label[lang] ?? id;
  const n = (x: number) => formatNumber(x, lang, 0);

  return (
    <Section id="import" title={t('import.heading')}>
      <p className="text-stone-700">{t('import.intro')}</p>
      <div className="flex flex-wrap items-end gap-4">
        <Field label={t('import.fileLabel')}>
          {({ id, describedBy }) => (
            <input
              ref={inputRef}
              id={id}
              aria-describedby={describedBy}
              type="file"
              data-testid="import-file"
              accept=".csv,.tsv,.txt,.xlsx,.xls,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={phase.kind === 'reading' || phase.kind === 'importing'}
              onChange={(e) => onFile(e.target.files?.[0])}
              className="text-sm"
            />
          )}
        </Field>
        <Field label={t('import.currency')}>
          {({ id }) => (
            <input
              id={id}
              className={`${input} w-24 uppercase`}
              value={cur}
              maxLength={3}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
          )}
        </Field>
      </div>

      {phase.kind === 'reading' && (
        <Card>
          <Status>{t('import.reading', { file: fileRef.current?.name ?? '' })}</Status>
          <progress
            className="h-2 w-full"
            max={1}
            value={phase.fraction}
            aria-label={t('import.progressLabel')}
            data-testid="import-progress"
          />
          <p className="text-xs text-stone-700">
            {t('import.progress', { rows: n(phase.rows), errors: n(phase.errors) })}
          </p>
          <button type="button" className={btn} onClick={() => abortRef.current?.abort()}>
            {t('import.cancel')}
          </button>
        </Card>
      )}

      {phase.kind === 'mapping' && fileRef.current && (
        <MappingScreen
          file={fileRef.current}
          currency={cur}
          preview={phase.preview}
          choice={phase.choice}
          onChange={(choice) => setPhase({ ...phase, choice })}
          onApply={() =>
            fileRef.current && void read(fileRef.current, { ...optsRef.current, ...readChoice(phase.choice) })
          }
          onCancel={reset}
        />
      )}

      {(phase.kind === 'parsed' || phase.kind === 'importing') && (
        <ParsedView
          parsed={phase.parsed}
          busy={phase.kind === 'importing'}
          presetLabel={presetLabel}
          n={n}
          storage={storageState(estimate, { extraBytes: phase.parsed.rowCount * BYTES_PER_IMPORTED_ROW })}
          onImport={() => void doImport(phase.parsed)}
          onCancel={() => (phase.kind === 'importing' ? abortRef.current?.abort() : reset())}
          onAdjust={async () => {
            if (!fileRef.current) return;
            const preview = await previewFile(fileRef.current, fileRef.current.name);
            setPhase({
              kind: 'mapping',
              preview,
              choice: {
                ...choiceOf(preview),
                mapping: phase.parsed.mapping,
                headerRow: phase.parsed.headerRow || preview.headerRow,
                customerFromGroup: phase.parsed.customerFromGroup,
              },
            });
          }}
          onDateOrder={(dateOrder) => fileRef.current && void read(fileRef.current, { ...optsRef.current, dateOrder })}
        />
      )}

      <BulkWaitNotice waiting={bulk.waiting} onCancel={bulk.cancel} />
      {phase.kind === 'done' && stored && !stored.report && !phase.undone && (
        <Status tone="warn">
          <span data-testid="import-gone">{t('safety.importGone', { file: phase.summary.fileName })}</span>
        </Status>
      )}
      {phase.kind === 'done' && (
        <Card title={t('import.summaryHeading')} testId="import-summary">
          <dl className="grid grid-cols-5 gap-2 text-center">
            {(['created', 'updated', 'unchanged', 'rejected', 'newCustomers'] as const).map((k) => (
              <div key={k} className="rounded bg-stone-50 p-2">
                <dt className="text-xs text-stone-600">{t(`import.${k}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-count={k}>
                  {n(k === 'rejected' ? phase.summary.rejected + phase.notImported : phase.summary[k])}
                </dd>
              </div>
            ))}
          </dl>
          {phase.summary.rejections.length > 0 && (
            <div>
              <h4 className="font-medium">{t('import.rejections')}</h4>
              <ul className="list-disc pl-5 text-xs">
                {phase.summary.rejections.slice(0, SHOWN_ERRORS).map((r) => (
                  <li key={r.row} data-rejection-code={r.code}>
                    {t('import.colRow')} {r.row}: {rejectionText(r, t)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {phase.reconciliation.length > 0 && !phase.undone && (
            <div>
              <h4 className="font-medium">{t('import.report.afterHeading')}</h4>
              <TotalsList reconciliation={phase.reconciliation} testId="import-after-total" />
            </div>
          )}
          {phase.undone ? (
            <Status tone="ok">{t('import.undone')}</Status>
          ) : (
            stored?.report &&
            stored.last && (
              <button type="button" className={btn} onClick={() => void undo(phase.summary)} data-testid="import-undo">
                {t('import.undo')}
              </button>
            )
          )}
          <button type="button" className={`${btn} ml-2`} onClick={reset}>
            {t('import.another')}
          </button>
        </Card>
      )}

      {phase.kind === 'message' && <Status tone={phase.tone}>{phase.text}</Status>}
    </Section>
  );
}

function ParsedView({
  parsed,
  busy,
  storage,
  presetLabel,
  n,
  onImport,
  onCancel,
  onAdjust,
  onDateOrder,
}: {
  parsed: ParsedFile;
  busy: boolean;
  storage: StorageState;
  presetLabel: (id: string) => string;
  n: (x: number) => string;
  onImport: () => void;
  onCancel: () => void;
  onAdjust: () => void;
  onDateOrder: (o: DateOrder) => void;
}) {
  const { t } = useTranslation('options');
  const { lang } = useApp();
  const shown = parsed.errors.slice(0, SHOWN_ERRORS);
  return (
    <Card testId="import-parsed">
      <p>{t('import.file', { file: parsed.fileName, format: parsed.format.toUpperCase() })}</p>
      <p data-testid="import-preset">{t('import.preset', { preset: presetLabel(parsed.preset) })}</p>
      <p className="font-medium text-green-800" data-testid="import-ready" data-count={parsed.rowCount}>
        {t('import.rowsOk', { count: parsed.rowCount })}
      </p>
      <ReportFacts
        stats={parsed.stats}
        reconciliation={parsed.reconciliation}
        skipped={parsed.skipped}
        reportDate={parsed.reportDate}
      />
      {parsed.needsDateOrder && (
        <div role="group" aria-label={t('import.dateOrder')} className="space-y-1">
          <p className="text-amber-900">{t('import.dateOrder')}</p>
          <div className="flex gap-2">
            {(['ymd', 'mdy', 'dmy'] as const).map((o) => (
              <button key={o} type="button" className={btn} onClick={() => onDateOrder(o)}>
                {t(`import.dateOrders.${o}`)}
              </button>
            ))}
          </div>
        </div>
      )}
      {parsed.errorCount > 0 && (
        <div data-testid="import-errors">
          <p className="font-medium text-red-800" data-count={parsed.stats.rowsWithErrors || parsed.errorCount}>
            {t('import.problems', { count: parsed.stats.rowsWithErrors || parsed.errorCount })}
          </p>
          {parsed.errorCount > shown.length && (
            <p className="text-xs">{t('import.problemsShown', { shown: shown.length, count: parsed.errorCount })}</p>
          )}
          <table className="mt-1 w-full text-left text-xs">
            <thead>
              <tr>
                <th className="w-16">{t('import.colRow')}</th>
                <th className="w-40">{t('import.colField')}</th>
                <th>{t('import.colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={i} className="align-top" data-error-row={e.row} data-error-code={e.code}>
                  <td>{e.row || t('import.wholeFile')}</td>
                  <td>{errorColumn(e, lang)}</td>
                  <td>{ledgerErrorText(e, t, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {parsed.notes.length > 0 && (
        <div>
          <h4 className="font-medium">{t('import.warnings')}</h4>
          <ul className="list-disc pl-5 text-xs">
            {parsed.notes.map((w, i) => (
              <li key={i} data-note-code={w.code}>
                {noteText(w, t)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(storage.level === 'near' || storage.level === 'over') && parsed.rows.length > 0 && (
        <Status tone={storage.level === 'over' ? 'error' : 'warn'}>
          <span data-testid="import-storage-warning" data-level={storage.level}>
            {t(storage.level === 'over' ? 'import.storageOver' : 'import.storageNear', {
              share: formatPercent(storage.share, lang),
            })}
          </span>
        </Status>
      )}
      {busy && <Status>{t('import.importing')}</Status>}
      {!parsed.rowCount && <Status tone="warn">{t('import.noRows')}</Status>}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={btnPrimary}
          disabled={busy || !parsed.rowCount}
          onClick={onImport}
          data-testid="import-apply"
        >
          {t('import.importButton', { count: parsed.rowCount, formatted: n(parsed.rowCount) })}
        </button>
        <button type="button" className={btn} disabled={busy} onClick={onAdjust}>
          {t('import.adjust')}
        </button>
        <button type="button" className={btn} onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </Card>
  );
}

/**
 * The file's totals against what the import wrote: the open amount of the rows stored or found unchanged (the
 * plan's refusals left out), per currency, beside the grand total the file prints.
 */
function afterImport(before: Reconciliation[], summary: ImportSummary): Reconciliation[] {
  const currencies = new Set([...before.map((r) => r.currency), ...Object.keys(summary.openByCurrency)]);
  return [...currencies].map((currency) => {
    const b = before.find((r) => r.currency === currency);
    const imported = summary.openByCurrency[currency] ?? 0;
    return b?.fileTotal === undefined
      ? { currency, imported }
      : {
          currency,
          imported,
          fileTotal: b.fileTotal,
          difference: imported - b.fileTotal,
          ...(b.totalRow && { totalRow: b.totalRow }),
        };
  });
}

/** Per currency: the open amount, and whether it equals the file's own total or by how much it differs. */
function TotalsList({ reconciliation, testId }: { reconciliation: Reconciliation[]; testId: string }) {
  const { t } = useTranslation('options');
  const { lang } = useApp();
  return (
    <ul className="list-none" aria-label={t('import.report.totalsLabel')}>
      {reconciliation.map((r) => (
        <li
          key={r.currency}
          data-testid={testId}
          data-currency={r.currency}
          data-imported={r.imported}
          data-file-total={r.fileTotal ?? ''}
          data-difference={r.difference ?? ''}
          className={r.difference ? 'font-medium text-red-800' : r.fileTotal !== undefined ? 'text-green-800' : ''}
        >
          {r.fileTotal === undefined
            ? t('import.report.noFileTotal', { amount: formatMoney(r.imported, r.currency, lang) })
            : r.difference === 0
              ? t('import.report.matches', { amount: formatMoney(r.imported, r.currency, lang), row: r.totalRow })
              : t('import.report.differs', {
                  amount: formatMoney(r.imported, r.currency, lang),
                  file: formatMoney(r.fileTotal, r.currency, lang),
                  difference: formatMoney(r.difference ?? 0, r.currency, lang),
                  row: r.totalRow,
                })}
        </li>
      ))}
    </ul>
  );
}

function choiceOf(p: LedgerPreview): MappingChoice {
  return {
    mapping: p.mapping,
    headerRow: p.headerRow,
    headerRows: p.headerRows || 1,
    customerFromGroup: p.customerFromGroup,
  };
}

/** The lines of a report the import reads but does not import, by kind, and the file's totals against what is imported. */
function ReportFacts({
  stats,
  reconciliation,
  skipped,
  reportDate,
}: {
  stats: LedgerStats;
  reconciliation: Reconciliation[];
  skipped: SkippedLine[];
  reportDate?: string;
}) {
  const { t } = useTranslation('options');
  const { lang } = useApp();
  const kinds = (Object.entries(stats.skipped) as Array<[SkippedLine['kind'], number]>).filter(
    ([k, c]) => c > 0 && k !== 'title',
  );
  return (
    <div className="space-y-1 text-sm" data-testid="import-report">
      <p data-testid="import-customers" data-count={stats.customers}>
        {t('import.report.customers', { count: stats.customers, formatted: formatNumber(stats.customers, lang, 0) })}
        {stats.firstDue && <> · {t('import.report.dueRange', { from: stats.firstDue, to: stats.lastDue })}</>}
        {reportDate && <> · {t('import.report.asOf', { date: reportDate })}</>}
      </p>
      <TotalsList reconciliation={reconciliation} testId="import-reconciliation" />
      {kinds.length > 0 && (
        <details>
          <summary data-testid="import-skipped">
            {t('import.report.skipped', {
              list: kinds
                .map(([k, c]) => t(`import.report.kinds.${k}`, { count: c }))
                .join(t('problems.listSeparator')),
            })}
          </summary>
          <ul className="list-disc pl-5 text-xs">
            {skipped
              .filter((x) => x.kind !== 'title')
              .slice(0, 50)
              .map((x) => (
                <li key={x.row} data-skipped-kind={x.kind}>
                  {t('import.colRow')} {x.row}: {t(`import.report.kinds.${x.kind}`, { count: 1 })} — {x.label}
                </li>
              ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function MappingScreen({
  file,
  currency,
  preview,
  choice,
  onChange,
  onApply,
  onCancel,
}: {
  file: File;
  currency: string;
  preview: LedgerPreview;
  choice: MappingChoice;
  onChange: (c: MappingChoice) => void;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('options');
  const { lang } = useApp();
  const { mapping } = choice;
  const [trial, setTrial] = useState<(LedgerParse & { partial: boolean }) | null>(null);
  const [headers, setHeaders] = useState(preview.headers);
  useEffect(() => {
    // The rows as they would be imported with these choices, read again whenever a choice changes.
    let live = true;
    void previewImport(file, file.name, { currency, ...readChoice(choice) }).then(
      (r) => {
        if (!live) return;
        setTrial(r);
        if (r.headers.length) setHeaders(r.headers);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [file, currency, choice]);
  const customerOk = choice.customerFromGroup || mapping.customerName !== undefined || mapping.customerId !== undefined;
  const complete =
    customerOk &&
    mapping.invoiceNumber !== undefined &&
    (mapping.dueDate !== undefined || mapping.issueDate !== undefined) &&
    [mapping.amount, mapping.open, mapping.lineAmount, mapping.debit].some((i) => i !== undefined);
  const fieldAt = new Map<number, LedgerField>();
  for (const f of mappingFields) if (mapping[f] !== undefined && !fieldAt.has(mapping[f]!)) fieldAt.set(mapping[f]!, f);
  const required: LedgerField[] = choice.customerFromGroup
    ? ['invoiceNumber', 'dueDate']
    : ['customerName', 'invoiceNumber', 'dueDate'];
  return (
    <Card title={t('import.mappingHeading')} testId="import-mapping">
      <p className="text-stone-700">{t('import.mappingIntro')}</p>
      <div className="flex flex-wrap items-end gap-4">
        <Field label={t('import.headerRow')}>
          {({ id }) => (
            <select
              id={id}
              className={input}
              value={choice.headerRow}
              data-testid="import-header-row"
              onChange={(e) => onChange({ ...choice, headerRow: Number(e.target.value), mapping: {} })}
            >
              {preview.top.map((r, i) => (
                <option key={i} value={i + 1}>
                  {t('import.colRow')} {i + 1}: {r.filter(Boolean).join(' | ').slice(0, 60) || '—'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('import.headerRows')}>
          {({ id }) => (
            <select
              id={id}
              className={input}
              value={choice.headerRows}
              data-testid="import-header-rows"
              onChange={(e) => onChange({ ...choice, headerRows: Number(e.target.value), mapping: {} })}
            >
              {[1, 2, 3].map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={choice.customerFromGroup}
            data-testid="import-customer-from-group"
            onChange={(e) => onChange({ ...choice, customerFromGroup: e.target.checked })}
          />
          {t('import.customerFromGroup')}
        </label>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
        {mappingFields.map((f) => (
          <Field key={f} label={fieldLabels[f][lang] + (required.includes(f) ? ' *' : '')}>
            {({ id }) => (
              <select
                id={id}
                className={input}
                value={mapping[f] ?? ''}
                data-field={f}
                onChange={(e) => {
                  const next = { ...mapping };
                  if (e.target.value === '') delete next[f];
                  else next[f] = Number(e.target.value);
                  onChange({ ...choice, mapping: next });
                }}
              >
                <option value="">{t('import.mappingNone')}</option>
                {headers.map((h, i) => (
                  <option key={i} value={i}>
                    {h || `#${i + 1}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
      <h4 className="font-medium">{t('import.previewHeading')}</h4>
      <div className="overflow-x-auto">
        <table className="text-left text-xs" data-testid="import-preview">
          <thead>
            <tr>
              {headers.map((h, i) => {
                const f = fieldAt.get(i);
                return (
                  <th key={i} className="border-b px-2 align-bottom" data-mapped={f}>
                    {f && <span className="block font-normal text-blue-800">{fieldLabels[f][lang]}</span>}
                    {h || `#${i + 1}`}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j} className="px-2">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {trial && (
        <div className="space-y-2" data-testid="import-trial">
          <h4 className="font-medium">{t(trial.partial ? 'import.asImportedHead' : 'import.asImported')}</h4>
          {trial.rows.length > 0 ? (
            <table className="text-left text-xs" data-testid="import-trial-rows">
              <thead>
                <tr>
                  {(['colRow', 'colCustomer', 'colDocument', 'colDue', 'colAmount', 'colOpen'] as const).map((k) => (
                    <th key={k} className="px-2">
                      {t(`import.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trial.rows.slice(0, 10).map((r) => (
                  <tr key={`${r.row}-${r.invoiceNumber}`}>
                    <td className="px-2">{r.row}</td>
                    <td className="px-2">{r.customerName}</td>
                    <td className="px-2">{r.invoiceNumber}</td>
                    <td className="px-2">{r.dueDate}</td>
                    <td className="px-2 tabular-nums">
                      {(r.kind === 'credit-note' ? '−' : '') + formatMoney(r.amount.minor, r.amount.currency, lang)}
                    </td>
                    <td className="px-2 tabular-nums">
                      {r.open ? formatMoney(r.open.minor, r.open.currency, lang) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Status tone="warn">{t('import.noRows')}</Status>
          )}
          <ReportFacts
            stats={trial.stats}
            reconciliation={trial.reconciliation}
            skipped={trial.skipped}
            reportDate={trial.reportDate}
          />
        </div>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          className={btnPrimary}
          disabled={!complete}
          onClick={onApply}
          data-testid="import-apply-mapping"
        >
          {t('import.applyMapping')}
        </button>
        <button type="button" className={btn} onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </Card>
  );
}
