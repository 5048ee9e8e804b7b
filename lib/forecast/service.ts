/**
 * The forecast in the worker: computed from the store on first request, kept until the store changes or the day
 * turns, so the popup, the side panel and the worklist ask for figures without recomputing them. The pages never
 * wait for it to paint (they show their other figures first and the forecast when it answers). The computation runs
 * in slices of a few milliseconds with a pause between them, so the worker keeps answering the badge, the popup's
 * other figures and the side panel while a large book is forecast; after a change it is recomputed in the
 * background once the store has been quiet for WARM_AFTER_MS, so the next popup finds it ready.
 */
import type { HuikuanDb } from '../db/schema';
import { allDocuments } from '../db/ledgers';
import type { Evaluation } from './evaluate';
import {
  type CustomerForecast,
  type ForecastStore,
  type PortfolioForecast,
  type StoreForecast,
  customerForecast,
  forecastStoreSteps,
  storeAccuracy,
} from './portfolio';

export interface ForecastServiceDeps {
  read(): Promise<ForecastStore>;
  /** Today's calendar day (the worker's clock). */
  today(): string;
  promiseGraceDays(): Promise<number>;
  /** Milliseconds, for the time the forecast took. */
  elapsed?(): number;
  /**
   * Lets the worker answer other messages between two slices of the computation (a few milliseconds each); by
   * default a macrotask (setTimeout 0), so queued messages and timers run first.
   */
  pause?(): Promise<void>;
  /**
   * Runs `task` after `ms` (the worker: setTimeout). Given, a change of the store recomputes the forecast in the
   * background WARM_AFTER_MS after the last change, so the popup that opens later finds it ready. Not given: the
   * next request computes it.
   */
  schedule?(task: () => void, ms: number): void;
}

export interface ForecastService {
  portfolio(): Promise<PortfolioForecast>;
  customer(customerId: string): Promise<CustomerForecast>;
  accuracy(): Promise<Evaluation>;
  /** The store changed: the next request computes again (or the background does first, see `schedule`). */
  changed(): void;
}

/** Every table the forecast reads. */
export const FORECAST_TABLES = ['customers', 'ledgers', 'promises', 'profiles', 'bills'] as const;

/** Quiet time after the last change before the background recomputes (an import writes in many transactions). */
export const WARM_AFTER_MS = 1500;

export async function readForecastStore(db: HuikuanDb): Promise<ForecastStore> {
  return db.transaction('r', [db.customers, db.ledgers, db.promises, db.profiles, db.bills], async () => {
    const [customers, { receivables, payments }, promises, profiles, bills] = await Promise.all([
      db.customers.toArray(),
      allDocuments(db),
      db.promises.toArray(),
      db.profiles.toArray(),
      db.bills.toArray(),
    ]);
    return { customers, receivables, payments, promises, profiles, bills };
  });
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Thrown inside a computation the store has changed under: its callers follow the newer one. */
class Superseded extends Error {}

export function createForecastService(deps: ForecastServiceDeps): ForecastService {
  let generation = 0;
  let current: { key: string; value: Promise<StoreForecast> } | undefined;
  let accuracy: { key: string; value: Promise<Evaluation> } | undefined;
  const elapsed = deps.elapsed ?? (() => performance.now());
  const pause = deps.pause ?? macrotask;

  /** Drives sliced steps to their end, pausing between slices; stops when the store changes under it. */
  async function drive<T>(steps: Generator<void, T>, gen: number): Promise<T> {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      await pause();
      if (gen !== generation) throw new Superseded();
    }
  }

  const forecast = (): Promise<StoreForecast> => {
    const asOf = deps.today();
    const gen = generation;
    const key = `${gen}|${asOf}`;
    if (current?.key !== key) {
      const value = (async () => {
        const [store, grace] = await Promise.all([deps.read(), deps.promiseGraceDays()]);
        if (gen !== generation) throw new Superseded();
        const t0 = elapsed();
        const f = await drive(forecastStoreSteps(store, asOf, grace), gen);
        f.portfolio.ms = Math.round(elapsed() - t0);
        return f;
      })().catch((e: unknown) => {
        // The store changed while this was computed: answer with the forecast of the store as it is now.
        if (e instanceof Superseded) return forecast();
        throw e;
      });
      current = { key, value };
      value.catch(() => {
        if (current?.value === value) current = undefined;
      });
    }
    return current.value;
  };

  let warmToken = 0;
  const warmLater = () => {
    if (!deps.schedule) return;
    const token = ++warmToken;
    deps.schedule(() => {
      if (token === warmToken) forecast().catch(() => undefined);
    }, WARM_AFTER_MS);
  };

  return {
    portfolio: async () => (await forecast()).portfolio,
    customer: async (customerId) => customerForecast(await forecast(), customerId),
    accuracy() {
      const key = `${generation}`;
      if (accuracy?.key !== key) {
        const value = deps.read().then(storeAccuracy);
        accuracy = { key, value };
        value.catch(() => {
          if (accuracy?.value === value) accuracy = undefined;
        });
      }
      return accuracy.value;
    },
    changed() {
      generation++;
      warmLater();
    },
  };
}
