/**
 * The situations issue 18 names, in both languages: the step, the person it names, and a script that reads as
 * that step and says only what the record holds.
 */
import { suggestNext, type Signal } from '@/lib/playbook';
import { defaultSettings, type AccountSnapshot } from '@/lib/domain';
import { NOW, account, activity, ago, contact, promise, rec, withCompany } from '../support/accounts';

const langs = ['zh', 'en'] as const;
const both = (a: AccountSnapshot & { signals?: Signal[] }) => ({
  zh: suggestNext(a, NOW, 'zh'),
  en: suggestNext(a, NOW, 'en'),
});

describe('first contact, however late', () => {
  for (const days of [115, 300]) {
    it(`${days} days overdue and never contacted: the first reminder, not a lawyer`, () => {
      const s = both(withCompany(account({ receivables: [rec(1, ago(days))] })));
      for (const l of langs) {
        expect(s[l].level).toBe(1);
        expect(s[l].channel).toBe('phone');
        expect(s[l].addressee).toMatchObject({ role: 'initiator', name: '陈静' });
        expect(s[l].techniqueIds).not.toContain(22);
      }
      expect(s.zh.why.join()).toMatch(new RegExp(`${days} 天前），此后没有任何联系记录：从首次提醒开始`));
      expect(s.en.why.join()).toMatch(new RegExp(`\\(${days} days ago\\): start with the first reminder`));
      expect(s.zh.script).toMatch(/^陈静财务经理您好，我是回款科技有限公司的王磊。/);
      expect(s.en.script).toMatch(/^Hello 陈静\. This is 王磊 from Huikuan Technology Co\., Ltd\./);
      expect(s.en.script).not.toMatch(/lawyer|legal|suspend/i);
      expect(s.zh.script).not.toMatch(/律师|诉讼|暂停供货/);
    });
  }
});

