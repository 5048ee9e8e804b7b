/**
 * The popup's first paint. entrypoints/popup/main.tsx started reading the settings and portfolio rows before this
 * module loaded; this module carries only React, i18next, the popup's own strings and the aging summary, and
 * paints the figures as soon as both are in. The live popup (Dexie, Zod, worklist, today, scoreboard) loads after
 * that frame and takes over the same root.
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import type { Lang } from '@/lib/domain';
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import { DEFAULT_BUCKET_DAYS } from '@/lib/ledger/aging';
import { type Namespace, browserLang, createI18n, pickLang } from '@/lib/i18n/core';
import { common } from '@/lib/i18n/common';
import { popup } from '@/lib/i18n/popup';
import type { FirstRead } from './firstRead';
import { PopupSummary } from './PopupSummary';

export const POPUP_NAMESPACES: readonly Namespace[] = ['common', 'popup'];

/** The aggregate as the first paint may trust it: the shape lib/db/portfolio.ts writes, else nothing. */
export function firstPortfolio(v: unknown): PortfolioAggregate | undefined {
  const a = v as PortfolioAggregate | undefined;
  return a && typeof a === 'object' && typeof a.customers === 'number' && !!a.openByDue && typeof a.openByDue === 'object'
    && !!a.salesByMonth && !!a.collectedByMonth ? a : undefined;
}

/**
 * The two settings the summary shows, read leniently from the stored row (the full validation with the settings
 * schema runs in the live popup a moment later): the UI language and the aging bucket bounds.
 */
export function firstDisplaySettings(v: unknown): { language?: Lang; bucketDays: number[] } {
  const s = (v && typeof v === 'object' ? v : {}) as { language?: unknown; agingBuckets?: unknown };
  const language = s.language === 'zh' || s.language === 'en' ? s.language : undefined;
  const b = s.agingBuckets;
  const ok = Array.isArray(b) && b.length >= 1 && b.length <= 8 && b.every((x) => Number.isInteger(x) && x > 0);
  return { language, bucketDays: ok ? (b as number[]) : DEFAULT_BUCKET_DAYS };
}

/** Today in local time, as lib/domain's toIsoDay computes it (that module would bring Zod into this chunk). */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function popupI18n(lang: Lang): i18n {
  return createI18n(lang, { common: common[lang], popup: popup[lang] });
}

/** Returns the React root so a caller that is not the popup page (a test) can unmount it. */
export async function startPopup(container: HTMLElement, first: Promise<FirstRead | undefined>, now = () => new Date()): Promise<Root> {
  const rows = await first;
  const display = firstDisplaySettings(rows?.settings);
  const lang = pickLang(display.language, browserLang());
  const i18n = popupI18n(lang);
  const portfolio = firstPortfolio(rows?.portfolio);
  const root: Root = createRoot(container);
  let live = false;
  const goLive = () => {
    if (live) return;
    live = true;
    void import('./live').then((m) => m.renderLive(root, { i18n, rawSettings: rows?.settings, portfolio }));
  };
  // Nothing to summarise (no store yet, or an empty one): the live popup shows the onboarding.
  if (!portfolio || portfolio.customers === 0) { goLive(); return root; }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <PopupSummary portfolio={portfolio} asOf={localDay(now())} bucketDays={display.bucketDays} lang={lang} onPainted={goLive} />
      </I18nextProvider>
    </StrictMode>,
  );
  return root;
}
