/**
 * Polling for the browser tests: wait until a condition holds instead of sleeping a fixed time and hoping the
 * worker, the page or the browser got there first. A loaded machine (two test files at a time, other work beside)
 * only makes the wait longer; on timeout the failure says what was awaited and the last value seen.
 */
import { inspect } from 'node:util';

export interface WaitOptions<T> {
  /** What is awaited, as the failure message names it ("the worklist to settle"). */
  what: string;
  /** Milliseconds before giving up (default 15 s). */
  timeout?: number;
  /** Milliseconds between polls (default 100). */
  interval?: number;
  /** When the polled value counts as done; the default is truthiness. */
  until?: (value: T) => boolean;
}

/** How a value is shown in a timeout message: short, one line. */
export function describe(value: unknown): string {
  const s = inspect(value, { depth: 4, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 300 });
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
}

/**
 * Calls `fn` until its value is done (`until`, else truthy) and returns that value. An error thrown by `fn` counts as
 * not done yet (a page still loading, a target not there yet) and is reported if it was the last thing seen.
 */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;
export function waitFor<T>(
  fn: () => T | Promise<T>,
  opts: WaitOptions<T> & { until: (value: T) => boolean },
): Promise<T>;
export function waitFor<T>(fn: () => T | Promise<T>, opts: Omit<WaitOptions<T>, 'until'>): Promise<Truthy<T>>;
export async function waitFor<T>(fn: () => T | Promise<T>, opts: WaitOptions<T>): Promise<T> {
  const timeout = opts.timeout ?? 15_000;
  const interval = opts.interval ?? 100;
  const done = opts.until ?? ((v: T) => Boolean(v));
  const start = Date.now();
  let last: { value: T } | { error: unknown } | undefined;
  for (let polls = 1; ; polls++) {
    try {
      const value = await fn();
      if (done(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    const waited = Date.now() - start;
    if (waited >= timeout) {
      const seen =
        last === undefined
          ? 'nothing'
          : 'error' in last
            ? `an error: ${last.error instanceof Error ? last.error.message : describe(last.error)}`
            : describe(last.value);
      throw new Error(`timed out after ${waited} ms (${polls} polls) waiting for ${opts.what}; last seen: ${seen}`);
    }
    await sleep(Math.min(interval, Math.max(0, timeout - waited)));
  }
}

/**
 * Waits until `fn` returns the same value (compared as JSON) on `stable` polls in a row, and returns it: for a
 * figure that a background job may still be moving (a worklist being rebuilt, an import's counts).
 */
export async function waitForSteady<T>(
  fn: () => T | Promise<T>,
  opts: WaitOptions<T> & { stable?: number },
): Promise<T> {
  const stable = opts.stable ?? 3;
  const done = opts.until ?? (() => true);
  let previous: string | undefined;
  let streak = 0;
  let value: T | undefined;
  await waitFor(
    async () => {
      value = await fn();
      const key = JSON.stringify(value);
      if (!done(value)) {
        streak = 0;
        previous = undefined;
        return { steady: false, value };
      }
      streak = key === previous ? streak + 1 : 1;
      previous = key;
      return { steady: streak >= stable, value };
    },
    {
      what: `${opts.what} (the same on ${stable} polls in a row)`,
      timeout: opts.timeout,
      interval: opts.interval ?? 150,
      until: (r) => r.steady,
    },
  );
  return value as T;
}

/**
 * A fixed pause. Only for a test that must show something does NOT happen within a window (no second tab opened,
 * no write after a wipe): the caller says why beside the call. Everything else waits for a condition.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
