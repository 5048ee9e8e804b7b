/**
 * One bulk writer at a time (lib/db/bulkWrite): an import, undo, restore, demo load or wipe started while another
 * runs waits (saying who holds the lock) or is cancelled, never interleaves; single-record writes wait for it and
 * are applied after it; every report is the store's. The browser tests (tests/e2e/bulk-writer.e2e.ts) run the same
 * races in two real pages with Chromium's Web Locks; here a spec-shaped LockManager stands in.
 */
import { HuikuanDb } from '@/lib/db/schema';
import { getSettings, putPromise, replaceAll, saveSettings } from '@/lib/db/repo';
import { importLedger, readImportReport, undoLastImport } from '@/lib/db/import';
import { type BulkOp, currentBulkWriter, withBulkWrite } from '@/lib/db/bulkWrite';
import { deleteAllData, loadDemoData, storeCounts } from '@/lib/db/replace';
import { exportBackup, restoreBackup } from '@/lib/db/backup';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { type LedgerRow, parseLedger } from '@/lib/transfer';
import { installLocks } from '../support/locks';

const now = new Date(2026, 10, 22, 10, 0, 0);
const today = '2026-11-22';
let db: HuikuanDb;
let undoLocks: () => void;

beforeEach(() => {
  db = new HuikuanDb(`bulk-${Math.random()}`);
  undoLocks = installLocks().restore;
});
afterEach(() => {
  db.close();
  undoLocks();
});

/** A ledger of `n` rows over `customers` customers, parsed as the importer would receive it. */
function ledgerRows(n: number, customers: number): LedgerRow[] {
  const lines = ['Customer,Invoice No,Invoice Date,Due Date,Amount,Currency'];
  for (let i = 0; i < n; i++)
    lines.push(`客户${i % customers}有限公司,INV-${i},2026-09-01,2026-10-01,${100 + i}.00,CNY`);
  const p = parseLedger(lines.join('\n'), { fileName: 'big.csv' });
  expect(p.errors).toEqual([]);
  return p.rows;
}

