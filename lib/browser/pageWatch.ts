/**
 * When the content script reads the page, with bounded work whatever the page does (uBlock Origin's rule).
 *
 * - Seeking (after a navigation, until the record is read or WATCH_MS pass): one MutationObserver on the document
 *   (child lists only — no attributes, no character data) marks the page dirty; reads run at most once per
 *   `gap`, which grows with what a read costs (≤ 5 % of the time) and while the page runs long tasks, and a read
 *   never starts inside a long-task streak (it waits for an idle moment, up to a second).
 * - Settled (the record is read, or the watch gave up): the observer is gone. A heartbeat once a second (every
 *   five while the tab is hidden) compares three cheap values — the URL, the title and what `check` looks at
 *   (the badge still mounted) — and reads again only when the title changed.
 * - A URL change (Navigation API, popstate, hashchange) starts seeking again; an event without a real URL change
 *   costs one string comparison, so forged events cost next to nothing.
 *
 * Everything time-related comes in through `env`, so the unit tests drive it with a fake clock.
 */

export interface WatchEnv {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Runs `fn` when the page is idle, or after `timeout` ms at the latest. */
  whenIdle(fn: () => void, timeout: number): void;
  observe(onMutation: () => void): { disconnect(): void };
  href(): string;
  title(): string;
  hidden(): boolean;
  /** Subscribes to long tasks of the page (PerformanceObserver 'longtask'); returns an unsubscribe. */
  onLongTask?(fn: (durationMs: number) => void): () => void;
}

export type ReadStatus = 'reading' | 'unread' | 'settled';

export interface WatchHooks<T> {
  /** From the URL alone: is this a page to read? On other pages nothing but the heartbeat's URL check runs. */
  wanted(): boolean;
  /** Reads the page; `null` when there is nothing to read. */
  read(): T | null;
  /** Whether a read found all it looks for (the record's name or address): seeking stops. */
  complete(value: T): boolean;
  /**
   * A read that differs from the last one ('reading'); 'unread' when a record page is still not read after
   * UNREAD_AFTER_MS; 'settled' once, when seeking ends (read, or given up at WATCH_MS).
   */
  report(value: T | null, status: ReadStatus): void;
  /** Compares two reads. */
  same(a: T | null, b: T | null): boolean;
  /** Cheap check run by the heartbeat (keeps the badge mounted, placed and guarded). */
  check?(): void;
}

/** How long to keep looking for a record whose DOM arrives late. */
export const WATCH_MS = 15_000;
/** A record page still unread after this long is reported settled (the chip says it could not read it). */
export const UNREAD_AFTER_MS = 8_000;
export const HEARTBEAT_MS = 1_000;
export const HIDDEN_HEARTBEAT_MS = 5_000;
const MIN_GAP_MS = 50;
const MAX_GAP_MS = 1_000;
/** A change after this long without a read is read at once (the record arriving), not after `gap`. */
const QUIET_MS = 100;
/** Reads may take at most this share of the page's time. */
const READ_SHARE = 0.05;

