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
  lang: 'zh' | 'en';
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
  const zh = input.lang === 'zh';
  const kind =
    input.debtorKind &&
    (zh
      ? { agency: '机关', 'public-institution': '事业单位', 'large-enterprise': '大型企业' }
      : {
          agency: 'government agency',
          'public-institution': 'public institution',
          'large-enterprise': 'large enterprise',
        })[input.debtorKind];
  const overdue = input.documents.filter((d) => d.dueDate < input.asOf && d.undisputedMinor > 0);
  const totals = new Map<string, number>();
  for (const d of overdue) totals.set(d.currency, (totals.get(d.currency) ?? 0) + d.undisputedMinor);
  const total = [...totals].map(([c, m]) => input.format(m, c)).join(zh ? '，' : '; ');
  return [
    zh ? `投诉人（中小企业）：${input.ourName}` : `Complainant (SME): ${input.ourName}`,
    zh
      ? `被投诉人：${input.debtorName}${kind ? `（${kind}）` : ''}`
      : `Debtor: ${input.debtorName}${kind ? ` (${kind})` : ''}`,
    zh ? `截至 ${input.asOf} 无争议逾期款项合计：${total}` : `Undisputed overdue as of ${input.asOf}: ${total}`,
    ...overdue.map((d) =>
      zh
        ? `· 单据 ${d.docNumber}${d.contractRef ? `（合同 ${d.contractRef}）` : ''}，到期日 ${d.dueDate}，无争议未付 ${input.format(d.undisputedMinor, d.currency)}`
        : `· ${d.docNumber}${d.contractRef ? ` (contract ${d.contractRef})` : ''}, due ${d.dueDate}, undisputed unpaid ${input.format(d.undisputedMinor, d.currency)}`,
    ),
    ...input.sealedStatements.map((s) =>
      zh
        ? `· 对账确认：${s.reference}，对方于 ${s.sealedOn} 盖章确认`
        : `· Statement ${s.reference} sealed by the debtor on ${s.sealedOn}`,
    ),
    ...input.demands.map((d) =>
      zh
        ? `· 催收记录：${d.date}（${d.channel}）${d.evidence ? `，凭证：${d.evidence}` : ''}`
        : `· Demand on ${d.date} (${d.channel})${d.evidence ? `, evidence: ${d.evidence}` : ''}`,
    ),
    input.noSuitRecorded
      ? zh
        ? '该款项未进入诉讼或仲裁程序。'
        : 'No suit or arbitration concerns this debt.'
      : zh
        ? '（提交前请确认：该款项未进入诉讼或仲裁程序。）'
        : '[Confirm before filing: no suit or arbitration concerns this debt.]',
  ];
}
