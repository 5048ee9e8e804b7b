/**
 * Who: the customer, how the panel came to show it (CRM link, email domain, name on the page, pinned, searched),
 * and the link / unlink / change / create actions that make the page→customer mapping right.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { getDb } from '@/lib/db/schema';
import { putContact, putCustomer } from '@/lib/db/repo';
import { contactSchema, customerSchema, newId, type Customer, type PageContext } from '@/lib/domain';
import { domainOf, isFreeMailDomain } from '@/lib/match';
import { proposeCompany, type CompanyProposal } from '@/lib/match/company';
import { useApp } from '@/components/app/AppShell';
import { siteLabel } from '@/lib/sites/registry';
import { send, notifyDataChanged } from '@/lib/browser/send';
import type { TabContextView } from '@/lib/messaging/protocol';
import { CustomerSearch } from './CustomerSearch';
import { buttonCls, primaryCls } from './fields';
import { errorText } from '@/lib/i18n/userError';
import { useClock } from '@/components/app/clock';

export type Source =
  | { kind: 'tab'; match: TabContextView['matches'][number] }
  | { kind: 'pinned' }
  | { kind: 'search' }
  | { kind: 'param' };

export function recognitionText(
  source: Source,
  ctx: PageContext | null | undefined,
  t: TFunction<'sidepanel'>,
): string {
  if (source.kind !== 'tab') return t(`header.source.${source.kind}`);
  const m = source.match;
  const domain = ctx?.emails.map(domainOf).find((d) => d && !isFreeMailDomain(d));
  switch (m.reason) {
    case 'crm-link':
      return t('header.source.crmLink', { site: ctx?.site ?? '', id: ctx?.recordId ?? '' });
    case 'email-domain':
      return t('header.source.domain', { domain: domain ?? '' });
    case 'name':
      return t('header.source.name', { name: ctx?.name ?? '' });
    case 'contact-name':
      return t('header.source.contactName', { name: ctx?.name ?? '', site: ctx ? siteLabel(ctx.site) : '' });
    default:
      return t('header.source.fuzzy', { name: ctx?.name ?? '', score: Math.round(m.score * 100) });
  }
}

const isMail = (ctx: PageContext) => ctx.kind === 'thread' || ctx.kind === 'compose';

/**
 * A new customer from what the page shows. A CRM record names the company itself; on a mail page the name shown is
 * the person writing, so the company comes from `proposal` (signature, corporate domain), never from that name.
 */
export function customerFromPage(ctx: PageContext, now: number, proposal?: CompanyProposal | null): Customer | null {
  const domain = ctx.emails.map(domainOf).find((d): d is string => !!d && !isFreeMailDomain(d));
  const name = isMail(ctx) ? (proposal?.kind === 'new' ? proposal.name : undefined) : ctx.name?.trim() || domain;
  if (!name) return null;
  return customerSchema.parse({
    id: newId('cu'),
    name,
    domains: domain ? [domain] : [],
    createdAt: now,
    updatedAt: now,
  });
}

/** The company a mail page proposes (an existing customer with the sender's domain first), live. */
function useMailProposal(ctx: PageContext | null | undefined): CompanyProposal | null | undefined {
  const { settings } = useApp();
  const ours = [settings.ourCompany.name, settings.ourCompany.nameEn];
  return useLiveQuery(
    async () =>
      ctx && isMail(ctx)
        ? proposeCompany(ctx, async (domain) => getDb().customers.where('domains').equals(domain).first(), ours)
        : null,
    [ctx?.emails.join(), ctx?.body, ctx?.kind, ours.join('|')],
  );
}

interface Props {
  customer?: Customer;
  source?: Source;
  view: TabContextView | null;
  pinned: boolean;
  onPin: (pinned: boolean) => void;
  onChoose: (customerId: string) => void;
  /** The page was linked to a customer: show what the page now matches. */
  onLinked: () => void;
  searchOpen: boolean;
  setSearchOpen: (open: boolean) => void;
}

