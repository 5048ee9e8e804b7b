/** Small building blocks of the options page: section frame, buttons, labelled fields. */
import { type ReactNode, useId } from 'react';

export const btn =
  'rounded border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-50';
export const btnPrimary =
  'rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-50';
export const btnDanger =
  'rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50';
export const input = 'w-full rounded border border-stone-300 px-2 py-1 text-sm';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} data-section={id} className="space-y-4">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Card({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <div className="space-y-2 rounded-md border border-stone-200 p-3" data-testid={testId}>
      {title && <h3 className="font-medium">{title}</h3>}
      {children}
    </div>
  );
}

/** A label, the control, an optional help line and the field's own error message. */
export function Field({
  label,
  help,
  error,
  children,
}: {
  label: string;
  help?: string;
  error?: string;
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [helpId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, describedBy, invalid: !!error })}
      {help && (
        <p id={helpId} className="text-xs text-stone-600">
          {help}
        </p>
      )}
      {error && (
        <p id={errId} className="text-xs text-red-800" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function Status({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'ok' | 'error' | 'warn' }) {
  const cls = { info: 'text-stone-700', ok: 'text-green-800', error: 'text-red-800', warn: 'text-amber-900' }[tone];
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`text-sm ${cls}`}>
      {children}
    </p>
  );
}
