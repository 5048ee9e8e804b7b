import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCapture, readCnNumber } from '../../../lib/capture';

// Friday 20 November 2026, 10:00 in the runtime's local zone (the message's own date).
const now = new Date(2026, 10, 20, 10, 0);
const cny = (minor: number) => ({ minor, currency: 'CNY' });
const usd = (minor: number) => ({ minor, currency: 'USD' });
const p = (text: string, lang?: 'zh' | 'en') => parseCapture(text, { now, lang });

describe('amounts', () => {
  const cases: Array<[string, Array<{ minor: number; currency: string }>, ('zh' | 'en')?]> = [
    ['财务下周五安排付款 12.4万', [cny(12_400_000)]],
    ['尾款 12.4万元', [cny(12_400_000)]],
    ['合同金额1.2亿元', [cny(12_000_000_000)]],
    ['先付3万5千元', [cny(3_500_000)]],
    ['先付 3万5', [cny(3_500_000)]],
    ['大写：壹万贰仟元整', [cny(1_200_000)]],
    ['人民币伍拾万元整', [cny(50_000_000)]],
    ['叁仟零伍元伍角', [cny(300_550)]],
    ['五万元', [cny(5_000_000)]],
    ['¥12,400.50', [cny(1_240_050)]],
    ['￥１２，４００．５０', [cny(1_240_050)]],
    ['RMB 8,000', [cny(800_000)]],
    ['CNY 1,000.00', [cny(100_000)]],
    ['人民币 2000 元', [cny(200_000)]],
    ['we will remit $12,400 for INV-1023 by the 25th', [usd(1_240_000)]],
    ['balance $1.2M', [usd(120_000_000)]],
    ['the $1.8 mm will be paid', [usd(180_000_000)]],
    ['US$ 300', [usd(30_000)]],
    ['USD 4900', [usd(490_000)]],
    ['5,000 美元', [usd(500_000)]],
    [
      'EUR 1,234.56 and €99',
      [
        { minor: 123_456, currency: 'EUR' },
        { minor: 9_900, currency: 'EUR' },
      ],
    ],
    [
      'HKD 3,000 / 港币500',
      [
        { minor: 300_000, currency: 'HKD' },
        { minor: 50_000, currency: 'HKD' },
      ],
    ],
    ['JPY 5000', [{ minor: 5000, currency: 'JPY' }]],
    ['we can pay 12k next week', [usd(1_200_000)]],
    ['invoice total 1,234.50', [usd(123_450)]],
    ['付款 1,234.50', [cny(123_450)]],
    ['total 1,234.50', [cny(123_450)], 'zh'],
    ['0.1 + 0.2: pay $0.30', [usd(30)]],
    ['$19.99', [usd(1999)]],
  ];
  it.each(cases)('%s', (text, expected, lang) => {
    expect(p(text, lang).amounts).toEqual(expected);
  });

  const negatives: string[] = [
    '2024年4月1日前付款',
    '请致电 13812345678 或 021-66668888',
    'call (555) 123-4567 about the invoice',
    '发票号 00012345',
    'INV-1023 and PO 7788',
    '给 5% 的折扣',
    'a 15 percent discount on the invoice',
    'In 2024 we sold 3,000 units',
    'three business days, 3个工作日',
    'deal #145125 was confirmed',
    'the meeting is at 10:30',
    '账号 6222020200112233445',
  ];
  it.each(negatives)('no amount in %s', (text) => {
    expect(p(text).amounts).toEqual([]);
  });
});

describe('dates relative to Fri 2026-11-20', () => {
  const cases: Array<[string, string[]]> = [
    ['2024年4月1日', ['2024-04-01']],
    ['4月1日前付款', ['2027-04-01']],
    ['本月25号', ['2026-11-25']],
    ['本月二十五号前', ['2026-11-25']],
    ['月底前', ['2026-11-30']],
    ['下月底', ['2026-12-31']],
    ['12月底', ['2026-12-31']],
    ['下周五', ['2026-11-27']],
    ['三个工作日内', ['2026-11-25']],
    ['5个工作日', ['2026-11-27']],
    ['明天', ['2026-11-21']],
    ['后天', ['2026-11-22']],
    ['下周', ['2026-11-27']],
    ['下个月5号', ['2026-12-05']],
    ['十五号', ['2026-12-15']],
    ['25号之前', ['2026-11-25']],
    ['2024/4/1', ['2024-04-01']],
    ['next Friday', ['2026-11-27']],
    ['by the end of the month', ['2026-11-30']],
    ['within 5 business days', ['2026-11-27']],
    ['within three working days', ['2026-11-25']],
    ['June 15, 2024', ['2024-06-15']],
    ['by the 25th', ['2026-11-25']],
    ['the 5th', ['2026-12-05']],
    ['25/11', ['2026-11-25']],
    ['tomorrow', ['2026-11-21']],
    ['next week', ['2026-11-27']],
    ['dec 3', ['2026-12-03']],
    ['明天或后天，最晚月底', ['2026-11-21', '2026-11-22', '2026-11-30']],
    ['明天付，明天一定', ['2026-11-21']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(p(text).dates).toEqual(expected);
  });
  it.each(['3日内没有回复', 'call me at 4:00', 'we have 12 months', '星期日休息'].map((t) => [t]))(
    'no day-specific date in %s',
    (text) => {
      expect(p(text).dates.filter((d) => d !== '2026-11-22' && d !== '2026-11-23')).toEqual([]);
    },
  );
});

