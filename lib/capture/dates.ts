/**
 * Dates in Chinese and English text, resolved against the message's own date (`now`).
 *
 * chrono-node (en and zh.hans, `forwardDate`) reads the common forms; the patterns here add what it lacks:
 * month ends (月底, end of the month), business days (三个工作日内, within 5 business days — Saturdays and
 * Sundays skipped, public holidays not known), 本月25号 / 下个月5号 / 25号 / the 25th, 下周 / next week (the
 * Friday of next week), 本周内 / this week (the Friday of this week), 2024/4/1 and Chinese numerals in all of them.
 */
import * as chrono from 'chrono-node';
import { addBusinessDays, addDays, daysInMonth, endOfMonth, parseDay, weekday, ymd } from '../ledger/dates';
import { readSmallInt } from './numbers';
import { type Hit, mask, overlapsAny, type Span } from './text';

const CN_SMALL = '[一二两三四五六七八九十廿]{1,3}';
const NUM_OR_CN = `(\\d{1,2}|${CN_SMALL})`;
const EN_NUM = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)';
const MONTHS = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;

function valid(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The next day-of-month `d` on or after today (this month, else the next month that has it). */
function nextDayOfMonth(today: string, d: number): string | null {
  if (d < 1 || d > 31) return null;
  const t = parseDay(today);
  let y = t.getUTCFullYear();
  let m = t.getUTCMonth() + 1;
  if (d < t.getUTCDate()) m++;
  for (let i = 0; i < 3; i++, m++) {
    if (m > 12) {
      m = 1;
      y++;
    }
    if (d <= daysInMonth(y, m)) return ymd(y, m, d);
  }
  return null;
}

/** Friday of the week containing `iso` plus `weeks` (weeks start on Monday). */
function fridayOf(iso: string, weeks: number): string {
  const w = weekday(iso);
  const monday = addDays(iso, -((w + 6) % 7));
  const friday = addDays(monday, 4 + 7 * weeks);
  return friday < iso ? iso : friday;
}

type Rule = { re: RegExp; resolve(m: RegExpExecArray, today: string, text: string): string | null };

const RULES: Rule[] = [
  {
    re: /(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/g,
    resolve: (m) => (valid(+m[1], +m[2], +m[3]) ? ymd(+m[1], +m[2], +m[3]) : null),
  },
  {
    // 12月底 / 十二月末 / 3月底前
    re: new RegExp(`(?<!\\d)(?:(\\d{4})年)?${NUM_OR_CN}月(?:份)?(?:底|末)`, 'g'),
    resolve: (m, today) => {
      const mo = readSmallInt(m[2]);
      if (!mo || mo > 12) return null;
      const t = parseDay(today);
      let y = m[1] ? Number(m[1]) : t.getUTCFullYear();
      if (!m[1] && mo < t.getUTCMonth() + 1) y++;
      return ymd(y, mo, daysInMonth(y, mo));
    },
  },
  { re: /下下个?月(?:底|末)/g, resolve: (_m, today) => endOfMonth(today, 2) },
  { re: /下个?月(?:底|末)/g, resolve: (_m, today) => endOfMonth(today, 1) },
  {
    re: /(?<![\d一二两三四五六七八九十])(?:本|这个?|当)?月(?:底|末)|(?:本|这个?|当)月(?:内|之内|以内)/g,
    resolve: (_m, today) => endOfMonth(today, 0),
  },
  {
    re: new RegExp(`(本|这个?|当|下下个?|下个?)月${NUM_OR_CN}(?:号|日)`, 'g'),
    resolve: (m, today) => {
      const d = readSmallInt(m[2]);
      const offset = m[1].startsWith('下下') ? 2 : m[1].startsWith('下') ? 1 : 0;
      const t = parseDay(today);
      const first = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + offset, 1));
      const y = first.getUTCFullYear();
      const mo = first.getUTCMonth() + 1;
      return d && valid(y, mo, d) ? ymd(y, mo, d) : null;
    },
  },
  {
    re: new RegExp(`${NUM_OR_CN}\\s*个?\\s*工作日`, 'g'),
    resolve: (m, today) => {
      const n = readSmallInt(m[1]);
      return n && n <= 60 ? addBusinessDays(today, n) : null;
    },
  },
  {
    re: new RegExp(
      `\\b(?:within|in|next)\\s+(?:the\\s+next\\s+)?${EN_NUM}\\s+(?:business|working|bank)\\s+days?\\b`,
      'gi',
    ),
    resolve: (m, today) => {
      const n = readSmallInt(m[1]);
      return n && n <= 60 ? addBusinessDays(today, n) : null;
    },
  },
  {
    // 25号 / 十五号 / 30日前 — not after 月 (chrono reads 11月30日) and not "3日内" (three days).
    re: new RegExp(`(?<![月\\d零〇一二两三四五六七八九十廿期])${NUM_OR_CN}(?:号|日)(?!内|之内|以内|后|以后|\\d)`, 'g'),
    resolve: (m, today, text) => {
      if (/[A-Za-z#:：]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && m[0].endsWith('号')) return null;
      const d = readSmallInt(m[1]);
      return d ? nextDayOfMonth(today, d) : null;
    },
  },
  { re: /下个?(?:周|星期|礼拜)(?![一二三四五六日天1-7])/g, resolve: (_m, today) => fridayOf(today, 1) },
  {
    re: /(?:本|这个?)(?:周|星期|礼拜)(?:内|之内)?(?![一二三四五六日天1-7])/g,
    resolve: (_m, today) => fridayOf(today, 0),
  },
  { re: /\bnext\s+week\b/gi, resolve: (_m, today) => fridayOf(today, 1) },
  { re: /\b(?:this\s+week|(?:the\s+)?end\s+of\s+(?:the|this)\s+week)\b/gi, resolve: (_m, today) => fridayOf(today, 0) },
  { re: /\b(?:the\s+)?end\s+of\s+next\s+month\b/gi, resolve: (_m, today) => endOfMonth(today, 1) },
  {
    re: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|month[- ]end|eom)\b/gi,
    resolve: (_m, today) => endOfMonth(today, 0),
  },
  {
    re: /\b(?:(?:on|by|before|until|till|due)\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:of\b|day|century|floor|anniversary|time|attempt|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))/gi,
    resolve: (m, today, text) => {
      if (!/^(?:on|by|before|until|till|due|the)\b/i.test(m[0])) return null;
      if (MONTHS.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
      return nextDayOfMonth(today, Number(m[1]));
    },
  },
];

const STOP =
  /^(?:now|right now|tonight|today at|noon|midnight)$|^for\b|second|minute|hour|\bsecs?\b|\bmins?\b|\b(?:next|the|last|that|same|this)\s+day\b/i;
const ABBR_WEEKDAY = /^(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/i;

export function findDates(text: string, now: Date, today: string, blocked: Span[]): Hit<string>[] {
  const hits: Hit<string>[] = [];
  let work = mask(text, blocked);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    const found: Span[] = [];
    while ((m = rule.re.exec(work))) {
      const span = { index: m.index, end: m.index + m[0].length };
      if (overlapsAny(span, hits)) continue;
      const value = rule.resolve(m, today, work);
      if (!value) continue;
      hits.push({ ...span, value, text: text.slice(span.index, span.end) });
      found.push(span);
    }
    work = mask(work, found);
  }
  for (const parser of [chrono.zh.hans, chrono.en]) {
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(work, now, { forwardDate: true });
    } catch {
      continue;
    }
    const found: Span[] = [];
    for (const r of results) {
      const span = { index: r.index, end: r.index + r.text.length };
      if (overlapsAny(span, hits)) continue;
      const t = r.text.trim();
      if (STOP.test(t) || ABBR_WEEKDAY.test(t)) continue;
      // "wed - 11/14" comes back as a range from a bare weekday to a real date: the date is what was meant.
      const s = r.end && !r.start.isCertain('day') && r.end.isCertain('day') ? r.end : r.start;
      if (!(s.isCertain('day') || s.isCertain('weekday'))) continue;
      let y = s.get('year');
      const mo = s.get('month');
      const d = s.get('day');
      if (y == null || mo == null || d == null || !valid(y, mo, d)) continue;
      // forwardDate pushes "9/22" written two days after the fact a whole year ahead; a month-day without a year
      // that lands more than 300 days out was meant in the recent past.
      if (!s.isCertain('year') && s.isCertain('month') && ymd(y, mo, d) > addDays(today, 300) && valid(y - 1, mo, d))
        y -= 1;
      hits.push({ ...span, value: ymd(y, mo, d), text: text.slice(span.index, span.end) });
      found.push(span);
    }
    work = mask(work, found);
  }
  hits.sort((a, b) => a.index - b.index);
  return hits;
}
