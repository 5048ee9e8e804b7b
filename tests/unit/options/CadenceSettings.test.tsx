// @vitest-environment happy-dom
/** Reminder schedules per customer group in Options (components/options/CadenceSettings.tsx), in both languages. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { OptionsApp } from '@/components/options/OptionsApp';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { getSettings, saveSettings } from '@/lib/db/repo';
import { pinnedClock } from '../support/clock';

let db: HuikuanDb;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  db = new HuikuanDb(`t-${Math.random()}`);
  setDb(db);
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(undefined);
});

const show = () =>
  render(
    <AppShell clock={pinnedClock}>
      <OptionsApp initial="settings" />
    </AppShell>,
  );

describe('cadence settings', () => {
  it("edits one group's steps, saves only valid schedules, and keeps the other groups", async () => {
    show();
    const gov = await screen.findByTestId('cadence-group-government');
    expect(within(gov).getByTestId('cadence-government-preview').textContent).toBe(
      'Reminders on: 5 days before · the due date · 7 days after · 15 days after',
    );
    fireEvent.change(screen.getByTestId('cadence-government-step-3'), { target: { value: '30' } });
    await waitFor(async () => expect((await getSettings(db)).cadences.government).toEqual([-5, 0, 7, 30]), {
      timeout: 5000,
    });
    expect((await getSettings(db)).cadences.enterprise).toEqual([-5, 0, 7, 15]);

    // Not a number, out of range, a repeat: the field says why and nothing is saved.
    fireEvent.change(screen.getByTestId('cadence-government-step-1'), { target: { value: 'x' } });
    expect(await within(gov).findByText('Enter a whole number of days.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('cadence-government-step-1'), { target: { value: '400' } });
    expect(await within(gov).findByText('Between -60 and 365 days.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('cadence-government-step-1'), { target: { value: '7' } });
    expect(await within(gov).findByText('Each day once.')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 600));
    expect((await getSettings(db)).cadences.government).toEqual([-5, 0, 7, 30]);

    // Fixed, then a step added (a week after the last) and the first removed.
    fireEvent.change(screen.getByTestId('cadence-government-step-1'), { target: { value: '-1' } });
    fireEvent.click(screen.getByTestId('cadence-government-add'));
    expect((screen.getByTestId('cadence-government-step-4') as HTMLInputElement).value).toBe('37');
    fireEvent.click(screen.getByTestId('cadence-government-remove-0'));
    await waitFor(async () => expect((await getSettings(db)).cadences.government).toEqual([-1, 7, 30, 37]), {
      timeout: 5000,
    });
  });

  it('two groups edited within one save pause are both stored; a group can have no reminders', async () => {
    show();
    await screen.findByTestId('cadence-group-other');
    fireEvent.change(screen.getByTestId('cadence-enterprise-step-0'), { target: { value: '-3' } });
    for (let i = 3; i >= 0; i--) fireEvent.click(screen.getByTestId(`cadence-other-remove-${i}`));
    expect(within(screen.getByTestId('cadence-group-other')).getByText('No reminders for this group.')).toBeTruthy();
    await waitFor(
      async () => {
        const s = await getSettings(db);
        expect(s.cadences.enterprise).toEqual([-3, 0, 7, 15]);
        expect(s.cadences.other).toEqual([]);
      },
      { timeout: 5000 },
    );
  });

  it('the webmail is chosen here', async () => {
    show();
    fireEvent.change(await screen.findByTestId('cadence-webmail'), { target: { value: '163' } });
    await waitFor(async () => expect((await getSettings(db)).webmail).toBe('163'), { timeout: 5000 });
  });

  it('speaks Chinese', async () => {
    await saveSettings(db, { language: 'zh' });
    show();
    expect(await screen.findByText('提醒节奏', {}, { timeout: 5000 })).toBeTruthy();
    const ent = screen.getByTestId('cadence-group-enterprise');
    expect(within(ent).getByText('民营企业')).toBeTruthy();
    expect(within(ent).getByTestId('cadence-enterprise-preview').textContent).toBe(
      '提醒日：到期前 5 天 · 到期当天 · 逾期 7 天 · 逾期 15 天',
    );
    expect(screen.getByRole('option', { name: '网易163邮箱' })).toBeTruthy();
    fireEvent.change(screen.getByTestId('cadence-enterprise-step-0'), { target: { value: '五' } });
    expect(await within(ent).findByText('请输入整数天数。')).toBeTruthy();
  });
});
