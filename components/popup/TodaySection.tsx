/** "Today": promises due or broken, next steps due, limitation deadlines near — each item opens its customer. */
import { useTranslation } from 'react-i18next';
import type { Lang } from '@/lib/domain';
import { formatDay, formatMoney } from '@/lib/format';
import type { TodayData, TodayItem, TodayKind } from './data';

const SHOWN = 3;
const kinds: TodayKind[] = ['promiseToday', 'promiseBroken', 'stepDue', 'promiseWeek', 'limitation'];
const tone: Record<TodayKind, string> = {
  promiseToday: 'text-amber-900',
  promiseBroken: 'text-red-800',
  stepDue: 'text-stone-900',
  promiseWeek: 'text-stone-800',
  limitation: 'text-red-800',
};

export function TodaySection({
  data,
  lang,
  onOpen,
}: {
  data: TodayData | undefined;
  lang: Lang;
  onOpen: (item: TodayItem) => void;
}) {
  const { t } = useTranslation('popup');
  const groups = kinds.filter((k) => data && data[k].length > 0);
  return (
    <section aria-labelledby="today-h" data-testid="today" className="rounded-md border border-stone-200 p-2">
      <h2 id="today-h" className="text-sm font-semibold">
        {t('today.heading')}
      </h2>
      {data && groups.length === 0 && <p className="text-xs text-stone-600">{t('today.nothing')}</p>}
      {groups.map((k) => {
        const items = data![k];
        return (
          <div key={k} className="mt-1" data-today={k} data-count={items.length}>
            <h3 className={`text-xs font-medium ${tone[k]}`}>
              {t(`today.${k}`)} ({items.length})
            </h3>
            <ul className="text-xs">
              {items.slice(0, SHOWN).map((it) => {
                const date = formatDay(it.date, lang);
                const label = it.amount
                  ? t('today.itemAmount', {
                      name: it.name,
                      amount: formatMoney(it.amount.minor, it.amount.currency, lang),
                      date,
                    })
                  : t('today.item', { name: it.name, date });
                return (
                  <li key={`${k}-${it.id}`}>
                    <button
                      type="button"
                      onClick={() => onOpen(it)}
                      data-customer-id={it.customerId}
                      className="w-full truncate rounded px-1 text-left hover:bg-stone-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
                      title={label}
                    >
                      {label}
                    </button>
                  </li>
                );
              })}
              {items.length > SHOWN && (
                <li className="px-1 text-stone-600">{t('today.more', { count: items.length - SHOWN })}</li>
              )}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
