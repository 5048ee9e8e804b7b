/** The small views the background hands to the badge frame: computed from a maintained summary, never a scan. */
import type { CustomerSummary, Lang } from '../domain';
import { rungOf } from '../playbook/catalog';
import { ladderFactsOf, ladderLevel, undisputedByDue, type LadderSettings } from '../playbook/ladder';
import { formatDay, formatMoney } from '../format';
import { translator } from '../i18n';
import { daysBetween } from '../ledger/dates';
import type { BadgeView } from './protocol';
import type { BadgeInputs } from './badgeInputs';

/** Index of the aging bucket a number of days past due falls in, for bucket upper bounds like [30, 60, 90]. */
export function bucketIndex(daysPastDue: number, bucketDays: number[]): number {
  if (daysPastDue <= 0) return 0;
  const i = bucketDays.findIndex((d) => daysPastDue <= d);
  return i === -1 ? bucketDays.length + 1 : i + 1;
}

export interface OverdueFigure {
  currency: string;
  open: number;
  overdue: number;
  oldestOverdueDue?: string;
}

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
  return [...byCur.values()]
    .filter((f) => f.open > 0)
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.currency.localeCompare(b.currency))[0];
}

/** The chip's one line; amounts go compact (¥13.6万, CN¥136K) when the exact figure would not fit ~220 px. */
export function badgeOverdueText(overdueMinor: number, currency: string, days: number, lang: Lang): string {
  const t = translator(lang);
  const exact = t('badge.overdue', { amount: formatMoney(overdueMinor, currency, lang), days });
  return exact.length <= 26
    ? exact
    : t('badge.overdue', { amount: formatMoney(overdueMinor, currency, lang, { compact: true }), days });
}

/**
 * The ladder step for the badge's tooltip: the one level function of lib/playbook/ladder.ts on the facts the summary
 * keeps, so the badge, the popup and the side panel say the same. Undefined when nothing undisputed is overdue or the
 * summary predates the ladder facts (it is rewritten on the customer's next write, and by the version 7 upgrade).
 */
export function ladderStepFor(
  summary: BadgeInputs,
  settings: LadderSettings,
  asOf: string,
  lang: Lang,
): { level: number; name: string } | undefined {
  const facts = ladderFactsOf(summary);
  if (!facts) return undefined;
  const { level, complaint } = ladderLevel(facts, settings, asOf);
  if (level === 0) return undefined;
  return { level, name: rungOf(level, complaint).name[lang] };
}

export function badgeViewFor(input: {
  summary: BadgeInputs | undefined;
  customerName: string;
  lang: Lang;
  asOf: string;
  bucketDays: number[];
  /** The escalation level the playbook puts the account at today, named in the tooltip. */
  step?: { level: number; name: string };
}): BadgeView {
  const t = translator(input.lang);
  const { summary, lang, asOf } = input;
  // Disputed documents are shown apart and days overdue count undisputed items only (条例 art. 15).
  const disputedByDue = summary?.ladder?.disputedByDue ?? [];
  const undisputed = summary && { openByDue: undisputedByDue({ openByDue: summary.openByDue, disputedByDue }) };
  const fig = undisputed && headlineFigure(undisputed, asOf);
  const disputedIn = (cur?: string) => {
    const byCur = new Map<string, number>();
    for (const [, c, m] of disputedByDue) byCur.set(c, (byCur.get(c) ?? 0) + m);
    const [c, m] = cur && byCur.has(cur) ? [cur, byCur.get(cur)!] : ([...byCur].sort((a, b) => b[1] - a[1])[0] ?? []);
    return c && m ? formatMoney(m, c, lang) : undefined;
  };
  if (!fig) {
    const disputed = disputedIn();
    if (disputed) {
      const title = t('playbook.badge.titleDisputedOnly', { customer: input.customerName, disputed });
      return {
        state: 'linked',
        text: t('playbook.badge.disputedOnly', { amount: disputed }),
        title,
        worstBucket: 0,
        lang,
      };
    }
    return { state: 'linked', text: t('badge.settled'), title: t('badge.settled'), worstBucket: -1, lang };
  }
  const outstanding = formatMoney(fig.open, fig.currency, lang);
  const overdue = formatMoney(fig.overdue, fig.currency, lang);
  const linked = t('badge.titleLinked', { customer: input.customerName, outstanding, overdue });
  const disputed = disputedIn(fig.currency);
  const withDispute = disputed ? `${linked} ${t('playbook.badge.titleDisputed', { amount: disputed })}` : linked;
  const title = input.step
    ? `${withDispute} ${t('playbook.badge.titleStep', { level: input.step.level, name: input.step.name })}`
    : withDispute;
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
export function mailFigures(
  view: Pick<BadgeView, 'state' | 'text'>,
  inputs: Pick<CustomerSummary, 'nextPromiseDate' | 'lastBrokenPromiseDate'> | undefined,
  asOf: string,
  lang: Lang,
): string | undefined {
  if (view.state !== 'linked') return undefined;
  const t = translator(lang);
  const promise = inputs?.nextPromiseDate
    ? t(inputs.nextPromiseDate < asOf ? 'badge.promiseDueWas' : 'badge.promise', {
        date: formatDay(inputs.nextPromiseDate, lang),
      })
    : inputs?.lastBrokenPromiseDate
      ? t('badge.promiseBroken')
      : undefined;
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
  return {
    state: 'confirm',
    text: t('badge.confirmHost', { host }),
    title: t('badge.titleConfirmHost', { host }),
    worstBucket: -1,
    lang,
  };
}
