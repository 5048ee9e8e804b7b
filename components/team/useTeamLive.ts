/** Keeps team sync live while this page is open (no-op when team mode is off: the worker checks). */
import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { connectTeamLive } from '@/lib/browser/teamSync';

export function useTeamLive(): { syncNow(): void } {
  const live = useRef<ReturnType<typeof connectTeamLive> | undefined>(undefined);
  useEffect(() => {
    if (typeof browser?.runtime?.connect !== 'function') return undefined;
    live.current = connectTeamLive(browser);
    return () => { live.current?.close(); live.current = undefined; };
  }, []);
  return { syncNow: () => live.current?.syncNow() };
}
