/**
 * The accounts to chase, best first. Each row says what to do (the playbook's step and its channel), every
 * currency owed and the promise that is due, and why it ranks there. From the row, one keystroke logs the outcome
 * (r reached, n no answer, p promised, x refused, y paid), snoozes it to a date (s) or marks it done (d); the row
 * then moves below the ones still to do. A click opens the customer (see `openCustomer`).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerType, customerTypes, type Lang } from '@/lib/domain';
import { formatDay, formatMoney, formatNumber, parseTypedAmount, toMajor } from '@/lib/format';
import { addDays } from '@/lib/ledger/dates';
import type { WorklistFilter } from '@/lib/worklist';
import { actionForKey, rowActionKeys, type RowAction, type RowOutcome, type RowState } from '@/lib/worklist/day';
import type { WorklistEntry } from './data';
import { reasonText } from './labels';

export type WorklistDayRow = WorklistEntry & { state: RowState; snoozedUntil?: string };

/** What a row asks the popup to record. */
export type RowRequest =
  | { action: Exclude<RowOutcome, 'promised'> | 'done' }
  | { action: 'promised'; minor: number; currency: string; date: string }
  | { action: 'snooze'; until: string };

export interface WorklistSectionProps {
  rows: WorklistDayRow[] | undefined;
  lang: Lang;
  asOf: string;
  updating: boolean;
  filter: WorklistFilter;
  owners: string[];
  currencies: string[];
  onFilter: (f: WorklistFilter) => void;
  /** Called synchronously inside the click (the browser opens the side panel only within the gesture). */
  onOpen: (row: WorklistEntry) => void;
  onAction: (row: WorklistEntry, request: RowRequest) => Promise<void>;
  onExport: (kind: 'csv' | 'xlsx') => void;
  /** Rows visible without the "show more" control. */
  shown?: number;
  /** The forecast's value at risk per customer (currency → minor units), when the worker has answered. */
  atRisk?: Record<string, Record<string, number>>;
  rank?: WorklistRank;
  onRank?: (rank: WorklistRank) => void;
}

export type WorklistRank = 'score' | 'risk';

/** A row's value at risk in its headline currency (the overdue figure's), else its largest. */
export function riskOf(
  row: Pick<WorklistEntry, 'customerId' | 'overdue'>,
  atRisk: Record<string, Record<string, number>> | undefined,
): { minor: number; currency: string } | undefined {
  const r = atRisk?.[row.customerId];
  if (!r) return undefined;
  if (r[row.overdue.currency] !== undefined) return { minor: r[row.overdue.currency], currency: row.overdue.currency };
  const [cur, minor] = Object.entries(r).sort((a, b) => b[1] - a[1])[0] ?? [];
  return cur === undefined ? undefined : { minor, currency: cur };
}

/** Rows ranked by value at risk (largest first; the score breaks ties), or as scored. */
export function rankRows<T extends Pick<WorklistEntry, 'customerId' | 'overdue' | 'score'>>(
  rows: T[],
  rank: WorklistRank,
  atRisk: Record<string, Record<string, number>> | undefined,
): T[] {
  if (rank !== 'risk' || !atRisk) return rows;
  return rows
    .slice()
    .sort((a, b) => (riskOf(b, atRisk)?.minor ?? 0) - (riskOf(a, atRisk)?.minor ?? 0) || b.score - a.score);
}

const actions: RowAction[] = ['reached', 'no-answer', 'promised', 'refused', 'paid', 'snooze', 'done'];
const isField = (el: EventTarget | null) =>
  el instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);

