/**
 * The part of i18n an extension page needs to start: language choice and an i18next instance built from only the
 * namespaces that page shows, in only its language. Strings live in one JSON file per language and namespace
 * (./locales/<lang>/<ns>.json); each is loaded with its own dynamic import, so a page's bundle carries neither the
 * other language nor the other pages' strings (the popup opens dozens of times a day; its first paint must not wait
 * for the options page's strings).
 */
import i18next, { type i18n } from 'i18next';
import type { Lang } from '../domain';
import { pickLang } from './lang';

export { pickLang };

export const allNamespaces = ['common', 'sidepanel', 'popup', 'options', 'forecast', 'toolkit', 'documents'] as const;
export type Namespace = (typeof allNamespaces)[number];
export type Resource = Record<string, unknown>;

type Loader = () => Promise<{ default: Resource }>;

/** One loader per file, written out so the bundler makes one chunk of each (and a missing file fails the build). */
const loaders: Record<Lang, Record<Namespace, Loader>> = {
  en: {
    common: () => import('./locales/en/common.json'),
    sidepanel: () => import('./locales/en/sidepanel.json'),
    popup: () => import('./locales/en/popup.json'),
    options: () => import('./locales/en/options.json'),
    forecast: () => import('./locales/en/forecast.json'),
    toolkit: () => import('./locales/en/toolkit.json'),
    documents: () => import('./locales/en/documents.json'),
  },
  zh: {
    common: () => import('./locales/zh/common.json'),
    sidepanel: () => import('./locales/zh/sidepanel.json'),
    popup: () => import('./locales/zh/popup.json'),
    options: () => import('./locales/zh/options.json'),
    forecast: () => import('./locales/zh/forecast.json'),
    toolkit: () => import('./locales/zh/toolkit.json'),
    documents: () => import('./locales/zh/documents.json'),
  },
};

/** A ready (synchronously initialised) instance holding `resources` for one language. */
export function createI18n(l: Lang, resources: Partial<Record<Namespace, Resource>>): i18n {
  const inst = i18next.createInstance();
  void inst.init({
    lng: l,
    fallbackLng: false,
    resources: { [l]: resources },
    ns: Object.keys(resources),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return inst;
}

/** The strings of `ns` in language `l`, each file loaded once. */
export async function loadResources(l: Lang, ns: readonly Namespace[]): Promise<Partial<Record<Namespace, Resource>>> {
  const files = await Promise.all(ns.map((n) => loaders[l][n]()));
  return Object.fromEntries(ns.map((n, i) => [n, files[i].default]));
}

const loaded = new Map<string, Promise<i18n>>();

/** An instance with `ns` in language `l`, loading each namespace file once. */
export function loadI18n(l: Lang, ns: readonly Namespace[] = allNamespaces): Promise<i18n> {
  const key = `${l}:${[...ns].sort().join(',')}`;
  let p = loaded.get(key);
  if (!p) {
    p = loadResources(l, ns).then((resources) => createI18n(l, resources));
    loaded.set(key, p);
  }
  return p;
}
