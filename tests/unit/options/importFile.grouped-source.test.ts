/**
 * The import's source for a large file whose customers do not fit one write transaction: one pass over the file
 * per group of customers, each handing over only its group's rows, with the group's end announced.
 */
import { describe, expect, it } from 'vitest';
import { groupedSource } from '@/components/options/importFile';
import type { LedgerRow } from '@/lib/transfer';

const header = 'Customer,Invoice Number,Invoice Date,Due Date,Amount,Currency';
const lines = Array.from(
  { length: 30 },
  (_, i) => `Customer ${'ABC'[i % 3]},INV-${i},2026-01-01,2026-02-01,${100 + i}.00,CNY`,
);
const file = new Blob([[header, ...lines].join('\n')]);

async function run(groups: string[][]) {
  const events: Array<string[] | 'end'> = [];
  await groupedSource(
    file,
    { fileName: 'x.csv' },
    groups,
  )(
    async (rows: LedgerRow[]) => {
      if (rows.length) events.push(rows.map((r) => `${r.customerName}:${r.invoiceNumber}`));
    },
    async () => {
      events.push('end');
    },
  );
  return events;
}

describe('groupedSource', () => {
  it("hands over each group's rows, in file order, one group after another", async () => {
    const events = await run([['Customer A', 'Customer C'], ['Customer B']]);
    const ends = events.flatMap((e, i) => (e === 'end' ? [i] : []));
    expect(ends).toHaveLength(2);
    const first = events.slice(0, ends[0]).flat() as string[];
    const second = events.slice(ends[0] + 1, ends[1]).flat() as string[];
    expect(first).toEqual(
      lines
        .map((l, i) => ({ l, i }))
        .filter(({ i }) => i % 3 !== 1)
        .map(({ l }) => `${l.split(',')[0]}:${l.split(',')[1]}`),
    );
    expect(second).toHaveLength(10);
    expect(second.every((x) => x.startsWith('Customer B:'))).toBe(true);
  });

  it('reads the file once, without group ends, when every customer fits one group', async () => {
    const events = await run([['Customer A', 'Customer B', 'Customer C']]);
    expect(events).not.toContain('end');
    expect(events.flat()).toHaveLength(30);
  });
});
