/**
 * The migration harness: for every schema version N-1 it writes a full portfolio as that version's code would,
 * opens the database with version N (and with the newest), and asserts that every record is still there and
 * unchanged except for what the upgrade is meant to change. A new version that drops or mangles data fails here.
 */
import { HuikuanDb, type SchemaVersion, versions } from '@/lib/db/schema';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { type StoreContents, getPortfolio, rebuildAllSummaries } from '@/lib/db/repo';
import { undoLastImport } from '@/lib/db/import';
import type { Receivable } from '@/lib/domain';

const today = '2026-11-22';
const recordKinds = [
  'customers',
  'contacts',
  'receivables',
  'payments',
  'promises',
  'activities',
  'profiles',
  'preparations',
] as const;

/** Version 2 moved receivables and payments into one ledger per customer; older versions kept a store each. */
const hasLedgers = (db: HuikuanDb) => db.tables.some((t) => t.name === 'ledgers');

/** Writes `data` the way the code of that version stored it. */
async function writeWith(name: string, upTo: number, schema: SchemaVersion[], data: StoreContents) {
  const db = new HuikuanDb(name, upTo, schema);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const t of recordKinds) {
      if (hasLedgers(db) && (t === 'receivables' || t === 'payments')) continue;
      await db.table(t).bulkAdd(data[t]);
    }
    if (hasLedgers(db)) {
      const ledgers = new Map<
        string,
        { customerId: string; receivables: unknown[]; payments: unknown[]; updatedAt: number }
      >();
      const of = (id: string) =>
        ledgers.get(id) ?? ledgers.set(id, { customerId: id, receivables: [], payments: [], updatedAt: 1 }).get(id)!;
      for (const r of data.receivables) of(r.customerId).receivables.push(r);
      for (const p of data.payments) of(p.customerId).payments.push(p);
      await db.table('ledgers').bulkAdd([...ledgers.values()]);
    }
  });
  db.close();
}

/** Reads every record back by kind, whatever the layout of that version. */
async function readWith(name: string, upTo: number, schema: SchemaVersion[]) {
  const db = new HuikuanDb(name, upTo, schema);
  await db.open();
  const out: Record<string, unknown[]> = {};
  for (const t of recordKinds) {
    if (hasLedgers(db) && (t === 'receivables' || t === 'payments')) {
      out[t] = (await db.table('ledgers').toArray()).flatMap((l: Record<string, unknown[]>) => l[t]);
    } else out[t] = await db.table(t).toArray();
  }
  db.close();
  return out;
}

/** Checks that data written by each version survives the upgrade to every later version. */
async function assertNoLoss(
  schema: SchemaVersion[],
  expectChanged: (version: number) => (table: string, row: unknown) => unknown = () => (_t, r) => r,
) {
  const data = buildDemoPortfolio(today, 1_700_000_000_000);
  const latest = schema[schema.length - 1].version;
  for (const older of schema.slice(0, -1)) {
    const name = `mig-${older.version}-${Math.random()}`;
    await writeWith(name, older.version, schema, data);
    const after = await readWith(name, latest, schema);
    for (const t of recordKinds) {
      const map = expectChanged(latest);
      const want = (data[t] as Array<{ id?: string; customerId: string }>).map((r) => map(t, r));
      const key = (r: { id?: string; customerId: string }) => r.id ?? r.customerId;
      const sort = (a: unknown[]) => [...a].sort((x, y) => key(x as never).localeCompare(key(y as never)));
      expect(sort(after[t]), `table ${t} after ${older.version} → ${latest}`).toEqual(sort(want));
    }
  }
  return data;
}

