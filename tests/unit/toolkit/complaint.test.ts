/**
 * The complaint's facts (lib/toolkit/complaint.ts) state only what the record holds: "no suit or arbitration" is
 * stated when the customer's terms record it, and otherwise left for the filer to confirm.
 */
import { complaintFacts } from '@/lib/toolkit/complaint';
import { translator } from '@/lib/i18n';

const base = {
  asOf: '2026-11-22',
  ourName: '回款科技有限公司',
  debtorName: '广州市卫生健康信息中心',
  debtorKind: 'agency' as const,
  documents: [{ docNumber: 'INV-1', dueDate: '2026-08-01', undisputedMinor: 80_000_00, currency: 'CNY' }],
  demands: [{ date: '2026-10-01', channel: 'finance-letter', evidence: 'EMS 1234' }],
  sealedStatements: [],
  format: (m: number, c: string) => `${c} ${(m / 100).toFixed(2)}`,
};

describe('complaint facts', () => {
  it.each([
    [
      'en',
      'No suit or arbitration concerns this debt.',
      '[Confirm before filing: no suit or arbitration concerns this debt.]',
    ],
    ['zh', '该款项未进入诉讼或仲裁程序。', '（提交前请确认：该款项未进入诉讼或仲裁程序。）'],
  ] as const)('say "no suit" only when the terms record it (%s)', (lang, stated, asked) => {
    const recorded = complaintFacts({ ...base, t: translator(lang, 'toolkit'), noSuitRecorded: true });
    expect(recorded).toContain(stated);
    expect(recorded).not.toContain(asked);
    const unknown = complaintFacts({ ...base, t: translator(lang, 'toolkit') });
    expect(unknown).toContain(asked);
    expect(unknown).not.toContain(stated);
    expect(unknown.join('\n')).toContain('INV-1');
  });
});
