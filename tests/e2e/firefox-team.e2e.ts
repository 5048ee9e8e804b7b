/**
 * Team sharing in real Firefox (Debian's firefox-esr, the MV2 build over Marionette): one profile with the demo
 * portfolio connects as the salesperson 王磊 from Options → Team against the CouchDB-protocol test server on
 * 127.0.0.1 (tests/support/couch-server.ts, set up by the same code as scripts/team-setup.ts); his customers reach
 * his database, and a promise then recorded in the side panel reaches the server from Firefox's background page.
 *
 * The profile sets `extensions.webextOptionalPermissionPrompts` to false, so Firefox grants the server's host
 * permission that Connect asks for without its doorhanger (which Marionette cannot press in headless mode); the
 * request itself is the extension's own, made inside the click as for a user. This test found that Firefox grants
 * nothing by a pattern with a port (lib/sync/config.ts, serverOrigin).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { extensionOrigin, launchFirefox, until, type FirefoxLaunched } from './firefox/launch';
import { type TestCouch, startTestCouch } from '../support/couch-server';
import { adminRequests, applyTeamSetup } from '../../lib/sync/design';

let f: FirefoxLaunched;
let couch: TestCouch;
let options: string;

const spec = {
  salespeople: [
    { name: 'wanglei', password: 'pw-wanglei', displayName: '王磊' },
    { name: 'lina', password: 'pw-lina', displayName: '李娜' },
  ],
  managers: [{ name: 'zhaomin', password: 'pw-zhaomin', displayName: '赵敏' }],
};

/** The documents of one database on the server, read as its admin. */
async function serverDocs(
  db: string,
): Promise<Array<{ id: string; doc: { row?: Record<string, unknown>; by?: string } }>> {
  const r = await adminRequests(couch.url, couch.admin)('GET', `/${db}/_all_docs?include_docs=true`);
  assert.equal(r.status, 200);
  return (r.json as { rows: Array<{ id: string; doc: { row?: Record<string, unknown>; by?: string } }> }).rows;
}

before(async () => {
  couch = await startTestCouch();
  await applyTeamSetup(adminRequests(couch.url, couch.admin), spec);
  f = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  options = await f.openPage('options.html#data');
  await until(
    'the load-demo button, enabled',
    () => f.s.run(`return !!document.querySelector('[data-testid="load-demo"]:not([disabled])')`),
    30_000,
  );
  await f.s.click('[data-testid="load-demo"]');
  await until(
    'the demo customers in the store',
    () =>
      f.s.run<boolean>(`return await new Promise((resolve) => {
    const req = indexedDB.open('huikuan');
    req.onerror = () => resolve(false);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('customers')) { db.close(); resolve(false); return; }
      const c = db.transaction('customers').objectStore('customers').count();
      c.onsuccess = () => { db.close(); resolve(c.result >= 30); };
    };
  })`),
    30_000,
  );
});
after(async () => {
  await f?.close();
  await couch?.stop();
});

test("Firefox team: Connect from the options page sends the salesperson's customers to his database", async () => {
  await f.s.switchTo(options);
  await f.s.navigate(`${extensionOrigin}/options.html#team`);
  await until('the team form', () => f.s.run(`return !!document.querySelector('[data-testid="team-url"]')`), 20_000);
  await f.s.type('[data-testid="team-url"]', couch.url);
  await f.s.type('[data-testid="team-name"]', 'wanglei');
  await f.s.type('[data-testid="team-secret"]', 'pw-wanglei');
  await f.s.click('[data-testid="team-connect"]');
  await until(
    'connected',
    () => f.s.run(`return !!document.querySelector('[data-testid="team-connected"]')`),
    30_000,
  ).catch(async (e: Error) => {
    throw new Error(`${e.message}\npage: ${await f.s.run<string>('return document.body.innerText')}`);
  });
  const status = await until(
    'the first sync',
    () =>
      f.s.run<string | null>(
        `const s = document.querySelector('[data-testid="team-status"]'); return s && /Last sync .*sent/.test(s.textContent) ? s.textContent : null;`,
      ),
    90_000,
  );
  assert.match(status, /sent/);
  const docs = await until(
    "王磊's customers on the server",
    async () => {
      const d = await serverDocs('huikuan-wanglei');
      return d.some((x) => x.id === 'customers:c01') && d;
    },
    30_000,
  );
  const customers = docs.filter((d) => d.id.startsWith('customers:'));
  assert.ok(customers.length > 0);
  // His own and those of owners outside the team (Emily Zhang's), never 李娜's; all written by him.
  assert.ok(customers.some((d) => d.doc.row?.owner === '王磊'));
  assert.ok(
    customers.every((d) => d.doc.row?.owner !== '李娜' && d.doc.by === 'wanglei'),
    JSON.stringify(customers.map((d) => d.doc.row?.owner)),
  );
  assert.ok(
    !(await serverDocs('huikuan-lina')).some((d) => d.id.startsWith('customers:')),
    "李娜's customers stay in this browser",
  );
});

test('Firefox team: a promise recorded in the side panel reaches the server', async () => {
  const panel = await f.openPage('sidepanel.html?customer=c01');
  await until(
    "c01's panel",
    () =>
      f.s.run(
        `return !!document.querySelector('main[data-customer-id="c01"][data-ready="true"] [data-testid="promise-add"]')`,
      ),
    30_000,
  );
  await f.s.click('[data-testid="promise-add"]');
  await until('the promise form', () => f.s.run(`return !!document.querySelector('[data-testid="promise-amount"]')`));
  await f.s.type('[data-testid="promise-amount"]', '7700');
  await f.s.click('[data-testid="promise-save"]');
  const promise = await until(
    'the promise on the server',
    async () =>
      (await serverDocs('huikuan-wanglei')).find(
        (d) =>
          d.id.startsWith('promises:') &&
          d.doc.row?.customerId === 'c01' &&
          (d.doc.row?.amount as { minor?: number } | undefined)?.minor === 770_000,
      ),
    60_000,
  );
  assert.equal(promise.doc.by, 'wanglei');
  assert.equal(promise.doc.row?.status, 'pending');
  await f.s.switchTo(panel);
  await f.s.closeTab();
});
