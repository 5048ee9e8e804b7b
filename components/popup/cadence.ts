/**
 * Today's cadence reminders for the popup (lib/cadence): a first pass over the summaries' due dates (the same one
 * read the worklist ranks from), then each candidate account by index lookups, at most CADENCE_LIMIT of them,
 * largest overdue first.
 */
import type { AccountSnapshot, CustomerSummary, Lang, Settings } from '@/lib/domain';
import type { HuikuanDb } from '@/lib/db/schema';
import { loadAccountRows } from '@/lib/db/repo';
import { allocate } from '@/lib/ledger/allocate';
import { type CadenceDraft, cadenceDraft, cadenceFor, cadencePlan, loggedSteps, mayBeDue } from '@/lib/cadence';
import { recentMessagesOf } from '@/lib/worklist/step';

export const CADENCE_LIMIT = 30;

const overdueOf = (s: CustomerSummary, asOf: string) => s.openByDue.reduce((t, [due, , m]) => (due < asOf ? t + m : t), 0);

export async function loadCadenceDrafts(db: HuikuanDb, asOf: string, settings: Settings, lang: Lang, now: Date): Promise<CadenceDraft[]> {
  const summaries = await db.summaries.toArray();
  const candidates = summaries.filter((s) => mayBeDue(s.openByDue, cadenceFor(settings, s.type), asOf))
    .sort((a, b) => overdueOf(b, asOf) - overdueOf(a, asOf));
  const out: CadenceDraft[] = [];
  for (const s of candidates) {
    if (out.length >= CADENCE_LIMIT) break;
    const stored = await loadAccountRows(db, s.customerId);
    if (!stored) continue;
    const receivables = allocate(stored.receivables, stored.payments);
    const invoices = receivables.filter((r) => r.kind === 'invoice' && r.openMinor > 0)
      .map((r) => ({ id: r.id, docNumber: r.docNumber, dueDate: r.dueDate, openMinor: r.openMinor, currency: r.amount.currency, disputed: r.disputed }));
    const plan = cadencePlan(invoices, cadenceFor(settings, stored.customer.type), asOf, loggedSteps(stored.activities));
    if (!plan) continue;
    const account: AccountSnapshot = { ...stored, settings, receivables, recentMessages: recentMessagesOf(stored.activities, asOf) };
    out.push(cadenceDraft(account, plan, now, lang));
  }
  return out;
}
