/**
 * The complaint channel as a ladder step before the lawyer's letter (ladder.ts `complaintBeforeLawyer`): only for
 * an eligible debtor — SME creditor (Settings or the customer's terms), a government agency, public institution or
 * stated large enterprise, an undisputed amount overdue, no suit — and never for a private debtor. The script is the
 * complaint's text, built from the record in both languages.
 */
import type { AccountSnapshot, ComplaintTerms } from '@/lib/domain';
import { summarizeCustomer } from '@/lib/ledger/summary';
import { ladderStepFor } from '@/lib/messaging/views';
import { suggestNext } from '@/lib/playbook';
import { scoreCustomer } from '@/lib/worklist';
import { worklistStep } from '@/lib/worklist/step';
import { NOW, TODAY, account, activity, ago, promise, rec, withCompany } from '../support/accounts';

const terms = (t: Partial<ComplaintTerms> = {}): ComplaintTerms => ({
  weWereSme: false,
  debtorSize: 'unknown',
  publicInstitution: false,
  inCourt: false,
  ...t,
});

/** 100 days overdue; a call, an unanswered finance letter 40 days ago, a refused call after it: the ladder climbs past the finance letter. */
function debtor(
  type: AccountSnapshot['customer']['type'],
  opts: { sme?: boolean; terms?: ComplaintTerms } = {},
): AccountSnapshot {
  const a = withCompany(
    account({
      customer: { type, name: type === 'government' ? '广州市卫生健康信息中心' : '杭州云帆科技有限公司' },
      receivables: [rec(1, ago(100), 80_000_00), rec(2, ago(70), 40_000_00)],
      activities: [
        activity(ago(60), 'phone', 'no-answer'),
        activity(ago(40), 'finance-letter', 'no-answer'),
        activity(ago(20), 'phone', 'refused'),
      ],
    }),
  );
  return {
    ...a,
    settings: { ...a.settings, smeCreditor: opts.sme ?? true },
    ...(opts.terms ? { terms: opts.terms } : {}),
  };
}

const levelEverywhere = (a: AccountSnapshot) => {
  const summary = summarizeCustomer({ ...a, asOf: TODAY });
  return {
    panel: suggestNext(a, NOW, 'en'),
    badge: ladderStepFor(summary, a.settings, TODAY, 'en'),
    row: scoreCustomer(summary, TODAY, { ladder: a.settings })!,
    step: worklistStep({ ...a, receivables: a.receivables }, TODAY),
  };
};

