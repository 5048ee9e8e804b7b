/**
 * The step a worklist row shows: the same next-step function the side panel's "next step" card calls
 * (`suggestNext` in lib/playbook), through this one adapter, so the worklist follows whatever the playbook decides.
 * Only what a row needs is kept (it is cached with the ranked list).
 */
import type { AccountSnapshot, Activity, Channel, Lang } from '../domain';
import { allocate } from '../ledger/allocate';
import { daysBetween } from '../ledger/dates';
import { suggestNext } from '../playbook';
import { complaintRung, ladder, type Bilingual } from '../playbook/catalog';

export interface WorklistStep {
  level: number;
  levelKey: string;
  /** The ladder step in both languages ("Call the payment initiator", "致电付款发起人"): the cache serves either. */
  name: Bilingual;
  channel: Channel;
  /** When the playbook would look again. */
  nextDate?: string;
}

/** Customer messages and notes of the last 60 days: where the playbook looks for the three traps (as the panel does). */
export function recentMessagesOf(activities: Pick<Activity, 'note' | 'date'>[], asOf: string): string[] {
  return activities.filter((x) => x.note && daysBetween(x.date, asOf) <= 60).map((x) => x.note!);
}

/** The account as stored (receivables before allocation), as `loadAccountRows` returns it. */
export type StoredAccount = Omit<AccountSnapshot, 'receivables'> & { receivables: Parameters<typeof allocate>[0] };

/** The step for one account on `asOf` (noon local time, as the panel asks). */
export function worklistStep(stored: StoredAccount, asOf: string, lang: Lang = 'en'): WorklistStep {
  const [y, m, d] = asOf.split('-').map(Number);
  const account: AccountSnapshot = {
    ...stored,
    receivables: allocate(stored.receivables, stored.payments),
    recentMessages: recentMessagesOf(stored.activities, asOf),
  };
  const s = suggestNext(account, new Date(y, m - 1, d, 12), lang);
  const rung = s.complaint ? complaintRung : ladder.find((l) => l.key === s.levelKey);
  const name: Bilingual = rung ? { ...rung.name } : { zh: s.levelName, en: s.levelName };
  const step: WorklistStep = { level: s.level, levelKey: s.levelKey, name, channel: s.channel };
  if (s.nextDate) step.nextDate = s.nextDate;
  return step;
}
