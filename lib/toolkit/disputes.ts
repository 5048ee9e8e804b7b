/**
 * Disputes with the disputed part (争议部分) and the undisputed rest. 《保障中小企业款项支付条例》(2025) art. 15:
 * the undisputed part must be paid on time; art. 12: an audit result may not be forced as the settlement basis;
 * art. 14: a change of legal representative, an internal payment process, or waiting for completion filing or
 * final-accounts audit (决算审计) is no reason to delay, unless the contract says so. The arguments apply only to
 * agencies, public institutions and large enterprises paying an SME.
 */
import type { OpenReceivable } from '../domain';
import type { Dispute, DisputeCategory } from './records';
import { splitDisputed } from '../ledger/disputed';

export interface DocumentDispute {
  receivableId: string;
  docNumber: string;
  currency: string;
  openMinor: number;
  disputedMinor: number;
  /** Open minus disputed (never below 0): what is demanded. */
  undisputedMinor: number;
}

/**
 * Per open document with a disputed part: its open disputes added up (a document may carry several; a flagged
 * document is disputed in full), and the undisputed rest — the one split of lib/ledger/disputed.ts.
 */
export function undisputedParts(
  receivables: readonly OpenReceivable[],
  disputes: readonly Dispute[],
): DocumentDispute[] {
  return splitDisputed(receivables, disputes)
    .filter((x) => x.disputedMinor > 0)
    .map(({ doc: r, disputedMinor, undisputedMinor }) => ({
      receivableId: r.id,
      docNumber: r.docNumber,
      currency: r.amount.currency,
      openMinor: r.openMinor,
      disputedMinor,
      undisputedMinor,
    }));
}

export type RegulationArticle = 'art12' | 'art14' | 'art15';

/**
 * The 条例 articles a dispute of this category lets the collector cite, when the regulation applies (SME creditor,
 * agency / public institution / large-enterprise debtor). An audit or final-accounts dispute gets arts. 12 and 14
 * unless the contract made the audit a payment condition; every partial dispute gets art. 15.
 */
export function regulationArguments(
  d: Pick<Dispute, 'category' | 'contractMakesItACondition'>,
  regulationApplies: boolean,
  partial: boolean,
): RegulationArticle[] {
  if (!regulationApplies) return [];
  const out: RegulationArticle[] = [];
  const auditLike: DisputeCategory[] = ['audit-final-accounts'];
  if (auditLike.includes(d.category) && !d.contractMakesItACondition) out.push('art12', 'art14');
  if (partial) out.push('art15');
  return out;
}
