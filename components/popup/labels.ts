/** Small text helpers shared by the popup and the options page: bucket names, worklist reasons, opening a customer. */
import type { TFunction } from 'i18next';
import { browser } from 'wxt/browser';
import type { Lang } from '@/lib/domain';
import type { AgingBucket } from '@/lib/ledger';
import { formatDay, formatMoney } from '@/lib/format';
import { bucketLabelWith } from './agingView';
import type { WorklistReason } from '@/lib/worklist';

/** "Not yet due", "1–30 days", "Over 90 days" for any bucket bounds. */
export function bucketLabel(b: AgingBucket, t: TFunction): string {
  return bucketLabelWith(b, (key, params) => String(t(key, params ?? {})));
}

/** One worklist reason as a sentence fragment in the UI language (amounts and dates formatted). */
export function reasonText(r: WorklistReason, t: TFunction, lang: Lang): string {
  const p: Record<string, unknown> = { ...r.params };
  if (typeof p.minor === 'number' && typeof p.currency === 'string') p.amount = formatMoney(p.minor, p.currency, lang);
  if (typeof p.date === 'string') p.date = formatDay(p.date, lang);
  return String(t(`popup:reasons.${r.key}`, p));
}

/** The customer's CRM record when known, else the side panel page for the customer in a new tab. */
export async function openCustomer(entry: { customerId: string; crmUrl?: string }): Promise<void> {
  const url = entry.crmUrl ?? `${browser.runtime.getURL('/sidepanel.html')}?customer=${encodeURIComponent(entry.customerId)}`;
  await browser.tabs.create({ url });
}
