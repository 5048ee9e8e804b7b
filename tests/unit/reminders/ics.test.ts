import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toIcs } from '../../../lib/transfer/ics';

const now = new Date(Date.UTC(2026, 10, 20, 2, 3, 4));
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('toIcs', () => {
  const ics = toIcs(
    [
      {
        uid: 'promise:p1:2026-11-27@huikuan',
        date: '2026-11-27',
        summary: '华东机电: 承诺付款 ¥124,000.00',
        description: 'Line 1\nLine 2; with, commas \\ backslash',
        url: 'https://crm.example.com/r/1?a=1,2',
      },
      { uid: 'next:c2:2026-12-31', date: '2026-12-31', summary: 'Follow up Acme' },
    ],
    { calName: '回款 Huikuan', now, alarm: true },
  );

  it('uses CRLF everywhere and ends with one', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has the calendar frame, DTSTAMP, PRODID and all-day dates', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    expect(unfolded).toContain('X-WR-CALNAME:回款 Huikuan');
    expect(unfolded).toContain('DTSTAMP:20261120T020304Z');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261127\r\nDTEND;VALUE=DATE:20261128');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded.match(/TRIGGER:PT9H/g)).toHaveLength(2);
    expect(unfolded.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('escapes TEXT values', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:华东机电: 承诺付款 ¥124\\,000.00');
    expect(unfolded).toContain('DESCRIPTION:Line 1\\nLine 2\\; with\\, commas \\\\ backslash');
    expect(unfolded).toContain('URL:https://crm.example.com/r/1?a=1,2');
    expect(escapeText('a,b;c\\d\r\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('no line exceeds 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('omits the alarm unless asked', () => {
    expect(toIcs([{ uid: 'u', date: '2026-01-01', summary: 's' }], { calName: 'c', now })).not.toContain('VALARM');
  });
});

describe('foldLine', () => {
  it('folds Chinese text without splitting a character', () => {
    const line = 'SUMMARY:' + '回款提醒：华东机电有限公司承诺于十一月二十七日付款'.repeat(4);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(octets(p)).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
      expect(p).not.toContain('\uFFFD');
    });
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
  it('handles emoji (surrogate pairs) and leaves short lines alone', () => {
    const line = 'DESCRIPTION:' + '💰'.repeat(30);
    const parts = foldLine(line).split('\r\n');
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    parts.forEach((p) => expect(octets(p)).toBeLessThanOrEqual(75));
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });
  it('a line of exactly 75 octets is not folded', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(line + 'Y')).toBe('X'.repeat(75) + '\r\n Y');
  });
});