describe('document numbers', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['we will remit $12,400 for INV-1023 by the 25th', ['INV-1023'], []],
    ['Invoice #4521 is attached', ['4521'], []],
    ['发票号 00012345，请查收', ['00012345'], []],
    ['发票号码：No.00098765', ['00098765'], []],
    ['合同号 HT-2024-001', [], ['HT-2024-001']],
    ['PO 7788 and invoice no. 123', ['123'], ['7788']],
    ['单号 A20240501', ['A20240501'], []],
    ['订单号 SO-5566', [], ['SO-5566']],
    ['inv. 000166 and inv. 000202', ['000166', '000202'], []],
    ['please see the po box 12 address', [], []],
  ];
  it.each(cases)('%s', (text, invoices, contracts) => {
    const d = p(text);
    expect(d.invoiceNumbers).toEqual(invoices);
    expect(d.contractNumbers).toEqual(contracts);
  });
});

describe('intent', () => {
  const cases: Array<[string, string]> = [
    ['财务下周五安排付款 12.4万', 'promise'],
    ['we will remit $12,400 for INV-1023 by the 25th', 'promise'],
    ['Payment will be released on Monday', 'promise'],
    ['We are going to transfer the balance next week', 'promise'],
    ['下周付', 'promise'],
    ['月底前打款', 'promise'],
    ['已经在走流程了，月底前应该能付', 'promise'],
    ['我们会在本月25号前付清', 'promise'],
    ['the invoice title is wrong, please reissue', 'dispute'],
    ['The amount on invoice 4521 is incorrect', 'dispute'],
    ['We have not received the goods yet', 'dispute'],
    ['发票抬头不对，麻烦重开发票', 'dispute'],
    ['质量问题，验收不合格', 'dispute'],
    ['我们没收到货', 'dispute'],
    ['发票金额有误，暂不付款', 'dispute'],
    ['We are facing cash flow problems', 'hardship'],
    ['we cannot pay this month', 'hardship'],
    ['资金紧张，暂时付不了', 'hardship'],
    ['最近周转困难', 'hardship'],
    ['下周付不了', 'hardship'],
    ['We have paid the invoice yesterday', 'paid'],
    ['Payment has been sent', 'paid'],
    ['we remitted the funds, remittance advice attached', 'paid'],
    ['已付，水单见附件', 'paid'],
    ['货款已打，请查收', 'paid'],
    ['已转账 5万', 'paid'],
    ['款已汇出', 'paid'],
    ['请尽快付款', 'reminder'],
    ['Kindly remit the overdue balance', 'reminder'],
    ['Friendly reminder: invoice 4521 is past due', 'reminder'],
    ['烦请于本月25号前安排付款', 'reminder'],
    ['Could you please pay by Friday?', 'reminder'],
    ['not yet paid', 'reminder'],
    ['The invoice has not been paid', 'reminder'],
    ['还没付款', 'reminder'],
    ['Thanks for the lunch yesterday', 'other'],
    ['会议改到明天下午', 'other'],
    ['I need to find out if your department is going to pay', 'other'],
    ['There is nothing wrong with the invoice, we will pay on Friday', 'promise'],
  ];
  it.each(cases)('%s → %s', (text, intent) => {
    expect(p(text).intent).toBe(intent);
  });

  it('"we cannot pay this month" is hardship, never a promise', () => {
    const d = p('we cannot pay this month');
    expect(d.intent).toBe('hardship');
    expect(d.promise).toBeUndefined();
    expect(d.signals).not.toContain('promise');
  });
  it('"not yet paid" is not paid', () => {
    expect(p('The invoice is not yet paid').signals).not.toContain('paid');
    expect(p("invoice 215 hasn't been paid").signals).not.toContain('paid');
  });
});

