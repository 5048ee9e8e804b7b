/**
 * What the message is about, for the capture draft: the signal detector's hits (`lib/signals`, shared with the
 * playbook) folded into capture's intents. A refusal counts as a dispute here (the draft records the customer's
 * objection), and the second trap ("we pay when our client pays us") as hardship: capture records what the
 * customer can or will do, the playbook reads the trap itself.
 *
 * When several intents show, the first of dispute > paid > promise > hardship > reminder wins: a dispute has to be
 * settled before any promise counts, a payment made ends the chase, a commitment outweighs the complaint about
 * cash that often comes with it, and a reminder is mostly our own quoted text.
 */
import { signalHits, type RuleKind } from '../signals';
import type { Hit } from './text';

export type Intent = 'promise' | 'dispute' | 'hardship' | 'paid' | 'reminder' | 'other';
export const INTENT_ORDER: Intent[] = ['dispute', 'paid', 'promise', 'hardship', 'reminder'];

export type Signal = Hit<Intent>;

const asIntent: Partial<Record<RuleKind, Intent>> = {
  dispute: 'dispute',
  refusal: 'dispute',
  paid: 'paid',
  promise: 'promise',
  hardship: 'hardship',
  'trap-wait-for-our-client': 'hardship',
  reminder: 'reminder',
};

export function findIntents(text: string): Signal[] {
  const out: Signal[] = [];
  for (const h of signalHits(text)) {
    const intent = asIntent[h.value];
    if (intent) out.push({ ...h, value: intent });
  }
  return out;
}

export function pickIntent(signals: Signal[]): Intent {
  for (const intent of INTENT_ORDER) if (signals.some((s) => s.value === intent)) return intent;
  return 'other';
}
