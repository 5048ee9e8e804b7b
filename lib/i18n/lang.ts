/**
 * Choosing the UI language — the one picker every page, the worker and the first paint use — without i18next:
 * the popup's first paint chooses its language before i18next is even loaded. The browser's language itself is
 * read by lib/browser/lang.ts.
 */
import type { Lang } from '../domain';

/** The UI language: the user's choice, else the browser's (any zh-* → zh), else English. */
export function pickLang(choice: Lang | undefined, browserLang: string | undefined): Lang {
  if (choice) return choice;
  return (browserLang ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