describe('promise', () => {
  it('财务下周五安排付款 12.4万', () => {
    const d = p('财务下周五安排付款 12.4万');
    expect(d.promise).toEqual({ amount: cny(12_400_000), date: '2026-11-27' });
    expect(d.confidence).toBeGreaterThan(0.8);
    expect(d.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(['下周五', '安排付款', '12.4万']));
  });
  it('we will remit $12,400 for INV-1023 by the 25th', () => {
    const d = p('we will remit $12,400 for INV-1023 by the 25th');
    expect(d).toMatchObject({
      amounts: [usd(1_240_000)],
      dates: ['2026-11-25'],
      invoiceNumbers: ['INV-1023'],
      intent: 'promise',
      promise: { amount: usd(1_240_000), date: '2026-11-25' },
    });
  });
  it('ties the amount to the promise sentence, not to an older figure', () => {
    const d = p('上次付了2万元。剩余的3万元下周三之前转账。');
    expect(d.promise).toEqual({ amount: cny(3_000_000), date: '2026-11-25' });
    const e = p('你们的对账单显示欠8万元。我们会在月底前先付3万元。');
    expect(e.intent).toBe('promise');
    expect(e.promise).toEqual({ amount: cny(3_000_000), date: '2026-11-30' });
  });
  it('no promise unless the intent is promise', () => {
    expect(p('the invoice title is wrong, please reissue').promise).toBeUndefined();
    expect(p('请于月底前付款 5万元').promise).toBeUndefined();
  });
  it('a date-only promise has no amount', () => {
    expect(p('下周付').promise).toEqual({ date: '2026-11-27' });
  });
});

describe('templates with blanks', () => {
  const cases = [
    '请于____年__月__日前支付人民币XX万元',
    '贵司尚欠我司货款人民币××元，请于×月×日前付款',
    'Dear {customer}, we will pay {amount} by {date}',
    'We will remit $*** by the [date]',
    '金额：[金额]元，我们会下周付款',
    'Amount: $xx,xxx.xx',
  ];
  it.each(cases.map((c) => [c]))('%s yields no amount and no promise', (text) => {
    const d = p(text);
    expect(d.template).toBe(true);
    expect(d.amounts).toEqual([]);
    expect(d.promise).toBeUndefined();
  });
});

describe('robustness', () => {
  it('Chinese numerals read exactly', () => {
    expect(readCnNumber('壹万贰仟')).toBe(12_000n * 1_000_000n);
    expect(readCnNumber('一千零五')).toBe(1005n * 1_000_000n);
    expect(readCnNumber('1亿2000万')).toBe(120_000_000n * 1_000_000n);
    expect(readCnNumber('二十五')).toBe(25n * 1_000_000n);
  });
  it('decimal amounts never carry float error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (a, c) => {
        const text = `¥${a}.${String(c).padStart(2, '0')}`;
        expect(p(text).amounts).toEqual([cny(a * 100 + c)]);
      }),
      { numRuns: 200 },
    );
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const d = p(s);
        expect(Array.isArray(d.amounts)).toBe(true);
        for (const day of d.dates) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 200 },
    );
  });
  it('language defaults: CNY for Chinese text, USD for "$" and English', () => {
    expect(p('12k payment', 'zh').amounts).toEqual([cny(1_200_000)]);
    expect(p('$100 付款').amounts).toEqual([usd(10_000)]);
    expect(p('payment of 1,000.00').amounts).toEqual([usd(100_000)]);
    expect(p('payment of 1,000.00, the rest in EUR 500').amounts).toEqual([
      { minor: 100_000, currency: 'EUR' },
      { minor: 50_000, currency: 'EUR' },
    ]);
  });
  it('dates come out in order of appearance, without duplicates', () => {
    expect(p('tomorrow or next Friday; tomorrow is best').dates).toEqual(['2026-11-21', '2026-11-27']);
  });
});

describe('dates in the recent past', () => {
  it('a month-day just before the message date stays in the past; a later one moves forward', () => {
    expect(p('we paid on 11/18').dates).toEqual(['2026-11-18']);
    expect(p('as of sept 30 the balance was unpaid').dates).toEqual(['2026-09-30']);
    expect(p('4月1日前付款').dates).toEqual(['2027-04-01']);
    expect(p('wed - 11/25 = $14,153,688.78').dates).toEqual(['2026-11-25']);
  });
});
