/**
 * Team sharing in the real browser: two browser profiles (a salesperson, 王磊, with the demo portfolio, and a
 * manager, 赵敏, starting empty) and one CouchDB-protocol server on 127.0.0.1 (tests/support/couch-server.ts, set
 * up by the same code as scripts/team-setup.ts). Both connect from the options page as a user does.
 */
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Request } from 'playwright-core';
import { launchExtension, loadDemo, todayIso, type Launched } from './harness';
import { addDays } from '../../lib/ledger/dates';
import { type TestCouch, startTestCouch } from '../support/couch-server';
import { adminRequests, applyTeamSetup } from '../../lib/sync/design';
import { sleep, waitFor } from './wait';

const TOMORROW = addDays(todayIso(), 1);
let couch: TestCouch;
let rep: Launched;
let mgr: Launched;
let repOptions: Page;
let mgrOptions: Page;

const spec = {
  salespeople: [
    {
      name: 'wanglei',
      password: 'pw-wanglei',
      displayName: '王磊',
      monthlyTarget: { minor: 50_000_000, currency: 'CNY' },
    },
    { name: 'lina', password: 'pw-lina', displayName: '李娜' },
  ],
  managers: [{ name: 'zhaomin', password: 'pw-zhaomin', displayName: '赵敏' }],
};

/** Reads a store of the extension's IndexedDB from one of its pages (no Dexie: nothing of ours is global). */
async function idbAll<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (s) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('huikuan');
        req.onsuccess = () => {
          const db = req.result;
          const r = db.transaction(s, 'readonly').objectStore(s).getAll();
          r.onsuccess = () => {
            db.close();
            resolve(r.result as T[]);
          };
          r.onerror = () => {
            db.close();
            reject(r.error);
          };
        };
        req.onerror = () => reject(req.error);
      }),
    store,
  );
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeout = 45_000): Promise<T> {
  return (await waitFor(probe, { what, timeout, interval: 500 })) as T;
}

async function connect(l: Launched, name: string, password: string): Promise<Page> {
  const page = await l.openPage('options.html#team');
  await page.getByTestId('team-url').fill(couch.url);
  await page.getByTestId('team-name').fill(name);
  await page.getByTestId('team-secret').fill(password);
  await page.getByTestId('team-connect').click();
  await page.getByTestId('team-connected').waitFor({ timeout: 20_000 });
  await page
    .getByTestId('team-status')
    .getByText(/Last sync .*sent/)
    .waitFor({ timeout: 45_000 });
  return page;
}

async function panelFor(l: Launched, customer: string): Promise<Page> {
  const panel = await l.openPage(`sidepanel.html?customer=${customer}`);
  await panel
    .locator(
      `main[data-customer-id="${customer}"][data-ready="true"] [data-testid=below-the-fold][data-complete="true"]`,
    )
    .waitFor({ timeout: 20_000 });
  return panel;
}

/** Every request the extension's own contexts (worker, pages) made to anything but the extension itself. */
const outgoing: string[] = [];
function recordRequests(l: Launched): void {
  const fromExtension = (r: Request) => {
    const sw = r.serviceWorker();
    if (sw) return sw.url().startsWith('chrome-extension://');
    try {
      return r.frame().url().startsWith('chrome-extension://');
    } catch {
      return false;
    }
  };
  l.context.on('request', (r) => {
    if (fromExtension(r) && !/^(chrome-extension|data|blob):/.test(r.url())) outgoing.push(r.url());
  });
}

before(async () => {
  couch = await startTestCouch();
  await applyTeamSetup(adminRequests(couch.url, couch.admin), spec);
  rep = await launchExtension();
  await loadDemo(rep);
  mgr = await launchExtension();
  recordRequests(rep);
  recordRequests(mgr);
  repOptions = await connect(rep, 'wanglei', 'pw-wanglei');
  mgrOptions = await connect(mgr, 'zhaomin', 'pw-zhaomin');
});
after(async () => {
  await rep?.close();
  await mgr?.close();
  await couch?.stop();
});

test("the salesperson's customers reach the manager; another salesperson's stay in the salesperson's browser", async () => {
  const repCustomers = await idbAll<{ id: string; owner?: string }>(repOptions, 'customers');
  const mine = repCustomers
    .filter((c) => c.owner !== '李娜')
    .map((c) => c.id)
    .sort();
  const got = await until("the manager to hold 王磊's customers", async () => {
    const ids = (await idbAll<{ id: string }>(mgrOptions, 'customers')).map((c) => c.id).sort();
    return ids.length >= mine.length && ids;
  });
  assert.deepEqual(got, mine);
  assert.match(
    (await repOptions.getByTestId('team-status').textContent()) ?? '',
    /belong to a salesperson whose database you cannot write/,
  );
});

