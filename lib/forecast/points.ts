/**
 * The days an open invoice may be paid on, as weights per whole day (a histogram from a base day). The forecast
 * adds a few dozen points per invoice; summing them per day replaces sorting and merging them, and one buffer
 * serves every invoice of a call (no allocation per invoice). Points on the same day are one atom, as in
 * `weightedQuantile` (lib/forecast/model.ts), whose answers `summarize` gives in one pass.
 */

/** What `summarize` writes: the median, the mid-distribution 10th and 90th percentiles, the share after `due`. */
export interface PointSummary {
  expected: number;
  from: number;
  to: number;
  late: number;
  total: number;
}

export class DayPoints {
  private w: Float64Array;
  private base = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = -1;

  constructor(size = 512) {
    this.w = new Float64Array(size);
  }

  /** Empties the points and sets the first day a point may fall on (earlier ones are refused). */
  reset(base: number): void {
    if (this.hi >= 0) this.w.fill(0, this.lo, this.hi + 1);
    this.base = base;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = -1;
  }

  /** Adds `weight` on `day` (a whole day on or after the base day). */
  add(day: number, weight: number): void {
    const i = day - this.base;
    if (i < 0 || i >= this.w.length) {
      if (i < 0) throw new RangeError(`day ${day} before the base day ${this.base}`);
      this.grow(i);
    }
    this.w[i] += weight;
    if (i < this.lo) this.lo = i;
    if (i > this.hi) this.hi = i;
  }

  private grow(i: number): void {
    let size = this.w.length * 2;
    while (size <= i) size *= 2;
    const next = new Float64Array(size);
    next.set(this.w);
    this.w = next;
  }

  /** Adds the points of `src` on days after `after`. */
  addAfter(src: DayPoints, after: number): void {
    const w = src.w;
    for (let i = Math.max(src.lo, after + 1 - src.base); i <= src.hi; i++) if (w[i] !== 0) this.add(src.base + i, w[i]);
  }

  /** Adds the points of `src`, each day moved by `move` (once per day), where the moved day is after `after`. */
  addMoved(src: DayPoints, after: number, move: (day: number) => number): void {
    const w = src.w;
    for (let i = src.lo; i <= src.hi; i++) {
      if (w[i] === 0) continue;
      const d = move(src.base + i);
      if (d > after) this.add(d, w[i]);
    }
  }

  /** The first and last day holding a point (NaN when empty), and the weight on a day. */
  get firstDay(): number {
    return this.hi < 0 ? NaN : this.base + this.lo;
  }

  get lastDay(): number {
    return this.hi < 0 ? NaN : this.base + this.hi;
  }

  weightOn(day: number): number {
    const i = day - this.base;
    return i >= 0 && i < this.w.length ? this.w[i] : 0;
  }

  get empty(): boolean {
    return this.hi < 0;
  }

  mass(): number {
    let m = 0;
    for (let i = this.lo; i <= this.hi; i++) m += this.w[i];
    return m;
  }

  scale(f: number): void {
    for (let i = this.lo; i <= this.hi; i++) this.w[i] *= f;
  }

  /**
   * The median (the first day whose cumulative weight reaches half), the 10th and 90th percentiles with each day
   * counting half below and half above itself (mid-distribution: a 10–90 % range of whole days covers about
   * 80 %), and the share of the weight on days after `due`. Empty: NaN days.
   */
  summarize(due: number, out: PointSummary): PointSummary {
    const w = this.w;
    let total = 0;
    let late = 0;
    const dueI = due - this.base;
    for (let i = this.lo; i <= this.hi; i++) {
      total += w[i];
      if (i > dueI) late += w[i];
    }
    const t10 = 0.1 * total - 1e-9;
    const t50 = 0.5 * total - 1e-9;
    const t90 = 0.9 * total - 1e-9;
    let from = -1;
    let expected = -1;
    let to = -1;
    let below = 0;
    for (let i = this.lo; i <= this.hi; i++) {
      const atom = w[i];
      if (atom === 0) continue;
      if (from < 0 && below + atom / 2 >= t10) from = i;
      if (expected < 0 && below + atom >= t50) expected = i;
      if (below + atom / 2 >= t90) {
        to = i;
        break;
      }
      below += atom;
    }
    const last = this.hi;
    out.expected = this.base + (expected < 0 ? last : expected);
    out.from = this.base + (from < 0 ? last : from);
    out.to = this.base + (to < 0 ? last : to);
    out.late = total > 0 ? late / total : 0;
    out.total = total;
    if (this.hi < 0) {
      out.expected = NaN;
      out.from = NaN;
      out.to = NaN;
    }
    return out;
  }
}
