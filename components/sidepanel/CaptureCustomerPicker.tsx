/**
 * Asks which customer a capture belongs to: the matcher's candidates first (with how sure it is and why), then a
 * name search over every customer.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { prepareCustomerSearch, searchCustomers } from '@/lib/match/search';
import type { TabContextView } from '@/lib/messaging/protocol';

type MatchView = TabContextView['matches'][number];

export function CaptureCustomerPicker({
  matches,
  value,
  onChange,
}: {
  matches: readonly MatchView[];
  value: string | null;
  onChange: (customerId: string) => void;
}) {
  const { t } = useTranslation('sidepanel');
  const group = useId();
  const [query, setQuery] = useState('');
  const ids = matches.map((m) => m.customerId);
  const candidates = useLiveQuery(async () => {
    const found = await getDb().customers.bulkGet(ids);
    return matches.flatMap((m, i) => (found[i] ? [{ match: m, customer: found[i] }] : []));
  }, [ids.join('|')]);
  const searching = query.trim().length > 0;
  // Loaded only once the user types, and kept while the box has text, so an empty picker costs nothing.
  const all = useLiveQuery(async () => (searching ? getDb().customers.toArray() : null), [searching]);
  const prepared = useMemo(() => (all ? prepareCustomerSearch(all) : undefined), [all]);
  const results = useMemo(
    () => (prepared && searching ? searchCustomers(prepared, query, 8) : []),
    [prepared, query, searching],
  );

  const option = (id: string, name: string, detail?: string) => (
    <li key={id}>
      <label className="flex items-baseline gap-1">
        <input
          type="radio"
          name={group}
          data-testid="capture-customer-option"
          data-customer-id={id}
          checked={value === id}
          onChange={() => onChange(id)}
        />
        <span>{name}</span>
        {detail && <span className="text-xs text-stone-600">{detail}</span>}
      </label>
    </li>
  );

  return (
    <fieldset data-testid="capture-customer-picker" className="rounded border border-amber-300 bg-amber-50 p-2">
      <legend className="font-medium">{t('capture.whichCustomer')}</legend>
      {candidates && candidates.length > 0 && (
        <>
          <p className="text-xs text-stone-600">{t('capture.candidates')}</p>
          <ul>
            {candidates.map(({ match, customer }) =>
              option(
                customer.id,
                customer.name,
                `${t('capture.score', { score: Math.round(match.score * 100) })} · ${t(`capture.reasons.${match.reason}`, { defaultValue: match.reason })}`,
              ),
            )}
          </ul>
        </>
      )}
      <label className="mt-1 block">
        <span className="text-xs text-stone-600">{t('capture.search')}</span>
        <input
          type="search"
          data-testid="capture-customer-search"
          value={query}
          placeholder={t('capture.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          className="block w-full rounded border px-1"
        />
      </label>
      {searching &&
        all &&
        (results.length === 0 ? (
          <p className="text-stone-600">{t('capture.noResults')}</p>
        ) : (
          <ul data-testid="capture-customer-results">
            {results.filter((c) => !ids.includes(c.id)).map((c) => option(c.id, c.name))}
          </ul>
        ))}
    </fieldset>
  );
}
