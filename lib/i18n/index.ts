/**
 * i18next with one namespace per part of the product and one JSON file per language and namespace
 * (./locales/<lang>/<ns>.json; keys are typed from the English files, ./i18next.d.ts, and
 * tests/unit/i18n.test.ts fails when a key is in one language only).
 *
 * This module bundles every namespace of both languages and answers synchronously (the background, tests).
 * Extension pages load only their own namespaces in their own language through ./core (loadI18n).
 */
import type { i18n, TFunction } from 'i18next';
import type { Lang } from '../domain';
import { type Namespace, createI18n, pickLang } from './core';
import { locales } from './resources';
import type { DocText } from './types';

export { type Namespace, pickLang, locales };

const instances = new Map<Lang, i18n>();

/** A ready i18next instance for a language (synchronous: resources are bundled, nothing is fetched). */
export function getI18n(l: Lang): i18n {
  let inst = instances.get(l);
  if (!inst) {
    inst = createI18n(l, locales[l]);
    instances.set(l, inst);
  }
  return inst;
}

/** A `t` for one language, its keys looked up in `ns` (keys of another namespace take their `ns:` prefix). */
export function translator<N extends Namespace = 'common'>(l: Lang, ns?: N): TFunction<N> {
  return getI18n(l).getFixedT(l, ns ?? 'common') as TFunction<N>;
}

/** The `documents` strings of one language, for code that prints a letter or statement outside a page (tests). */
export function docText(l: Lang): DocText {
  return { lang: l, t: translator(l, 'documents') };
}
