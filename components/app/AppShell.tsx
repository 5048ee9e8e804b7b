/**
 * Every extension page renders inside this: it reads the settings live from Dexie, picks the UI language (the
 * user's choice, else the browser's), and provides i18next to the tree.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { type Lang, type Settings, defaultSettings } from '@/lib/domain';
import { getDb } from '@/lib/db/schema';
import { getSettings } from '@/lib/db/repo';
import { getI18n, pickLang } from '@/lib/i18n';

interface AppState { lang: Lang; settings: Settings; ready: boolean }
const AppContext = createContext<AppState>({ lang: 'en', settings: defaultSettings(), ready: false });

export function useApp(): AppState {
  return useContext(AppContext);
}

export function AppShell({ children }: { children: ReactNode }) {
  const settings = useLiveQuery(() => getSettings(getDb()), []);
  const lang = pickLang(settings?.language, browser.i18n?.getUILanguage?.() ?? navigator.language);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const state: AppState = { lang, settings: settings ?? defaultSettings(), ready: settings !== undefined };
  return (
    <AppContext.Provider value={state}>
      <I18nextProvider i18n={getI18n(lang)}>{children}</I18nextProvider>
    </AppContext.Provider>
  );
}
