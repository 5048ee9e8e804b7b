/**
 * Writes of the toolkit's records. Each goes through writeTx (lib/db/repo.ts), so the limitation interruptions it
 * puts on the documents, the follow-up activities it plans and the customer's summary change in one transaction.
 */
import {
  type Activity,
  type Payment,
  type PaymentPromise,
  type Retention,
  newId,
  paymentSchema,
  retentionSchema,
} from '../domain';
import type { HuikuanDb } from '../db/schema';
import { writeTx } from '../db/repo';
import { findReceivables, putDocuments, removeDocuments } from '../db/ledgers';
import { allocate } from '../ledger/allocate';
import { allocationsFor } from '../ledger/paymentPlan';
import { retentionOfPercent } from '../ledger/retention';
import { billProblems } from './bills';
import { addDays } from '../ledger/dates';
import { formatMoney } from '../format';
import {
  type Bill,
  type BillStatus,
  type CustomerTerms,
  type DeliveryMethod,
  type Dispute,
  type PaymentPlan,
  type Statement,
  billSchema,
  customerTermsSchema,
  disputeSchema,
  paymentPlanSchema,
  statementSchema,
} from './records';
import { statementLines, statementReference } from './statements';
import { recordText, billKindText } from './recordText';

/** Days after sending before an unreturned statement becomes a follow-up (editable per statement). */
export const DEFAULT_SEAL_FOLLOW_UP_DAYS = 14;

const activityId = (statementId: string, step: string) => `a-${step}-${statementId}`.slice(0, 64);

export async function saveTerms(
  db: HuikuanDb,
  terms: Omit<CustomerTerms, 'updatedAt'>,
  now: Date,
): Promise<CustomerTerms> {
  const row = customerTermsSchema.parse({ ...terms, updatedAt: now.getTime() });
  // The terms feed the summary's complaint facts (the ladder's complaint step): the summary is rewritten with them.
  await writeTx(
    db,
    async (touch) => {
      await db.customerTerms.put(row);
      touch(row.customerId);
    },
    now,
  );
  return row;
}

/** A new statement (draft) of the customer's open documents on `asOf`, or of the picked ones. */
export async function createStatement(
  db: HuikuanDb,
  customerId: string,
  asOf: string,
  picked: readonly string[] | undefined,
  now: Date,
): Promise<Statement> {
  return writeTx(
    db,
    async () => {
      const ledger = await db.ledgers.get(customerId);
      const lines = statementLines(ledger?.receivables ?? [], ledger?.payments ?? [], asOf, picked);
      if (!lines.length) throw new Error(`nothing open on ${asOf} to state`);
      const sameDay = await db.statements
        .where('customerId')
        .equals(customerId)
        .filter((s) => s.asOf === asOf)
        .count();
      const statement = statementSchema.parse({
        id: newId('st'),
        customerId,
        asOf,
        reference: statementReference(customerId, asOf, sameDay + 1),
        lines,
        status: 'draft',
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      });
      await db.statements.add(statement);
      return statement;
    },
    now,
  );
}

async function getStatement(db: HuikuanDb, id: string): Promise<Statement> {
  const s = await db.statements.get(id);
  if (!s) throw new Error(`no statement ${id}`);
  return s;
}

/**
 * Sent: how and when, with the waybill or e-mail reference. A follow-up is planned `followUpDays` later (an
 * activity with that next date, so the worklist and the reminders pick it up) and cleared when the seal comes back.
 */
export async function recordStatementSent(
  db: HuikuanDb,
  id: string,
  sent: { on: string; via: DeliveryMethod; tracking?: string; note?: string; followUpDays?: number },
  now: Date,
): Promise<Statement> {
  return writeTx(
    db,
    async (touch) => {
      const s = await getStatement(db, id);
      const next = statementSchema.parse({
        ...s,
        status: s.status === 'draft' ? 'sent' : s.status,
        sentOn: sent.on,
        sentVia: sent.via,
        tracking: sent.tracking || undefined,
        note: sent.note || s.note,
        updatedAt: now.getTime(),
      });
      await db.statements.put(next);
      const activity: Activity = {
        id: activityId(id, 'sent'),
        customerId: s.customerId,
        date: sent.on,
        channel: 'statement',
        techniqueIds: [],
        outcome: 'other',
        nextDate:
          next.status === 'sealed' ? undefined : addDays(sent.on, sent.followUpDays ?? DEFAULT_SEAL_FOLLOW_UP_DAYS),
        note: recordText('statementSent', {
          reference: s.reference,
          how: `${sent.via}${sent.tracking ? ` ${sent.tracking}` : ''}`,
        }),
        receivableIds: s.lines.map((l) => l.receivableId),
        createdAt: now.getTime(),
      };
      await db.activities.put(activity);
      touch(s.customerId);
      return next;
    },
    now,
  );
}

