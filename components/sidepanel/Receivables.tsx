/**
 * The documents: the customer's receivables, sortable and filterable (open / overdue / disputed / paid), in a
 * virtualised list so a customer with thousands of invoices scrolls as smoothly as one with three. A row opens
 * its detail: the six self-questions, payments applied, the dispute, limitation events and evidence.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApp } from '@/components/app/AppShell';
import type { OpenReceivable } from '@/lib/domain';
import { agingBuckets, bucketIndexFor, daysBetween } from '@/lib/ledger';
import { formatDay, formatMoney } from '@/lib/format';
import { agingColor } from '@/components/aging/colors';
import { useAccount } from './account';
import { ReceivableDetail } from './ReceivableDetail';
import { buttonCls, inputCls } from './fields';

export const receivableFilters = ['open', 'overdue', 'disputed', 'paid', 'all'] as const;
export type ReceivableFilter = (typeof receivableFilters)[number];
export const receivableSorts = ['due', 'open', 'amount', 'doc'] as const;
export type ReceivableSort = (typeof receivableSorts)[number];

export function filterReceivables(
  list: OpenReceivable[],
  filter: ReceivableFilter,
  today: string,
  query = '',
): OpenReceivable[] {
  const q = query.trim().toLowerCase();
  return list.filter((r) => {
    if (q && !r.docNumber.toLowerCase().includes(q) && !(r.contractRef ?? '').toLowerCase().includes(q)) return false;
    const isOpen = r.openMinor > 0 && r.status === 'open';
    switch (filter) {
      case 'open':
        return isOpen;
      case 'overdue':
        return isOpen && r.dueDate < today;
      case 'disputed':
        return r.disputed;
      case 'paid':
        return r.openMinor === 0 || r.status === 'paid';
      default:
        return true;
    }
  });
}

export function sortReceivables(list: OpenReceivable[], sort: ReceivableSort, desc: boolean): OpenReceivable[] {
  const key: Record<ReceivableSort, (r: OpenReceivable) => string | number> = {
    due: (r) => r.dueDate,
    open: (r) => r.openMinor,
    amount: (r) => r.amount.minor,
    doc: (r) => r.docNumber,
  };
  const k = key[sort];
  const sign = desc ? -1 : 1;
  return [...list].sort((a, b) => {
    const x = k(a),
      y = k(b);
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), undefined, { numeric: true });
    return c !== 0 ? sign * c : a.docNumber.localeCompare(b.docNumber, undefined, { numeric: true });
  });
}

const ROW = 44;
/** Below this many rows a plain list is cheaper than measuring a virtual one. */
export const VIRTUAL_FROM = 60;

