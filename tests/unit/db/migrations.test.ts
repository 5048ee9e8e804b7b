/**
 * The migration harness: for every schema version N-1 it writes a full portfolio as that version's code would,
 * opens the database with version N (and with the newest), and asserts that every record is still there and
 * unchanged except for what the upgrade is meant to change. A new version that drops or mangles data fails here.
 */
import { HuikuanDb, type SchemaVersion, userTables, versions } from '@/lib/db/schema';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import type { StoreContents } from '@/lib/db/repo';

const today = '2026-11-22';

async function writeWith(name: string, upTo: number, schema: SchemaVersion[], data: StoreContents) {
  const db = new HuikuanDb(name, upTo, schema);
  await db.open();
  await db.transaction('rw', userTables.map((t) => db.table(t)), async () => {
    for (const t of userTables) await db.table(t).bulkAdd(data[t]);
  });
  db.close();
}

async function readWith(name: string, upTo: number, schema: SchemaVersion[]) {
  const db = new HuikuanDb(name, upTo, schema);
  await db.open();
  const out: Record<string, unknown[]> = {};
  for (const t of userTables) out[t] = await db.table(t).toArray();
  db.close();
  return out;
}

/** Checks that data written by each version survives the upgrade to every later version. */
async function assertNoLoss(schema: SchemaVersion[], expectChanged: (version: number) => (table: string, row: unknown) => unknown = () => (_t, r) => r) {
  const data = buildDemoPortfolio(today, 1_700_000_000_000);
  const latest = schema[schema.length - 1].version;
  for (const older of schema.slice(0, -1)) {
    const name = `mig-${older.version}-${Math.random()}`;
    await writeWith(name, older.version, schema, data);
    const after = await readWith(name, latest, schema);
    for (const t of userTables) {
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
    for (const t of userTables) expect(after[t]).toHaveLength(data[t].length);
  });

  it('the harness catches a version that drops a table', async () => {
    const broken: SchemaVersion[] = [...versions, { version: 99, stores: { contacts: null } }];
    await expect(assertNoLoss(broken)).rejects.toThrow();
  });

  it('the harness catches an upgrade that mangles rows', async () => {
    const mangling: SchemaVersion[] = [...versions, {
      version: 99, stores: {},
      upgrade: async (tx) => { await tx.table('receivables').toCollection().modify((r: { docNumber: string }) => { r.docNumber = r.docNumber.replace(/^0+/, ''); }); },
    }];
    await expect(assertNoLoss(mangling)).rejects.toThrow(/receivables/);
  });

  it('an upgrade that transforms rows on purpose passes when the harness is told what to expect', async () => {
    const tagging: SchemaVersion[] = [...versions, {
      version: 99, stores: {},
      upgrade: async (tx) => { await tx.table('customers').toCollection().modify((c: { tags: string[] }) => { c.tags = [...c.tags, 'migrated']; }); },
    }];
    await assertNoLoss(tagging, () => (t, r) => (t === 'customers' ? { ...(r as { tags: string[] }), tags: [...(r as { tags: string[] }).tags, 'migrated'] } : r));
  });
});
