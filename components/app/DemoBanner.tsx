/**
 * While the user tries the demo (lib/db/storeChoice.ts), every extension page says so at its top, with the way
 * back to the user's own data; and a page open when another page switched the store reloads, so no page goes on
 * showing (or writing to) the store the user just left.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Dexie from 'dexie';
import { DEMO_DB_NAME, STORE_CHOICE_KEY, chooseStore, storeChoice } from '@/lib/db/schema';

/** Leaves the demo: back to the user's store; the demo's database is deleted (the next try starts afresh). */
export async function leaveDemo(): Promise<void> {
  chooseStore('user');
  await Dexie.delete(DEMO_DB_NAME).catch(() => undefined);
}

export function useStoreSwitchReload(): void {
  useEffect(() => {
    const at = storeChoice();
    // The storage event reaches the other extension pages of this origin, not the one that wrote.
    const on = (e: StorageEvent) => {
      if (e.key === STORE_CHOICE_KEY && storeChoice() !== at) location.reload();
    };
    window.addEventListener('storage', on);
    return () => window.removeEventListener('storage', on);
  }, []);
}

export function DemoBanner() {
  const { t } = useTranslation('common');
  const [leaving, setLeaving] = useState(false);
  if (storeChoice() !== 'demo') return null;
  return (
    <div
      role="status"
      data-testid="demo-banner"
      className="sticky top-0 z-50 flex flex-wrap items-center gap-2 border-b-2 border-amber-500 bg-amber-100 px-3 py-2 text-sm text-amber-950"
    >
      <span className="flex-1 font-medium">{t('demo.banner')}</span>
      <button
        type="button"
        disabled={leaving}
        data-testid="demo-leave"
        className="rounded border border-amber-700 bg-white px-2 py-1 font-medium text-amber-950 hover:bg-amber-50 disabled:opacity-60"
        onClick={() => {
          setLeaving(true);
          void leaveDemo().then(() => location.reload());
        }}
      >
        {leaving ? t('demo.leaving') : t('demo.back')}
      </button>
    </div>
  );
}
