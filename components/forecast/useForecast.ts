/**
 * Asks the worker for the forecast (it computes it: lib/forecast/service.ts) after the page has painted, and again
 * whenever the store's data version moves. The page never waits for it: `undefined` until it answers.
 */
import { useEffect, useState } from 'react';
import { send } from '@/lib/browser/send';
import type { PageRequest } from '@/lib/messaging/protocol';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

export function useWorkerAnswer<T>(request: PageRequest | undefined, version: unknown): Loaded<T> {
  const [answer, setAnswer] = useState<Loaded<T>>({ state: 'loading' });
  const key = request ? JSON.stringify(request) : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    send<T>(JSON.parse(key) as PageRequest)
      .then((value) => { if (live) setAnswer({ state: 'ready', value }); })
      .catch((e: unknown) => { if (live) setAnswer({ state: 'failed', message: e instanceof Error ? e.message : String(e) }); });
    return () => { live = false; };
  }, [key, version]);
  return answer;
}
