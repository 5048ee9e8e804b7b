/**
 * The worker's page rules: hosts strangers publish on wait for the user's confirmation (judged from the URL the
 * browser stamped, not the page's claims), a record page read without name or address shows as unread and is
 * counted once in the site's health, and a sender shown only by name is matched among the contacts.
 */
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { createRouter, type TabEntry, type Matcher, type RouterDeps } from '@/lib/messaging/router';
import { createContactNameIndex } from '@/lib/match/contactNames';
import { hostTrust } from '@/lib/sites/hosts';
import type { PageContext } from '@/lib/domain';

const me = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const content = (tabId: number, url: string) => ({ id: me.id, url, tab: { id: tabId, url } });
const frame = (tabId: number) => ({ id: me.id, url: `${me.origin}badge.html?mode=crm`, tab: { id: tabId } });
const panel = { id: me.id, url: `${me.origin}sidepanel.html` };
const now = new Date('2026-11-22T10:00:00');

function setup(over: Partial<RouterDeps> = {}) {
  const db = new HuikuanDb(`router-pages-${Math.random()}`);
  setDb(db);
  const tabs = new Map<number, TabEntry>();
  const confirmed = new Set<string>();
  const visits: Array<[string, boolean]> = [];
  const matcher: Matcher = {
    match: (q) => (q.name === '杭州云帆科技有限公司' ? [{ customerId: 'c01', score: 0.9, reason: 'name' }] : []),
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
    customersChanged: () => undefined,
    now: () => now,
    browserLang: () => 'en-US',
    broadcast: () => undefined,
    sendToTab: async () => ({ ok: true }),
    onDataChanged: () => undefined,
    isSiteEnabled: () => true,
    hostConfirmed: async (h) => confirmed.has(h),
    confirmHost: async (h) => void confirmed.add(h),
    forgetHost: async (h) => void confirmed.delete(h),
    knownTabs: () => [...tabs.keys()],
    recordVisit: (site, read) => void visits.push([site, read]),
    contactMatches: async (name) =>
      createContactNameIndex([
        { customerId: 'c01', name: '陈静' },
        { customerId: 'c07', name: 'Sarah Miller' },
      ]).match(name),
    ...over,
  });
  return { db, tabs, handle, confirmed, visits };
}

const odooCtx: PageContext = {
  site: 'odoo',
  kind: 'record',
  recordId: '9',
  name: '杭州云帆科技有限公司',
  emails: [],
  url: 'https://trial.odoo.com/odoo/contacts/9',
};

test('which hosts need confirming: Odoo Online only, judged by site and URL', () => {
  expect(hostTrust('odoo', 'https://trial.odoo.com/odoo/contacts/9')).toBe('confirm');
  expect(hostTrust('salesforce', 'https://acme.lightning.force.com/lightning/r/Account/001/view')).toBe('vendor');
  expect(hostTrust('generic', 'https://erp.example.com/odoo/contacts/9')).toBe('vendor');
  expect(hostTrust('odoo', 'not a url')).toBe('confirm');
});

test('on an unconfirmed Odoo Online host: no match, a confirm badge, no figures; confirmed once, every tab on that host follows', async () => {
  const { handle, tabs, db } = setup();
  await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
  await handle({ type: 'page/context', ctx: odooCtx }, content(1, 'https://trial.odoo.com/odoo/contacts/9'));
  await handle({ type: 'page/context', ctx: odooCtx }, content(2, 'https://trial.odoo.com/odoo/contacts/9'));
  await handle({ type: 'page/context', ctx: odooCtx }, content(3, 'https://other.odoo.com/odoo/contacts/9'));
  expect(tabs.get(1)).toMatchObject({ matches: [], pendingHost: 'trial.odoo.com' });
  const before = (await handle({ type: 'badge/get' }, frame(1))) as { state: string; text: string };
  expect(before.state).toBe('confirm');
  expect(before.text).not.toMatch(/[¥$]/);
  expect(await handle({ type: 'tab/context', tabId: 1 }, panel)).toMatchObject({
    pendingHost: 'trial.odoo.com',
    matches: [],
  });
  // Neither the frame nor the content script may confirm; the side panel may.
  await expect(handle({ type: 'host/confirm', tabId: 1 }, frame(1))).rejects.toMatchObject({ code: 'notFromFrame' });
  await expect(handle({ type: 'host/confirm', tabId: 1 }, content(1, 'https://trial.odoo.com/'))).rejects.toMatchObject(
    { code: 'badShape' },
  );
  await handle({ type: 'host/confirm', tabId: 1 }, panel);
  expect(tabs.get(1)?.pendingHost).toBeUndefined();
  expect(tabs.get(2)?.matches[0]?.customerId).toBe('c01');
  expect(tabs.get(3)?.pendingHost).toBe('other.odoo.com');
  expect(((await handle({ type: 'badge/get' }, frame(2))) as { state: string }).state).toBe('linked');
  await handle({ type: 'host/forget', host: 'trial.odoo.com' }, panel);
  expect(tabs.get(2)).toMatchObject({ matches: [], pendingHost: 'trial.odoo.com' });
});

test('the host comes from the URL the browser stamped, not the context the page produced', async () => {
  const { handle, tabs } = setup();
  await handle(
    { type: 'page/context', ctx: { ...odooCtx, url: 'https://ourco.lightning.force.com/x' } },
    content(1, 'https://trial.odoo.com/odoo/contacts/9'),
  );
  expect(tabs.get(1)?.pendingHost).toBe('trial.odoo.com');
});

test('a record read without name or address: hidden while reading, "could not read" once unread or settled; health counted once', async () => {
  const { handle, visits } = setup();
  const sender = content(5, 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000NoNaMIA2/view');
  const bare: PageContext = { site: 'salesforce', kind: 'record', recordId: '001Dn00000NoNaMIA2', emails: [] };
  await handle({ type: 'page/context', ctx: bare, status: 'reading' }, sender);
  expect(((await handle({ type: 'badge/get' }, frame(5))) as { state: string }).state).toBe('none');
  await handle({ type: 'page/context', ctx: bare, status: 'unread' }, sender);
  const view = (await handle({ type: 'badge/get' }, frame(5))) as { state: string; text: string };
  expect(view).toMatchObject({ state: 'unread', text: 'Huikuan could not read this page' });
  expect(await handle({ type: 'tab/context', tabId: 5 }, panel)).toMatchObject({ unread: true });
  expect(visits).toEqual([]);
  await handle({ type: 'page/context', ctx: bare, status: 'settled' }, sender);
  await handle({ type: 'page/context', ctx: { ...bare, name: '杭州云帆科技有限公司' }, status: 'settled' }, sender);
  expect(visits).toEqual([
    ['salesforce', false],
    ['salesforce', true],
  ]);
  expect(((await handle({ type: 'badge/get' }, frame(5))) as { state: string }).state).not.toBe('unread');
});

test('a sender shown only by name is matched among the contacts; a name without a hidden address is not', async () => {
  const { handle, tabs } = setup();
  const qq: PageContext = { site: 'qqmail', kind: 'thread', name: '陈静', emails: [], addressHidden: true };
  await handle({ type: 'page/context', ctx: qq }, content(8, 'https://wx.mail.qq.com/home/index'));
  expect(tabs.get(8)?.matches[0]).toEqual({ customerId: 'c01', score: 0.9, reason: 'contact-name' });
  await handle(
    { type: 'page/context', ctx: { ...qq, addressHidden: undefined } },
    content(9, 'https://wx.mail.qq.com/home/index'),
  );
  expect(tabs.get(9)?.matches).toEqual([]);
});
