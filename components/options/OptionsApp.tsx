/**
 * The options page: Import, Export & backup, Settings, Sites, Data — a left navigation, one section at a time,
 * the section in the URL hash (#import, #export, …) so links and reloads land on it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportSection } from './ImportSection';
import { ExportSection } from './ExportSection';
import { SettingsSection } from './SettingsSection';
import { CadenceSettings } from './CadenceSettings';
import { ForecastAccuracy } from './ForecastAccuracy';
import { LprTableSection } from './LprTableSection';
import { SitesSection } from './SitesSection';
import { DataSection } from './DataSection';
import { TeamSection } from './TeamSection';
import { InterruptedNotice } from './problems';

export const optionSections = ['import', 'export', 'settings', 'sites', 'data', 'team'] as const;
export type OptionSection = (typeof optionSections)[number];

function fromHash(): OptionSection {
  const h = (typeof location !== 'undefined' ? location.hash : '').replace(/^#/, '');
  return (optionSections as readonly string[]).includes(h) ? (h as OptionSection) : 'import';
}

export function OptionsApp({ initial }: { initial?: OptionSection } = {}) {
  const { t } = useTranslation('options');
  const [section, setSection] = useState<OptionSection>(initial ?? fromHash());
  useEffect(() => {
    const on = () => setSection(fromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = (s: OptionSection) => {
    setSection(s);
    if (typeof history !== 'undefined') history.replaceState(null, '', `#${s}`);
  };
  return (
    <div className="mx-auto flex min-h-screen max-w-5xl gap-6 p-4 text-sm">
      <nav aria-label={t('nav.label')} className="w-48 shrink-0">
        <h1 className="mb-3 text-base font-semibold">{t('title')}</h1>
        <ul className="space-y-1">
          {optionSections.map((s) => (
            <li key={s}>
              <button
                type="button"
                onClick={() => go(s)}
                aria-current={section === s ? 'page' : undefined}
                data-nav={s}
                className={`w-full rounded px-2 py-1.5 text-left ${section === s ? 'bg-blue-50 font-semibold text-blue-900' : 'hover:bg-stone-100'}`}
              >
                {t(`nav.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="min-w-0 flex-1">
        <InterruptedNotice />
        {section === 'import' && <ImportSection />}
        {section === 'export' && <ExportSection />}
        {section === 'settings' && (
          <>
            <SettingsSection />
            <CadenceSettings />
            <ForecastAccuracy />
            <LprTableSection />
          </>
        )}
        {section === 'sites' && <SitesSection />}
        {section === 'data' && <DataSection />}
        {section === 'team' && <TeamSection />}
      </main>
    </div>
  );
}
