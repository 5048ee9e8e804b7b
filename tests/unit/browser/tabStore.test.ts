import { createTabStore } from '@/lib/browser/background/tabStore';
import type { TabEntry } from '@/lib/messaging/router';

function sessionArea() {
  const data = new Map<string, unknown>();
  let writes = 0;
  let release: (() => void) | undefined;
  return {
    data,
    get writes() {
      return writes;
    },
    hold() {
      let r!: () => void;
      const p = new Promise<void>((res) => {
        r = res;
      });
      release = r;
      return p;
    },
    release: () => release?.(),
    async get(key: string) {
      return data.has(key) ? { [key]: data.get(key) } : {};
    },
    gate: undefined as Promise<void> | undefined,
    async set(items: Record<string, unknown>) {
      writes++;
      await this.gate;
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    },
    async remove(key: string) {
      data.delete(key);
    },
  };
}
const entry = (name: string): TabEntry => ({
  ctx: null,
  matches: [{ customerId: name, score: 1, reason: 'name' }],
  draft: null,
});

describe('the worker tab store', () => {
  it('answers from memory at once and a restarted worker reads what was written behind', async () => {
    const session = sessionArea();
    const tabs = createTabStore(session);
    await tabs.set(7, entry('a'));
    expect(await tabs.get(7)).toEqual(entry('a'));
    await vi.waitFor(() => expect(session.data.get('tab:7')).toEqual(entry('a')));
    const restarted = createTabStore(session);
    expect(await restarted.get(7)).toEqual(entry('a'));
    expect(restarted.known()).toEqual([7]);
  });

  it('writes one batch at a time, with the latest entry of each tab changed meanwhile', async () => {
    const session = sessionArea();
    session.gate = session.hold();
    const tabs = createTabStore(session);
    await tabs.set(1, entry('first'));
    await tabs.set(1, entry('second'));
    await tabs.set(2, entry('other'));
    expect(session.writes).toBe(1);
    session.release();
    session.gate = undefined;
    await vi.waitFor(() => expect(session.data.get('tab:1')).toEqual(entry('second')));
    expect(session.data.get('tab:2')).toEqual(entry('other'));
    expect(session.writes).toBe(2);
  });

  it('forgets a closed tab, in memory and in the session', async () => {
    const session = sessionArea();
    const tabs = createTabStore(session);
    await tabs.set(3, entry('x'));
    await vi.waitFor(() => expect(session.data.has('tab:3')).toBe(true));
    await tabs.delete(3);
    expect(await tabs.get(3)).toBeUndefined();
    expect(tabs.known()).toEqual([]);
  });
});
