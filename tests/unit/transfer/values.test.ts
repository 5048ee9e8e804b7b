import {
  excelSerialToIso,
  inferDateOrder,
  inferDecimalComma,
  parseAmountValue,
  parseBool,
  parseCurrency,
  parseDateValue,
} from '../../../lib/transfer/values';

const date = (raw: string | number, order?: 'mdy' | 'dmy') => {
  const r = parseDateValue(raw, order);
  return r.ok ? r.value : `ERR ${r.reason}`;
};
const amt = (raw: string | number, cur = 'CNY', decimalComma = false) => {
  const r = parseAmountValue(raw, cur, { decimalComma });
  return r.ok ? r.value.minor : `ERR ${r.reason}`;
};

describe('date values', () => {
  it.each([
    ['2024/3/1', '2024-03-01'],
    ['2024-03-01', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024年3月1日', '2024-03-01'],
    ['２０２４年３月１日', '2024-03-01'],
    ['20240301', '2024-03-01'],
    ['2019-04-23 00:00:00', '2019-04-23'],
    ['2024-03-01T08:00:00Z', '2024-03-01'],
    ['1 Mar 2024', '2024-03-01'],
    ['01-Mar-24', '2024-03-01'],
    ['Mar 1, 2024', '2024-03-01'],
    ['/Date(1556032862815)/', '2019-04-23'],
    ['45352', '2024-03-01'],
    [45352, '2024-03-01'],
    [45352.75, '2024-03-01'],
    ['13/1/2024', '2024-01-13'],
    ['1/13/2024', '2024-01-13'],
  ])('%s → %s', (raw, want) => expect(date(raw)).toBe(want));

  it('A/B/YYYY follows the chosen order, and is ambiguous without one', () => {
    expect(date('3/1/2024', 'mdy')).toBe('2024-03-01');
    expect(date('3/1/2024', 'dmy')).toBe('2024-01-03');
    const r = parseDateValue('3/1/2024');
    expect(r).toEqual({
      ok: false,
      code: 'ambiguous',
      reason: '"3/1/2024" could be day/month or month/day; choose the date order',
    });
  });

  it('rejects dates that do not exist', () => {
    expect(date('31/02/2024')).toBe('ERR "31/02/2024" is not a real date');
    expect(date('2023-02-29')).toBe('ERR "2023-02-29" is not a real date');
    expect(date('soon')).toBe('ERR "soon" is not a date');
  });

  it('Excel serials use the 1900 system with its leap-year bug', () => {
    expect(excelSerialToIso(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(excelSerialToIso(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(excelSerialToIso(60).ok).toBe(false);
    expect(excelSerialToIso(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(excelSerialToIso(43831)).toEqual({ ok: true, value: '2020-01-01' });
  });

  it('infers the order from the file', () => {
    expect(inferDateOrder(['1/2/2024', '25/2/2024'])).toBe('dmy');
    expect(inferDateOrder(['1/2/2024', '2/25/2024'])).toBe('mdy');
    expect(inferDateOrder(['1/2/2024', '2/3/2024'])).toBeUndefined();
    expect(inferDateOrder(['25/2/2024', '2/25/2024'])).toBe('conflict');
  });
});

describe('amount values', () => {
  it.each([
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['¥1,234.56', 123456],
    ['￥1,234.56', 123456],
    ['RMB 1,234.56', 123456],
    ['CNY1234.5', 123450],
    ['1,234.56元', 123456],
    ['1,234.56 CNY', 123456],
    ['(1,234.56)', -123456],
    ['-1,234.56', -123456],
    ['1,234.56-', -123456],
    ['−1,234.56', -123456],
    ['１，２３４．５６', 123456],
    ['1.5万', 1500000],
    ['1.5万元', 1500000],
    ['2亿', 20000000000],
    ['0.1', 10],
    ['.5', 50],
    ['0.005', 1],
    ['0.0049', 0],
    ['-0.005', -1],
    [1234.56, 123456],
    [0.1 + 0.2, 30],
    ['19,405,918,198', 1940591819800],
  ])('%s → %i fen', (raw, minor) => expect(amt(raw)).toBe(minor));

  it('uses the currency’s decimal places (JPY 0, KWD 3)', () => {
    expect(amt('¥1,234', 'JPY')).toBe(1234);
    expect(amt('1,234.5', 'JPY')).toBe(1235);
    expect(amt('1.234', 'KWD')).toBe(1234);
  });

  it('reads European amounts only when the file uses decimal commas', () => {
    expect(amt('1.234,56', 'EUR', true)).toBe(123456);
    expect(amt('12,5', 'EUR', true)).toBe(1250);
    expect(amt('1.234,56', 'EUR', false)).toBe('ERR "1.234,56" is not an amount');
    expect(inferDecimalComma(['1.234,56', '12,50', '100'])).toBe(true);
    expect(inferDecimalComma(['1,234.56', '12,50'])).toBe(false);
    expect(inferDecimalComma(['1,234', '100'])).toBe(false);
  });

  it('reports which currencies a symbol allows', () => {
    expect(parseAmountValue('$50.00', 'USD')).toEqual({
      ok: true,
      value: { minor: 5000, currencies: ['USD', 'HKD', 'SGD', 'AUD', 'CAD', 'NZD', 'TWD', 'MXN'] },
    });
    expect(parseAmountValue('US$50', 'USD')).toEqual({ ok: true, value: { minor: 5000, currencies: ['USD'] } });
    expect(parseAmountValue('€5', 'EUR')).toEqual({ ok: true, value: { minor: 500, currencies: ['EUR'] } });
    expect(parseAmountValue('£5', 'GBP')).toEqual({ ok: true, value: { minor: 500, currencies: ['GBP'] } });
    expect(parseAmountValue('¥5', 'JPY')).toEqual({ ok: true, value: { minor: 5, currencies: ['CNY', 'JPY'] } });
  });

  it('is exact on both sides of the 15-digit boundary where it stops using BigInt', () => {
    // 15 digits of minor units (the double path) and 16 (BigInt), rounding up from the third decimal.
    expect(amt('9,999,999,999,999.99')).toBe(999_999_999_999_999);
    expect(amt('9999999999999.985')).toBe(999_999_999_999_999);
    expect(amt('-9999999999999.985')).toBe(-999_999_999_999_999);
    expect(amt('90,071,992,547,409.91')).toBe(9_007_199_254_740_991);
    expect(amt('90,071,992,547,409.92')).toBe('ERR "90,071,992,547,409.92" is too large');
    expect(amt('0.00')).toBe(0);
    expect(amt('-0.001')).toBe(0);
  });

  it('folds full-width digits and marks, and leaves plain cells alone', () => {
    expect(amt('１，２３４．５６')).toBe(123456);
    expect(amt('￥１２３')).toBe(12300);
    expect(amt('1234.56')).toBe(123456);
    expect(amt('RMB1,234.56')).toBe(123456);
    expect(amt('1.5万')).toBe(1500000);
  });

  it('rejects garbage', () => {
    expect(amt('12x.00')).toBe('ERR "12x.00" is not an amount');
    expect(amt('1,2,3')).toBe('ERR "1,2,3" is not an amount');
    expect(amt('')).toBe('ERR is empty');
  });
});

describe('currency and yes/no cells', () => {
  it.each([
    ['人民币', 'CNY'],
    ['RMB', 'CNY'],
    ['usd', 'USD'],
    ['美元', 'USD'],
    ['港币', 'HKD'],
    ['EUR', 'EUR'],
    ['??', undefined],
  ])('%s → %s', (raw, code) => expect(parseCurrency(raw)).toBe(code));
  it('reads yes/no', () => {
    expect([
      parseBool('Yes'),
      parseBool('No'),
      parseBool('是'),
      parseBool('否'),
      parseBool(''),
      parseBool('maybe'),
    ]).toEqual([true, false, true, false, undefined, undefined]);
  });
});

describe('parseAmountValue: the plain-number shortcut', () => {
  // A cell padded with a space cannot take the shortcut, so it goes the general way: both must agree, for every
  // currency exponent and both decimal marks, including the cells the shortcut must leave alone.
  const cells = [
    '0',
    '-0',
    '0.00',
    '7',
    '1234.56',
    '-1234.56',
    '1,234.56',
    '-1,234,567.891',
    '12,34',
    '1.234,56',
    '-1.234.567,89',
    '1234.565',
    '0.005',
    '999999999999999',
    '9999999999999.99',
    '99999999999999999.99',
    '1,2345.6',
    '01,234',
    '.5',
    '5.',
    ',5',
    '1.2.3',
    '1,23,456.7',
    '100-',
    '(100)',
    '−100',
    '１２３',
  ];
  for (const currency of ['CNY', 'JPY', 'BHD']) {
    for (const decimalComma of [false, true]) {
      it(`${currency}${decimalComma ? ', decimal comma' : ''}: same result as the general path`, () => {
        // The error text quotes the cell as written, padding and all: compared without it.
        const read = (c: string) => {
          const p = parseAmountValue(c, currency, { decimalComma });
          return p.ok ? p : { ok: false, code: p.code };
        };
        for (const c of cells) expect(read(c), c).toEqual(read(` ${c} `));
      });
    }
  }
});
