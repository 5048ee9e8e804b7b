/**
 * Key types for code that passes keys around before looking them up (error keys, reason keys). Keys are checked
 * against the English locale files (./i18next.d.ts).
 */
import type { ParseKeys, TFunction } from 'i18next';
import type { Lang } from '../domain';
import type { Namespace } from './core';

/** A key of namespace `N`, without its prefix: `KeyOf<'common'>` includes 'errors.unexpected'. */
export type KeyOf<N extends Namespace> = ParseKeys<N>;

/**
 * Any page's `t`, whatever namespaces it was fixed to: for the few shared helpers that look up keys of `common`
 * (loaded by every page) under the `common:` prefix — error texts, bucket names — and are handed each page's own
 * `t`. Every `t` is assignable to it; `lookup` turns it back into a callable over checked keys.
 */
export type AnyT = (key: never, options?: never) => unknown;

/** Looks up a key of `common` with the `t` of any page. */
export function commonText(t: AnyT, key: KeyOf<'common'>, values?: Record<string, unknown>): string {
  return String((t as unknown as (k: string, o?: Record<string, unknown>) => unknown)(`common:${key}`, values));
}

/** A key of one of the namespaces `N` with its prefix: `PrefixedKey<'popup'>` includes 'popup:title'. */
export type PrefixedKey<N extends Namespace> = N extends Namespace ? `${N}:${KeyOf<N>}` : never;

/**
 * A `t` that looks up keys of the namespaces `N` under their prefixes: a page's `t` is assignable only when its
 * `useTranslation([...])` names every namespace in `N` (`t` fixed to 'options' alone is not a `TWith<'popup'>`).
 */
export type TWith<N extends Namespace> = (key: PrefixedKey<N>, options?: Record<string, unknown>) => string;

/** The keys of the playbook's words (common:playbook.<group>.<key>), for the reasons and script parts built as data. */
export type PlaybookKey<G extends 'reason' | 'caution' | 'part' | 'because'> =
  KeyOf<'common'> extends infer K ? (K extends `playbook.${G}.${infer R}` ? R : never) : never;

/**
 * A printed document's language and its `t` over `documents` (letters, statements, the plan agreement): what lib
 * code that writes them takes, so a page can print in a language other than its own. Pages get it from
 * `useDocText` (components/app/useDocText.ts), which loads the other language only when it is asked for; the
 * worker and tests from `docText` (./index.ts).
 */
export interface DocText {
  lang: Lang;
  t: TFunction<'documents'>;
}