describe('failed attempts climb the ladder', () => {
  const acc = withCompany(
    account({
      receivables: [rec(1, ago(300))],
      activities: [
        activity(ago(60), 'phone', 'no-answer'),
        activity(ago(59), 'phone', 'no-answer'),
        activity(ago(40), 'phone', 'no-answer'),
        activity(ago(39), 'email', 'no-answer'),
      ],
    }),
  );
  it('four unanswered reminders: the statement, sent to finance as a 对账函 to seal', () => {
    const s = both(acc);
    for (const l of langs) {
      expect(s[l].level).toBe(3);
      expect(s[l].channel).toBe('statement');
      expect(s[l].addressee.role).toBe('finance');
    }
    expect(s.zh.subject).toBe('杭州云帆科技有限公司：对账函，请核对盖章');
    expect(s.zh.script).toMatch(/随函附上截至 2026年11月22日 的对账单，请贵司核对后盖章寄回/);
    expect(s.en.script).toMatch(/statement of the open balance as of 22 Nov 2026: check it, stamp it and return it/);
    expect(s.en.why.join()).toMatch(/one step up to Statement and balance confirmation/);
  });
  it('a refusal after the visit: the finance letter, with the date to pay by', () => {
    const s = both(
      withCompany(account({ receivables: [rec(1, ago(80))], activities: [activity(ago(10), 'visit', 'refused')] })),
    );
    for (const l of langs) expect(s[l].level).toBe(5);
    expect(s.en.script).toMatch(
      /formal payment demand from our finance department: please pay the amounts below by 2 Dec 2026/,
    );
    expect(s.zh.why.join()).toMatch(/客户于 2026年11月12日 明确拒绝（[^）]+）：升一级至“财务催款函”/);
  });
  it('after the finance letter failed: suspension, and the notice says so and until what', () => {
    const s = both(
      withCompany(
        account({ receivables: [rec(1, ago(80))], activities: [activity(ago(16), 'finance-letter', 'other')] }),
      ),
    );
    for (const l of langs) {
      expect(s[l].level).toBe(6);
      expect(s[l].addressee.role).toBe('signer');
    }
    expect(s.en.script).toMatch(
      /supply to your account is suspended from 22 Nov 2026 until the overdue CN¥50,000\.00 is paid/,
    );
    expect(s.zh.script).toMatch(/自 2026年11月22日 起暂停向贵司供货，直至逾期款项 ¥50,000\.00 付清为止/);
  });
  it('the lawyer’s letter step drafts a lawyer’s letter naming the demands made, with no flattery', () => {
    const s = both(
      withCompany(
        account({
          receivables: [rec(1, ago(150))],
          activities: [
            activity(ago(40), 'finance-letter', 'no-answer'),
            activity(ago(20), 'written-notice', 'refused'),
          ],
        }),
      ),
    );
    for (const l of langs) {
      expect(s[l].level).toBe(7);
      expect(s[l].techniqueIds.filter((t) => [15, 16, 17, 18, 20].includes(t))).toEqual([]);
      expect(s[l].parts.some((p) => p.kind === 'technique')).toBe(false);
    }
    expect(s.en.script).toMatch(
      /On behalf of 回款科技有限公司: the amounts below, CN¥50,000\.00, remain unpaid despite our demands of 2 Nov 2026, 13 Oct 2026/,
    );
    expect(s.zh.subject).toMatch(/律师函（草稿，供律师审定）/);
  });
  it('no suit before a lawyer’s letter; after one that failed, the case file', () => {
    const noLetter = suggestNext(
      account({
        receivables: [rec(1, ago(200))],
        activities: [activity(ago(60), 'written-notice', 'refused'), activity(ago(30), 'phone', 'refused')],
      }),
      NOW,
      'en',
    );
    expect(noLetter.level).toBe(7);
    expect(noLetter.why.join()).toMatch(/No lawyer’s letter has been sent yet/);
    const after = suggestNext(
      withCompany(
        account({ receivables: [rec(1, ago(200))], activities: [activity(ago(30), 'lawyer-letter', 'refused')] }),
      ),
      NOW,
      'en',
    );
    expect(after.level).toBe(8);
    expect(after.script).toMatch(/Case file for counsel: .* the lawyer’s letter of 23 Oct 2026/);
  });
});

