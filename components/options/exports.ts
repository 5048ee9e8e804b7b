/**
 * Export builders for the options page. These read whole tables on purpose: an export is an explicit request
 * for everything, unlike the popup, which reads only maintained aggregates.
 */
import type { TFunction } from 'i18next';
import type { AnyT, TWith } from '@/lib/i18n/types';
import type { Lang, Settings } from '@/lib/domain';
import type { HuikuanDb } from '@/lib/db/schema';
import { allocate } from '@/lib/ledger';
import { addDays } from '@/lib/ledger/dates';
import { formatMoney } from '@/lib/format';
import { type AgingExportItem, type ExportTable, agingRowsForExport, worklistRowsForExport } from '@/lib/transfer';
import { type IcsEvent, toIcs } from '@/lib/transfer/ics';
import { currentWorklist } from '@/components/popup/data';
import { reasonText, stepText } from '@/components/popup/labels';

/** One item per open invoice, with its open balance after payments and credit notes (lib/ledger allocate). */
export async function agingExportItems(db: HuikuanDb): Promise<AgingExportItem[]> {
  const [customers, ledgers] = await db.transaction('r', [db.customers, db.ledgers], () =>
    Promise.all([db.customers.toArray(), db.ledgers.toArray()]),
  );
  const ledgerOf = new Map(ledgers.map((l) => [l.customerId, l]));
  const out: AgingExportItem[] = [];
  for (const c of customers) {
    const l = ledgerOf.get(c.id);
    if (!l?.receivables.length) continue;
    for (const r of allocate(l.receivables, l.payments)) {
      if (r.kind !== 'invoice' || r.openMinor <= 0) continue;
      const item: AgingExportItem = {
        customerName: c.name,
        docNumber: r.docNumber,
        issueDate: r.issueDate,
        dueDate: r.dueDate,
        open: { minor: r.openMinor, currency: r.amount.currency },
        amount: r.amount,
        disputed: r.disputed,
      };
      if (c.owner) item.owner = c.owner;
      out.push(item);
    }
  }
  return out;
}

export async function agingTable(db: HuikuanDb, asOf: string, t: AnyT, settings: Settings): Promise<ExportTable> {
  return agingRowsForExport(await agingExportItems(db), asOf, t, settings.agingBuckets);
}

export async function worklistTable(
  db: HuikuanDb,
  asOf: string,
  lang: Lang,
  settings: Settings,
  t: TWith<'popup' | 'common'>,
): Promise<ExportTable> {
  const rows = await currentWorklist(db, asOf, settings);
  return worklistRowsForExport(
    rows.map((r) => ({
      customerName: r.name,
      overdue: r.overdue,
      open: { minor: r.open[r.overdue.currency] ?? 0, currency: r.overdue.currency },
      daysPastDue: r.oldestDaysPastDue,
      nextStep: r.step ? stepText(r.step, t, lang) : '',
      why: r.reasons.map((x) => reasonText(x, t, lang)).join('; '),
      nextDate: r.nextActivityDate,
      promiseDate: r.nextPromiseDate,
      lastActivityDate: r.lastActivityDate,
      limitationDeadline: r.limitationDeadline,
      owner: r.owner,
    })),
    t,
  );
}

/**
 * Pending promises (from 30 days back, so recently missed ones still show) and planned follow-ups from today on,
 * as all-day calendar events with stable UIDs (re-importing the calendar updates instead of duplicating).
 */
export async function icsText(
  db: HuikuanDb,
  asOf: string,
  lang: Lang,
  t: TFunction<'options'>,
  now: Date,
): Promise<{ text: string; count: number }> {
  const [promises, activities] = await Promise.all([
    db.promises
      .where('[status+date]')
      .between(['pending', addDays(asOf, -30)], ['pending', '9999-12-31'], true, true)
      .toArray(),
    db.activities.where('nextDate').between(asOf, '9999-12-31', true, true).toArray(),
  ]);
  const ids = [...new Set([...promises, ...activities].map((x) => x.customerId))];
  const customers = await db.customers.bulkGet(ids);
  const name = new Map(ids.map((id, i) => [id, customers[i]?.name ?? id]));
  const events: IcsEvent[] = [
    ...promises.map((p) => ({
      uid: `promise-${p.id}@huikuan`,
      date: p.date,
      summary: String(
        t('export.icsPromise', {
          name: name.get(p.customerId),
          amount: formatMoney(p.amount.minor, p.amount.currency, lang),
        }),
      ),
      ...(p.note ? { description: p.note } : {}),
    })),
    ...activities.map((a) => ({
      uid: `step-${a.id}@huikuan`,
      date: a.nextDate!,
      summary: String(t('export.icsFollowUp', { name: name.get(a.customerId) })),
      ...(a.note ? { description: a.note } : {}),
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
  return { text: toIcs(events, { calName: String(t('export.icsCalName')), now, alarm: true }), count: events.length };
}
