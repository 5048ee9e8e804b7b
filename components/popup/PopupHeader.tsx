/** The popup's header: the title and the way to the settings. ./firstPaint.ts paints the same DOM before React loads. */
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';

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
