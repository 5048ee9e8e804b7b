/**
 * The forecast over the user's own store: receivables and payments turned into forecast invoices (the ledger's
 * allocation gives each settled invoice its settlement day), the customers' facts (type, the nine questions,
 * promises), and what the pages show — expected collections per currency this week, this month and over the next
 * 13 weeks, the value at risk per customer, each customer's late probability, and the back-test on the user's
 * settled invoices. Pure: the worker reads the store and calls these (lib/forecast/service.ts); Node and the
 * browser test call the same functions on the same data.
 */
import type { Customer, PaymentProcessProfile, PaymentPromise, Payment, Receivable } from '../domain';
import { toIsoDay } from '../domain';
import { allocate } from '../ledger/allocate';
import { heldMinor, releaseDueDate } from '../ledger/retention';
import { addDays, daysBetween, toEpochDay } from '../ledger/dates';
import type { CustomerFacts } from './model';
import {
  type ForecastInvoice,
  type ForecastModel,
  type PaymentForecast,
  customerLateProbability,
  fitForecastSteps,
  forecastOpenSteps,
} from './index';
import { runSteps } from './model';
import { type Evaluation, evaluateForecast } from './evaluate';
import type { Bill } from '../toolkit/records';
import { billCashDate, cashToCome } from '../toolkit/bills';

export interface ForecastStore {
  customers: readonly Customer[];
  receivables: readonly Receivable[];
  payments: readonly Payment[];
  promises: readonly PaymentPromise[];
  profiles: readonly PaymentProcessProfile[];
  /** Acceptance bills and e-receivable certificates (schema version 10): their cash comes at maturity. */
  bills?: readonly Bill[];
}

/** China's budget year is the calendar year (预算法 第十八条: 自公历一月一日起，至十二月三十一日止). */
export const GOVERNMENT_FISCAL_START = 1;

/** What the forecast knows of each customer, from the store. */
export function customerFacts(
  store: Pick<ForecastStore, 'customers' | 'profiles' | 'promises'>,
  withPromises = true,
): Map<string, CustomerFacts> {
  const profiles = new Map(store.profiles.map((p) => [p.customerId, p]));
  const promises = new Map<string, PaymentPromise[]>();
  if (withPromises) {
    for (const p of store.promises) {
      let list = promises.get(p.customerId);
      if (!list) promises.set(p.customerId, (list = []));
      list.push(p);
    }
  }
  const out = new Map<string, CustomerFacts>();
  for (const c of store.customers) {
    const prof = profiles.get(c.id);
    const budgetBound = c.type === 'government' || prof?.budgetRequired === true;
    const fiscal = c.fiscalYearStartMonth ?? (c.type === 'government' ? GOVERNMENT_FISCAL_START : undefined);
    const process =
      prof &&
      (prof.bookClosingDay !== undefined || prof.bankClosingDay !== undefined || prof.transferDays !== undefined)
        ? { bookClosingDay: prof.bookClosingDay, bankClosingDay: prof.bankClosingDay, transferDays: prof.transferDays }
        : undefined;
    out.set(c.id, {
      segment: c.type,
      ...(budgetBound && fiscal !== undefined ? { fiscalYearStartMonth: fiscal } : {}),
      ...(process ? { process } : {}),
      ...(promises.has(c.id)
        ? {
            promises: promises.get(c.id)!.map((p) => ({
              date: p.date,
              status: p.status,
              madeOn: toIsoDay(new Date(p.createdAt)),
              receivableIds: p.receivableIds,
            })),
          }
        : {}),
    });
  }
  return out;
}

/**
 * Invoices as the forecast sees them: open ones with what is still open, settled ones with the day the ledger
 * settled them. Credit notes, cancelled and written-off documents, and invoices marked paid without a payment
 * day (nothing to learn from, nothing to expect) are left out.
 */
export function forecastInvoices(store: Pick<ForecastStore, 'receivables' | 'payments'>): ForecastInvoice[] {
  return runSteps(forecastInvoicesSteps(store));
}

/** Receivables allocated between two pauses of `forecastInvoicesSteps` (whole customers at a time). */
export const ALLOCATE_SLICE = 20_000;

/**
 * `forecastInvoices` in slices: the ledger's allocation runs per customer (payments only settle their own
 * customer's invoices, lib/ledger/allocate.ts), so whole customers are allocated ALLOCATE_SLICE receivables at a
 * time with a pause between; the invoices come out in the store's order, as one allocation would give them.
 */
