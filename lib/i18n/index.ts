/**
 * i18next with one resource namespace per part of the product, both languages side by side in each file so a
 * string cannot be added in one language only without tests/unit/i18n.test.ts failing.
 *
 * This module bundles every namespace and answers synchronously (the background, tests).
 * Extension pages load only their own namespaces through ./core (loadI18n).
 */
import type { i18n, TFunction } from 'i18next';
import type { Lang } from '../domain';
import { type Namespace, createI18n, pickLang } from './core';
import { common } from './common';
import { sidepanel } from './sidepanel';
import { popup } from './popup';
import { options } from './options';
import { forecast } from './forecast';
import { toolkit } from './toolkit';

export const namespaces = { common, sidepanel, popup, options, forecast, toolkit } as const satisfies Record<Namespace, unknown>;
export { type Namespace, pickLang };

export function resourcesFor(l: Lang): Record<Namespace, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(namespaces).map(([ns, v]) => [ns, v[l]])) as unknown as Record<Namespace, Record<string, unknown>>;
}

const instances = new Map<Lang, i18n>();

/** A ready i18next instance for a language (synchronous: resources are bundled, nothing is fetched). */
export function getI18n(l: Lang): i18n {
  let inst = instances.get(l);
  if (!inst) {
    inst = createI18n(l, resourcesFor(l));
    instances.set(l, inst);
  }
  return inst;
}

export function translator(l: Lang, ns: Namespace = 'common'): TFunction {
  return getI18n(l).getFixedT(l, ns);
}
