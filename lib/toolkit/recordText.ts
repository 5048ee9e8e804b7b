/**
 * The wording of what the toolkit writes into the record itself — activity notes, promise notes, limitation
 * evidence, a bill's payment reference — from the `documents` locale files (`records`). These are kept in both
 * languages, Chinese first, whoever wrote them: a team shares one record (lib/sync) whatever each member's UI
 * language, and a sealed statement's evidence is matched by its text, which must not depend on who recorded it.
 * Both languages' `documents` files are therefore bundled with the pages that write records (about 6 KB each).
 */
import type { TFunction } from 'i18next';
import type { Lang } from '../domain';
import { createI18n } from '../i18n/core';
import en from '../i18n/locales/en/documents.json';
import zh from '../i18n/locales/zh/documents.json';

type Params = Record<string, string | number>;
type RecordKey = Exclude<keyof typeof en.records, 'bill'>;

const fixed = new Map<Lang, TFunction<'documents'>>();
function documentsT(l: Lang): TFunction<'documents'> {
  let t = fixed.get(l);
  if (!t) {
    t = createI18n(l, { documents: l === 'zh' ? zh : en }).getFixedT(l, 'documents') as TFunction<'documents'>;
    fixed.set(l, t);
  }
  return t;
}

/**
 * `key` in Chinese, then in English: "对账单 … 盖章回执 / sealed statement". Parameters that are written differently
 * per language (an amount) are given as a function of the language.
 */
export function recordText(key: RecordKey, params: Params | ((lang: Lang) => Params) = {}): string {
  const of = (lang: Lang) => (typeof params === 'function' ? params(lang) : params);
  return `${documentsT('zh')(`records.${key}`, of('zh'))} / ${documentsT('en')(`records.${key}`, of('en'))}`;
}

/** A bill's kind as its payment reference names it, in both languages. */
export function billKindText(kind: keyof typeof en.records.bill): string {
  return `${documentsT('zh')(`records.bill.${kind}`)} / ${documentsT('en')(`records.bill.${kind}`)}`;
}
