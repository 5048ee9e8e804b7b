/**
 * Requests from our own pages: the badge frame inside a tab (its view, capture of the open message) and the side
 * panel, popup and options (a tab's context, linking, inserting a letter, host trust, the forecast). Who may send
 * which is decided in the router, from the sender the browser stamped, before any handler runs.
 */
import type { CrmLink, PageContext } from '../../domain';
import { putCustomer } from '../../db/repo';
import { domainOf, isFreeMailDomain } from '../../match';
import { hostTrust } from '../../sites/hosts';
import type { PageRequest, TabContextView } from '../protocol';
import { RejectedMessage, hostOf } from '../deps';
import type { PageHandlers, RouterContext, TabSender } from './context';

/** Types only our embedded frame may send, each with the log line of a refusal. */
export const FRAME_ONLY: Partial<Record<PageRequest['type'], string>> = {
  'badge/get': 'badge/get only from the badge frame',
  'capture/open-message': 'capture only from the capture frame',
};
/** Types any of our pages may send, a frame included. */
export const ANY_PAGE: ReadonlySet<PageRequest['type']> = new Set(['ping']);

async function linkFromContext(
  { deps }: RouterContext,
  customerId: string,
  ctx: PageContext,
  add: boolean,
): Promise<void> {
  const customer = await deps.db.customers.get(customerId);
  if (!customer) throw new RejectedMessage('unknownCustomer', 'unknown customer');
  const crmLinks: CrmLink[] = customer.crmLinks.filter((l) => !(l.site === ctx.site && l.recordId === ctx.recordId));
  let domains = customer.domains;
  if (ctx.recordId && ctx.kind === 'record') {
    if (add) crmLinks.push({ site: ctx.site, recordId: ctx.recordId, url: ctx.url });
  } else {
    const ds = ctx.emails.map(domainOf).filter((d): d is string => !!d && !isFreeMailDomain(d));
    domains = add ? [...new Set([...domains, ...ds])] : domains.filter((d) => !ds.includes(d));
  }
  const now = deps.now();
  await putCustomer(deps.db, { ...customer, crmLinks, domains, updatedAt: now.getTime() }, now);
  deps.customersChanged([customerId]);
}

async function linkOrUnlink(msg: { tabId: number; customerId: string }, add: boolean, rc: RouterContext) {
  const { deps, views } = rc;
  const entry = await deps.tabs.get(msg.tabId);
  if (!entry?.ctx) throw new RejectedMessage('noPageContext', 'no page context for that tab');
  if (entry.pendingHost) throw new RejectedMessage('noPageContext', 'the page\u2019s host is not confirmed');
  await linkFromContext(rc, msg.customerId, entry.ctx, add);
  const matches = await views.matchPage(entry.ctx);
  await deps.tabs.set(msg.tabId, { ...entry, matches });
  views.tabChanged(msg.tabId);
  await deps.sendToTab(msg.tabId, { type: 'page/reread' }).catch(() => undefined);
  deps.onDataChanged();
  return { ok: true, matches };
}

export const pageHandlers: PageHandlers = {
  async ping(_msg, _sender, { deps }) {
    return { ok: true, at: deps.now().getTime() };
  },

  // Only our own frame inside a tab, and only for that tab: a page cannot ask for another tab's figures.
  async 'badge/get'(_msg, sender, { views }) {
    return views.badgeView((sender as TabSender).tab.id);
  },

  async 'capture/open-message'(_msg, sender, { deps }) {
    const tabId = (sender as TabSender).tab.id;
    const entry = await deps.tabs.get(tabId);
    if (!entry?.ctx) return { ok: false };
    const ctx = entry.ctx;
    await deps.tabs.set(tabId, {
      ...entry,
      draft: {
        text: ctx.body ?? '',
        subject: ctx.subject,
        sentAt: ctx.sentAt,
        from: ctx.emails[0],
        url: ctx.url,
        capturedAt: deps.now().getTime(),
      },
    });
    deps.broadcast({ type: 'tab/updated', tabId });
    return { ok: true };
  },

  async 'tab/context'(msg, _sender, { deps }) {
    const entry = await deps.tabs.get(msg.tabId);
    const view: TabContextView = {
      tabId: msg.tabId,
      ctx: entry?.ctx ?? null,
      matches: entry?.matches ?? [],
      draft: entry?.draft ?? null,
      ...(entry?.pendingHost ? { pendingHost: entry.pendingHost } : {}),
      ...(entry?.unread ? { unread: true } : {}),
    };
    return view;
  },

  'customer/link': (msg, _sender, rc) => linkOrUnlink(msg, true, rc),
  'customer/unlink': (msg, _sender, rc) => linkOrUnlink(msg, false, rc),

  async 'compose/insert'(msg, _sender, { deps, views }) {
    if (msg.customerId && !msg.anyway) {
      const mismatch = await views.recipientMismatch(msg.tabId, msg.customerId);
      if (mismatch) return { ok: false, mismatch };
    }
    return deps.sendToTab(msg.tabId, { type: 'compose/insert', text: msg.text });
  },

  /** Before a copy: the same recipient check as the insert's, without inserting anything (issue #20). */
  async 'compose/check'(msg, _sender, { views }) {
    const mismatch = await views.recipientMismatch(msg.tabId, msg.customerId);
    return mismatch ? { ok: false, mismatch } : { ok: true };
  },

  async 'draft/clear'(msg, _sender, { deps }) {
    const entry = await deps.tabs.get(msg.tabId);
    if (entry) await deps.tabs.set(msg.tabId, { ...entry, draft: null });
    deps.broadcast({ type: 'tab/updated', tabId: msg.tabId });
    return { ok: true };
  },

  // Confirming a host lifts the hold on every tab waiting on that host, not just the one it was confirmed in.
  async 'host/confirm'(msg, _sender, { deps, views }) {
    const entry = await deps.tabs.get(msg.tabId);
    const host = entry?.pendingHost;
    if (!host || !deps.confirmHost) return { ok: false };
    await deps.confirmHost(host);
    for (const id of new Set([msg.tabId, ...(deps.knownTabs?.() ?? [])])) {
      const e = await deps.tabs.get(id);
      if (e?.pendingHost !== host) continue;
      const { pendingHost: _confirmed, ...rest } = e;
      await deps.tabs.set(id, { ...rest, matches: rest.ctx ? await views.matchPage(rest.ctx) : [] });
      views.tabChanged(id);
    }
    return { ok: true };
  },

  async 'host/forget'(msg, _sender, { deps, views }) {
    await deps.forgetHost?.(msg.host);
    for (const id of deps.knownTabs?.() ?? []) {
      const e = await deps.tabs.get(id);
      if (!e?.ctx?.url || hostOf(e.ctx.url) !== msg.host || hostTrust(e.ctx.site, e.ctx.url) !== 'confirm') continue;
      await deps.tabs.set(id, { ...e, matches: [], pendingHost: msg.host });
      views.tabChanged(id);
    }
    return { ok: true };
  },

  'forecast/portfolio': async (_msg, _sender, { forecast }) => forecast.portfolio(),
  'forecast/customer': async (msg, _sender, { forecast }) => forecast.customer(msg.customerId),
  'forecast/accuracy': async (_msg, _sender, { forecast }) => forecast.accuracy(),

  async 'data/changed'(_msg, _sender, { deps, forecast }) {
    forecast.changed();
    deps.customersChanged();
    deps.onDataChanged();
    deps.broadcast({ type: 'data/changed' });
    return { ok: true };
  },
};
