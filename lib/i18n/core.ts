/**
 * The part of i18n an extension page needs to start: language choice and an i18next instance built from only the
 * namespaces that page shows, in only its language. Namespace files are loaded with dynamic imports so a page's
 * bundle does not carry the strings of the others (the popup opens dozens of times a day; its first paint must not
 * wait for the options page's strings).
 */
import i18next, { type i18n } from 'i18next';
import type { Lang } from '../domain';
import { pickLang } from './lang';

export { pickLang };

export type Namespace = 'common' | 'sidepanel' | 'popup' | 'options' | 'forecast' | 'toolkit';
export const allNamespaces: readonly Namespace[] = ['common', 'sidepanel', 'popup', 'options', 'forecast', 'toolkit'];

type Bilingual = Record<Lang, Record<string, unknown>>;

const loaders: Record<Namespace, () => Promise<Bilingual>> = {
  common: () => import('./common').then((m) => m.common),
  sidepanel: () => import('./sidepanel').then((m) => m.sidepanel),
  popup: () => import('./popup').then((m) => m.popup),
  options: () => import('./options').then((m) => m.options),
  forecast: () => import('./forecast').then((m) => m.forecast),
  toolkit: () => import('./toolkit').then((m) => m.toolkit),
};

/** A ready (synchronously initialised) instance holding `resources` for one language. */
export function createI18n(l: Lang, resources: Partial<Record<Namespace, Record<string, unknown>>>): i18n {
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

const loaded = new Map<string, Promise<i18n>>();

/** An instance with `ns` in language `l`, loading each namespace file once. */
export function loadI18n(l: Lang, ns: readonly Namespace[] = allNamespaces): Promise<i18n> {
  const key = `${l}:${[...ns].sort().join(',')}`;
  let p = loaded.get(key);
  if (!p) {
    p = Promise.all(ns.map((n) => loaders[n]())).then((bundles) =>
      createI18n(l, Object.fromEntries(ns.map((n, i) => [n, bundles[i][l]]))));
    loaded.set(key, p);
  }
  return p;
}
