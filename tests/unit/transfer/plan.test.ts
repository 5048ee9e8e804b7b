import { parseLedger, planImport, receivableKey, simpleNormalizeName } from '../../../lib/transfer';

const csv = `客户名称,单据编号,单据日期,到期日,金额,已收金额,币种
杭州云帆科技有限公司,001,2024-01-01,2024-02-01,1000.00,0,CNY
杭州云帆科技 有限公司,002,2024-01-05,2024-02-05,500.00,500.00,CNY
新客户股份有限公司,A-1,2024-01-05,2024-02-05,300.00,,CNY
杭州云帆科技(有限公司),003,2024-01-05,2024-02-05,9.00,,USD
`;

describe('planImport', () => {
  it('normalises names', () => {
    expect(simpleNormalizeName('杭州云帆科技 有限公司')).toBe(simpleNormalizeName('杭州云帆科技有限公司'));
    expect(simpleNormalizeName('ACME Co., Ltd.')).toBe('acme');
  });

  it('creates, updates, keeps and rejects, keyed by customer + document number', () => {
    const { rows, errors } = parseLedger(csv);
    expect(errors).toEqual([]);
    const existing = {
      customers: [{ id: 'c1', name: '杭州云帆科技有限公司', aliases: [] }],
      receivableKeys: new Map([
        [
          receivableKey('c1', '001'),
          {
            id: 'r1',
            customerId: 'c1',
            docNumber: '001',
            kind: 'invoice' as const,
            issueDate: '2024-01-01',
            dueDate: '2024-02-01',
            amount: { minor: 100_000, currency: 'CNY' },
            status: 'open' as const,
            paidMinor: 0,
          },
        ],
        [
          receivableKey('c1', '002'),
          {
            id: 'r2',
            customerId: 'c1',
            docNumber: '002',
            kind: 'invoice' as const,
            issueDate: '2024-01-05',
            dueDate: '2024-01-31',
            amount: { minor: 50_000, currency: 'CNY' },
            status: 'open' as const,
          },
        ],
        [
          receivableKey('c1', '003'),
          { id: 'r3', customerId: 'c1', docNumber: '003', amount: { minor: 900, currency: 'CNY' } },
        ],
      ]),
    };
    const plan = planImport(rows, existing);
    expect(plan.counts).toEqual({ created: 1, updated: 1, unchanged: 1, rejected: 1, newCustomers: 1 });
    expect(plan.unchanged).toEqual([{ row: 2, id: 'r1' }]);
    expect(plan.update[0]).toMatchObject({
      row: 3,
      id: 'r2',
      customerId: 'c1',
      changes: { dueDate: '2024-02-05', status: 'paid' },
      paid: { minor: 50_000 },
    });
    expect(plan.create[0]).toMatchObject({
      row: 4,
      customer: { newKey: plan.newCustomers[0].key },
      fields: { docNumber: 'A-1', status: 'open' },
    });
    expect(plan.rejected[0]).toEqual({
      row: 5,
      reason: 'Document "003" is stored in CNY; the file says USD.',
      code: 'currency-mismatch',
      params: { customer: '杭州云帆科技(有限公司)', value: '003', stored: 'CNY', file: 'USD' },
    });
    expect(plan.matchedCustomers).toEqual([{ customerId: 'c1', name: '杭州云帆科技有限公司', rows: [2, 3, 5] }]);
  });

  it('re-importing the same rows after applying is all unchanged', () => {
    const { rows } = parseLedger('Customer,Invoice,Due Date,Amount,Currency\nAcme,1,2024-01-01,10,USD\n');
    const first = planImport(rows, { customers: [], receivableKeys: new Map() });
    expect(first.counts.created).toBe(1);
    const f = first.create[0].fields;
    const again = planImport(rows, {
      customers: [{ id: 'c9', name: 'Acme' }],
      receivableKeys: new Map([[receivableKey('c9', '1'), { id: 'r9', customerId: 'c9', ...f }]]),
    });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });
});
