/**
 * Only true sentences: over thousands of generated accounts in both languages, every part of the script rests on
 * the facts its key needs (partNeeds), every fact it names is in the record and is what the part says it is (a
 * demanded invoice is open and undisputed, a disputed one is disputed, a promise, an activity, a contact, a
 * setting, a signal exist), and no part names an invoice it does not rest on.
 */
import fc from 'fast-check';
import { defaultSettings, type AccountSnapshot, type Activity, type Contact, type Lang, type OpenReceivable, type PaymentPromise } from '@/lib/domain';
import { addDays } from '@/lib/ledger/dates';
import { partNeeds, sayPart, suggestNext, type FactRef, type ScriptPart, type Signal } from '@/lib/playbook';
import { NOW, TODAY, account } from '../support/accounts';

const channels = ['phone', 'visit', 'written-notice', 'finance-letter', 'lawyer-letter', 'email', 'im', 'statement'] as const;
const outcomes = ['no-answer', 'promised', 'refused', 'disputed', 'paid', 'hardship', 'redirected', 'info-gathered', 'other'] as const;
const personalities = ['perfectionist', 'helper', 'achiever', 'individualist', 'investigator', 'loyalist', 'enthusiast', 'challenger', 'peacemaker'] as const;
const signalKinds = ['trap-discount', 'trap-wait-for-our-client', 'trap-goods-for-debt', 'hardship', 'refusal', 'new-order', 'dispute', 'paid', 'promise'] as const;

const receivable = fc.record({
  due: fc.integer({ min: -900, max: 40 }), minor: fc.integer({ min: 1, max: 90_000_000 }), currency: fc.constantFrom('CNY', 'CNY', 'USD'),
  disputed: fc.boolean(), paid: fc.boolean(), partial: fc.boolean(),
});
const activity = fc.record({ ago: fc.integer({ min: 0, max: 400 }), channel: fc.constantFrom(...channels), outcome: fc.constantFrom(...outcomes) });
const promiseArb = fc.record({ at: fc.integer({ min: -60, max: 30 }), status: fc.constantFrom('pending', 'kept', 'broken', 'cancelled' as const), minor: fc.integer({ min: 1, max: 90_000_000 }) });
const contactArb = fc.record({ name: fc.constantFrom('陈静', 'Li Wei', '王芳', 'Sam Ho'), title: fc.constantFrom('财务经理', 'AP clerk', '采购', ''), personality: fc.option(fc.constantFrom(...personalities), { nil: undefined }) });

const accountArb = fc.record({
  recs: fc.array(receivable, { maxLength: 6 }),
  acts: fc.array(activity, { maxLength: 10 }),
  proms: fc.array(promiseArb, { maxLength: 3 }),
  contacts: fc.array(contactArb, { maxLength: 3 }),
  initiator: fc.boolean(), signer: fc.boolean(),
  type: fc.constantFrom('enterprise', 'government', 'state-owned', 'other' as const),
  dt: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
  company: fc.boolean(), bank: fc.boolean(),
  attitude: fc.constantFrom('passive', 'sales-driven', 'collection-driven', 'strategic' as const),
  signals: fc.array(fc.record({ kind: fc.constantFrom(...signalKinds), evidence: fc.constantFrom('我们下个月还要再订一批货', 'Can you ship another 200 units?', '能不能打个八折就结清', 'we are waiting for our client to pay us') }), { maxLength: 3 }),
  prepared: fc.boolean(),
}).map((g): AccountSnapshot & { signals: Signal[] } => {
  const receivables: OpenReceivable[] = g.recs.map((r, i) => ({
    id: `r${i}`, customerId: 'c', docNumber: `INV-${i + 1}`, kind: 'invoice', issueDate: addDays(TODAY, r.due - 30), dueDate: addDays(TODAY, r.due),
    amount: { minor: r.minor, currency: r.currency }, writtenOff: 0, status: r.paid ? 'paid' : 'open', disputed: r.disputed, selfQuestions: {}, interruptions: [],
    evidence: [], updatedAt: 0, openMinor: r.paid ? 0 : r.partial ? Math.ceil(r.minor / 2) : r.minor, ...(r.paid ? { settledOn: addDays(TODAY, Math.min(0, r.due + 5)) } : {}),
  }));
  const contacts: Contact[] = g.contacts.map((c, i) => ({ id: `p${i}`, customerId: 'c', name: c.name, title: c.title, ...(c.personality ? { personality: c.personality } : {}), updatedAt: 0 }));
  const activities: Activity[] = g.acts.map((a, i) => ({ id: `a${i}`, customerId: 'c', date: addDays(TODAY, -a.ago), channel: a.channel, techniqueIds: [], outcome: a.outcome, receivableIds: [], createdAt: i }));
  const promises: PaymentPromise[] = g.proms.map((p, i) => ({ id: `pr${i}`, customerId: 'c', amount: { minor: p.minor, currency: 'CNY' }, date: addDays(TODAY, p.at), source: 'call', status: p.status, coveredMinor: 0, receivableIds: [], createdAt: i, updatedAt: 0 }));
  const base = account();
  const settings = defaultSettings();
  settings.attitude = g.attitude;
  if (g.company) settings.ourCompany = { ...settings.ourCompany, name: '回款科技有限公司', nameEn: 'Huikuan Technology Co., Ltd.', contactName: '王磊', contactPhone: '138 0000 1234' };
  if (g.bank) settings.ourCompany = { ...settings.ourCompany, bankName: '中国工商银行杭州分行', bankAccount: '6222 0212 3456 7890', accountName: '回款科技有限公司' };
  return {
    ...base, receivables, contacts, activities, promises, settings, signals: g.signals,
    profile: { ...base.profile!, initiatorContactId: g.initiator && contacts[0] ? contacts[0].id : undefined, signerContactId: g.signer && contacts.at(-1) ? contacts.at(-1)!.id : undefined },
    preparations: { customerId: 'c', checked: g.prepared ? [1, 2, 3, 4, 5] : [], updatedAt: 0 },
    customer: { ...base.customer, type: g.type, ...(g.dt ? { delinquencyType: g.dt } : {}) },
  };
});

