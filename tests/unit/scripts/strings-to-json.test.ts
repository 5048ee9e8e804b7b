import { merged } from '../../../scripts/strings-to-json';

describe('strings-to-json merges a TS table into its JSON file', () => {
  it("keeps the table's strings and order, replaces the file's values, and keeps strings only the file has", () => {
    const table = { a: 'A (table)', nested: { x: 'X', y: 'Y (table)' }, b: 'B' };
    const file = {
      nested: { y: 'Y (file)', z: 'Z added after the conversion' },
      a: 'A (file)',
      c: 'C added after the conversion',
    };
    const out = merged(table, file);
    expect(out).toEqual({
      a: 'A (table)',
      nested: { x: 'X', y: 'Y (table)', z: 'Z added after the conversion' },
      b: 'B',
      c: 'C added after the conversion',
    });
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({
        a: 'A (table)',
        nested: { x: 'X', y: 'Y (table)', z: 'Z added after the conversion' },
        b: 'B',
        c: 'C added after the conversion',
      }),
    );
  });
  it('is idempotent: merging the table into its own merge changes nothing', () => {
    const table = { a: '1', n: { b: '2' } };
    const once = merged(table, { n: { c: '3' }, d: '4' });
    expect(merged(table, once)).toEqual(once);
  });
});
