import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { createRouter, RejectedMessage, type TabEntry, type Matcher, type RouterDeps } from '@/lib/messaging/router';
import { broadcastSchema, toFrameSchema } from '@/lib/messaging/protocol';
import { badgeViewMini, toBadgeMini } from '@/lib/messaging/toBadge';
import type { PageContext } from '@/lib/domain';

const me = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const content = (tabId: number) => ({ id: me.id, url: 'https://acme.lightning.force.com/x', tab: { id: tabId } });
const frame = (tabId: number) => ({
  id: me.id,
  url: `${me.origin}badge.html?mode=crm&tab=${tabId}`,
  tab: { id: tabId },
});
const panel = { id: me.id, url: `${me.origin}sidepanel.html` };
const now = new Date('2026-11-22T10:00:00');

function setup(over: Partial<RouterDeps> = {}) {
  const db = new HuikuanDb(`router-${Math.random()}`);
  setDb(db);
  const tabs = new Map<number, TabEntry>();
  const broadcasts: unknown[] = [];
  const sentToTabs: Array<[number, unknown]> = [];
  const customersChanged: Array<string[] | undefined> = [];
  // A matcher that knows the demo's first customer by its CRM record id, and nothing else.
  const matcher: Matcher = {
    match: (q) =>
      q.site === 'demo-crm' && q.recordId === 'ACC-0001' ? [{ customerId: 'c01', score: 1, reason: 'crm-link' }] : [],
  };
  const handle = createRouter({
    me,
    db,
    tabs: {
      get: async (id) => tabs.get(id),
      set: async (id, e) => void tabs.set(id, e),
      delete: async (id) => void tabs.delete(id),
    },
    matcher: async () => matcher,
    customersChanged: (ids) => void customersChanged.push(ids),
    now: () => now,
    browserLang: () => 'en-US',
    broadcast: (m) => void broadcasts.push(m),
    sendToTab: async (id, m) => {
      sentToTabs.push([id, m]);
      return { ok: true };
    },
    onDataChanged: () => undefined,
    isSiteEnabled: (site, disabled) => !disabled.includes(site),
    ...over,
  });
  return { db, tabs, handle, broadcasts, sentToTabs, customersChanged };
}

const record: PageContext = {
  site: 'demo-crm',
  kind: 'record',
  recordId: 'ACC-0001',
  name: '杭州云帆科技有限公司',
  emails: [],
};

