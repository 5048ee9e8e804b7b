/**
 * The part of each customer's summary the in-page badge shows (its open amounts by due date), held in the worker's
 * memory and kept current from Dexie's change notices, so that painting a badge reads nothing from IndexedDB once
 * the worker is warm. Right after a bulk write (restore, import, rebuild of every summary) LevelDB is busy and a
 * single read can take a second; the badge must not queue behind that.
 *
 * Memory: only `openByDue`, packed per customer as one shared "due|currency" string and one float per entry (a
 * portfolio has a few hundred distinct due dates): about 4.6 MB at 10,000 customers and 140,000 open entries, where
 * the same entries as [due, currency, minor] arrays took 12 MB and the full summaries far more.
 *
 * Correctness: a read that started before a change notice for the same customer never overwrites what the notice
 * brought (each customer's last notice is numbered, and a read's answer is kept only for customers with no notice
 * since the read began). A notice for a whole table ('all') forgets everything and loads again.
 */
import type { CustomerSummary } from '../domain';

/**
 * What the badge needs of a summary: `headlineFigure` and `ladderStepFor` read nothing else. The ladder facts (the
 * disputed part, the latest attempts and promises) are kept as the summary has them: a few small tuples per customer.
 */
export type BadgeInputs = Pick<CustomerSummary, 'openByDue'> &
  Partial<
    Pick<CustomerSummary, 'type' | 'limitationDeadline' | 'ladder' | 'nextPromiseDate' | 'lastBrokenPromiseDate'>
  >;

interface Packed {
  keys: string[];
  minors: Float64Array;
  rest: Omit<BadgeInputs, 'openByDue'>;
}
const restOf = (s: CustomerSummary): Packed['rest'] => ({
  type: s.type,
  ...(s.limitationDeadline ? { limitationDeadline: s.limitationDeadline } : {}),
  ...(s.ladder ? { ladder: s.ladder } : {}),
  // The mail chip says the next promise, or that the last one was broken.
  ...(s.nextPromiseDate ? { nextPromiseDate: s.nextPromiseDate } : {}),
  ...(s.lastBrokenPromiseDate ? { lastBrokenPromiseDate: s.lastBrokenPromiseDate } : {}),
});

export interface SummarySource {
  /** Up to `limit` summaries whose customerId sorts after `after` (from the first when undefined), in key order. */
  readPage(after: string | undefined, limit: number): Promise<CustomerSummary[]>;
  /** The summaries of these customers, `undefined` where there is none. */
  readSome(ids: string[]): Promise<Array<CustomerSummary | undefined>>;
}

export interface BadgeInputsOptions {
  setTimeout(fn: () => void, ms: number): unknown;
  /** Summaries per page of the background load: small, so a badge's own read never waits long behind one. */
  pageSize?: number;
  /** Pause between pages, so the load leaves IndexedDB and the worker free most of the time. */
  pauseMs?: number;
  /** Wait after a bulk write before loading again: imports write in bursts. */
  bulkDelayMs?: number;
  /**
   * Called when a notice changed what is held for these customers (after the new figures are in memory), so that
   * open badges showing them can be pushed again.
   */
  onChanged?(ids: string[] | 'all'): void;
}

