/** The accounts to chase, best first, each saying why it is there; one click opens the record. */
import { useTranslation } from 'react-i18next';
import { type CustomerType, customerTypes, type Lang } from '@/lib/domain';
import { formatMoney, formatNumber } from '@/lib/format';
import type { WorklistFilter } from '@/lib/worklist';
import type { WorklistEntry } from './data';
import { reasonText } from './labels';
import { ladder } from '@/lib/playbook/catalog';

export interface WorklistSectionProps {
  rows: WorklistEntry[] | undefined;
  lang: Lang;
  updating: boolean;
  filter: WorklistFilter;
  owners: string[];
  currencies: string[];
  onFilter: (f: WorklistFilter) => void;
  onOpen: (row: WorklistEntry) => void;
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
export function riskOf(row: Pick<WorklistEntry, 'customerId' | 'overdue'>, atRisk: Record<string, Record<string, number>> | undefined): { minor: number; currency: string } | undefined {
  const r = atRisk?.[row.customerId];
  if (!r) return undefined;
  if (r[row.overdue.currency] !== undefined) return { minor: r[row.overdue.currency], currency: row.overdue.currency };
  const [cur, minor] = Object.entries(r).sort((a, b) => b[1] - a[1])[0] ?? [];
  return cur === undefined ? undefined : { minor, currency: cur };
}

/** Rows ranked by value at risk (largest first; the score breaks ties), or as scored. */
export function rankRows<T extends Pick<WorklistEntry, 'customerId' | 'overdue' | 'score'>>(rows: T[], rank: WorklistRank, atRisk: Record<string, Record<string, number>> | undefined): T[] {
  if (rank !== 'risk' || !atRisk) return rows;
  return rows.slice().sort((a, b) => (riskOf(b, atRisk)?.minor ?? 0) - (riskOf(a, atRisk)?.minor ?? 0) || b.score - a.score);
}

export function WorklistSection(p: WorklistSectionProps) {
  const { t } = useTranslation(['popup', 'common', 'forecast']);
  const rank = p.rank ?? 'score';
  const rows = rankRows(p.rows ?? [], rank, p.atRisk);
  const active = !!(p.filter.owner || p.filter.type || p.filter.currency);
  return (
    <section aria-labelledby="worklist-h" data-testid="worklist" className="rounded-md border border-stone-200 p-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="worklist-h" className="text-sm font-semibold">
          {t('worklist.heading')}
          {p.updating && <span className="ml-2 text-xs font-normal text-stone-600" role="status">{t('worklist.updating')}</span>}
        </h2>
        <div className="flex gap-1" role="group" aria-label={t('worklist.exportLabel')}>
          <button type="button" className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50" onClick={() => p.onExport('csv')} disabled={!rows.length} data-testid="worklist-export-csv">
            {t('worklist.exportCsv')}
          </button>
          <button type="button" className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50" onClick={() => p.onExport('xlsx')} disabled={!rows.length} data-testid="worklist-export-xlsx">
            {t('worklist.exportXlsx')}
          </button>
        </div>
      </div>
      <details className="mt-1 text-xs" open={active}>
        <summary className="cursor-pointer text-stone-700">{t('filters.heading')}</summary>
        <div className="mt-1 grid grid-cols-3 gap-1">
          <label className="flex flex-col">
            <span>{t('filters.owner')}</span>
            <select value={p.filter.owner ?? ''} onChange={(e) => p.onFilter({ ...p.filter, owner: e.target.value || undefined })}
              className="rounded border border-stone-300 px-1" data-testid="filter-owner">
              <option value="">{t('filters.all')}</option>
              {p.owners.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          </label>
          <label className="flex flex-col">
            <span>{t('filters.type')}</span>
            <select value={p.filter.type ?? ''} onChange={(e) => p.onFilter({ ...p.filter, type: (e.target.value || undefined) as CustomerType | undefined })}
              className="rounded border border-stone-300 px-1" data-testid="filter-type">
              <option value="">{t('filters.all')}</option>
              {customerTypes.map((c) => <option key={c} value={c}>{t(`common:customerTypes.${c}`)}</option>)}
            </select>
          </label>
          <label className="flex flex-col">
            <span>{t('filters.currency')}</span>
            <select value={p.filter.currency ?? ''} onChange={(e) => p.onFilter({ ...p.filter, currency: e.target.value || undefined })}
              className="rounded border border-stone-300 px-1" data-testid="filter-currency">
              <option value="">{t('filters.all')}</option>
              {p.currencies.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        </div>
        {active && (
          <button type="button" className="mt-1 underline" onClick={() => p.onFilter({})}>{t('filters.clear')}</button>
        )}
      </details>
      {p.onRank && (
        <div className="mt-1 flex items-center gap-1 text-xs" role="group" aria-label={t('forecast:worklist.rankBy')}>
          <span>{t('forecast:worklist.rankBy')}</span>
          {(['score', 'risk'] as const).map((k) => (
            <button key={k} type="button" aria-pressed={rank === k} disabled={k === 'risk' && !p.atRisk} data-testid={`worklist-rank-${k}`}
              onClick={() => p.onRank?.(k)} className={`rounded border px-1.5 ${rank === k ? 'border-blue-700 bg-blue-50' : 'border-stone-300'} disabled:opacity-50`}>
              {t(k === 'score' ? 'forecast:worklist.rankScore' : 'forecast:worklist.rankRisk')}
            </button>
          ))}
        </div>
      )}
      {p.rows && rows.length === 0 && <p className="mt-1 text-xs text-stone-600">{t('worklist.empty')}</p>}
      <ol className="mt-1 divide-y divide-stone-100">
        {rows.slice(0, p.shown ?? 100).map((r, i) => {
          const reasons = r.reasons.map((x) => reasonText(x, t, p.lang));
          const risk = rank === 'risk' ? riskOf(r, p.atRisk) : undefined;
          if (risk) reasons.unshift(t('forecast:worklist.atRisk', { amount: formatMoney(risk.minor, risk.currency, p.lang, { compact: true }) }));
          return (
            <li key={r.customerId} data-customer-id={r.customerId} data-score={r.score} data-testid="worklist-row" data-risk={risk?.minor}>
              <button type="button" onClick={() => p.onOpen(r)} aria-label={t('worklist.open', { name: r.name })}
                aria-describedby={`why-${r.customerId}`}
                className="w-full rounded px-1 py-1 text-left hover:bg-stone-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600">
                <span className="flex items-baseline justify-between gap-2">
                  <span className="truncate text-sm font-medium" title={r.name}>{i + 1}. {r.name}</span>
                  <span className="shrink-0 text-sm tabular-nums text-red-800" title={formatMoney(r.overdue.minor, r.overdue.currency, p.lang)}>
                    {r.overdue.minor > 0 ? formatMoney(r.overdue.minor, r.overdue.currency, p.lang, { compact: true }) : ''}
                  </span>
                </span>
                <span id={`why-${r.customerId}`} className="block truncate text-xs text-stone-700" title={reasons.join(' · ')}>
                  {r.level !== undefined && r.level > 0 && (
                    // The same level the badge and the side panel show (lib/playbook/ladder.ts).
                    <span className="font-medium" data-testid="worklist-step" data-level={r.level}>{ladder[r.level].name[p.lang]} · </span>
                  )}
                  {reasons.join(' · ')}
                  <span className="sr-only"> · {t('worklist.score', { score: formatNumber(r.score, p.lang, 2) })}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
