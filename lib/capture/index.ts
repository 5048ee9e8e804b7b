/**
 * Quick-capture: free text from an e-mail or a chat → a draft promise / activity / dispute for the user to confirm.
 * Stable API (DESIGN.md): `parseCapture(text, { now, lang })` → `CaptureDraft`.
 *
 * The text is NFKC-normalised first (full-width digits, ￥, ，), so every `index` in the evidence refers to
 * `draft.normalized`. Relative dates resolve against `now`, which is the message's own date. Templates with blanks
 * (××, xx, ____, [金额], {amount}, ***) yield no amount and no promise. Currency defaults are documented in
 * ./amounts.ts (¥ and 元 are CNY, "$" alone is USD, bare amounts follow the text's currency, then the language).
 */
import type { Money } from '../domain';
import { findAmounts } from './amounts';
import { dayOf } from '../ledger/dates';
import { findDates } from './dates';
import { findNumbers } from './identifiers';
import { findIntents, type Intent, pickIntent, type Signal } from './intent';
import { CJK, type Hit, mask, sentenceAt, type Span } from './text';
import { detectSignals, type DetectedSignal } from '../signals';

export type { Intent } from './intent';
export { addBusinessDays, addDays, daysBetween as diffDays, endOfMonth, dayOf } from '../ledger/dates';
export { readCnNumber } from './numbers';

export type EvidenceKind = 'amount' | 'date' | 'invoice' | 'contract' | 'intent' | 'template';
export interface Evidence {
  kind: EvidenceKind;
  /** The matched phrase as it appears in `normalized`. */
  text: string;
  index: number;
  end: number;
  /** For kind 'intent': which intent the phrase signals. */
  intent?: Intent;
  /** For kind 'amount' and 'date': the value read. */
  value?: Money | string;
}

export interface CaptureDraft {
  amounts: Money[];
  /** YYYY-MM-DD, in order of first appearance, without duplicates. */
  dates: string[];
  invoiceNumbers: string[];
  contractNumbers: string[];
  intent: Intent;
  /** Every intent the text shows, in precedence order (the first is `intent`). */
  signals: Intent[];
  /** What the signal detector (shared with the playbook) reads in the text: traps, refusal, new order and the rest. */
  customerSignals: DetectedSignal[];
  /** Only when intent is 'promise' and the text is not a template. */
  promise?: { amount?: Money; date?: string };
  /** Phrases to highlight, by position in `normalized`. */
  evidence: Evidence[];
  /** 0..1: how sure the rules are about intent plus the promise's amount and date. */
  confidence: number;
  /** True when the text is a template with blanks. */
  template: boolean;
  lang: 'zh' | 'en';
  normalized: string;
}

