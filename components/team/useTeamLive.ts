/** Keeps team sync live while this page is open (no-op when team mode is off: the worker checks). */
import { useEffect, useRef } from 'react';
import { connectTeamLive } from '@/lib/browser/teamSync';

export function useTeamLive(): { syncNow(): void } {
  const live = useRef<ReturnType<typeof connectTeamLive> | undefined>(undefined);
  useEffect(() => {
    live.current = connectTeamLive();
    return () => {
      live.current?.close();
      live.current = undefined;
    };
  }, []);
  return { syncNow: () => live.current?.syncNow() };
}
