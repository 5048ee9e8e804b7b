/** Reminder cadences (lib/cadence): which step is due, one draft per customer, the compose URLs, the logged activity. */
import { activitySchema, defaultSettings, settingsSchema } from '@/lib/domain';
import {
  LAST_STEP_DAYS,
  cadenceActivity,
  cadenceDraft,
  cadencePlan,
  composeUrl,
  currentStep,
  loggedSteps,
  mayBeDue,
  nextStepDate,
} from '@/lib/cadence';
import { addDays } from '@/lib/ledger/dates';
import { account, contact, rec, withCompany } from '../support/accounts';

const DAYS = [-5, 0, 7, 15];
const DUE = '2026-12-10';

describe('which step is due', () => {
  it.each([
    ['2026-12-04', undefined],
    ['2026-12-05', -5],
    ['2026-12-09', -5],
    ['2026-12-10', 0],
    ['2026-12-16', 0],
    ['2026-12-17', 7],
    ['2026-12-25', 15],
    [addDays('2026-12-25', LAST_STEP_DAYS - 1), 15],
    [addDays('2026-12-25', LAST_STEP_DAYS), undefined],
  ] as const)('on %s the step is %s', (asOf, step) => {
    expect(currentStep(DUE, DAYS, asOf)).toBe(step);
  });

  it('takes the schedule in any order and says when the next step comes', () => {
    expect(currentStep(DUE, [15, -5, 7, 0], '2026-12-18')).toBe(7);
    expect(nextStepDate(DUE, DAYS, 7)).toBe('2026-12-25');
    expect(nextStepDate(DUE, DAYS, 15)).toBeUndefined();
  });

  it('a cheap first pass finds the due dates that may have a step today, and only those', () => {
    expect(mayBeDue([[DUE, 'CNY', 100]], DAYS, '2026-12-05')).toBe(true);
    expect(mayBeDue([[DUE, 'CNY', 100]], DAYS, '2026-12-04')).toBe(false);
    expect(mayBeDue([[DUE, 'CNY', 0]], DAYS, '2026-12-05')).toBe(false);
    expect(mayBeDue([[DUE, 'CNY', 100]], [], '2026-12-05')).toBe(false);
  });
});

describe('one reminder per customer', () => {
  const inv = (id: string, due: string, extra: { disputed?: boolean; openMinor?: number } = {}) => ({
    id,
    docNumber: id.toUpperCase(),
    dueDate: due,
    openMinor: 1000,
    currency: 'CNY',
    ...extra,
  });

  it('the latest step due, for the invoices at it; a logged step is not due again; disputed or paid invoices never are', () => {
    const invoices = [
      inv('a', '2026-12-01'),
      inv('b', '2026-12-03'),
      inv('c', '2026-12-14'),
      inv('d', '2026-12-01', { disputed: true }),
      inv('e', '2026-12-01', { openMinor: 0 }),
    ];
    const asOf = '2026-12-10';
    const plan = cadencePlan(invoices, DAYS, asOf, new Map())!;
    // a (due 12-01) and b (due 12-03) are both at +7 on 12-10; c (due 12-14) is at -5.
    expect(plan).toMatchObject({ day: 7, index: 2, of: 4, nextDate: '2026-12-16' });
    expect(plan.invoices.map((i) => i.id)).toEqual(['a', 'b']);
    const b7 = cadencePlan(
      invoices,
      DAYS,
      asOf,
      loggedSteps([{ receivableIds: ['a'], sent: { kind: 'script', text: 'x', cadenceDay: 7 } }]),
    )!;
    expect(b7).toMatchObject({ day: 7, nextDate: '2026-12-18' });
    expect(b7.invoices.map((i) => i.id)).toEqual(['b']);
    const both = loggedSteps([{ receivableIds: ['a', 'b'], sent: { kind: 'script', text: 'x', cadenceDay: 7 } }]);
    const pre = cadencePlan(invoices, DAYS, asOf, both)!;
    expect(pre).toMatchObject({ day: -5, invoices: [expect.objectContaining({ id: 'c' })] });
    // Activities without a cadence step (a call, a letter) do not count as a reminder sent.
    expect(
      loggedSteps([{ receivableIds: ['c'], sent: { kind: 'letter', text: 'x' } }, { receivableIds: ['c'] }]).size,
    ).toBe(0);
    both.set('c', new Set([-5]));
    expect(cadencePlan(invoices, DAYS, asOf, both)).toBeUndefined();
    expect(cadencePlan(invoices, [], asOf, new Map())).toBeUndefined();
  });
});

