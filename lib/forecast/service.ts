/**
 * The forecast in the worker: computed from the store on first request, kept until the store changes or the day
 * turns, so the popup, the side panel and the worklist ask for figures without recomputing them. The pages never
 * wait for it to paint (they show their other figures first and the forecast when it answers).
 */
import type { HuikuanDb } from '../db/schema';
import { allDocuments } from '../db/ledgers';
import type { Evaluation } from './evaluate';
import {
  type CustomerForecast, type ForecastStore, type PortfolioForecast, type StoreForecast, customerForecast, forecastStore,
  storeAccuracy,
} from './portfolio';

export interface ForecastServiceDeps {
  read(): Promise<ForecastStore>;
  /** Today's calendar day (the worker's clock). */
  today(): string;
  promiseGraceDays(): Promise<number>;
  /** Milliseconds, for the time the forecast took. */
  elapsed?(): number;
}

export interface ForecastService {
  portfolio(): Promise<PortfolioForecast>;
  customer(customerId: string): Promise<CustomerForecast>;
  accuracy(): Promise<Evaluation>;
  /** The store changed: the next request computes again. */
  changed(): void;
}

/** Every table the forecast reads. */
export const FORECAST_TABLES = ['customers', 'ledgers', 'promises', 'profiles', 'bills'] as const;

export async function readForecastStore(db: HuikuanDb): Promise<ForecastStore> {
  return db.transaction('r', [db.customers, db.ledgers, db.promises, db.profiles, db.bills], async () => {
    const [customers, { receivables, payments }, promises, profiles, bills] = await Promise.all([
      db.customers.toArray(), allDocuments(db), db.promises.toArray(), db.profiles.toArray(), db.bills.toArray(),
    ]);
    return { customers, receivables, payments, promises, profiles, bills };
  });
}

export function createForecastService(deps: ForecastServiceDeps): ForecastService {
  let generation = 0;
  let current: { key: string; value: Promise<StoreForecast> } | undefined;
  let accuracy: { key: string; value: Promise<Evaluation> } | undefined;
  const elapsed = deps.elapsed ?? (() => performance.now());

  const forecast = (): Promise<StoreForecast> => {
    const asOf = deps.today();
    const key = `${generation}|${asOf}`;
    if (current?.key !== key) {
      const value = (async () => {
        const [store, grace] = await Promise.all([deps.read(), deps.promiseGraceDays()]);
        const t0 = elapsed();
        const f = forecastStore(store, asOf, grace);
        f.portfolio.ms = Math.round(elapsed() - t0);
        return f;
      })();
      current = { key, value };
      value.catch(() => { if (current?.value === value) current = undefined; });
    }
    return current.value;
  };

  return {
    portfolio: async () => (await forecast()).portfolio,
    customer: async (customerId) => customerForecast(await forecast(), customerId),
    accuracy() {
      const key = `${generation}`;
      if (accuracy?.key !== key) {
        const value = deps.read().then(storeAccuracy);
        accuracy = { key, value };
        value.catch(() => { if (accuracy?.value === value) accuracy = undefined; });
      }
      return accuracy.value;
    },
    changed() { generation++; },
  };
}