export function createBadgeInputs(source: SummarySource, opts: BadgeInputsOptions) {
  const pageSize = opts.pageSize ?? 200;
  const pauseMs = opts.pauseMs ?? 10;
  const bulkDelayMs = opts.bulkDelayMs ?? 300;
  /** Customer id → packed inputs, or null for "known to have no summary". */
  const held = new Map<string, Packed | null>();
  /** True once the load went through every summary and no bulk notice came since: a miss then means "none". */
  let complete = false;
  /** Bumped by every bulk notice: a load or read of an older generation is thrown away. */
  let generation = 0;
  let seq = 0;
  /** Each customer's latest notice number in this generation. */
  const lastNotice = new Map<string, number>();
  /** Reads on behalf of a badge in flight: the background load waits while there are any. */
  let urgent = 0;
  let loading = false;
  let bulkTimer = false;
  let loadStarted = false;
  const strings = new Map<string, string>();
  const intern = (s: string) => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };

  const pack = (s: CustomerSummary): Packed => ({
    keys: s.openByDue.map(([due, currency]) => intern(`${due}|${currency}`)),
    minors: Float64Array.from(s.openByDue, ([, , minor]) => minor),
    rest: restOf(s),
  });
  const unpack = (p: Packed): BadgeInputs => ({
    ...p.rest,
    openByDue: p.keys.map((k, i) => {
      const bar = k.indexOf('|');
      return [k.slice(0, bar), k.slice(bar + 1), p.minors[i]];
    }),
  });

  /** Keeps what a read found, for the customers with no notice since the read began. */
  const keep = (ids: string[], rows: Array<CustomerSummary | undefined>, startedAt: number, gen: number) => {
    if (gen !== generation) return;
    ids.forEach((id, i) => {
      if ((lastNotice.get(id) ?? 0) > startedAt) return;
      const row = rows[i];
      held.set(id, row ? pack(row) : null);
    });
  };

  const pause = (ms: number) => new Promise<void>((resolve) => opts.setTimeout(resolve, ms));

  /** Reads every summary a page at a time; starts over (after the burst settles) when a bulk notice comes. */
  const loadAll = async () => {
    if (loading) return;
    loading = true;
    try {
      let gen = generation;
      let after: string | undefined;
      while (!complete) {
        if (gen !== generation) {
          await pause(bulkDelayMs);
          gen = generation;
          after = undefined;
          continue;
        }
        if (urgent > 0) {
          await pause(pauseMs);
          continue;
        }
        const startedAt = seq;
        const page = await source.readPage(after, pageSize);
        if (gen !== generation) continue;
        keep(
          page.map((s) => s.customerId),
          page,
          startedAt,
          gen,
        );
        if (page.length < pageSize) complete = true;
        else {
          after = page[page.length - 1].customerId;
          await pause(pauseMs);
        }
      }
    } catch (e) {
      console.warn('[huikuan] badge inputs load', e);
    } finally {
      loading = false;
    }
  };

  return {
    /** Starts the background load (the owner calls it once the matcher, which a page needs first, is ready). */
    start(): void {
      if (loadStarted) return;
      loadStarted = true;
      void loadAll();
    },
    /** Whether every summary is in memory. */
    get complete(): boolean {
      return complete;
    },
    /** Customers held (with or without a summary). */
    get size(): number {
      return held.size;
    },
    /** The badge inputs of a customer; read from the store only when not in memory. */
    async get(customerId: string): Promise<BadgeInputs | undefined> {
      const have = held.get(customerId);
      if (have !== undefined) return have ? unpack(have) : undefined;
      // Complete and never changed since: there is no summary. A customer whose re-read failed is read here.
      if (complete && !lastNotice.has(customerId)) return undefined;
      const gen = generation;
      const startedAt = seq;
      urgent++;
      try {
        const [row] = await source.readSome([customerId]);
        keep([customerId], [row], startedAt, gen);
        return row ? { openByDue: row.openByDue, ...restOf(row) } : undefined;
      } finally {
        urgent--;
      }
    },
    /** The store says these customers' summaries (or, for 'all', any of them) changed. */
    changed(ids: string[] | 'all'): void {
      if (ids === 'all') {
        generation++;
        complete = false;
        held.clear();
        lastNotice.clear();
        strings.clear();
        // Everything is read from the store again until the load has it: open badges may be pushed at once.
        opts.onChanged?.('all');
        if (loadStarted && !loading && !bulkTimer) {
          bulkTimer = true;
          opts.setTimeout(() => {
            bulkTimer = false;
            void loadAll();
          }, bulkDelayMs);
        }
        return;
      }
      if (!ids.length) return;
      const n = ++seq;
      for (const id of ids) {
        lastNotice.set(id, n);
        held.delete(id);
      }
      const gen = generation;
      // Read again at once, so that the badge of an open page showing one of them is pushed the new figures.
      void source
        .readSome(ids)
        .then((rows) => {
          keep(ids, rows, n, gen);
          if (gen === generation) opts.onChanged?.(ids);
        })
        .catch((e: unknown) => console.warn('[huikuan] badge inputs refresh', e));
    },
  };
}

export type BadgeInputsCache = ReturnType<typeof createBadgeInputs>;
