/**
 * The collector's vocabulary as zod schemas. Every record that crosses a trust boundary (page → background,
 * file → store, backup → store) is parsed with these, so the types and the runtime checks never drift apart.
 *
 * Money is integer minor units plus an ISO 4217 code; calendar days are `YYYY-MM-DD` strings; instants are
 * epoch milliseconds. Nothing here touches a browser API.
 */
import { z } from 'zod';
import { today } from '../ledger/dates';

/**
 * The days a record may carry, the same for the importer, the store and a backup (one validation: what the
 * importer accepts a restore accepts, and the other way round). A year 0003 in a ledger is a typing error, not a
 * receivable, and would otherwise stay in the store and its backups.
 */
export const DAY_RANGE = { from: '1990-01-01', to: '2100-12-31' } as const;
export const inDayRange = (iso: string): boolean => iso >= DAY_RANGE.from && iso <= DAY_RANGE.to;

/** A real calendar day (years below 100 included: `Date.UTC` alone would read 0003 as 1903). */
function isRealDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDay, 'not a real calendar date')
  .refine((s) => !isRealDay(s) || inDayRange(s), 'date out of range');
export type IsoDate = z.infer<typeof isoDate>;

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code');

/** Minor units are safe integers: ¥90 trillion in fen still fits. */
export const moneySchema = z.object({
  minor: z.number().int().refine(Number.isSafeInteger, 'amount too large'),
  currency: currencyCode,
});
export type Money = z.infer<typeof moneySchema>;

export const id = z.string().min(1).max(64);
export const shortText = z.string().max(500);
export const longText = z.string().max(20_000);

export const customerTypes = ['enterprise', 'state-owned', 'government', 'other'] as const;
export const customerType = z.enum(customerTypes);
export type CustomerType = z.infer<typeof customerType>;

export const crmLinkSchema = z.object({
  site: z.string().min(1).max(40),
  recordId: z.string().min(1).max(200),
  url: z.string().max(2000).optional(),
});
export type CrmLink = z.infer<typeof crmLinkSchema>;

/** Credit review before, during and after cooperation (prevention point 1). */
export const creditRatings = ['A', 'B', 'C', 'D'] as const;

