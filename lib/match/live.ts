/**
 * The worker's customer matcher, kept current as the store changes instead of rebuilt on every change. A record
 * page's request waits only for work that makes the answer right: the first read of the customers, re-reading the
 * few customers an edit touched, or a re-read after a bulk write (restore, import). It never waits for the fuzzy
 * postings to be rebuilt; those follow in small slices when nothing else is asking (see CustomerIndex).
 */
import { CustomerIndex, type MatchableCustomer } from './index';

export type LiveCustomer = MatchableCustomer & { updatedAt?: number };

export interface CustomerSource {
  readAll(): Promise<LiveCustomer[]>;
  /** The rows for these ids, `undefined` for ids no longer stored. */
  readSome(ids: string[]): Promise<Array<LiveCustomer | undefined>>;
  /** How many customers are stored and the latest `updatedAt`: a cheap check that the index has missed nothing. */
  stamp(): Promise<{ count: number; lastUpdatedAt: number }>;
}

export interface LiveMatcherOptions {
  /** Timer for the debounced bulk re-read and the fuzzy slices (injected so tests can drive it). */
  setTimeout(fn: () => void, ms: number): unknown;
  /**
   * Called after the index changed, with the ids that changed or 'all' (open pages' matches may be stale), once
   * the fuzzy postings are rebuilt too, so that matching open pages again costs no synchronous build.
   */
  onChanged?(ids: string[] | 'all'): void;
  /** Customers per fuzzy slice: about 5 ms of work at a time, so a request is never held up by the build. */
  sliceSize?: number;
  /** Wait after a bulk write before re-reading: imports and restores write in bursts of chunks. */
  bulkDelayMs?: number;
}

/** Which customer ids a Dexie `storagemutated` notification says changed: ids, 'all' (bulk or range), or none. */
export function changedCustomerIds(parts: Record<string, unknown>, dbName: string): string[] | 'all' | undefined {
  return changedKeys(parts, dbName, 'customers');
}

/**
 * Which keys of a table keyed by a string id a Dexie `storagemutated` notification says changed: the keys, 'all'
 * (a range, a cleared table, or more than 500 keys), or none.
 */
export function changedKeys(
  parts: Record<string, unknown>,
  dbName: string,
  table: string,
): string[] | 'all' | undefined {
  const part = parts[`idb://${dbName}/${table}/`];
  if (part === undefined) {
    // A notification for every table (a reopened page): anything may have changed.
    return 'all' in parts ? 'all' : undefined;
  }
  const ids: string[] = [];
  // A RangeSet, possibly a structured-clone copy without its prototype: a binary tree of { from, to, l, r }.
  const walk = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return true;
    const n = node as { from?: unknown; to?: unknown; l?: unknown; r?: unknown };
    if (!('from' in n)) return true;
    if (typeof n.from !== 'string' || n.from !== n.to) return false;
    ids.push(n.from);
    return walk(n.l) && walk(n.r) && ids.length <= 500;
  };
  return walk(part) ? ids : 'all';
}

export function createLiveMatcher(source: CustomerSource, opts: LiveMatcherOptions) {
  const index = new CustomerIndex();
  const sliceSize = opts.sliceSize ?? 250;
  const bulkDelayMs = opts.bulkDelayMs ?? 300;
  let lastUpdatedAt = 0;
  /** The tail of the queued reads; a request waits for the tail as it was when the request came. */
  let tail: Promise<void> = Promise.resolve();
  const pendingIds = new Set<string>();
  let bulkTimer: { start(): void } | undefined;
  let slicing = false;
  let notify: Array<string[] | 'all'> = [];

  const enqueue = (step: () => Promise<void>) => {
    tail = tail.then(step).catch((e: unknown) => console.warn('[huikuan] matcher refresh', e));
    return tail;
  };

  const note = (c: LiveCustomer) => {
    if ((c.updatedAt ?? 0) > lastUpdatedAt) lastUpdatedAt = c.updatedAt ?? 0;
  };

  const flushNotices = () => {
    const pending = notify;
    notify = [];
    if (pending.includes('all')) opts.onChanged?.('all');
    else if (pending.length) opts.onChanged?.([...new Set(pending.flat())]);
  };
  /** Rebuilds the fuzzy postings a slice per macrotask, then says what changed. */
  const sliceFuzzy = (changed: string[] | 'all') => {
    notify.push(changed);
    if (slicing) return;
    slicing = true;
    const step = () => {
      if (!index.buildFuzzySlice(sliceSize)) {
        opts.setTimeout(step, 0);
        return;
      }
      slicing = false;
      flushNotices();
    };
    opts.setTimeout(step, 0);
  };

  const reloadAll = () =>
    enqueue(async () => {
      const all = await source.readAll();
      lastUpdatedAt = 0;
      index.reset(all);
      all.forEach(note);
      sliceFuzzy('all');
    });

  const refreshPending = () =>
    enqueue(async () => {
      if (!pendingIds.size) return;
      const ids = [...pendingIds];
      pendingIds.clear();
      const rows = await source.readSome(ids);
      ids.forEach((id, i) => {
        const c = rows[i];
        if (c) {
          index.upsert(c);
          note(c);
        } else index.remove(id);
      });
      sliceFuzzy(ids);
    });

  /** A bulk write: re-read everything once the burst settles, or at once when a request needs the index. */
  const scheduleBulk = () => {
    if (bulkTimer) return;
    let started = false;
    const timer = {
      start: () => {
        if (started) return;
        started = true;
        if (bulkTimer === timer) bulkTimer = undefined;
        void reloadAll();
      },
    };
    bulkTimer = timer;
    opts.setTimeout(timer.start, bulkDelayMs);
  };

  void reloadAll();

  return {
    index,
    /** The index with every change known so far applied. */
    async current(): Promise<CustomerIndex> {
      bulkTimer?.start();
      await tail;
      return index;
    },
    /** The store says these customers (or, for a bulk write, any of them) changed. */
    changed(ids: string[] | 'all'): void {
      if (ids === 'all') {
        scheduleBulk();
        return;
      }
      if (!ids.length) return;
      for (const id of ids) pendingIds.add(id);
      void refreshPending();
    },
    /**
     * Something was written and nobody said what: compare the store's count and latest edit with what the index
     * holds, and re-read only if they differ. Requests do not wait for the check.
     */
    verify(): void {
      void source
        .stamp()
        .then((s) => {
          if (s.count !== index.size || s.lastUpdatedAt > lastUpdatedAt) scheduleBulk();
        })
        .catch((e: unknown) => console.warn('[huikuan] matcher check', e));
    },
  };
}

export type LiveMatcher = ReturnType<typeof createLiveMatcher>;