describe('schema migrations', () => {
  it('every shipped version upgrades to the newest without losing a record', async () => {
    await assertNoLoss(versions);
  });

  it('the newest version reopens its own data intact', async () => {
    const data = buildDemoPortfolio(today, 1_700_000_000_000);
    const name = `self-${Math.random()}`;
    const latest = versions[versions.length - 1].version;
    await writeWith(name, latest, versions, data);
    const after = await readWith(name, latest, versions);
    for (const t of recordKinds) expect(after[t]).toHaveLength(data[t].length);
  });

  it('the harness catches a version that drops a table', async () => {
    const broken: SchemaVersion[] = [...versions, { version: 99, stores: { contacts: null } }];
    await expect(assertNoLoss(broken)).rejects.toThrow();
  });

  it('the harness catches an upgrade that loses documents inside the ledgers', async () => {
    const broken: SchemaVersion[] = [
      ...versions,
      {
        version: 99,
        stores: {},
        upgrade: async (tx) => {
          await tx
            .table('ledgers')
            .toCollection()
            .modify((l: { payments: unknown[] }) => {
              l.payments = [];
            });
        },
      },
    ];
    await expect(assertNoLoss(broken)).rejects.toThrow();
  });

  it('the harness catches an upgrade that mangles rows', async () => {
    const mangling: SchemaVersion[] = [
      ...versions,
      {
        version: 99,
        stores: {},
        upgrade: async (tx) => {
          await tx
            .table('ledgers')
            .toCollection()
            .modify((l: { receivables: Array<{ docNumber: string }> }) => {
              for (const r of l.receivables) r.docNumber = `X${r.docNumber}`;
            });
        },
      },
    ];
    await expect(assertNoLoss(mangling)).rejects.toThrow(/receivables/);
  });

  it('an upgrade that transforms rows on purpose passes when the harness is told what to expect', async () => {
    const tagging: SchemaVersion[] = [
      ...versions,
      {
        version: 99,
        stores: {},
        upgrade: async (tx) => {
          await tx
            .table('customers')
            .toCollection()
            .modify((c: { tags: string[] }) => {
              c.tags = [...c.tags, 'migrated'];
            });
        },
      },
    ];
    await assertNoLoss(
      tagging,
      () => (t, r) =>
        t === 'customers' ? { ...(r as { tags: string[] }), tags: [...(r as { tags: string[] }).tags, 'migrated'] } : r,
    );
  });

  it('version 1 data: ledgers hold every document, the summaries are unchanged, and an import journaled by version 1 can still be undone', async () => {
    const data = buildDemoPortfolio(today, 1_700_000_000_000);
    const name = `v1-import-${Math.random()}`;
    const now = new Date(`${today}T10:00:00`);
    // What version 1's importer left: one receivable it created and one it changed, with the journal naming them.
    const changed = data.receivables.find((r) => r.customerId === 'c02')!;
    const before: Receivable = { ...changed };
    const imported: Receivable = {
      ...changed,
      id: 'ri-v1-new',
      docNumber: 'V1-NEW',
      importBatch: 'imp-v1',
      updatedAt: 2,
    };
    const after: Receivable = { ...changed, dueDate: '2026-12-31', importBatch: 'imp-v1', updatedAt: 2 };
    const v1Data = { ...data, receivables: [...data.receivables.filter((r) => r.id !== changed.id), after, imported] };
    await writeWith(name, 1, versions, v1Data);
    const v1 = new HuikuanDb(name, 1, versions);
    await v1.open();
    await v1.table('imports').add({
      id: 'imp-v1',
      at: 2,
      fileName: 'v1.csv',
      created: { customers: [], receivables: ['ri-v1-new'], payments: [] },
      previous: { receivables: [before], payments: [] },
      counts: { created: 1, updated: 1, unchanged: 0, rejected: 0 },
    });
    v1.close();

    const db = new HuikuanDb(name);
    await db.open();
    const ledger = (await db.ledgers.get('c02'))!;
    expect(ledger.receivables.map((r) => r.id)).toContain('ri-v1-new');
    expect((await db.imports.get('imp-v1'))?.customers).toEqual(['c02']);
    await rebuildAllSummaries(db, now);
    const undone = await undoLastImport(db, now);
    expect(undone?.fileName).toBe('v1.csv');
    const back = (await db.ledgers.get('c02'))!;
    expect(back.receivables.map((r) => r.id)).not.toContain('ri-v1-new');
    expect(back.receivables.find((r) => r.id === changed.id)).toEqual(before);
    // The store now says what version 1's store said before that import.
    const fresh = new HuikuanDb(`v1-ref-${Math.random()}`);
    await fresh.open();
    const { replaceAll } = await import('@/lib/db/repo');
    await replaceAll(fresh, data, now);
    expect(await getPortfolio(db)).toEqual(await getPortfolio(fresh));
    db.close();
    fresh.close();
  });

  it('version 7: summaries written before it get the ladder facts, the rest of each summary unchanged', async () => {
    const data = buildDemoPortfolio(today, 1_700_000_000_000);
    const name = `v7-${Math.random()}`;
    const now = new Date(`${today}T10:00:00`);
    await writeWith(name, 2, versions, data);
    // What the version before it (5) kept: the summaries without the ladder facts.
    const before = new HuikuanDb(name, 5, versions);
    await before.open();
    await rebuildAllSummaries(before, now);
    const old = (await before.summaries.toArray()).map(({ ladder: _ladder, ...rest }) => rest);
    await before.summaries.bulkPut(old);
    before.close();

    const db = new HuikuanDb(name);
    await db.open();
    const upgraded = await db.summaries.toArray();
    expect(upgraded.every((s) => s.ladder)).toBe(true);
    expect(upgraded.map(({ ladder: _l, ...rest }) => rest)).toEqual(old);
    // The same facts a fresh rebuild computes.
    await rebuildAllSummaries(db, now);
    const rebuilt = new Map((await db.summaries.toArray()).map((s) => [s.customerId, s.ladder]));
    for (const s of upgraded) expect(s.ladder, s.customerId).toEqual(rebuilt.get(s.customerId));
    expect(upgraded.some((s) => s.ladder!.attempts.length > 0)).toBe(true);
    db.close();
  });
});

