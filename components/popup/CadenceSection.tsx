/**
 * Today's cadence reminders (lib/cadence): each draft names its step, the invoices, the recipient and the subject,
 * with the text behind a disclosure. "Open in <webmail>" opens a compose window there with everything filled in;
 * the extension sends nothing. Once the user has sent it, "Sent — log it" records the reminder as an email
 * activity on the step, and the draft leaves the list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, Webmail } from '@/lib/domain';
import type { CadenceDraft } from '@/lib/cadence';
import { formatDay } from '@/lib/format';

export interface CadenceSectionProps {
  drafts: CadenceDraft[] | undefined;
  lang: Lang;
  asOf: string;
  webmail: Webmail;
  /** Opens the compose window (inside the click). */
  onOpen: (draft: CadenceDraft) => void;
  onSent: (draft: CadenceDraft) => Promise<void>;
}

const small =
  'rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600';

export function CadenceSection(p: CadenceSectionProps) {
  const { t } = useTranslation(['popup', 'common']);
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');
  if (!p.drafts) return null;
  const webmail = t(`common:webmails.${p.webmail}`);
  const stepText = (d: CadenceDraft) => {
    const n = d.plan.index + 1;
    const of = d.plan.of;
    return d.plan.day < 0
      ? t('cadence.stepBefore', { n, of, days: -d.plan.day })
      : d.plan.day === 0
        ? t('cadence.stepOn', { n, of })
        : t('cadence.stepAfter', { n, of, days: d.plan.day });
  };
  const sent = async (d: CadenceDraft) => {
    try {
      await p.onSent(d);
      setStatus(t('cadence.logged', { name: d.customerName, date: formatDay(p.asOf, p.lang) }));
    } catch (e) {
      setStatus(t('cadence.failed', { reason: (e as Error).message }));
    }
  };
  const copy = async (d: CadenceDraft) => {
    try {
      await navigator.clipboard.writeText(`${d.subject}\n\n${d.body}`);
      setStatus(t('cadence.copied'));
    } catch (e) {
      setStatus(t('cadence.failed', { reason: (e as Error).message }));
    }
  };

  return (
    <section aria-labelledby="cadence-h" data-testid="cadence" className="rounded-md border border-stone-200 p-2">
      <h2 id="cadence-h" className="text-sm font-semibold">
        {t('cadence.heading')}
        {p.drafts.length > 0 && (
          <span className="ml-2 text-xs font-normal text-stone-600">
            {t('cadence.count', { count: p.drafts.length })}
          </span>
        )}
      </h2>
      <p className="sr-only" role="status" data-testid="cadence-status">
        {status}
      </p>
      {p.drafts.length === 0 && <p className="mt-1 text-xs text-stone-600">{t('cadence.none')}</p>}
      {p.drafts.length > 0 && <p className="mt-1 text-xs text-stone-600">{t('cadence.nothingSent')}</p>}
      <ul className="mt-1 divide-y divide-stone-100">
        {p.drafts.map((d) => (
          <li
            key={d.customerId}
            className="min-w-0 py-1"
            data-testid="cadence-draft"
            data-customer-id={d.customerId}
            data-day={d.plan.day}
          >
            <p className="flex min-w-0 justify-between gap-2 text-sm">
              <span className="min-w-0 truncate font-medium">{d.customerName}</span>
              <span className="shrink-0 text-xs text-blue-900" data-testid="cadence-step">
                {stepText(d)}
              </span>
            </p>
            <p className="truncate text-xs text-stone-700">
              {t('cadence.invoices', { docs: d.plan.invoices.map((i) => i.docNumber).join(', ') })}
            </p>
            {d.to ? (
              <p className="truncate text-xs text-stone-700" data-testid="cadence-to">
                {t('cadence.to', { name: d.to.name, email: d.to.email })}
              </p>
            ) : (
              <p className="text-xs text-amber-900" data-testid="cadence-no-email">
                {t('cadence.noEmail')}
              </p>
            )}
            <p className="truncate text-xs text-stone-700" data-testid="cadence-subject">
              {t('cadence.subject', { subject: d.subject })}
            </p>
            <details className="text-xs">
              <summary className="cursor-pointer text-stone-700">{t('cadence.showText')}</summary>
              <p className="mt-1 whitespace-pre-wrap break-words rounded bg-stone-50 p-1" data-testid="cadence-body">
                {d.body}
              </p>
            </details>
            <div className="mt-1 flex flex-wrap gap-1">
              <button
                type="button"
                className={small}
                data-testid="cadence-open"
                aria-label={t('cadence.openLabel', { name: d.customerName, webmail })}
                onClick={() => {
                  p.onOpen(d);
                  setOpened((s) => new Set(s).add(d.customerId));
                  setStatus(t('cadence.opened', { webmail }));
                }}
              >
                {t('cadence.open', { webmail })}
              </button>
              <button type="button" className={small} data-testid="cadence-copy" onClick={() => void copy(d)}>
                {t('cadence.copy')}
              </button>
              {opened.has(d.customerId) && (
                <button
                  type="button"
                  className={`${small} border-green-700 font-medium text-green-900`}
                  data-testid="cadence-sent"
                  aria-label={t('cadence.sentLabel', { name: d.customerName })}
                  onClick={() => void sent(d)}
                >
                  {t('cadence.sent')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
