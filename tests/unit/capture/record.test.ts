import { HuikuanDb } from '@/lib/db/schema';
import { PINNED } from '../support/clock';
import { replaceAll } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import {
  type CaptureForm,
  amountToMinor,
  captureErrors as E,
  evidenceOf,
  kindForIntent,
  matchReceivables,
  outcomeForIntent,
  readableSentAt,
  saveCapture,
  validateCapture,
} from '@/lib/capture/record';
import { prepareCustomerSearch, searchCustomers } from '@/lib/match/search';
import type { Receivable } from '@/lib/domain';
import { receivableById, documentCounts } from '../support/ledgers';
import { receivablesOf } from '@/lib/db/ledgers';

const fixed = PINNED;
const today = '2026-11-22';

const form = (patch: Partial<CaptureForm>): CaptureForm => ({
  kind: 'promise',
  customerId: 'c01',
  amount: '124,000.00',
  currency: 'CNY',
  date: '2026-11-27',
  channel: 'email',
  outcome: 'other',
  receivableIds: [],
  reason: '',
  reference: '',
  ...patch,
});

describe('capture → record helpers', () => {
  it('reads typed amounts in minor units of the currency, and refuses what it cannot read', () => {
    expect(amountToMinor('124,000.00', 'CNY')).toEqual({ minor: 12_400_000 });
    expect(amountToMinor('１２．４万', 'CNY')).toEqual({ minor: 12_400_000 });
    expect(amountToMinor('1.5亿', 'CNY')).toEqual({ minor: 15_000_000_000 });
    expect(amountToMinor('4321', 'USD')).toEqual({ minor: 432_100 });
    expect(amountToMinor('1200', 'JPY')).toEqual({ minor: 1200 });
    expect(amountToMinor('12.5', 'JPY')).toEqual({ error: E.amountTooPrecise });
    expect(amountToMinor('12.345', 'USD')).toEqual({ error: E.amountTooPrecise });
    expect(amountToMinor('12.340', 'USD')).toEqual({ minor: 1234 });
    expect(amountToMinor('', 'CNY')).toEqual({ error: E.amountMissing });
    expect(amountToMinor('abc', 'CNY')).toEqual({ error: E.amountInvalid });
    expect(amountToMinor('-5', 'CNY')).toEqual({ error: E.amountInvalid });
    expect(amountToMinor('0', 'CNY')).toEqual({ error: E.amountInvalid });
    expect(amountToMinor('99999999999999999', 'CNY')).toEqual({ error: E.amountInvalid });
  });

  it('maps intents to kinds and activity outcomes', () => {
    expect(kindForIntent('promise')).toBe('promise');
    expect(kindForIntent('dispute')).toBe('dispute');
    expect(kindForIntent('paid')).toBe('payment');
    expect(kindForIntent('hardship')).toBe('activity');
    expect(outcomeForIntent('hardship')).toBe('hardship');
    expect(outcomeForIntent('paid')).toBe('paid');
    expect(outcomeForIntent('reminder')).toBe('other');
  });

  it('keeps subject · date · from and the link as one evidence line within 500 characters', () => {
    const sentAt = new Date(2026, 10, 20, 9, 5).toISOString();
    const e = evidenceOf({
      subject: ' Re:  付款安排 ',
      sentAt,
      from: 'finance@yunfan-tech.example.cn',
      url: 'https://mail.google.com/mail/u/0/#inbox/abc',
    });
    expect(e.label).toBe('Re: 付款安排 · 2026-11-20 09:05 · finance@yunfan-tech.example.cn');
    expect(e.text).toBe(`${e.label} · https://mail.google.com/mail/u/0/#inbox/abc`);
    expect(readableSentAt('Fri, Nov 20, 2026, 9:30 AM')).toBe('2026-11-20 09:30');
    expect(readableSentAt('昨天 下午3点')).toBe('昨天 下午3点');
    const long = evidenceOf({ subject: 's'.repeat(400), url: `https://x.example.com/p?${'q'.repeat(300)}` });
    expect(long.text.length).toBeLessThanOrEqual(500);
    expect(long.url).toBe('https://x.example.com/p');
    expect(evidenceOf({ url: 'javascript:alert(1)' }).text).toBe('');
  });

  it('matches the invoice numbers a message names to the customer’s receivables', () => {
    const r = (id: string, docNumber: string) => ({ id, docNumber }) as Receivable;
    const recs = [r('a', 'INV-20510'), r('b', '031000101'), r('c', 'INV-20511'), r('d', 'A12')];
    expect(matchReceivables(['20510'], recs)).toEqual(['a']);
    expect(matchReceivables(['inv 20511', '31000101'], recs)).toEqual(['b', 'c']);
    expect(matchReceivables(['12'], recs)).toEqual([]);
    expect(matchReceivables(['a-12'], recs)).toEqual(['d']);
  });

  it('validates per kind and reports i18n keys', () => {
    expect(validateCapture(form({})).ok).toBe(true);
    const bad = validateCapture(form({ customerId: null, amount: '', date: '2026-02-30' }));
    expect(bad).toEqual({
      ok: false,
      errors: { customerId: E.customerMissing, amount: E.amountMissing, date: E.dateInvalid },
    });
    expect(validateCapture(form({ date: ' ' }))).toMatchObject({ errors: { date: E.dateMissing } });
    expect(validateCapture(form({ currency: 'XYZ' }))).toMatchObject({ errors: { currency: E.currencyInvalid } });
    // An activity needs no amount; a dispute needs invoices and a reason.
    expect(validateCapture(form({ kind: 'activity', amount: '' })).ok).toBe(true);
    expect(validateCapture(form({ kind: 'dispute', reason: ' ' }))).toMatchObject({
      errors: { receivableIds: E.disputeNoInvoice, reason: E.reasonMissing },
    });
    expect(validateCapture(form({ kind: 'payment', reference: 'x'.repeat(121) }))).toMatchObject({
      errors: { reference: E.referenceTooLong },
    });
    const ok = validateCapture(form({ kind: 'payment', amount: '4,321', currency: 'usd', reference: ' TT-1 ' }));
    expect(ok).toEqual({
      ok: true,
      value: {
        kind: 'payment',
        customerId: 'c01',
        amount: { minor: 432_100, currency: 'USD' },
        date: '2026-11-27',
        channel: 'email',
        reference: 'TT-1',
        receivableIds: [],
      },
    });
  });

  it('finds customers by part of the name, an alias, or a near spelling', () => {
    const data = buildDemoPortfolio(today, fixed.getTime());
    const prepared = prepareCustomerSearch(data.customers);
    expect(searchCustomers(prepared, '云帆')[0].name).toBe('杭州云帆科技有限公司');
    expect(searchCustomers(prepared, 'pacific rim')[0].name).toBe('Pacific Rim Components Inc.');
    expect(searchCustomers(prepared, 'Yunfan Tech')[0].id).toBe('c01');
    expect(searchCustomers(prepared, 'Nordwnd Maschinenbau').map((c) => c.id)).toContain('c07');
    expect(searchCustomers(prepared, '   ')).toEqual([]);
  });
});

