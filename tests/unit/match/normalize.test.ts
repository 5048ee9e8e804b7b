import fc from 'fast-check';
import { normalizeCompanyName as n } from '../../../lib/match';

describe('normalizeCompanyName', () => {
  test.each([
    // Chinese legal forms, full vs short
    ['万科企业股份有限公司', '万科企业'],
    ['华为技术有限公司', '华为技术'],
    ['北京字节跳动科技有限公司', '北京字节跳动科技'],
    ['上海浦东发展银行股份有限公司', '上海浦东发展银行'],
    ['中信建投证券有限责任公司', '中信建投证券'],
    ['XX集团有限公司', 'xx集团'],
    // brackets
    ['深圳市振业(集团)股份有限公司', '深圳市振业'],
    ['中国平安保险（集团）股份有限公司', '中国平安保险'],
    ['联想（中国）有限公司', '联想'],
    ['灵动传媒科技(绍兴)有限公司', '灵动传媒科技绍兴'],
    ['SHENZHEN ZHENYE(GROUP) CO.,LTD.', 'shenzhenzhenye'],
    // width and spacing
    ['万  科Ａ', '万科a'],
    ['Ｈｕａｗｅｉ　Ｔｅｃｈｎｏｌｏｇｉｅｓ　Ｃｏ．，Ｌｔｄ．', 'huaweitechnologies'],
    ['杭州云帆科技有限公司\u200b', '杭州云帆科技'],
    // traditional → simplified
    ['台灣積體電路製造股份有限公司', '台湾积体电路制造'],
    ['長江和記實業有限公司', '长江和记实业'],
    ['滙豐控股有限公司', '汇丰控股'],
    // English legal forms and case
    ['Apple Inc.', 'apple'],
    ['APPLE INC', 'apple'],
    ['CHINA VANKE CO., LTD.', 'chinavanke'],
    ['China Vanke Co.,Ltd', 'chinavanke'],
    ['Banco Santander, S.A.', 'bancosantander'],
    ['Ferrari N.V.', 'ferrari'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Acme Holdings Pty Ltd', 'acmeholdings'],
    ['Sony Group K.K.', 'sonygroup'],
    ['Foo, L.L.C.', 'foo'],
    ['The Coca-Cola Company', 'cocacola'],
    ['Microsoft Corporation', 'microsoft'],
    ['Siemens AG', 'siemens'],
    ['Unilever PLC', 'unilever'],
    ['Alphabet Incorporated', 'alphabet'],
    ['Amazon.com, Inc.', 'amazoncom'],
    // edge cases keep something
    ['有限公司', '有限公司'],
    ['Inc.', 'inc'],
    ['', ''],
    ['  ', ''],
  ])('%j → %j', (input, out) => {
    expect(n(input)).toBe(out);
  });

  test('region prefixes stay part of the name', () => {
    expect(n('北京云帆科技有限公司')).not.toBe(n('杭州云帆科技有限公司'));
    expect(n('北京云帆科技有限公司')).toBe('北京云帆科技');
  });

  test('two spellings of one company compare equal', () => {
    expect(n('萬科企業股份有限公司')).toBe(n('万科企业股份有限公司'));
    expect(n('SHENZHEN ZHENYE (GROUP) CO., LTD.')).toBe(n('Shenzhen Zhenye(Group) Co.,Ltd'));
    expect(n('ACME CORP')).toBe(n('Acme Corporation'));
  });

  test('idempotent (property)', () => {
    const cjk = fc.constantFrom(...'万科企业股份有限公司集团中国北京(（)）责任萬業臺灣 .,&-'.split(''));
    const latin = fc.constantFrom(
      'co',
      'ltd',
      'inc',
      ' ',
      '.',
      ',',
      'and',
      'the',
      'acme',
      'a',
      's',
      '(group)',
      'gmbh',
      '&',
      'Ａ',
    );
    const arb = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(cjk, { maxLength: 20 }).map((a) => a.join('')),
      fc.array(latin, { maxLength: 12 }).map((a) => a.join(' ')),
      fc.array(fc.oneof(cjk, latin), { maxLength: 16 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(arb, (s) => n(n(s)) === n(s)),
      { numRuns: 2000 },
    );
  });
});
