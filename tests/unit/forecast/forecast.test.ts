import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastPayments } from '@/lib';
import { type ForecastInvoice, SPRING_FESTIVAL, customerLateProbability, fitForecast } from '@/lib/forecast';
import { auc, evaluateForecast, evaluationDays, knownAt } from '@/lib/forecast/evaluate';
import { forecastHeadline, reasonText } from '@/lib/forecast/explain';
import { afterSpringHoliday, seasonsOf } from '@/lib/forecast/calendar';
import { paidInSpringHoliday } from '@/lib/forecast/model';
import { addDays, fromEpochDay, toEpochDay } from '@/lib/ledger/dates';
import { dayOf, isoOfDay } from '@/lib/forecast/days';
import { collectionsOf, monthEndOf, weekStart } from '@/lib/forecast/portfolio';
import { translator } from '@/lib/i18n';
import { fixtureLedger } from '../../fixtures/forecast/ledger';

const cny = (yuan: number) => ({ minor: yuan * 100, currency: 'CNY' });

/** A customer paying `delay` days after due on each of `n` monthly invoices issued from `from`. */
function history(
  customerId: string,
  n: number,
  delay: number | ((i: number) => number),
  from = '2026-01-05',
  opts: Partial<ForecastInvoice> = {},
): ForecastInvoice[] {
  return Array.from({ length: n }, (_, i) => {
    const issueDate = addDays(from, 30 * i);
    const dueDate = addDays(issueDate, 30);
    const d = typeof delay === 'number' ? delay : delay(i);
    return {
      id: `${customerId}-${i}`,
      customerId,
      issueDate,
      dueDate,
      amount: cny(1000),
      settledOn: addDays(dueDate, d),
      ...opts,
    };
  });
}

describe('forecastPayments on the fixture ledger (time-ordered evaluation of issue #24)', () => {
  const { invoices, customers } = fixtureLedger();
  const without = evaluateForecast(invoices, { useDisputes: false, customers });
  const withFlag = evaluateForecast(invoices, { useDisputes: true, customers });

  it('evaluates at each month start of the last 30 % of the file', () => {
    expect(without.asOfDays.length).toBeGreaterThanOrEqual(6);
    expect(without.asOfDays.every((d) => d.endsWith('-01'))).toBe(true);
    expect(without.forecasts).toBeGreaterThan(800);
  });

  it('meets the targets without the dispute flag: MAE ≤ 5 days, 10–90 % range covering 75–85 %, AUC ≥ 0.9', () => {
    console.info('fixture, no dispute flag', without);
    expect(without.mae).toBeLessThanOrEqual(5);
    expect(without.coverage).toBeGreaterThanOrEqual(0.75);
    expect(without.coverage).toBeLessThanOrEqual(0.85);
    expect(without.auc).toBeGreaterThanOrEqual(0.9);
  });

  it('meets the targets with the dispute flag: MAE ≤ 4 days', () => {
    console.info('fixture, with dispute flag', withFlag);
    expect(withFlag.mae).toBeLessThanOrEqual(4);
    expect(withFlag.coverage).toBeGreaterThanOrEqual(0.75);
    expect(withFlag.coverage).toBeLessThanOrEqual(0.85);
    expect(withFlag.auc).toBeGreaterThanOrEqual(0.9);
    expect(withFlag.mae).toBeLessThan(without.mae);
  });
});