test("a promise the salesperson records appears in the manager's popup, and the popup switches between mine and team", async () => {
  const panel = await panelFor(rep, 'c01');
  await panel.getByTestId('promise-add').click();
  await panel.getByTestId('promise-amount').fill('8800');
  // Tomorrow: "this week" in the popup, a list short enough to show every item.
  await panel.getByTestId('promise-date').fill(TOMORROW);
  await panel.getByTestId('promise-save').click();
  await panel.locator('[data-promise-id][data-status="pending"]').first().waitFor({ timeout: 10_000 });
  await until("the promise on the manager's side", async () =>
    (await idbAll<{ customerId: string; amount: { minor: number } }>(mgrOptions, 'promises')).some(
      (p) => p.customerId === 'c01' && p.amount.minor === 880_000,
    ),
  );
  const errors: string[] = [];
  const popup = await mgr.context.newPage();
  popup.on('pageerror', (e) => errors.push(e.message));
  popup.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await popup.goto(`chrome-extension://${mgr.extensionId}/popup.html`);
  const today = popup.locator('[data-today="promiseWeek"] [data-customer-id="c01"][title*="8,800.00"]');
  await today.waitFor({ timeout: 20_000 }).catch(async (e: Error) => {
    throw new Error(
      `${e.message}\ntoday: ${await popup
        .getByTestId('today')
        .textContent()
        .catch(() => 'none')}\nerrors: ${errors.join('\n')}`,
    );
  });
  assert.match((await today.textContent()) ?? '', /8,800/);
  const board = popup.getByTestId('team-board');
  await board.waitFor({ timeout: 10_000 });
  assert.match((await board.locator('[data-member="wanglei"]').textContent()) ?? '', /王磊/);
  await popup.getByTestId('team-switch').locator('[data-scope="mine"]').click();
  await board.waitFor({ state: 'detached', timeout: 5_000 });
  await popup.close();
  await panel.close();
});

test('concurrent edits of one contact merge as the rules say, the same in both browsers', async () => {
  const repPanel = await panelFor(rep, 'c02');
  await until("c02 on the manager's side", async () =>
    (await idbAll<{ customerId: string }>(mgrOptions, 'contacts')).some((c) => c.customerId === 'c02'),
  );
  const mgrPanel = await panelFor(mgr, 'c02');
  // The server is away while both edit, so neither sees the other's edit first.
  couch.pause();
  const edit = async (panel: Page, fields: Record<string, string>) => {
    await panel.getByTestId('contacts').locator('summary').click();
    await panel.getByTestId('contacts').getByRole('button', { name: 'Edit' }).first().click();
    for (const [label, value] of Object.entries(fields))
      await panel.getByTestId('contacts').getByLabel(label, { exact: true }).fill(value);
    await panel.getByTestId('contacts').getByRole('button', { name: 'Save' }).click();
  };
  await edit(repPanel, { Phone: '0571-1111', 'Role in payment': '付款审批' });
  await edit(mgrPanel, { Phone: '0571-2222', Email: 'finance@shenlian-logistics.example.cn' });
  couch.resume();
  type Row = { id: string; customerId: string; phone?: string; role?: string; email?: string; updatedAt: number };
  type State = {
    id: string;
    rev: string;
    base: { alsoSet?: Array<{ field: string; value: string; at: number }>; fields?: Record<string, { at: number }> };
  };
  const merged = async (page: Page) =>
    (await idbAll<State>(page, 'syncDocs')).find(
      (d) => d.id.startsWith('contacts:c02') && d.base.alsoSet?.some((x) => x.field === 'phone'),
    );
  // Both browsers end on the same revision of the contact, the one that holds the merge.
  const [repDoc] = await until(
    'both browsers on the merged revision',
    async () => {
      const [x, y] = await Promise.all([merged(repOptions), merged(mgrOptions)]);
      return x && y && x.rev === y.rev && [x, y];
    },
    60_000,
  );
  const key = repDoc.id.slice('contacts:'.length);
  const a = (await idbAll<Row>(repOptions, 'contacts')).find((c) => c.id === key)!;
  const b = (await idbAll<Row>(mgrOptions, 'contacts')).find((c) => c.id === key)!;
  // Fields edited on one side only are both kept; the phone both edited follows the later edit, the other is kept visible.
  assert.deepEqual(a, b);
  assert.equal(a.role, '付款审批');
  assert.equal(a.email, 'finance@shenlian-logistics.example.cn');
  const loser = repDoc.base.alsoSet!.find((x) => x.field === 'phone')!;
  assert.deepEqual([a.phone, loser.value].sort(), ['0571-1111', '0571-2222']);
  assert.ok(repDoc.base.fields!.phone.at >= loser.at, 'the later edit won');
  for (const panel of [repPanel, mgrPanel]) {
    const note = panel.getByTestId('merge-notes');
    await note.waitFor({ timeout: 20_000 });
    assert.match((await note.textContent()) ?? '', new RegExp(`phone was also set to “${loser.value}”`));
  }
  await repPanel.close();
  await mgrPanel.close();
});

