/**
 * The confirmation after a capture is saved. Saving clears the draft, which unmounts the draft card, so the
 * confirmation lives outside it: the card announces, and this notice (mounted once at the top of the side panel,
 * whichever customer it shows) displays it until dismissed or replaced.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { formatDay, formatMoney } from '@/lib/format';
import type { CaptureKind } from '@/lib/capture/record';

export interface CaptureSavedInfo {
  kind: CaptureKind;
  customerId: string;
  customerName: string;
  amount?: { minor: number; currency: string };
  date?: string;
  count: number;
  at: number;
}

let current: CaptureSavedInfo | null = null;
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};
const snapshot = () => current;

export function announceCaptureSaved(info: CaptureSavedInfo | null): void {
  current = info;
  listeners.forEach((l) => l());
}

/** How long the confirmation stays without a click; long enough to read, short enough not to go stale. */
const SHOW_MS = 20_000;

export function CaptureSavedNotice() {
  const { t } = useTranslation('sidepanel');
  const { lang } = useApp();
  const info = useSyncExternalStore(subscribe, snapshot, snapshot);
  useEffect(() => {
    if (!info) return;
    const timer = setTimeout(() => {
      if (current === info) announceCaptureSaved(null);
    }, SHOW_MS);
    return () => clearTimeout(timer);
  }, [info]);
  if (!info) return null;
  const vars = {
    customer: info.customerName,
    count: info.count,
    amount: info.amount ? formatMoney(info.amount.minor, info.amount.currency, lang) : '',
    date: info.date ? formatDay(info.date, lang) : '',
  };
  return (
    <div
      role="status"
      data-testid="capture-saved"
      data-kind={info.kind}
      data-customer-id={info.customerId}
      className="flex items-start gap-2 rounded border border-green-300 bg-green-50 p-2 text-green-900"
    >
      <p className="flex-1">{t(`capture.saved.${info.kind}`, vars)}</p>
      <button type="button" className="rounded border border-green-400 px-1" onClick={() => announceCaptureSaved(null)}>
        {t('capture.dismiss')}
      </button>
    </div>
  );
}
