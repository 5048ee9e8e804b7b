/**
 * What the panel says about the page itself before any customer: a record page Huikuan could not read (with the
 * search to link it at once), and a page on a host strangers can publish on, waiting for the user to confirm it is
 * their company's (no figures until then).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '@/lib/browser/send';
import type { TabContextView } from '@/lib/messaging/protocol';
import { siteLabel } from '@/lib/sites/registry';
import { CustomerSearch } from './CustomerSearch';
import { primaryCls } from './fields';
import { errorText } from '@/lib/i18n/userError';

/** The registrable part a stranger rents under ("odoo.com" for "acme.odoo.com"). */
const parentDomain = (host: string) => host.split('.').slice(-2).join('.');

export function HostConfirmCard({ view }: { view: TabContextView }) {
  const { t } = useTranslation('sidepanel');
  const [state, setState] = useState<'ask' | 'done' | { error: string }>('ask');
  const host = view.pendingHost!;
  const site = view.ctx ? siteLabel(view.ctx.site) : '';
  const confirm = () =>
    send({ type: 'host/confirm', tabId: view.tabId }).then(
      () => setState('done'),
      (e: unknown) => setState({ error: errorText(t, e) }),
    );
  return (
    <section
      className="space-y-2 rounded border border-amber-300 bg-amber-50 p-2"
      data-testid="host-confirm"
      aria-labelledby="host-confirm-title"
    >
      <h2 id="host-confirm-title" className="font-medium">
        {t('host.title', { host })}
      </h2>
      <p className="text-xs text-stone-800">{t('host.body', { host, domain: parentDomain(host) })}</p>
      {state === 'done' ? (
        <p role="status" className="text-xs text-green-900">
          {t('host.confirmed', { host })}
        </p>
      ) : (
        <button type="button" className={primaryCls} data-testid="host-confirm-yes" onClick={() => void confirm()}>
          {t('host.confirm', { site })}
        </button>
      )}
      {typeof state === 'object' && (
        <p role="alert" className="text-xs text-red-800">
          {t('header.failed', { reason: state.error })}
        </p>
      )}
    </section>
  );
}

export function UnreadCard({ view, onLinked }: { view: TabContextView; onLinked: () => void }) {
  const { t } = useTranslation('sidepanel');
  const [error, setError] = useState<string | null>(null);
  const site = view.ctx ? siteLabel(view.ctx.site) : '';
  const link = (customerId: string) =>
    send({ type: 'customer/link', tabId: view.tabId, customerId }).then(onLinked, (e: unknown) =>
      setError(errorText(t, e)),
    );
  return (
    <section
      className="space-y-2 rounded border border-stone-300 bg-stone-50 p-2"
      data-testid="page-unread"
      aria-labelledby="page-unread-title"
    >
      <h2 id="page-unread-title" className="font-medium">
        {t('unread.title')}
      </h2>
      <p className="text-xs text-stone-800">{t('unread.body', { site })}</p>
      <CustomerSearch label={t('unread.search')} onPick={(id) => void link(id)} onClose={() => undefined} />
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {t('header.failed', { reason: error })}
        </p>
      )}
    </section>
  );
}