test('an edit made while the server is down syncs on reconnect; the server going away mid-sync loses nothing', async () => {
  couch.pause();
  const panel = await panelFor(rep, 'c05');
  for (const amount of ['1000', '2000', '3000']) {
    await panel.getByTestId('promise-add').click();
    await panel.getByTestId('promise-amount').fill(amount);
    await panel.getByTestId('promise-date').fill('2026-12-15');
    await panel.getByTestId('promise-save').click();
  }
  await repOptions
    .getByTestId('team-status')
    .getByText(/failed \(server unreachable\)/)
    .waitFor({ timeout: 30_000 });
  // Back, but slow: the next cycle is cut off part-way (the server goes away again), then it comes back for good.
  couch.resume();
  couch.setDelay(1500);
  // A cycle has reached the (slow) server: its request is held there when the server goes away again.
  const seen = couch.requests.length;
  await waitFor(() => couch.requests.length, {
    what: 'a sync cycle to reach the server once it is back',
    timeout: 60_000,
    interval: 50,
    until: (n) => n > seen,
  });
  couch.pause();
  // The scenario, not a wait for something: the server stays away for a while before it comes back for good.
  await sleep(1500);
  couch.setDelay(0);
  couch.resume();
  const want = [100_000, 200_000, 300_000];
  await until(
    'all three promises at the manager',
    async () => {
      const got = (
        await idbAll<{ customerId: string; amount: { minor: number }; date: string }>(mgrOptions, 'promises')
      )
        .filter((p) => p.customerId === 'c05' && p.date === '2026-12-15')
        .map((p) => p.amount.minor)
        .sort((x, y) => x - y);
      return JSON.stringify(got) === JSON.stringify(want);
    },
    60_000,
  );
  const c05 = (await idbAll<{ id: string; customerId: string }>(repOptions, 'promises'))
    .filter((p) => p.customerId === 'c05')
    .map((p) => `promises:${p.id}`);
  const queued = (await idbAll<{ id: string }>(repOptions, 'syncOutbox')).filter((o) => c05.includes(o.id));
  assert.deepEqual(queued, [], 'nothing of c05 is left waiting');
  await panel.close();
});

test("a salesperson cannot read or write another salesperson's customers", async () => {
  // 李娜's own record, written to her database as she would.
  const lina = adminRequests(couch.url, { name: 'lina', password: 'pw-lina' });
  const doc = {
    kind: 'customers',
    owner: 'lina',
    customerId: 'c-lina-1',
    at: Date.now(),
    by: 'lina',
    row: {
      id: 'c-lina-1',
      name: '李娜的客户',
      aliases: [],
      domains: [],
      crmLinks: [],
      type: 'enterprise',
      owner: '李娜',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
    },
  };
  assert.equal((await lina('PUT', '/huikuan-lina/customers:c-lina-1', doc)).status, 201);
  await until("the manager to see 李娜's customer", async () =>
    (await idbAll<{ id: string }>(mgrOptions, 'customers')).some((c) => c.id === 'c-lina-1'),
  );
  // From inside 王磊's browser, with his credentials: neither read nor write.
  const statuses = await repOptions.evaluate(async (url) => {
    const h = { authorization: `Basic ${btoa('wanglei:pw-wanglei')}`, 'content-type': 'application/json' };
    const read = await fetch(`${url}/huikuan-lina/_changes`, { headers: h });
    const write = await fetch(`${url}/huikuan-lina/_bulk_docs`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({
        docs: [
          {
            _id: 'customers:x',
            kind: 'customers',
            owner: 'lina',
            customerId: 'x',
            at: 1,
            by: 'wanglei',
            row: { id: 'x', name: 'x' },
          },
        ],
      }),
    });
    return { read: read.status, write: await write.text() };
  }, couch.url);
  assert.ok([401, 403].includes(statuses.read), `read answered ${statuses.read}`);
  assert.doesNotMatch(statuses.write, /"ok":true/);
  // 王磊's own store never receives it, cycle after cycle.
  await repOptions.getByTestId('team-sync-now').click();
  // Proving a non-event: the record must not arrive over several sync cycles.
  await sleep(6000);
  assert.ok(!(await idbAll<{ id: string }>(repOptions, 'customers')).some((c) => c.id === 'c-lina-1'));
});

