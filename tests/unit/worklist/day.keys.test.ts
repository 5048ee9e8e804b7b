/**
 * One key means one thing: the worklist row's letters (popup) and the activity log's (side panel) come from one
 * table, and the hints the user reads name the same letters (issue #21: r was "reached" in one, "refused" in the other).
 */
import { outcomeKeys, outcomes } from '@/lib/domain';
import { rowActionKeys, rowOutcomes } from '@/lib/worklist/day';
import { outcomeKeys as panelKeys } from '@/components/sidepanel/LogAttempt';
import popupEn from '@/lib/i18n/locales/en/popup.json';
import popupZh from '@/lib/i18n/locales/zh/popup.json';
import sidepanelEn from '@/lib/i18n/locales/en/sidepanel.json';
import sidepanelZh from '@/lib/i18n/locales/zh/sidepanel.json';
import commonEn from '@/lib/i18n/locales/en/common.json';
import commonZh from '@/lib/i18n/locales/zh/common.json';

const popup = { en: popupEn, zh: popupZh };
const sidepanel = { en: sidepanelEn, zh: sidepanelZh };
const common = { en: commonEn, zh: commonZh };

describe('outcome keys', () => {
  it('the side panel and the worklist use the same letter for every outcome they both log', () => {
    expect(panelKeys).toBe(outcomeKeys);
    for (const o of rowOutcomes) expect(rowActionKeys[o]).toBe(outcomeKeys[o]);
    expect(outcomeKeys.reached).toBe('r');
    expect(outcomeKeys.refused).toBe('x');
  });

  it("no letter means two things: outcomes are distinct and none is the worklist's snooze or done", () => {
    const letters = outcomes.map((o) => outcomeKeys[o]);
    expect(new Set(letters).size).toBe(letters.length);
    expect(letters).not.toContain(rowActionKeys.snooze);
    expect(letters).not.toContain(rowActionKeys.done);
    const row = Object.values(rowActionKeys);
    expect(new Set(row).size).toBe(row.length);
  });

  it.each(['en', 'zh'] as const)('the hints name the same letters (%s)', (lang) => {
    const hint = popup[lang].worklistDay.keysHint.toLowerCase();
    for (const a of Object.keys(rowActionKeys) as Array<keyof typeof rowActionKeys>) {
      expect(hint).toContain(`${rowActionKeys[a]} ${popup[lang].worklistDay[a].toLowerCase()}`);
    }
    const same = sidepanel[lang].attempt.sameKeys.toLowerCase();
    for (const o of rowOutcomes)
      expect(same).toContain(`${outcomeKeys[o]} ${popup[lang].worklistDay[o].toLowerCase()}`);
    expect(common[lang].outcomes.reached.toLowerCase()).toBe(popup[lang].worklistDay.reached.toLowerCase());
  });
});
