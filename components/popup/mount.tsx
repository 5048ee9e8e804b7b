/**
 * The live popup, loaded once the summary is painted: settings validated, live queries, today, worklist,
 * scoreboard, mounted on the root below the summary; its live summary (./LiveSummary.tsx) keeps the painted
 * summary current with the same renderer.
 */
// The full stylesheet loads with this chunk (Vite waits for it before running the chunk); the summary has its own.
import '@/components/app/tailwind.css';
import { StrictMode } from 'react';
import { type Root, createRoot } from 'react-dom/client';
import { settingsSchema } from '@/lib/domain';
import { readMirror } from '@/lib/db/metaMirror';
import { createI18n } from '@/lib/i18n/core';
import { common } from '@/lib/i18n/common';
import { popup } from '@/lib/i18n/popup';
import { forecast } from '@/lib/i18n/forecast';
import type { Clock } from '@/lib/clock';
import { AppShell } from '@/components/app/AppShell';
import { PopupApp } from './PopupApp';
import { displaySettings, trustedPortfolio } from './summary';

/** Renders the popup into `container`, starting from the mirrored rows so its first render has language and figures. */
export function mountPopup(container: HTMLElement, clock: Clock): Root {
  const rows = readMirror()?.rows;
  const parsed = rows?.settings === undefined ? undefined : settingsSchema.safeParse(rows.settings);
  const { lang } = displaySettings(rows?.settings);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <AppShell clock={clock} namespaces={['common', 'popup', 'forecast']}
        initial={{ i18n: createI18n(lang, { common: common[lang], popup: popup[lang], forecast: forecast[lang] }), settings: parsed?.success ? parsed.data : undefined }}>
        <PopupApp initialPortfolio={trustedPortfolio(rows?.portfolio)} />
      </AppShell>
    </StrictMode>,
  );
  return root;
}
