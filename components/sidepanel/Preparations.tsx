/** The five preparations for the next attempt (回款前的五项准备), ticked as they are done; logging an attempt clears them. */
import { useClock } from '@/components/app/clock';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { putPreparations } from '@/lib/db/repo';
import { preparations } from '@/lib/playbook/catalog';
import { useAccount } from './account';

export function PreparationsChecklist() {
  const { t } = useTranslation('sidepanel');
  const { lang } = useApp();
  const a = useAccount();
  const clock = useClock();
  const checked = new Set(a.preparations?.checked ?? []);
  const toggle = async (n: number) => {
    const next = new Set(checked);
    if (next.has(n)) next.delete(n);
    else next.add(n);
    await putPreparations(getDb(), {
      customerId: a.customer.id,
      checked: [...next].sort(),
      updatedAt: clock().getTime(),
    });
  };
  return (
    <details
      className="rounded border border-stone-200 p-2"
      data-testid="preparations"
      open={checked.size > 0 && checked.size < 5}
    >
      <summary className="cursor-pointer font-medium">
        {t('prep.title')}{' '}
        <span className="font-normal tabular-nums text-stone-700" data-testid="prep-count">
          {checked.size}/5
        </span>
      </summary>
      <p className="mt-1 text-xs text-stone-600">{t('prep.hint')}</p>
      <ul className="mt-1 space-y-0.5">
        {preparations.map((p, i) => (
          <li key={i}>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-0.5"
                data-testid={`prep-${i + 1}`}
                checked={checked.has(i + 1)}
                onChange={() => void toggle(i + 1)}
              />
              <span>{p[lang]}</span>
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