export async function recordStatementReceived(db: HuikuanDb, id: string, on: string, now: Date): Promise<Statement> {
  return writeTx(
    db,
    async (touch) => {
      const s = await getStatement(db, id);
      if (s.status === 'draft') throw new Error('record how the statement was sent first');
      const next = statementSchema.parse({
        ...s,
        status: s.status === 'sealed' ? 'sealed' : 'received',
        receivedOn: on,
        updatedAt: now.getTime(),
      });
      await db.statements.put(next);
      touch(s.customerId);
      return next;
    },
    now,
  );
}

/**
 * The sealed copy came back: the statement is confirmed, every document it lists gets a 'sealed-confirmation'
 * interruption on the day of the seal (Civil Code art. 195, the debtor acknowledging the debt), and the follow-up
 * planned when it was sent is done.
 */
export async function recordSealedCopy(
  db: HuikuanDb,
  id: string,
  sealed: { on: string; note?: string },
  now: Date,
): Promise<Statement> {
  return writeTx(
    db,
    async (touch) => {
      const s = await getStatement(db, id);
      if (s.status === 'draft') throw new Error('record how the statement was sent first');
      const next = statementSchema.parse({
        ...s,
        status: 'sealed',
        sealedOn: sealed.on,
        receivedOn: s.receivedOn ?? sealed.on,
        sealedNote: sealed.note || undefined,
        updatedAt: now.getTime(),
      });
      await db.statements.put(next);
      const evidence =
        `${recordText('sealedStatement', { reference: s.reference })}${sealed.note ? `: ${sealed.note}` : ''}`.slice(
          0,
          500,
        );
      const docs = await findReceivables(
        db,
        s.customerId,
        s.lines.map((l) => l.receivableId),
      );
      await putDocuments(
        db,
        {
          receivables: docs.map((r) => ({
            ...r,
            interruptions: [
              ...r.interruptions.filter((i) => !(i.kind === 'sealed-confirmation' && i.evidence === evidence)),
              { date: sealed.on, kind: 'sealed-confirmation' as const, evidence },
            ],
            updatedAt: now.getTime(),
          })),
        },
        now.getTime(),
      );
      const sentActivity = await db.activities.get(activityId(id, 'sent'));
      if (sentActivity?.nextDate) await db.activities.put({ ...sentActivity, nextDate: undefined });
      await db.activities.put({
        id: activityId(id, 'sealed'),
        customerId: s.customerId,
        date: sealed.on,
        channel: 'statement',
        techniqueIds: [],
        outcome: 'info-gathered',
        note: evidence,
        evidence,
        receivableIds: s.lines.map((l) => l.receivableId),
        createdAt: now.getTime(),
      });
      touch(s.customerId);
      return next;
    },
    now,
  );
}

/**
 * A payment plan (还款计划): each instalment becomes a payment promise, so it is kept, partly kept or broken by the
 * payments like any promise and reminded like one; the agreement interrupts the limitation period of the
 * documents it covers on the day it was agreed (art. 195, 义务人同意履行).
 */
export async function createPaymentPlan(
  db: HuikuanDb,
  input: {
    customerId: string;
    agreedOn: string;
    receivableIds: string[];
    instalments: Array<{ date: string; amount: { minor: number; currency: string } }>;
    graceDays?: number;
    accelerateOnMiss?: boolean;
    note?: string;
    promisedBy?: string;
  },
  now: Date,
): Promise<PaymentPlan> {
  return writeTx(
    db,
    async (touch) => {
      const id = newId('pl');
      const reference = `HKJH-${input.agreedOn.replace(/-/g, '')}-${input.customerId}`.slice(0, 80);
      const sorted = [...input.instalments].sort((a, b) => a.date.localeCompare(b.date));
      // A plan entered after the day it was agreed: payments from that day on count towards its instalments
      // (lib/promises counts a payment from the calendar day the promise was made).
      const [y, m, d] = input.agreedOn.split('-').map(Number);
      const madeAt = Math.min(now.getTime(), new Date(y, m - 1, d, 12).getTime());
      const promises: PaymentPromise[] = sorted.map((inst, i) => ({
        id: newId('p'),
        customerId: input.customerId,
        amount: inst.amount,
        date: inst.date,
        source: 'letter',
        status: 'pending',
        coveredMinor: 0,
        receivableIds: input.receivableIds,
        promisedBy: input.promisedBy,
        note: recordText('planInstalment', { reference, n: i + 1, count: sorted.length }),
        createdAt: madeAt,
        updatedAt: now.getTime(),
      }));
      const plan = paymentPlanSchema.parse({
        id,
        customerId: input.customerId,
        reference,
        agreedOn: input.agreedOn,
        receivableIds: input.receivableIds,
        instalments: sorted.map((inst, i) => ({ ...inst, promiseId: promises[i].id })),
        graceDays: input.graceDays ?? 0,
        accelerateOnMiss: input.accelerateOnMiss ?? true,
        status: 'active',
        note: input.note,
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      });
      const docs = await findReceivables(db, input.customerId, input.receivableIds);
      if (docs.length !== new Set(input.receivableIds).size)
        throw new Error('a document the plan covers is not in this customer’s ledger');
      await db.promises.bulkPut(promises);
      await db.paymentPlans.put(plan);
      await putDocuments(
        db,
        {
          receivables: docs.map((r) => ({
            ...r,
            interruptions: [
              ...r.interruptions,
              {
                date: input.agreedOn,
                kind: 'payment-plan' as const,
                evidence: recordText('planAgreed', { reference }),
              },
            ],
            updatedAt: now.getTime(),
          })),
        },
        now.getTime(),
      );
      touch(input.customerId);
      return plan;
    },
    now,
  );
}

