/**
 * The worklist as the collector works through the day: a row logged today (an outcome, or marked done) goes below
 * the rows still to do, a row snoozed to a later date goes to the bottom until that date, and each row's outcome
 * is one keystroke. Pure: the popup stores the marks and the activities (lib/db/worklistMarks.ts, repo).
 */
import { activitySchema, newId, outcomeKeys, type Activity, type Channel, type PaymentPromise } from '../domain';
import { addDays } from '../ledger/dates';

/** What the collector did today with a customer on the worklist, besides the activity log. */
export interface DayMarks {
  /** customerId → the day it comes back (YYYY-MM-DD); before that day the row waits at the bottom. */
  snoozed: Record<string, string>;
  /** customerId → the day it was marked done. */
  done: Record<string, string>;
}
export const emptyMarks = (): DayMarks => ({ snoozed: {}, done: {} });

export type RowState = 'due' | 'done' | 'snoozed';

export function rowState(
  row: { customerId: string; lastActivityDate?: string },
  asOf: string,
  marks: DayMarks,
): RowState {
  const until = marks.snoozed[row.customerId];
  if (until && until > asOf) return 'snoozed';
  if (marks.done[row.customerId] === asOf || row.lastActivityDate === asOf) return 'done';
  return 'due';
}

/**
 * The rows in working order: still to do today (in rank order), then done today, then snoozed (soonest back first).
 * Stable within each group, so a logged row moves and the others keep their places.
 */
export function arrangeDay<T extends { customerId: string; lastActivityDate?: string }>(
  rows: T[],
  asOf: string,
  marks: DayMarks,
): Array<T & { state: RowState; snoozedUntil?: string }> {
  const withState: Array<T & { state: RowState; snoozedUntil?: string }> = rows.map((r) => {
    const state = rowState(r, asOf, marks);
    return state === 'snoozed' ? { ...r, state, snoozedUntil: marks.snoozed[r.customerId] } : { ...r, state };
  });
  const rank: Record<RowState, number> = { due: 0, done: 1, snoozed: 2 };
  return withState
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        rank[a.r.state] - rank[b.r.state] ||
        (a.r.state === 'snoozed'
          ? a.r.snoozedUntil! < b.r.snoozedUntil!
            ? -1
            : a.r.snoozedUntil! > b.r.snoozedUntil!
              ? 1
              : 0
          : 0) ||
        a.i - b.i,
    )
    .map(({ r }) => r);
}

/** The outcomes a row logs in one keystroke, and their keys. */
export const rowOutcomes = ['reached', 'no-answer', 'promised', 'refused', 'paid'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];
export type RowAction = RowOutcome | 'snooze' | 'done';
/** The outcomes' letters are the activity log's (lib/domain `outcomeKeys`); s and d are the worklist's own. */
export const rowActionKeys: Record<RowAction, string> = {
  reached: outcomeKeys.reached,
  'no-answer': outcomeKeys['no-answer'],
  promised: outcomeKeys.promised,
  refused: outcomeKeys.refused,
  paid: outcomeKeys.paid,
  snooze: 's',
  done: 'd',
};
export function actionForKey(key: string): RowAction | undefined {
  const k = key.toLowerCase();
  return (Object.keys(rowActionKeys) as RowAction[]).find((a) => rowActionKeys[a] === k);
}

/**
 * When to look at the customer again after an outcome: no answer → try again tomorrow; refused → the next step of
 * the ladder tomorrow; reached → check in a week; promised → the promise's date; paid → nothing planned (the ledger
 * confirms the money when the payment is recorded).
 */
export function followUpDate(outcome: RowOutcome, asOf: string, promiseDate?: string): string | undefined {
  switch (outcome) {
    case 'no-answer':
      return addDays(asOf, 1);
    case 'refused':
      return addDays(asOf, 1);
    case 'reached':
      return addDays(asOf, 7);
    case 'promised':
      return promiseDate ?? addDays(asOf, 7);
    case 'paid':
      return undefined;
  }
}

/** The activity an outcome logs, on the step's channel. `note` says it came from the worklist, in the user's words. */
export function outcomeActivity(
  outcome: RowOutcome,
  input: {
    customerId: string;
    asOf: string;
    channel: Channel;
    now: number;
    note?: string;
    promiseDate?: string;
  },
): Activity {
  const next = followUpDate(outcome, input.asOf, input.promiseDate);
  return activitySchema.parse({
    id: newId('a'),
    customerId: input.customerId,
    date: input.asOf,
    channel: input.channel,
    outcome,
    ...(next ? { nextDate: next } : {}),
    ...(input.note ? { note: input.note } : {}),
    receivableIds: [],
    createdAt: input.now,
  });
}

/** The promise a "promised" outcome records (amount and date as the collector confirmed them in the row). */
export function rowPromise(input: {
  customerId: string;
  minor: number;
  currency: string;
  date: string;
  now: number;
  promisedBy?: string;
}): PaymentPromise {
  return {
    id: newId('pr'),
    customerId: input.customerId,
    amount: { minor: input.minor, currency: input.currency },
    date: input.date,
    source: 'call',
    status: 'pending',
    coveredMinor: 0,
    receivableIds: [],
    createdAt: input.now,
    updatedAt: input.now,
    ...(input.promisedBy ? { promisedBy: input.promisedBy } : {}),
  };
}
