/**
 * The sync cycle against a real CouchDB-protocol server on 127.0.0.1 (tests/support/couch-server.ts): two
 * browsers' stores (two Dexie databases), a salesperson and a manager, one server set up by the same code as
 * scripts/team-setup.ts.
 */
import { HuikuanDb } from '@/lib/db/schema';
import {
  addActivity,
  deleteRecords,
  putContact,
  putCustomer,
  putProfile,
  putPromise,
  putReceivable,
} from '@/lib/db/repo';
import { Couch } from '@/lib/sync/couch';
import { setCaptureClock } from '@/lib/sync/capture';
import { META, type MergeNote, queueEverything, syncOnce } from '@/lib/sync/engine';
import { adminRequests, applyTeamSetup, revokeMember } from '@/lib/sync/design';
import {
  activitySchema,
  contactSchema,
  customerSchema,
  paymentProcessProfileSchema,
  paymentPromiseSchema,
  receivableSchema,
} from '@/lib/domain';
import { type TestCouch, startTestCouch } from '../../support/couch-server';
import { couchAs, teamSpec } from '../support/team';
import { PINNED } from '../support/clock';

let server: TestCouch;
const now = new Date(PINNED);
const at = (min: number) => new Date(PINNED.getTime() + min * 60_000);
const spec = teamSpec;
const couchFor = (name: string, password?: string, timeoutMs?: number) =>
  couchAs(server.url, name, password, timeoutMs);

// Deletions are stamped by the outbox's clock: pinned with the rest.
let clockAt = PINNED.getTime();
setCaptureClock(() => clockAt);

beforeAll(async () => {
  server = await startTestCouch();
  await applyTeamSetup(adminRequests(server.url, server.admin), spec);
});
afterAll(async () => {
  await server?.stop();
});

let n = 0;
function browser(): HuikuanDb {
  return new HuikuanDb(`sync-${n++}-${Math.random()}`);
}

const customer = (id: string, owner: string, name = `客户 ${id}`) =>
  customerSchema.parse({ id, name, owner, createdAt: now.getTime(), updatedAt: now.getTime() });
const contact = (id: string, customerId: string, extra: Record<string, unknown> = {}, when = now) =>
  contactSchema.parse({ id, customerId, name: '陈会计', phone: '0571-8800', updatedAt: when.getTime(), ...extra });
const promise = (id: string, customerId: string) =>
  paymentPromiseSchema.parse({
    id,
    customerId,
    amount: { minor: 12_000_000, currency: 'CNY' },
    date: '2026-11-30',
    promisedBy: '陈会计',
    source: 'call',
    createdAt: now.getTime(),
    updatedAt: now.getTime(),
  });
const invoice = (id: string, customerId: string, minor: number, when = now) =>
  receivableSchema.parse({
    id,
    customerId,
    docNumber: `INV-${id}`,
    issueDate: '2026-09-01',
    dueDate: '2026-10-01',
    amount: { minor, currency: 'CNY' },
    updatedAt: when.getTime(),
  });