test("a customer the manager gives to another salesperson leaves the first one's browser with all its records at once", async () => {
  const id = 'c08';
  type Held = { customers: number; ledgers: number; contacts: number; promises: number; activities: number };
  const held = async (page: Page): Promise<Held> => ({
    customers: (await idbAll<{ id: string }>(page, 'customers')).filter((c) => c.id === id).length,
    ledgers: (await idbAll<{ customerId: string }>(page, 'ledgers')).filter((l) => l.customerId === id).length,
    contacts: (await idbAll<{ customerId: string }>(page, 'contacts')).filter((c) => c.customerId === id).length,
    promises: (await idbAll<{ customerId: string }>(page, 'promises')).filter((c) => c.customerId === id).length,
    activities: (await idbAll<{ customerId: string }>(page, 'activities')).filter((c) => c.customerId === id).length,
  });
  const had = await held(repOptions);
  assert.ok(
    had.customers === 1 && had.ledgers === 1 && had.contacts > 0 && had.activities > 0,
    `the demo's ${id}: ${JSON.stringify(had)}`,
  );
  await until(
    `${id} with all its records at the manager`,
    async () => JSON.stringify(await held(mgrOptions)) === JSON.stringify(had),
  );

  // The manager changes the owner in the side panel, and nothing else.
  const panel = await panelFor(mgr, id);
  const facts = panel.getByTestId('account-facts');
  if (!(await facts.evaluate((d) => (d as HTMLDetailsElement).open))) await facts.locator('summary').click();
  await facts.getByLabel('Our owner of this account').fill('李娜');
  await facts.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });

  // 王磊's browser loses all of it in its next cycles, not the customer alone; the manager keeps all of it.
  const none: Held = { customers: 0, ledgers: 0, contacts: 0, promises: 0, activities: 0 };
  await until(
    `${id} and its records gone from 王磊's browser`,
    async () => JSON.stringify(await held(repOptions)) === JSON.stringify(none),
    60_000,
  );
  assert.deepEqual(await held(mgrOptions), had);
  // On the server every record of it is in 李娜's database, and left 王磊's as a tombstone.
  const admin = adminRequests(couch.url, couch.admin);
  const states = (await idbAll<{ id: string; customerId: string; db: string }>(mgrOptions, 'syncDocs')).filter(
    (d) => d.customerId === id,
  );
  assert.equal(
    states.length,
    had.customers +
      had.ledgers +
      had.contacts +
      had.promises +
      had.activities +
      states.filter((d) => /^(profiles|preparations):/.test(d.id)).length,
  );
  assert.deepEqual([...new Set(states.map((d) => d.db))], ['huikuan-lina']);
  const keys = JSON.stringify(states.map((d) => d.id));
  const rows = async (db: string) =>
    (
      (await admin('GET', `/${db}/_all_docs?keys=${encodeURIComponent(keys)}`)).json as {
        rows: Array<{ value?: { deleted?: boolean } }>;
      }
    ).rows;
  assert.ok((await rows('huikuan-lina')).every((r) => r.value && !r.value.deleted));
  assert.ok((await rows('huikuan-wanglei')).every((r) => r.value?.deleted));
  await panel.close();
});

test('team mode sent requests to the configured server only', () => {
  assert.ok(outgoing.length > 0, 'the recorder saw the sync requests');
  const elsewhere = outgoing.filter((u) => !u.startsWith(`${couch.url}/`));
  assert.deepEqual(elsewhere, []);
});
