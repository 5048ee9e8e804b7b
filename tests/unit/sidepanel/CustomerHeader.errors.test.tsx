// @vitest-environment happy-dom
/**
 * The side panel header says why an action failed in the user's language: a refusal from the background reads as
 * its translated reason, never as the background's English words.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { CustomerHeader } from '@/components/sidepanel/CustomerHeader';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { saveSettings } from '@/lib/db/repo';
import type { PageContext } from '@/lib/domain';
import { locales } from '@/lib/i18n';
import { pinnedClock } from '../support/clock';

const ctx: PageContext = {
  site: 'demo-crm',
  kind: 'record',
  recordId: 'ACC-0099',
  name: '北风国际贸易有限公司',
  emails: [],
  url: 'https://crm.example/acc/99',
} as PageContext;

let db: HuikuanDb;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  // The background refuses the link: the tab's page context is gone.
  fakeBrowser.runtime.sendMessage = vi.fn(async (m: { type: string }) =>
    m.type === 'customer/link' ? { error: 'no page context for that tab', code: 'noPageContext' } : { ok: true },
  ) as never;
  db = new HuikuanDb(`he-${Math.random()}`);
  setDb(db);
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(undefined);
});

it.each(['en', 'zh'] as const)('shows a refused link as its reason in %s', async (lang) => {
  await saveSettings(db, { language: lang });
  render(
    <AppShell clock={pinnedClock}>
      <CustomerHeader
        view={{ tabId: 3, ctx, matches: [], draft: null }}
        pinned={false}
        onPin={() => undefined}
        onChoose={() => undefined}
        onLinked={() => undefined}
        searchOpen={false}
        setSearchOpen={() => undefined}
      />
    </AppShell>,
  );
  // Once the page speaks the chosen language.
  await userEvent.click(await screen.findByText(locales[lang].sidepanel.header.create.replace('{{name}}', ctx.name!)));
  const alert = await screen.findByRole('alert');
  const reason = locales[lang].common.errors.router.noPageContext;
  expect(alert.textContent).toBe(locales[lang].sidepanel.header.failed.replace('{{reason}}', reason));
  expect(alert.textContent).not.toMatch(/no page context for that tab/);
});
