/**
 * Bills and e-receivable certificates (承兑汇票 / 应收账款电子凭证), pure: checking one before it is recorded, the
 * warnings the panel shows, and the cash each bill still held brings at maturity (the forecast's rows).
 *
 * Sources:
 * - 《保障中小企业款项支付条例》(State Council Decree 802, in force 2025-06-01) art. 11: agencies, public institutions
 *   and large enterprises paying an SME by commercial bill or e-receivable certificate may not force it on the
 *   SME, nor use it to stretch the payment term in disguise (/work/shared/research, §4.1).
 * - 《商业汇票承兑、贴现与再贴现管理办法》(PBOC / CBIRC Order 〔2022〕 No. 4, in force 2023-01-01): a commercial
 *   bill's term runs at most 6 months from its issue date; the Shanghai Commercial Paper Exchange discloses
 *   acceptors whose bills went unpaid (票据信息披露平台), which is where a weak acceptor shows.
 * A bank acceptance is paid by the bank; a commercial acceptance or a certificate only by the enterprise behind it.
 */
import { addMonths, daysBetween } from '../ledger/dates';
import type { CustomerType, OpenReceivable } from '../domain';
import type { Bill, BillKind, CustomerTerms } from './records';

/** Months from issue to maturity a bill may run (commercial bill rules of 2022). */
export const BILL_MAX_MONTHS = 6;

export type BillWarning =
  | { key: 'weakAcceptor'; params: { acceptor: string } }
  | { key: 'commercialRisk'; params: { acceptor: string } }
  | { key: 'art11Covered' }
  | { key: 'art11' }
  | { key: 'stretches'; params: { days: number; doc: string } }
  | { key: 'termTooLong'; params: { months: number } };

/** A bill whose payer is an enterprise, not a bank: the risk is the acceptor's. */
export const enterpriseRisk = (kind: BillKind): boolean => kind !== 'bank-acceptance';

/** The debtor is one the 条例 binds (agency, public institution, large enterprise) and we were an SME at signing. */
export function art11Applies(
  customerType: CustomerType,
  terms: Pick<CustomerTerms, 'weWereSme' | 'debtorSize' | 'publicInstitution'> | undefined,
): boolean {
  if (!terms?.weWereSme) return false;
  return customerType === 'government' || terms.publicInstitution || terms.debtorSize === 'large';
}

/**
 * What to warn about before (and after) accepting a bill: a commercial bill or certificate from a weak acceptor;
 * any commercial bill or certificate (the risk is the acceptor's, and the 条例 art. 11 forbids forcing one on an
 * SME — said as a right when it applies, as information otherwise); a maturity later than the documents' due
 * dates (the cash comes that much later than the contract says: the "stretching" art. 11 names); a bill's term
 * beyond six months.
 */
export function billWarnings(
  bill: Pick<Bill, 'kind' | 'acceptor' | 'acceptorWeak' | 'issueDate' | 'maturityDate'>,
  docs: ReadonlyArray<Pick<OpenReceivable, 'docNumber' | 'dueDate'>>,
  customerType: CustomerType,
  terms?: Pick<CustomerTerms, 'weWereSme' | 'debtorSize' | 'publicInstitution'>,
): BillWarning[] {
  const out: BillWarning[] = [];
  if (enterpriseRisk(bill.kind)) {
    out.push(
      bill.acceptorWeak
        ? { key: 'weakAcceptor', params: { acceptor: bill.acceptor } }
        : { key: 'commercialRisk', params: { acceptor: bill.acceptor } },
    );
    out.push(art11Applies(customerType, terms) ? { key: 'art11Covered' } : { key: 'art11' });
  }
  const latest = [...docs].sort((a, b) => (a.dueDate < b.dueDate ? 1 : a.dueDate > b.dueDate ? -1 : 0))[0];
  if (latest && bill.maturityDate > latest.dueDate) {
    out.push({
      key: 'stretches',
      params: { days: daysBetween(latest.dueDate, bill.maturityDate), doc: latest.docNumber },
    });
  }
  if (bill.kind !== 'e-receivable' && bill.maturityDate > addMonths(bill.issueDate, BILL_MAX_MONTHS)) {
    out.push({ key: 'termTooLong', params: { months: BILL_MAX_MONTHS } });
  }
  return out;
}

export type BillProblem =
  'maturityBeforeIssue' | 'receivedBeforeIssue' | 'noDocuments' | 'amount' | 'currency' | 'moreThanOpen';

/** What makes a bill impossible to record as entered (checked again by the write). */
export function billProblems(
  input: Pick<Bill, 'amount' | 'issueDate' | 'receivedOn' | 'maturityDate' | 'receivableIds'>,
  docs: ReadonlyArray<Pick<OpenReceivable, 'id' | 'openMinor' | 'amount'>>,
): BillProblem[] {
  const out: BillProblem[] = [];
  if (input.maturityDate <= input.issueDate) out.push('maturityBeforeIssue');
  if (input.receivedOn < input.issueDate) out.push('receivedBeforeIssue');
  const chosen = docs.filter((d) => input.receivableIds.includes(d.id));
  if (!chosen.length || chosen.length !== new Set(input.receivableIds).size) out.push('noDocuments');
  if (!(input.amount.minor > 0)) out.push('amount');
  if (chosen.some((d) => d.amount.currency !== input.amount.currency)) out.push('currency');
  if (chosen.length && input.amount.minor > chosen.reduce((s, d) => s + d.openMinor, 0)) out.push('moreThanOpen');
  return out;
}

/** A bill's cash still to come: held bills only (a collected, endorsed, discounted or dishonoured one brings none). */
export const cashToCome = (b: Pick<Bill, 'status'>): boolean => b.status === 'held';

/** The day a held bill's cash is expected: its maturity, or today when it matured unpaid and is still held. */
export function billCashDate(b: Pick<Bill, 'maturityDate'>, asOf: string): string {
  return b.maturityDate < asOf ? asOf : b.maturityDate;
}