describe('disputes apart', () => {
  const acc = withCompany(
    account({
      receivables: [rec(1, ago(50)), rec(2, ago(60), 20_000_00, { disputed: true, disputeReason: '质量问题' })],
    }),
  );
  it('the disputed invoice is listed apart and never demanded; the undisputed part is (条例 art. 15)', () => {
    const s = both(acc);
    for (const l of langs) {
      expect(s[l].demanded.map((d) => d.docNumber)).toEqual(['INV-1']);
      expect(s[l].disputed).toEqual([
        { id: 'r2', docNumber: 'INV-2', minor: 20_000_00, currency: 'CNY', reason: '质量问题' },
      ]);
      const asks = s[l].parts.filter((p) => p.kind === 'items').map((p) => String(p.params.docs));
      expect(asks.join()).not.toMatch(/INV-2/);
    }
    expect(s.zh.script).toMatch(/以下款项双方仍在沟通，不在本次催收之列：INV-2（¥20,000\.00/);
    expect(s.en.script).toMatch(/Not part of this request, as they are under discussion: INV-2 \(CN¥20,000\.00/);
    expect(s.zh.why.join()).toMatch(/《保障中小企业款项支付条例》（2025）第十五条/);
    expect(s.en.why.join()).toMatch(/Oldest undisputed item 50 days overdue; CN¥50,000\.00 overdue \(INV-1\)/);
  });
  it('no threat while the dispute stands', () => {
    const s = suggestNext({ ...acc, activities: [activity(ago(20), 'written-notice', 'other')] }, NOW, 'en');
    expect(s.level).toBe(5);
    expect(s.techniqueIds).not.toContain(19);
    expect(s.why.join()).toMatch(/A dispute is open: no suspension or legal step until it is settled/);
  });
});

describe('promises', () => {
  it('a promise of ¥200,000 on ¥550,000 overdue holds only its part; the script asks for the rest, once', () => {
    const acc = withCompany(
      account({
        receivables: [rec(1, ago(50), 550_000_00)],
        activities: [activity(ago(20), 'finance-letter', 'promised')],
        promises: [promise('2026-12-06', 'pending', 200_000_00)],
      }),
    );
    const s = both(acc);
    for (const l of langs) expect(s[l].level).toBe(5);
    expect(s.en.why.join()).toMatch(
      /A promise of CN¥200,000\.00 for 6 Dec 2026 covers part; the remaining CN¥350,000\.00 follows the ladder/,
    );
    expect(s.en.script).toMatch(
      /We note your promise of CN¥200,000\.00 for 6 Dec 2026 .* Please also confirm the date for the remaining CN¥350,000\.00\./,
    );
    expect(s.en.script).not.toMatch(/today/);
    expect(s.zh.script.match(/承诺/g)).toHaveLength(1);
  });
  it('a promise that covers everything holds at a gentle follow-up', () => {
    const s = suggestNext(
      account({
        receivables: [rec(1, ago(50))],
        activities: [activity(ago(20), 'finance-letter', 'promised')],
        promises: [promise('2026-12-06', 'pending', 50_000_00)],
      }),
      NOW,
      'zh',
    );
    expect(s.level).toBe(2);
    expect(s.script).toMatch(
      /您承诺 2026年12月6日 付款 ¥50,000\.00，我们会在当天确认到账。请确认 2026年12月6日 的付款正在办理。/,
    );
  });
  it('a broken promise: named with its date and amount, and a firm date asked for', () => {
    const s = suggestNext(
      withCompany(account({ receivables: [rec(1, ago(40))], promises: [promise('2026-11-10', 'broken')] })),
      NOW,
      'en',
    );
    expect(s.level).toBe(2);
    expect(s.script).toMatch(/The payment of CN¥30,000\.00 promised for 10 Nov 2026 has not arrived/);
  });
  it('nothing open: no payment is asked for', () => {
    const s = suggestNext(
      account({ receivables: [rec(1, ago(40), 50_000_00, { openMinor: 0, status: 'paid', settledOn: ago(10) })] }),
      NOW,
      'en',
    );
    expect(s.level).toBe(0);
    expect(s.script).toMatch(/Nothing is outstanding/);
    expect(s.script).not.toMatch(/confirm the payment date/);
  });
});

describe('government budget', () => {
  it('a government customer long overdue with a refused suspension notice: the finance letter is the ceiling, pay within this year’s budget', () => {
    const s = both(
      account({
        customer: { type: 'government' },
        receivables: [rec(1, ago(200))],
        activities: [activity(ago(30), 'written-notice', 'refused')],
      }),
    );
    for (const l of langs) {
      expect(s[l].level).toBe(5);
      expect(s[l].techniqueIds).toEqual(expect.arrayContaining([2, 4]));
    }
    expect(s.zh.why.join()).toMatch(/客户财年将于 2026年12月31日 结束（还有 39 天）/);
    expect(s.en.why.join()).toMatch(/Government customer: the finance letter is the ceiling/);
    // The next attempt is planned for the budget push, 15 days before the fiscal year ends.
    expect(s.en.nextDate).toBe('2026-12-16');
  });
});

describe('limitation close', () => {
  it('23 days before the limitation deadline with no contact: straight to the statement to seal, and why', () => {
    const s = both(withCompany(account({ receivables: [rec(1, '2023-12-15')] })));
    for (const l of langs) {
      expect(s[l].level).toBe(3);
      expect(s[l].channel).toBe('statement');
    }
    expect(s.zh.why.join()).toMatch(/诉讼时效可能于 2026年12月15日 届满（还有 23 天）/);
    expect(s.en.script).toMatch(/stamp it and return it/);
  });
});

describe('the customer’s words (signals)', () => {
  const order: Signal = { kind: 'new-order', evidence: '下个月我们还要再订 200 台' };
  it('a new order is answered only when the customer asked for one, quoting it', () => {
    const base = withCompany(account({ customer: { delinquencyType: 3 }, receivables: [rec(1, ago(20))] }));
    expect(suggestNext(base, NOW, 'zh').script).not.toMatch(/新订单/);
    const s = suggestNext({ ...base, signals: [order] }, NOW, 'zh');
    expect(s.script).toMatch(
      /您提到的新订单（“下个月我们还要再订 200 台”）我们很愿意安排，按公司规定需要先把前期款项结清。/,
    );
    expect(s.parts.find((p) => p.key === 'newOrder')!.facts).toContainEqual({
      kind: 'signal',
      signal: 'new-order',
      evidence: order.evidence,
    });
  });
  it('a discount trap from the detector rules out an incentive and is quoted in the caution', () => {
    const s = suggestNext(
      {
        ...account({ contacts: [contact('p1', '高峰', '项目财务部', 'achiever')], receivables: [rec(1, ago(5))] }),
        signals: [{ kind: 'trap-discount', evidence: 'If you agree to take 20% off, we can close the account' }],
      },
      NOW,
      'en',
    );
    expect(s.techniqueIds).not.toContain(16);
    expect(s.cautions.join()).toMatch(/waiver or reduction note .*“If you agree to take 20% off/);
  });
});

describe('other checks', () => {
  it('asks for the signer and initiator first when unknown', () => {
    const s = suggestNext(account({ profile: undefined, receivables: [rec(1, ago(12))] }), NOW, 'en');
    expect(s.missing).toEqual(expect.arrayContaining([4, 5]));
    expect(s.addressee.role).toBe('finance');
  });
  it('spots a trap in the customer’s message', () => {
    const s = suggestNext(
      account({ receivables: [rec(1, ago(12))], recentMessages: ['我们的客户还欠我们钱，所以暂时无法付你们'] }),
      NOW,
      'zh',
    );
    expect(s.cautions.join()).toMatch(/三角债/);
  });
  it('names only our bank account in the script', () => {
    const settings = {
      ...defaultSettings(),
      ourCompany: {
        ...defaultSettings().ourCompany,
        name: '我司',
        bankName: '工商银行',
        bankAccount: '6222 0000 1111',
        accountName: '回款科技有限公司',
      },
    };
    const s = suggestNext(account({ settings, receivables: [rec(1, ago(12))] }), NOW, 'zh');
    expect(s.script).toMatch(/6222 0000 1111/);
    expect(s.script).toMatch(/其他任何账户均不视为付款/);
  });
  it('never adds overdue amounts across currencies', async () => {
    const { buildDemoPortfolio } = await import('@/lib/demo/portfolio');
    const { allocate } = await import('@/lib/ledger');
    const d = buildDemoPortfolio('2026-11-22', new Date(2026, 10, 22).getTime());
    const by = <T extends { customerId: string }>(xs: T[]) => xs.filter((x) => x.customerId === 'c01');
    const receivables = allocate(by(d.receivables), by(d.payments));
    const currencies = new Set(
      receivables.filter((r) => r.openMinor > 0 && r.dueDate < '2026-11-22').map((r) => r.amount.currency),
    );
    expect(currencies.size).toBeGreaterThan(1);
    const s = suggestNext(
      {
        customer: d.customers[0],
        contacts: by(d.contacts),
        receivables,
        payments: by(d.payments),
        promises: by(d.promises),
        activities: by(d.activities),
        settings: defaultSettings(),
      },
      new Date(2026, 10, 22, 12),
      'en',
    );
    const line = s.why.find((w) => w.startsWith('Oldest undisputed item'))!;
    expect(line).toMatch(/CN¥[\d,.]+ and (US)?\$[\d,.]+ overdue/);
  });
});