describe('message router', () => {
  it('rejects messages from another extension or a web page', async () => {
    const { handle } = setup();
    await expect(handle({ type: 'ping' }, { id: 'other', url: 'chrome-extension://other/x.html' })).rejects.toThrow(
      RejectedMessage,
    );
    await expect(
      handle({ type: 'ping' }, { id: 'other', url: 'chrome-extension://other/x.html' }),
    ).rejects.toMatchObject({ code: 'unknownSender' });
    await expect(handle({ type: 'ping' }, { url: 'https://evil.example/' })).rejects.toThrow(/unknown sender/);
  });

  it('rejects messages of unknown type or shape', async () => {
    const { handle } = setup();
    await expect(handle({ type: 'db/dump' }, content(1))).rejects.toThrow(/rejected message/);
    await expect(handle({ type: 'page/context', ctx: { site: 'x' } }, content(1))).rejects.toThrow(/rejected message/);
    await expect(handle({ type: 'page/context', ctx: { ...record, emails: 'a@b.c' } }, content(1))).rejects.toThrow(
      RejectedMessage,
    );
    await expect(handle('page/context', content(1))).rejects.toMatchObject({ code: 'badShape' });
  });

  it('stores the page context under the tab the browser stamped, not one the message names', async () => {
    const { handle, tabs } = setup();
    const reply = (await handle({ type: 'page/context', ctx: record, tabId: 99 }, content(7))) as {
      showBadge: boolean;
      tabId: number;
    };
    expect(reply.showBadge).toBe(true);
    expect(reply.tabId).toBe(7);
    expect(tabs.get(7)?.matches[0].customerId).toBe('c01');
    expect(tabs.has(99)).toBe(false);
  });

  it('a content script cannot ask for figures; the badge frame gets only its own tab’s summary', async () => {
    const { handle, db } = setup();
    await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    await handle({ type: 'page/context', ctx: record }, content(7));
    await expect(handle({ type: 'badge/get' }, content(7))).rejects.toThrow(RejectedMessage);
    await expect(handle({ type: 'tab/context', tabId: 7 }, content(7))).rejects.toThrow(RejectedMessage);
    const view = (await handle({ type: 'badge/get' }, frame(7))) as { state: string; text: string; title: string };
    expect(view.state).toBe('linked');
    expect(view.text).toMatch(/overdue/);
    // The tooltip names the escalation level the playbook puts the account at.
    expect(view.title).toMatch(/Escalation level [1-8]: .+ \(from the steps taken; the side panel says why\)\.$/);
    // Tab 8 has no page context: the frame there learns nothing about tab 7.
    const other = (await handle({ type: 'badge/get' }, frame(8))) as { state: string; text: string };
    expect(other.state).toBe('none');
    expect(other.text).toBe('');
  });

  it('the badge frame may not use the side panel’s requests', async () => {
    const { handle } = setup();
    await expect(handle({ type: 'tab/context', tabId: 7 }, frame(7))).rejects.toThrow(/not allowed from a frame/);
    await expect(handle({ type: 'compose/insert', tabId: 7, text: 'x' }, frame(7))).rejects.toThrow(/not allowed/);
  });

  it('an unrecognised customer gives the unlinked badge', async () => {
    const { handle } = setup();
    await handle({ type: 'page/context', ctx: { ...record, recordId: 'ACC-9999', name: 'Nobody Ltd' } }, content(3));
    const view = (await handle({ type: 'badge/get' }, frame(3))) as { state: string };
    expect(view.state).toBe('unlinked');
  });

  it('a disabled site is not recognised', async () => {
    const { handle, db } = setup();
    await db.meta.put({ key: 'settings', value: { disabledSites: ['demo-crm'] } });
    const reply = (await handle({ type: 'page/context', ctx: record }, content(4))) as {
      recognised: boolean;
      showBadge: boolean;
    };
    expect(reply).toMatchObject({ recognised: false, showBadge: false });
  });

  it('linking remembers the CRM record on the customer and re-reads the page', async () => {
    const { handle, db, sentToTabs } = setup();
    await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    const ctx: PageContext = { site: 'salesforce', kind: 'record', recordId: '001XYZ', name: 'Yunfan', emails: [] };
    await handle({ type: 'page/context', ctx }, content(5));
    await handle({ type: 'customer/link', tabId: 5, customerId: 'c01' }, panel);
    const c = await db.customers.get('c01');
    expect(c?.crmLinks).toContainEqual(expect.objectContaining({ site: 'salesforce', recordId: '001XYZ' }));
    expect(sentToTabs).toContainEqual([5, { type: 'page/reread' }]);
  });

  it('linking from a mail thread remembers the company domain but never a free-mail one', async () => {
    const { handle, db } = setup();
    await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    const ctx: PageContext = {
      site: 'gmail',
      kind: 'thread',
      emails: ['ap@newbuyer.example.com', 'someone@gmail.com'],
    };
    await handle({ type: 'page/context', ctx }, content(6));
    await handle({ type: 'customer/link', tabId: 6, customerId: 'c02' }, panel);
    const c = await db.customers.get('c02');
    expect(c?.domains).toContain('newbuyer.example.com');
    expect(c?.domains).not.toContain('gmail.com');
  });

  it('a capture from the mail frame becomes a draft for that tab', async () => {
    const { handle } = setup();
    const mailFrame = { id: me.id, url: `${me.origin}badge.html?mode=mail&tab=9`, tab: { id: 9 } };
    await handle(
      {
        type: 'page/context',
        ctx: { site: 'gmail', kind: 'thread', emails: ['a@b.example'], subject: 'Pay', body: '下周五付款 12.4万' },
      },
      content(9),
    );
    await handle({ type: 'capture/open-message' }, mailFrame);
    const view = (await handle({ type: 'tab/context', tabId: 9 }, panel)) as {
      draft: { text: string; subject: string };
    };
    expect(view.draft).toMatchObject({ text: '下周五付款 12.4万', subject: 'Pay' });
  });
});

// The badge's ladder step is tested with the panel's and the popup's in tests/unit/messaging/views.badge-level.test.ts.

