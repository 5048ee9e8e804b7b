import { mergeDocs } from '@/lib/sync/merge';
import { type SyncDoc, docFromRow } from '@/lib/sync/docs';

const contact = { id: 'c1', customerId: 'k1', name: '陈会计', phone: '0571-1', title: '会计', updatedAt: 100 };
const base = docFromRow('contacts', contact, { owner: 'wanglei', by: 'wanglei', at: 100 });
base._rev = '1-a';
const edit = (row: Record<string, unknown>, by: string, at: number): SyncDoc =>
  docFromRow('contacts', { ...contact, ...row, updatedAt: at }, { owner: 'wanglei', by, at }, base);

describe('field-by-field merge (customers, contacts, promises, profiles)', () => {
  it("takes each side's own edits when they touch different fields", () => {
    const local = edit({ phone: '0571-2' }, 'wanglei', 200);
    const remote = edit({ title: '财务经理' }, 'zhaomin', 300);
    const r = mergeDocs(base, local, remote);
    expect(r.doc.row).toMatchObject({ phone: '0571-2', title: '财务经理', name: '陈会计', updatedAt: 300 });
    expect(r.setAside).toEqual([]);
    expect(r.outcome).toBe('merged');
  });

  it('lets the later edit of one field win and keeps the other visible', () => {
    const local = edit({ phone: '0571-2' }, 'wanglei', 200);
    const remote = edit({ phone: '0571-3' }, 'zhaomin', 300);
    const r = mergeDocs(base, local, remote);
    expect(r.doc.row!.phone).toBe('0571-3');
    expect(r.doc.alsoSet).toEqual([{ field: 'phone', value: '0571-2', by: 'wanglei', at: 200 }]);
    // The same merge seen from the other browser decides the same.
    const mirrored = mergeDocs(base, remote, local);
    expect(mirrored.doc.row!.phone).toBe('0571-3');
    expect(mirrored.doc.alsoSet).toEqual(r.doc.alsoSet);
  });

  it('does not call an untouched old value a concurrent edit', () => {
    const local = edit({ title: '出纳' }, 'wanglei', 200);
    const remote = edit({ phone: '0571-9' }, 'zhaomin', 150);
    const r = mergeDocs(base, local, remote);
    expect(r.doc.row).toMatchObject({ title: '出纳', phone: '0571-9' });
    expect(r.doc.alsoSet).toBeUndefined();
  });

  it('a field cleared on one side and edited on the other follows the later', () => {
    const local = docFromRow(
      'contacts',
      { ...contact, phone: undefined, updatedAt: 400 },
      { owner: 'wanglei', by: 'wanglei', at: 400 },
      base,
    );
    const remote = edit({ phone: '0571-5' }, 'zhaomin', 300);
    const r = mergeDocs(base, local, remote);
    expect(r.doc.row!.phone).toBeUndefined();
    expect(r.doc.alsoSet).toEqual([{ field: 'phone', value: '0571-5', by: 'zhaomin', at: 300 }]);
  });
});

describe('deletions win over edits only when newer', () => {
  const del = (at: number): SyncDoc => ({
    _id: base._id,
    _deleted: true,
    kind: 'contacts',
    owner: 'wanglei',
    customerId: 'k1',
    at,
    by: 'zhaomin',
  });
  it('an edit after the deletion brings the record back', () => {
    const r = mergeDocs(base, edit({ phone: '1' }, 'wanglei', 500), del(400));
    expect(r.outcome).toBe('local');
    expect(r.doc._deleted).toBeUndefined();
  });
  it('a deletion after the edit removes it', () => {
    const r = mergeDocs(base, edit({ phone: '1' }, 'wanglei', 300), del(400));
    expect(r.outcome).toBe('deleted');
    expect(r.doc._deleted).toBe(true);
  });
});

describe('ledgers follow their source', () => {
  const ledger = (at: number, by: string, minor: number): SyncDoc =>
    docFromRow(
      'ledgers',
      {
        customerId: 'k1',
        updatedAt: at,
        payments: [],
        receivables: [
          { id: 'r1', customerId: 'k1', docNumber: 'INV-1', amount: { minor, currency: 'CNY' }, updatedAt: at },
        ],
      },
      { owner: 'wanglei', by, at },
    );
  it('the later import wins whole and the history says what it replaced', () => {
    const r = mergeDocs(undefined, ledger(100, 'wanglei', 5000), ledger(200, 'zhaomin', 7000));
    expect(r.outcome).toBe('remote');
    expect((r.doc.row!.receivables as Array<{ amount: { minor: number } }>)[0].amount.minor).toBe(7000);
    expect(r.doc.history).toEqual([{ at: 200, by: 'zhaomin', replacedAt: 100, replacedBy: 'wanglei' }]);
  });
  it('history accumulates across merges and never duplicates', () => {
    const first = mergeDocs(undefined, ledger(100, 'wanglei', 5000), ledger(200, 'zhaomin', 7000)).doc;
    const again = mergeDocs(undefined, ledger(300, 'wanglei', 9000), first);
    expect(again.doc.history).toEqual([
      { at: 200, by: 'zhaomin', replacedAt: 100, replacedBy: 'wanglei' },
      { at: 300, by: 'wanglei', replacedAt: 200, replacedBy: 'zhaomin' },
    ]);
  });
});

describe('document stamps', () => {
  it('only fields that changed since the base get a new stamp', () => {
    const d = edit({ phone: '0571-2' }, 'wanglei', 200);
    expect(d.fields!.phone).toEqual({ at: 200, by: 'wanglei' });
    expect(d.fields!.name).toEqual({ at: 100, by: 'wanglei' });
    expect(d._rev).toBe('1-a');
  });
});
