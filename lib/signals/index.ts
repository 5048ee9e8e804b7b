/**
 * The customer's words, one detector: `detectSignals(text)` reads free text in Chinese or English (a captured
 * message, a call note, an activity note) and says which of the signals the method acts on it shows — the three
 * traps, hardship or an accident, refusal, a new order or more supply asked for, a dispute, a payment made, a
 * promise — each with the phrase that shows it. Capture (`lib/capture`) and the playbook read the same rules, so a
 * phrasing learnt once is recognised in both.
 *
 * Within one sentence a trap outweighs the plainer signal it contains: "we can't pay you until our client pays us"
 * is the second trap, not hardship, and "we will pay once our client pays" is no promise of our customer's own.
 */
import { findRuleHits, type RuleHit, type RuleKind } from './rules';

export const signalKinds = [
  'trap-discount',
  'trap-wait-for-our-client',
  'trap-goods-for-debt',
  'hardship',
  'refusal',
  'new-order',
  'dispute',
  'paid',
  'promise',
] as const;
export type SignalKind = (typeof signalKinds)[number];
export interface DetectedSignal {
  kind: SignalKind;
  evidence: string;
}
export type { RuleHit, RuleKind } from './rules';

const isSignal = (k: RuleKind): k is SignalKind => (signalKinds as readonly string[]).includes(k);

/** The text as the rules read it: NFKC (full-width digits and punctuation), one kind of line break. */
export function normalizeForSignals(text: string): string {
  return (text ?? '').normalize('NFKC').replace(/\r\n?/g, '\n').slice(0, 50_000);
}

/**
 * Every rule hit with its position in the normalised text, including `reminder` (our own reminder wording quoted
 * back), which capture needs and the playbook ignores.
 */
export function signalHits(normalized: string): RuleHit[] {
  return findRuleHits(normalized);
}

/** One entry per signal the text shows, in the order it first appears, with the first phrase that shows it. */
export function detectSignals(text: string): DetectedSignal[] {
  const seen = new Set<SignalKind>();
  const out: DetectedSignal[] = [];
  for (const hit of findRuleHits(normalizeForSignals(text))) {
    if (!isSignal(hit.value) || seen.has(hit.value)) continue;
    seen.add(hit.value);
    out.push({ kind: hit.value, evidence: hit.text.trim() });
  }
  return out;
}
