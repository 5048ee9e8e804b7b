/**
 * The one source of "now". Every page and the worker take a `Clock` once at their entry (the app shell for
 * pages, the worker's wiring for the background) and pass it to everything that decides by the day: saving a
 * capture, adding a promise, logging an activity, promise evaluation, reminders, the popup's "today". Nothing in
 * `lib/` or `components/` reads the real date by itself, so tests pin one clock and every decision follows it.
 */
// Only the date helpers: the popup's first-paint script takes the clock and must not pull in Zod with lib/domain.
import { today } from './ledger/dates';

export type Clock = () => Date;

/** The real clock. Only entrypoints (and the demo script) hand it out. */
export const systemClock: Clock = () => new Date();

/** A clock stopped at `at` (an instant, an ISO string or epoch ms): for tests, the demo and the bench. */
export function fixedClock(at: Date | string | number): Clock {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new Error(`fixedClock: not an instant: ${String(at)}`);
  return () => new Date(ms);
}

/** The clock's calendar day in the runtime's time zone. */
export const todayOf = (clock: Clock): string => today(clock());

/** The clock's instant in epoch ms (for `createdAt` / `updatedAt` stamps). */
export const msOf = (clock: Clock): number => clock().getTime();