describe('the complaint step appears for an eligible government debtor and not for a private one', () => {
  it('government agency, SME creditor per Settings: the step past the finance letter is the complaint, everywhere', () => {
    const { panel, badge, row, step } = levelEverywhere(debtor('government'));
    expect(panel.complaint).toBe(true);
    expect(panel.level).toBe(7);
    expect(panel.levelKey).toBe('complaint');
    expect(panel.levelName).toBe('Complaint to the SME payment platform');
    expect(panel.reasons.map((r) => r.key)).toContain('complaintBeforeLawyer');
    expect(badge).toEqual({ level: 7, name: 'Complaint to the SME payment platform' });
    expect(row.level).toBe(7);
    expect(step.levelKey).toBe('complaint');
    expect(step.name).toEqual({ zh: '中小企业款项投诉', en: 'Complaint to the SME payment platform' });
  });

  it("a private enterprise with the same history gets the lawyer's letter; no complaint", () => {
    const { panel, badge, step } = levelEverywhere(debtor('enterprise'));
    expect(panel.complaint).toBe(false);
    expect(panel.level).toBe(7);
    expect(panel.levelKey).toBe('lawyer-letter');
    expect(badge?.name).toBe("Lawyer's letter");
    expect(step.levelKey).toBe('lawyer-letter');
    expect(panel.reasons.map((r) => r.key)).not.toContain('complaintBeforeLawyer');
  });

  it('not an SME creditor: the government customer stays at the finance letter', () => {
    const { panel } = levelEverywhere(debtor('government', { sme: false }));
    expect(panel.complaint).toBe(false);
    expect(panel.level).toBe(5);
  });

  it("the customer's terms can state our SME status for its contract", () => {
    expect(
      suggestNext(debtor('government', { sme: false, terms: terms({ weWereSme: true }) }), NOW, 'en').complaint,
    ).toBe(true);
  });

  it('a suit pending, a complaint already filed, a live promise or a dispute: no complaint step', () => {
    expect(suggestNext(debtor('government', { terms: terms({ inCourt: true }) }), NOW, 'en').complaint).toBe(false);
    const filed = suggestNext(debtor('government', { terms: terms({ complaintFiledOn: ago(5) }) }), NOW, 'en');
    expect(filed.complaint).toBe(false);
    expect(filed.level).toBe(5);
    expect(filed.reasons.find((r) => r.key === 'complaintFiled')?.params).toEqual({ date: ago(5) });
    const promised = debtor('government');
    expect(
      suggestNext({ ...promised, promises: [promise(addDaysToday(5), 'pending', 10_000_00)] }, NOW, 'en').complaint,
    ).toBe(false);
    const disputed = debtor('government');
    expect(
      suggestNext(
        { ...disputed, disputes: [{ receivableId: 'r2', disputedMinor: 1_000_00, currency: 'CNY', status: 'open' }] },
        NOW,
        'en',
      ).complaint,
    ).toBe(false);
  });

  it("a large enterprise (stated in its terms) reaching the lawyer's letter gets the complaint first; an unknown size does not", () => {
    const climbed = (t: ComplaintTerms) => {
      const a = debtor('enterprise', { terms: t });
      return {
        ...a,
        receivables: [rec(1, ago(130), 80_000_00)],
        activities: [...a.activities, activity(ago(10), 'written-notice', 'refused')],
      };
    };
    const large = suggestNext(climbed(terms({ debtorSize: 'large' })), NOW, 'en');
    expect(large.level).toBe(7);
    expect(large.complaint).toBe(true);
    const unknown = suggestNext(climbed(terms()), NOW, 'en');
    expect(unknown.level).toBe(7);
    expect(unknown.complaint).toBe(false);
    expect(unknown.levelKey).toBe('lawyer-letter');
  });

  it('states "no suit" only when the terms record it; without terms the filer is asked to confirm it (zh, en)', () => {
    for (const lang of ['zh', 'en'] as const) {
      const unrecorded = suggestNext(debtor('government'), NOW, lang);
      expect(unrecorded.complaint).toBe(true);
      expect(unrecorded.parts.map((p) => p.key)).toContain('filing.confirmNoSuit');
      expect(unrecorded.parts.map((p) => p.key)).not.toContain('filing.noSuit');
      expect(unrecorded.script).toContain(lang === 'zh' ? '提交前请确认' : 'Confirm before filing');
      const recorded = suggestNext(debtor('government', { terms: terms({ inCourt: false }) }), NOW, lang);
      expect(recorded.parts.map((p) => p.key)).toContain('filing.noSuit');
    }
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`the complaint's text is built from the record (${lang})`, () => {
      const a = debtor('government', { terms: terms({ publicInstitution: true }) });
      const s = suggestNext(a, NOW, lang);
      const keys = s.parts.map((p) => p.key);
      expect(keys).toEqual([
        'filing.to',
        'filing.partiesNamed',
        'filing.items',
        'filing.demands',
        'filing.noSuit',
        'filing.ask',
        'signature',
      ]);
      const demands = s.parts.find((p) => p.key === 'filing.demands')!;
      expect(demands.facts.filter((f) => f.kind === 'activity').map((f) => (f as { id: string }).id)).toEqual(
        a.activities.map((x) => x.id).reverse(),
      );
      expect(s.script).toContain(lang === 'zh' ? '¥120,000.00' : 'CN¥120,000.00');
      expect(s.script).toContain(lang === 'zh' ? '事业单位' : 'a public institution');
      expect(s.script).toContain(lang === 'zh' ? '回款科技有限公司' : 'Huikuan Technology Co., Ltd.');
      expect(s.script).toContain('INV-1');
      expect(s.subject).toContain(a.customer.name);
      expect(s.script).not.toMatch(/\{\{|undefined|NaN/);
      if (lang === 'zh') expect(s.script).not.toMatch(/律师函/);
    });
  }
});

function addDaysToday(n: number) {
  const d = new Date(NOW);
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe("the popup's cached worklist follows our SME status", () => {
  it('a change of Settings.smeCreditor makes the cached rows (and their steps) stale', async () => {
    const { worklistSettingsKey } = await import('@/components/popup/data');
    const a = debtor('government');
    expect(worklistSettingsKey({ ...a.settings, smeCreditor: true })).not.toBe(
      worklistSettingsKey({ ...a.settings, smeCreditor: false }),
    );
  });
});
