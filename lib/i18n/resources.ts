/**
 * Every locale file of both languages, imported statically: for the contexts that answer synchronously and show
 * any namespace (the background worker, tests) and the parity test. Extension pages load theirs through
 * ./core (loadI18n), one file per language and namespace.
 */
import type { Lang } from '../domain';
import type { Namespace } from './core';
import commonEn from './locales/en/common.json';
import sidepanelEn from './locales/en/sidepanel.json';
import popupEn from './locales/en/popup.json';
import optionsEn from './locales/en/options.json';
import forecastEn from './locales/en/forecast.json';
import toolkitEn from './locales/en/toolkit.json';
import documentsEn from './locales/en/documents.json';
import commonZh from './locales/zh/common.json';
import sidepanelZh from './locales/zh/sidepanel.json';
import popupZh from './locales/zh/popup.json';
import optionsZh from './locales/zh/options.json';
import forecastZh from './locales/zh/forecast.json';
import toolkitZh from './locales/zh/toolkit.json';
import documentsZh from './locales/zh/documents.json';

export const locales = {
  en: {
    common: commonEn,
    sidepanel: sidepanelEn,
    popup: popupEn,
    options: optionsEn,
    forecast: forecastEn,
    toolkit: toolkitEn,
    documents: documentsEn,
  },
  zh: {
    common: commonZh,
    sidepanel: sidepanelZh,
    popup: popupZh,
    options: optionsZh,
    forecast: forecastZh,
    toolkit: toolkitZh,
    documents: documentsZh,
  },
} as const satisfies Record<Lang, Record<Namespace, unknown>>;
