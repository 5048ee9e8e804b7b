/** The whole popup, loaded after the first paint: settings validated, live queries, today, worklist, scoreboard. */
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { i18n } from 'i18next';
import { settingsSchema } from '@/lib/domain';
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import { AppShell } from '@/components/app/AppShell';
import { PopupApp } from './PopupApp';
import { POPUP_NAMESPACES } from './start';

export function renderLive(root: Root, first: { i18n: i18n; rawSettings: unknown; portfolio?: PortfolioAggregate }): void {
  const parsed = first.rawSettings === undefined ? undefined : settingsSchema.safeParse(first.rawSettings);
  root.render(
    <StrictMode>
      <AppShell namespaces={POPUP_NAMESPACES} initial={{ i18n: first.i18n, settings: parsed?.success ? parsed.data : undefined }}>
        <PopupApp initialPortfolio={first.portfolio} />
      </AppShell>
    </StrictMode>,
  );
}