/** Why a fact does not hold in this account, or undefined when it does. */
function factFails(f: FactRef, a: AccountSnapshot & { signals: Signal[] }, level: number): string | undefined {
  const r = (id: string) => a.receivables.find((x) => x.id === id);
  const us = a.settings.ourCompany;
  switch (f.kind) {
    case 'receivable': { const x = r(f.id); return x && x.openMinor > 0 && !x.disputed ? undefined : `receivable ${f.id} is not open and undisputed`; }
    case 'disputed': { const x = r(f.id); return x && x.openMinor > 0 && x.disputed ? undefined : `receivable ${f.id} is not an open dispute`; }
    case 'promise': return a.promises.some((p) => p.id === f.id) ? undefined : `no promise ${f.id}`;
    case 'activity': return a.activities.some((p) => p.id === f.id) ? undefined : `no activity ${f.id}`;
    case 'contact': return a.contacts.some((p) => p.id === f.id) ? undefined : `no contact ${f.id}`;
    case 'setting': {
      const v = f.key === 'ourCompany.name' ? us.name || us.nameEn : f.key === 'ourCompany.bankAccount' ? us.bankAccount : f.key === 'ourCompany.contactName' ? us.contactName : us.contactPhone;
      return v.trim() ? undefined : `setting ${f.key} is empty`;
    }
    case 'signal': return a.signals.some((s) => s.kind === f.signal && s.evidence === f.evidence) ? undefined : `no signal ${f.signal}`;
    case 'level': return f.level === level ? undefined : `level ${f.level} is not the step's ${level}`;
  }
}

function check(a: AccountSnapshot & { signals: Signal[] }, lang: Lang): void {
  const s = suggestNext(a, NOW, lang);
  const parts: ScriptPart[] = [...s.parts, ...(s.subjectPart ? [s.subjectPart] : [])];
  expect(parts.length).toBeGreaterThan(0);
  for (const p of parts) {
    const needs = partNeeds[p.key];
    expect(needs, `part key ${p.key} has no declared needs`).toBeDefined();
    for (const kind of needs) expect(p.facts.some((f) => f.kind === kind), `${p.key} needs a ${kind} fact`).toBe(true);
    for (const f of p.facts) expect(factFails(f, a, s.level), p.key).toBeUndefined();
    // Thanks for paying on time only when nothing at all is open, disputed items included.
    if (p.key === 'thanks') expect(a.receivables.some((r) => r.kind === 'invoice' && r.openMinor > 0)).toBe(false);
    const text = sayPart(p, lang);
    expect(text).not.toMatch(/\{\{|undefined|NaN/);
    // A part names only the invoices it rests on.
    const named = new Set(p.facts.filter((f) => f.kind === 'receivable' || f.kind === 'disputed').map((f) => (f as { id: string }).id));
    for (const r of a.receivables) if (text.includes(`${r.docNumber}（`) || text.includes(`${r.docNumber} (`)) expect(named.has(r.id), `${p.key} names ${r.docNumber}`).toBe(true);
  }
  // Disputed invoices are never demanded; a legal step carries no technique lines (no flattery, no incentive).
  expect(s.demanded.every((d) => !a.receivables.find((r) => r.id === d.id)!.disputed)).toBe(true);
  if (s.level >= 7) expect(s.parts.some((p) => p.kind === 'technique')).toBe(false);
  expect(s.techniqueIds.filter((t) => s.level >= 7 && [15, 16, 18, 20].includes(t))).toEqual([]);
}

describe('every script part rests on facts of the record', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: 1,000 generated accounts`, () => {
      fc.assert(fc.property(accountArb, (a) => check(a, lang)), { numRuns: 1000, seed: lang === 'zh' ? 18 : 81 });
    }, 180_000);
  }
});
