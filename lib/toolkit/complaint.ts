/**
 * The complaint channel before the lawyer (违约拖欠中小企业款项登记（投诉）平台, run by MIIT at sme-service.org.cn,
 * or the province's channel). It takes complaints by an SME against an agency (机关), a public institution (事业单位)
 * or a large enterprise that pays late, for an amount not in dispute and not before a court or arbitrator
 * (《保障中小企业款项支付投诉处理暂行办法》, 2021; reports of the platform's conditions: http://www.51ore.com/rmxw/28526.html ,
 * http://society.people.com.cn/n1/2020/0717/c1008-31788139.html). The check states
 * each condition with its answer from the record, so the collector sees why the step is offered or not.
 *
 * The ladder offers the step (lib/playbook/ladder.ts `complaintBeforeLawyer`, through `complaintEligibility`): for
 * an eligible debtor it comes before the lawyer's letter, never for a private debtor.
 */
import type { TFunction } from 'i18next';
import type { CustomerType } from '../domain';
import type { CustomerTerms } from './records';

export type ComplaintCondition = 'weWereSme' | 'debtorCovered' | 'undisputedOverdue' | 'notInCourt';

export interface ComplaintCheck {
  eligible: boolean;
  conditions: Array<{ key: ComplaintCondition; met: boolean | 'unknown' }>;
  /** How the debtor is covered: agency, public institution, or large enterprise. */
  debtorKind?: 'agency' | 'public-institution' | 'large-enterprise';
}

export function complaintEligibility(input: {
  customerType: CustomerType;
  terms?: Pick<CustomerTerms, 'weWereSme' | 'debtorSize' | 'publicInstitution' | 'inCourt'>;
  /** Undisputed overdue minor units (any currency counts). */
  undisputedOverdueMinor: number;
}): ComplaintCheck {
  const t = input.terms;
  const debtorKind =
    input.customerType === 'government'
      ? t?.publicInstitution
        ? 'public-institution'
        : 'agency'
      : t?.debtorSize === 'large'
        ? 'large-enterprise'
        : undefined;
  const sizeUnknown =
    !debtorKind &&
    (input.customerType === 'state-owned' || input.customerType === 'enterprise') &&
    (t?.debtorSize ?? 'unknown') === 'unknown';
  const conditions: ComplaintCheck['conditions'] = [
    { key: 'weWereSme', met: t?.weWereSme ?? 'unknown' },
    { key: 'debtorCovered', met: debtorKind ? true : sizeUnknown ? 'unknown' : false },
    { key: 'undisputedOverdue', met: input.undisputedOverdueMinor > 0 },
    { key: 'notInCourt', met: !(t?.inCourt ?? false) },
  ];
  return { eligible: conditions.every((c) => c.met === true), conditions, ...(debtorKind ? { debtorKind } : {}) };
}

/**
 * The facts a complaint needs, from the record only: the parties, the documents with their due dates and the
 * undisputed overdue amounts, the demands already made (logged with evidence) and sealed statements. One line each,
 * ready to paste into the platform's form; nothing is invented.
 */
export function complaintFacts(input: {
  /** `t` over `toolkit` in the page's language (complaint.lines.*). */
  t: TFunction<'toolkit'>;
  asOf: string;
  ourName: string;
  debtorName: string;
  debtorKind?: ComplaintCheck['debtorKind'];
  documents: Array<{
    docNumber: string;
    contractRef?: string;
    dueDate: string;
    undisputedMinor: number;
    currency: string;
  }>;
  demands: Array<{ date: string; channel: string; evidence?: string }>;
  sealedStatements: Array<{ reference: string; sealedOn: string }>;
  /** The customer's terms record that no suit or arbitration concerns the debt (only then is it stated). */
  noSuitRecorded?: boolean;
  format: (minor: number, currency: string) => string;
}): string[] {
  const { t } = input;
  const kind = input.debtorKind && t(`complaint.lines.kind.${input.debtorKind}`);
  const overdue = input.documents.filter((d) => d.dueDate < input.asOf && d.undisputedMinor > 0);
  const totals = new Map<string, number>();
  for (const d of overdue) totals.set(d.currency, (totals.get(d.currency) ?? 0) + d.undisputedMinor);
  const total = [...totals].map(([c, m]) => input.format(m, c)).join(t('complaint.lines.totalSep'));
  return [
    t('complaint.lines.complainant', { name: input.ourName }),
    kind
      ? t('complaint.lines.debtorKind', { name: input.debtorName, kind })
      : t('complaint.lines.debtor', { name: input.debtorName }),
    t('complaint.lines.total', { asOf: input.asOf, total }),
    ...overdue.map((d) => {
      const values = {
        doc: d.docNumber,
        contract: d.contractRef,
        due: d.dueDate,
        amount: input.format(d.undisputedMinor, d.currency),
      };
      return d.contractRef ? t('complaint.lines.documentContract', values) : t('complaint.lines.document', values);
    }),
    ...input.sealedStatements.map((s) => t('complaint.lines.sealed', { reference: s.reference, date: s.sealedOn })),
    ...input.demands.map((d) =>
      d.evidence
        ? t('complaint.lines.demandEvidence', { date: d.date, channel: d.channel, evidence: d.evidence })
        : t('complaint.lines.demand', { date: d.date, channel: d.channel }),
    ),
    input.noSuitRecorded ? t('complaint.lines.noSuit') : t('complaint.lines.confirmNoSuit'),
  ];
}
