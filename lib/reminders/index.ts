/**
 * Reminders derived from the stored data: promises due, promises broken, planned next steps and limitation
 * deadlines. Pure and deterministic: the same data and day give the same reminders with the same ids, so the
 * background can re-create its alarms whenever the service worker starts without losing or doubling any.
 *
 * Ids carry the date they are about (`promise:<promiseId>:<date>`), so a reminder that has been shown never comes
 * back under another id, and one whose date moves (a new promise date, a new next step) is a new reminder.
 */
import type { CustomerSummary, Lang, PaymentPromise, Settings } from '../domain';
import { addDays, dayOf, parseDay } from '../ledger/dates';
import { formatDay, formatMoney } from '../format';
import { translator } from '../i18n';

/** A reminder's text in both languages (common:reminders.*): notifications pick the user's language when shown. */
function both(
  key: 'promiseDue' | 'promiseBroken' | 'nextStep' | 'limitation' | 'retention',
  part: 'title' | 'message',
  values: (lang: Lang) => Record<string, string | number>,
): Record<Lang, string> {
  const say = (lang: Lang) => translator(lang)(`reminders.${key}.${part}`, values(lang));
  return { zh: say('zh'), en: say('en') };
}
const tr = (lang: Lang) => translator(lang);

export type ReminderKind = 'promise-due' | 'promise-broken' | 'next-step' | 'limitation' | 'retention';

export interface Reminder {
  id: string;
  customerId: string;
  kind: ReminderKind;
  /** The calendar day it is about (YYYY-MM-DD). */
  date: string;
  /** When to notify: 9:00 local time on `date` (epoch ms). */
  when: number;
  title: Record<Lang, string>;
  message: Record<Lang, string>;
  promiseId?: string;
}

export interface ReminderInput {
  summaries: CustomerSummary[];
  promises: PaymentPromise[];
  activities: { customerId: string; nextDate?: string }[];
  limitation: { customerId: string; deadline: string }[];
  customers: { id: string; name: string }[];
  /** Ids already shown to the user; they are left out so nothing is shown twice. */
  shown?: Iterable<string>;
}

export type ReminderSettings = Pick<Settings, 'promiseGraceDays' | 'limitationWarnDays'>;

/** Reminders older than this many days are no longer worth a notification. */
export const LOOKBACK_DAYS = 30;
export const NOTIFY_HOUR = 9;

/** 9:00 local time on a calendar day. */
export function reminderTime(date: string, hour = NOTIFY_HOUR): number {
  const d = parseDay(date);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour).getTime();
}

function money(minor: number, currency: string, lang: Lang): string {
  try {
    return formatMoney(minor, currency, lang);
  } catch {
    return `${currency} ${(minor / 100).toFixed(2)}`;
  }
}

function openText(summary: CustomerSummary | undefined, lang: Lang): string {
  if (!summary) return '';
  const parts = Object.entries(summary.open)
    .filter(([, v]) => v > 0)
    .map(([c, v]) => money(v, c, lang));
  return parts.join(tr(lang)('reminders.amountSeparator'));
}

