/**
 * A Web Locks API (`navigator.locks`) for Node, where there is none: exclusive and shared modes, `ifAvailable`,
 * `signal`, and `query()`, granted in request order as the spec says (a shared request queued behind an exclusive
 * one waits for it). Enough to test lib/db/bulkWrite; the browser tests use Chromium's own.
 */
interface Waiter {
  name: string;
  mode: LockMode;
  grant: () => void;
}

export class FakeLocks {
  private held: Array<{ name: string; mode: LockMode }> = [];
  private queue: Waiter[] = [];

  private grantable(name: string, mode: LockMode): boolean {
    const same = this.held.filter((h) => h.name === name);
    return mode === 'shared' ? same.every((h) => h.mode === 'shared') : same.length === 0;
  }

  private pump() {
    for (let i = 0; i < this.queue.length; i++) {
      const w = this.queue[i];
      const earlier = this.queue.slice(0, i).some((q) => q.name === w.name);
      if (earlier || !this.grantable(w.name, w.mode)) continue;
      this.queue.splice(i, 1);
      i--;
      w.grant();
    }
  }

  request<T>(
    name: string,
    a: LockOptions | ((l: Lock | null) => T | Promise<T>),
    b?: (l: Lock | null) => T | Promise<T>,
  ): Promise<T> {
    const opts: LockOptions = typeof a === 'function' ? {} : a;
    const cb = (typeof a === 'function' ? a : b)!;
    const mode = opts.mode ?? 'exclusive';
    const run = async (): Promise<T> => {
      const entry = { name, mode };
      this.held.push(entry);
      try {
        return await cb({ name, mode } as Lock);
      } finally {
        this.held.splice(this.held.indexOf(entry), 1);
        this.pump();
      }
    };
    const queuedSame = this.queue.some((q) => q.name === name);
    if (opts.ifAvailable) return !queuedSame && this.grantable(name, mode) ? run() : Promise.resolve(cb(null));
    return new Promise<T>((resolve, reject) => {
      if (opts.signal?.aborted) {
        reject(new DOMException('aborted', 'AbortError'));
        return;
      }
      const w: Waiter = {
        name,
        mode,
        grant: () => {
          opts.signal?.removeEventListener('abort', onAbort);
          run().then(resolve, reject);
        },
      };
      const onAbort = () => {
        const i = this.queue.indexOf(w);
        if (i >= 0) {
          this.queue.splice(i, 1);
          reject(new DOMException('aborted', 'AbortError'));
          this.pump();
        }
      };
      opts.signal?.addEventListener('abort', onAbort);
      this.queue.push(w);
      this.pump();
    });
  }

  async query(): Promise<LockManagerSnapshot> {
    return {
      held: this.held.map((h) => ({ ...h, clientId: 'test' })),
      pending: this.queue.map((q) => ({ name: q.name, mode: q.mode, clientId: 'test' })),
    };
  }
}

/** Installs a FakeLocks as `navigator.locks` for the test; returns it and the undo. */
export function installLocks(): { locks: FakeLocks; restore: () => void } {
  const locks = new FakeLocks();
  const g = globalThis as unknown as { navigator?: Record<string, unknown> };
  const hadNavigator = !!g.navigator;
  // Node 20 has no navigator at all.
  if (!hadNavigator) Object.defineProperty(g, 'navigator', { value: {}, configurable: true, writable: true });
  const nav = g.navigator!;
  const before = Object.getOwnPropertyDescriptor(nav, 'locks');
  Object.defineProperty(nav, 'locks', { value: locks, configurable: true });
  return {
    locks,
    restore: () => {
      if (before) Object.defineProperty(nav, 'locks', before);
      else delete nav.locks;
      if (!hadNavigator) delete g.navigator;
    },
  };
}
