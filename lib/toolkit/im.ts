/**
 * WeChat / 企业微信 short drafts: the script of each situation cut to what fits a chat bubble, with the figures from
 * the record. The extension never sends them; the panel copies one to the clipboard with one key and the collector
 * pastes it into the chat (WeCom's own API also sends nothing without the member's confirmation).
 */
import type { TFunction } from 'i18next';
import type { Lang, OpenReceivable } from '../domain';
import { formatDay, formatMoney } from '../format';
import type { PlanProgress } from './plans';
import type { DocumentDispute } from './disputes';
import type { Statement } from './records';
import { addDays } from '../ledger/dates';
import { splitByDue } from '../ledger/retention';

export interface ImDraft {
  key: 'overdue' | 'statement' | 'instalment' | 'undisputed' | 'retention' | 'thanks';
  text: string;
}

function overdueTotals(
  receivables: readonly OpenReceivable[],
  asOf: string,
  lang: Lang,
  t: TFunction<'toolkit'>,
): string | undefined {
  const m = new Map<string, number>();
  // A held retention is overdue only after its release date (lib/ledger/retention.ts).
  for (const r of splitByDue(receivables))
    if (r.kind === 'invoice' && r.openMinor > 0 && r.dueDate < asOf)
      m.set(r.amount.currency, (m.get(r.amount.currency) ?? 0) + r.openMinor);
  return m.size ? [...m].map(([c, v]) => formatMoney(v, c, lang)).join(t('im.drafts.and')) : undefined;
}

/** The drafts in the page's language: `t` over `toolkit` (im.drafts.*), `lang` for money and dates. */
export function imDrafts(input: {
  lang: Lang;
  t: TFunction<'toolkit'>;
  asOf: string;
  contactName?: string;
  receivables: readonly OpenReceivable[];
  openStatement?: Statement;
  plan?: { reference: string; progress: PlanProgress };
  disputes?: readonly DocumentDispute[];
}): ImDraft[] {
  const { lang, t, asOf } = input;
  const hi = input.contactName ? t('im.drafts.hi', { name: input.contactName }) : t('im.drafts.hiNoName');
  const out: ImDraft[] = [];
  const overdue = overdueTotals(input.receivables, asOf, lang, t);
  if (overdue) {
    out.push({ key: 'overdue', text: t('im.drafts.overdue', { hi, asOf: formatDay(asOf, lang), overdue }) });
  }
  if (input.openStatement) {
    const s = input.openStatement;
    out.push({
      key: 'statement',
      text: t('im.drafts.statement', { hi, asOf: formatDay(s.asOf, lang), reference: s.reference }),
    });
  }
  const next = input.plan?.progress.instalments.find((i) => i.state === 'pending');
  if (input.plan && next) {
    out.push({
      key: 'instalment',
      text: t('im.drafts.instalment', {
        hi,
        reference: input.plan.reference,
        n: next.index + 1,
        amount: formatMoney(next.minor, next.currency, lang),
        date: formatDay(next.date, lang),
      }),
    });
  }
  const parts = (input.disputes ?? []).filter((d) => d.undisputedMinor > 0);
  if (parts.length) {
    const d = parts[0];
    out.push({
      key: 'undisputed',
      text: t('im.drafts.undisputed', {
        hi,
        doc: d.docNumber,
        disputed: formatMoney(d.disputedMinor, d.currency, lang),
        undisputed: formatMoney(d.undisputedMinor, d.currency, lang),
      }),
    });
  }
  // The retention falling due (within its reminder days) or already due: ask for its release, 条例 art. 13.
  const retention = splitByDue(input.receivables)
    .filter(
      (r) => r.retentionPart && r.openMinor > 0 && r.retention && asOf >= addDays(r.dueDate, -r.retention.remindDays),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  if (retention) {
    const values = {
      hi,
      doc: retention.docNumber,
      amount: formatMoney(retention.openMinor, retention.amount.currency, lang),
      date: formatDay(retention.dueDate, lang),
    };
    out.push({
      key: 'retention',
      text: retention.dueDate < asOf ? t('im.drafts.retentionPast', values) : t('im.drafts.retentionDue', values),
    });
  }
  out.push({ key: 'thanks', text: t('im.drafts.thanks', { hi }) });
  return out;
}
