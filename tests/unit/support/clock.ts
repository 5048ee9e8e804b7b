/**
 * The tests' one clock. Every test that depends on the day takes it from here (or builds its own with
 * `fixedClock`), never from the real date: the suite also runs under `faketime` and in a second time zone.
 * `PINNED` is local wall time, so its calendar day is 2026-11-22 in every zone.
 */
import { vi } from 'vitest';
import { fixedClock } from '@/lib/clock';

export const PINNED = new Date(2026, 10, 22, 9, 30);
export const PINNED_DAY = '2026-11-22';
export const pinnedClock = fixedClock(PINNED);

/**
 * Pins `Date` itself (timers stay real) for code under test that is handed no clock: third-party code and the
 * few tests that check the real clock is not read. Undo with `vi.useRealTimers()`.
 */
export function pinSystemTime(at: Date = PINNED): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}
