import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DayPoints, type PointSummary } from '@/lib/forecast/points';
import { bySettlement, sortPoints, weightedQuantile } from '@/lib/forecast/model';

const point = fc.record({
  day: fc.integer({ min: 20_000, max: 20_400 }),
  weight: fc.double({ min: 0.001, max: 5, noNaN: true }),
});

describe('the forecast inner loop (summed per day, one pass)', () => {
  it('gives the same median, 10–90 % range ends and late share as the sorted-points quantiles', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 20_000, max: 20_400 }),
        (pts, due) => {
          const days = Float64Array.from(pts, (p) => p.day);
          const weights = Float64Array.from(pts, (p) => p.weight);
          sortPoints({ days, weights, count: pts.length });
          const h = new DayPoints(8); // small on purpose: it has to grow
          h.reset(19_990);
          for (const p of pts) h.add(p.day, p.weight);
          const s: PointSummary = { expected: 0, from: 0, to: 0, late: 0, total: 0 };
          h.summarize(due, s);
          expect(s.expected).toBe(weightedQuantile(days, weights, pts.length, 0.5));
          expect(s.from).toBe(weightedQuantile(days, weights, pts.length, 0.1, true));
          expect(s.to).toBe(weightedQuantile(days, weights, pts.length, 0.9, true));
          const total = pts.reduce((a, p) => a + p.weight, 0);
          expect(s.late).toBeCloseTo(pts.filter((p) => p.day > due).reduce((a, p) => a + p.weight, 0) / total, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts empty again after reset, keeps only days after a given day, and refuses a day before its base', () => {
    const h = new DayPoints(4);
    h.reset(100);
    h.add(150, 1);
    h.reset(100);
    expect(h.empty).toBe(true);
    h.add(101, 1);
    h.add(103, 3);
    const after = new DayPoints();
    after.reset(100);
    after.addAfter(h, 101);
    expect([after.firstDay, after.lastDay, after.mass()]).toEqual([103, 103, 3]);
    const moved = new DayPoints();
    moved.reset(100);
    moved.addMoved(h, 101, (d) => d + 10);
    expect([moved.firstDay, moved.lastDay, moved.mass()]).toEqual([111, 113, 4]);
    expect(() => h.add(99, 1)).toThrow(RangeError);
  });

  it('orders settlements by day, then due day, then input order (as the comparator sort did)', () => {
    const k = fc.record({
      settled: fc.integer({ min: 19_000, max: 19_100 }),
      due: fc.integer({ min: 18_900, max: 19_100 }),
      tag: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(k, { maxLength: 300 }), (known) => {
        const expected = known.slice().sort((a, b) => a.settled - b.settled || a.due - b.due);
        expect(bySettlement(known)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
