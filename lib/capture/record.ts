/**
 * A confirmed capture → records in the store. The side panel's draft card collects the user's choices as text
 * fields; `validateCapture` checks them with zod (errors are i18n keys of the `sidepanel` namespace, so the card
 * shows them in the user's language) and `saveCapture` writes them through the repo's transaction helpers, so the
 * customer's summary and the portfolio aggregate stay true.
 *
 * A captured message is the customer's word, not ours: it is kept as evidence on every record it produces, but it
 * is never logged as our demand (which would restart the limitation period under art. 195) and a payment notice
 * never becomes a Payment — payments come from the ledger import only.
 */
import { z } from 'zod';
import {
  type Activity,
  type Channel,
  currencyCode,
  isoDate,
  newId,
  outcomes,
  type PaymentPromise,
  type Receivable,
} from '../domain';
import { writeTx } from '../db/repo';
import type { HuikuanDb } from '../db/schema';
import { findReceivables, putDocuments, receivablesOf } from '../db/ledgers';
import { parseTypedAmount } from '../format';
import type { Intent } from './intent';
import { UserError } from '../i18n/userError';
import type { KeyOf } from '../i18n/types';

export const captureKinds = ['promise', 'activity', 'dispute', 'payment'] as const;
export type CaptureKind = (typeof captureKinds)[number];
export const captureChannels = ['email', 'im'] as const satisfies readonly Channel[];
export type CaptureChannel = (typeof captureChannels)[number];
export type Outcome = Activity['outcome'];

export function kindForIntent(intent: Intent): CaptureKind {
  if (intent === 'promise') return 'promise';
  if (intent === 'dispute') return 'dispute';
  if (intent === 'paid') return 'payment';
  return 'activity';
}

export function outcomeForIntent(intent: Intent): Outcome {
  switch (intent) {
    case 'promise':
      return 'promised';
    case 'dispute':
      return 'disputed';
    case 'paid':
      return 'paid';
    case 'hardship':
      return 'hardship';
    default:
      return 'other';
  }
}

/** What the capture knows about the message it came from. */
export interface MessageMeta {
  subject?: string;
  sentAt?: string;
  from?: string;
  url?: string;
}

const EVIDENCE_MAX = 500;
const pad = (n: number) => String(n).padStart(2, '0');