describe('the draft', () => {
  it("is the playbook's email for the account, to the contact with an address", () => {
    const a = withCompany(
      account({
        contacts: [
          contact('p1', '陈静', '财务经理'),
          { ...contact('p2', '李娜', '出纳'), email: 'lina@yunfan.example.cn' },
        ],
        receivables: [rec(1, '2026-11-15', 86_400_00)],
      }),
    );
    const plan = cadencePlan(
      [{ id: 'r1', docNumber: 'INV-1', dueDate: '2026-11-15', openMinor: 86_400_00, currency: 'CNY' }],
      DAYS,
      '2026-11-22',
      new Map(),
    )!;
    expect(plan.day).toBe(7);
    const d = cadenceDraft(a, plan, new Date('2026-11-22T10:00:00'), 'zh');
    expect(d.to).toEqual({ name: '李娜', email: 'lina@yunfan.example.cn', contactId: 'p2' });
    expect(d.subject).toContain('杭州云帆科技有限公司');
    expect(d.body).toContain('INV-1');
    expect(d.body).toContain('86,400.00');
    expect(d.body).toContain('6222 0212 3456 7890');
    // Letter-shaped: a greeting line, paragraphs, the signature.
    expect(d.body.split('\n').length).toBeGreaterThan(3);
    const en = cadenceDraft(a, plan, new Date('2026-11-22T10:00:00'), 'en');
    expect(en.body).toContain('INV-1');
    expect(en.body).toMatch(/^Dear /);
    // No address on file: no recipient, the draft still stands.
    expect(
      cadenceDraft({ ...a, contacts: [contact('p1', '陈静', '财务经理')] }, plan, new Date('2026-11-22T10:00:00'), 'zh')
        .to,
    ).toBeUndefined();
  });

  it('logs as an email on the step, naming the invoices, keeping the text, planning the next step', () => {
    const a = withCompany(account({ receivables: [rec(1, '2026-11-15')] }));
    const plan = cadencePlan(
      [{ id: 'r1', docNumber: 'INV-1', dueDate: '2026-11-15', openMinor: 1, currency: 'CNY' }],
      DAYS,
      '2026-11-22',
      new Map(),
    )!;
    const d = cadenceDraft(a, plan, new Date('2026-11-22T10:00:00'), 'en');
    const act = activitySchema.parse(cadenceActivity(d, { id: 'a1', asOf: '2026-11-22', now: 5 }));
    expect(act).toMatchObject({
      channel: 'email',
      outcome: 'other',
      receivableIds: ['r1'],
      nextDate: '2026-11-30',
      sent: { cadenceDay: 7, text: d.body, subject: d.subject },
    });
    expect(
      cadencePlan(
        [{ id: 'r1', docNumber: 'INV-1', dueDate: '2026-11-15', openMinor: 1, currency: 'CNY' }],
        DAYS,
        '2026-11-22',
        loggedSteps([act]),
      ),
    ).toBeUndefined();
  });
});

describe('compose URLs', () => {
  const m = {
    to: 'lina@yunfan.example.cn',
    subject: '关于 INV-1 的付款提醒 & more',
    body: '李娜您好：\n\n请于 12 月 1 日前付款 ¥86,400.00。\n+ 谢谢',
  };

  it.each([
    ['gmail', 'https://mail.google.com/mail/', { view: 'cm', fs: '1', to: m.to, su: m.subject, body: m.body }],
    ['outlook', 'https://outlook.office.com/mail/deeplink/compose', { to: m.to, subject: m.subject, body: m.body }],
    [
      'outlook-live',
      'https://outlook.live.com/mail/0/deeplink/compose',
      { to: m.to, subject: m.subject, body: m.body },
    ],
    ['qq', 'https://mail.qq.com/cgi-bin/readtemplate', { t: 'compose', to: m.to, subject: m.subject, body: m.body }],
  ] as const)('%s carries the recipient, subject and text exactly', (mail, base, params) => {
    const url = composeUrl(mail, m);
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(base);
    for (const [k, v] of Object.entries(params)) expect(u.searchParams.get(k)).toBe(v);
    // Spaces as %20, never "+" (Outlook's signed-out redirect shows a "+" per space); a literal "+" stays %2B.
    expect(url).not.toMatch(/\+/);
  });

  it("163 carries them in the compose module's hash", () => {
    const url = composeUrl('163', m);
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://mail.163.com/');
    const hash = decodeURIComponent(u.hash.slice(1));
    expect(hash.startsWith('module=compose.ComposeModule|')).toBe(true);
    expect(JSON.parse(hash.slice('module=compose.ComposeModule|'.length))).toEqual({
      to: m.to,
      subject: m.subject,
      content: m.body,
    });
  });

  it('an empty recipient stays empty', () => {
    expect(new URL(composeUrl('gmail', { subject: 's', body: 'b' })).searchParams.get('to')).toBe('');
  });
});

describe('settings', () => {
  it('every group gets the default schedule and Gmail; a schedule is kept sorted and without repeats; out of range is refused', () => {
    const s = defaultSettings();
    expect(s.cadences).toEqual({ enterprise: DAYS, 'state-owned': DAYS, government: DAYS, other: DAYS });
    expect(s.webmail).toBe('gmail');
    expect(settingsSchema.parse({ cadences: { government: [30, -10, 0, 30] } }).cadences.government).toEqual([
      -10, 0, 30,
    ]);
    expect(settingsSchema.safeParse({ cadences: { other: [400] } }).success).toBe(false);
    expect(settingsSchema.safeParse({ webmail: 'yahoo' }).success).toBe(false);
    // Settings written before cadences existed read with the defaults.
    expect(settingsSchema.parse({ version: 1, baseCurrency: 'USD' }).cadences.enterprise).toEqual(DAYS);
  });
});