/**
 * Acceleration after a missed instalment (the plan's terms): the plan is marked accelerated, the instalments not
 * yet due are cancelled as promises (the whole rest is due now), and the demand is logged with the rest due today.
 */
export async function acceleratePlan(
  db: HuikuanDb,
  planId: string,
  on: string,
  restMinor: number,
  now: Date,
): Promise<PaymentPlan> {
  return writeTx(
    db,
    async (touch) => {
      const plan = await db.paymentPlans.get(planId);
      if (!plan) throw new Error(`no payment plan ${planId}`);
      const promises = (await db.promises.bulkGet(plan.instalments.map((i) => i.promiseId))).filter(
        (p): p is PaymentPromise => !!p,
      );
      const later = promises.filter((p) => p.status === 'pending' && p.date > on);
      await db.promises.bulkPut(
        later.map((p) => ({
          ...p,
          status: 'cancelled' as const,
          note: `${p.note ?? ''}（${recordText('accelerated', { date: on })}）`.slice(0, 500),
          updatedAt: now.getTime(),
        })),
      );
      const next = paymentPlanSchema.parse({
        ...plan,
        status: 'accelerated',
        acceleratedOn: on,
        updatedAt: now.getTime(),
      });
      await db.paymentPlans.put(next);
      const currency = plan.instalments[0].amount.currency;
      await db.activities.put({
        id: `a-acc-${planId}`.slice(0, 64),
        customerId: plan.customerId,
        date: on,
        channel: 'written-notice',
        techniqueIds: [],
        outcome: 'other',
        nextDate: on,
        receivableIds: plan.receivableIds,
        createdAt: now.getTime(),
        note: recordText('planMissed', (lang) => ({
          reference: plan.reference,
          rest: formatMoney(restMinor, currency, lang),
        })),
      });
      touch(plan.customerId);
      return next;
    },
    now,
  );
}

export async function saveDispute(
  db: HuikuanDb,
  dispute: Omit<Dispute, 'createdAt' | 'updatedAt' | 'id'> & { id?: string; createdAt?: number },
  now: Date,
): Promise<Dispute> {
  return writeTx(
    db,
    async (touch) => {
      const [doc] = await findReceivables(db, dispute.customerId, [dispute.receivableId]);
      if (!doc) throw new Error('the disputed document is not in this customer’s ledger');
      if (dispute.currency !== doc.amount.currency)
        throw new Error(`the disputed amount must be in the document’s currency (${doc.amount.currency})`);
      if (dispute.disputedMinor > doc.amount.minor) throw new Error('the disputed amount is more than the document');
      const row = disputeSchema.parse({
        ...dispute,
        id: dispute.id ?? newId('d'),
        createdAt: dispute.createdAt ?? now.getTime(),
        updatedAt: now.getTime(),
      });
      await db.disputes.put(row);
      touch(dispute.customerId);
      return row;
    },
    now,
  );
}

/** A write the toolkit refuses, with the key of the reason (`toolkit:<area>.errors.<code>`) for the page to translate. */
export class ToolkitRefusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * 质保金 / deposit on one invoice: the amount (or a percentage of the document, rounded half up to the fen) held
 * until `releaseDate`. It is written on the receivable itself, so the summary, the ladder, the worklist, the badge
 * and the forecast read it with the ledger (lib/ledger/retention.ts); `undefined` removes it.
 */
