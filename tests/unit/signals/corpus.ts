import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectSignals, signalKinds, type SignalKind } from '../../../lib/signals';

export interface CorpusItem {
  text: string;
  expect: SignalKind[];
  source: string;
  basis: 'quote' | 'adapted' | 'issue';
}
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function loadCorpus(name: 'corpus' | 'heldout'): CorpusItem[] {
  const url = new URL(`../../fixtures/signals/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as { items: CorpusItem[] }).items;
}

/** Precision and recall per signal over a corpus; a signal absent from both sides counts as 1/1 (nothing to miss). */
export function score(items: CorpusItem[]): Record<SignalKind, Score> {
  const out = {} as Record<SignalKind, Score>;
  for (const k of signalKinds) out[k] = { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 };
  for (const item of items) {
    const got = new Set(detectSignals(item.text).map((s) => s.kind));
    const want = new Set(item.expect);
    for (const k of signalKinds) {
      if (got.has(k) && want.has(k)) out[k].tp++;
      else if (got.has(k)) out[k].fp++;
      else if (want.has(k)) out[k].fn++;
    }
  }
  for (const k of signalKinds) {
    const s = out[k];
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  }
  return out;
}