export function WorklistSection(p: WorklistSectionProps) {
  const { t } = useTranslation(['popup', 'common', 'forecast']);
  const rank = p.rank ?? 'score';
  const rows = rankRows(p.rows ?? [], rank, p.atRisk);
  const active = !!(p.filter.owner || p.filter.type || p.filter.currency);
  const [editing, setEditing] = useState<{ customerId: string; kind: 'snooze' | 'promised' } | null>(null);
  const [status, setStatus] = useState('');
  const list = useRef<HTMLOListElement>(null);
  /** After a row moved, focus goes to the row now in its place (the next one to do). */
  const focusAt = useRef<number | null>(null);
  const order = rows.map((r) => `${r.customerId}:${r.state}`).join('|');

  useEffect(() => {
    if (focusAt.current === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[data-testid="worklist-open"]');
    const target = buttons?.[Math.min(focusAt.current, buttons.length - 1)];
    if (target) {
      target.focus();
      focusAt.current = null;
    }
  }, [order]);

  const focusRow = (i: number) =>
    list.current?.querySelectorAll<HTMLButtonElement>('[data-testid="worklist-open"]')[i]?.focus();

  const run = async (row: WorklistDayRow, index: number, request: RowRequest) => {
    setEditing(null);
    try {
      await p.onAction(row, request);
      focusAt.current = index;
      setStatus(
        request.action === 'snooze'
          ? t('worklistDay.snoozed', { name: row.name, date: formatDay(request.until, p.lang) })
          : request.action === 'done'
            ? t('worklistDay.marked', { name: row.name })
            : t('worklistDay.logged', { name: row.name, outcome: t(`worklistDay.${request.action}`) }),
      );
    } catch (e) {
      setStatus(t('worklistDay.failed', { reason: (e as Error).message }));
    }
  };

  const start = (row: WorklistDayRow, index: number, action: RowAction) => {
    if (action === 'snooze' || action === 'promised') setEditing({ customerId: row.customerId, kind: action });
    else void run(row, index, { action });
  };

  const onRowKey = (row: WorklistDayRow, index: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isField(e.target)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(index + (e.key === 'ArrowDown' ? 1 : -1));
      return;
    }
    const action = actionForKey(e.key);
    if (!action) return;
    e.preventDefault();
    start(row, index, action);
  };

  return (
    <section aria-labelledby="worklist-h" data-testid="worklist" className="rounded-md border border-stone-200 p-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="worklist-h" className="text-sm font-semibold">
          {t('worklist.heading')}
          {p.updating && (
            <span className="ml-2 text-xs font-normal text-stone-600" role="status">
              {t('worklist.updating')}
            </span>
          )}
        </h2>
        <div className="flex gap-1" role="group" aria-label={t('worklist.exportLabel')}>
          <button
            type="button"
            className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50"
            onClick={() => p.onExport('csv')}
            disabled={!rows.length}
            data-testid="worklist-export-csv"
          >
            {t('worklist.exportCsv')}
          </button>
          <button
            type="button"
            className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50"
            onClick={() => p.onExport('xlsx')}
            disabled={!rows.length}
            data-testid="worklist-export-xlsx"
          >
            {t('worklist.exportXlsx')}
          </button>
        </div>
      </div>
      <details className="mt-1 text-xs" open={active}>
        <summary className="cursor-pointer text-stone-700">{t('filters.heading')}</summary>
        <div className="mt-1 grid grid-cols-3 gap-1">
          <label className="flex min-w-0 flex-col">
            <span>{t('filters.owner')}</span>
            <select
              value={p.filter.owner ?? ''}
              onChange={(e) => p.onFilter({ ...p.filter, owner: e.target.value || undefined })}
              className="min-w-0 rounded border border-stone-300 px-1"
              data-testid="filter-owner"
            >
              <option value="">{t('filters.all')}</option>
              {p.owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col">
            <span>{t('filters.type')}</span>
            <select
              value={p.filter.type ?? ''}
              onChange={(e) =>
                p.onFilter({ ...p.filter, type: (e.target.value || undefined) as CustomerType | undefined })
              }
              className="min-w-0 rounded border border-stone-300 px-1"
              data-testid="filter-type"
            >
              <option value="">{t('filters.all')}</option>
              {customerTypes.map((c) => (
                <option key={c} value={c}>
                  {t(`common:customerTypes.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col">
            <span>{t('filters.currency')}</span>
            <select
              value={p.filter.currency ?? ''}
              onChange={(e) => p.onFilter({ ...p.filter, currency: e.target.value || undefined })}
              className="min-w-0 rounded border border-stone-300 px-1"
              data-testid="filter-currency"
            >
              <option value="">{t('filters.all')}</option>
              {p.currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </div>
        {active && (
          <button type="button" className="mt-1 underline" onClick={() => p.onFilter({})}>
            {t('filters.clear')}
          </button>
        )}
      </details>
      {p.onRank && (
        <div className="mt-1 flex items-center gap-1 text-xs" role="group" aria-label={t('forecast:worklist.rankBy')}>
          <span>{t('forecast:worklist.rankBy')}</span>
          {(['score', 'risk'] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={rank === k}
              disabled={k === 'risk' && !p.atRisk}
              data-testid={`worklist-rank-${k}`}
              onClick={() => p.onRank?.(k)}
              className={`rounded border px-1.5 ${rank === k ? 'border-blue-700 bg-blue-50' : 'border-stone-300'} disabled:opacity-50`}
            >
              {t(k === 'score' ? 'forecast:worklist.rankScore' : 'forecast:worklist.rankRisk')}
            </button>
          ))}
        </div>
      )}
      {rows.length > 0 && (
        <p className="mt-1 text-xs text-stone-600" id="worklist-keys">
          {t('worklistDay.keysHint')}
        </p>
      )}
      <p className="sr-only" role="status" data-testid="worklist-status">
        {status}
      </p>
      {p.rows && rows.length === 0 && <p className="mt-1 text-xs text-stone-600">{t('worklist.empty')}</p>}
      <ol ref={list} className="mt-1 divide-y divide-stone-100">
        {rows.slice(0, p.shown ?? 100).map((r, i) => (
          <WorklistRowItem
            key={r.customerId}
            row={r}
            index={i}
            lang={p.lang}
            asOf={p.asOf}
            risk={rank === 'risk' ? riskOf(r, p.atRisk) : undefined}
            editing={editing?.customerId === r.customerId ? editing.kind : null}
            onKeyDown={onRowKey(r, i)}
            onOpen={() => p.onOpen(r)}
            onStart={(a) => start(r, i, a)}
            onSubmit={(req) => void run(r, i, req)}
            onCancel={() => {
              setEditing(null);
              focusRow(i);
            }}
          />
        ))}
      </ol>
    </section>
  );
}

function WorklistRowItem({
  row: r,
  index,
  lang,
  asOf,
  risk,
  editing,
  onKeyDown,
  onOpen,
  onStart,
  onSubmit,
  onCancel,
}: {
  row: WorklistDayRow;
  index: number;
  lang: Lang;
  asOf: string;
  risk?: { minor: number; currency: string };
  editing: 'snooze' | 'promised' | null;
  onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void;
  onOpen: () => void;
  onStart: (a: RowAction) => void;
  onSubmit: (r: RowRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['popup', 'common', 'forecast']);
  const reasonList = r.reasons.map((x) => reasonText(x, t, lang));
  if (risk)
    reasonList.unshift(
      t('forecast:worklist.atRisk', { amount: formatMoney(risk.minor, risk.currency, lang, { compact: true }) }),
    );
  const reasons = reasonList.join(' · ');
  const owed = Object.entries(r.open)
    .filter(([, minor]) => minor > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, open]) => ({ currency, open, overdue: r.overdueByCurrency[currency] ?? 0 }));
  return (
    <li
      data-customer-id={r.customerId}
      data-score={r.score}
      data-state={r.state}
      data-testid="worklist-row"
      onKeyDown={onKeyDown}
      data-risk={risk?.minor}
      data-opens={r.crmUrl ? 'crm-record' : 'panel'}
      className={`group relative py-0.5 ${r.state === 'due' ? '' : 'opacity-75'}`}
    >
      <button
        type="button"
        onClick={onOpen}
        data-testid="worklist-open"
        aria-describedby="worklist-keys"
        aria-keyshortcuts={Object.values(rowActionKeys).join(' ')}
        className="block w-full min-w-0 rounded px-1 py-1 text-left hover:bg-stone-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <span className="flex min-w-0 items-baseline justify-between gap-2">
          <span className="min-w-0 truncate text-sm font-medium">
            {index + 1}. {r.name}
          </span>
          <span className="flex shrink-0 gap-1 text-sm tabular-nums">
            {owed.map((o) => (
              <span
                key={o.currency}
                data-testid={`worklist-owed-${o.currency}`}
                data-minor={o.overdue || o.open}
                className={o.overdue > 0 ? 'text-red-800' : 'text-stone-700'}
                title={
                  o.overdue > 0
                    ? t('worklistDay.owedOverdue', { amount: formatMoney(o.overdue, o.currency, lang) })
                    : t('worklistDay.owedOpen', { amount: formatMoney(o.open, o.currency, lang) })
                }
              >
                {formatMoney(o.overdue || o.open, o.currency, lang, { compact: true })}
              </span>
            ))}
          </span>
        </span>
        <span
          className="block min-w-0 truncate text-xs font-medium text-blue-900"
          data-testid="worklist-step"
          data-level={r.step?.level ?? r.level}
        >
          {r.step
            ? t('worklistDay.step', { step: r.step.name[lang], channel: t(`common:channels.${r.step.channel}`) })
            : t('worklistDay.noStep')}
        </span>
        {r.nextPromiseDate && (
          <span className="block text-xs text-amber-900" data-testid="worklist-promise">
            {t('worklistDay.promiseDue', { date: formatDay(r.nextPromiseDate, lang) })}
          </span>
        )}
        {r.state !== 'due' && (
          <span className="block text-xs text-green-800" data-testid="worklist-row-state">
            {r.state === 'snoozed'
              ? t('worklistDay.stateSnoozed', { date: formatDay(r.snoozedUntil!, lang) })
              : t('worklistDay.stateDone')}
          </span>
        )}
        <span className="block min-w-0 truncate text-xs text-stone-700" title={reasons}>
          {reasons}
          <span className="sr-only left-0 top-0">
            {' '}
            · {t('worklist.score', { score: formatNumber(r.score, lang, 2) })}
          </span>
        </span>
      </button>
      {!editing && (
        <div
          role="group"
          aria-label={t('worklistDay.actions', { name: r.name })}
          className="hidden flex-wrap gap-1 px-1 pb-1 group-focus-within:flex group-hover:flex"
        >
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              data-action={a}
              aria-keyshortcuts={rowActionKeys[a]}
              onClick={() => onStart(a)}
              className="rounded border border-stone-300 px-1.5 text-xs hover:bg-stone-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              {t(`worklistDay.${a}`)} <kbd className="font-mono text-stone-600">{rowActionKeys[a]}</kbd>
            </button>
          ))}
        </div>
      )}
      {editing === 'snooze' && <SnoozeForm asOf={asOf} onSubmit={onSubmit} onCancel={onCancel} />}
      {editing === 'promised' && <PromiseForm row={r} asOf={asOf} onSubmit={onSubmit} onCancel={onCancel} />}
    </li>
  );
}

function SnoozeForm({
  asOf,
  onSubmit,
  onCancel,
}: {
  asOf: string;
  onSubmit: (r: RowRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('popup');
  const [until, setUntil] = useState(addDays(asOf, 1));
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until <= asOf) {
      setError(t('worklistDay.badDate'));
      return;
    }
    onSubmit({ action: 'snooze', until });
  };
  return (
    <form
      className="flex flex-wrap items-end gap-1 px-1 pb-1 text-xs"
      data-testid="worklist-snooze"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label className="flex flex-col">
        {t('worklistDay.snoozeUntil')}
        <input
          type="date"
          autoFocus
          value={until}
          min={addDays(asOf, 1)}
          onChange={(e) => setUntil(e.target.value)}
          aria-invalid={!!error}
          className="rounded border border-stone-300 px-1"
          data-testid="worklist-snooze-date"
        />
      </label>
      <button type="submit" className="rounded bg-blue-700 px-2 py-0.5 text-white">
        {t('worklistDay.save')}
      </button>
      <button type="button" onClick={onCancel} className="rounded border border-stone-300 px-2 py-0.5">
        {t('worklistDay.cancel')}
      </button>
      {error && (
        <p role="alert" className="w-full text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}

function PromiseForm({
  row,
  asOf,
  onSubmit,
  onCancel,
}: {
  row: WorklistEntry;
  asOf: string;
  onSubmit: (r: RowRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('popup');
  const currency = row.overdue.currency;
  const [amount, setAmount] = useState(row.overdue.minor > 0 ? String(toMajor(row.overdue.minor, currency)) : '');
  const [date, setDate] = useState(addDays(asOf, 7));
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const parsed = parseTypedAmount(amount, currency);
    if (!('minor' in parsed) || parsed.minor <= 0) {
      setError(t('worklistDay.badAmount'));
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < asOf) {
      setError(t('worklistDay.badDate'));
      return;
    }
    onSubmit({ action: 'promised', minor: parsed.minor, currency, date });
  };
  return (
    <form
      className="flex flex-wrap items-end gap-1 px-1 pb-1 text-xs"
      data-testid="worklist-promise-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label className="flex flex-col">
        {t('worklistDay.promiseAmount')} ({currency})
        <input
          autoFocus
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={!!error}
          className="w-24 rounded border border-stone-300 px-1"
          data-testid="worklist-promise-amount"
        />
      </label>
      <label className="flex flex-col">
        {t('worklistDay.promiseDate')}
        <input
          type="date"
          value={date}
          min={asOf}
          onChange={(e) => setDate(e.target.value)}
          className="rounded border border-stone-300 px-1"
          data-testid="worklist-promise-date"
        />
      </label>
      <button type="submit" className="rounded bg-blue-700 px-2 py-0.5 text-white">
        {t('worklistDay.save')}
      </button>
      <button type="button" onClick={onCancel} className="rounded border border-stone-300 px-2 py-0.5">
        {t('worklistDay.cancel')}
      </button>
      {error && (
        <p role="alert" className="w-full text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
