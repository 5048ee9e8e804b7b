import {
  addBusinessDays,
  addDays,
  addMonths,
  addYears,
  dayOf,
  daysBetween,
  daysInMonth,
  endOfMonth,
  isIsoDay,
  localDay,
  parseDay,
  today,
  weekday,
  ymd,
} from '../../../lib/ledger/dates';

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

describe('the calendar arithmetic capture, promises and reminders use', () => {
  it('carries month and day overflow over, as a written date never does', () => {
    expect(ymd(2026, 13, 1)).toBe('2027-01-01');
    expect(ymd(2026, 3, 0)).toBe('2026-02-28');
    expect(ymd(2024, 3, 0)).toBe('2024-02-29');
    expect(daysInMonth(2026, 14)).toBe(28);
    expect(daysInMonth(2027, 0)).toBe(31);
  });
  it('names weekdays and month ends, and skips weekends for business days', () => {
    expect(weekday('2026-11-22')).toBe(0); // a Sunday
    expect(weekday('1969-12-31')).toBe(3);
    expect(endOfMonth('2026-01-15')).toBe('2026-01-31');
    expect(endOfMonth('2026-01-15', 1)).toBe('2026-02-28');
    expect(endOfMonth('2026-12-15', 2)).toBe('2027-02-28');
    expect(addBusinessDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(addBusinessDays('2026-11-20', 6)).toBe('2026-11-30');
    expect(parseDay('2026-11-22').getUTCDate()).toBe(22);
  });
  it('takes the day of an instant in the runtime zone or in a fixed offset, never from the real clock', () => {
    const lateEvening = Date.UTC(2026, 10, 22, 17, 30); // 01:30 on 23 Nov in China
    expect(dayOf(lateEvening, 480)).toBe('2026-11-23');
    expect(dayOf(lateEvening, -300)).toBe('2026-11-22');
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
