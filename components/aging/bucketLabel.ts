/** The name of an aging bucket in the UI language, for any bucket bounds: shared by the popup, the panel and exports. */
import type { AgingBucket } from '@/lib/ledger/aging';

/** The part of i18next's `t` these helpers use (the popup's first paint passes its own, i18next-free one). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** "Not yet due", "1–30 days", "Over 90 days". */
export function bucketLabel(b: AgingBucket, t: Translate): string {
  if (b.key === 'current') return t('common:buckets.current');
  if (b.toDays === null) return t('common:bucketOver', { from: (b.fromDays ?? 1) - 1 });
  return t('common:bucketRange', { from: b.fromDays, to: b.toDays });
}