const PLACEHOLDER =
  /_{2,}|×{2,}|×(?=[年月日号元万])|(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|\[(?:金额|日期|客户|公司|名称|姓名|发票号|合同号|amount|date|name|customer|company|invoice)[^\]]{0,12}\]|【(?:金额|日期|客户|公司|名称|姓名)[^】]{0,8}】|\{\{?\s*[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*\s*\}?\}|\*{3,}|〇〇|○○|某某/gi;

function distance(a: Span, b: Span): number {
  if (a.index < b.end && b.index < a.end) return 0;
  return a.index >= b.end ? a.index - b.end : b.index - a.end;
}

/**
 * The hit tied to the anchor: the closest one in the same sentence; else the only value in the whole text;
 * else none (a guess across sentences would be wrong more often than right).
 */
function nearest<T>(text: string, anchor: Span, hits: Hit<T>[], key: (v: T) => string): Hit<T> | undefined {
  if (!hits.length) return undefined;
  const s = sentenceAt(text, anchor.index);
  const same = hits.filter((h) => h.index >= s.index && h.end <= s.end + 1);
  if (same.length) return same.reduce((best, h) => (distance(anchor, h) < distance(anchor, best) ? h : best));
  return new Set(hits.map((h) => key(h.value))).size === 1 ? hits[0] : undefined;
}

export function parseCapture(text: string, opts: { now: Date; lang?: 'zh' | 'en' }): CaptureDraft {
  const normalized = (text ?? '').normalize('NFKC').replace(/\r\n?/g, '\n').slice(0, 50_000);
  const lang = opts.lang ?? (CJK.test(normalized) ? 'zh' : 'en');
  const today = dayOf(opts.now.getTime());

  const placeholders: Span[] = [];
  PLACEHOLDER.lastIndex = 0;
  let pm: RegExpExecArray | null;
  while ((pm = PLACEHOLDER.exec(normalized))) placeholders.push({ index: pm.index, end: pm.index + pm[0].length });
  const template = placeholders.length > 0;

  const { invoices, contracts, noise } = findNumbers(normalized);
  const idSpans: Span[] = [...invoices, ...contracts, ...noise, ...placeholders];
  const defaultCurrency = lang === 'zh' || CJK.test(normalized) ? 'CNY' : 'USD';

  // Money with an explicit marker first, so chrono never reads "$1.2M" as a date; then dates; then the rest.
  const firstPass = findAmounts(mask(normalized, idSpans), defaultCurrency).filter((a) => a.explicit);
  const dateHits = findDates(normalized, opts.now, today, [...idSpans, ...firstPass]);
  let amountHits = findAmounts(mask(normalized, [...idSpans, ...dateHits]), defaultCurrency);
  if (template) amountHits = [];

  const signals: Signal[] = findIntents(normalized);
  const intent = pickIntent(signals);
  const present = (['dispute', 'paid', 'promise', 'hardship', 'reminder'] as Intent[]).filter((i) =>
    signals.some((s) => s.value === i),
  );

  const dedupeMoney = new Set<string>();
  const amounts: Money[] = [];
  for (const a of amountHits) {
    const k = `${a.value.minor}|${a.value.currency}`;
    if (!dedupeMoney.has(k)) {
      dedupeMoney.add(k);
      amounts.push(a.value);
    }
  }
  const dates = [...new Set(dateHits.map((d) => d.value))];
  const invoiceNumbers = [...new Set(invoices.map((h) => h.value))];
  const contractNumbers = [...new Set(contracts.map((h) => h.value))];

  let promise: CaptureDraft['promise'];
  if (intent === 'promise' && !template) {
    const anchor = signals.find((s) => s.value === 'promise')!;
    const amount = nearest(normalized, anchor, amountHits, (m) => `${m.minor}|${m.currency}`)?.value;
    const date = nearest(normalized, anchor, dateHits, (d) => d)?.value;
    promise = {};
    if (amount) promise.amount = amount;
    if (date) promise.date = date;
  }

  const evidence: Evidence[] = [
    ...amountHits.map((h) => ({ kind: 'amount' as const, text: h.text, index: h.index, end: h.end, value: h.value })),
    ...dateHits.map((h) => ({ kind: 'date' as const, text: h.text, index: h.index, end: h.end, value: h.value })),
    ...invoices.map((h) => ({ kind: 'invoice' as const, text: h.text, index: h.index, end: h.end, value: h.value })),
    ...contracts.map((h) => ({ kind: 'contract' as const, text: h.text, index: h.index, end: h.end, value: h.value })),
    ...signals.map((s) => ({ kind: 'intent' as const, text: s.text, index: s.index, end: s.end, intent: s.value })),
    ...placeholders.map((p) => ({
      kind: 'template' as const,
      text: normalized.slice(p.index, p.end),
      index: p.index,
      end: p.end,
    })),
  ].sort((a, b) => a.index - b.index || a.end - b.end);

  let confidence = 0.2;
  if (intent !== 'other') {
    const n = signals.filter((s) => s.value === intent).length;
    confidence = 0.5 + Math.min(0.15, 0.075 * (n - 1));
    if (intent === 'promise') {
      if (promise?.amount) confidence += 0.15;
      if (promise?.date) confidence += 0.15;
    } else if (amounts.length) confidence += 0.1;
    if (present.length > 2) confidence -= 0.1;
  }
  if (template) confidence = Math.min(confidence, 0.3);
  confidence = Math.round(Math.max(0, Math.min(0.95, confidence)) * 100) / 100;

  return {
    amounts,
    dates,
    invoiceNumbers,
    contractNumbers,
    intent,
    signals: present,
    promise,
    evidence,
    confidence,
    template,
    lang,
    normalized,
    customerSignals: detectSignals(normalized),
  };
}