describe('version 9 (team sharing)', () => {
  it('data written by version 2 opens intact with an empty outbox, and the next write is queued for the team', async () => {
    const data = buildDemoPortfolio(today, 1_700_000_000_000);
    const name = `v9-${Math.random()}`;
    await writeWith(name, 2, versions, data);
    const db = new HuikuanDb(name);
    await db.open();
    expect(await db.customers.count()).toBe(data.customers.length);
    expect(await db.syncOutbox.count()).toBe(0);
    expect(await db.syncDocs.count()).toBe(0);
    const first = data.customers[0];
    await db.customers.put({ ...first, name: `${first.name} (renamed)` });
    expect(await db.syncOutbox.toArray()).toEqual([
      expect.objectContaining({ id: `customers:${first.id}`, op: 'put' }),
    ]);
    db.close();
  });
});

describe('version 10 (bills, retention index)', () => {
  it('data written by version 9 opens intact: summaries unchanged, an empty bills store that takes writes, the retention index answers', async () => {
    const data = buildDemoPortfolio(today, 1_700_000_000_000);
    const name = `v10-${Math.random()}`;
    const now = new Date(`${today}T10:00:00`);
    await writeWith(name, 9, versions, data);
    const v9 = new HuikuanDb(name, 9, versions);
    await v9.open();
    await rebuildAllSummaries(v9, now);
    const summaries9 = await v9.summaries.toArray();
    const portfolio9 = await getPortfolio(v9);
    expect(v9.tables.some((t) => t.name === 'bills')).toBe(false);
    v9.close();

    // Opened at version 10 itself: version 11 rewrites the summaries of government customers (its own test).
    const db = new HuikuanDb(name, 10, versions);
    await db.open();
    expect(db.verno).toBe(10);
    const after = await readWith(name, 10, versions);
    for (const t of recordKinds) expect(after[t], t).toHaveLength(data[t].length);
    expect(await db.summaries.toArray()).toEqual(summaries9);
    expect(await getPortfolio(db)).toEqual(portfolio9);
    expect(await db.bills.count()).toBe(0);
    expect(await db.summaries.where('nextRetentionRelease').aboveOrEqual('1990-01-01').count()).toBe(0);

    // Retention entered after the upgrade is found by the index the reminders read.
    const { saveRetention, recordBill } = await import('@/lib/toolkit/store');
    const { allocate } = await import('@/lib/ledger');
    const c = data.customers[0];
    const open = allocate(
      data.receivables.filter((r) => r.customerId === c.id),
      data.payments.filter((p) => p.customerId === c.id),
    ).filter((r) => r.kind === 'invoice' && r.openMinor > 0);
    await saveRetention(db, { customerId: c.id, receivableId: open[0].id, percent: 5, releaseDate: '2027-12-31' }, now);
    expect(
      (await db.summaries.where('nextRetentionRelease').aboveOrEqual(today).toArray()).map((s) => s.customerId),
    ).toEqual([c.id]);
    const bill = await recordBill(
      db,
      {
        customerId: c.id,
        kind: 'bank-acceptance',
        acceptor: '中国工商银行',
        acceptorWeak: false,
        amount: { minor: open[open.length - 1].openMinor, currency: open[open.length - 1].amount.currency },
        issueDate: today,
        receivedOn: today,
        maturityDate: '2027-05-22',
        receivableIds: [open[open.length - 1].id],
      },
      now,
    );
    expect(await db.bills.get(bill.id)).toMatchObject({ status: 'held', maturityDate: '2027-05-22' });
    db.close();
  });
});
