/**
 * Insert checks the recipient (issue #20): with the side panel on one customer, "Insert into the open email" into a
 * compose box addressed to another customer of the store is held back and says whose letter and whose e-mail;
 * "Insert anyway" inserts; an e-mail to this customer, or to nobody the store knows, inserts at once. Copy asks the
 * same question of the tab's open compose box (compose/check) and never inserts anything itself.
 */
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { type ComposeMismatch, type Matcher, createRouter } from '@/lib/messaging/router';
import { domainOf } from '@/lib/match';

const me = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const panel = { id: me.id, url: `${me.origin}sidepanel.html` };
const now = new Date('2026-11-22T10:00:00');

async function setup(recipients: string[]) {
  const db = new HuikuanDb(`compose-${Math.random()}`);
  setDb(db);
  await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
  const [c1, c2] = await db.customers.bulkGet(['c01', 'c02']);
  // Company domains of two demo customers.
  const domains = new Map([
    ['yunfan.example.cn', 'c01'],
    ['other-co.example.cn', 'c02'],
  ]);
  const matcher: Matcher = {
    match: (q) =>
      (q.emails ?? []).flatMap((e) => {
        const id = domains.get(domainOf(e) ?? '');
        return id ? [{ customerId: id, score: 0.95, reason: 'email-domain' as const }] : [];
      }),
  };
  const sent: unknown[] = [];
  const handle = createRouter({
    me,
    db,
    tabs: { get: async () => undefined, set: async () => undefined, delete: async () => undefined },
    matcher: async () => matcher,
    customersChanged: () => undefined,
    now: () => now,
    browserLang: () => 'en-US',
    broadcast: () => undefined,
    sendToTab: async (_id, m) => {
      sent.push(m);
      return (m as { type: string }).type === 'compose/recipients' ? { emails: recipients } : { ok: true };
    },
    onDataChanged: () => undefined,
    isSiteEnabled: () => true,
  });
  const inserts = () => sent.filter((m) => (m as { type: string }).type === 'compose/insert').length;
  return { handle, inserts, names: [c1!.name, c2!.name], db };
}

describe('insert checks the recipient', () => {
  it('an e-mail to another customer is held back, naming whose letter and whose e-mail; Insert anyway inserts', async () => {
    const { handle, inserts, names, db } = await setup(['cfo@other-co.example.cn', 'me@gmail.com']);
    const r = (await handle({ type: 'compose/insert', tabId: 3, text: '尊敬的客户…', customerId: 'c01' }, panel)) as {
      ok: boolean;
      mismatch: ComposeMismatch;
    };
    expect(r.ok).toBe(false);
    expect(r.mismatch).toEqual({
      letterFor: names[0],
      recipients: [{ email: 'cfo@other-co.example.cn', customerId: 'c02', customerName: names[1] }],
    });
    expect(inserts()).toBe(0);
    await handle({ type: 'compose/insert', tabId: 3, text: '尊敬的客户…', customerId: 'c01', anyway: true }, panel);
    expect(inserts()).toBe(1);
    db.close();
  });

  it('an e-mail that also goes to this customer, or only to addresses of no customer, is inserted at once', async () => {
    for (const recipients of [['ap@yunfan.example.cn', 'cfo@other-co.example.cn'], ['someone@gmail.com'], []]) {
      const { handle, inserts, db } = await setup(recipients);
      const r = (await handle({ type: 'compose/insert', tabId: 3, text: 'x', customerId: 'c01' }, panel)) as {
        ok: boolean;
        mismatch?: unknown;
      };
      expect(r.mismatch).toBeUndefined();
      expect(inserts()).toBe(1);
      db.close();
    }
  });

  it('a content script answering with something else than a list of addresses proves nothing', async () => {
    const { handle, inserts, db } = await setup('<script>' as unknown as string[]);
    await handle({ type: 'compose/insert', tabId: 3, text: 'x', customerId: 'c01' }, panel);
    expect(inserts()).toBe(1);
    db.close();
  });
});

describe('copy checks the recipient of the open compose box', () => {
  it('an e-mail to another customer is a mismatch naming both; to this customer or to nobody known it is not; nothing is inserted', async () => {
    const { handle, inserts, names, db } = await setup(['cfo@other-co.example.cn']);
    expect(await handle({ type: 'compose/check', tabId: 3, customerId: 'c01' }, panel)).toEqual({
      ok: false,
      mismatch: {
        letterFor: names[0],
        recipients: [{ email: 'cfo@other-co.example.cn', customerId: 'c02', customerName: names[1] }],
      },
    });
    expect(await handle({ type: 'compose/check', tabId: 3, customerId: 'c02' }, panel)).toEqual({ ok: true });
    expect(inserts()).toBe(0);
    db.close();
    for (const recipients of [['ap@yunfan.example.cn', 'cfo@other-co.example.cn'], ['someone@gmail.com'], []]) {
      const s = await setup(recipients);
      expect(await s.handle({ type: 'compose/check', tabId: 3, customerId: 'c01' }, panel)).toEqual({ ok: true });
      s.db.close();
    }
  });

  it('is a page request only: a content script cannot ask it', async () => {
    const { handle, db } = await setup(['cfo@other-co.example.cn']);
    await expect(
      handle(
        { type: 'compose/check', tabId: 3, customerId: 'c01' },
        { id: me.id, url: 'https://mail.example.com/', tab: { id: 3 } },
      ),
    ).rejects.toThrow();
    db.close();
  });
});