export function deriveReminders(input: ReminderInput, now: Date, settings: ReminderSettings): Reminder[] {
  const today = dayOf(now.getTime());
  const oldest = addDays(today, -LOOKBACK_DAYS);
  const names = new Map(input.customers.map((c) => [c.id, c.name]));
  const summaries = new Map(input.summaries.map((s) => [s.customerId, s]));
  const shown = new Set(input.shown ?? []);
  const grace = settings.promiseGraceDays;
  const out = new Map<string, Reminder>();
  const add = (r: Omit<Reminder, 'when'>) => {
    if ((r.date < oldest && r.kind !== 'limitation') || shown.has(r.id) || out.has(r.id)) return;
    out.set(r.id, { ...r, when: reminderTime(r.date) });
  };
  const nameOf = (id: string) => names.get(id) ?? id;

  for (const p of input.promises) {
    if (p.status === 'kept' || p.status === 'cancelled') continue;
    const name = nameOf(p.customerId);
    const deadline = addDays(p.date, grace);
    const brokenDay = addDays(deadline, 1);
    const amt = (lang: Lang) => money(p.amount.minor, p.amount.currency, lang);
    const left = (lang: Lang) => money(p.amount.minor - p.coveredMinor, p.amount.currency, lang);
    if (p.status === 'pending' && deadline >= today) {
      add({
        id: `promise:${p.id}:${p.date}`,
        customerId: p.customerId,
        kind: 'promise-due',
        date: p.date,
        promiseId: p.id,
        title: both('promiseDue', 'title', () => ({ name })),
        message: both('promiseDue', 'message', (lang) => ({
          name,
          date: formatDay(p.date, lang),
          amount: amt(lang),
          covered: p.coveredMinor
            ? tr(lang)('reminders.promiseDue.covered', { amount: money(p.coveredMinor, p.amount.currency, lang) })
            : '',
        })),
      });
    } else {
      // Broken, or pending past its grace period and not re-evaluated yet.
      add({
        id: `promise-broken:${p.id}:${p.date}`,
        customerId: p.customerId,
        kind: 'promise-broken',
        date: brokenDay,
        promiseId: p.id,
        title: both('promiseBroken', 'title', () => ({ name })),
        message: both('promiseBroken', 'message', (lang) => ({
          name,
          date: formatDay(p.date, lang),
          amount: amt(lang),
          left: left(lang),
          grace,
        })),
      });
    }
  }

  const nextSteps = new Set<string>();
  for (const a of input.activities) if (a.nextDate) nextSteps.add(`${a.customerId}|${a.nextDate}`);
  for (const s of input.summaries) if (s.nextActivityDate) nextSteps.add(`${s.customerId}|${s.nextActivityDate}`);
  for (const key of nextSteps) {
    const [customerId, date] = key.split('|');
    const name = nameOf(customerId);
    const open = (lang: Lang) => openText(summaries.get(customerId), lang);
    add({
      id: `next:${customerId}:${date}`,
      customerId,
      kind: 'next-step',
      date,
      title: both('nextStep', 'title', () => ({ name })),
      message: both('nextStep', 'message', (lang) => ({
        name,
        date: formatDay(date, lang),
        open: open(lang) ? tr(lang)('reminders.nextStep.open', { amount: open(lang) }) : '',
      })),
    });
  }

  for (const l of input.limitation) {
    const name = nameOf(l.customerId);
    const warn = addDays(l.deadline, -settings.limitationWarnDays);
    if (l.deadline < today) continue;
    const open = (lang: Lang) => openText(summaries.get(l.customerId), lang);
    add({
      id: `limitation:${l.customerId}:${l.deadline}`,
      customerId: l.customerId,
      kind: 'limitation',
      date: warn,
      title: both('limitation', 'title', () => ({ name })),
      message: both('limitation', 'message', (lang) => ({
        name,
        date: formatDay(l.deadline, lang),
        open: open(lang) ? tr(lang)('reminders.limitation.open', { amount: open(lang) }) : '',
      })),
    });
  }

  // 质保金 / deposits still held: a reminder the set number of days before the release date, to ask for it on time
  // (条例 art. 13); from the day after it, the held part is overdue like any document and the ladder takes it up.
  for (const s of input.summaries) {
    for (const [release, currency, minor, remind] of s.retentionHeld ?? []) {
      if (release < today) continue;
      const name = nameOf(s.customerId);
      const amt = (lang: Lang) => money(minor, currency, lang);
      add({
        id: `retention:${s.customerId}:${release}:${currency}`,
        customerId: s.customerId,
        kind: 'retention',
        date: addDays(release, -remind),
        title: both('retention', 'title', () => ({ name })),
        message: both('retention', 'message', (lang) => ({ name, amount: amt(lang), date: formatDay(release, lang) })),
      });
    }
  }

  return [...out.values()].sort((a, b) => a.when - b.when || (a.id < b.id ? -1 : 1));
}

/**
 * For the toolbar badge: promises due or broken and next steps dated today or earlier that are still live
 * (within the look-back), plus limitation warnings that start today.
 */
export function dueTodayCount(reminders: Reminder[], now: Date): number {
  const today = dayOf(now.getTime());
  return reminders.filter((r) => (r.kind === 'limitation' ? r.date === today : r.date <= today)).length;
}

/** At most this many alarms are planned ahead (the soonest); the hourly re-derivation plans the rest as they near. */
export const MAX_PLANNED_ALARMS = 100;

/**
 * What to do after a (re-)derivation: create the alarms for reminders still ahead that do not exist and were not
 * shown yet (the soonest MAX_PLANNED_ALARMS of them), clear the ones no longer wanted, and gather the reminders
 * already due and not yet shown into `due`, to be shown together once — a portfolio with thousands of overdue items
 * must not raise thousands of notifications. Running it twice over the same data creates nothing the second time.
 */
export function planAlarms(
  reminders: Reminder[],
  existing: Iterable<string>,
  shown: Iterable<string>,
  now: Date,
  prefix = 'r:',
): { create: { name: string; when: number }[]; clear: string[]; due: Reminder[] } {
  const have = new Set(existing);
  const seen = new Set(shown);
  const t = now.getTime();
  const ahead = reminders
    .filter((r) => r.when > t)
    .sort((a, b) => a.when - b.when || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_PLANNED_ALARMS);
  // An alarm whose time has passed but that has not fired yet (the browser can hold alarms back) still shows its own.
  const firing = reminders.filter((r) => r.when <= t && have.has(prefix + r.id) && !seen.has(r.id));
  const wanted = new Map([...ahead, ...firing].map((r) => [prefix + r.id, r]));
  const clear = [...have].filter((n) => n.startsWith(prefix) && !wanted.has(n));
  const create: { name: string; when: number }[] = [];
  for (const r of ahead) {
    const name = prefix + r.id;
    if (have.has(name) || seen.has(r.id)) continue;
    create.push({ name, when: r.when });
  }
  const due = reminders.filter((r) => r.when <= t && !seen.has(r.id) && !have.has(prefix + r.id));
  return { create, clear, due };
}

/**
 * The one notification for reminders already due: the reminder itself when there is one, else a count with the
 * first few titles.
 */
export function dueNotice(due: Reminder[], lang: Lang): { title: string; message: string } | undefined {
  if (!due.length) return undefined;
  if (due.length === 1) return { title: due[0].title[lang], message: due[0].message[lang] };
  const first = due.slice(0, 3).map((r) => r.title[lang]);
  const more = due.length - first.length;
  const t = tr(lang);
  return {
    title: t('reminders.due.title', { n: due.length }),
    message: first.join(t('reminders.due.separator')) + (more > 0 ? t('reminders.due.more', { n: more }) : ''),
  };
}