describe('saveCapture', () => {
  let db: HuikuanDb;
  beforeEach(async () => {
    db = new HuikuanDb(`t-${Math.random()}`);
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
  });
  afterEach(() => db.close());
  const ctx = {
    meta: {
      subject: '发票抬头问题',
      sentAt: fixed.toISOString(),
      from: 'finance@yunfan-tech.example.cn',
      url: 'https://mail.example/t/1',
    },
    note: '原文',
    messageDay: today,
  };

  it('marks the ticked receivables disputed with the reason and the evidence, logs a disputed activity, and restarts no limitation', async () => {
    const before = await receivableById(db, 'c01-r2');
    const v = validateCapture(form({ kind: 'dispute', receivableIds: ['c01-r2'], reason: '抬头不对' }));
    if (!v.ok) throw new Error('invalid');
    const saved = await saveCapture(db, v.value, ctx, fixed);
    const r = (await receivableById(db, 'c01-r2'))!;
    expect(r.disputed).toBe(true);
    expect(r.disputeReason).toBe('抬头不对');
    expect(r.evidence.at(-1)).toBe(evidenceOf(ctx.meta).text);
    expect(r.interruptions).toEqual(before!.interruptions);
    const a = (await db.activities.get(saved.activityId!))!;
    expect(a).toMatchObject({
      outcome: 'disputed',
      channel: 'email',
      receivableIds: ['c01-r2'],
      note: '原文',
      date: today,
    });
    expect(a.evidence).toContain('https://mail.example/t/1');
    expect((await db.summaries.get('c01'))!.disputedCount).toBe(1);
    const others = await receivablesOf(db, 'c01');
    expect(others.every((x) => x.interruptions.length === 0)).toBe(true);
  });

  it('refuses a receivable of another customer and writes nothing', async () => {
    const v = validateCapture(form({ kind: 'dispute', receivableIds: ['c01-r1', 'c02-r1'], reason: 'x' }));
    if (!v.ok) throw new Error('invalid');
    const acts = await db.activities.count();
    await expect(saveCapture(db, v.value, ctx, fixed)).rejects.toThrow();
    expect((await receivableById(db, 'c01-r1'))!.disputed).toBe(false);
    expect(await db.activities.count()).toBe(acts);
  });

  it('logs a payment notice as a paid activity and creates no payment', async () => {
    const payments = (await documentCounts(db)).payments;
    const v = validateCapture(form({ kind: 'payment', amount: '50000', reference: 'TT-9' }));
    if (!v.ok) throw new Error('invalid');
    const saved = await saveCapture(db, v.value, { ...ctx, note: 'Customer says paid' }, fixed);
    expect((await documentCounts(db)).payments).toBe(payments);
    expect(await db.activities.get(saved.activityId!)).toMatchObject({ outcome: 'paid', note: 'Customer says paid' });
  });

  it('saves a promise with its evidence and sender, and the summary counts it', async () => {
    const pending = (await db.summaries.get('c02'))!.pendingPromiseCount;
    const v = validateCapture(form({ customerId: 'c02', receivableIds: ['c02-r1'] }));
    if (!v.ok) throw new Error('invalid');
    const saved = await saveCapture(db, v.value, ctx, fixed);
    const p = (await db.promises.get(saved.promiseId!))!;
    expect(p).toMatchObject({
      customerId: 'c02',
      amount: { minor: 12_400_000, currency: 'CNY' },
      date: '2026-11-27',
      source: 'capture',
      status: 'pending',
      promisedBy: 'finance@yunfan-tech.example.cn',
      receivableIds: ['c02-r1'],
      evidence: evidenceOf(ctx.meta).text,
    });
    expect((await db.summaries.get('c02'))!.pendingPromiseCount).toBe(pending + 1);
    // The customer's written promise restarts limitation on the receivable it names, and only that one.
    expect((await receivableById(db, 'c02-r1'))!.interruptions.at(-1)).toEqual({
      date: today,
      kind: 'debtor-agreement',
      evidence: evidenceOf(ctx.meta).text,
    });
    const others = (await receivablesOf(db, 'c02')).filter((r) => r.id !== 'c02-r1');
    expect(others.every((r) => !r.interruptions.some((i) => i.kind === 'debtor-agreement'))).toBe(true);
  });

  it('a promise without written evidence restarts nothing', async () => {
    const v = validateCapture(form({ customerId: 'c02', receivableIds: ['c02-r1'] }));
    if (!v.ok) throw new Error('invalid');
    const before = (await receivableById(db, 'c02-r1'))!.interruptions;
    await saveCapture(db, v.value, { ...ctx, meta: {} }, fixed);
    expect((await receivableById(db, 'c02-r1'))!.interruptions).toEqual(before);
  });
});
