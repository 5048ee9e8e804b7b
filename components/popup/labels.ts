/** Small text helpers of the popup: worklist reasons and steps, opening a customer. */
import { extensionUrl, focusOrOpenTab, pickInPanel } from '@/lib/browser/pages';
import { openPanelForWindow } from '@/lib/browser/panel';
import type { Lang } from '@/lib/domain';
import type { TWith } from '@/lib/i18n/types';
import { formatDay, formatMoney } from '@/lib/format';
import type { WorklistReason } from '@/lib/worklist';
import type { WorklistStep } from '@/lib/worklist/step';

/** One worklist reason as a sentence fragment in the UI language (amounts and dates formatted). */
export function reasonText(r: WorklistReason, t: TWith<'popup' | 'common'>, lang: Lang): string {
  const p: Record<string, unknown> = { ...r.params };
  if (typeof p.minor === 'number' && typeof p.currency === 'string') p.amount = formatMoney(p.minor, p.currency, lang);
  if (typeof p.date === 'string') p.date = formatDay(p.date, lang);
  return String(t(`popup:reasons.${r.key}`, p));
}

/** The step to take, as the row and the export's step column say it: "Call the payment initiator · Phone". */
export function stepText(step: WorklistStep, t: TWith<'popup' | 'common'>, lang: Lang): string {
  return `${step.name[lang]} · ${t(`common:channels.${step.channel}`)}`;
}

/**
 * Opens a customer from the worklist or "today" without piling up tabs: the customer's CRM record (the tab
 * already showing it, else one new tab), otherwise the browser's side panel (Chrome) or sidebar (Firefox) in this
 * window, asked to show that customer; only where neither exists, the panel page in a tab (reused the same way).
 * Must be called synchronously inside the click: the browser opens the panel only within the gesture.
 */
export function openCustomer(entry: { customerId: string; crmUrl?: string }, windowId?: number): Promise<unknown> {
  if (entry.crmUrl) return focusOrOpenTab(entry.crmUrl);
  const panelPage = () =>
    focusOrOpenTab(`${extensionUrl('/sidepanel.html')}?customer=${encodeURIComponent(entry.customerId)}`);
  const opening = openPanelForWindow(windowId);
  // The panel reads the pick when it starts and hears it when already open, so the pick may follow the opening.
  return opening
    ? opening.then((opened): Promise<unknown> => (opened ? pickInPanel(entry.customerId) : panelPage()))
    : panelPage();
}
