/**
 * i18next with one resource namespace per part of the product, both languages side by side in each file so a
 * string cannot be added in one language only without tests/unit/i18n.test.ts failing.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import type { Lang } from '../domain';
import { common } from './common';
import { sidepanel } from './sidepanel';
import { popup } from './popup';
import { options } from './options';

export const namespaces = { common, sidepanel, popup, options } as const;
export type Namespace = keyof typeof namespaces;

export function resourcesFor(l: Lang): Record<Namespace, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(namespaces).map(([ns, v]) => [ns, v[l]])) as unknown as Record<Namespace, Record<string, unknown>>;
}

/** The UI language: the user's choice, else the browser's (any zh-* → zh), else English. */
export function pickLang(choice: Lang | undefined, browserLang: string | undefined): Lang {
  if (choice) return choice;
  return (browserLang ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const instances = new Map<Lang, i18n>();

/** A ready i18next instance for a language (synchronous: resources are bundled, nothing is fetched). */
export function getI18n(l: Lang): i18n {
  let inst = instances.get(l);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({
      lng: l,
      fallbackLng: false,
      resources: { [l]: resourcesFor(l) },
      ns: Object.keys(namespaces),
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(l, inst);
  }
  return inst;
}

export function translator(l: Lang, ns: Namespace = 'common'): TFunction {
  return getI18n(l).getFixedT(l, ns);
}
