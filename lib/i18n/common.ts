/**
 * The `common` namespace in both languages, synchronously: for shared lib code that speaks either language on a
 * page (the playbook's reasons and scripts, lib/playbook/say.ts) without pulling in every namespace the way
 * ./index.ts does (that one is for the worker and tests).
 */
import type { TFunction } from 'i18next';
import type { Lang } from '../domain';
import { createI18n } from './core';
import en from './locales/en/common.json';
import zh from './locales/zh/common.json';

const fixed = new Map<Lang, TFunction<'common'>>();

/** A `t` over `common` in language `l`. */
export function commonTranslator(l: Lang): TFunction<'common'> {
  let t = fixed.get(l);
  if (!t) {
    t = createI18n(l, { common: l === 'zh' ? zh : en }).getFixedT(l, 'common');
    fixed.set(l, t);
  }
  return t;
}
