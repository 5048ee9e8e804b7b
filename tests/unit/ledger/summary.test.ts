import { defaultSettings, type Customer, type PaymentPromise } from '../../../lib/domain';
import { nineQuestionAnswered, summarizeCustomer } from '../../../lib/ledger/summary';
import { inv, pay } from '../support/receivables';

const customer: Customer = {
  id: 'c1',
  name: '杭州云帆科技有限公司',
  aliases: [],
  domains: [],
  crmLinks: [],
  type: 'enterprise',
  owner: 'li',
  tags: [],
  createdAt: 0,
  updatedAt: 0,
};
const promise = (id: string, date: string, status: PaymentPromise['status']): PaymentPromise => ({
  id,
  customerId: 'c1',
  amount: { minor: 100, currency: 'CNY' },
  date,
  source: 'call',
  status,
  coveredMinor: 0,
  receivableIds: [],
  createdAt: 0,
  updatedAt: 0,
});

describe('summarizeCustomer', () => {
  it('keeps open amounts, aging tuples, counts, dates and limitation', () => {
    const s = summarizeCustomer({
      customer,
      receivables: [
        inv({ id: 'a', minor: 10_000, due: '2024-01-31', disputed: true }),
        inv({ id: 'b', minor: 5_000, due: '2024-01-31' }),
        inv({ id: 'c', minor: 2_000, due: '2024-03-31', currency: 'USD' }),
        inv({ id: 'd', minor: 1_000, due: '2023-12-31' }),
      ],
      payments: [pay({ id: 'p', minor: 3_000, date: '2024-01-20' })],
      promises: [
        promise('k', '2024-01-15', 'kept'),
        promise('b1', '2024-02-10', 'broken'),
        promise('n', '2024-04-20', 'pending'),
      ],
      activities: [
        {
          id: 'x',
          customerId: 'c1',
          date: '2024-04-01',
          channel: 'phone',
          techniqueIds: [],
          outcome: 'promised',
          nextDate: '2024-04-18',
          receivableIds: [],
          createdAt: 0,
        },
      ],
      profile: {
        customerId: 'c1',
        collectionTrigger: '验收单',
        budgetRequired: false,
        keyPeople: [],
        bank: '工行',
        updatedAt: 0,
      },
      settings: defaultSettings(),
      asOf: '2024-04-15',
    });
    // Payment 3,000 settles d (1,000, oldest) then 2,000 of a.
    expect(s.open).toEqual({ CNY: 13_000, USD: 2_000 });
    expect(s.openByDue).toEqual([
      ['2024-01-31', 'CNY', 13_000],
      ['2024-03-31', 'USD', 2_000],
    ]);
    expect(s).toMatchObject({
      openCount: 3,
      disputedCount: 1,
      paidCount: 1,
      oldestOpenDue: '2024-01-31',
      pendingPromiseCount: 1,
      brokenPromiseCount: 1,
      keptPromiseCount: 1,
      nextPromiseDate: '2024-04-20',
      lastBrokenPromiseDate: '2024-02-10',
      lastActivityDate: '2024-04-01',
      nextActivityDate: '2024-04-18',
      profileAnswered: 3,
      owner: 'li',
      type: 'enterprise',
      avgDaysLate: 20,
    }); // d: due 12-31, settled 01-20
    // a got a partial payment on 2024-01-20, before its due date: the period still starts at the due date.
    expect(s.limitationDeadline).toBe('2027-01-31');
  });

  it('nine questions: each rule', () => {
    expect(nineQuestionAnswered(undefined)).toEqual(Array(9).fill(false));
    const all = nineQuestionAnswered({
      customerId: 'c',
      collectionTrigger: 'x',
      amountNote: 'y',
      budgetRequired: true,
      initiatorContactId: 'p1',
      signerContactId: 'p2',
      keyPeople: [{ name: '王' }],
      invoicingRequirements: '专票',
      transferDays: 3,
      fundingAndCredit: '财政拨款',
      updatedAt: 0,
    });
    expect(all).toEqual(Array(9).fill(true));
    expect(nineQuestionAnswered({ customerId: 'c', collectionTrigger: '  ', keyPeople: [], updatedAt: 0 })).toEqual(
      Array(9).fill(false),
    );
  });
});
