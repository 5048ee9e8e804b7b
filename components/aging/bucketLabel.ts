/** The name of an aging bucket in the UI language, for any bucket bounds: shared by the popup, the panel and exports. */
import type { AgingBucket } from '@/lib/ledger/aging';
import { type AnyT, commonText } from '@/lib/i18n/types';

/** Any page's `t` (the popup's first paint passes its own, i18next-free one). */
export type Translate = AnyT;

/** "Not yet due", "1–30 days", "Over 90 days". */
export function bucketLabel(b: AgingBucket, t: Translate): string {
  if (b.key === 'current') return commonText(t, 'buckets.current');
  if (b.toDays === null) return commonText(t, 'bucketOver', { from: (b.fromDays ?? 1) - 1 });
  return commonText(t, 'bucketRange', { from: b.fromDays, to: b.toDays });
}
