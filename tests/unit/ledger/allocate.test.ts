import fc from 'fast-check';
import { allocate, allocateWithCredit } from '../../../lib/ledger/allocate';
import { inv, pay } from '../support/receivables';

describe('allocate', () => {
  it('applies explicit allocations first, then oldest due date first', () => {
    const rs = [
      inv({ id: 'a', minor: 1000, due: '2024-01-10' }),
      inv({ id: 'b', minor: 1000, due: '2024-02-10' }),
      inv({ id: 'c', minor: 1000, due: '2024-03-10' }),
    ];
    const ps = [pay({ id: 'p1', minor: 1500, date: '2024-03-01', allocations: [{ receivableId: 'c', minor: 1000 }] })];
    const out = allocate(rs, ps);
    expect(out.map((r) => r.openMinor)).toEqual([500, 1000, 0]);
    expect(out[2].settledOn).toBe('2024-03-01');
  });

  it('breaks due-date ties by issue date then document number', () => {
    const rs = [
      inv({ id: 'x', docNumber: 'B', minor: 100, due: '2024-01-10', issueDate: '2023-12-01' }),
      inv({ id: 'y', docNumber: 'A', minor: 100, due: '2024-01-10', issueDate: '2023-12-01' }),
      inv({ id: 'z', docNumber: 'C', minor: 100, due: '2024-01-10', issueDate: '2023-11-01' }),
    ];
    const out = allocate(rs, [pay({ id: 'p', minor: 150, date: '2024-01-20' })]);
    expect(out.map((r) => [r.id, r.openMinor])).toEqual([
      ['x', 100],
      ['y', 50],
      ['z', 0],
    ]);
  });

  it('never applies a payment across currencies and reports overpayment as unapplied credit', () => {
    const rs = [
      inv({ id: 'cny', minor: 1000, due: '2024-01-10' }),
      inv({ id: 'usd', minor: 300, due: '2024-01-01', currency: 'USD' }),
    ];
    const res = allocateWithCredit(rs, [pay({ id: 'p', minor: 500, date: '2024-02-01', currency: 'USD' })]);
    expect(res.items.map((r) => r.openMinor)).toEqual([1000, 0]);
    expect(res.unapplied).toEqual({ USD: 200 });
    expect(res.unappliedByCustomer).toEqual({ c1: { USD: 200 } });
  });

  it('credit notes reduce the oldest open invoices; write-offs reduce their own invoice', () => {
    const rs = [
      inv({ id: 'a', minor: 1000, due: '2024-01-10', writtenOff: 300 }),
      inv({ id: 'b', minor: 1000, due: '2024-02-10' }),
      inv({ id: 'cn', kind: 'credit-note', minor: 900, due: '2024-02-15', issueDate: '2024-02-15' }),
    ];
    const out = allocate(rs, []);
    expect(out.map((r) => r.openMinor)).toEqual([0, 800, 0]);
    expect(out[0].settledOn).toBe('2024-02-15');
  });

  it('respects cancelled, written-off and paid statuses', () => {
    const rs = [
      inv({ id: 'a', minor: 1000, due: '2024-01-01', status: 'cancelled' }),
      inv({ id: 'b', minor: 1000, due: '2024-01-02', status: 'written-off' }),
      inv({ id: 'c', minor: 1000, due: '2024-01-03', status: 'paid' }),
      inv({ id: 'd', minor: 1000, due: '2024-01-04' }),
    ];
    const res = allocateWithCredit(rs, [pay({ id: 'p', minor: 600, date: '2024-02-01' })]);
    expect(res.items.map((r) => r.openMinor)).toEqual([0, 0, 0, 400]);
    expect(res.unapplied).toEqual({});
  });

  it('settledOn is the date the balance reached zero (latest contributing payment)', () => {
    const rs = [inv({ id: 'a', minor: 1000, due: '2024-01-01' })];
    const ps = [
      pay({ id: 'late', minor: 400, date: '2024-03-01', allocations: [{ receivableId: 'a', minor: 400 }] }),
      pay({ id: 'early', minor: 600, date: '2024-02-01' }),
    ];
    expect(allocate(rs, ps)[0]).toMatchObject({ openMinor: 0, settledOn: '2024-03-01' });
  });

  it('caps explicit allocations at the open amount and returns the rest to the pool', () => {
    const rs = [inv({ id: 'a', minor: 100, due: '2024-01-01' }), inv({ id: 'b', minor: 100, due: '2024-02-01' })];
    const ps = [pay({ id: 'p', minor: 150, date: '2024-03-01', allocations: [{ receivableId: 'b', minor: 150 }] })];
    expect(allocate(rs, ps).map((r) => r.openMinor)).toEqual([50, 0]);
  });

  const currency = fc.constantFrom('CNY', 'USD');
  const day = fc.integer({ min: 0, max: 60 }).map((n) => `2024-01-${String(1 + (n % 28)).padStart(2, '0')}`);
  const recArb = fc.record({
    minor: fc.integer({ min: 1, max: 100_000 }),
    due: day,
    currency,
    customerId: fc.constantFrom('c1', 'c2'),
    credit: fc.boolean(),
    wo: fc.integer({ min: 0, max: 100 }),
  });
  const payArb = fc.record({
    minor: fc.integer({ min: 1, max: 150_000 }),
    date: day,
    currency,
    customerId: fc.constantFrom('c1', 'c2'),
    alloc: fc.array(fc.record({ idx: fc.nat(), minor: fc.integer({ min: 1, max: 50_000 }) }), { maxLength: 2 }),
  });

  it('conserves money and never goes negative (property)', () => {
    fc.assert(
      fc.property(fc.array(recArb, { maxLength: 12 }), fc.array(payArb, { maxLength: 8 }), (recSpecs, paySpecs) => {
        const rs = recSpecs.map((s, i) =>
          inv({
            id: `r${i}`,
            minor: s.minor,
            due: s.due,
            currency: s.currency,
            customerId: s.customerId,
            kind: s.credit && i % 3 === 0 ? 'credit-note' : 'invoice',
            writtenOff: Math.min(s.wo, s.minor),
          }),
        );
        const ps = paySpecs.map((s, i) =>
          pay({
            id: `p${i}`,
            minor: s.minor,
            date: s.date,
            currency: s.currency,
            customerId: s.customerId,
            allocations: rs.length
              ? s.alloc.map((a) => ({ receivableId: rs[a.idx % rs.length].id, minor: a.minor }))
              : [],
          }),
        );
        const res = allocateWithCredit(rs, ps);
        for (const cur of ['CNY', 'USD']) {
          const net = (r: (typeof rs)[number]) => r.amount.minor - r.writtenOff;
          const invoices = rs
            .filter((r) => r.kind === 'invoice' && r.amount.currency === cur)
            .reduce((s, r) => s + net(r), 0);
          const credits = rs
            .filter((r) => r.kind === 'credit-note' && r.amount.currency === cur)
            .reduce((s, r) => s + net(r), 0);
          const payments = ps.filter((p) => p.amount.currency === cur).reduce((s, p) => s + p.amount.minor, 0);
          const open = res.items.filter((r) => r.amount.currency === cur).reduce((s, r) => s + r.openMinor, 0);
          const applied = res.applications
            .filter((a) => rs.find((r) => r.id === a.receivableId)!.amount.currency === cur)
            .reduce((s, a) => s + a.minor, 0);
          const unapplied = res.unapplied[cur] ?? 0;
          expect(open + applied).toBe(invoices);
          expect(applied + unapplied).toBe(credits + payments);
          expect(open).toBe(invoices - credits - payments + unapplied);
        }
        for (const r of res.items) {
          expect(r.openMinor).toBeGreaterThanOrEqual(0);
          expect(r.openMinor).toBeLessThanOrEqual(r.amount.minor);
        }
        for (const v of Object.values(res.unapplied)) expect(v).toBeGreaterThanOrEqual(0);
        // Money is never left unapplied while an open invoice of the same customer and currency still owes (the
        // oldest-first sweep must reach every open invoice, however many were settled before it).
        for (const [cid, byCur] of Object.entries(res.unappliedByCustomer)) {
          for (const [cur, left] of Object.entries(byCur)) {
            if (left <= 0) continue;
            const owing = res.items.filter(
              (r) =>
                r.customerId === cid &&
                r.amount.currency === cur &&
                r.kind === 'invoice' &&
                r.status === 'open' &&
                r.openMinor > 0,
            );
            expect(owing).toEqual([]);
          }
        }
        // Applications stay inside one customer and one currency.
        for (const a of res.applications) {
          const r = rs.find((x) => x.id === a.receivableId)!;
          const src =
            a.source === 'payment' ? ps.find((p) => p.id === a.sourceId)! : rs.find((x) => x.id === a.sourceId)!;
          expect(src.customerId).toBe(r.customerId);
          expect(src.amount.currency).toBe(r.amount.currency);
        }
      }),
      { numRuns: 300 },
    );
  });
});
