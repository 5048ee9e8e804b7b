/** The small views the background hands to the badge frame: computed from a maintained summary, never a scan. */
import type { CustomerSummary, Lang, Settings } from '../domain';
import { ladder } from '../playbook/catalog';
import { attitudes } from '../playbook/method';
import { formatDay, formatMoney } from '../format';
import { translator } from '../i18n';
import { daysBetween } from '../ledger/dates';
import type { BadgeView } from './protocol';

/** Index of the aging bucket a number of days past due falls in, for bucket upper bounds like [30, 60, 90]. */
export function bucketIndex(daysPastDue: number, bucketDays: number[]): number {
  if (daysPastDue <= 0) return 0;
  const i = bucketDays.findIndex((d) => daysPastDue <= d);
  return i === -1 ? bucketDays.length + 1 : i + 1;
}

export interface OverdueFigure { currency: string; open: number; overdue: number; oldestOverdueDue?: string }

/**
 * The headline currency: the one with the most overdue (then most open). Figures are never added across
 * currencies; the badge shows one currency and the side panel lists the rest.
 */
export function headlineFigure(summary: Pick<CustomerSummary, 'openByDue'>, asOf: string): OverdueFigure | undefined {
  const byCur = new Map<string, OverdueFigure>();
  for (const [due, currency, minor] of summary.openByDue) {
    const f = byCur.get(currency) ?? { currency, open: 0, overdue: 0 };
    f.open += minor;
    if (due < asOf && minor > 0) {
      f.overdue += minor;
      if (!f.oldestOverdueDue || due < f.oldestOverdueDue) f.oldestOverdueDue = due;
    }
    byCur.set(currency, f);
  }
  return [...byCur.values()].filter((f) => f.open > 0)
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.currency.localeCompare(b.currency))[0];
}

/** The chip's one line; amounts go compact (¥13.6万, CN¥136K) when the exact figure would not fit ~220 px. */
export function badgeOverdueText(overdueMinor: number, currency: string, days: number, lang: Lang): string {
  const t = translator(lang);
  const exact = t('badge.overdue', { amount: formatMoney(overdueMinor, currency, lang), days });
  return exact.length <= 26 ? exact : t('badge.overdue', { amount: formatMoney(overdueMinor, currency, lang, { compact: true }), days });
}

/**
 * The ladder step the days past due alone put the account at (the playbook's starting point before its rules, with
 * the team's attitude applied), from the summary: cheap enough for the badge's path.
 */
export function ladderStepFor(summary: Pick<CustomerSummary, 'openByDue'>, settings: Pick<Settings, 'ladderDays' | 'attitude'>, asOf: string, lang: Lang):
  { level: number; name: string } | undefined {
  const oldest = summary.openByDue.filter(([due, , minor]) => minor > 0 && due < asOf).map(([due]) => due).sort()[0];
  if (!oldest) return undefined;
  const dpd = daysBetween(oldest, asOf);
  const factor = attitudes.find((a) => a.key === settings.attitude)?.ladderFactor ?? 1;
  let level = 0;
  settings.ladderDays.forEach((d, i) => { if (i > 0 && dpd >= Math.round(d * factor)) level = i; });
  return { level, name: ladder[level].name[lang] };
}

export function badgeViewFor(input: {
  summary: Pick<CustomerSummary, 'openByDue'> | undefined; customerName: string; lang: Lang; asOf: string; bucketDays: number[];
  /** The escalation level the playbook puts the account at today, named in the tooltip. */
  step?: { level: number; name: string };
}): BadgeView {
  const t = translator(input.lang);
  const { summary, lang, asOf } = input;
  const fig = summary && headlineFigure(summary, asOf);
  if (!fig) {
    return { state: 'linked', text: t('badge.settled'), title: t('badge.settled'), worstBucket: -1, lang };
  }
  const outstanding = formatMoney(fig.open, fig.currency, lang);
  const overdue = formatMoney(fig.overdue, fig.currency, lang);
  const linked = t('badge.titleLinked', { customer: input.customerName, outstanding, overdue });
  const title = input.step ? `${linked} ${t('badge.titleStep', { level: input.step.level, name: input.step.name })}` : linked;
  if (!fig.oldestOverdueDue) {
    return { state: 'linked', text: t('badge.notDue', { amount: outstanding }), title, worstBucket: 0, lang };
  }
  const days = daysBetween(fig.oldestOverdueDue, asOf);
  return {
    state: 'linked',
    text: badgeOverdueText(fig.overdue, fig.currency, days, lang),
    title,
    worstBucket: bucketIndex(days, input.bucketDays),
    lang,
  };
}

/**
 * The mail chip's figures: the CRM badge's line (overdue and days, or open / settled) and then the next promise
 * ("promised 25 Nov") or, when none is pending and the last one was broken, "promise broken".
 */
export function mailFigures(view: Pick<BadgeView, 'state' | 'text'>, inputs: Pick<CustomerSummary, 'nextPromiseDate' | 'lastBrokenPromiseDate'> | undefined,
  asOf: string, lang: Lang): string | undefined {
  if (view.state !== 'linked') return undefined;
  const t = translator(lang);
  const promise = inputs?.nextPromiseDate
    ? t(inputs.nextPromiseDate < asOf ? 'badge.promiseDueWas' : 'badge.promise', { date: formatDay(inputs.nextPromiseDate, lang) })
    : inputs?.lastBrokenPromiseDate ? t('badge.promiseBroken') : undefined;
  return promise ? `${view.text} · ${promise}` : view.text;
}

export function unlinkedBadge(lang: Lang): BadgeView {
  const t = translator(lang);
  return { state: 'unlinked', text: t('badge.unlinked'), title: t('badge.titleUnlinked'), worstBucket: -1, lang };
}

export function unreadBadge(lang: Lang): BadgeView {
  const t = translator(lang);
  return { state: 'unread', text: t('badge.unread'), title: t('badge.titleUnread'), worstBucket: -1, lang };
}

export function confirmHostBadge(host: string, lang: Lang): BadgeView {
  const t = translator(lang);
  return { state: 'confirm', text: t('badge.confirmHost', { host }), title: t('badge.titleConfirmHost', { host }), worstBucket: -1, lang };
}
