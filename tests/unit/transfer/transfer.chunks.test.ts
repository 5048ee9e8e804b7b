import { parseLedger, parseLedgerChunks, type LedgerError, type LedgerRow } from '../../../lib/transfer';

function bigCsv(n: number): string {
  const lines = ['客户名称,单据编号,到期日,金额,币种'];
  for (let i = 0; i < n; i++)
    lines.push(
      `客户${i % 97},${String(i).padStart(7, '0')},2024-0${1 + (i % 9)}-15,"${(1000 + i).toLocaleString('en-US')}.25",CNY`,
    );
  lines.push('客户1,0000001,2024-01-15,1.00,CNY'); // duplicate of row 3
  return lines.join('\n') + '\n';
}

describe('parseLedgerChunks', () => {
  it('streams the same rows and errors as parseLedger, in several chunks, waiting for async consumers', async () => {
    const csv = bigCsv(5000);
    const rows: LedgerRow[] = [];
    const errors: LedgerError[] = [];
    let calls = 0;
    let lastFraction = 0;
    const summary = await parseLedgerChunks(
      csv,
      {},
      async (r, e, p) => {
        calls++;
        rows.push(...r);
        errors.push(...e);
        expect(p.fraction).toBeGreaterThanOrEqual(lastFraction);
        lastFraction = p.fraction;
        await new Promise((res) => setTimeout(res, 1));
      },
      undefined,
      16 * 1024,
    );
    const whole = parseLedger(csv);
    expect(calls).toBeGreaterThan(5);
    expect(rows).toEqual(whole.rows);
    expect(errors).toEqual(whole.errors);
    expect(errors[0].message).toBe('Row 5002: document "0000001" of customer "客户1" already appears in row 3.');
    expect(summary).toMatchObject({ preset: 'generic', rows: 5000, errors: 1, aborted: false, headerRow: 1 });
    expect(lastFraction).toBe(1);
  });

  it('stops when aborted', async () => {
    const ctl = new AbortController();
    let seen = 0;
    const summary = await parseLedgerChunks(
      bigCsv(5000),
      {},
      (r) => {
        seen += r.length;
        ctl.abort();
      },
      ctl.signal,
      16 * 1024,
    );
    expect(summary.aborted).toBe(true);
    expect(seen).toBeLessThan(5000);
  });

  it('reports file-level errors through the callback', async () => {
    const got: LedgerError[] = [];
    await parseLedgerChunks('Name,Phone\nA,1\n', {}, (_r, e) => {
      got.push(...e);
    });
    expect(got.map((e) => e.code)).toEqual(['missing-columns']);
    const empty: LedgerError[] = [];
    await parseLedgerChunks(new Uint8Array(0), {}, (_r, e) => {
      empty.push(...e);
    });
    expect(empty.map((e) => e.code)).toEqual(['empty-file']);
  });

  it('reads a Blob with its detected encoding', async () => {
    const rows: LedgerRow[] = [];
    const blob = new Blob([
      new TextEncoder().encode('\ufeff客户名称,单据编号,到期日,金额\n甲公司,001,2024-01-01,"1,000.00"\n'),
    ]);
    await parseLedgerChunks(blob, { currency: 'CNY' }, (r) => {
      rows.push(...r);
    });
    expect(rows.map((r) => [r.customerName, r.invoiceNumber, r.amount.minor])).toEqual([['甲公司', '001', 100_000]]);
  });
});
