import { describe, expect, it } from 'vitest';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { ALLOCATE_SLICE, type ForecastStore, forecastInvoices, forecastStore } from '@/lib/forecast/portfolio';
import { allocate } from '@/lib/ledger/allocate';
import { WARM_AFTER_MS, createForecastService } from '@/lib/forecast/service';
import { FORECAST_SLICE } from '@/lib/forecast';

const TODAY = '2026-11-20';
const NOW = Date.parse('2026-11-20T09:00:00+08:00');
const demo = (): ForecastStore => buildDemoPortfolio(TODAY, NOW);
const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));
const strip = <T extends { ms?: number }>(p: T): T => ({ ...p, ms: undefined });

/** The demo book with its open invoices copied `times` over (a large book of the same customers). */
function large(times: number): ForecastStore {
  const s = demo();
  const receivables = s.receivables.flatMap((r) =>
    Array.from({ length: times }, (_, i) => (i === 0 ? r : { ...r, id: `${r.id}~${i}` })),
  );
  return { ...s, receivables };
}

describe('the forecast in the worker (lib/forecast/service)', () => {
  it('allocates the ledger customer by customer in slices, with the same invoices as one allocation of the whole store', () => {
    const store = large(400);
    expect(store.receivables.length).toBeGreaterThan(2 * ALLOCATE_SLICE);
    // The reference: one allocation over the whole store (what forecastInvoices did before it was sliced).
    const whole = allocate(store.receivables as never, store.payments as never)
      .filter(
        (r) =>
          r.kind === 'invoice' &&
          r.status !== 'cancelled' &&
          r.status !== 'written-off' &&
          (r.openMinor > 0 || r.settledOn),
      )
      .map((r) => ({ id: r.id, open: r.openMinor, settledOn: r.openMinor <= 0 ? r.settledOn : undefined }));
    const sliced = forecastInvoices(store).map((i) => ({
      id: i.id,
      open: i.settledOn ? 0 : i.amount.minor,
      settledOn: i.settledOn,
    }));
    expect(sliced.length).toBeGreaterThan(1000);
    expect(sliced).toEqual(whole.map((w) => ({ ...w, open: w.settledOn ? 0 : w.open })));
  });

  it('answers other messages while it computes: the work is cut into slices with a pause between them', async () => {
    const store = large(100);
    let pauses = 0;
    const svc = createForecastService({
      read: async () => store,
      today: () => TODAY,
      promiseGraceDays: async () => 2,
      pause: () => {
        pauses++;
        return macrotask();
      },
    });
    const order: string[] = [];
    const done = svc.portfolio().then((p) => {
      order.push('forecast');
      return p;
    });
    // A message arriving just after the forecast started (the popup's worklist, a badge) is answered first.
    setTimeout(() => order.push('other message'), 0);
    const p = await done;
    expect(order).toEqual(['other message', 'forecast']);
    expect(p.invoices).toBeGreaterThan(2 * FORECAST_SLICE);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(p.invoices / FORECAST_SLICE));
    // Sliced or not, the same figures.
    expect(strip(p)).toEqual(strip(forecastStore(store, TODAY, 2).portfolio));
  });

  it('a change while it computes: the answer is the forecast of the store as it is after the change', async () => {
    const before = demo();
    const after: ForecastStore = {
      ...before,
      receivables: before.receivables.slice(0, Math.floor(before.receivables.length / 2)),
    };
    let reads = 0;
    let pauses = 0;
    const svc = createForecastService({
      read: async () => (reads++ === 0 ? before : after),
      today: () => TODAY,
      promiseGraceDays: async () => 0,
      pause: () => {
        if (++pauses === 2) svc.changed();
        return macrotask();
      },
    });
    const p = await svc.portfolio();
    expect(reads).toBe(2);
    expect(strip(p)).toEqual(strip(forecastStore(after, TODAY, 0).portfolio));
    expect(strip(p)).not.toEqual(strip(forecastStore(before, TODAY, 0).portfolio));
  });

  it('recomputes in the background once the store is quiet after a change, so the next request finds it ready', async () => {
    const store = demo();
    let reads = 0;
    const tasks: Array<{ task: () => void; ms: number }> = [];
    const svc = createForecastService({
      read: async () => {
        reads++;
        return store;
      },
      today: () => TODAY,
      promiseGraceDays: async () => 0,
      pause: macrotask,
      schedule: (task, ms) => {
        tasks.push({ task, ms });
      },
    });
    await svc.portfolio();
    expect(reads).toBe(1);
    // An import writes in many transactions: only the last change's task recomputes.
    svc.changed();
    svc.changed();
    expect(tasks.map((t) => t.ms)).toEqual([WARM_AFTER_MS, WARM_AFTER_MS]);
    tasks[0].task();
    expect(reads).toBe(1);
    tasks[1].task();
    await macrotask();
    expect(reads).toBe(2);
    const p = await svc.portfolio();
    const c = await svc.customer(store.customers[0].id);
    expect(reads).toBe(2); // answered from what the background computed
    expect(strip(p)).toEqual(strip(forecastStore(store, TODAY, 0).portfolio));
    expect(c.customerId).toBe(store.customers[0].id);
  });
});
