import { describe, expect, it } from 'vitest';
import { badgeViewFor, mailFigures } from '@/lib/messaging/views';

const asOf = '2026-11-22';
const summary = {
  openByDue: [
    ['2026-09-16', 'CNY', 42_000_000] as [string, string, number],
    ['2026-12-30', 'CNY', 1_000_000] as [string, string, number],
  ],
};

describe('the mail chip figures', () => {
  const view = badgeViewFor({ summary, customerName: '杭州云帆', lang: 'en', asOf, bucketDays: [30, 60, 90] });
  it('shows overdue and days like the CRM badge, then the next promise', () => {
    expect(view.text).toBe('CN¥420K overdue · 67 d');
    expect(mailFigures(view, { nextPromiseDate: '2026-11-25' }, asOf, 'en')).toBe(
      'CN¥420K overdue · 67 d · promised 25 Nov 2026',
    );
  });
  it('says when the pending promise is already past due', () => {
    expect(mailFigures(view, { nextPromiseDate: '2026-11-20' }, asOf, 'en')).toBe(
      'CN¥420K overdue · 67 d · promise due 20 Nov 2026',
    );
  });
  it('says "broken" when no promise is pending and the last one was broken', () => {
    expect(mailFigures(view, { lastBrokenPromiseDate: '2026-11-10' }, asOf, 'en')).toBe(
      'CN¥420K overdue · 67 d · promise broken',
    );
    const zh = badgeViewFor({ summary, customerName: '杭州云帆', lang: 'zh', asOf, bucketDays: [30, 60, 90] });
    expect(mailFigures(zh, { lastBrokenPromiseDate: '2026-11-10' }, asOf, 'zh')).toMatch(/逾期 · 67 天 · 承诺已违约$/);
  });
  it('has no figures for a page that is not linked', () => {
    expect(mailFigures({ state: 'unlinked', text: 'x' }, undefined, asOf, 'en')).toBeUndefined();
  });
});
