/**
 * Every extension page renders inside this: it reads the settings live from Dexie, picks the UI language (the
 * user's choice, else the browser's), and provides i18next to the tree. Only the namespaces the page names are
 * loaded; a page that read its settings and strings before rendering (the popup) passes them as `initial` so its
 * first render already has them.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { type Lang, type Settings, defaultSettings } from '@/lib/domain';
import { getDb } from '@/lib/db/schema';
import { setCaptureClock } from '@/lib/sync/capture';
import { getSettings } from '@/lib/db/repo';
import { type Namespace, allNamespaces, loadI18n, pickLang } from '@/lib/i18n/core';
import { browserLang } from '@/lib/browser/lang';
import { armTestFaults } from '@/lib/browser/pages';
import { META_ROWS, writeMirror } from '@/lib/db/metaMirror';
import type { Clock } from '@/lib/clock';
import { ClockContext } from './clock';
import { DemoBanner, useStoreSwitchReload } from './DemoBanner';

/**
 * Keeps the popup's mirror of the settings and portfolio rows (lib/db/metaMirror.ts) equal to the store while this
 * page is open: the live query re-runs after every write to those rows, from any context, so the next popup paints
 * current figures at once.
 */
function useMetaMirror(): void {
  const rows = useLiveQuery(() => getDb().meta.bulkGet([META_ROWS.settings, META_ROWS.portfolio]), []);
  useEffect(() => {
    if (rows) writeMirror({ settings: rows[0]?.value, portfolio: rows[1]?.value });
  }, [rows]);
}

interface AppState {
  lang: Lang;
  settings: Settings;
  ready: boolean;
}
const AppContext = createContext<AppState>({ lang: 'en', settings: defaultSettings(), ready: false });

export function useApp(): AppState {
  return useContext(AppContext);
}

export interface AppShellProps {
  children: ReactNode;
  /** The page's one clock (lib/clock.ts): the entrypoint passes the real one, tests a pinned one. */
  clock: Clock;
  /** The i18n namespaces this page uses (all by default). */
  namespaces?: readonly Namespace[];
  /** Settings and a matching i18n instance already read by the page's entry. */
  initial?: { settings?: Settings; i18n: i18n };
}

export function AppShell({ children, clock, namespaces = allNamespaces, initial }: AppShellProps) {
  // Deletions are stamped for team sharing by the database itself (lib/sync/capture.ts) with this page's clock.
  setCaptureClock(() => clock().getTime());
  armTestFaults();
  useMetaMirror();
  useStoreSwitchReload();
  const settings = useLiveQuery(() => getSettings(getDb()), []) ?? initial?.settings;
  const lang = pickLang(settings?.language, browserLang());
  const [loaded, setLoaded] = useState<{ lang: Lang; i18n: i18n } | undefined>(
    initial ? { lang: initial.i18n.language as Lang, i18n: initial.i18n } : undefined,
  );
  const nsKey = namespaces.join(',');
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    if (loaded?.lang === lang) return;
    let live = true;
    void loadI18n(lang, nsKey.split(',') as Namespace[]).then((inst) => {
      if (live) setLoaded({ lang, i18n: inst });
    });
    return () => {
      live = false;
    };
  }, [lang, nsKey, loaded?.lang]);
  if (!loaded) return null;
  const state: AppState = { lang: loaded.lang, settings: settings ?? defaultSettings(), ready: settings !== undefined };
  return (
    <ClockContext.Provider value={clock}>
      <AppContext.Provider value={state}>
        <I18nextProvider i18n={loaded.i18n}>
          <DemoBanner />
          {children}
        </I18nextProvider>
      </AppContext.Provider>
    </ClockContext.Provider>
  );
}