describe('the badge gets its view without asking again', () => {
  type SentView = { tabId: number; state: string; text: string; at: number };
  /**
   * Badge views are pushed without being awaited: wait until `count` have gone out (a loaded machine takes
   * longer than any fixed pause), then a moment more so that one too many would be seen.
   */
  const settle = async (sent: Array<[number, unknown]>, count: number) => {
    await vi.waitFor(() => expect(views(sent).length).toBeGreaterThanOrEqual(count), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 20));
  };
  /** The views sent to tabs, each checked to have gone to the tab it is for. */
  const views = (sent: Array<[number, unknown]>) =>
    sent
      .filter(
        (s): s is [number, { type: 'badge/view'; view: SentView }] => (s[1] as { type?: string }).type === 'badge/view',
      )
      .map(([tab, m]) => {
        expect(m.view.tabId).toBe(tab);
        return m.view;
      });

  it('a page context is followed by the tab’s badge view, sent to that tab, valid for the frame, stamped with its tab and time', async () => {
    let t = 1000;
    const { handle, db, broadcasts, sentToTabs } = setup({ clock: () => ++t });
    await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    await handle({ type: 'page/context', ctx: record }, content(7));
    await settle(sentToTabs, 1);
    const [view] = views(sentToTabs);
    expect(view).toMatchObject({ tabId: 7, state: 'linked' });
    expect(view.text).toMatch(/overdue/);
    expect(view.at).toBeGreaterThan(1000);
    // The same view the frame would get by asking, bar the time it was taken.
    const asked = (await handle({ type: 'badge/get' }, frame(7))) as { at: number };
    expect({ ...asked, at: 0 }).toEqual({ ...view, at: 0 });
    expect(asked.at).toBeGreaterThan(view.at);
    // Nothing about the badge is broadcast to every extension page; what is broadcast is valid.
    for (const b of broadcasts) expect(broadcastSchema.safeParse(b).success).toBe(true);
    expect(broadcasts.some((b) => (b as { type: string }).type === 'badge/view')).toBe(false);
    // Both schemas accept what went to the tab: the background's full one and the frame's small one.
    for (const [, m] of sentToTabs) expect(toFrameSchema.safeParse(m).success).toBe(true);
    expect(toBadgeMini.safeParse({ type: 'badge/view', view }).success).toBe(true);
    expect(badgeViewMini.safeParse(asked).success).toBe(true);
    expect(badgeViewMini.safeParse({ ...view, state: 'other' }).success).toBe(false);
    expect(toBadgeMini.safeParse({ type: 'tab/updated', tabId: 7 }).success).toBe(false);
  });

  it('a page cleared hides the badge of that tab only', async () => {
    const { handle, sentToTabs } = setup();
    await handle({ type: 'page/context', ctx: record }, content(7));
    await handle({ type: 'page/cleared' }, content(7));
    await settle(sentToTabs, 2);
    // The two views may be sent in either order; the frame keeps the one taken last.
    const byTime = views(sentToTabs).sort((x, y) => x.at - y.at);
    expect(byTime.map((v) => [v.tabId, v.state])).toEqual([
      [7, 'unlinked'],
      [7, 'none'],
    ]);
  });

  it('the customer’s name comes from the matcher when it holds it, the settings from the owner’s cache', async () => {
    let settingsReads = 0;
    const matcher: Matcher = {
      match: () => [{ customerId: 'c01', score: 1, reason: 'crm-link' }],
      nameOf: (id) => (id === 'c01' ? 'Name From The Matcher' : undefined),
    };
    const { handle, db } = setup({
      matcher: async () => matcher,
      settings: async () => {
        settingsReads++;
        return { ...(await import('@/lib/domain')).defaultSettings(), language: 'en' };
      },
    });
    await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    await handle({ type: 'page/context', ctx: record }, content(7));
    const view = (await handle({ type: 'badge/get' }, frame(7))) as { title: string };
    expect(view.title).toContain('Name From The Matcher');
    expect(settingsReads).toBeGreaterThanOrEqual(2);
  });

  it('linking tells the matcher which customer changed; a data change elsewhere asks it to check', async () => {
    const { handle, db, customersChanged } = setup();
    await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    await handle({ type: 'page/context', ctx: { ...record, recordId: '001XYZ' } }, content(5));
    await handle({ type: 'customer/link', tabId: 5, customerId: 'c01' }, panel);
    await handle({ type: 'data/changed' }, panel);
    expect(customersChanged).toEqual([['c01'], undefined]);
  });

  it('after the customers change, open tabs are matched again and only changed ones get a new view', async () => {
    let known = false;
    const matcher: Matcher = {
      match: (q) => (known && q.recordId === 'NEW-1' ? [{ customerId: 'c01', score: 1, reason: 'crm-link' }] : []),
    };
    const { handle, db, tabs, broadcasts, sentToTabs } = setup({ matcher: async () => matcher });
    await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    await handle({ type: 'page/context', ctx: { ...record, recordId: 'NEW-1' } }, content(3));
    await handle({ type: 'page/context', ctx: { ...record, recordId: 'OTHER' } }, content(4));
    await settle(sentToTabs, 2);
    broadcasts.length = 0;
    sentToTabs.length = 0;
    known = true;
    await handle.rematch([3, 4, 99]);
    await settle(sentToTabs, 1);
    expect(tabs.get(3)?.matches[0]?.customerId).toBe('c01');
    expect(views(sentToTabs).map((v) => [v.tabId, v.state])).toEqual([[3, 'linked']]);
    expect(broadcasts).toContainEqual({ type: 'tab/updated', tabId: 3 });
    expect(broadcasts).not.toContainEqual({ type: 'tab/updated', tabId: 4 });
  });

  it('a settings change re-sends the view of every tab with a page, in the new language; a tab without a frame is no error', async () => {
    let language: 'en' | 'zh' = 'en';
    const defaults = (await import('@/lib/domain')).defaultSettings();
    const { handle, db, sentToTabs } = setup({
      settings: async () => ({ ...defaults, language }),
      // The browser's answer when no frame in the tab listens.
      sendToTab: async (id, m) => {
        sentToTabs.push([id, m]);
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    });
    await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    await handle({ type: 'page/context', ctx: record }, content(3));
    await handle({ type: 'page/cleared' }, content(4));
    await settle(sentToTabs, 2);
    sentToTabs.length = 0;
    language = 'zh';
    await handle.refreshBadges([3, 4, 99]);
    await settle(sentToTabs, 1);
    expect(views(sentToTabs).map((v) => [v.tabId, v.state, v.text.includes('逾期')])).toEqual([[3, 'linked', true]]);
  });
});
