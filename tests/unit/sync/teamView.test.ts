import { teamFigures } from '@/lib/sync/teamView';
import type { CustomerSummary } from '@/lib/domain';

const summary = (customerId: string, owner: string, extra: Partial<CustomerSummary>): CustomerSummary => ({
  customerId,
  owner,
  type: 'enterprise',
  open: {},
  openByDue: [],
  openCount: 0,
  disputedCount: 0,
  pendingPromiseCount: 0,
  brokenPromiseCount: 0,
  keptPromiseCount: 0,
  paidCount: 0,
  profileAnswered: 0,
  updatedAt: 0,
  ...extra,
});

describe("the manager's view per salesperson", () => {
  const team = {
    members: [
      {
        name: 'wanglei',
        displayName: '王磊',
        db: 'huikuan-wanglei',
        monthlyTarget: { minor: 1_000_000, currency: 'CNY' },
      },
      { name: 'lina', displayName: '李娜', db: 'huikuan-lina' },
    ],
    managers: [],
  };
  it("adds up this month's collections against the target, promises and what is overdue, by owner name or user name", () => {
    const rows = teamFigures(
      team,
      [
        summary('a', '王磊', {
          collectedByMonth: [
            ['2026-11', 'CNY', 300_000],
            ['2026-10', 'CNY', 999],
          ],
          keptPromiseCount: 2,
          brokenPromiseCount: 1,
          openByDue: [
            ['2026-11-01', 'CNY', 50_000],
            ['2026-12-01', 'CNY', 70_000],
          ],
        }),
        summary('b', 'wanglei', {
          collectedByMonth: [
            ['2026-11', 'CNY', 100_000],
            ['2026-11', 'USD', 5_000],
          ],
          pendingPromiseCount: 1,
        }),
        summary('c', '李娜', { openByDue: [['2026-10-15', 'USD', 20_000]], brokenPromiseCount: 3 }),
        summary('d', '张三', { collectedByMonth: [['2026-11', 'CNY', 7]] }),
      ],
      '2026-11-22',
    );
    expect(rows[0]).toMatchObject({
      customers: 2,
      collected: { CNY: 400_000, USD: 5_000 },
      kept: 2,
      broken: 1,
      pending: 1,
      overdue: { CNY: 50_000 },
      target: { minor: 1_000_000, collected: 400_000, ratio: 0.4 },
    });
    expect(rows[1]).toMatchObject({ customers: 1, collected: {}, broken: 3, overdue: { USD: 20_000 } });
    expect(rows[1].target).toBeUndefined();
  });
});
