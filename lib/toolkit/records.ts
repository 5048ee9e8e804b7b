/**
 * The toolkit's own records (schema version 5): statements of account with their delivery trail, payment plans,
 * disputes with the disputed part, and each customer's late-interest terms. Parsed with zod wherever they are
 * written, like every other record (lib/domain).
 */
import { z } from 'zod';
import { currencyCode, id, isoDate, moneySchema, shortText } from '../domain';

/** How a statement went out and came back: EMS and couriers carry a waybill number, e-mail a message reference. */
export const deliveryMethods = ['ems', 'courier', 'email', 'hand', 'fax', 'im', 'other'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

/** One document as the statement listed it: the statement stays what was sent even when the ledger moves on. */
export const statementLineSchema = z.object({
  receivableId: id,
  docNumber: z.string().min(1).max(80),
  contractRef: shortText.optional(),
  issueDate: isoDate,
  dueDate: isoDate,
  amount: moneySchema,
  openMinor: z.number().int(),
});
export type StatementLine = z.infer<typeof statementLineSchema>;

export const statementStatuses = ['draft', 'sent', 'received', 'sealed'] as const;
export type StatementStatus = (typeof statementStatuses)[number];

export const statementSchema = z.object({
  id,
  customerId: id,
  /** The day the balances are stated as of (截至日). */
  asOf: isoDate,
  reference: z.string().min(1).max(80),
  lines: z.array(statementLineSchema).min(1).max(5000),
  status: z.enum(statementStatuses).default('draft'),
  sentOn: isoDate.optional(),
  sentVia: z.enum(deliveryMethods).optional(),
  /** EMS / courier waybill number or the e-mail's subject or message id. */
  tracking: shortText.optional(),
  receivedOn: isoDate.optional(),
  sealedOn: isoDate.optional(),
  /** Where the sealed scan is kept, who sealed it, any difference the customer wrote. */
  sealedNote: shortText.optional(),
  note: shortText.optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Statement = z.infer<typeof statementSchema>;

export const instalmentSchema = z.object({
  date: isoDate,
  amount: moneySchema,
  /** The payment promise that follows this instalment (kept / partly kept / broken like any promise). */
  promiseId: id,
});
export type Instalment = z.infer<typeof instalmentSchema>;

export const planStatuses = ['active', 'accelerated', 'completed', 'cancelled'] as const;
export const paymentPlanSchema = z.object({
  id,
  customerId: id,
  reference: z.string().min(1).max(80),
  agreedOn: isoDate,
  receivableIds: z.array(id).min(1),
  instalments: z.array(instalmentSchema).min(1).max(120),
  /** Days after an instalment's date before it counts as missed (on top of the promise grace). */
  graceDays: z.number().int().min(0).max(60).default(0),
  /** On a missed instalment the whole rest falls due at once (加速到期), as the agreement says. */
  accelerateOnMiss: z.boolean().default(true),
  status: z.enum(planStatuses).default('active'),
  acceleratedOn: isoDate.optional(),
  note: shortText.optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type PaymentPlan = z.infer<typeof paymentPlanSchema>;

/** The Chinese dispute categories (争议类型). */
export const disputeCategories = [
  'quality',
  'quantity-acceptance',
  'invoice-error',
  'price-rebate',
  'audit-final-accounts',
  'other',
] as const;
export type DisputeCategory = (typeof disputeCategories)[number];

export const disputeSchema = z.object({
  id,
  customerId: id,
  receivableId: id,
  category: z.enum(disputeCategories),
  /** The disputed part of the document, in its currency's minor units; the rest is undisputed (条例 art. 15). */
  disputedMinor: z.number().int().positive(),
  currency: currencyCode,
  raisedOn: isoDate,
  owner: shortText.optional(),
  nextStep: shortText.optional(),
  nextDate: isoDate.optional(),
  /** The contract makes an audit result or an internal process a payment condition (then arts. 12/14 do not help). */
  contractMakesItACondition: z.boolean().default(false),
  status: z.enum(['open', 'resolved']).default('open'),
  resolvedOn: isoDate.optional(),
  resolution: shortText.optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Dispute = z.infer<typeof disputeSchema>;

export const counterpartSizes = ['unknown', 'large', 'sme'] as const;

/** Per customer: the late-interest terms of the contract and what the complaint channel needs to know. */
export const customerTermsSchema = z.object({
  customerId: id,
  interest: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('per-day'), rate: z.number().min(0).max(1) }),
      z.object({ kind: z.literal('per-year'), rate: z.number().min(0).max(10) }),
      z.object({ kind: z.literal('lpr'), multiple: z.number().min(0).max(10) }),
      /** 条例 art. 17 without an agreed rate: 0.05 % a day. */
      z.object({ kind: z.literal('sme-statutory') }),
    ])
    .optional(),
  contractSignedOn: isoDate.optional(),
  /** We (the creditor) were an SME when the contract was signed, and told the buyer so (条例 art. 3). */
  weWereSme: z.boolean().default(false),
  /** The debtor is a large enterprise (大型企业); agencies and public institutions come from the customer type. */
  debtorSize: z.enum(counterpartSizes).default('unknown'),
  /** The debtor is a public institution (事业单位) rather than an agency (机关). */
  publicInstitution: z.boolean().default(false),
  /** A suit or arbitration is pending or decided about this debt (the complaint platform takes none). */
  inCourt: z.boolean().default(false),
  /** The day the complaint was filed on the platform (or the province's channel): the step is then taken. */
  complaintFiledOn: isoDate.optional(),
  /** Show the interest figure in the 催款函 (only when the user chose it). */
  interestInLetter: z.boolean().default(false),
  updatedAt: z.number().int(),
});
export type CustomerTerms = z.infer<typeof customerTermsSchema>;

/**
 * 承兑汇票 and 应收账款电子凭证: a customer paid by a bank acceptance bill (银行承兑汇票), a commercial acceptance
 * bill (商业承兑汇票) or an e-receivable certificate (应收账款电子凭证, e.g. 云信 / 融信 on a supply-chain platform).
 * Recording one settles the documents it pays in the ledger (a payment on the day it was received), while the
 * cash comes at maturity: the forecast and the popup's expected collections count it on that day (schema v10).
 */
export const billKinds = ['bank-acceptance', 'commercial-acceptance', 'e-receivable'] as const;
export type BillKind = (typeof billKinds)[number];
/** held until maturity; collected (paid at maturity); endorsed on or discounted (cash before maturity); dishonoured (拒付). */
export const billStatuses = ['held', 'collected', 'endorsed', 'discounted', 'dishonoured'] as const;
export type BillStatus = (typeof billStatuses)[number];

export const billSchema = z.object({
  id,
  customerId: id,
  kind: z.enum(billKinds),
  /** 票据号码 / 凭证编号. */
  number: z.string().max(80).optional(),
  /** Who must pay at maturity: the accepting bank, the accepting enterprise, or the certificate's issuer. */
  acceptor: z.string().min(1).max(200),
  /**
   * The collector's judgement that the acceptor is weak: on the Shanghai Commercial Paper Exchange's list of
   * acceptors with overdue bills, a poor credit rating, small or unknown. Only a commercial bill or a certificate
   * carries this risk for us to warn about (a bank pays a bank acceptance).
   */
  acceptorWeak: z.boolean().default(false),
  amount: moneySchema,
  issueDate: isoDate,
  /** The day we received it: the ledger's payment date. */
  receivedOn: isoDate,
  maturityDate: isoDate,
  /** The payment that settles the documents in the ledger (removed again if the bill is dishonoured). */
  paymentId: id,
  receivableIds: z.array(id).min(1).max(500),
  status: z.enum(billStatuses).default('held'),
  /** When it was collected, endorsed on, discounted or dishonoured. */
  closedOn: isoDate.optional(),
  note: shortText.optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Bill = z.infer<typeof billSchema>;