export const customerSchema = z.object({
  id,
  name: z.string().min(1).max(300),
  aliases: z.array(z.string().max(300)).default([]),
  domains: z.array(z.string().max(253)).default([]),
  crmLinks: z.array(crmLinkSchema).default([]),
  type: customerType.default('enterprise'),
  owner: shortText.optional(),
  creditLimit: moneySchema.optional(),
  creditRating: z.enum(creditRatings).optional(),
  nextCreditReview: isoDate.optional(),
  /** One of the seven delinquency types of METHOD.md (1–7), as judged by the collector. */
  delinquencyType: z.number().int().min(1).max(7).optional(),
  tags: z.array(z.string().max(60)).default([]),
  /** Fiscal year start month (1–12) for government and budget-bound customers. */
  fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Customer = z.infer<typeof customerSchema>;

/** The nine personality types (九型) the government-account course uses to adapt tone. */
export const personalityTypes = [
  'perfectionist',
  'helper',
  'achiever',
  'individualist',
  'investigator',
  'loyalist',
  'enthusiast',
  'challenger',
  'peacemaker',
] as const;
export const personalityType = z.enum(personalityTypes);
export type PersonalityType = z.infer<typeof personalityType>;

export const contactSchema = z.object({
  id,
  customerId: id,
  name: z.string().min(1).max(200),
  title: shortText.optional(),
  role: shortText.optional(),
  phone: z.string().max(60).optional(),
  email: z.string().max(254).optional(),
  im: z.string().max(120).optional(),
  personality: personalityType.optional(),
  note: shortText.optional(),
  updatedAt: z.number().int(),
});
export type Contact = z.infer<typeof contactSchema>;

/** The six self-questions (回款前的六个自问), answered per receivable. */
export const selfQuestionsSchema = z.object({
  tradeItem: shortText.optional(),
  acceptor: shortText.optional(),
  acceptanceStandard: shortText.optional(),
  paymentTerms: shortText.optional(),
  acceptanceMethod: shortText.optional(),
  payer: shortText.optional(),
});
export type SelfQuestions = z.infer<typeof selfQuestionsSchema>;
export const selfQuestionKeys = [
  'tradeItem',
  'acceptor',
  'acceptanceStandard',
  'paymentTerms',
  'acceptanceMethod',
  'payer',
] as const satisfies readonly (keyof SelfQuestions)[];

export const receivableKinds = ['invoice', 'credit-note'] as const;
export const receivableStatuses = ['open', 'paid', 'written-off', 'cancelled'] as const;

/** Events that interrupt the limitation period (PRC Civil Code art. 195) and restart it. */
export const interruptionKinds = [
  'demand-with-evidence',
  'sealed-confirmation',
  'partial-payment',
  'payment-plan',
  'suit',
  /** The customer agreed in writing to pay (a captured promise): art. 195(2), 义务人同意履行义务. */
  'debtor-agreement',
] as const;
export const interruptionSchema = z.object({
  date: isoDate,
  kind: z.enum(interruptionKinds),
  evidence: shortText.optional(),
});
export type Interruption = z.infer<typeof interruptionSchema>;

/**
 * 质保金 / 保证金: a part of an invoice held back until a warranty ends or the work is accepted (or a deposit held
 * for a term). That part is not due before `releaseDate`; the rest of the document keeps its own due date.
 * Payments settle the rest first: the retention is the last part of a document to be paid. The 条例 (2025) art. 13
 * requires a deposit to be settled and returned on time once its term ends.
 */
export const retentionBases = ['warranty', 'acceptance', 'deposit'] as const;
export type RetentionBasis = (typeof retentionBases)[number];
export const retentionSchema = z.object({
  /** The amount held, in the document's currency's minor units (never more than the document). */
  minor: z.number().int().positive().refine(Number.isSafeInteger, 'amount too large'),
  /** The day the held part becomes due: the warranty's end, the acceptance, the end of the deposit's term. */
  releaseDate: isoDate,
  basis: z.enum(retentionBases).default('warranty'),
  /** When it was entered as a share of the document (e.g. 5 for 5 %), for display. */
  percent: z.number().positive().max(100).optional(),
  /** Days before the release date when the collector is reminded to ask for it. */
  remindDays: z.number().int().min(0).max(365).default(30),
  note: shortText.optional(),
});
export type Retention = z.infer<typeof retentionSchema>;

export const receivableSchema = z.object({
  id,
  customerId: id,
  /** Document numbers are text: ERPs write leading zeros and letters. */
  docNumber: z.string().min(1).max(80),
  kind: z.enum(receivableKinds).default('invoice'),
  contractRef: shortText.optional(),
  issueDate: isoDate,
  dueDate: isoDate,
  /** Positive for an invoice; a credit note's amount is positive too and reduces the customer's balance. */
  amount: moneySchema,
  /** Written off by us (bad debt) in minor units, never more than amount. */
  writtenOff: z.number().int().nonnegative().default(0),
  status: z.enum(receivableStatuses).default('open'),
  disputed: z.boolean().default(false),
  disputeReason: shortText.optional(),
  accepted: z.boolean().optional(),
  acceptedOn: isoDate.optional(),
  acceptedBy: shortText.optional(),
  selfQuestions: selfQuestionsSchema.default({}),
  interruptions: z.array(interruptionSchema).default([]),
  /** The import batch that last wrote this row; lets the last import be undone. */
  importBatch: z.string().max(64).optional(),
  evidence: z.array(shortText).default([]),
  /** The part held as 质保金 / deposit until its release date (lib/ledger/retention.ts). */
  retention: retentionSchema.optional(),
  updatedAt: z.number().int(),
});
export type Receivable = z.infer<typeof receivableSchema>;

export const allocationSchema = z.object({ receivableId: id, minor: z.number().int().positive() });
export const paymentSchema = z.object({
  id,
  customerId: id,
  date: isoDate,
  amount: moneySchema,
  /** Empty means "allocate oldest-first" (the ledger decides). */
  allocations: z.array(allocationSchema).default([]),
  reference: shortText.optional(),
  importBatch: z.string().max(64).optional(),
  updatedAt: z.number().int(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const promiseStatuses = ['pending', 'kept', 'broken', 'cancelled'] as const;
export const promiseSources = ['call', 'visit', 'email', 'im', 'letter', 'capture', 'other'] as const;
export const paymentPromiseSchema = z.object({
  id,
  customerId: id,
  amount: moneySchema,
  date: isoDate,
  promisedBy: shortText.optional(),
  source: z.enum(promiseSources).default('other'),
  status: z.enum(promiseStatuses).default('pending'),
  /** Minor units received against it so far (partial keeps). */
  coveredMinor: z.number().int().nonnegative().default(0),
  receivableIds: z.array(id).default([]),
  evidence: shortText.optional(),
  note: shortText.optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type PaymentPromise = z.infer<typeof paymentPromiseSchema>;

/**
 * Reminder cadences (lib/cadence): per customer group, the days relative to an invoice's due date on which a
 * reminder is drafted (-5 = five days before, 0 = on the day, 7 = a week after), as Chaser schedules and Odoo
 * follow-up levels do. The webmail is where a draft opens as a compose window.
 */
export const CADENCE_MIN_DAY = -60;
export const CADENCE_MAX_DAY = 365;
export const CADENCE_MAX_STEPS = 8;
export const DEFAULT_CADENCE_DAYS = [-5, 0, 7, 15];
export const cadenceDaysSchema = z
  .array(z.number().int().min(CADENCE_MIN_DAY).max(CADENCE_MAX_DAY))
  .max(CADENCE_MAX_STEPS)
  .transform((d) => [...new Set(d)].sort((a, b) => a - b));
const cadenceDefault = () => [...DEFAULT_CADENCE_DAYS];
export const cadencesSchema = z.object({
  enterprise: cadenceDaysSchema.default(cadenceDefault),
  'state-owned': cadenceDaysSchema.default(cadenceDefault),
  government: cadenceDaysSchema.default(cadenceDefault),
  other: cadenceDaysSchema.default(cadenceDefault),
});
export type Cadences = z.infer<typeof cadencesSchema>;
export const webmails = ['gmail', 'outlook', 'outlook-live', 'qq', '163'] as const;
export type Webmail = (typeof webmails)[number];

/** The five tools plus the modern channels the product also logs. */
export const channels = [
  'phone',
  'visit',
  'written-notice',
  'finance-letter',
  'lawyer-letter',
  'email',
  'im',
  'statement',
] as const;
export const channel = z.enum(channels);
export type Channel = z.infer<typeof channel>;

export const outcomes = [
  'reached',
  'no-answer',
  'promised',
  'refused',
  'disputed',
  'paid',
  'hardship',
  'redirected',
  'info-gathered',
  'other',
] as const;
/**
 * One letter per outcome, the same wherever an outcome is logged by keyboard: the popup's worklist rows
 * (lib/worklist/day.ts, which adds s snooze and d done, so no outcome takes those) and the side panel's activity
 * log (components/sidepanel/LogAttempt.tsx). r is "reached" in both; "refused" is x; "disputed" is q (a query on
 * the invoice), so d means "done" in the worklist and nothing else anywhere.
 */
export const outcomeKeys = {
  reached: 'r',
  'no-answer': 'n',
  promised: 'p',
  refused: 'x',
  paid: 'y',
  disputed: 'q',
  hardship: 'h',
  redirected: 't',
  'info-gathered': 'i',
  other: 'o',
} as const satisfies Record<(typeof outcomes)[number], string>;

export const activitySchema = z.object({
  id,
  customerId: id,
  date: isoDate,
  channel,
  techniqueIds: z.array(z.number().int().min(1).max(22)).default([]),
  outcome: z.enum(outcomes).default('other'),
  nextDate: isoDate.optional(),
  note: longText.optional(),
  evidence: shortText.optional(),
  /** Counts as an interrupting demand (art. 195) when it carries evidence. */
  receivableIds: z.array(id).default([]),
  /** What was sent, as it left: the edited script or letter (kept so the record says what the customer read). */
  sent: z
    .object({
      kind: z.enum(['script', 'letter']),
      letterKind: z.enum(['balance-confirmation', 'collection-letter', 'lawyer-letter']).optional(),
      reference: shortText.optional(),
      subject: shortText.optional(),
      text: longText,
      /** A cadence reminder: the step's day relative to the due date (lib/cadence), and the webmail it was opened in. */
      cadenceDay: z.number().int().min(CADENCE_MIN_DAY).max(CADENCE_MAX_DAY).optional(),
    })
    .optional(),
  /** The five preparations ticked when a visit or letter was logged (they reset after it). */
  preparationsUsed: z.array(z.number().int().min(1).max(5)).optional(),
  createdAt: z.number().int(),
});
export type Activity = z.infer<typeof activitySchema>;

export const keyPersonSchema = z.object({
  contactId: id.optional(),
  name: shortText.optional(),
  role: shortText.optional(),
  ourOwner: shortText.optional(),
});
export const budgetCycles = ['none', 'annual', 'semiannual', 'quarterly', 'monthly', 'per-project'] as const;

/** The nine questions about the customer's payment process (客户付款流程九问). */
export const paymentProcessProfileSchema = z.object({
  customerId: id,
  /** Q1: what triggers our collection. */
  collectionTrigger: shortText.optional(),
  /** Q2: how much is to be collected, as the customer's finance understands it. */
  amountToCollect: moneySchema.optional(),
  amountNote: shortText.optional(),
  /** Q3: budget needed, its cycle, fiscal year start. */
  budgetRequired: z.boolean().optional(),
  budgetCycle: z.enum(budgetCycles).optional(),
  budgetNote: shortText.optional(),
  /** Q4 and Q5: people, as contacts. */
  initiatorContactId: id.optional(),
  signerContactId: id.optional(),
  /** Q6: key people and who on our side keeps each relationship. */
  keyPeople: z.array(keyPersonSchema).default([]),
  /** Q7 */
  invoicingRequirements: shortText.optional(),
  /** Q8: books and bank timing. */
  bookClosingDay: z.number().int().min(1).max(31).optional(),
  bank: shortText.optional(),
  bankClosingDay: z.number().int().min(1).max(31).optional(),
  transferDays: z.number().int().min(0).max(90).optional(),
  /** Q9 */
  fundingAndCredit: shortText.optional(),
  updatedAt: z.number().int(),
});
export type PaymentProcessProfile = z.infer<typeof paymentProcessProfileSchema>;

/** The five preparations for the next attempt; reset after each logged attempt. */
export const preparationsSchema = z.object({
  customerId: id,
  checked: z.array(z.number().int().min(1).max(5)).default([]),
  updatedAt: z.number().int(),
});
export type Preparations = z.infer<typeof preparationsSchema>;

export const attitudes = ['passive', 'sales-driven', 'collection-driven', 'strategic'] as const;
export const languages = ['zh', 'en'] as const;
export const lang = z.enum(languages);
export type Lang = z.infer<typeof lang>;

export const userSiteSchema = z.object({
  id,
  label: shortText,
  /** A match pattern such as `https://crm.example.com/*`. */
  hostPattern: z.string().min(1).max(300),
  nameSelector: z.string().max(500).optional(),
  nameRegex: z.string().max(500).optional(),
  recordIdRegex: z.string().max(500).optional(),
  emailSelector: z.string().max(500).optional(),
});
export type UserSite = z.infer<typeof userSiteSchema>;

export const SETTINGS_VERSION = 1;
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  /** Undefined means "follow the browser". */
  language: lang.optional(),
  baseCurrency: currencyCode.default('CNY'),
  agingBuckets: z.array(z.number().int().positive()).min(1).max(8).default([30, 60, 90]),
  agingBasis: z.enum(['due', 'issue']).default('due'),
  /** Limitation period in years and the warning window in days. */
  limitationYears: z.number().int().min(1).max(30).default(3),
  limitationWarnDays: z.number().int().min(1).max(365).default(90),
  promiseGraceDays: z.number().int().min(0).max(30).default(3),
  attitude: z.enum(attitudes).default('collection-driven'),
  /** Escalation ladder day thresholds (days past due) before the attitude shifts them. */
  ladderDays: z.array(z.number().int()).length(9).default([-7, 1, 8, 15, 30, 45, 60, 90, 120]),
  /**
   * How fast the ladder climbs from the steps taken (lib/playbook/ladder.ts): one step after this many unanswered
   * attempts at a step, or this many days after trying a step without a result — never past what ladderDays allow.
   */
  ladderClimb: z
    .object({
      failedAttempts: z.number().int().min(1).max(10).default(2),
      days: z.number().int().min(1).max(90).default(14),
    })
    .default({ failedAttempts: 2, days: 14 }),
  ourCompany: z
    .object({
      name: shortText.default(''),
      nameEn: shortText.default(''),
      bankName: shortText.default(''),
      bankAccount: shortText.default(''),
      accountName: shortText.default(''),
      contactName: shortText.default(''),
      contactPhone: shortText.default(''),
    })
    .default({
      name: '',
      nameEn: '',
      bankName: '',
      bankAccount: '',
      accountName: '',
      contactName: '',
      contactPhone: '',
    }),
  monthlyTarget: moneySchema.optional(),
  /** User-entered conversion rates into baseCurrency (1 unit of key = rate units of base). */
  fxRates: z.record(currencyCode, z.number().positive()).default({}),
  disabledSites: z.array(z.string()).default([]),
  userSites: z.array(userSiteSchema).default([]),
  owner: shortText.optional(),
  /**
   * We (the creditor) are a small or medium-sized enterprise (中小企业, 《保障中小企业款项支付条例》 art. 3): the complaint
   * channel before the lawyer's letter may be offered against agencies, public institutions and large enterprises
   * (lib/toolkit/complaint.ts). A customer's terms may also say so for its contract.
   */
  smeCreditor: z.boolean().default(false),
  cadences: cadencesSchema.default(() => cadencesSchema.parse({})),
  webmail: z.enum(webmails).default('gmail'),
});
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings = (): Settings => settingsSchema.parse({});

/** What a page reader returns (DESIGN.md stable API). */
export const pageKinds = ['record', 'thread', 'compose', 'list'] as const;
export const pageContextSchema = z.object({
  site: z.string().min(1).max(40),
  kind: z.enum(pageKinds),
  recordId: z.string().max(200).optional(),
  recordType: z.string().max(80).optional(),
  name: z.string().max(300).optional(),
  emails: z.array(z.string().max(254)).max(50),
  subject: z.string().max(500).optional(),
  sentAt: z.string().max(40).optional(),
  body: z.string().max(20_000).optional(),
  url: z.string().max(2000).optional(),
  /** The page names the counterpart but shows no address (QQ Mail's nickname chips): match by name among contacts. */
  addressHidden: z.boolean().optional(),
});
export type PageContext = z.infer<typeof pageContextSchema>;

/**
 * Per-customer figures maintained on every write (lib/db), so that the popup, the badge and the side panel read
 * one small record instead of rescanning receivables. Aging depends on "today", so the summary keeps open
 * amounts per (currency, due date) and the aging is computed from that at read time.
 */
export const customerSummarySchema = z.object({
  customerId: id,
  owner: shortText.optional(),
  type: customerType,
  /** currency → open minor units (invoices less payments, credit notes, write-offs). */
  open: z.record(z.string(), z.number().int()),
  /** [dueDate, currency, openMinor] per open receivable date, summed per (date, currency). */
  openByDue: z.array(z.tuple([isoDate, z.string(), z.number().int()])),
  openCount: z.number().int(),
  disputedCount: z.number().int(),
  oldestOpenDue: isoDate.optional(),
  /** The earliest limitation deadline among open receivables. */
  limitationDeadline: isoDate.optional(),
  nextPromiseDate: isoDate.optional(),
  pendingPromiseCount: z.number().int(),
  brokenPromiseCount: z.number().int(),
  keptPromiseCount: z.number().int(),
  lastBrokenPromiseDate: isoDate.optional(),
  lastActivityDate: isoDate.optional(),
  nextActivityDate: isoDate.optional(),
  /** Weighted average days late over settled receivables; undefined without history. */
  avgDaysLate: z.number().optional(),
  paidCount: z.number().int(),
  /** Nine-question completeness 0..9. */
  profileAnswered: z.number().int().min(0).max(9),
  /** [YYYY-MM, currency, minor] invoiced and collected per month, for DSO/CEI without rescanning. */
  salesByMonth: z.array(z.tuple([z.string(), z.string(), z.number().int()])).optional(),
  collectedByMonth: z.array(z.tuple([z.string(), z.string(), z.number().int()])).optional(),
  /**
   * What the escalation ladder reads besides openByDue (lib/playbook/ladder.ts): the disputed part of openByDue,
   * the latest attempts and promises, the delinquency type. Absent in summaries written before it was kept.
   */
  /**
   * The retention (质保金) still held on open documents: [releaseDate, currency, held minor, remind days before].
   * Its amounts are in openByDue on the release date; this list is what the reminders and the worklist ask for.
   */
  retentionHeld: z.array(z.tuple([isoDate, z.string(), z.number().int(), z.number().int()])).optional(),
  /** The latest release date in retentionHeld (indexed: the reminders read the summaries with one still ahead). */
  nextRetentionRelease: isoDate.optional(),
  ladder: z
    .object({
      disputedByDue: z.array(z.tuple([isoDate, z.string(), z.number().int()])),
      attempts: z.array(z.tuple([isoDate, channel, z.enum(outcomes)])),
      promises: z.array(z.tuple([isoDate, z.enum(promiseStatuses), z.string(), z.number().int(), z.number().int()])),
      delinquencyType: z.number().int().min(1).max(7).optional(),
      /**
       * The complaint channel's facts about the parties (lib/toolkit/complaint.ts): how the debtor is covered, our
       * SME status as the customer's terms state it, a suit pending, the day a complaint was filed. Absent when the
       * debtor is not covered.
       */
      complaint: z
        .object({
          debtorKind: z.enum(['agency', 'public-institution', 'large-enterprise']),
          weWereSme: z.boolean(),
          inCourt: z.boolean(),
          filedOn: isoDate.optional(),
        })
        .optional(),
    })
    .optional(),
  updatedAt: z.number().int(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** A receivable with its open balance worked out by the ledger. */
export interface OpenReceivable extends Receivable {
  /** Minor units still open after payments, credit notes and write-offs; 0 when settled. */
  openMinor: number;
  /** Date the balance reached zero, when it did. */
  settledOn?: IsoDate;
  /** This item is the held retention part of its document, due on the release date (lib/ledger/retention.ts). */
  retentionPart?: boolean;
}

/**
 * The part of a document the customer disputes (lib/toolkit's dispute records have this shape): only this part is
 * held back; the rest of the document is undisputed and demanded (条例 art. 15). lib/ledger/disputed.ts reads it.
 */
export interface DisputedPart {
  receivableId: string;
  disputedMinor: number;
  currency: string;
  status: 'open' | 'resolved';
}

/** What the complaint channel needs to know of a customer (lib/toolkit's CustomerTerms has this shape). */
export interface ComplaintTerms {
  weWereSme: boolean;
  debtorSize: 'unknown' | 'large' | 'sme';
  publicInstitution: boolean;
  inCourt: boolean;
  /** The day a complaint was filed on the platform, when it was. */
  complaintFiledOn?: string;
}

/** Everything the playbook needs to decide the next step for one customer. */
export interface AccountSnapshot {
  customer: Customer;
  contacts: Contact[];
  receivables: OpenReceivable[];
  payments: Payment[];
  promises: PaymentPromise[];
  activities: Activity[];
  profile?: PaymentProcessProfile;
  preparations?: Preparations;
  settings: Settings;
  /** Free text recently received from the customer (captures, notes), used to spot the three traps. */
  recentMessages?: string[];
  /** Disputes on part of a document (lib/toolkit); a document's `disputed` flag disputes all of it. */
  disputes?: DisputedPart[];
  /** The customer's complaint-channel terms (lib/toolkit CustomerTerms). */
  terms?: ComplaintTerms;
}

/** The calendar day of an instant in the user's local time zone, as `YYYY-MM-DD`. */
export const toIsoDay = (d: Date): IsoDate => today(d);

/** A short random id; crypto.randomUUID exists in every context the extension runs in and in Node 20. */
export function newId(prefix = ''): string {
  return prefix + crypto.randomUUID().replace(/-/g, '').slice(0, 20);
}