/** A source that hands over rows in chunks with a pause between them, as a large file's reading does. */
function slowSource(rows: LedgerRow[], piece: number, onPiece?: (i: number) => Promise<void> | void) {
  return async (consume: (rows: LedgerRow[]) => Promise<void>) => {
    for (let i = 0; i < rows.length; i += piece) {
      await consume(rows.slice(i, i + piece));
      await onPiece?.(i / piece);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('one bulk writer at a time', () => {
  it('a second operation waits, is told who holds the lock, and runs only after the first has ended', async () => {
    const log: string[] = [];
    let release!: () => void;
    const first = withBulkWrite({ kind: 'import', file: '应收.csv' }, async () => {
      log.push('import start');
      await new Promise<void>((r) => {
        release = r;
      });
      log.push('import end');
    });
    await tick();
    expect(await currentBulkWriter()).toEqual({ kind: 'import', file: '应收.csv' });
    let waitedFor: BulkOp | undefined;
    const second = withBulkWrite(
      { kind: 'wipe' },
      async () => {
        log.push('wipe');
      },
      {
        onWait: (h) => {
          waitedFor = h;
        },
      },
    );
    await tick();
    await tick();
    expect(waitedFor).toEqual({ kind: 'import', file: '应收.csv' });
    expect(log).toEqual(['import start']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['import start', 'import end', 'wipe']);
    expect(await currentBulkWriter()).toBeUndefined();
  });

  it('Cancel while waiting rejects with an AbortError and the operation never runs', async () => {
    let release!: () => void;
    const first = withBulkWrite(
      { kind: 'restore', file: 'b.json' },
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    await tick();
    const ac = new AbortController();
    let ran = false;
    const second = withBulkWrite(
      { kind: 'demo' },
      async () => {
        ran = true;
      },
      { signal: ac.signal, onWait: () => ac.abort() },
    );
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    release();
    await first;
    expect(ran).toBe(false);
  });

  it('a wipe started during an import waits for it: the import is applied whole, then the wipe; both reports are the store’s', async () => {
    const rows = ledgerRows(600, 40);
    let wipe: Promise<unknown> | undefined;
    let waited: BulkOp | undefined;
    const imp = importLedger(
      db,
      slowSource(rows, 100, (i) => {
        // The user presses "Delete all" in another page while the import is half-way.
        if (i === 2)
          wipe = deleteAllData(db, now, {
            onWait: (h) => {
              waited = h;
            },
          });
      }),
      { fileName: 'big.csv', now, chunkRows: 100 },
    );
    const report = await imp;
    expect(report.created).toBe(600);
    expect(report.newCustomers).toBe(40);
    const afterWipe = (await wipe) as Awaited<ReturnType<typeof deleteAllData>>;
    expect(waited).toEqual({ kind: 'import', file: 'big.csv' });
    // The wipe replaced the whole import, and kept it as its safety copy.
    expect(afterWipe.counts).toEqual({ customers: 0, receivables: 0, payments: 0, promises: 0, activities: 0 });
    const copy = await db.safetyCopies.get(afterWipe.safetyCopyId!);
    expect(copy?.counts).toMatchObject({ customers: 40, receivables: 600 });
    expect(await readImportReport(db, report.batchId)).toBeUndefined();
  });

  it('two imports at once run one after the other; each report is what that import wrote', async () => {
    const a = ledgerRows(300, 10);
    const b = ledgerRows(450, 15).map((r) => ({ ...r, invoiceNumber: `B-${r.invoiceNumber}` }));
    const [ra, rb] = await Promise.all([
      importLedger(db, slowSource(a, 50), { fileName: 'a.csv', now, chunkRows: 50 }),
      importLedger(db, slowSource(b, 50), { fileName: 'b.csv', now: new Date(now.getTime() + 1000), chunkRows: 50 }),
    ]);
    expect(ra.created).toBe(300);
    expect(rb.created).toBe(450);
    expect(ra.newCustomers + rb.newCustomers).toBe(15);
    expect((await storeCounts(db)).receivables).toBe(750);
    // Undo takes the last one off, whole.
    await undoLastImport(db, now);
    expect((await storeCounts(db)).receivables).toBe(300);
    expect(await readImportReport(db, ra.batchId)).toMatchObject({ created: 300 });
    expect(await readImportReport(db, rb.batchId)).toBeUndefined();
  });

  it('a restore started during an undo waits for it; the undo is whole and the restore then replaces the store', async () => {
    await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
    const backup = await exportBackup(db, { now });
    await importLedger(db, slowSource(ledgerRows(200, 5), 50), { fileName: 'x.csv', now, chunkRows: 50 });
    const order: string[] = [];
    const undo = undoLastImport(db, now).then(() => order.push('undo'));
    const restore = restoreBackup(db, backup, { now, file: 'demo.json' }).then((r) => {
      order.push('restore');
      return r;
    });
    const [, r] = await Promise.all([undo, restore]);
    expect(order).toEqual(['undo', 'restore']);
    expect(r.ok && r.counts.customers).toBe(30);
    expect(await exportBackup(db, { now })).toBe(backup);
  });

  it('single-record writes during a bulk write wait for it and are applied after it, none lost', async () => {
    await loadDemoData(db, buildDemoPortfolio(today, now.getTime()), now);
    let release!: () => void;
    const bulk = withBulkWrite(
      { kind: 'import', file: 'slow.csv' },
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    await tick();
    const promise = {
      id: 'p-during',
      customerId: 'c01',
      date: '2026-12-01',
      amount: { minor: 100, currency: 'CNY' },
      status: 'pending' as const,
      source: 'other' as const,
      coveredMinor: 0,
      receivableIds: [],
      createdAt: now.getTime(),
      updatedAt: now.getTime(),
    };
    let settled = 0;
    const writes = [
      saveSettings(db, { owner: '王磊' }).then(() => settled++),
      putPromise(db, promise, now).then(() => settled++),
    ];
    await tick();
    await tick();
    expect(settled).toBe(0);
    release();
    await bulk;
    await Promise.all(writes);
    expect(settled).toBe(2);
    expect((await getSettings(db)).owner).toBe('王磊');
    expect(await db.promises.get('p-during')).toBeTruthy();
  });
});
