/**
 * Errors the user reads. A thrown Error's message is one language (and often a developer's words); a UserError
 * carries an i18n key in the `common` namespace instead, so every page can say it in the user's language.
 */
export class UserError extends Error {
  constructor(readonly key: string, readonly values: Record<string, string | number> = {}, detail?: string) {
    super(detail ?? key);
    this.name = 'UserError';
  }
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * What to tell the user about `e` in their language: a UserError's own words; anything else is unexpected and is
 * said so, with its technical detail in brackets for a bug report.
 */
export function errorText(t: Translate, e: unknown): string {
  if (e instanceof UserError) return t(`common:${e.key}`, e.values);
  const detail = e instanceof Error ? e.message : String(e);
  return t('common:errors.unexpected', { detail });
}
