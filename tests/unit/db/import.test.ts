import { HuikuanDb } from '@/lib/db/schema';
import { getPortfolio, readAll, rebuildAllSummaries, replaceAll } from '@/lib/db/repo';
import {
  applyImport,
  customerGroups,
  importLedger,
  importedPaymentId,
  importedReceivableId,
  lastImport,
  recoverInterruptedImports,
  undoLastImport,
} from '@/lib/db/import';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { parseLedger } from '@/lib/transfer';
import { receivableById, paymentById, documentCounts } from '../support/ledgers';

const now = new Date(2026, 10, 22, 10, 0, 0);
const today = '2026-11-22';

const header = 'Customer,Invoice No,Invoice Date,Due Date,Amount,Paid,Currency';
const csv = (lines: string[]) => [header, ...lines].join('\n') + '\n';
const first = csv([
  '杭州云帆科技有限公司,FILE-001,2026-09-01,2026-10-01,"10,000.00",0,CNY',
  'Acme Trading Co.,A-100,2026-08-01,2026-09-01,2500.00,1000.00,USD',
  'Acme Trading Co.,A-101,2026-10-01,2026-12-01,1200.00,,USD',
  'ACME TRADING CO LTD,A-100,2026-08-01,2026-09-01,2500.00,1000.00,USD',
]);

function rowsOf(text: string) {
  const p = parseLedger(text, { fileName: 'ledger.csv' });
  expect(p.errors).toEqual([]);
  return p.rows;
}

/** Calls `fn` on every ledger written (created or replaced); returns the unsubscribe. */
function onLedgerWrite(fn: () => void): () => void {
  const creating = function () {
    fn();
  };
  const updating = function () {
    fn();
  };
  db.ledgers.hook('creating', creating);
  db.ledgers.hook('updating', updating);
  return () => {
    db.ledgers.hook('creating').unsubscribe(creating);
    db.ledgers.hook('updating').unsubscribe(updating);
  };
}

async function snapshot(db: HuikuanDb) {
  return {
    data: await readAll(db),
    summaries: await db.summaries.toArray(),
    portfolio: await getPortfolio(db),
    imports: await db.imports.toArray(),
  };
}

/** Summaries and the aggregate carry updatedAt stamps; compare what they say, not when. */
const strip = (s: Awaited<ReturnType<typeof snapshot>>) => ({
  ...s,
  summaries: s.summaries.map(({ updatedAt: _u, ...rest }) => rest),
});

let db: HuikuanDb;
beforeEach(async () => {
  db = new HuikuanDb(`t-${Math.random()}`);
  await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
});
afterEach(() => db.close());