export function createPageWatch<T>(env: WatchEnv, hooks: WatchHooks<T>) {
  let last: T | null = null;
  let lastHref = '';
  let lastTitle = '';
  let phase: 'idle' | 'seeking' | 'settled' | 'stopped' = 'stopped';
  let seekStarted = 0;
  let observer: { disconnect(): void } | null = null;
  let timer: number | undefined;
  let heartbeat: number | undefined;
  let lastReadAt = -Infinity;
  let lastCost = 0;
  let gap = MIN_GAP_MS;
  /** The end of the page's latest long task (epoch of env.now()). */
  let busyUntil = -Infinity;
  let unreadReported = false;
  /** Bumped by every navigation: a deadline timer of an earlier page does nothing. */
  let generation = 0;
  const stopLongTasks = env.onLongTask?.((ms) => {
    busyUntil = env.now() + Math.min(ms, 500);
    gap = Math.min(MAX_GAP_MS, gap * 2);
  });

  const doRead = () => {
    const t0 = env.now();
    const value = hooks.read();
    lastCost = env.now() - t0;
    lastReadAt = env.now();
    gap = Math.min(MAX_GAP_MS, Math.max(MIN_GAP_MS, lastCost / READ_SHARE, env.now() < busyUntil ? gap : gap / 2));
    lastTitle = env.title();
    return value;
  };

  const settle = (value: T | null) => {
    phase = 'settled';
    observer?.disconnect();
    observer = null;
    if (timer !== undefined) env.clearTimeout(timer);
    timer = undefined;
    hooks.report(value, 'settled');
  };

  /** One read in the seeking phase: report changes, settle when complete or when the watch is over. */
  const seekStep = () => {
    timer = undefined;
    if (phase !== 'seeking') return;
    const value = doRead();
    const elapsed = env.now() - seekStarted;
    if (value && hooks.complete(value)) {
      last = value;
      settle(value);
      return;
    }
    if (elapsed >= WATCH_MS) {
      last = value;
      settle(value);
      return;
    }
    if (value && elapsed >= UNREAD_AFTER_MS && !unreadReported) {
      unreadReported = true;
      last = value;
      hooks.report(value, 'unread');
    } else if (!hooks.same(value, last)) {
      last = value;
      hooks.report(value, 'reading');
    }
  };

  const scheduleRead = () => {
    if (timer !== undefined || phase !== 'seeking') return;
    const since = env.now() - lastReadAt;
    if (since > QUIET_MS && env.now() >= busyUntil) {
      seekStep();
      return;
    }
    timer = env.setTimeout(
      () => {
        // Not inside the page's long-task streak: wait for a quiet moment (a second at most).
        if (env.now() < busyUntil) env.whenIdle(seekStep, MAX_GAP_MS);
        else seekStep();
      },
      Math.max(0, gap - since),
    );
  };

  const seek = () => {
    lastHref = env.href();
    const gen = ++generation;
    observer?.disconnect();
    observer = null;
    if (!hooks.wanted()) {
      // Not a page this script reads (a list view, another app on the host): no observer, nothing read.
      const was = phase;
      phase = 'idle';
      if (was !== 'idle' && last !== null) {
        last = null;
        hooks.report(null, 'settled');
      }
      return;
    }
    phase = 'seeking';
    seekStarted = env.now();
    unreadReported = false;
    observer = env.observe(scheduleRead);
    // The first read runs as a task of its own, not inside the page's navigation event (whose handler may be
    // rendering the next record right now).
    if (timer !== undefined) env.clearTimeout(timer);
    timer = env.setTimeout(seekStep, 0);
    // Deadlines, even on a page that never mutates again.
    for (const at of [UNREAD_AFTER_MS, WATCH_MS])
      env.setTimeout(() => {
        if (gen === generation && phase === 'seeking') seekStep();
      }, at);
  };

  const beat = () => {
    heartbeat = undefined;
    if (phase === 'stopped') return;
    if (env.href() !== lastHref) seek();
    else if (phase === 'settled' && env.title() !== lastTitle) {
      // The title changed without a navigation (a record renamed, a console tab switched): read once.
      const value = doRead();
      if (!hooks.same(value, last)) {
        last = value;
        if (value && hooks.complete(value)) hooks.report(value, 'reading');
        else seek();
      }
    }
    // (a hook may have stopped the watch)
    if ((phase as string) !== 'stopped') {
      hooks.check?.();
      heartbeat = env.setTimeout(beat, env.hidden() ? HIDDEN_HEARTBEAT_MS : HEARTBEAT_MS);
    }
  };

  /** A possible navigation (page events may be forged): acts only when the URL really changed. */
  function locationChanged(): void {
    if (phase === 'stopped' || env.href() === lastHref) return;
    seek();
  }

  return {
    start() {
      if (phase !== 'stopped') return;
      phase = 'idle';
      seek();
      heartbeat = env.setTimeout(beat, HEARTBEAT_MS);
    },
    stop() {
      phase = 'stopped';
      observer?.disconnect();
      observer = null;
      for (const t of [timer, heartbeat]) if (t !== undefined) env.clearTimeout(t);
      timer = heartbeat = undefined;
      stopLongTasks?.();
    },
    locationChanged,
    /** Reads again now (the worker asked, e.g. after a link), whatever the phase. */
    reread() {
      last = null;
      if (phase === 'seeking') seekStep();
      else if (phase !== 'stopped') seek();
    },
    get phase() {
      return phase;
    },
    get last() {
      return last;
    },
  };
}
