/** The browser's UI language as an extension page sees it (the popup's first paint reads it before any polyfill loads). */
export function browserLang(): string | undefined {
  const c = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome;
  return c?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language;
}