describe('team sync between two browsers and one server', () => {
  it('a promise a salesperson captured reaches the manager, with its customer and summary', async () => {
    const rep = browser();
    const mgr = browser();
    await putCustomer(rep, customer('cA1', '王磊'), now);
    await putPromise(rep, promise('pA1', 'cA1'), now);
    const pushed = await syncOnce(rep, couchFor('wanglei'), now);
    expect(pushed).toMatchObject({ ok: true, pending: 0, refused: [], notShared: 0 });
    expect(pushed.pushed).toBeGreaterThanOrEqual(2);
    const pulled = await syncOnce(mgr, couchFor('zhaomin'), now);
    expect(pulled.ok).toBe(true);
    expect(await mgr.promises.get('pA1')).toMatchObject({ customerId: 'cA1', amount: { minor: 12_000_000 } });
    expect((await mgr.summaries.get('cA1'))?.pendingPromiseCount).toBe(1);
    // Nothing the manager pulled is queued to go back.
    expect(await mgr.syncOutbox.count()).toBe(0);
  });

  it('concurrent edits of one contact merge field by field, the later edit of a field winning and the other kept', async () => {
    const rep = browser();
    const mgr = browser();
    await putCustomer(rep, customer('cB1', '王磊'), now);
    await putContact(rep, contact('kB1', 'cB1'));
    await syncOnce(rep, couchFor('wanglei'), now);
    await syncOnce(mgr, couchFor('zhaomin'), now);
    // Both edit while apart: the salesperson the phone and title, the manager (later) the phone and the note.
    await putContact(rep, contact('kB1', 'cB1', { phone: '0571-1111', title: '财务经理' }, at(1)));
    await putContact(mgr, contact('kB1', 'cB1', { phone: '0571-2222', note: '月底前付款' }, at(2)));
    await syncOnce(rep, couchFor('wanglei'), at(3));
    const m = await syncOnce(mgr, couchFor('zhaomin'), at(4));
    expect(m.merged).toBe(1);
    await syncOnce(rep, couchFor('wanglei'), at(5));
    for (const db of [rep, mgr]) {
      expect(await db.contacts.get('kB1')).toMatchObject({ phone: '0571-2222', title: '财务经理', note: '月底前付款' });
      const state = await db.syncDocs.get('contacts:kB1');
      expect(state?.base.alsoSet).toEqual([{ field: 'phone', value: '0571-1111', by: 'wanglei', at: at(1).getTime() }]);
    }
    const notes = (await mgr.meta.get(META.merges))?.value as MergeNote[];
    expect(notes[0]).toMatchObject({ field: 'phone', value: '0571-1111', by: 'wanglei', customerId: 'cB1' });
  });

  it('an edit made while the server is away is kept and sent when it is back', async () => {
    const rep = browser();
    const mgr = browser();
    await putCustomer(rep, customer('cC1', '王磊'), now);
    await syncOnce(rep, couchFor('wanglei'), now);
    server.pause();
    try {
      await putContact(rep, contact('kC1', 'cC1'));
      const offline = await syncOnce(rep, couchFor('wanglei'), at(1));
      expect(offline.ok).toBe(false);
      expect(offline.error?.kind).toBe('offline');
      expect(offline.pending).toBe(1);
    } finally {
      server.resume();
    }
    expect(await rep.contacts.get('kC1')).toBeDefined();
    const back = await syncOnce(rep, couchFor('wanglei'), at(2));
    expect(back).toMatchObject({ ok: true, pending: 0 });
    await syncOnce(mgr, couchFor('zhaomin'), at(3));
    expect(await mgr.contacts.get('kC1')).toMatchObject({ name: '陈会计' });
  });

  it("a salesperson can neither read nor write another salesperson's database, and keeps such customers to themselves", async () => {
    const wang = couchFor('wanglei');
    await expect(wang.changes('huikuan-lina', 0, 10)).rejects.toMatchObject({
      kind: expect.stringMatching(/forbidden|unauthorized/),
    });
    const results = await wang.bulkDocs('huikuan-lina', [
      {
        _id: 'customers:x',
        kind: 'customers',
        owner: 'lina',
        customerId: 'x',
        at: 1,
        by: 'wanglei',
        row: { id: 'x', name: 'x' },
      },
    ]);
    expect(results[0].ok).toBeFalsy();
    // In his own database he cannot file a record under another owner either (validate_doc_update).
    const own = await wang.bulkDocs('huikuan-wanglei', [
      {
        _id: 'customers:y',
        kind: 'customers',
        owner: 'lina',
        customerId: 'y',
        at: 1,
        by: 'wanglei',
        row: { id: 'y', name: 'y' },
      },
    ]);
    expect(own[0]).toMatchObject({ error: 'forbidden' });
    const rep = browser();
    await putCustomer(rep, customer('cD1', '李娜'), now);
    const r = await syncOnce(rep, couchFor('wanglei'), now);
    expect(r).toMatchObject({ ok: true, notShared: 1, pending: 1 });
  });

  it('the server refuses malformed records and changed activities; the records stay in the browser', async () => {
    const wang = couchFor('wanglei');
    const bad = await wang.bulkDocs('huikuan-wanglei', [
      {
        _id: 'customers:z',
        kind: 'customers',
        owner: 'wanglei',
        customerId: 'z',
        at: 1,
        by: 'wanglei',
        row: { id: 'z' },
      },
      {
        _id: 'customers:w',
        kind: 'customers',
        owner: 'wanglei',
        customerId: 'w',
        at: 1,
        by: 'zhaomin',
        row: { id: 'w', name: 'w' },
      },
      { _id: 'secrets:1', kind: 'secrets', owner: 'wanglei', customerId: 'z', at: 1, by: 'wanglei', row: {} },
    ]);
    expect(bad.map((b) => b.error)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    const act = {
      _id: 'activities:a1',
      kind: 'activities',
      owner: 'wanglei',
      customerId: 'z',
      at: 1,
      by: 'wanglei',
      row: { id: 'a1', customerId: 'z', date: '2026-11-20', channel: 'phone', note: '打过电话', createdAt: 1 },
    };
    const [first] = await wang.bulkDocs('huikuan-wanglei', [act]);
    const [changed] = await wang.bulkDocs('huikuan-wanglei', [
      { ...act, _rev: first.rev, row: { ...act.row, note: '改过' } },
    ]);
    expect(changed).toMatchObject({ error: 'forbidden', reason: 'activities are append-only' });
  });

  it('a newer deletion wins over an older edit; a newer edit wins over an older deletion', async () => {
    const rep = browser();
    const mgr = browser();
    await putCustomer(rep, customer('cE1', '王磊'), now);
    await putContact(rep, contact('kE1', 'cE1'));
    await putContact(rep, contact('kE2', 'cE1', { name: '刘出纳' }));
    await syncOnce(rep, couchFor('wanglei'), now);
    await syncOnce(mgr, couchFor('zhaomin'), now);
    // kE1: the manager edits (older), the salesperson deletes (newer) → deleted everywhere.
    await putContact(mgr, contact('kE1', 'cE1', { phone: '1' }, at(1)));
    await syncOnce(mgr, couchFor('zhaomin'), at(1));
    clockAt = at(10).getTime();
    await deleteRecords(rep, 'contacts', ['kE1'], 'x', at(10));
    await syncOnce(rep, couchFor('wanglei'), at(10));
    // kE2: the salesperson deletes (older), the manager edits (newer) → it comes back.
    clockAt = at(11).getTime();
    await deleteRecords(rep, 'contacts', ['kE2'], 'x', at(11));
    await putContact(mgr, contact('kE2', 'cE1', { name: '刘出纳', phone: '2' }, at(20)));
    await syncOnce(rep, couchFor('wanglei'), at(21));
    await syncOnce(mgr, couchFor('zhaomin'), at(22));
    await syncOnce(rep, couchFor('wanglei'), at(23));
    for (const db of [rep, mgr]) {
      expect(await db.contacts.get('kE1')).toBeUndefined();
      expect(await db.contacts.get('kE2')).toMatchObject({ phone: '2' });
    }
  });

  it('the later import of a ledger wins and its history names what it replaced', async () => {
    const rep = browser();
    const mgr = browser();
    await putCustomer(rep, customer('cF1', '王磊'), now);
    await putReceivable(rep, invoice('rF1', 'cF1', 100_000), now);
    await syncOnce(rep, couchFor('wanglei'), now);
    await syncOnce(mgr, couchFor('zhaomin'), now);
    await putReceivable(rep, invoice('rF1', 'cF1', 200_000, at(1)), at(1));
    await putReceivable(mgr, invoice('rF1', 'cF1', 300_000, at(2)), at(2));
    await syncOnce(rep, couchFor('wanglei'), at(3));
    await syncOnce(mgr, couchFor('zhaomin'), at(4));
    await syncOnce(rep, couchFor('wanglei'), at(5));
    for (const db of [rep, mgr]) {
      expect((await db.ledgers.get('cF1'))?.receivables[0].amount.minor).toBe(300_000);
      expect((await db.syncDocs.get('ledgers:cF1'))?.base.history).toEqual([
        expect.objectContaining({ by: 'zhaomin', replacedBy: 'wanglei' }),
      ]);
    }
  });

  it('a pull cut off mid-way resumes from its checkpoint without losing or repeating a change', async () => {
    const rep = browser();
    // More than two pages of changes (500 each).
    await rep.customers.bulkPut(Array.from({ length: 1100 }, (_x, i) => customer(`cG${i}`, '王磊')));
    await syncOnce(rep, couchFor('wanglei'), now);
    const mgr = browser();
    // The second page of changes of the salesperson's database fails.
    let pages = 0;
    server.failNext(
      1,
      500,
      '{"error":"unknown_error","reason":"boom"}',
      (m, u) => u.includes('/huikuan-wanglei/_changes') && ++pages === 2,
    );
    const cut = await syncOnce(mgr, couchFor('zhaomin'), now);
    expect(cut.ok).toBe(false);
    const half = await mgr.customers.where('id').startsWith('cG').count();
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(1100);
    const cp = (await mgr.meta.get(META.checkpoint('huikuan-wanglei')))?.value;
    expect(cp).toBeDefined();
    const before = server.requests.length;
    const resumed = await syncOnce(mgr, couchFor('zhaomin'), now);
    expect(resumed.ok).toBe(true);
    expect(await mgr.customers.where('id').startsWith('cG').count()).toBe(1100);
    const firstChanges = server.requests.slice(before).find((r) => r.url.startsWith('/huikuan-wanglei/_changes'));
    expect(firstChanges?.url).toContain(`since=${encodeURIComponent(String(cp))}`);
  });

  it('a server answering 401, 409, 500 or garbage never loses an edit', async () => {
    const rep = browser();
    await putCustomer(rep, customer('cH1', '王磊'), now);
    server.failNext(1, 200, '<html>captive portal</html>');
    const garbage = await syncOnce(rep, couchFor('wanglei'), now);
    expect(garbage.error?.kind).toBe('garbage');
    server.failNext(1, 500, '{"error":"internal"}', (_m, u) => u.includes('_bulk_docs'));
    const failed = await syncOnce(rep, couchFor('wanglei'), now);
    expect(failed.error?.kind).toBe('server');
    const wrong = await syncOnce(rep, couchFor('wanglei', 'wrong-password'), now);
    expect(wrong.error?.kind).toBe('unauthorized');
    expect(await rep.syncOutbox.get('customers:cH1')).toBeDefined();
    server.setDelay(1500);
    try {
      const slow = await syncOnce(rep, couchFor('wanglei', 'pw-wanglei', 500), now);
      expect(slow.error?.kind).toBe('timeout');
    } finally {
      server.setDelay(0);
    }
    const ok = await syncOnce(rep, couchFor('wanglei'), now);
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true, pending: 0 });
    expect(await rep.customers.get('cH1')).toBeDefined();
  });

  it("a revoked salesperson's next sync removes the shared data from that browser", async () => {
    const req = adminRequests(server.url, server.admin);
    await applyTeamSetup(req, {
      ...spec,
      salespeople: [...spec.salespeople, { name: 'sunli', password: 'pw-sunli', displayName: '孙丽' }],
    });
    const rep = browser();
    await putCustomer(rep, customer('cI1', '孙丽'), now);
    await putPromise(rep, promise('pI1', 'cI1'), now);
    expect((await syncOnce(rep, couchFor('sunli'), now)).ok).toBe(true);
    await revokeMember(req, 'sunli');
    const r = await syncOnce(rep, couchFor('sunli'), at(1));
    expect(r.revoked).toEqual(['huikuan-sunli']);
    expect(await rep.customers.get('cI1')).toBeUndefined();
    expect(await rep.promises.get('pI1')).toBeUndefined();
    expect(await rep.summaries.get('cI1')).toBeUndefined();
    expect(await rep.syncOutbox.count()).toBe(0);
  });

  it('a customer given to another salesperson takes its ledger, promises, activities, contacts and answers along at once', async () => {
    const wang = browser();
    const mgr = browser();
    const other = browser();
    const li = browser();
    await putCustomer(wang, customer('cK1', '王磊'), now);
    await putContact(wang, contact('kK1', 'cK1', { note: '只接受电汇' }));
    await putReceivable(wang, invoice('rK1', 'cK1', 450_000), now);
    await putPromise(wang, promise('pK1', 'cK1'), now);
    await addActivity(
      wang,
      activitySchema.parse({
        id: 'aK1',
        customerId: 'cK1',
        date: '2026-11-20',
        channel: 'phone',
        note: '答应月底付',
        createdAt: now.getTime(),
      }),
      now,
    );
    await putProfile(
      wang,
      paymentProcessProfileSchema.parse({ customerId: 'cK1', collectionTrigger: '验收单', updatedAt: now.getTime() }),
      now,
    );
    expect((await syncOnce(wang, couchFor('wanglei'), now)).pending).toBe(0);
    for (const m of [mgr, other]) expect((await syncOnce(m, couchFor('zhaomin'), now)).ok).toBe(true);
    const related = ['contacts:kK1', 'ledgers:cK1', 'promises:pK1', 'activities:aK1', 'profiles:cK1'];
    expect((await mgr.syncDocs.bulkGet(related)).map((s) => s?.db)).toEqual(related.map(() => 'huikuan-wanglei'));

    // The manager gives the customer to 李娜 and changes nothing else.
    const before = server.requests.length;
    await putCustomer(mgr, { ...customer('cK1', '李娜'), updatedAt: at(1).getTime() }, at(1));
    const moved = await syncOnce(mgr, couchFor('zhaomin'), at(1));
    expect(moved, JSON.stringify(moved)).toMatchObject({ ok: true, pending: 0, refused: [] });
    // One request per database for the whole move, not one per record.
    const writes = server.requests.slice(before).filter((r) => r.url.endsWith('/_bulk_docs'));
    expect(writes.map((r) => r.url).sort()).toEqual(['/huikuan-lina/_bulk_docs', '/huikuan-wanglei/_bulk_docs']);

    const admin = new Couch({ url: server.url, auth: { kind: 'password', ...server.admin }, timeoutMs: 5000 });
    const ids = ['customers:cK1', ...related];
    const inLina = await admin.currentRevs('huikuan-lina', ids);
    expect(inLina.map((r) => !!r.rev && !r.deleted)).toEqual(ids.map(() => true));
    const inWang = await admin.currentRevs('huikuan-wanglei', ids);
    expect(inWang.map((r) => r.deleted)).toEqual(ids.map(() => true));

    // 李娜 receives all of it; 王磊's browser no longer holds any of it.
    expect((await syncOnce(li, couchFor('lina'), at(2))).ok).toBe(true);
    expect(await li.contacts.get('kK1')).toMatchObject({ note: '只接受电汇' });
    expect((await li.ledgers.get('cK1'))?.receivables.map((r) => r.id)).toEqual(['rK1']);
    expect(await li.promises.get('pK1')).toBeDefined();
    expect(await li.activities.get('aK1')).toMatchObject({ note: '答应月底付' });
    expect(await li.profiles.get('cK1')).toMatchObject({ collectionTrigger: '验收单' });
    expect((await li.summaries.get('cK1'))?.pendingPromiseCount).toBe(1);
    expect((await syncOnce(wang, couchFor('wanglei'), at(2))).ok).toBe(true);
    expect(await wang.customers.get('cK1')).toBeUndefined();
    for (const [table, key] of [
      ['contacts', 'kK1'],
      ['ledgers', 'cK1'],
      ['promises', 'pK1'],
      ['activities', 'aK1'],
      ['profiles', 'cK1'],
    ] as const) {
      expect(await wang.table(table).get(key), table).toBeUndefined();
    }
    // Both managers keep everything, whichever database they read first (the tombstones left behind are not
    // deletions for them).
    for (const m of [mgr, other]) {
      expect((await syncOnce(m, couchFor('zhaomin'), at(3))).ok).toBe(true);
      expect(await m.customers.get('cK1')).toMatchObject({ owner: '李娜' });
      expect(await m.contacts.get('kK1')).toBeDefined();
      expect((await m.ledgers.get('cK1'))?.receivables).toHaveLength(1);
      expect(await m.promises.get('pK1')).toBeDefined();
      expect(await m.activities.get('aK1')).toBeDefined();
      expect((await m.syncDocs.bulkGet(ids)).map((s) => s?.db)).toEqual(ids.map(() => 'huikuan-lina'));
      expect(await m.syncOutbox.count()).toBe(0);
    }
  });

  it('a move cut off after the records left the old database finishes at the next sync', async () => {
    const wang = browser();
    const mgr = browser();
    await putCustomer(wang, customer('cL1', '王磊'), now);
    await putPromise(wang, promise('pL1', 'cL1'), now);
    await syncOnce(wang, couchFor('wanglei'), now);
    await syncOnce(mgr, couchFor('zhaomin'), now);
    await putCustomer(mgr, { ...customer('cL1', '李娜'), updatedAt: at(1).getTime() }, at(1));
    server.failNext(
      1,
      500,
      '{"error":"unknown_error","reason":"boom"}',
      (m, u) => m === 'POST' && u === '/huikuan-lina/_bulk_docs',
    );
    const cut = await syncOnce(mgr, couchFor('zhaomin'), at(1));
    expect(cut.ok).toBe(false);
    expect(await mgr.syncOutbox.get('promises:pL1')).toBeDefined();
    const done = await syncOnce(mgr, couchFor('zhaomin'), at(2));
    expect(done).toMatchObject({ ok: true, pending: 0 });
    const admin = new Couch({ url: server.url, auth: { kind: 'password', ...server.admin }, timeoutMs: 5000 });
    expect(
      (await admin.currentRevs('huikuan-lina', ['customers:cL1', 'promises:pL1'])).map((r) => !!r.rev && !r.deleted),
    ).toEqual([true, true]);
    expect(
      (await admin.currentRevs('huikuan-wanglei', ['customers:cL1', 'promises:pL1'])).map((r) => r.deleted),
    ).toEqual([true, true]);
  });

  it("a manager who reads the new owner's database before the old one keeps a moved customer's records", async () => {
    const wang = browser();
    const m1 = browser();
    const m2 = browser();
    await putCustomer(wang, customer('cN1', '王磊'), now);
    await putPromise(wang, promise('pN1', 'cN1'), now);
    await syncOnce(wang, couchFor('wanglei'), now);
    for (const m of [m1, m2]) await syncOnce(m, couchFor('zhaomin'), now);
    await putCustomer(m2, { ...customer('cN1', '李娜'), updatedAt: at(1).getTime() }, at(1));
    expect((await syncOnce(m2, couchFor('zhaomin'), at(1))).pending).toBe(0);
    // The team list now names 李娜 first, so m1 reads her database (the records' new home) before 王磊's, where
    // the same records are tombstones.
    const req = adminRequests(server.url, server.admin);
    await applyTeamSetup(req, { ...spec, salespeople: [...spec.salespeople].reverse() });
    try {
      expect((await syncOnce(m1, couchFor('zhaomin'), at(2))).ok).toBe(true);
      expect(await m1.customers.get('cN1')).toMatchObject({ owner: '李娜' });
      expect(await m1.promises.get('pN1')).toBeDefined();
      expect((await m1.syncDocs.get('promises:pN1'))?.db).toBe('huikuan-lina');
    } finally {
      await applyTeamSetup(req, spec);
    }
  });

  it('turning team mode on sends every record already in the browser', async () => {
    const rep = browser();
    await rep.customers.bulkPut([customer('cJ1', '王磊'), customer('cJ2', '王磊')]);
    await rep.syncOutbox.clear();
    expect(await queueEverything(rep, now.getTime())).toBe(2);
    const r = await syncOnce(rep, couchFor('wanglei'), now);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, pushed: 2 });
  });
});
