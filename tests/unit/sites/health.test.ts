import { isoWeek, parseHealth, weekOf, withVisit } from '../../../lib/sites/health';

test('ISO weeks follow ISO 8601 at year ends (local calendar days)', () => {
  expect(isoWeek(new Date(2026, 10, 22))).toBe('2026-W47');
  expect(isoWeek(new Date(2026, 11, 31))).toBe('2026-W53');
  expect(isoWeek(new Date(2027, 0, 3))).toBe('2026-W53');
  expect(isoWeek(new Date(2027, 0, 4))).toBe('2027-W01');
  expect(isoWeek(new Date(2024, 11, 30))).toBe('2025-W01');
});

test('visits count per site and week, read or not, and only eight weeks are kept', () => {
  let h = parseHealth(undefined);
  h = withVisit(h, 'salesforce', '2026-W47', true);
  h = withVisit(h, 'salesforce', '2026-W47', false);
  h = withVisit(h, 'salesforce', '2026-W47', true);
  h = withVisit(h, 'zoho', '2026-W47', false);
  expect(weekOf(h, 'salesforce', '2026-W47')).toEqual({ seen: 3, read: 2 });
  expect(weekOf(h, 'zoho', '2026-W47')).toEqual({ seen: 1, read: 0 });
  expect(weekOf(h, 'odoo', '2026-W47')).toEqual({ seen: 0, read: 0 });
  for (let w = 30; w <= 46; w++) h = withVisit(h, 'salesforce', `2026-W${w}`, true);
  expect(Object.keys(h.salesforce)).toHaveLength(8);
  expect(weekOf(h, 'salesforce', '2026-W47')).toEqual({ seen: 3, read: 2 });
});

test('stored counts of another shape are ignored, not trusted', () => {
  expect(parseHealth({ salesforce: { '2026-W47': [1, 'x'] } })).toEqual({});
  expect(parseHealth('junk')).toEqual({});
  expect(parseHealth({ salesforce: { '2026-W47': [3, 2] } })).toEqual({ salesforce: { '2026-W47': [3, 2] } });
});
