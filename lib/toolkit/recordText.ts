/**
 * The wording of what the toolkit writes into the record itself — activity notes, promise notes, limitation
 * evidence, a bill's payment reference — from the `documents` locale files (`records`). These are kept in both
 * languages, Chinese first, whoever wrote them: a team shares one record (lib/sync) whatever each member's UI
 * language, and a sealed statement's evidence is matched by its text, which must not depend on who recorded it.
 * Only the `records` part of the two files is imported, so the pages that write records carry no other strings.
 */
import type { Lang } from '../domain';
import { records as en } from '../i18n/locales/en/documents.json';
import { records as zh } from '../i18n/locales/zh/documents.json';

type Records = typeof en;
type Params = Record<string, string | number>;
type Key = { [K in keyof Records]: Records[K] extends string ? K : never }[keyof Records];

const fill = (s: string, params: Params) =>
  s.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));

/**
 * `key` in Chinese, then in English: "对账单 … 盖章回执 / sealed statement". Parameters that are written differently
 * per language (an amount) are given as a function of the language.
 */
export function recordText(key: Key, params: Params | ((lang: Lang) => Params) = {}): string {
  const of = (lang: Lang) => (typeof params === 'function' ? params(lang) : params);
  return `${fill(zh[key], of('zh'))} / ${fill(en[key], of('en'))}`;
}

/** A bill's kind as its payment reference names it, in both languages. */
export function billKindText(kind: keyof Records['bill']): string {
  return `${zh.bill[kind]} / ${en.bill[kind]}`;
}
