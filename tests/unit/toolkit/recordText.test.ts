/**
 * What the toolkit writes into the record, word for word from the locale files, in both languages (Chinese first),
 * with amounts written the way each language writes them.
 */
import { billKindText, recordText } from '@/lib/toolkit/recordText';
import { formatMoney } from '@/lib/format';

describe('record text', () => {
  it('puts the Chinese and the English wording of a key side by side', () => {
    expect(recordText('sealedStatement', { reference: 'HKDZ-20261101-c01' })).toBe(
      '对账单 HKDZ-20261101-c01 盖章回执 / sealed statement',
    );
    expect(recordText('planInstalment', { reference: 'HKJH-1', n: 2, count: 3 })).toBe(
      '还款计划 HKJH-1 第2期 / payment plan instalment 2 of 3',
    );
    expect(billKindText('bank-acceptance')).toBe('银行承兑汇票 / bank acceptance bill');
  });

  it('writes an amount in each language its own way', () => {
    const note = recordText('planMissed', (lang) => ({
      reference: 'HKJH-1',
      rest: formatMoney(1_234_500, 'CNY', lang),
    }));
    expect(note).toBe(
      `还款计划 HKJH-1 逾期未履行，剩余款项 ${formatMoney(1_234_500, 'CNY', 'zh')} 加速到期 / ` +
        `instalment missed: the rest of the plan, ${formatMoney(1_234_500, 'CNY', 'en')}, is due at once`,
    );
    expect(note).not.toMatch(/\{\{/);
  });
});
