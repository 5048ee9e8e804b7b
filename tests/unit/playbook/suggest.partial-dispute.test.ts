/**
 * A dispute on part of a document (lib/toolkit's dispute records) holds back only that part: the ladder, the days
 * overdue, the summary and the badge's overdue figure, the worklist row and the script act on the undisputed
 * remainder, which is demanded (条例 art. 15); the disputed part is listed apart. One split (lib/ledger/disputed.ts)
 * serves all of them, so they agree.
 */
import type { DisputedPart } from '@/lib/domain';
import { docText } from '@/lib/i18n';
import { splitDisputed } from '@/lib/ledger/disputed';
import { summarizeCustomer } from '@/lib/ledger/summary';
import { badgeViewFor, ladderStepFor } from '@/lib/messaging/views';
import { suggestNext } from '@/lib/playbook';
import { buildLetter, letterItemsOf } from '@/lib/playbook/letters';
import { scoreCustomer } from '@/lib/worklist';
import { undisputedParts } from '@/lib/toolkit/disputes';
import { NOW, TODAY, account, activity, ago, rec, withCompany } from '../support/accounts';

const dispute = (receivableId: string, minor: number, extra: Partial<DisputedPart> = {}): DisputedPart => ({
  receivableId,
  disputedMinor: minor,
  currency: 'CNY',
  status: 'open',
  ...extra,
});

// INV-1 ¥100,000 is 60 days overdue; the customer disputes ¥30,000 of it (a quality claim on one delivery).
const base = withCompany(account({ receivables: [rec(1, ago(60), 100_000_00), rec(2, ago(10), 20_000_00)] }));
const partial = { ...base, disputes: [dispute('r1', 30_000_00)] };

describe('the one split', () => {
  it('a partial dispute splits the document; the flag disputes all of it; resolved disputes and other currencies do not count', () => {
    const split = splitDisputed(
      [rec(1, ago(60), 100_000_00), rec(2, ago(10), 20_000_00, { disputed: true }), rec(3, ago(5), 9_000)],
      [
        dispute('r1', 30_000_00),
        dispute('r1', 5_000_00, { status: 'resolved' }),
        dispute('r3', 1_000, { currency: 'USD' }),
        dispute('r3', 20_000),
      ],
    );
    expect(split.map((x) => [x.doc.id, x.disputedMinor, x.undisputedMinor, x.partial])).toEqual([
      ['r1', 30_000_00, 70_000_00, true],
      ['r2', 20_000_00, 0, false],
      ['r3', 9_000, 0, false],
    ]);
  });
  it('the toolkit card reads the same split', () => {
    expect(
      undisputedParts(partial.receivables, [
        {
          ...dispute('r1', 30_000_00),
          id: 'd',
          customerId: 'c',
          category: 'quality',
          raisedOn: ago(5),
          contractMakesItACondition: false,
          createdAt: 0,
          updatedAt: 0,
        },
      ]),
    ).toEqual([
      {
        receivableId: 'r1',
        docNumber: 'INV-1',
        currency: 'CNY',
        openMinor: 100_000_00,
        disputedMinor: 30_000_00,
        undisputedMinor: 70_000_00,
      },
    ]);
  });
});