export async function saveRetention(
  db: HuikuanDb,
  input: {
    customerId: string;
    receivableId: string;
    releaseDate: string;
    basis?: Retention['basis'];
    remindDays?: number;
    note?: string;
  } & ({ minor: number; percent?: undefined } | { percent: number; minor?: undefined }),
  now: Date,
): Promise<Retention> {
  return writeTx(
    db,
    async (touch) => {
      const [doc] = await findReceivables(db, input.customerId, [input.receivableId]);
      if (!doc || doc.kind !== 'invoice') throw new ToolkitRefusal('noDocument');
      const minor = input.percent !== undefined ? retentionOfPercent(doc.amount.minor, input.percent) : input.minor;
      if (!(minor > 0)) throw new ToolkitRefusal('amount');
      if (minor > doc.amount.minor) throw new ToolkitRefusal('moreThanDocument');
      if (input.releaseDate < doc.dueDate) throw new ToolkitRefusal('releaseBeforeDue');
      const retention = retentionSchema.parse({
        minor,
        releaseDate: input.releaseDate,
        basis: input.basis ?? 'warranty',
        ...(input.percent !== undefined ? { percent: input.percent } : {}),
        remindDays: input.remindDays ?? 30,
        note: input.note || undefined,
      });
      await putDocuments(db, { receivables: [{ ...doc, retention, updatedAt: now.getTime() }] }, now.getTime());
      touch(input.customerId);
      return retention;
    },
    now,
  );
}

export async function clearRetention(
  db: HuikuanDb,
  customerId: string,
  receivableId: string,
  now: Date,
): Promise<void> {
  await writeTx(
    db,
    async (touch) => {
      const [doc] = await findReceivables(db, customerId, [receivableId]);
      if (!doc?.retention) return;
      const { retention: _r, ...rest } = doc;
      await putDocuments(db, { receivables: [{ ...rest, updatedAt: now.getTime() }] }, now.getTime());
      touch(customerId);
    },
    now,
  );
}

/**
 * A bill or e-receivable certificate received in payment: one payment on the day it was received, applied to the
 * documents it pays (due-date order, each up to what it has open), so the ledger shows them settled; the bill
 * keeps the maturity day on which the cash comes (the forecast counts it then, lib/forecast/portfolio.ts).
 */
export async function recordBill(
  db: HuikuanDb,
  input: Omit<Bill, 'id' | 'paymentId' | 'status' | 'closedOn' | 'createdAt' | 'updatedAt'>,
  now: Date,
): Promise<Bill> {
  return writeTx(
    db,
    async (touch) => {
      const ledger = await db.ledgers.get(input.customerId);
      const open = allocate(ledger?.receivables ?? [], ledger?.payments ?? []).filter(
        (r) => r.kind === 'invoice' && r.openMinor > 0,
      );
      const problems = billProblems(input, open);
      if (problems.length) throw new ToolkitRefusal(problems[0]);
      const chosen = open.filter((r) => input.receivableIds.includes(r.id));
      const payment: Payment = paymentSchema.parse({
        id: newId('pay'),
        customerId: input.customerId,
        date: input.receivedOn,
        amount: input.amount,
        allocations: allocationsFor(input.amount.minor, chosen),
        reference: `${billKindText(input.kind)}${input.number ? ` ${input.number}` : ''}`.slice(0, 500),
        updatedAt: now.getTime(),
      });
      const bill = billSchema.parse({
        ...input,
        id: newId('bl'),
        paymentId: payment.id,
        status: 'held',
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      });
      await putDocuments(db, { payments: [payment] }, now.getTime());
      await db.bills.add(bill);
      touch(input.customerId);
      return bill;
    },
    now,
  );
}

/**
 * What became of a bill: collected at maturity, endorsed on or discounted (the cash no longer to come from it), or
 * dishonoured (拒付) — then its payment is taken out of the ledger and the documents it paid are open again.
 */
export async function closeBill(
  db: HuikuanDb,
  billId: string,
  status: Exclude<BillStatus, 'held'>,
  on: string,
  now: Date,
): Promise<Bill> {
  return writeTx(
    db,
    async (touch) => {
      const bill = await db.bills.get(billId);
      if (!bill) throw new ToolkitRefusal('noBill');
      if (bill.status !== 'held') throw new ToolkitRefusal('closed');
      if (status === 'dishonoured') await removeDocuments(db, [bill.customerId], [bill.paymentId], now.getTime());
      const next = billSchema.parse({ ...bill, status, closedOn: on, updatedAt: now.getTime() });
      await db.bills.put(next);
      touch(bill.customerId);
      return next;
    },
    now,
  );
}
