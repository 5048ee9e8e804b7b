/** The user's LPR table: parsed line by line with the failing line named; a saved table replaces the shipped one. */
import { HuikuanDb } from '@/lib/db/schema';
import { LPR_TABLE_KEY, parseLprText, readLprTable, saveLprTable } from '@/lib/toolkit/lprStore';
import { lateInterest } from '@/lib/toolkit/interest';

describe('LPR table text', () => {
  it('reads "YYYY-MM-DD rate" lines in percent, any order, blank lines skipped', () => {
    expect(parseLprText('2026-03-20 2.90\n\n2025-05-20, 3.00%\n')).toEqual({
      rows: [
        { from: '2025-05-20', rate: 0.03 },
        { from: '2026-03-20', rate: 0.029 },
      ],
    });
  });
  it.each([
    ['2025-05-20 3.00\n2025/06/20 2.9', 2, 'format'],
    ['2025-02-30 3.00', 1, 'format'],
    ['2025-05-20 300', 1, 'over-100'],
    ['2025-05-20 3.00\n2025-05-20 2.90', 2, 'twice'],
    ['   \n', 1, 'empty'],
  ])('%j → line %i, %s', (text, line, code) => {
    expect(parseLprText(text)).toEqual({ error: { line, code } });
  });
});

it('a saved table is read back and used by the LPR rule; a damaged stored value counts as absent', async () => {
  const db = new HuikuanDb(`lpr-${Math.random()}`);
  const parsed = parseLprText('2025-05-20 3.00\n2026-03-20 2.92');
  if (!('rows' in parsed)) throw new Error('parse failed');
  await saveLprTable(db, parsed.rows);
  const table = readLprTable((await db.meta.get(LPR_TABLE_KEY))?.value)!;
  // ¥36,500 at 1 × LPR from 2026-03-19 to 2026-03-20: one day at 3.00 % (¥3.00) + one at 2.92 % (¥2.92)
  expect(
    lateInterest({ minor: 3_650_000, currency: 'CNY' }, '2026-03-19', '2026-03-20', { kind: 'lpr', multiple: 1, table })
      .interest.minor,
  ).toBe(592);
  expect(readLprTable([{ from: 'x', rate: 0.03 }])).toBeUndefined();
  await saveLprTable(db, undefined);
  expect(await db.meta.get(LPR_TABLE_KEY)).toBeUndefined();
});
