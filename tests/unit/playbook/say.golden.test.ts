/**
 * The scripts of every ladder scenario (tests/unit/support/ladderScenarios.ts), rendered in all three shapes and
 * both languages, hash to the figure below: a guard that moving the joins and separators of lib/playbook/say.ts
 * into the locale files (common:playbook.sep.*) leaves every script byte for byte as it was. One scenario's
 * scripts are also written out in full, so a failure shows what changed.
 */
import { createHash } from 'node:crypto';
import { renderScript, suggestNext } from '@/lib/playbook';
import type { Lang } from '@/lib/domain';
import { NOW, scenarios } from '../support/ladderScenarios';

const shapes = ['letter', 'spoken', 'agenda'] as const;
const rendered = (lang: Lang) =>
  scenarios.flatMap((c) => {
    const s = suggestNext(c.acc, c.now ?? NOW, lang);
    return [s.script, ...shapes.map((shape) => renderScript(s.parts, lang, shape))];
  });

it('every scenario, both languages, every shape: byte for byte', () => {
  const all = [...rendered('zh'), ...rendered('en')].join('\n\u0000\n');
  expect(createHash('sha256').update(all).digest('hex')).toMatchInlineSnapshot(
    `"6b92ef13244607055a826e3ed198c9771f492dc06ca9908ccbd0d7cf686f1cca"`,
  );
});

it('one scenario in full', () => {
  const c = scenarios.find((x) => x.level >= 3) ?? scenarios[0];
  const out = (['zh', 'en'] as const).map((lang) => {
    const s = suggestNext(c.acc, c.now ?? NOW, lang);
    return shapes.map((shape) => renderScript(s.parts, lang, shape));
  });
  expect(out).toMatchInlineSnapshot(`
    [
      [
        "陈静财务经理您好：

    我们把金额和日期书面确认一下，避免以后有误会。这次请把到期款项全部结清。随函附上截至 2026年11月22日 的对账单，请贵司核对后盖章寄回；如有差异，请注明差异金额及原因。涉及款项：INV-1（¥128,400.50，2026年11月2日到期），合计 ¥128,400.50。请确认具体付款日期。请按合同约定汇入我司对公账户（以我司书面通知的账户为准，其他账户均不视为付款）。

    此致
    敬礼",
        "陈静财务经理您好，我们把金额和日期书面确认一下，避免以后有误会。这次请把到期款项全部结清。随函附上截至 2026年11月22日 的对账单，请贵司核对后盖章寄回；如有差异，请注明差异金额及原因。涉及款项：INV-1（¥128,400.50，2026年11月2日到期），合计 ¥128,400.50。请确认具体付款日期。请按合同约定汇入我司对公账户（以我司书面通知的账户为准，其他账户均不视为付款）。",
        "1. 陈静财务经理您好
    2. 我们把金额和日期书面确认一下，避免以后有误会。
    3. 这次请把到期款项全部结清。
    4. 随函附上截至 2026年11月22日 的对账单，请贵司核对后盖章寄回；如有差异，请注明差异金额及原因。
    5. 涉及款项：INV-1（¥128,400.50，2026年11月2日到期），合计 ¥128,400.50。
    6. 请确认具体付款日期。
    7. 请按合同约定汇入我司对公账户（以我司书面通知的账户为准，其他账户均不视为付款）。
    8. 此致
    敬礼",
      ],
      [
        "Dear 陈静,

    Let us put the amount and the date in writing so that nothing is misunderstood later. Please settle all the amounts due this time. Please find our statement of the open balance as of 22 Nov 2026: check it, stamp it and return it to us; if anything differs, state the amount and the reason. This concerns INV-1 (CN¥128,400.50, due 2 Nov 2026), CN¥128,400.50 in total. Please confirm the payment date. Please pay into our company account as stated in the contract; payment into any other account does not count as payment.

    Kind regards",
        "Dear 陈静. Let us put the amount and the date in writing so that nothing is misunderstood later. Please settle all the amounts due this time. Please find our statement of the open balance as of 22 Nov 2026: check it, stamp it and return it to us; if anything differs, state the amount and the reason. This concerns INV-1 (CN¥128,400.50, due 2 Nov 2026), CN¥128,400.50 in total. Please confirm the payment date. Please pay into our company account as stated in the contract; payment into any other account does not count as payment.",
        "1. Dear 陈静
    2. Let us put the amount and the date in writing so that nothing is misunderstood later.
    3. Please settle all the amounts due this time.
    4. Please find our statement of the open balance as of 22 Nov 2026: check it, stamp it and return it to us; if anything differs, state the amount and the reason.
    5. This concerns INV-1 (CN¥128,400.50, due 2 Nov 2026), CN¥128,400.50 in total.
    6. Please confirm the payment date.
    7. Please pay into our company account as stated in the contract; payment into any other account does not count as payment.
    8. Kind regards",
      ],
    ]
  `);
});
