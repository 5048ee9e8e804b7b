/**
 * Today's cadence reminders for the popup (lib/cadence), computed when the worklist is re-ranked
 * (`refreshWorklistCache`), never on a popup opened with a fresh cache: a first pass over the summaries' due dates,
 * then each candidate account by index lookups, at most CADENCE_LIMIT of them, largest overdue first. The drafts
 * are made in both languages and kept in one meta row ('cadence'), fresh under the same key as the worklist cache.
 */
import type { AccountSnapshot, CustomerSummary, Lang, Settings } from '@/lib/domain';
import type { HuikuanDb } from '@/lib/db/schema';
import { loadAccountRows } from '@/lib/db/repo';
import { allocate } from '@/lib/ledger/allocate';
import { type CadenceDraft, cadenceDraft, cadenceFor, cadencePlan, loggedSteps, mayBeDue } from '@/lib/cadence';
import { recentMessagesOf } from '@/lib/worklist/step';

export const CADENCE_LIMIT = 30;
export const CADENCE_CACHE_KEY = 'cadence';

export interface CadenceCache {
  dataVersion: number;
  asOf: string;
  settingsKey: string;
  drafts: Record<Lang, CadenceDraft[]>;
}

const overdueOf = (s: CustomerSummary, asOf: string) =>
  s.openByDue.reduce((t, [due, , m]) => (due < asOf ? t + m : t), 0);

/** The drafts due on `asOf`, in both languages (the script is asked for at noon that day, as the worklist's step). */
export async function computeCadenceDrafts(
  db: HuikuanDb,
  asOf: string,
  settings: Settings,
): Promise<Record<Lang, CadenceDraft[]>> {
  const [y, m, d] = asOf.split('-').map(Number);
  const noon = new Date(y, m - 1, d, 12);
  const summaries = await db.summaries.toArray();
  const candidates = summaries
    .filter((s) => mayBeDue(s.openByDue, cadenceFor(settings, s.type), asOf))
    .sort((a, b) => overdueOf(b, asOf) - overdueOf(a, asOf));
  const out: Record<Lang, CadenceDraft[]> = { zh: [], en: [] };
  for (const s of candidates) {
    if (out.en.length >= CADENCE_LIMIT) break;
    const stored = await loadAccountRows(db, s.customerId);
    if (!stored) continue;
    const receivables = allocate(stored.receivables, stored.payments);
    const invoices = receivables
      .filter((r) => r.kind === 'invoice' && r.openMinor > 0)
      .map((r) => ({
        id: r.id,
        docNumber: r.docNumber,
        dueDate: r.dueDate,
        openMinor: r.openMinor,
        currency: r.amount.currency,
        disputed: r.disputed,
      }));
    const plan = cadencePlan(
      invoices,
      cadenceFor(settings, stored.customer.type),
      asOf,
      loggedSteps(stored.activities),
    );
    if (!plan) continue;
    const account: AccountSnapshot = {
      ...stored,
      settings,
      receivables,
      recentMessages: recentMessagesOf(stored.activities, asOf),
    };
    out.zh.push(cadenceDraft(account, plan, noon, 'zh'));
    out.en.push(cadenceDraft(account, plan, noon, 'en'));
  }
  return out;
}

export async function readCadenceCache(db: HuikuanDb): Promise<CadenceCache | undefined> {
  const v = (await db.meta.get(CADENCE_CACHE_KEY))?.value as CadenceCache | undefined;
  return v && v.drafts && Array.isArray(v.drafts.en) && Array.isArray(v.drafts.zh) ? v : undefined;
}
