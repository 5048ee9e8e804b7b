/**
 * The popup's first paint: its header and the portfolio figures (aging per currency, outstanding, overdue, the
 * metrics), from the maintained aggregate alone. It needs React, i18next and the ledger's pure functions — not
 * Dexie, Zod or the worklist — so it renders while the rest of the popup is still loading (components/popup/live.tsx
 * then takes over the same root).
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { Lang } from '@/lib/domain';
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import { AgingSection } from './AgingSection';
import { type PortfolioFigures, portfolioFigures } from './metrics';

export function PopupHeader({ onSettings }: { onSettings: () => void }) {
  const { t } = useTranslation(['popup', 'common']);
  return (
    <header className="flex items-center justify-between">
      <h1 className="text-base font-semibold">{t('common:appName')} · {t('title')}</h1>
      <button type="button" onClick={onSettings} className="rounded px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-100">
        {t('settings')}
      </button>
    </header>
  );
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

export interface PopupSummaryProps {
  portfolio: PortfolioAggregate;
  asOf: string;
  bucketDays: number[];
  lang: Lang;
  /** Called once the summary has been painted. */
  onPainted?: () => void;
}

export function PopupSummary({ portfolio, asOf, bucketDays, lang, onPainted }: PopupSummaryProps) {
  const { t } = useTranslation('popup');
  const figures: PortfolioFigures = useMemo(() => portfolioFigures(portfolio, asOf, bucketDays), [portfolio, asOf, bucketDays]);
  useEffect(() => {
    if (!onPainted) return;
    // After the frame that shows the figures, not before it.
    const raf = requestAnimationFrame(() => { setTimeout(onPainted, 0); });
    return () => cancelAnimationFrame(raf);
  }, [onPainted]);
  return (
    <main className="w-[380px] space-y-2 p-2 text-sm" data-testid="popup">
      <PopupHeader onSettings={openOptionsPage} />
      <AgingSection figures={figures} lang={lang} />
      <p className="p-1 text-stone-600" aria-busy="true">{t('loading')}</p>
    </main>
  );
}