export function CustomerHeader({
  customer,
  source,
  view,
  pinned,
  onPin,
  onChoose,
  onLinked,
  searchOpen,
  setSearchOpen,
}: Props) {
  const { t } = useTranslation('sidepanel');
  const clock = useClock();
  const [mode, setMode] = useState<'show' | 'link'>('show');
  const [error, setError] = useState<string | null>(null);
  const ctx = view?.ctx;
  const tabId = view?.tabId;
  const proposal = useMailProposal(ctx);
  const onPage = source?.kind === 'tab';
  const permanent = onPage && (source.match.reason === 'crm-link' || source.match.reason === 'email-domain');

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(t('header.failed', { reason: errorText(t, e) }));
    }
  };
  const link = (customerId: string) =>
    act(async () => {
      if (tabId === undefined) return;
      if (customer && permanent && customer.id !== customerId)
        await send({ type: 'customer/unlink', tabId, customerId: customer.id });
      await send({ type: 'customer/link', tabId, customerId });
      setMode('show');
      setSearchOpen(false);
      onLinked();
    });
  const unlink = () =>
    act(async () => {
      if (tabId !== undefined && customer) await send({ type: 'customer/unlink', tabId, customerId: customer.id });
    });
  const create = () =>
    act(async () => {
      if (!ctx || tabId === undefined) return;
      const now = clock();
      const c = customerFromPage(ctx, now.getTime(), proposal);
      if (!c) return;
      await putCustomer(getDb(), c, now);
      // On a mail page the person writing becomes the customer's first contact, with the address they wrote from.
      if (isMail(ctx) && ctx.name) {
        const email = ctx.emails.find((e) => domainOf(e) === c.domains[0]) ?? ctx.emails[0];
        await putContact(
          getDb(),
          contactSchema.parse({
            id: newId('c'),
            customerId: c.id,
            name: ctx.name,
            ...(email ? { email } : {}),
            updatedAt: now.getTime(),
          }),
        );
      }
      notifyDataChanged();
      await send({ type: 'customer/link', tabId, customerId: c.id });
      onLinked();
    });

  const searching = searchOpen || mode === 'link';
  const fromPage = ctx ? customerFromPage(ctx, 0, proposal) : null;
  const sameDomain = !customer && proposal?.kind === 'existing' ? proposal : null;
  const pageLabel = ctx ? (ctx.name ?? ctx.emails[0] ?? ctx.subject ?? '') : '';
  return (
    <header className="space-y-1">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          {customer ? (
            <h1 className="break-words text-lg font-semibold leading-tight" data-testid="customer-name">
              {customer.name}
            </h1>
          ) : (
            <h1 className="text-base font-semibold" data-testid="no-customer">
              {ctx ? t('notLinked', { name: pageLabel }) : t('noPage')}
            </h1>
          )}
          {customer && source && (
            <p className="text-xs text-stone-700" data-testid="recognised-by">
              {recognitionText(source, ctx, t)}
            </p>
          )}
        </div>
        <span className="flex shrink-0 gap-1">
          <button
            type="button"
            className={buttonCls}
            aria-keyshortcuts="/"
            title={t('search.open')}
            aria-label={t('search.open')}
            data-testid="search-open"
            onClick={() => {
              setMode('show');
              setSearchOpen(!searchOpen);
            }}
          >
            ⌕
          </button>
          {customer && (
            <button
              type="button"
              className={buttonCls}
              aria-pressed={pinned}
              data-testid="pin"
              title={pinned ? t('header.unpin') : t('header.pin')}
              onClick={() => onPin(!pinned)}
            >
              {pinned ? t('header.pinned') : t('header.pin')}
            </button>
          )}
        </span>
      </div>
      {ctx && tabId !== undefined && !searching && (
        <div className="flex flex-wrap gap-1 text-xs">
          {customer && onPage && !permanent && (
            <button
              type="button"
              className={primaryCls}
              data-testid="link-confirm"
              onClick={() => void link(customer.id)}
            >
              {t('header.confirmLink')}
            </button>
          )}
          {customer && onPage && permanent && (
            <button type="button" className={buttonCls} data-testid="unlink" onClick={() => void unlink()}>
              {t('header.unlink')}
            </button>
          )}
          {(!customer || onPage) && (
            <button type="button" className={buttonCls} data-testid="link-other" onClick={() => setMode('link')}>
              {customer ? t('header.change') : t('header.linkExisting')}
            </button>
          )}
          {sameDomain && (
            <button
              type="button"
              className={primaryCls}
              data-testid="link-same-domain"
              onClick={() => void link(sameDomain.customerId)}
            >
              {t('header.linkSameDomain', { name: sameDomain.name, domain: sameDomain.domain })}
            </button>
          )}
          {!customer && !sameDomain && fromPage && (
            <button type="button" className={primaryCls} data-testid="create-customer" onClick={() => void create()}>
              {t('header.create', { name: fromPage.name })}
            </button>
          )}
        </div>
      )}
      {mode === 'link' && (
        <CustomerSearch
          label={t('header.linkTo', { name: pageLabel })}
          initial={ctx?.name ?? ''}
          onPick={(id) => void link(id)}
          onClose={() => setMode('show')}
        />
      )}
      {searchOpen && mode === 'show' && (
        <CustomerSearch
          label={t('search.open')}
          onPick={(id) => {
            setSearchOpen(false);
            onChoose(id);
          }}
          onClose={() => setSearchOpen(false)}
        />
      )}
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
    </header>
  );
}
