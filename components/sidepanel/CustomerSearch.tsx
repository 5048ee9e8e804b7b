/**
 * Find a customer by name, alias or domain (`/` opens it). The customers are read and prepared once when the
 * search opens; the ranking is lib/match/search's, the same the capture card's picker uses.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/lib/db/schema';
import { type PreparedCustomerSearch, prepareCustomerSearch, searchCustomers } from '@/lib/match/search';
import { inputCls } from './fields';

export function CustomerSearch({
  onPick,
  onClose,
  label,
  initial = '',
}: {
  onPick: (id: string) => void;
  onClose: () => void;
  label: string;
  initial?: string;
}) {
  const { t } = useTranslation('sidepanel');
  const listId = useId();
  const [prepared, setPrepared] = useState<PreparedCustomerSearch | null>(null);
  const [query, setQuery] = useState(initial);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    let live = true;
    void getDb()
      .customers.toArray()
      .then((cs) => {
        if (live) setPrepared(prepareCustomerSearch(cs));
      });
    return () => {
      live = false;
    };
  }, []);
  const results = useMemo(() => (prepared ? searchCustomers(prepared, query, 12) : []), [prepared, query]);
  useEffect(() => setActive(0), [query]);
  return (
    <div className="rounded border border-blue-300 bg-white p-1.5 shadow" data-testid="customer-search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-label={label}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        data-testid="customer-search-input"
        placeholder={t('search.placeholder')}
        className={inputCls}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && results[active]) {
            e.preventDefault();
            onPick(results[active].id);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="mt-1 max-h-64 overflow-y-auto">
        {results.map((r, i) => (
          <li
            key={r.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            data-customer-id={r.id}
            className={`cursor-pointer truncate rounded px-1 py-0.5 ${i === active ? 'bg-blue-100' : ''}`}
            title={r.name}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(r.id);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {r.name}
          </li>
        ))}
      </ul>
      {prepared && query.trim() && results.length === 0 && <p className="px-1 text-stone-700">{t('search.none')}</p>}
      <p className="px-1 text-xs text-stone-600">{t('search.keys')}</p>
    </div>
  );
}
