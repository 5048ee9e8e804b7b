/**
 * Asks the worker for the forecast (it computes it: lib/forecast/service.ts) after the page has painted, and again
 * whenever the store's data version moves. The page never waits for it: `undefined` until it answers.
 */
import { useEffect, useState } from 'react';
import { send } from '@/lib/browser/send';
import type { PageRequest } from '@/lib/messaging/protocol';
import { getDb, storeChoice } from '@/lib/db/schema';
import { getSettings } from '@/lib/db/repo';
import { type ForecastService, createForecastService, readForecastStore } from '@/lib/forecast/service';
import { toIsoDay } from '@/lib/domain';
import type { Clock } from '@/lib/clock';
import { useClock } from '@/components/app/clock';

/**
 * The worker computes from the user's store only (it has no localStorage, lib/db/storeChoice.ts): while the demo is
 * tried, the page computes the forecast itself, from the demo's store, with the same service.
 */
let demoService: ForecastService | undefined;
function askDemo<T>(request: PageRequest, clock: Clock): Promise<T> {
  demoService ??= createForecastService({
    read: () => readForecastStore(getDb()),
    today: () => toIsoDay(clock()),
    promiseGraceDays: async () => (await getSettings(getDb())).promiseGraceDays,
  });
  demoService.changed();
  switch (request.type) {
    case 'forecast/portfolio':
      return demoService.portfolio() as Promise<T>;
    case 'forecast/customer':
      return demoService.customer(request.customerId) as Promise<T>;
    case 'forecast/accuracy':
      return demoService.accuracy() as Promise<T>;
    default:
      return Promise.reject(new Error(`not answered in the demo: ${request.type}`));
  }
}

export function askWorker<T>(request: PageRequest, clock: Clock): Promise<T> {
  return storeChoice() === 'demo' ? askDemo<T>(request, clock) : send<T>(request);
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

export function useWorkerAnswer<T>(request: PageRequest | undefined, version: unknown): Loaded<T> {
  const clock = useClock();
  const [answer, setAnswer] = useState<Loaded<T>>({ state: 'loading' });
  const key = request ? JSON.stringify(request) : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    askWorker<T>(JSON.parse(key) as PageRequest, clock)
      .then((value) => {
        if (live) setAnswer({ state: 'ready', value });
      })
      .catch((e: unknown) => {
        if (live) setAnswer({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [key, version, clock]);
  return answer;
}