describe('a partial dispute demanding only the rest', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`the script demands the undisputed ¥70,000 of INV-1 and lists the disputed ¥30,000 apart (${lang})`, () => {
      const s = suggestNext(partial, NOW, lang);
      expect(s.demanded).toEqual([
        { id: 'r1', docNumber: 'INV-1', minor: 70_000_00, currency: 'CNY', dueDate: ago(60) },
        { id: 'r2', docNumber: 'INV-2', minor: 20_000_00, currency: 'CNY', dueDate: ago(10) },
      ]);
      expect(s.disputed).toEqual([{ id: 'r1', docNumber: 'INV-1', minor: 30_000_00, currency: 'CNY' }]);
      const items = s.parts.find((p) => p.key === 'items')!;
      expect(items.params.total).toBe(`${90_000_00}|CNY`);
      expect(s.script).toContain(lang === 'zh' ? '¥90,000.00' : 'CN¥90,000.00');
      expect(s.script).toContain(lang === 'zh' ? '¥30,000.00' : 'CN¥30,000.00');
      // Without the dispute the whole ¥120,000 is demanded: the test can tell.
      expect(suggestNext(base, NOW, lang).parts.find((p) => p.key === 'items')!.params.total).toBe(`${120_000_00}|CNY`);
    });
  }

  it('summary, badge, worklist and panel agree on the remainder and on the level', () => {
    const summary = summarizeCustomer({ ...partial, asOf: TODAY });
    expect(summary.ladder!.disputedByDue).toEqual([[ago(60), 'CNY', 30_000_00]]);
    expect(summary.disputedCount).toBe(1);
    const view = badgeViewFor({ summary, customerName: '杭州云帆', lang: 'en', asOf: TODAY, bucketDays: [30, 60, 90] });
    expect(view.text).toBe('CN¥90K overdue · 60 d');
    expect(view.title).toMatch(/Disputed CN¥30,000\.00 is listed apart/);
    const row = scoreCustomer(summary, TODAY, { ladder: partial.settings })!;
    expect(row.overdue).toEqual({ minor: 90_000_00, currency: 'CNY' });
    expect(row.oldestDaysPastDue).toBe(60);
    const panel = suggestNext(partial, NOW, 'en');
    expect(ladderStepFor(summary, partial.settings, TODAY, 'en')?.level).toBe(panel.level);
    expect(row.level).toBe(panel.level);
    // The same customer without the dispute: ¥120,000 everywhere.
    const plain = summarizeCustomer({ ...base, asOf: TODAY });
    expect(
      badgeViewFor({ summary: plain, customerName: '杭州云帆', lang: 'en', asOf: TODAY, bucketDays: [30, 60, 90] })
        .text,
    ).toBe('CN¥120K overdue · 60 d');
    expect(scoreCustomer(plain, TODAY, { ladder: base.settings })!.overdue.minor).toBe(120_000_00);
  });

  it('days overdue count from the oldest undisputed part: a dispute over all that is open on the oldest document moves them', () => {
    const all = { ...base, disputes: [dispute('r1', 100_000_00)] };
    const summary = summarizeCustomer({ ...all, asOf: TODAY });
    const view = badgeViewFor({ summary, customerName: 'c', lang: 'en', asOf: TODAY, bucketDays: [30, 60, 90] });
    expect(view.text).toBe('CN¥20K overdue · 10 d');
    expect(scoreCustomer(summary, TODAY, { ladder: all.settings })!.oldestDaysPastDue).toBe(10);
    const s = suggestNext(all, NOW, 'en');
    expect(s.reasons.find((r) => r.key === 'overdue')!.params).toMatchObject({ days: 10, doc: 'INV-2' });
    expect(s.demanded.map((d) => d.id)).toEqual(['r2']);
  });

  it('the ladder climbs on the remainder as on any undisputed debt: 60 days, two unanswered calls → level 2', () => {
    const acc = {
      ...partial,
      activities: [activity(ago(20), 'phone', 'no-answer'), activity(ago(19), 'phone', 'no-answer')],
    };
    expect(suggestNext(acc, NOW, 'en').level).toBe(2);
    const summary = summarizeCustomer({ ...acc, asOf: TODAY });
    expect(ladderStepFor(summary, acc.settings, TODAY, 'en')?.level).toBe(2);
  });

  it('only the disputed part overdue: the worklist row ranks it held back by half, and the panel reconciles', () => {
    const acc = { ...account({ receivables: [rec(1, ago(60), 100_000_00)] }), disputes: [dispute('r1', 100_000_00)] };
    const summary = summarizeCustomer({ ...acc, asOf: TODAY });
    const row = scoreCustomer(summary, TODAY, { ladder: acc.settings })!;
    expect(row.parts.holdFactor).toBe(0.5);
    expect(suggestNext(acc, NOW, 'en').reasons.some((r) => r.key === 'onlyDisputedOverdue')).toBe(true);
  });

  it('the 催款函 and the script picker offer the remainder and name the disputed part apart', () => {
    const items = letterItemsOf(partial.receivables, partial.disputes);
    expect(items.map((i) => [i.docNumber, i.openMinor, i.disputed])).toEqual([
      ['INV-1', 70_000_00, false],
      ['INV-1', 30_000_00, true],
      ['INV-2', 20_000_00, false],
    ]);
    const letter = buildLetter('collection-letter', partial, NOW, docText('zh'));
    expect(letter.table.rows.map((r) => r.cells[4])).toEqual(['¥70,000.00', '¥20,000.00']);
    expect(letter.table.totals[0]).toMatch(/^¥90,000\.00（人民币玖万元整）$/);
    expect(letter.disputed).toMatch(/INV-1 ¥30,000\.00/);
  });
});