export function* forecastInvoicesSteps(
  store: Pick<ForecastStore, 'receivables' | 'payments'>,
): Generator<void, ForecastInvoice[]> {
  const recsOf = new Map<string, Receivable[]>();
  for (const r of store.receivables) {
    let list = recsOf.get(r.customerId);
    if (!list) recsOf.set(r.customerId, (list = []));
    list.push(r);
  }
  const paysOf = new Map<string, Payment[]>();
  for (const p of store.payments) {
    let list = paysOf.get(p.customerId);
    if (!list) paysOf.set(p.customerId, (list = []));
    list.push(p);
  }
  const allocated = new Map<string, ReturnType<typeof allocate>[number]>();
  let recs: Receivable[] = [];
  let pays: Payment[] = [];
  const flush = () => {
    for (const item of allocate(recs, pays)) allocated.set(item.id, item);
    recs = [];
    pays = [];
  };
  for (const [customerId, list] of recsOf) {
    for (const r of list) recs.push(r);
    for (const p of paysOf.get(customerId) ?? []) pays.push(p);
    if (recs.length >= ALLOCATE_SLICE) {
      flush();
      yield;
    }
  }
  flush();
  yield;
  const out: ForecastInvoice[] = [];
  const all = store.receivables;
  for (let i = 0; i < all.length; i++) {
    if (i > 0 && i % ALLOCATE_SLICE === 0) yield;
    const r = allocated.get(all[i].id);
    if (!r) continue;
    if (r.kind !== 'invoice' || r.status === 'cancelled' || r.status === 'written-off') continue;
    if (r.openMinor <= 0 && !r.settledOn) continue;
    // A held retention (质保金) is expected from its release date, apart from the rest of its document.
    const held = heldMinor(r);
    if (held > 0) {
      if (r.openMinor > held) {
        out.push({
          id: r.id,
          customerId: r.customerId,
          issueDate: r.issueDate,
          dueDate: r.dueDate,
          amount: { minor: r.openMinor - held, currency: r.amount.currency },
          disputed: r.disputed,
        });
      }
      out.push({
        id: retentionForecastId(r.id),
        customerId: r.customerId,
        issueDate: r.issueDate,
        dueDate: releaseDueDate(r),
        amount: { minor: held, currency: r.amount.currency },
        disputed: r.disputed,
      });
      continue;
    }
    const inv: ForecastInvoice = {
      id: r.id,
      customerId: r.customerId,
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      amount: r.openMinor > 0 ? { minor: r.openMinor, currency: r.amount.currency } : r.amount,
      disputed: r.disputed,
    };
    if (r.openMinor <= 0 && r.settledOn) inv.settledOn = r.settledOn;
    out.push(inv);
  }
  return out;
}

/** The forecast's id for the held retention part of a document (its own row: it is due on another day). */
export const RETENTION_FORECAST_SUFFIX = '#retention';
export const retentionForecastId = (receivableId: string) => `${receivableId}${RETENTION_FORECAST_SUFFIX}`;

export const FORECAST_WEEKS = 13;

export interface CurrencyCollections {
  thisWeek: number;
  thisMonth: number;
  /** Minor units expected in each of the next 13 weeks (Monday to Sunday; the first is this week). */
  weeks: number[];
  /** Open minor units with a forecast. */
  open: number;
  /** Of these, the cash of acceptance bills and e-receivable certificates held, counted on their maturity days. */
  bills: number;
  /** The earliest maturity among them. */
  nextBillMaturity?: string;
}

export interface PortfolioForecast {
  asOf: string;
  /** Mondays of the 13 weeks. */
  weekStarts: string[];
  /** Last day of this month. */
  monthEnd: string;
  byCurrency: Record<string, CurrencyCollections>;
  /** Customer → currency → open minor units × late probability (the worklist's "value at risk"). */
  atRisk: Record<string, Record<string, number>>;
  invoices: number;
  /** The forecast itself took this long in the worker (ms). */
  ms?: number;
}

