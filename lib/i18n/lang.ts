/**
 * Choosing the UI language, without i18next: the popup's first paint chooses its language before i18next is even
 * loaded (./core re-exports these for everything else).
 */
import type { Lang } from '../domain';

/** The UI language: the user's choice, else the browser's (any zh-* → zh), else English. */
export function pickLang(choice: Lang | undefined, browserLang: string | undefined): Lang {
  if (choice) return choice;
  return (browserLang ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The browser's UI language as an extension page sees it (no polyfill needed for this one call). */
export function browserLang(): string | undefined {
  const c = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome;
  return c?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language;
}
