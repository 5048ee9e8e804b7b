/**
 * Errors the user reads. A thrown Error's message is one language (and often a developer's words); a UserError
 * carries an i18n key in the `common` namespace instead (checked against the locale files), so every page can say
 * it in the user's language.
 */
import { type AnyT, type KeyOf, commonText } from './types';

export class UserError extends Error {
  constructor(
    readonly key: KeyOf<'common'>,
    readonly values: Record<string, string | number> = {},
    detail?: string,
  ) {
    super(detail ?? key);
    this.name = 'UserError';
  }
}

/**
 * What to tell the user about `e` in their language: a UserError's own words; anything else is unexpected and is
 * said so, with its technical detail in brackets for a bug report. `t` is any page's (every page loads `common`).
 */
export function errorText(t: AnyT, e: unknown): string {
  if (e instanceof UserError) return commonText(t, e.key, e.values);
  const detail = e instanceof Error ? e.message : String(e);
  return commonText(t, 'errors.unexpected', { detail });
}
