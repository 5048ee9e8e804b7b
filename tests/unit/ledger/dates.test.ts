import { addDays, addMonths, addYears, daysBetween, isIsoDay, today } from '../../../lib/ledger/dates';

describe('calendar-day helpers', () => {
  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-03-30', '2024-03-31', 1], // across a DST change in many zones
    ['2024-12-31', '2024-01-01', -365],
  ])('daysBetween(%s, %s) = %i', (a, b, n) => expect(daysBetween(a, b)).toBe(n));

  it('adds days, months and years with end-of-month clamping', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -13)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('today in a fixed offset or local time', () => {
    const instant = new Date('2024-03-01T17:30:00Z');
    expect(today(instant, 480)).toBe('2024-03-02'); // Beijing
    expect(today(instant, -300)).toBe('2024-03-01'); // New York (EST)
    expect(today(new Date(2024, 2, 1, 23, 59))).toBe('2024-03-01'); // local wall time, whatever the zone
  });

  it('validates ISO days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-2-1')).toBe(false);
  });
});
