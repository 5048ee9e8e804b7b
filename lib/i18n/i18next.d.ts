/**
 * Typed keys: i18next checks every `t('ns:key')` against the English locale files (the zh files have the same
 * keys, tests/unit/i18n.test.ts). A key that does not exist, or is looked up in the wrong namespace, is a type error.
 */
import 'i18next';
import type common from './locales/en/common.json';
import type sidepanel from './locales/en/sidepanel.json';
import type popup from './locales/en/popup.json';
import type options from './locales/en/options.json';
import type forecast from './locales/en/forecast.json';
import type toolkit from './locales/en/toolkit.json';
import type documents from './locales/en/documents.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      sidepanel: typeof sidepanel;
      popup: typeof popup;
      options: typeof options;
      forecast: typeof forecast;
      toolkit: typeof toolkit;
      documents: typeof documents;
    };
    returnNull: false;
  }
}
