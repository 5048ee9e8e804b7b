import fc from 'fast-check';
import { defaultSettings, type Customer, type Receivable } from '../../../lib/domain';
import { BACKUP_FORMAT_VERSION, makeBackup, parseBackup } from '../../../lib/transfer';

const customer = (id: string, name: string): Customer => ({
  id,
  name,
  aliases: [],
  domains: [],
  crmLinks: [],
  type: 'enterprise',
  tags: [],
  createdAt: 1,
  updatedAt: 2,
});
const receivable = (id: string, customerId: string, minor: number, due: string): Receivable => ({
  id,
  customerId,
  docNumber: `D-${id}`,
  kind: 'invoice',
  issueDate: due,
  dueDate: due,
  amount: { minor, currency: 'CNY' },
  writtenOff: 0,
  status: 'open',
  disputed: false,
  selfQuestions: {},
  interruptions: [],
  evidence: [],
  updatedAt: 3,
});

describe('backup', () => {
  it('is deterministic: key order and row order do not matter', () => {
    const a = makeBackup({ customers: [customer('b', 'B'), customer('a', 'A')] }, { createdAt: 5 });
    const reordered = {
      updatedAt: 2,
      createdAt: 1,
      tags: [],
      type: 'enterprise',
      crmLinks: [],
      domains: [],
      aliases: [],
      name: 'A',
      id: 'a',
    };
    const b = makeBackup({ customers: [reordered, customer('b', 'B')] }, { createdAt: 5 });
    expect(a).toBe(b);
    expect(a.indexOf('"id":"a"')).toBeLessThan(a.indexOf('"id":"b"'));
    expect(JSON.parse(a)).toMatchObject({
      format: 'huikuan-backup',
      version: BACKUP_FORMAT_VERSION,
      meta: { createdAt: 5 },
    });
  });

  it('validates every record before returning anything', () => {
    const bad = makeBackup(
      {
        customers: [customer('a', 'A')],
        receivables: [
          { ...receivable('r1', 'a', 100, '2024-01-01'), dueDate: '2024-02-30' },
          { ...receivable('r2', 'a', 1.5, '2024-01-01') },
        ],
      },
      { createdAt: 1 },
    );
    const r = parseBackup(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { path: 'tables.receivables[0].dueDate', message: 'not a real calendar date', code: 'not-a-real-date' },
      {
        path: 'tables.receivables[1].amount.minor',
        message: expect.stringContaining('expected int'),
        code: 'wrong-type',
        params: { expected: 'int' },
      },
    ]);
  });

  it('rejects other files, newer versions and duplicate keys with clear messages', () => {
    expect(parseBackup('not json')).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringContaining('not valid JSON') }],
    });
    expect(parseBackup('{"format":"other"}')).toMatchObject({ ok: false, errors: [{ path: 'format' }] });
    expect(
      parseBackup(JSON.stringify({ format: 'huikuan-backup', version: 2, meta: { createdAt: 1 }, tables: {} })),
    ).toEqual({
      ok: false,
      errors: [
        {
          path: 'version',
          message:
            'This backup was made by a newer version of Huikuan (backup format 2); this version reads format 1. Update the extension, then restore.',
          code: 'newer-version',
          params: { version: '2', supported: 1 },
        },
      ],
    });
    const dup = JSON.stringify({
      format: 'huikuan-backup',
      version: 1,
      meta: { createdAt: 1 },
      tables: { customers: [customer('a', 'A'), customer('a', 'B')], bogus: [] },
    });
    const r = parseBackup(dup);
    expect(r).toMatchObject({
      ok: false,
      errors: [
        { path: 'tables.bogus', message: 'Unknown table "bogus".', code: 'unknown-table', params: { table: 'bogus' } },
        {
          path: 'tables.customers[1].id',
          message: 'duplicate id "a" (also at index 0)',
          code: 'duplicate-key',
          params: { key: 'id', value: 'a', first: 0 },
        },
      ],
    });
  });

  it('backup → restore → backup is byte-identical (property)', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    const idArb = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const text = fc.string({ maxLength: 20 });
    const custArb = fc
      .record({
        id: idArb,
        name: fc.string({ minLength: 1, maxLength: 30 }),
        aliases: fc.array(text, { maxLength: 2 }),
        owner: fc.option(text, { nil: undefined }),
      })
      .map((c) => ({
        ...customer(c.id, c.name),
        aliases: c.aliases,
        ...(c.owner !== undefined ? { owner: c.owner } : {}),
      }));
    const recArb = fc
      .record({
        id: idArb,
        cid: idArb,
        minor: fc.integer({ min: 1, max: 1e12 }),
        due: day,
        disputed: fc.boolean(),
        note: fc.option(text, { nil: undefined }),
      })
      .map((r) => ({
        ...receivable(r.id, r.cid, r.minor, r.due),
        disputed: r.disputed,
        ...(r.note !== undefined ? { disputeReason: r.note } : {}),
      }));
    const uniq = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];
    fc.assert(
      fc.property(
        fc.array(custArb, { maxLength: 6 }),
        fc.array(recArb, { maxLength: 10 }),
        fc.boolean(),
        (cs, rs, withSettings) => {
          const tables = {
            customers: uniq(cs),
            receivables: uniq(rs),
            settings: withSettings ? [defaultSettings()] : [],
          };
          const first = makeBackup(tables, { createdAt: 42, appVersion: '0.1.0' });
          const parsed = parseBackup(first);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(makeBackup(parsed.data, parsed.meta)).toBe(first);
        },
      ),
      { numRuns: 150 },
    );
  });
});
