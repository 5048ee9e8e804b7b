import { followActiveTab, type TabFollowApi } from '@/lib/browser/followTab';

type Info = { tabId: number; windowId: number };

function fakeApi(ownWindow: number, active: Record<number, { id: number; url: string }>) {
  const listeners = new Set<(i: Info) => void>();
  let answer: () => void = () => undefined;
  let answerQuery: () => void = () => undefined;
  const gotWindow = new Promise<void>((r) => {
    answer = r;
  });
  const gotQuery = new Promise<void>((r) => {
    answerQuery = r;
  });
  const api: TabFollowApi = {
    windows: {
      getCurrent: async () => {
        await gotWindow;
        return { id: ownWindow };
      },
    },
    tabs: {
      query: async (q) => {
        await gotQuery;
        return active[q.windowId] ? [active[q.windowId]] : [];
      },
      onActivated: { addListener: (fn) => void listeners.add(fn), removeListener: (fn) => void listeners.delete(fn) },
    },
  };
  return {
    api,
    answer: () => {
      answer();
      answerQuery();
    },
    answerWindow: answer,
    answerQuery,
    activate: (i: Info) => {
      for (const l of listeners) l(i);
    },
    listeners,
  };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the side panel follows the active tab of its own window', () => {
  it('starts on its window’s active tab and follows switches there, not in other windows', async () => {
    const f = fakeApi(1, {
      1: { id: 10, url: 'https://acme.lightning.force.com/x' },
      2: { id: 20, url: 'https://mail.qq.com/' },
    });
    const seen: number[] = [];
    const stop = followActiveTab(f.api, 'moz-extension://u/', (id) => seen.push(id));
    f.answer();
    await settle();
    expect(seen).toEqual([10]);
    f.activate({ tabId: 21, windowId: 2 });
    f.activate({ tabId: 11, windowId: 1 });
    expect(seen).toEqual([10, 11]);
    stop();
    f.activate({ tabId: 12, windowId: 1 });
    expect(seen).toEqual([10, 11]);
    expect(f.listeners.size).toBe(0);
  });

  it('the panel open as a tab of its own speaks for no page; a switch before the first answer wins over it', async () => {
    const own = fakeApi(1, { 1: { id: 10, url: 'moz-extension://u/sidepanel.html' } });
    const seen: number[] = [];
    followActiveTab(own.api, 'moz-extension://u/', (id) => seen.push(id));
    own.answer();
    await settle();
    expect(seen).toEqual([]);

    const late = fakeApi(1, { 1: { id: 10, url: 'https://crm.zoho.com/' } });
    const seen2: number[] = [];
    followActiveTab(late.api, 'moz-extension://u/', (id) => seen2.push(id));
    late.answerWindow();
    await settle();
    late.activate({ tabId: 11, windowId: 1 });
    late.answerQuery();
    await settle();
    expect(seen2).toEqual([11]);
  });
});
