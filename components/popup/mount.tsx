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
import { type Namespace, loadI18n } from '@/lib/i18n/core';
import type { Clock } from '@/lib/clock';
import { AppShell } from '@/components/app/AppShell';
import { PopupApp } from './PopupApp';
import { displaySettings, trustedPortfolio } from './summary';

const namespaces: readonly Namespace[] = ['common', 'popup', 'forecast'];

/**
 * Renders the popup into `container`, starting from the mirrored rows so its first render has language and figures;
 * the strings of that language only are loaded first (three small files).
 */
export async function mountPopup(container: HTMLElement, clock: Clock): Promise<Root> {
  const rows = readMirror()?.rows;
  const parsed = rows?.settings === undefined ? undefined : settingsSchema.safeParse(rows.settings);
  const { lang } = displaySettings(rows?.settings);
  const i18n = await loadI18n(lang, namespaces);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <AppShell
        clock={clock}
        namespaces={namespaces}
        initial={{ i18n, settings: parsed?.success ? parsed.data : undefined }}
      >
        <PopupApp initialPortfolio={trustedPortfolio(rows?.portfolio)} />
      </AppShell>
    </StrictMode>,
  );
  return root;
}
