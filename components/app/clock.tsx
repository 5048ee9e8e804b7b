/**
 * The page's clock (lib/clock.ts), provided once by the AppShell from the entrypoint. Components take "now" from
 * here for every calendar decision and every time stamp they write; none reads the real date itself.
 */
import { createContext, useContext } from 'react';
import { type Clock, todayOf } from '@/lib/clock';
import type { IsoDate } from '@/lib/domain';

export const ClockContext = createContext<Clock | null>(null);

export function useClock(): Clock {
  const clock = useContext(ClockContext);
  // A component rendered outside the shell would silently fall back to the real date; say so instead.
  if (!clock) throw new Error('useClock: no clock provided (render inside <AppShell clock={…}>)');
  return clock;
}

/** Today's calendar day by the page's clock. */
export function useToday(): IsoDate {
  return todayOf(useClock());
}