describe('applyImport', () => {
  it('creates, matches customers by normalised name, rejects duplicates, and records paid amounts as payments', async () => {
    const before = await db.customers.count();
    const s = await applyImport(db, rowsOf(first), { fileName: 'ledger.csv', now });
    expect(s).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 1, newCustomers: 1, payments: 1 });
    expect(s.rejections[0].row).toBe(5);
    expect(await db.customers.count()).toBe(before + 1);
    // "杭州云帆科技有限公司" is the demo's c01.
    const rec = await receivableById(db, importedReceivableId('c01', 'FILE-001'));
    expect(rec).toMatchObject({
      customerId: 'c01',
      docNumber: 'FILE-001',
      amount: { minor: 1_000_000, currency: 'CNY' },
      status: 'open',
    });
    const acme = (await db.customers.where('name').equals('Acme Trading Co.').first())!;
    const pay = await paymentById(db, importedPaymentId(acme.id, 'A-100'));
    expect(pay).toMatchObject({
      amount: { minor: 100_000, currency: 'USD' },
      date: '2026-09-01',
      allocations: [{ receivableId: importedReceivableId(acme.id, 'A-100'), minor: 100_000 }],
    });
    const summary = await db.summaries.get(acme.id);
    expect(summary?.open).toEqual({ USD: 150_000 + 120_000 });
    const batch = await lastImport(db);
    expect(batch?.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 1 });
  });

  it('is idempotent: importing the same file again changes nothing and duplicates nothing', async () => {
    await applyImport(db, rowsOf(first), { fileName: 'ledger.csv', now });
    const after1 = strip(await snapshot(db));
    const s = await applyImport(db, rowsOf(first), { fileName: 'ledger.csv', now });
    expect(s).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 1, newCustomers: 0, payments: 0 });
    const after2 = strip(await snapshot(db));
    expect(after2.data).toEqual(after1.data);
    expect(after2.summaries).toEqual(after1.summaries);
    expect(after2.portfolio).toEqual(after1.portfolio);
  });

  it('an updated file updates rows and replaces the payment instead of adding one', async () => {
    await applyImport(db, rowsOf(first), { fileName: 'ledger.csv', now });
    const payments = (await documentCounts(db)).payments;
    const second = csv([
      '杭州云帆科技有限公司,FILE-001,2026-09-01,2026-10-15,"10,000.00",0,CNY',
      'Acme Trading Co.,A-100,2026-08-01,2026-09-01,2500.00,2500.00,USD',
      'Acme Trading Co.,A-101,2026-10-01,2026-12-01,1200.00,,USD',
    ]);
    const s = await applyImport(db, rowsOf(second), { fileName: 'ledger2.csv', now });
    expect(s).toMatchObject({ created: 0, updated: 2, unchanged: 1, rejected: 0 });
    expect((await documentCounts(db)).payments).toBe(payments);
    const acme = (await db.customers.where('name').equals('Acme Trading Co.').first())!;
    expect((await paymentById(db, importedPaymentId(acme.id, 'A-100')))?.amount.minor).toBe(250_000);
    expect((await db.summaries.get(acme.id))?.open).toEqual({ USD: 120_000 });
    expect((await receivableById(db, importedReceivableId('c01', 'FILE-001')))?.dueDate).toBe('2026-10-15');
  });

  it('undoLastImport restores exactly the previous state, one import at a time', async () => {
    const s0 = strip(await snapshot(db));
    await applyImport(db, rowsOf(first), { fileName: 'ledger.csv', now });
    const s1 = strip(await snapshot(db));
    const second = csv([
      '杭州云帆科技有限公司,FILE-001,2026-09-01,2026-10-15,"12,000.00",500.00,CNY',
      'Acme Trading Co.,A-100,2026-08-01,2026-09-01,2500.00,2500.00,USD',
      'New Buyer GmbH,NB-1,2026-10-01,2026-11-01,900.00,,EUR',
    ]);
    await applyImport(db, rowsOf(second), { fileName: 'ledger2.csv', now: new Date(now.getTime() + 1000) });
    expect((await undoLastImport(db, now))?.fileName).toBe('ledger2.csv');
    expect(strip(await snapshot(db))).toEqual(s1);
    expect((await undoLastImport(db, now))?.fileName).toBe('ledger.csv');
    expect(strip(await snapshot(db))).toEqual(s0);
    expect(await undoLastImport(db, now)).toBeUndefined();
  });

  it('a failure in the middle of the writes leaves the store exactly as before', async () => {
    const before = await snapshot(db);
    let n = 0;
    const unhook = onLedgerWrite(() => {
      if (++n === 2) throw new Error('disk full (injected)');
    });
    await expect(applyImport(db, rowsOf(first), { fileName: 'ledger.csv', now })).rejects.toThrow(/injected/);
    unhook();
    expect(n).toBeGreaterThanOrEqual(2);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a throw just before commit (after every write and the summary refresh) rolls everything back', async () => {
    const before = await snapshot(db);
    await expect(
      applyImport(db, rowsOf(first), {
        fileName: 'ledger.csv',
        now,
        beforeCommit: () => {
          throw new Error('late failure');
        },
      }),
    ).rejects.toThrow('late failure');
    expect(await snapshot(db)).toEqual(before);
  });

  it('an aborted import writes nothing', async () => {
    const before = await snapshot(db);
    const ac = new AbortController();
    ac.abort();
    await expect(
      applyImport(db, rowsOf(first), { fileName: 'ledger.csv', now, signal: ac.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    const ac2 = new AbortController();
    await expect(
      applyImport(db, rowsOf(first), {
        fileName: 'ledger.csv',
        now,
        signal: ac2.signal,
        beforeCommit: () => {
          ac2.abort();
          throw new DOMException('aborted', 'AbortError');
        },
      }),
    ).rejects.toBeTruthy();
    expect(await snapshot(db)).toEqual(before);
  });

  it('handles a large file in one transaction', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++)
      lines.push(
        `Customer ${i % 400},D-${i},2026-08-01,2026-09-${String(1 + (i % 28)).padStart(2, '0')},${100 + i}.00,,CNY`,
      );
    const s = await applyImport(db, rowsOf(csv(lines)), { fileName: 'big.csv', now });
    expect(s).toMatchObject({ created: 5000, newCustomers: 400 });
    expect(await db.summaries.count()).toBe(30 + 400);
  });
});

