/**
 * The whole popup, loaded after the first paint: settings validated, live queries, today, worklist, scoreboard.
 * It mounts on the root the plain first paint (./firstPaint.ts) drew into; React's first commit replaces those
 * nodes with its own, which render the same summary from the same aggregate.
 */
// The full stylesheet loads with this chunk (Vite waits for it before running the chunk); the first paint has its own.
import '@/components/app/tailwind.css';
import { StrictMode } from 'react';
import { type Root, createRoot } from 'react-dom/client';
import type { i18n } from 'i18next';
import { type Lang, settingsSchema } from '@/lib/domain';
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import { type Namespace, createI18n } from '@/lib/i18n/core';
import { common } from '@/lib/i18n/common';
import { popup } from '@/lib/i18n/popup';
import { AppShell } from '@/components/app/AppShell';
import { PopupApp } from './PopupApp';
import type { Clock } from '@/lib/clock';

export const POPUP_NAMESPACES: readonly Namespace[] = ['common', 'popup'];

export function popupI18n(lang: Lang): i18n {
  return createI18n(lang, { common: common[lang], popup: popup[lang] });
}

export function renderLive(container: HTMLElement, first: { lang: Lang; rawSettings: unknown; portfolio?: PortfolioAggregate; now: Clock }): Root {
  const parsed = first.rawSettings === undefined ? undefined : settingsSchema.safeParse(first.rawSettings);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <AppShell clock={first.now} namespaces={POPUP_NAMESPACES} initial={{ i18n: popupI18n(first.lang), settings: parsed?.success ? parsed.data : undefined }}>
        <PopupApp initialPortfolio={first.portfolio} />
      </AppShell>
    </StrictMode>,
  );
  return root;
}
