import { suggestNext } from '@/lib/playbook';
import { defaultSettings, type AccountSnapshot, type OpenReceivable } from '@/lib/domain';

const now = new Date('2026-11-22T10:00:00');
const rec = (id: string, due: string, minor: number, extra: Partial<OpenReceivable> = {}): OpenReceivable => ({
  id, customerId: 'c', docNumber: `INV-${id}`, kind: 'invoice', issueDate: '2026-01-01', dueDate: due, amount: { minor, currency: 'CNY' },
  writtenOff: 0, status: 'open', disputed: false, selfQuestions: {}, interruptions: [], evidence: [], updatedAt: 0, openMinor: minor, ...extra,
});
function account(p: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    customer: { id: 'c', name: '杭州云帆科技有限公司', aliases: [], domains: [], crmLinks: [], type: 'enterprise', tags: [], createdAt: 0, updatedAt: 0 },
    contacts: [{ id: 'p1', customerId: 'c', name: '陈静', title: '财务经理', updatedAt: 0 }],
    receivables: [], payments: [], promises: [], activities: [], settings: defaultSettings(), ...p,
  };
}
const promise = (date: string, status: 'pending' | 'broken') => ({ id: `pr-${date}`, customerId: 'c', amount: { minor: 100_000_00, currency: 'CNY' }, date, source: 'call' as const, status, coveredMinor: 0, receivableIds: [], createdAt: 0, updatedAt: 0 });

const cases: Array<{ name: string; acc: AccountSnapshot; level?: number; maxLevel?: number; tech?: number[]; why?: RegExp }> = [
  { name: 'nothing open → prevention', acc: account(), level: 0, tech: [1, 21] },
  { name: 'due soon → remind before due', acc: account({ receivables: [rec('1', '2026-11-28', 50_000_00)] }), level: 0, tech: [5] },
  { name: '5 days overdue → first reminder', acc: account({ receivables: [rec('1', '2026-11-17', 50_000_00)] }), level: 1, tech: [2, 7] },
  { name: '10 days → call the initiator', acc: account({ receivables: [rec('1', '2026-11-12', 50_000_00)] }), level: 2 },
  { name: '20 days → statement and balance confirmation', acc: account({ receivables: [rec('1', '2026-11-02', 50_000_00)] }), level: 3 },
  { name: '35 days → visit', acc: account({ receivables: [rec('1', '2026-10-18', 50_000_00)] }), level: 4, tech: [6] },
  { name: 'broken promise escalates one level and firmer', acc: account({ receivables: [rec('1', '2026-11-02', 50_000_00)], promises: [promise('2026-11-10', 'broken')] }), level: 4, tech: [9, 10, 11], why: /broken|未兑现/ },
  { name: 'pending promise holds, gentle follow-up', acc: account({ receivables: [rec('1', '2026-07-01', 50_000_00)], promises: [promise('2026-11-25', 'pending')], activities: [] }), maxLevel: 6, tech: [11], why: /promise|承诺/ },
  { name: 'dispute: resolve first, no escalation', acc: account({ receivables: [rec('1', '2026-06-01', 50_000_00, { disputed: true })] }), maxLevel: 3, tech: [4, 21], why: /dispute|争议/ },
  { name: 'deliberate delay escalates fast', acc: account({ customer: { ...account().customer, delinquencyType: 6 }, receivables: [rec('1', '2026-10-18', 50_000_00)] }), level: 6, tech: [10, 19] },
  { name: 'cash-flow squeeze → small amounts', acc: account({ customer: { ...account().customer, delinquencyType: 5 }, receivables: [rec('1', '2026-11-10', 50_000_00)] }), tech: [3] },
  { name: 'government customer never gets a lawyer’s letter first', acc: account({ customer: { ...account().customer, type: 'government' }, receivables: [rec('1', '2026-01-01', 50_000_00)] }), maxLevel: 5, why: /budget|预算/ },
  { name: 'limitation near → demand with evidence now', acc: account({ receivables: [rec('1', '2023-12-15', 50_000_00)] }), tech: [4], why: /time-barred|诉讼时效/ },
  { name: 'long overdue, no talks → lawyer’s letter', acc: account({ receivables: [rec('1', '2026-06-01', 50_000_00)] }), level: 8, tech: [22] },
];

describe('suggestNext scenarios', () => {
  for (const c of cases) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${c.name} (${lang})`, () => {
        const s = suggestNext(c.acc, now, lang);
        if (c.level !== undefined) expect(s.level).toBe(c.level);
        if (c.maxLevel !== undefined) expect(s.level).toBeLessThanOrEqual(c.maxLevel);
        for (const t of c.tech ?? []) expect(s.techniqueIds).toContain(t);
        if (c.why) expect(s.why.join(' ')).toMatch(c.why);
        expect(s.script).not.toMatch(/\{|undefined|NaN/);
        expect(s.why.length).toBeGreaterThan(0);
      });
    }
  }
  it('asks for the signer and initiator first when unknown', () => {
    const s = suggestNext(account({ receivables: [rec('1', '2026-11-10', 50_000_00)] }), now, 'en');
    expect(s.missing).toEqual(expect.arrayContaining([4, 5]));
  });
  it('spots a trap in the customer’s message', () => {
    const s = suggestNext(account({ receivables: [rec('1', '2026-11-10', 50_000_00)], recentMessages: ['我们的客户还欠我们钱，所以暂时无法付你们'] }), now, 'zh');
    expect(s.cautions.join()).toMatch(/三角债/);
  });
  it('names only our bank account in the script', () => {
    const settings = { ...defaultSettings(), ourCompany: { ...defaultSettings().ourCompany, name: '我司', bankName: '工商银行', bankAccount: '6222 0000 1111', accountName: '回款科技有限公司' } };
    const s = suggestNext(account({ settings, receivables: [rec('1', '2026-11-10', 50_000_00)] }), now, 'zh');
    expect(s.script).toMatch(/6222 0000 1111/);
    expect(s.script).toMatch(/其他任何账户均不视为付款/);
  });
});

describe('amounts in the reasons', () => {
  it('never adds overdue amounts across currencies', async () => {
    const { buildDemoPortfolio } = await import('@/lib/demo/portfolio');
    const { allocate } = await import('@/lib/ledger');
    const { defaultSettings } = await import('@/lib/domain');
    const { suggestNext } = await import('@/lib/playbook');
    const d = buildDemoPortfolio('2026-11-22', new Date(2026, 10, 22).getTime());
    const by = <T extends { customerId: string }>(xs: T[]) => xs.filter((x) => x.customerId === 'c01');
    const receivables = allocate(by(d.receivables), by(d.payments));
    const currencies = new Set(receivables.filter((r) => r.openMinor > 0 && r.dueDate < '2026-11-22').map((r) => r.amount.currency));
    expect(currencies.size).toBeGreaterThan(1);
    const s = suggestNext({ customer: d.customers[0], contacts: by(d.contacts), receivables, payments: by(d.payments), promises: by(d.promises),
      activities: by(d.activities), settings: defaultSettings() }, new Date(2026, 10, 22, 12), 'en');
    const line = s.why.find((w) => w.startsWith('Oldest item'))!;
    expect(line).toMatch(/CN¥[\d,.]+ \+ (US)?\$[\d,.]+ overdue/);
  });
});