describe('forecastPayments uses only what was known at asOf', () => {
  const { invoices, customers } = fixtureLedger({ customers: 30, months: 12 });
  const asOf = '2024-09-01';

  it('gives the same forecasts whether later settlements are in the input or not', () => {
    const full = forecastPayments(invoices, asOf, { customers });
    const known = forecastPayments(knownAt(invoices, asOf), asOf, { customers });
    expect(full).toEqual(known);
    expect(full.length).toBeGreaterThan(20);
  });

  it('changes nothing when later settlements move, disappear or invoices issued later are added', () => {
    const base = forecastPayments(invoices, asOf, { customers });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -40, max: 40 }), { minLength: invoices.length, maxLength: invoices.length }),
        (shifts) => {
          const changed = invoices.map((inv, i) => {
            if (!inv.settledOn || inv.settledOn <= asOf) return inv;
            const moved = addDays(inv.settledOn, shifts[i]);
            return { ...inv, settledOn: shifts[i] === 0 ? undefined : moved > asOf ? moved : addDays(asOf, 1) };
          });
          changed.push({
            id: 'later',
            customerId: 'C0001',
            issueDate: addDays(asOf, 3),
            dueDate: addDays(asOf, 33),
            amount: cny(5),
            settledOn: addDays(asOf, 4),
          });
          expect(forecastPayments(changed, asOf, { customers })).toEqual(base);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('returns every invoice issued by asOf and not settled by it, with the expected day after asOf inside its range', () => {
    const out = forecastPayments(invoices, asOf, { customers });
    const expectedIds = invoices
      .filter((i) => i.issueDate <= asOf && !(i.settledOn && i.settledOn <= asOf))
      .map((i) => i.id);
    expect(out.map((f) => f.id)).toEqual(expectedIds);
    for (const f of out) {
      expect(f.expectedDate > asOf).toBe(true);
      expect(f.from <= f.expectedDate && f.expectedDate <= f.to).toBe(true);
      expect(f.lateProbability).toBeGreaterThanOrEqual(0);
      expect(f.lateProbability).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic', () => {
    expect(forecastPayments(invoices, asOf, { customers })).toEqual(
      forecastPayments(invoices.slice(), asOf, { customers }),
    );
  });
});

describe('what the forecast learns', () => {
  const open = (customerId: string, issueDate: string, extra: Partial<ForecastInvoice> = {}): ForecastInvoice => ({
    id: `${customerId}-open`,
    customerId,
    issueDate,
    dueDate: addDays(issueDate, 30),
    amount: cny(5000),
    ...extra,
  });
  const openOne = (out: ReturnType<typeof forecastPayments>) => out.find((f) => f.id.endsWith('-open'))!;

  it('works with no history at all', () => {
    const [f] = forecastPayments([open('A', '2026-11-01')], '2026-11-05');
    expect(f.expectedDate > '2026-11-05').toBe(true);
    expect(f.reasons[0].key).toBe('everybody');
  });

  it('explains a customer with no payment history in words that fit it, in both languages', () => {
    // Two customers paying about 19 days early; a new one whose invoice is already 25 days overdue.
    const early = (id: string) => history(id, 10, (i) => -19 + (i % 3) - 1);
    const inv = [...early('E1'), ...early('E2'), open('NEW', '2026-09-01')];
    const asOf = '2026-10-26';
    const [alone] = forecastPayments(inv, asOf).filter((f) => f.id === 'NEW-open');
    expect(alone.reasons.map((r) => r.key)).toEqual(['everybody', 'overdue']);
    expect(forecastHeadline(alone, translator('en', 'forecast'), 'en')).toBe(
      'expected 27 Oct 2026: no payment history yet, so like all customers (19 days early on average), already 25 days overdue, later than customers usually pay, so expected soon',
    );
    expect(forecastHeadline(alone, translator('zh', 'forecast'), 'zh')).toBe(
      '预计 2026年10月27日：尚无付款记录，参照全部客户（平均提前 19 天付款），已逾期 25 天，晚于客户通常的付款时间，预计很快付款',
    );
    const customers = { E1: { segment: 'government' }, E2: { segment: 'government' }, NEW: { segment: 'government' } };
    const [similar] = forecastPayments(inv, asOf, { customers }).filter((f) => f.id === 'NEW-open');
    expect(forecastHeadline(similar, translator('en', 'forecast'), 'en')).toBe(
      'expected 27 Oct 2026: no payment history yet, so like similar customers (government, 19 days early on average), already 25 days overdue, later than similar customers usually pay, so expected soon',
    );
    expect(forecastHeadline(similar, translator('zh', 'forecast'), 'zh')).toBe(
      '预计 2026年10月27日：尚无付款记录，参照同类客户（政府，平均提前 19 天付款），已逾期 25 天，晚于同类客户通常的付款时间，预计很快付款',
    );
    // One paid, and an invoice not yet due but open longer than its own history says.
    const en = translator('en', 'forecast');
    const zh = translator('zh', 'forecast');
    expect(reasonText({ key: 'everybody', params: { days: 4, count: 1 } }, en, 'en')).toBe(
      'only 1 paid so far, so like all customers (4 days late on average)',
    );
    expect(reasonText({ key: 'similar', params: { days: 0, count: 2, segment: 'enterprise' } }, zh, 'zh')).toBe(
      '仅付过 2 张，参照同类客户（企业，平均在到期日付款）',
    );
    expect(reasonText({ key: 'overdue', params: { days: -3, basis: 'own' } }, en, 'en')).toBe(
      'still open later than its history explains, so expected soon',
    );
    expect(reasonText({ key: 'overdue', params: { days: 9 } }, zh, 'zh')).toBe(
      '已逾期 9 天，晚于其以往的付款规律，预计很快付款',
    );
  });

  it('keeps the sign of the delay: an early payer is expected before the due date, a late one after', () => {
    const asOf = '2026-11-02';
    const inv = [...history('E', 10, -6), ...history('L', 10, 12), open('E', '2026-11-01'), open('L', '2026-11-01')];
    const [early, late] = forecastPayments(inv, asOf).filter((f) => f.id.endsWith('-open'));
    expect(toEpochDay(early.expectedDate) - toEpochDay(early.dueDate)).toBeLessThan(-2);
    expect(toEpochDay(late.expectedDate) - toEpochDay(late.dueDate)).toBeGreaterThan(8);
    expect(early.lateProbability).toBeLessThan(0.3);
    expect(late.lateProbability).toBeGreaterThan(0.7);
    expect(early.reasons[0]).toEqual({ key: 'history', params: { days: expect.any(Number), count: 10 } });
    expect(Number(early.reasons[0].params.days)).toBeLessThan(0);
  });

  it('weights recent payments more: a customer that turned slow is expected late', () => {
    const inv = [...history('R', 12, (i) => (i < 8 ? -5 : 15)), open('R', '2026-12-20')];
    const f = forecastPayments(inv, '2026-12-21').find((x) => x.id === 'R-open')!;
    expect(toEpochDay(f.expectedDate) - toEpochDay(f.dueDate)).toBeGreaterThan(8);
  });

  it("chooses the location's recency from the book's own history: long memory when steady, short after a shift", () => {
    // Ten customers, 14 monthly invoices each, paid around their own level with a fixed ±4-day pattern.
    const noise = [3, -4, 1, 4, -2, -3, 2, 0, -1, 4, -4, 2, -2, 1];
    const book = (shift: (i: number) => number) =>
      Array.from({ length: 10 }, (_, c) =>
        history(`S${c}`, 14, (i) => c * 2 + noise[(i + c) % noise.length] + shift(i)),
      ).flat();
    const asOf = '2027-04-01';
    const steady = fitForecast(
      book(() => 0),
      asOf,
    ).learned.recency;
    const shifted = fitForecast(
      book((i) => (i < 7 ? 0 : 15)),
      asOf,
    ).learned.recency;
    expect(steady).toBeLessThanOrEqual(0.05);
    expect(shifted).toBeGreaterThanOrEqual(0.2);
    // A steady customer's last, unusually late payment moves its expected day less than a 0.3 recency would.
    const last = book(() => 0).map((x) => (x.id === 'S0-13' ? { ...x, settledOn: addDays(x.dueDate, 14) } : x));
    const f = openOne(forecastPayments([...last, open('S0', '2027-03-31')], asOf));
    expect(Number(f.reasons[0].params.days)).toBeLessThanOrEqual(2);
  });

  it('shrinks a short history towards similar customers', () => {
    const inv = [
      ...history('G1', 10, 20),
      ...history('G2', 10, 22),
      ...history('E1', 10, -3),
      ...history('NEW', 1, 0, '2026-09-01'),
      open('NEW', '2026-11-01'),
    ];
    const customers = {
      G1: { segment: 'government' },
      G2: { segment: 'government' },
      E1: { segment: 'enterprise' },
      NEW: { segment: 'government' },
    };
    const f = forecastPayments(inv, '2026-11-02', { customers }).find((x) => x.id === 'NEW-open')!;
    expect(f.reasons[0].key).toBe('similar');
    expect(toEpochDay(f.expectedDate) - toEpochDay(f.dueDate)).toBeGreaterThan(5);
  });

  it('an open dispute moves the expected day later by what disputes took before', () => {
    const past = history('D', 12, (i) => (i % 3 === 0 ? 14 : 0)).map((x, i) => ({ ...x, disputed: i % 3 === 0 }));
    const asOf = '2026-12-28';
    const calm = openOne(forecastPayments([...past, open('D', '2026-12-27')], asOf));
    const disputed = openOne(forecastPayments([...past, open('D', '2026-12-27', { disputed: true })], asOf));
    expect(toEpochDay(disputed.expectedDate) - toEpochDay(calm.expectedDate)).toBeGreaterThanOrEqual(5);
    expect(disputed.reasons.map((r) => r.key)).toContain('dispute');
  });

  it('learns the dispute offset within customers, and locates a customer whose invoices were all disputed from them', () => {
    // M's disputed invoices took 14 days longer than its other ones; every invoice of A was disputed, paid 4 days
    // early all the same. A's undisputed invoice is expected well before its due day (−4 less the 14 that disputes
    // add), not at everybody's undisputed mean (M's 0): its own history says it pays early.
    const m = history('M', 12, (i) => (i % 2 ? 14 : 0)).map((x, i) => ({ ...x, disputed: i % 2 === 1 }));
    const a = history('A', 8, -4).map((x) => ({ ...x, disputed: true }));
    const asOf = '2026-12-28';
    const model = fitForecast([...m, ...a], asOf);
    expect(model.learned.globalDispute).toBeCloseTo(14, 5);
    const f = openOne(forecastPayments([...m, ...a, open('A', '2026-12-27')], asOf));
    expect(toEpochDay(f.expectedDate) - toEpochDay(f.dueDate)).toBeLessThan(-10);
    expect(f.reasons[0]).toEqual({ key: 'history', params: { days: expect.any(Number), count: 8 } });
    expect(Number(f.reasons[0].params.days)).toBeLessThan(-12); // −18, shrunk a little towards everybody's mean
  });

  it('a customer paying in a monthly batch after its book-closing day is expected on a run day', () => {
    // Invoices due on the 1st, each paid on the 28th of the month it falls due: the run after closing on the 25th.
    const inv = [...history('B', 10, 27), open('B', '2026-11-01')];
    const customers = { B: { process: { bookClosingDay: 25, transferDays: 2 } } };
    const f = openOne(forecastPayments(inv, '2026-11-05', { customers }));
    expect(f.dueDate).toBe('2026-12-01');
    expect(f.expectedDate).toBe('2026-12-28'); // the 26th (the day after closing) + 2 days in transfer
    expect(f.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(['batch', 'transfer']));
    expect(forecastHeadline(f, translator('en', 'forecast'), 'en')).toBe(
      'expected 28 Dec 2026: pays 27 days late on average (9 paid), batch after the 25th, 2 days in transfer',
    );
    expect(forecastHeadline(f, translator('zh', 'forecast'), 'zh')).toContain('每月 25 日关账后集中付款');
  });

  it('moves a payment after the bank cut-off to next month', () => {
    const inv = [...history('K', 10, 0, '2026-01-28'), open('K', '2026-10-28')];
    const f = openOne(forecastPayments(inv, '2026-10-29', { customers: { K: { process: { bankClosingDay: 20 } } } }));
    expect(f.dueDate).toBe('2026-11-27');
    expect(f.expectedDate).toBe('2026-12-01');
    expect(f.reasons.map((r) => r.key)).toContain('bankCutoff');
  });

  it('nobody pays in the Spring Festival holiday', () => {
    // Due on 2027-02-06 (春节 2027), an on-time payer: moved to the first day after the holiday.
    const inv = [...history('S', 10, 0, '2026-01-02'), open('S', '2027-01-07')];
    const f = openOne(forecastPayments(inv, '2027-01-08'));
    expect(f.dueDate).toBe('2027-02-06');
    expect(f.expectedDate).toBe('2027-02-13');
    expect(f.reasons.map((r) => r.key)).toContain('springHoliday');
    const off = openOne(forecastPayments(inv, '2027-01-08', { springHoliday: false }));
    expect(off.expectedDate).toBe('2027-02-06');
  });

  it('learns from the history whether the Spring Festival holiday stops this book being paid', () => {
    // 40 customers invoiced every 3 days through 春节 2026 (17 Feb; holiday 16–23 Feb), each paid on its due day:
    // a book paid in the holiday as on any other day (customers abroad).
    const abroad = Array.from({ length: 40 }, (_, c) =>
      Array.from({ length: 40 }, (_, i) => {
        const issueDate = addDays('2025-12-01', 3 * i + (c % 3));
        const dueDate = addDays(issueDate, 30);
        return { id: `A${c}-${i}`, customerId: `A${c}`, issueDate, dueDate, amount: cny(100), settledOn: dueDate };
      }),
    ).flat();
    const asOf = '2026-05-01';
    const known = abroad.filter((i) => i.settledOn <= asOf);
    const settlements = known.map((i) => ({ settled: toEpochDay(i.settledOn!) }));
    expect(paidInSpringHoliday(settlements)).toBe(true);
    expect(fitForecast(known, asOf).learned.paidInSpringHoliday).toBe(true);
    // The same book with every holiday payment moved to the first day after it: the holiday holds.
    const chinese = known.map((i) =>
      i.settledOn >= '2026-02-16' && i.settledOn <= '2026-02-23' ? { ...i, settledOn: '2026-02-24' } : i,
    );
    expect(paidInSpringHoliday(chinese.map((i) => ({ settled: toEpochDay(i.settledOn!) })))).toBe(false);
    // An on-time payer's invoice due in 春节 2027: moved past the holiday only for the book that kept it.
    const due = { id: 'A0-open', customerId: 'A0', issueDate: '2027-01-07', dueDate: '2027-02-06', amount: cny(100) };
    const later = (book: ForecastInvoice[]) => [
      ...book,
      ...history('A0', 10, 0, '2026-03-01').map((i) => ({ ...i, id: `${i.id}x` })),
      due,
    ];
    expect(forecastPayments(later(known), '2027-01-08').find((f) => f.id === 'A0-open')!.expectedDate).toBe(
      '2027-02-06',
    );
    expect(forecastPayments(later(chinese), '2027-01-08').find((f) => f.id === 'A0-open')!.expectedDate).toBe(
      '2027-02-13',
    );
    // Too little history to tell: the rule holds (the product is for China first).
    expect(paidInSpringHoliday(settlements.slice(0, 10))).toBe(false);
  });

  it('a live promise moves the expected day, weighted by how often the customer kept its promises', () => {
    const inv = [...history('P', 10, 20), open('P', '2026-11-01')];
    const asOf = '2026-11-03';
    const promiseDay = '2026-12-03';
    const kept = Array.from({ length: 6 }, (_, i) => ({
      date: addDays('2026-05-01', 20 * i),
      status: 'kept' as const,
    }));
    const broken = kept.map((p) => ({ ...p, status: 'broken' as const }));
    const live = { date: promiseDay, status: 'pending' as const, madeOn: '2026-11-02' };
    const keeper = openOne(forecastPayments(inv, asOf, { customers: { P: { promises: [...kept, live] } } }));
    const breaker = openOne(forecastPayments(inv, asOf, { customers: { P: { promises: [...broken, live] } } }));
    expect(keeper.expectedDate).toBe(promiseDay);
    expect(keeper.reasons.find((r) => r.key === 'promise')!.params).toEqual({ date: promiseDay, kept: 88 });
    expect(breaker.expectedDate > promiseDay).toBe(true);
    // A promise made after asOf was not known that day.
    const unknown = openOne(
      forecastPayments(inv, asOf, { customers: { P: { promises: [...kept, { ...live, madeOn: '2026-11-10' }] } } }),
    );
    expect(unknown.reasons.map((r) => r.key)).not.toContain('promise');
  });

  it('an invoice already past due and still open is late for certain', () => {
    const inv = [...history('O', 10, -2), open('O', '2026-09-01')];
    const f = openOne(forecastPayments(inv, '2026-11-15'));
    expect(f.lateProbability).toBe(1);
    expect(f.reasons.map((r) => r.key)).toContain('overdue');
  });

  it('gives a customer-level late probability', () => {
    const inv = [...history('E', 10, -6), ...history('L', 10, 12)];
    const model = fitForecast(inv, '2026-12-31');
    expect(customerLateProbability(model, 'L')!).toBeGreaterThan(0.8);
    expect(customerLateProbability(model, 'E')!).toBeLessThan(0.2);
  });
});

describe('calendar', () => {
  it('holds the Spring Festival from 2010 to 2040, each between 21 January and 20 February', () => {
    const years = Object.keys(SPRING_FESTIVAL).map(Number);
    expect(years).toEqual(Array.from({ length: 31 }, (_, i) => 2010 + i));
    for (const [y, iso] of Object.entries(SPRING_FESTIVAL)) {
      expect(iso.slice(0, 4)).toBe(y);
      expect(iso >= `${y}-01-21` && iso <= `${y}-02-20`).toBe(true);
    }
    expect(SPRING_FESTIVAL[2026]).toBe('2026-02-17');
  });

  it('knows the seasons: year end, the weeks before the Spring Festival, a fiscal year end', () => {
    expect(seasonsOf(toEpochDay('2026-12-20'))).toEqual(['yearEnd']);
    expect(seasonsOf(toEpochDay('2026-02-01'))).toEqual(['preSpringFestival']);
    expect(seasonsOf(toEpochDay('2026-06-15'), 7)).toEqual(['fiscalYearEnd']);
    expect(seasonsOf(toEpochDay('2026-06-15'))).toEqual([]);
    expect(afterSpringHoliday(toEpochDay('2026-02-16'))).toBe(toEpochDay('2026-02-24'));
    expect(afterSpringHoliday(toEpochDay('2026-02-15'))).toBeUndefined();
  });
});

describe('evaluation helpers', () => {
  it('AUC counts ties half', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    expect(auc([0.5, 0.5], [false, true])).toBe(0.5);
  });

  it('evaluation days are the month starts after the first 70 % of invoices', () => {
    const inv = history('X', 20, 0, '2026-01-05');
    // The 15th of 20 invoices is issued on 2027-03-01; the last on 2027-07-28.
    expect(evaluationDays(inv)).toEqual(['2027-04-01', '2027-05-01', '2027-06-01', '2027-07-01']);
  });

  it('every reason has words in both languages', () => {
    const inv = [
      ...history('B', 10, 3),
      { id: 'o', customerId: 'B', issueDate: '2026-11-01', dueDate: '2026-12-01', amount: cny(1), disputed: true },
    ];
    const f = forecastPayments(inv, '2026-11-02', {
      customers: { B: { process: { bookClosingDay: 25, bankClosingDay: 27, transferDays: 1 } } },
    })[0];
    for (const lang of ['en', 'zh'] as const) {
      const t = translator(lang, 'forecast');
      for (const r of f.reasons) expect(reasonText(r, t, lang)).not.toMatch(/reason\.|\{\{/);
    }
  });
});

describe('day arithmetic and collections', () => {
  it("the forecast's integer day arithmetic agrees with lib/ledger/dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (n) => {
        const iso = fromEpochDay(n);
        expect(isoOfDay(n)).toBe(iso);
        expect(dayOf(iso)).toBe(n);
        expect(toEpochDay(iso)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('adds each open amount on its expected day: this week (Monday to Sunday), this month, 13 weeks, value at risk', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday: its week began on Monday the 16th
    expect(monthEndOf('2026-02-10')).toBe('2026-02-28');
    const f = (id: string, expectedDate: string, minor: number, currency: string, lateProbability: number) => ({
      id,
      customerId: id.slice(0, 1),
      expectedDate,
      from: expectedDate,
      to: expectedDate,
      lateProbability,
      dueDate: '2026-11-30',
      amount: { minor, currency },
      reasons: [],
    });
    const p = collectionsOf(
      [
        f('a1', '2026-11-20', 100, 'CNY', 0.5),
        f('a2', '2026-11-25', 200, 'CNY', 0),
        f('b1', '2026-12-01', 50, 'USD', 1),
        f('b2', '2027-06-01', 7, 'USD', 1),
      ],
      '2026-11-19',
    );
    expect(p.weekStarts[0]).toBe('2026-11-16');
    expect(p.byCurrency.CNY).toEqual({
      thisWeek: 100,
      thisMonth: 300,
      weeks: [100, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      open: 300,
      bills: 0,
    });
    expect(p.byCurrency.USD.thisMonth).toBe(0);
    expect(p.byCurrency.USD.weeks[2]).toBe(50);
    expect(p.byCurrency.USD.open).toBe(57);
    expect(p.atRisk).toEqual({ a: { CNY: 50 }, b: { USD: 57 } });
  });
});
