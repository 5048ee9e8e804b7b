/**
 * iCalendar export (RFC 5545) of promise dates and next steps, as all-day events.
 * CRLF line endings, lines folded at 75 octets without splitting a UTF-8 character, TEXT values escaped
 * (backslash, semicolon, comma, newline), DTSTAMP in UTC, and an optional 9:00 display alarm on the day.
 */
import { addDays } from '../ledger/dates';

export interface IcsEvent {
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description?: string;
  url?: string;
}

export interface IcsOptions {
  calName: string;
  now: Date;
  /** Add a display alarm at this hour (local, floating) on the event's day; 9 when `true`. */
  alarm?: boolean | { hour: number };
  prodId?: string;
}

const encoder = new TextEncoder();

export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits one content line into 75-octet pieces; continuation lines start with a space (which counts). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      parts.push(cur);
      cur = '';
      size = 0;
      limit = 74; // the leading space of a continuation line is one of its 75 octets
    }
    cur += ch;
    size += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

const nextDay = (iso: string) => compactDate(addDays(iso, 1));

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Strips characters a content line may not carry (controls except tab). */
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');

export function toIcs(events: IcsEvent[], opts: IcsOptions): string {
  const hour = opts.alarm === true ? 9 : opts.alarm ? opts.alarm.hour : null;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${clean(opts.prodId ?? '-//Huikuan//Huikuan Collections//EN')}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.calName)}`,
    `NAME:${escapeText(opts.calName)}`,
  ];
  const dtstamp = stamp(opts.now);
  for (const e of events) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) throw new Error(`not a date: ${e.date}`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${nextDay(e.date)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${clean(e.url)}`);
    lines.push('TRANSP:TRANSPARENT');
    if (hour != null) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:PT${hour}H`,
        `DESCRIPTION:${escapeText(e.summary)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
