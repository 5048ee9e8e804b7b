/** Small text helpers of the popup: worklist reasons, opening a customer. */
import type { TFunction } from 'i18next';
import { extensionUrl, openTab } from '@/lib/browser/pages';
import type { Lang } from '@/lib/domain';
import { formatDay, formatMoney } from '@/lib/format';
import type { WorklistReason } from '@/lib/worklist';

/** One worklist reason as a sentence fragment in the UI language (amounts and dates formatted). */
export function reasonText(r: WorklistReason, t: TFunction, lang: Lang): string {
  const p: Record<string, unknown> = { ...r.params };
  if (typeof p.minor === 'number' && typeof p.currency === 'string') p.amount = formatMoney(p.minor, p.currency, lang);
  if (typeof p.date === 'string') p.date = formatDay(p.date, lang);
  return String(t(`popup:reasons.${r.key}`, p));
}

/** The customer's CRM record when known, else the side panel page for the customer in a new tab. */
export async function openCustomer(entry: { customerId: string; crmUrl?: string }): Promise<void> {
  const url = entry.crmUrl ?? `${extensionUrl('/sidepanel.html')}?customer=${encodeURIComponent(entry.customerId)}`;
  await openTab(url);
}
