import { channels, type AccountSnapshot, type Channel, type Lang } from '@/lib/domain';
import { fillScript, keyContact, personalities, suggestNext, techniques } from '@/lib/playbook';
import { NOW, TODAY, account, ago, contact, rec, withCompany } from './fixtures';
import { scenarios } from './scenarios';

const langs: Lang[] = ['zh', 'en'];
/** Anything that betrays a template slot left unfilled, or two sentence marks run together. */
const unfilled = /\{|\}|_{2,}|undefined|NaN|null|\[object|[。，；：、]{2}|\.\.|,,|\s[,.;:]|\(\s*\)|（\s*）/;

function check(text: string | undefined, where: string) {
  if (text === undefined) return;
  expect(text, where).not.toMatch(unfilled);
  expect(text.trim(), where).not.toBe('');
}

describe('filled scripts', () => {
  it('no scenario, in either language, on any channel, with or without our company or contact titles, leaves a slot unfilled', () => {
    let n = 0;
    for (const c of scenarios) {
      // Contacts entered with a name only are as common as complete ones.
      const untitled = { ...c.acc, contacts: c.acc.contacts.map((p) => ({ ...p, title: undefined })) };
      for (const acc of [c.acc, withCompany(c.acc), untitled]) {
        for (const lang of langs) {
          const s = suggestNext(acc, c.now ?? NOW, lang);
          check(s.script, `${c.name} ${lang}`);
          check(s.subject, `${c.name} ${lang} subject`);
          for (const w of [...s.why, ...s.cautions]) check(w, `${c.name} ${lang} why`);
          for (const channel of channels) {
            const overdue = acc.receivables.filter((r) => r.openMinor > 0 && r.dueDate < TODAY);
            const f = fillScript({ account: acc, lang, asOf: TODAY, channel, techniqueIds: s.techniqueIds, overdue });
            check(f.script, `${c.name} ${lang} ${channel}`);
            check(f.subject, `${c.name} ${lang} ${channel} subject`);
            n++;
          }
        }
      }
    }
    expect(n).toBeGreaterThan(40 * 3 * 2 * 8 - 1);
  });

  it('every technique’s line can be used on every channel it fits, in both languages', () => {
    const acc = withCompany(account({ receivables: [rec(7, ago(12), 86_000_00)] }));
    for (const t of techniques) {
      expect(t.channels.length, `technique ${t.id}`).toBeGreaterThan(0);
      for (const channel of t.channels) {
        for (const lang of langs) {
          const f = fillScript({ account: acc, lang, asOf: TODAY, channel, techniqueIds: [t.id], overdue: acc.receivables });
          expect(f.script).toContain(t.line[lang]);
          expect(f.script).toContain('INV-7');
          check(f.script, `technique ${t.id} ${channel} ${lang}`);
        }
      }
    }
  });

  it('letters and e-mails carry a subject; phone, IM and visit scripts do not', () => {
    const acc = account({ receivables: [rec(1, ago(5))] });
    const subjectFor = (channel: Channel) => fillScript({ account: acc, lang: 'zh', asOf: TODAY, channel, techniqueIds: [2], overdue: acc.receivables }).subject;
    for (const ch of ['email', 'finance-letter', 'written-notice', 'statement', 'lawyer-letter'] as Channel[]) expect(subjectFor(ch)).toMatch(/杭州云帆科技有限公司/);
    for (const ch of ['phone', 'im', 'visit'] as Channel[]) expect(subjectFor(ch)).toBeUndefined();
    expect(fillScript({ account: acc, lang: 'en', asOf: TODAY, channel: 'visit', techniqueIds: [6], overdue: acc.receivables }).script).toMatch(/^Visit agenda: 1\./);
  });

  it('names our own bank account only and says other accounts do not count; without one, points to the contract', () => {
    const acc = withCompany(account({ receivables: [rec(1, ago(5))] }));
    for (const lang of langs) {
      const s = suggestNext(acc, NOW, lang);
      expect(s.script).toContain('6222 0212 3456 7890');
      expect(s.script).toMatch(lang === 'zh' ? /汇入其他任何账户均不视为付款/ : /any other account does not count as payment/);
      const bare = suggestNext(account({ receivables: [rec(1, ago(5))] }), NOW, lang);
      expect(bare.script).toMatch(lang === 'zh' ? /按合同约定汇入我司对公账户/ : /as stated in the contract/);
    }
  });

  it('says who we are only when we know it', () => {
    const acc = account({ receivables: [rec(1, ago(5))] });
    const phone = (a: AccountSnapshot, lang: Lang) => fillScript({ account: a, lang, asOf: TODAY, channel: 'phone', techniqueIds: [2], overdue: a.receivables }).script;
    expect(phone(acc, 'zh')).toMatch(/^陈静财务经理您好，这笔款项/);
    expect(phone(withCompany(acc), 'zh')).toMatch(/^陈静财务经理您好，我是回款科技有限公司的王磊。/);
    expect(phone(withCompany(acc), 'en')).toMatch(/^Hello 陈静\. This is 王磊 from Huikuan Technology Co\., Ltd\. This amount/);
  });

  it('each personality type opens the script its own way and the brief ones keep one technique line', () => {
    for (const p of personalities) {
      const acc = account({ contacts: [contact('p1', '赵强', '财务总监', p.key)], receivables: [rec(1, ago(10))] });
      for (const lang of langs) {
        const f = fillScript({ account: acc, lang, asOf: TODAY, channel: 'phone', techniqueIds: [7, 11], overdue: acc.receivables });
        expect(f.script).toContain(p.opening[lang]);
        expect(f.script.includes(techniques[10].line[lang])).toBe(!p.brief);
        expect(f.script).toContain(techniques[6].line[lang]);
      }
    }
    const openings = new Set(personalities.map((p) => p.opening.zh));
    expect(openings.size).toBe(9);
  });

  it('speaks to the signer or initiator with a personality, else the first contact with one, else the signer', () => {
    const a = contact('p1', '陈静', '财务经理');
    const b = contact('p2', '刘洋', '采购总监', 'achiever');
    const c = contact('p3', '周敏', '项目经理', 'peacemaker');
    const base = account();
    const prof = (initiator: string, signer: string) => ({ ...base.profile!, initiatorContactId: initiator, signerContactId: signer });
    expect(keyContact(account({ contacts: [a, b, c], profile: prof('p3', 'p1') })).contact?.name).toBe('周敏');
    expect(keyContact(account({ contacts: [a, b, c], profile: prof('p1', 'p1') })).contact?.name).toBe('刘洋');
    expect(keyContact(account({ contacts: [a, b, c], profile: prof('p2', 'p3') })).contact?.name).toBe('周敏');
    expect(keyContact(account({ contacts: [c, a], profile: undefined })).personality?.key).toBe('peacemaker');
    const plain = keyContact(account({ contacts: [contact('x', '甲', '出纳'), a], profile: prof('p1', 'p1') }));
    expect(plain.contact?.name).toBe('陈静');
    expect(plain.personality).toBeUndefined();
    expect(keyContact(account({ contacts: [] })).contact).toBeUndefined();
    expect(fillScript({ account: account({ contacts: [], receivables: [rec(1, ago(3))] }), lang: 'en', asOf: TODAY, channel: 'im', techniqueIds: [2], overdue: [rec(1, ago(3))] }).script).toMatch(/^Hi\. /);
  });

  it('a live promise date is repeated in the script; an expired one is not', () => {
    const live = suggestNext(account({ receivables: [rec(1, ago(20))], promises: [{ id: 'x', customerId: 'c', amount: { minor: 1_000_00, currency: 'CNY' }, date: '2026-11-24', source: 'call', status: 'pending', coveredMinor: 0, receivableIds: [], createdAt: 0, updatedAt: 0 }] }), NOW, 'zh');
    expect(live.script).toMatch(/您此前承诺 2026年11月24日 付款/);
    const old = suggestNext(account({ receivables: [rec(1, ago(20))], promises: [{ id: 'x', customerId: 'c', amount: { minor: 1_000_00, currency: 'CNY' }, date: '2026-11-01', source: 'call', status: 'pending', coveredMinor: 0, receivableIds: [], createdAt: 0, updatedAt: 0 }] }), NOW, 'zh');
    expect(old.script).not.toMatch(/您此前承诺/);
  });
});
