/**
 * The whole demo portfolio through the playbook, as the side panel would run it: real-shaped accounts with two
 * currencies, partial payments, personalities, government budgets and half-answered profiles.
 */
import { defaultSettings, type AccountSnapshot } from '@/lib/domain';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { allocate } from '@/lib/ledger';
import { suggestNext } from '@/lib/playbook';
import { NOW, TODAY, withCompany } from '../support/accounts';

const demo = buildDemoPortfolio(TODAY, NOW.getTime());
const snapshot = (id: string): AccountSnapshot => {
  const of = <T extends { customerId: string }>(xs: T[]) => xs.filter((x) => x.customerId === id);
  const receivables = of(demo.receivables);
  const payments = of(demo.payments);
  return {
    customer: demo.customers.find((c) => c.id === id)!,
    contacts: of(demo.contacts),
    receivables: allocate(receivables, payments),
    payments,
    promises: of(demo.promises),
    activities: of(demo.activities),
    profile: of(demo.profiles)[0],
    preparations: of(demo.preparations)[0],
    settings: defaultSettings(),
  };
};

describe('the demo portfolio through suggestNext', () => {
  const all = demo.customers.map((c) => snapshot(c.id));

  it('gives every customer a complete suggestion in both languages with no unfilled slot', () => {
    for (const acc of all) {
      for (const a of [acc, withCompany(acc)]) {
        for (const lang of ['zh', 'en'] as const) {
          const s = suggestNext(a, NOW, lang);
          const where = `${acc.customer.id} ${lang}`;
          expect(s.techniqueIds.length, where).toBeGreaterThan(0);
          expect(s.why.length, where).toBeGreaterThan(1);
          for (const text of [s.script, s.subject ?? '', ...s.why, ...s.cautions]) {
            expect(text, where).not.toMatch(/\{|\}|_{2,}|undefined|NaN|null|\[object|[。，；：]{2}|\.\./);
          }
        }
      }
    }
  });

  it('adapts the tone to the person the step names, wherever that person has a personality in the demo', () => {
    const typed = all.filter((a) => a.contacts.some((c) => c.personality));
    expect(typed.length).toBeGreaterThanOrEqual(10);
    let toned = 0;
    for (const acc of typed) {
      const s = suggestNext(acc, NOW, 'zh');
      const addressee = acc.contacts.find((c) => c.id === s.addressee.contactId);
      if (!addressee?.personality) {
        expect(s.tone, acc.customer.id).toBeUndefined();
        continue;
      }
      toned++;
      expect(s.tone, acc.customer.id).toMatchObject({ contact: addressee.name, personality: addressee.personality });
      expect(s.script).toContain(addressee.name);
    }
    expect(toned).toBeGreaterThanOrEqual(5);
  });

  it('times the two government agencies to their fiscal year and keeps them off the lawyer’s letter', () => {
    const gov = all.filter((a) => a.customer.type === 'government');
    expect(gov).toHaveLength(2);
    for (const acc of gov) {
      const s = suggestNext(acc, NOW, 'zh');
      expect(s.level).toBeLessThanOrEqual(5);
      expect(s.why.join()).toMatch(/财年将于 2026年12月31日 结束/);
    }
  });
});