/** Monday of the week `asOf` is in. */
export function weekStart(asOf: string): string {
  const dow = (((toEpochDay(asOf) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: Monday = 0
  return addDays(asOf, -dow);
}

export function monthEndOf(asOf: string): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * Expected collections: each open invoice's open amount counts on its expected day (the figures the side panel
 * shows per invoice add up to these), and its value at risk is that amount times its late probability.
 */
export function collectionsOf(forecasts: readonly PaymentForecast[], asOf: string): PortfolioForecast {
  const monday = weekStart(asOf);
  const weekStarts = Array.from({ length: FORECAST_WEEKS }, (_, i) => addDays(monday, 7 * i));
  const monthEnd = monthEndOf(asOf);
  const byCurrency: Record<string, CurrencyCollections> = {};
  const atRisk: Record<string, Record<string, number>> = {};
  for (const f of forecasts) {
    const cur = f.amount.currency;
    const c = (byCurrency[cur] ??= {
      thisWeek: 0,
      thisMonth: 0,
      weeks: new Array<number>(FORECAST_WEEKS).fill(0),
      open: 0,
      bills: 0,
    });
    c.open += f.amount.minor;
    if (f.reasons.some((r) => r.key === 'bill')) {
      c.bills += f.amount.minor;
      if (!c.nextBillMaturity || f.expectedDate < c.nextBillMaturity) c.nextBillMaturity = f.expectedDate;
    }
    const week = Math.floor(daysBetween(monday, f.expectedDate) / 7);
    if (week < FORECAST_WEEKS) c.weeks[week] += f.amount.minor;
    if (week === 0) c.thisWeek += f.amount.minor;
    if (f.expectedDate <= monthEnd) c.thisMonth += f.amount.minor;
    const risk = Math.round(f.amount.minor * f.lateProbability);
    if (risk > 0) {
      const r = (atRisk[f.customerId] ??= {});
      r[cur] = (r[cur] ?? 0) + risk;
    }
  }
  return { asOf, weekStarts, monthEnd, byCurrency, atRisk, invoices: forecasts.length };
}

export interface StoreForecast {
  model: ForecastModel;
  forecasts: PaymentForecast[];
  portfolio: PortfolioForecast;
}

/** The forecast's id for a bill's cash. */
export const billForecastId = (billId: string) => `bill:${billId}`;

/**
 * The cash of every bill still held, on its maturity day (today for one matured and not yet collected): the
 * documents it paid are settled in the ledger, so no invoice forecast counts this money — the bill does. No late
 * probability is guessed for it; the panel warns about the acceptor instead.
 */
export function billForecasts(bills: readonly Bill[], asOf: string): PaymentForecast[] {
  return bills.filter(cashToCome).map((b) => {
    const day = billCashDate(b, asOf);
    return {
      id: billForecastId(b.id),
      customerId: b.customerId,
      expectedDate: day,
      from: day,
      to: day,
      lateProbability: 0,
      dueDate: b.maturityDate,
      amount: b.amount,
      reasons: [
        {
          key: 'bill' as const,
          params: {
            kind: b.kind,
            acceptor: b.acceptor,
            date: b.maturityDate,
            ...(b.number ? { number: b.number } : {}),
          },
        },
      ],
    };
  });
}

/** Fits the model on the store as it stands on `asOf` and forecasts every open invoice, and each held bill's cash. */
export function forecastStore(store: ForecastStore, asOf: string, promiseGraceDays = 0): StoreForecast {
  return runSteps(forecastStoreSteps(store, asOf, promiseGraceDays));
}

/** `forecastStore` in slices of a few milliseconds (it yields between them): the worker answers other messages. */
export function* forecastStoreSteps(
  store: ForecastStore,
  asOf: string,
  promiseGraceDays = 0,
): Generator<void, StoreForecast> {
  const invoices = yield* forecastInvoicesSteps(store);
  const opts = { customers: customerFacts(store), promiseGraceDays };
  const model = yield* fitForecastSteps(invoices, asOf, opts);
  const open = invoices.filter((i) => i.issueDate <= asOf && !(i.settledOn && i.settledOn <= asOf));
  // A bill whose payment was deleted by hand no longer settles anything: its cash is not counted either.
  const paymentIds = new Set(store.payments.map((p) => p.id));
  const bills = (store.bills ?? []).filter((b) => paymentIds.has(b.paymentId));
  yield;
  const forecasts = [...(yield* forecastOpenSteps(model, open, opts)), ...billForecasts(bills, asOf)];
  yield;
  return { model, forecasts, portfolio: collectionsOf(forecasts, asOf) };
}

export interface CustomerForecast {
  customerId: string;
  /** Probability that a new invoice of this customer is paid late (undefined with nothing learned at all). */
  lateProbability?: number;
  forecasts: PaymentForecast[];
}

export function customerForecast(f: StoreForecast, customerId: string): CustomerForecast {
  return {
    customerId,
    lateProbability: customerLateProbability(f.model, customerId),
    forecasts: f.forecasts
      .filter((x) => x.customerId === customerId)
      .sort((a, b) => (a.expectedDate < b.expectedDate ? -1 : a.expectedDate > b.expectedDate ? 1 : 0)),
  };
}

/**
 * The back-test on the user's settled invoices (the issue's time-ordered method). Promises are left out: a
 * promise's kept/broken status is today's, not what was known at each month start.
 */
export function storeAccuracy(store: ForecastStore): Evaluation {
  return evaluateForecast(forecastInvoices(store), { customers: customerFacts(store, false) });
}