/** The message's date as `YYYY-MM-DD HH:mm` local time when it can be read, else as the page wrote it. */
export function readableSentAt(sentAt: string | undefined): string | undefined {
  const s = sentAt?.trim();
  if (!s) return undefined;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return s;
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * "subject · date · from" plus the link, as one line that fits a record's evidence field (500 characters). The
 * link is kept whole or dropped: a cut URL opens nothing, so a long one loses its query first.
 */
export function evidenceOf(m: MessageMeta): { label: string; url?: string; text: string } {
  const clean = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;
  const label = [clean(m.subject), readableSentAt(m.sentAt), clean(m.from)].filter(Boolean).join(' · ').slice(0, 300);
  let url = clean(m.url);
  if (url && !/^https?:\/\//i.test(url)) url = undefined;
  const room = EVIDENCE_MAX - label.length - 3;
  if (url && url.length > room) url = url.replace(/[?#].*$/, '');
  if (url && url.length > room) url = undefined;
  const text = [label, url].filter(Boolean).join(' · ');
  return { label, url, text };
}

/** Document numbers compare without case, separators or leading zeros ("inv 0031" is "INV-31"). */
export function docKey(s: string): string {
  return s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}
const digitsKey = (s: string) => s.normalize('NFKC').replace(/\D/g, '').replace(/^0+/, '');

/**
 * The receivables a message names: the same document number, or the same digits when there are at least four
 * of them ("Invoice #20510" names "INV-20510"). Only the customer's own receivables are passed in, so a shared
 * digit run across prefixes cannot pick another customer's document.
 */
export function matchReceivables(numbers: readonly string[], receivables: readonly Receivable[]): string[] {
  const keys = new Set(numbers.map(docKey).filter(Boolean));
  const digits = new Set(numbers.map(digitsKey).filter((d) => d.length >= 4));
  return receivables
    .filter((r) => keys.has(docKey(r.docNumber)) || digits.has(digitsKey(r.docNumber)))
    .map((r) => r.id);
}

/** The text fields of the draft card, as typed. */
export interface CaptureForm {
  kind: CaptureKind;
  customerId: string | null;
  amount: string;
  currency: string;
  date: string;
  channel: CaptureChannel;
  outcome: Outcome;
  receivableIds: string[];
  reason: string;
  reference: string;
}

export type CaptureField =
  'customerId' | 'amount' | 'currency' | 'date' | 'receivableIds' | 'reason' | 'reference' | 'outcome';

/** Error keys (sidepanel namespace). */
export const captureErrors = {
  customerMissing: 'capture.errors.customerMissing',
  amountMissing: 'capture.errors.amountMissing',
  amountInvalid: 'capture.errors.amountInvalid',
  amountTooPrecise: 'capture.errors.amountTooPrecise',
  currencyInvalid: 'capture.errors.currencyInvalid',
  dateMissing: 'capture.errors.dateMissing',
  dateInvalid: 'capture.errors.dateInvalid',
  disputeNoInvoice: 'capture.errors.disputeNoInvoice',
  reasonMissing: 'capture.errors.reasonMissing',
  reasonTooLong: 'capture.errors.reasonTooLong',
  referenceTooLong: 'capture.errors.referenceTooLong',
  invalid: 'capture.errors.invalid',
} as const satisfies Record<string, KeyOf<'sidepanel'>>;
/** A key of the capture card's error texts (sidepanel namespace). */
export type CaptureErrorKey = (typeof captureErrors)[keyof typeof captureErrors];
const errorKeys: readonly string[] = Object.values(captureErrors);
const isErrorKey = (m: string): m is CaptureErrorKey => errorKeys.includes(m);
const E = captureErrors;

const amountErrors = { missing: E.amountMissing, invalid: E.amountInvalid, 'too-precise': E.amountTooPrecise } as const;

/** Typed amount → minor units (lib/format parseTypedAmount), with the capture card's error keys. */
export function amountToMinor(input: string, currency: string): { minor: number } | { error: CaptureErrorKey } {
  const r = parseTypedAmount(input, currency);
  return 'error' in r ? { error: amountErrors[r.error] } : r;
}

const dateSchema = z.string().superRefine((v, ctx) => {
  const s = v.trim();
  if (!s) ctx.addIssue({ code: 'custom', message: E.dateMissing });
  else if (!isoDate.safeParse(s).success || s < '1990-01-01' || s > '2199-12-31')
    ctx.addIssue({ code: 'custom', message: E.dateInvalid });
});

const formSchema = z
  .object({
    kind: z.enum(captureKinds),
    customerId: z.string().min(1, E.customerMissing).max(64),
    amount: z.string(),
    currency: z.string(),
    date: dateSchema,
    channel: z.enum(captureChannels),
    outcome: z.enum(outcomes),
    receivableIds: z.array(z.string().max(64)),
    reason: z.string(),
    reference: z.string().max(120, E.referenceTooLong),
  })
  .superRefine((f, ctx) => {
    const issue = (path: CaptureField, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (f.kind === 'promise' || f.kind === 'payment') {
      const cur = currencyCode.safeParse(f.currency.trim().toUpperCase());
      if (!cur.success || !Intl.supportedValuesOf('currency').includes(cur.data)) issue('currency', E.currencyInvalid);
      else {
        const a = amountToMinor(f.amount, cur.data);
        if ('error' in a) issue('amount', a.error);
      }
    }
    if (f.kind === 'dispute') {
      if (f.receivableIds.length === 0) issue('receivableIds', E.disputeNoInvoice);
      const reason = f.reason.trim();
      if (!reason) issue('reason', E.reasonMissing);
      else if (reason.length > 500) issue('reason', E.reasonTooLong);
    }
  });

export type ValidCapture =
  | {
      kind: 'promise';
      customerId: string;
      amount: { minor: number; currency: string };
      date: string;
      receivableIds: string[];
    }
  | {
      kind: 'payment';
      customerId: string;
      amount: { minor: number; currency: string };
      date: string;
      channel: CaptureChannel;
      reference?: string;
      receivableIds: string[];
    }
  | { kind: 'activity'; customerId: string; date: string; channel: CaptureChannel; outcome: Outcome }
  | {
      kind: 'dispute';
      customerId: string;
      date: string;
      channel: CaptureChannel;
      receivableIds: string[];
      reason: string;
    };

export type CaptureValidation =
  { ok: true; value: ValidCapture } | { ok: false; errors: Partial<Record<CaptureField, CaptureErrorKey>> };

export function validateCapture(form: CaptureForm): CaptureValidation {
  const r = formSchema.safeParse({ ...form, customerId: form.customerId ?? '' });
  if (!r.success) {
    const errors: Partial<Record<CaptureField, CaptureErrorKey>> = {};
    for (const i of r.error.issues) {
      const k = String(i.path[0] ?? 'amount') as CaptureField;
      // zod's own messages (a kind, channel or outcome outside its list, an over-long id) are English developer
      // text, not keys: the field is said to be invalid instead.
      errors[k] ??= isErrorKey(i.message) ? i.message : E.invalid;
    }
    return { ok: false, errors };
  }
  const f = r.data;
  const date = f.date.trim();
  switch (f.kind) {
    case 'promise':
    case 'payment': {
      const currency = f.currency.trim().toUpperCase();
      const { minor } = amountToMinor(f.amount, currency) as { minor: number };
      if (f.kind === 'promise')
        return {
          ok: true,
          value: {
            kind: 'promise',
            customerId: f.customerId,
            amount: { minor, currency },
            date,
            receivableIds: f.receivableIds,
          },
        };
      return {
        ok: true,
        value: {
          kind: 'payment',
          customerId: f.customerId,
          amount: { minor, currency },
          date,
          channel: f.channel,
          reference: f.reference.trim() || undefined,
          receivableIds: f.receivableIds,
        },
      };
    }
    case 'activity':
      return {
        ok: true,
        value: { kind: 'activity', customerId: f.customerId, date, channel: f.channel, outcome: f.outcome },
      };
    case 'dispute':
      return {
        ok: true,
        value: {
          kind: 'dispute',
          customerId: f.customerId,
          date,
          channel: f.channel,
          receivableIds: f.receivableIds,
          reason: f.reason.trim(),
        },
      };
  }
}

export interface SaveContext {
  meta: MessageMeta;
  /** The activity's note, composed by the caller in the user's language (the message text, for a payment with the
   * amount, date and reference first). */
  note: string;
  /** The day the message arrived: the date of the activity a dispute or payment notice logs. */
  messageDay: string;
}

export interface SavedCapture {
  kind: CaptureKind;
  customerId: string;
  promiseId?: string;
  activityId?: string;
  receivableIds: string[];
}

/** Writes a validated capture. Everything one capture writes lands in one transaction or not at all. */
export async function saveCapture(db: HuikuanDb, v: ValidCapture, ctx: SaveContext, now: Date): Promise<SavedCapture> {
  const ev = evidenceOf(ctx.meta).text || undefined;
  const at = now.getTime();
  if (v.kind === 'promise') {
    const promise: PaymentPromise = {
      id: newId('pr'),
      customerId: v.customerId,
      amount: v.amount,
      date: v.date,
      promisedBy: ctx.meta.from?.slice(0, 500),
      source: 'capture',
      status: 'pending',
      coveredMinor: 0,
      receivableIds: v.receivableIds,
      evidence: ev,
      note: ctx.note.slice(0, 500) || undefined,
      createdAt: at,
      updatedAt: at,
    };
    await writeTx(
      db,
      async (touch) => {
        await db.promises.put(promise);
        // A promise the customer put in writing is the debtor agreeing to perform, which interrupts the limitation
        // period (PRC Civil Code art. 195(2)); the message is the evidence. Without evidence nothing is restarted.
        if (ev) {
          const targets = v.receivableIds.length
            ? await findReceivables(db, v.customerId, v.receivableIds)
            : (await receivablesOf(db, v.customerId)).filter((r) => r.status === 'open');
          await putDocuments(
            db,
            {
              receivables: targets.map((r) => ({
                ...r,
                interruptions: [
                  ...r.interruptions,
                  { date: ctx.messageDay, kind: 'debtor-agreement' as const, evidence: ev },
                ],
                updatedAt: at,
              })),
            },
            at,
          );
        }
        touch(v.customerId);
      },
      now,
    );
    return { kind: 'promise', customerId: v.customerId, promiseId: promise.id, receivableIds: v.receivableIds };
  }
  const activity: Activity = {
    id: newId('a'),
    customerId: v.customerId,
    date: v.kind === 'activity' ? v.date : ctx.messageDay,
    channel: v.channel,
    techniqueIds: [],
    outcome: v.kind === 'activity' ? v.outcome : v.kind === 'dispute' ? 'disputed' : 'paid',
    note: ctx.note.slice(0, 20_000) || undefined,
    evidence: ev,
    receivableIds: v.kind === 'activity' ? [] : v.receivableIds,
    createdAt: at,
  };
  await writeTx(
    db,
    async (touch) => {
      if (v.kind === 'dispute') {
        const found = await findReceivables(db, v.customerId, v.receivableIds);
        if (found.length !== v.receivableIds.length)
          throw new UserError('errors.capture.foreignReceivable', {}, 'a ticked receivable is not this customer’s');
        await putDocuments(
          db,
          {
            receivables: found.map((r) => ({
              ...r,
              disputed: true,
              disputeReason: v.reason.slice(0, 500),
              evidence: ev && !r.evidence.includes(ev) ? [...r.evidence, ev] : r.evidence,
              updatedAt: at,
            })),
          },
          at,
        );
      }
      // Written directly rather than through addActivity: that one records our own demand, which interrupts
      // limitation and resets the five preparations; a message received from the customer does neither.
      await db.activities.put(activity);
      touch(v.customerId);
    },
    now,
  );
  return { kind: v.kind, customerId: v.customerId, activityId: activity.id, receivableIds: activity.receivableIds };
}
