/**
 * One level everywhere: the badge's tooltip (from the maintained summary), the popup's worklist row (from the same
 * summary) and the side panel (suggestNext on the account) name the same escalation level, for every situation of
 * the playbook's scenario table; and the badge shows disputed amounts apart.
 */
import { summarizeCustomer } from '@/lib/ledger/summary';
import { badgeViewFor, ladderStepFor } from '@/lib/messaging/views';
import { suggestNext } from '@/lib/playbook';
import { scoreCustomer } from '@/lib/worklist';
import { NOW, TODAY, account, activity, ago, rec } from '../support/accounts';
import { scenarios } from '../support/ladderScenarios';

describe('one level for the badge, the popup and the panel', () => {
  it('agrees on every scenario of the playbook table', () => {
    let compared = 0;
    for (const c of scenarios) {
      const now = c.now ?? NOW;
      const asOf = c.now ? '2027-02-10' : TODAY;
      const summary = summarizeCustomer({ ...c.acc, asOf });
      const panel = suggestNext(c.acc, now, 'en').level;
      const badge = ladderStepFor(summary, c.acc.settings, asOf, 'en');
      const row = scoreCustomer(summary, asOf, { ladder: c.acc.settings });
      expect(badge?.level ?? 0, c.name).toBe(panel);
      if (row) expect(row.level, c.name).toBe(panel);
      compared++;
    }
    expect(compared).toBe(scenarios.length);
  });

  it('the tooltip names the step from the steps taken, not from the days alone', () => {
    const acc = account({ receivables: [rec(1, ago(300))] });
    const summary = summarizeCustomer({ ...acc, asOf: TODAY });
    const step = ladderStepFor(summary, acc.settings, TODAY, 'en')!;
    expect(step).toEqual({ level: 1, name: 'First reminder' });
    const view = badgeViewFor({
      summary,
      customerName: '杭州云帆',
      lang: 'en',
      asOf: TODAY,
      bucketDays: [30, 60, 90],
      step,
    });
    expect(view.title).toMatch(/Escalation level 1: First reminder \(from the steps taken/);
  });

  it('a summary without ladder facts (written before them) gets no step rather than a wrong one', () => {
    expect(ladderStepFor({ openByDue: [[ago(300), 'CNY', 100]] }, account().settings, TODAY, 'en')).toBeUndefined();
  });
});

describe('the badge shows disputes apart', () => {
  const acc = account({
    receivables: [rec(1, ago(10), 30_000_00), rec(2, ago(200), 20_000_00, { disputed: true })],
    activities: [activity(ago(3), 'phone', 'no-answer')],
  });
  const summary = summarizeCustomer({ ...acc, asOf: TODAY });
  for (const lang of ['en', 'zh'] as const) {
    it(`counts days overdue on undisputed items and names the disputed amount (${lang})`, () => {
      const view = badgeViewFor({ summary, customerName: '杭州云帆', lang, asOf: TODAY, bucketDays: [30, 60, 90] });
      // 10 days (INV-1), not 200 (the disputed INV-2); ¥30,000 overdue, not ¥50,000.
      expect(view.text).toMatch(lang === 'en' ? /CN¥30(,000\.00|K) overdue · 10 d/ : /10/);
      expect(view.text).not.toMatch(/200/);
      expect(view.worstBucket).toBe(1);
      expect(view.title).toMatch(
        lang === 'en'
          ? /Disputed CN¥20,000\.00 is listed apart: not demanded and not counted in the days overdue/
          : /有争议 ¥20,000\.00 单独列出：不催收，也不计入逾期天数/,
      );
    });
  }
  it('only disputed items open: says so instead of "no open balance"', () => {
    const only = summarizeCustomer({
      ...account({ receivables: [rec(2, ago(200), 20_000_00, { disputed: true })] }),
      asOf: TODAY,
    });
    const view = badgeViewFor({
      summary: only,
      customerName: '杭州云帆',
      lang: 'en',
      asOf: TODAY,
      bucketDays: [30, 60, 90],
    });
    expect(view.text).toBe('CN¥20,000.00 disputed');
    expect(view.title).toMatch(/only disputed items are open/);
  });
});
