/**
 * The page watch's work is bounded whatever the page does: driven here by a virtual clock, a page that mutates
 * continuously, forges navigation events and runs long tasks.
 */
import {
  createPageWatch,
  HEARTBEAT_MS,
  UNREAD_AFTER_MS,
  WATCH_MS,
  type ReadStatus,
  type WatchEnv,
} from '@/lib/browser/pageWatch';

interface Page {
  href: string;
  title: string;
  name?: string;
  readCostMs: number;
  reads: number;
}

function virtualBrowser(page: Page) {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let onMutation: (() => void) | null = null;
  let longTask: ((ms: number) => void) | null = null;
  const env: WatchEnv = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
    whenIdle: (fn, timeout) => {
      env.setTimeout(fn, Math.min(timeout, 200));
    },
    observe: (fn) => {
      onMutation = fn;
      return {
        disconnect: () => {
          if (onMutation === fn) onMutation = null;
        },
      };
    },
    href: () => page.href,
    title: () => page.title,
    hidden: () => false,
    onLongTask: (fn) => {
      longTask = fn;
      return () => {
        longTask = null;
      };
    },
  };
  /** Runs every timer due up to `t`, in order; a read advances the clock by its cost. */
  const advanceTo = (t: number) => {
    for (;;) {
      const due = [...timers.entries()].filter(([, x]) => x.at <= t).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].fn();
    }
    now = Math.max(now, t);
  };
  return {
    env,
    get now() {
      return now;
    },
    advanceTo,
    mutate: () => onMutation?.(),
    get observing() {
      return onMutation !== null;
    },
    longTask: (ms: number) => longTask?.(ms),
    read: () => {
      page.reads++;
      now += page.readCostMs;
      return page.href.includes('/record/') ? { name: page.name } : null;
    },
  };
}

function setup(over: Partial<Page> = {}) {
  const page: Page = { href: 'https://crm.example/record/1', title: 'Loading', readCostMs: 2, reads: 0, ...over };
  const b = virtualBrowser(page);
  const reports: Array<[string | undefined | null, ReadStatus]> = [];
  let checks = 0;
  const watch = createPageWatch<{ name?: string }>(b.env, {
    wanted: () => page.href.includes('/record/'),
    read: b.read,
    complete: (v) => !!v.name,
    same: (a, c) => a?.name === c?.name && (a === null) === (c === null),
    report: (v, s) => void reports.push([v ? v.name : null, s]),
    check: () => void checks++,
  });
  return { page, b, watch, reports, checks: () => checks };
}

test('a page mutating a thousand times a second gets reads taking at most 5 % of the time while seeking', () => {
  const { page, b, watch } = setup({ readCostMs: 3 });
  watch.start();
  for (let t = 1; t <= 8000; t++) {
    b.advanceTo(t);
    b.mutate();
  }
  const cost = page.reads * page.readCostMs;
  expect(cost / 8000).toBeLessThanOrEqual(0.05 + 0.005);
  expect(page.reads).toBeGreaterThan(20);
});

test('once the record is read the observer is gone: mutations cost nothing, the heartbeat reads only on a title change', () => {
  const { page, b, watch, reports } = setup();
  watch.start();
  page.name = 'Acme Corp';
  b.mutate();
  b.advanceTo(b.now + 60);
  expect(reports.at(-1)).toEqual(['Acme Corp', 'settled']);
  expect(b.observing).toBe(false);
  const readsAfterSettle = page.reads;
  for (let t = 1; t <= 10_000; t++) {
    b.advanceTo(b.now + 1);
    b.mutate();
  }
  expect(page.reads).toBe(readsAfterSettle);
  page.title = 'Acme Corporation | Account';
  page.name = 'Acme Corporation';
  b.advanceTo(b.now + HEARTBEAT_MS);
  expect(page.reads).toBe(readsAfterSettle + 1);
  expect(reports.at(-1)).toEqual(['Acme Corporation', 'reading']);
});

test('forged navigation events cost one comparison; a real URL change reads the new page', () => {
  const { page, b, watch } = setup({ name: 'Acme' });
  watch.start();
  b.advanceTo(b.now + 1);
  const reads = page.reads;
  expect(reads).toBe(1);
  for (let i = 0; i < 10_000; i++) watch.locationChanged();
  b.advanceTo(b.now + 1);
  expect(page.reads).toBe(reads);
  page.href = 'https://crm.example/record/2';
  page.name = 'Globex';
  watch.locationChanged();
  // Not inside the page's navigation event: the read is a task of its own, right after.
  expect(page.reads).toBe(reads);
  b.advanceTo(b.now + 1);
  expect(page.reads).toBe(reads + 1);
  page.href = 'https://crm.example/list';
  watch.locationChanged();
  expect(b.observing).toBe(false);
});

test('a record never named is reported unread after a while and settled once at the end of the watch', () => {
  const { b, watch, reports } = setup();
  watch.start();
  b.advanceTo(UNREAD_AFTER_MS + 10);
  expect(reports.map((r) => r[1])).toContain('unread');
  b.advanceTo(WATCH_MS + 10);
  expect(reports.filter((r) => r[1] === 'settled')).toHaveLength(1);
  b.advanceTo(WATCH_MS * 3);
  expect(reports.filter((r) => r[1] === 'settled')).toHaveLength(1);
  expect(b.observing).toBe(false);
});

test('reads wait while the page runs long tasks', () => {
  const { page, b, watch } = setup();
  watch.start();
  b.advanceTo(500);
  const before = page.reads;
  b.longTask(400);
  b.mutate();
  b.advanceTo(b.now + 100);
  expect(page.reads).toBe(before);
  b.advanceTo(b.now + 1_500);
  expect(page.reads).toBe(before + 1);
});

test('the heartbeat runs the chip check once a second on a settled page, and nothing on other pages', () => {
  const { page, b, watch, checks } = setup({ name: 'Acme' });
  watch.start();
  b.advanceTo(5 * HEARTBEAT_MS + 10);
  expect(checks()).toBe(5);
  page.href = 'https://crm.example/home';
  b.advanceTo(b.now + HEARTBEAT_MS);
  const reads = page.reads;
  b.advanceTo(b.now + 10 * HEARTBEAT_MS);
  expect(page.reads).toBe(reads);
});