describe('importLedger (chunked)', () => {
  const many = (n: number, prefix = 'D') => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++)
      lines.push(
        `Chunk Customer ${i % 7},${prefix}-${i},2026-08-01,2026-09-${String(1 + (i % 28)).padStart(2, '0')},${100 + i}.00,${i % 3 ? '' : '50.00'},CNY`,
      );
    return lines;
  };

  it('writes in several transactions and gives the same store as one chunk', async () => {
    const rows = rowsOf(csv([...many(60), ...first.trim().split('\n').slice(1)]));
    const other = new HuikuanDb(`t-${Math.random()}`);
    await replaceAll(other, buildDemoPortfolio(today, now.getTime()), now);
    const a = await applyImport(db, rows, { fileName: 'x.csv', now, chunkRows: 7 });
    const b = await applyImport(other, rows, { fileName: 'x.csv', now, chunkRows: 10_000 });
    expect({ ...a, batchId: '' }).toEqual({ ...b, batchId: '' });
    expect((await readAll(db)).receivables.length).toBe((await readAll(other)).receivables.length);
    expect(await getPortfolio(db)).toEqual(await getPortfolio(other));
    const summaries = async (d: HuikuanDb) => (await d.summaries.toArray()).map(({ updatedAt: _u, ...s }) => s);
    expect(await summaries(db)).toEqual(await summaries(other));
    // The last chunk's ledgers are summarised from memory: the same figures as summaries built from the store.
    const afterImport = { summaries: await summaries(db), portfolio: await getPortfolio(db) };
    await rebuildAllSummaries(db, now);
    expect({ summaries: await summaries(db), portfolio: await getPortfolio(db) }).toEqual(afterImport);
    other.close();
  });

  it("groups customers into chunks of at most chunkRows rows, in the file's order, a large customer alone", () => {
    const counts = new Map([
      ['a', 10],
      ['b', 20],
      ['c', 5],
      ['d', 40],
      ['e', 1],
      ['f', 24],
    ]);
    expect(customerGroups(counts, 25)).toEqual([['a'], ['b', 'c'], ['d'], ['e', 'f']]);
    expect(customerGroups(new Map(), 25)).toEqual([]);
    expect(customerGroups(new Map([['a', 3]]), 25)).toEqual([['a']]);
  });

  it("rows handed over a group of customers at a time write each customer's ledger once, with the same result", async () => {
    const rows = rowsOf(csv(many(60)));
    const other = new HuikuanDb(`t-${Math.random()}`);
    await replaceAll(other, buildDemoPortfolio(today, now.getTime()), now);
    const byRows = await applyImport(other, rows, { fileName: 'x.csv', now, chunkRows: 25 });

    const perCustomer = new Map<string, number>();
    for (const r of rows) perCustomer.set(r.customerName, (perCustomer.get(r.customerName) ?? 0) + 1);
    const groups = customerGroups(perCustomer, 25);
    expect(groups.length).toBeGreaterThan(2);
    const parts: number[] = [];
    let writes = 0;
    const unhook = onLedgerWrite(() => {
      writes++;
    });
    const grouped = await importLedger(
      db,
      async (consume, endGroup) => {
        for (const g of groups) {
          // Each pass reads the whole file and keeps its group's rows, in pieces as the parser hands them over.
          for (let i = 0; i < rows.length; i += 7)
            await consume(rows.slice(i, i + 7).filter((r) => g.includes(r.customerName)));
          await endGroup!();
        }
      },
      { fileName: 'x.csv', now, chunkRows: 25 },
    );
    unhook();
    for (const p of await db.imports.toArray())
      if ('part' in p) parts.push((p as { customers: string[] }).customers.length);
    expect(writes).toBe(perCustomer.size);
    expect(parts).toEqual(groups.map((g) => g.length));
    expect({ ...grouped, batchId: '' }).toEqual({ ...byRows, batchId: '' });
    expect(await documentCounts(db)).toEqual(await documentCounts(other));
    expect(await getPortfolio(db)).toEqual(await getPortfolio(other));
    other.close();
  });

  it('a Cancel during a pass that hands over no rows of its group is seen at once, and reverts the written group', async () => {
    const before = await snapshot(db);
    const ac = new AbortController();
    let emptyPieces = 0;
    await expect(
      importLedger(
        db,
        async (consume, endGroup) => {
          await consume(rowsOf(csv(many(20))));
          await endGroup!();
          // The next group's first row: the first group is written now.
          await consume(rowsOf(csv(['Later Group Co,L-1,2026-08-01,2026-09-01,100.00,,CNY'])));
          expect((await documentCounts(db)).receivables).toBe(before.data.receivables.length + 20);
          ac.abort();
          // The next pass over the file: pieces with none of its customers' rows.
          for (let i = 0; i < 5; i++) {
            await consume([]);
            emptyPieces++;
          }
        },
        { fileName: 'x.csv', now, signal: ac.signal, chunkRows: 25 },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(emptyPieces).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects a document repeated in a later chunk for a customer the same import created', async () => {
    const rows = rowsOf(
      csv([
        'Brand New Trading Co.,N-1,2026-08-01,2026-09-01,100.00,,CNY',
        'Other Co,O-1,2026-08-01,2026-09-01,100.00,,CNY',
        'BRAND NEW TRADING CO LTD,N-1,2026-08-01,2026-09-01,100.00,,CNY',
      ]),
    );
    const s = await applyImport(db, rows, { fileName: 'x.csv', now, chunkRows: 2 });
    expect(s).toMatchObject({ created: 2, rejected: 1, newCustomers: 2 });
    expect(s.rejections[0].reason).toMatch(/already in row 2/);
  });

  it('refuses whole an import that would take a currency total past 2^53 minor units, and keeps the store as it was', async () => {
    const before = await snapshot(db);
    // Each amount is exact on its own (¥50 trillion is 5e15 fen); the two together are not (1e16 > 2^53 ≈ 9.007e15).
    const rows = rowsOf(
      csv([
        'Big One Co,B-1,2026-08-01,2026-09-01,50000000000000.00,,CNY',
        'Big Two Co,B-2,2026-08-01,2026-09-01,50000000000000.00,,CNY',
      ]),
    );
    await expect(applyImport(db, rows, { fileName: 'big.csv', now, chunkRows: 1 })).rejects.toMatchObject({
      name: 'UserError',
      key: 'errors.import.totalTooLarge',
      values: { currency: 'CNY' },
    });
    expect(await snapshot(db)).toEqual(before);
    // One of them alone fits and is imported.
    expect(await applyImport(db, rows.slice(0, 1), { fileName: 'one.csv', now })).toMatchObject({ created: 1 });
  });

  it('a failure in a later chunk reverts the chunks already written, exactly', async () => {
    const before = await snapshot(db);
    let n = 0;
    // Seven customers' ledgers are written per chunk of ten rows: the 30th write is in the fifth chunk.
    const unhook = onLedgerWrite(() => {
      if (++n === 30) throw new Error('disk full (injected)');
    });
    await expect(applyImport(db, rowsOf(csv(many(60))), { fileName: 'x.csv', now, chunkRows: 10 })).rejects.toThrow(
      /injected/,
    );
    unhook();
    expect(n).toBeGreaterThan(30); // the reverts wrote the ledgers back after the throw
    expect(await snapshot(db)).toEqual(before);
  });

  it('a throw before the final commit, or an abort between chunks, reverts every chunk', async () => {
    const before = await snapshot(db);
    await expect(
      applyImport(db, rowsOf(csv(many(60))), {
        fileName: 'x.csv',
        now,
        chunkRows: 10,
        beforeCommit: () => {
          throw new Error('late failure');
        },
      }),
    ).rejects.toThrow('late failure');
    expect(await snapshot(db)).toEqual(before);
    const ac = new AbortController();
    let chunks = 0;
    await expect(
      importLedger(
        db,
        async (consume) => {
          const rows = rowsOf(csv(many(60)));
          for (let i = 0; i < rows.length; i += 10) {
            await consume(rows.slice(i, i + 10));
            if (++chunks === 3) ac.abort();
          }
        },
        { fileName: 'x.csv', now, signal: ac.signal, chunkRows: 10 },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(chunks).toBe(3);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rows handed over in small pieces are written in transactions of chunkRows rows', async () => {
    const parts: number[] = [];
    const s = await importLedger(
      db,
      async (consume) => {
        const rows = rowsOf(csv(many(60)));
        for (let i = 0; i < rows.length; i += 7) await consume(rows.slice(i, i + 7));
      },
      { fileName: 'x.csv', now, chunkRows: 25 },
    );
    for (const p of await db.imports.toArray())
      if ('part' in p) parts.push((p as { counts: { created: number } }).counts.created);
    expect(s.created).toBe(60);
    expect(parts).toEqual([25, 25, 10]);
  });

  it('undo reverts every chunk of the newest import', async () => {
    const s0 = strip(await snapshot(db));
    await applyImport(db, rowsOf(csv(many(60))), { fileName: 'x.csv', now, chunkRows: 9 });
    expect(await db.imports.count()).toBe(1 + 7);
    expect((await undoLastImport(db, now))?.fileName).toBe('x.csv');
    expect(strip(await snapshot(db))).toEqual(s0);
  });

  /** Starts an import whose source stops for good after its first chunk is written, as when the page is closed. */
  async function cutOffImport(): Promise<void> {
    const rows = rowsOf(csv(many(30)));
    let wrote!: () => void;
    const written = new Promise<void>((r) => {
      wrote = r;
    });
    const start = (await documentCounts(db)).receivables;
    void importLedger(
      db,
      async (consume) => {
        // The eleventh row shows the first ten are not the last: they are written while the parser goes on.
        await consume(rows.slice(0, 11));
        wrote();
        await new Promise(() => undefined);
      },
      { fileName: 'cut.csv', now, chunkRows: 10 },
    );
    await written;
    await vi.waitFor(async () => expect((await documentCounts(db)).receivables).toBe(start + 10));
  }

  it('an import cut off mid-way (the page closed) is reverted before the next import or undo', async () => {
    const before = await snapshot(db);
    await cutOffImport();
    expect((await documentCounts(db)).receivables).toBe(before.data.receivables.length + 10);
    expect(await undoLastImport(db, now)).toBeUndefined();
    expect(await snapshot(db)).toEqual(before);
  });

  it('recovery at start-up reverts an import cut off mid-way without waiting for another import', async () => {
    const before = await snapshot(db);
    await cutOffImport();
    await recoverInterruptedImports(db, now);
    expect(await snapshot(db)).toEqual(before);
  });
});