export function ReceivablesCard() {
  const { t } = useTranslation(['sidepanel', 'common']);
  const { lang, settings } = useApp();
  const a = useAccount();
  const [filter, setFilter] = useState<ReceivableFilter>('open');
  const [sort, setSort] = useState<ReceivableSort>('due');
  const [desc, setDesc] = useState(false);
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const buckets = useMemo(() => agingBuckets(settings.agingBuckets), [settings.agingBuckets]);
  const rows = useMemo(
    () => sortReceivables(filterReceivables(a.receivables, filter, a.today, query), sort, desc),
    [a.receivables, filter, a.today, query, sort, desc],
  );
  const virtualised = rows.length > VIRTUAL_FROM;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: virtualised ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 8,
    initialRect: { width: 320, height: 8 * ROW },
  });
  const selected = openId ? a.receivables.find((r) => r.id === openId) : undefined;
  const row = (r: OpenReceivable) => {
    const late = daysBetween(r.dueDate, a.today);
    const open = r.openMinor > 0 && r.status === 'open';
    const bucket = open ? bucketIndexFor(late, buckets) : -1;
    return (
      <button
        type="button"
        onClick={() => setOpenId(r.id)}
        className="flex h-full w-full items-center gap-2 border-b border-stone-100 px-1 text-left hover:bg-stone-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
      >
        <span aria-hidden="true" className="h-6 w-1 shrink-0 rounded" style={{ background: agingColor(bucket) }} />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium" title={r.docNumber}>
            {r.docNumber}
            {r.disputed && (
              <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{t('recv.disputed')}</span>
            )}
          </span>
          <span className="block truncate text-xs text-stone-700">
            {t('recv.due', { date: formatDay(r.dueDate, lang) })}
            {open &&
              (late > 0
                ? ` · ${t('common:daysOverdue', { count: late })}`
                : late === 0
                  ? ` · ${t('common:dueToday')}`
                  : ` · ${t('common:dueIn', { count: -late })}`)}
            {!open &&
              ` · ${r.settledOn ? t('recv.settledOn', { date: formatDay(r.settledOn, lang) }) : t(`recv.status.${r.status}`)}`}
          </span>
        </span>
        <span className="shrink-0 text-right tabular-nums">
          <span className="block">{formatMoney(r.openMinor, r.amount.currency, lang)}</span>
          {r.openMinor !== r.amount.minor && (
            <span className="block text-xs text-stone-600">
              / {formatMoney(r.amount.minor, r.amount.currency, lang)}
            </span>
          )}
        </span>
      </button>
    );
  };
  if (selected) return <ReceivableDetail receivable={selected} onClose={() => setOpenId(null)} />;

  return (
    <section aria-labelledby="receivables-h" data-testid="receivables" className="rounded border border-stone-200 p-2">
      <div className="flex flex-wrap items-center justify-between gap-1">
        <h2 id="receivables-h" className="font-medium">
          {t('recv.title')}{' '}
          <span className="font-normal text-stone-600" data-testid="recv-count">
            ({rows.length})
          </span>
        </h2>
        <span className="flex gap-1">
          <select
            aria-label={t('recv.sort')}
            className={`${inputCls} w-auto`}
            value={sort}
            onChange={(e) => setSort(e.target.value as ReceivableSort)}
          >
            {receivableSorts.map((s) => (
              <option key={s} value={s}>
                {t(`recv.sorts.${s}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={buttonCls}
            aria-label={desc ? t('recv.descending') : t('recv.ascending')}
            aria-pressed={desc}
            onClick={() => setDesc(!desc)}
          >
            {desc ? '↓' : '↑'}
          </button>
        </span>
      </div>
      <div role="tablist" aria-label={t('recv.filter')} className="mt-1 flex flex-wrap gap-1">
        {receivableFilters.map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            aria-selected={filter === f}
            data-filter={f}
            className={`rounded-full border px-2 text-xs ${filter === f ? 'border-blue-700 bg-blue-700 text-white' : 'border-stone-300 bg-white'}`}
            onClick={() => setFilter(f)}
          >
            {t(`recv.filters.${f}`)}
          </button>
        ))}
      </div>
      {a.receivables.length > 10 && (
        <input
          type="search"
          aria-label={t('recv.search')}
          placeholder={t('recv.search')}
          className={`${inputCls} mt-1`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      {rows.length === 0 ? (
        <p className="mt-1 text-stone-700">{t(`recv.empty.${filter}`)}</p>
      ) : (
        <div
          ref={scroller}
          className="mt-1 overflow-y-auto"
          style={{ maxHeight: 8 * ROW }}
          data-testid="recv-scroller"
          data-virtual={virtualised}
        >
          {virtualised ? (
            <ul role="list" style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((v) => (
                <li
                  key={rows[v.index].id}
                  data-receivable-id={rows[v.index].id}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW,
                    transform: `translateY(${v.start}px)`,
                  }}
                >
                  {row(rows[v.index])}
                </li>
              ))}
            </ul>
          ) : (
            <ul role="list">
              {rows.map((r) => (
                <li key={r.id} data-receivable-id={r.id} style={{ height: ROW }}>
                  {row(r)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
