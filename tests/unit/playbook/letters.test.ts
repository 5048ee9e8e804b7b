/** The three letters: what they cover, the totals in figures and capitals, who speaks, and what they never print. */
import { buildLetter, letterKinds, letterReference, letterText } from '@/lib/playbook/letters';
import { docText } from '@/lib/i18n';
import { amountInCapitalsFor } from '@/lib/playbook/capitals';
import { account, NOW, rec, withCompany } from '../support/accounts';

const usd = (n: number, due: string, minor: number) => rec(n, due, minor, { amount: { minor, currency: 'USD' } });
const receivables = [
  rec(1, '2026-09-01', 30_000_00),
  rec(2, '2026-10-01', 10_000_00),
  rec(3, '2026-10-15', 8_000_00, { disputed: true, disputeReason: '数量不符' }),
  usd(4, '2026-10-20', 12_400_00),
  rec(5, '2026-12-30', 5_000_00),
];
const acct = withCompany(account({ receivables }));

describe('letters: what they cover', () => {
  it('cover every open undisputed invoice by default, with disputed ones named apart and never demanded', () => {
    const doc = buildLetter('collection-letter', acct, NOW, docText('zh'));
    expect(doc.picked).toEqual(['r1', 'r2', 'r4', 'r5']);
    expect(doc.table.rows.map((r) => r.cells[0])).toEqual(['INV-1', 'INV-2', 'INV-4', 'INV-5']);
    expect(doc.table.totals).toEqual(['¥45,000.00（人民币肆万伍仟元整）', 'US$12,400.00（美元壹万贰仟肆佰元整）']);
    expect(doc.disputed).toMatch(/INV-3 ¥8,000\.00（数量不符）/);
    expect(doc.disputed).toMatch(/不在本函付款要求之内/);
    expect(doc.paragraphs.join('')).not.toMatch(/INV-3|8,000/);
  });

  it('cover only the invoices picked, and the totals and paragraphs follow the picks', () => {
    const doc = buildLetter('balance-confirmation', acct, NOW, docText('en'), { picked: ['r2', 'r4'] });
    expect(doc.table.rows.map((r) => r.id)).toEqual(['r2', 'r4']);
    expect(doc.table.totals).toEqual(['CN¥10,000.00', '$12,400.00']);
    expect(doc.paragraphs[0]).toMatch(/owes us CN¥10,000\.00; \$12,400\.00, itemised below/);
  });

  it('a disputed invoice cannot be picked into a demand', () => {
    const doc = buildLetter('lawyer-letter', acct, NOW, docText('zh'), { picked: ['r3', 'r1'] });
    expect(doc.picked).toEqual(['r1']);
  });
});

describe('letters: who speaks and how they close', () => {
  it('our two letters close with our seal block, contact person and phone from Settings', () => {
    for (const kind of ['balance-confirmation', 'collection-letter'] as const) {
      const zh = buildLetter(kind, acct, NOW, docText('zh'));
      expect(zh.signOff).toEqual(['回款科技有限公司（盖章）', '联系人：王磊　电话：138 0000 1234', '2026年11月22日']);
      const en = buildLetter(kind, acct, NOW, docText('en'));
      expect(en.signOff).toEqual([
        'For and on behalf of Huikuan Technology Co., Ltd.',
        '(company seal)',
        'Contact: 王磊, tel. 138 0000 1234',
        '22 Nov 2026',
      ]);
      expect(zh.missing).toEqual([]);
    }
  });

  it('without a contact in Settings the letter leaves a line to fill in and says what is missing', () => {
    const bare = account({ receivables });
    const doc = buildLetter('collection-letter', bare, NOW, docText('zh'));
    expect(doc.signOff[1]).toBe('联系人：__________　电话：__________');
    expect(doc.missing).toEqual(['company', 'contact', 'bank']);
  });

  it("the lawyer's letter speaks as counsel only: law firm and lawyer placeholders, never 我司", () => {
    const zh = buildLetter('lawyer-letter', acct, NOW, docText('zh'));
    const all = letterText(zh);
    expect(all).not.toMatch(/我司|我方/);
    expect(all).toMatch(
      /【律师事务所名称】（以下简称“本所”）接受 回款科技有限公司（以下简称“委托人”）的委托，指派【律师姓名】律师/,
    );
    expect(zh.payment).toMatch(/委托人指定收款账户：户名 回款科技有限公司/);
    expect(zh.signOff).toEqual([
      '【律师事务所名称】（盖章）',
      '律师：【律师姓名】',
      '联系电话：【律师电话】',
      '2026年11月22日',
    ]);
    expect(zh.draft).toBe(true);
    const en = letterText(buildLetter('lawyer-letter', acct, NOW, docText('en')));
    expect(en).toMatch(/\[Law firm name\] acts for Huikuan Technology Co\., Ltd\. \("our client"\)/);
    expect(en).not.toMatch(/owes us|\bto us\b|\bour company/);
  });

  it('references carry the kind, the day and a number, never an internal id', () => {
    for (const kind of letterKinds) {
      const doc = buildLetter(kind, account({ receivables, customer: { id: 'cust-7f3a9' } }), NOW, docText('zh'), {
        sequence: 3,
      });
      expect(doc.reference).toMatch(/^(DZ|CK|LS)-20261122-03$/);
      expect(letterText(doc)).not.toMatch(/cust-7f3a9/);
    }
    expect(letterReference('balance-confirmation', '2026-11-22')).toBe('DZ-20261122-01');
  });

  it('letterText keeps the edited paragraphs, the table and the sign-off: what was sent', () => {
    const doc = buildLetter('balance-confirmation', acct, NOW, docText('zh'), { picked: ['r1'] });
    const text = letterText(doc, ['改过的第一段。', doc.paragraphs[1]]);
    expect(text).toMatch(/^对账函（欠款征询函）\nDZ-20261122-01/);
    expect(text).toMatch(/改过的第一段。/);
    expect(text).toMatch(/INV-1\t/);
    expect(text).not.toMatch(/INV-2\t/);
    expect(text).toMatch(/联系人：王磊/);
  });
});

describe('amounts in capitals for every currency', () => {
  it.each([
    [12_400_00, 'USD', '美元壹万贰仟肆佰元整'],
    [100_50, 'EUR', '欧元壹佰元伍角整'],
    [1_000_000_00, 'HKD', '港币壹佰万元整'],
    [5_000_000, 'JPY', '日元伍佰万元整'],
    [99_99, 'GBP', '英镑玖拾玖元玖角玖分'],
    [12_00, 'XYZ', 'XYZ壹拾贰元整'],
    [1_234_000, 'KWD', 'KWD壹仟贰佰叁拾肆元整'],
  ])('%i minor %s → %s', (minor, cur, want) => {
    expect(amountInCapitalsFor(minor, cur)).toBe(want);
  });
  it('refuses a three-decimal amount it cannot state exactly rather than round a demand', () => {
    expect(amountInCapitalsFor(1_234_567, 'KWD')).toBeUndefined();
  });
});
