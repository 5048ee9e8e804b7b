/** Small form pieces shared by the panel's cards: a labelled field with its inline message, the save state. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { parseTypedAmount } from '@/lib/format';
import type { SaveState } from './autosave';

export const inputCls =
  'w-full min-w-0 rounded border border-stone-300 bg-white px-1.5 py-0.5 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600';
export const buttonCls =
  'rounded border border-stone-300 bg-white px-2 py-0.5 hover:bg-stone-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600';
export const primaryCls =
  'rounded bg-blue-700 px-2 py-0.5 text-white hover:bg-blue-800 disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-1';

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <label className="block">
      <span className="block text-xs font-medium text-stone-700">{label}</span>
      {children}
      {hint && !error && <span className="block text-xs text-stone-600">{hint}</span>}
      {error && (
        <span role="alert" className="block text-xs text-red-800">
          {error}
        </span>
      )}
    </label>
  );
}

/** "Saved" / "Saving…" / the reason it is not saved, in a fixed-height slot so nothing jumps. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation('sidepanel');
  const text = state === 'idle' ? '' : t(`save.${state}`);
  return (
    <span
      aria-live="polite"
      data-save-state={state}
      className={`inline-block min-w-16 text-right text-xs ${state === 'invalid' || state === 'error' ? 'text-red-800' : 'text-stone-600'}`}
    >
      {text}
    </span>
  );
}

/** The translated message for a zod issue code on a field. */
export function useFieldError(): (code: string | undefined) => string | undefined {
  const { t } = useTranslation('sidepanel');
  return (code) => (code ? t(`fieldErrors.${code}`, { defaultValue: t('fieldErrors.invalid') }) : undefined);
}

/**
 * The first zod issue per top-level field (the most specific: format before refinement), as a `fieldErrors` key:
 * the issue code, or for our own custom issues (checkAmount) the key they carry as their message.
 */
export function issuesByField(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string; message?: string }>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    out[String(i.path[0] ?? '')] ??=
      i.code === 'custom' && i.message && /^[a-z-]+$/.test(i.message) ? i.message : i.code;
  }
  return out;
}

/** For a form's superRefine: a typed amount (lib/format parseTypedAmount) in the form's currency, blank allowed unless required. */
export function checkAmount(
  ctx: z.RefinementCtx,
  path: string,
  amount: string,
  currency: string,
  required = false,
): void {
  if (!amount.trim() && !required) return;
  if (!/^[A-Za-z]{3}$/.test(currency.trim())) return;
  const r = parseTypedAmount(amount, currency.trim().toUpperCase());
  if ('error' in r) ctx.addIssue({ code: 'custom', path: [path], message: `amount-${r.error}` });
}

/** A checked typed amount as money, or undefined when blank. */
export function typedMoney(amount: string, currency: string): { minor: number; currency: string } | undefined {
  const cur = currency.trim().toUpperCase();
  const r = amount.trim() ? parseTypedAmount(amount, cur) : undefined;
  return r && 'minor' in r ? { minor: r.minor, currency: cur } : undefined;
}
