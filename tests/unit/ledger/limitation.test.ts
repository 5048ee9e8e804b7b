import { locales } from '../../../lib/i18n';
import { allocateWithCredit } from '../../../lib/ledger/allocate';
import {
  limitationDeadline,
  limitationRules,
  limitationStatus,
  partialPaymentInterruptions,
} from '../../../lib/ledger/limitation';
import { inv, pay } from '../support/receivables';

describe('limitation', () => {
  it('PRC default: three years from the due date', () => {
    expect(limitationDeadline({ dueDate: '2021-06-30' }, { years: 3 })).toEqual({
      deadline: '2024-06-30',
      startDate: '2021-06-30',
      startKind: 'due',
      revived: false,
    });
    expect(limitationDeadline({ dueDate: '2020-02-29' }, { years: 3 }).deadline).toBe('2023-02-28');
  });

  it('restarts from the latest interruption inside the period, ignores ones before the due date', () => {
    const r = limitationDeadline(
      {
        dueDate: '2021-01-10',
        interruptions: [
          { date: '2020-12-01', kind: 'demand-with-evidence' },
          { date: '2022-05-01', kind: 'demand-with-evidence' },
          { date: '2024-03-15', kind: 'sealed-confirmation' },
        ],
      },
      { years: 3 },
    );
    expect(r).toEqual({
      deadline: '2027-03-15',
      startDate: '2024-03-15',
      startKind: 'sealed-confirmation',
      revived: false,
    });
  });

  it('a demand after expiry does not restart; a sealed confirmation after expiry revives', () => {
    expect(
      limitationDeadline(
        { dueDate: '2019-01-01', interruptions: [{ date: '2023-01-01', kind: 'demand-with-evidence' }] },
        { years: 3 },
      ).deadline,
    ).toBe('2022-01-01');
    expect(
      limitationDeadline(
        { dueDate: '2019-01-01', interruptions: [{ date: '2023-01-01', kind: 'sealed-confirmation' }] },
        { years: 3 },
      ),
    ).toMatchObject({ deadline: '2026-01-01', revived: true });
  });

  it('partial payments derived from allocations interrupt', () => {
    const r = inv({ id: 'a', minor: 1000, due: '2022-01-01' });
    const { applications } = allocateWithCredit([r], [pay({ id: 'p', minor: 100, date: '2023-06-01' })]);
    const extra = partialPaymentInterruptions('a', applications);
    expect(extra).toEqual([{ date: '2023-06-01', kind: 'partial-payment' }]);
    expect(limitationDeadline(r, { years: 3 }, extra).deadline).toBe('2026-06-01');
  });

  it('status: ok, warn within the window, expired after', () => {
    expect(limitationStatus('2024-06-30', '2024-01-01', 90)).toEqual({ status: 'ok', daysLeft: 181 });
    expect(limitationStatus('2024-06-30', '2024-04-01', 90)).toEqual({ status: 'warn', daysLeft: 90 });
    expect(limitationStatus('2024-06-30', '2024-07-01', 90)).toEqual({ status: 'expired', daysLeft: -1 });
  });

  it('jurisdiction presets carry years and bilingual citations', () => {
    expect(limitationRules.map((r) => [r.id, r.years])).toEqual([
      ['prc', 3],
      ['us-ucc', 4],
      ['us-contract', 6],
      ['uk', 6],
    ]);
    const cite = (l: 'en' | 'zh', i: number) =>
      locales[l].options.settings.limitationRules[limitationRules[i].id].citation;
    expect(cite('zh', 0)).toContain('第188条');
    expect(cite('en', 1)).toContain('2-725');
    expect(cite('en', 3)).toContain('Limitation Act 1980 s.5');
  });
});
