/**
 * The one place that says how much of a document is disputed (争议部分) and how much is not. A document whose
 * `disputed` flag is set is disputed in full; otherwise the open disputes recorded on it (lib/toolkit, in its
 * currency) dispute that much of it, never more than is open. The rest is undisputed and is demanded
 * (《保障中小企业款项支付条例》 2025, art. 15). The summary (badge, popup, worklist), the ladder and the side panel's
 * script all split documents with `splitDisputed`, so they cannot disagree.
 */
import type { DisputedPart, OpenReceivable } from '../domain';

type Doc = Pick<OpenReceivable, 'id' | 'kind' | 'openMinor' | 'disputed' | 'amount'>;

/** Open disputes per document id, added up in the document's currency. */
export function disputesByDocument(disputes: readonly DisputedPart[] | undefined): Map<string, DisputedPart[]> {
  const m = new Map<string, DisputedPart[]>();
  for (const d of disputes ?? []) {
    if (d.status !== 'open') continue;
    (m.get(d.receivableId) ?? m.set(d.receivableId, []).get(d.receivableId)!).push(d);
  }
  return m;
}

/** The disputed minor units of one open document (0 when none; the whole open amount when flagged). */
export function disputedMinorOf(r: Doc, byDoc: ReadonlyMap<string, readonly DisputedPart[]>): number {
  if (r.kind !== 'invoice' || r.openMinor <= 0) return 0;
  if (r.disputed) return r.openMinor;
  const sum = (byDoc.get(r.id) ?? [])
    .filter((d) => d.currency === r.amount.currency)
    .reduce((s, d) => s + d.disputedMinor, 0);
  return Math.min(r.openMinor, Math.max(0, sum));
}

export interface DocumentSplit<R> {
  doc: R;
  disputedMinor: number;
  /** Open minus disputed: what is demanded. */
  undisputedMinor: number;
  /** Disputed in part only (a remainder is demanded). */
  partial: boolean;
}

/** Every open invoice split into its disputed and undisputed parts. */
export function splitDisputed<R extends Doc>(
  receivables: readonly R[],
  disputes: readonly DisputedPart[] | undefined,
): DocumentSplit<R>[] {
  const byDoc = disputesByDocument(disputes);
  return receivables
    .filter((r) => r.kind === 'invoice' && r.openMinor > 0)
    .map((doc) => {
      const disputedMinor = disputedMinorOf(doc, byDoc);
      return {
        doc,
        disputedMinor,
        undisputedMinor: doc.openMinor - disputedMinor,
        partial: disputedMinor > 0 && disputedMinor < doc.openMinor,
      };
    });
}
