/**
 * Find a customer by name, alias or domain (`/` opens it). The names are read once when the search opens; ranking
 * is: normalised name starts with the query, then contains it, then by bigram similarity (lib/match).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/lib/db/schema';
import { nameSimilarity, normalizeCompanyName } from '@/lib/match';
import { inputCls } from './fields';

interface Entry { id: string; name: string; keys: string[] }

export function rankCustomers(entries: Entry[], query: string, limit = 12): Entry[] {
  const q = normalizeCompanyName(query) || query.trim().toLowerCase();
  if (!q) return [];
  const scored: Array<[number, Entry]> = [];
  for (const e of entries) {
    let best = 0;
    for (const k of e.keys) {
      const s = k.startsWith(q) ? 3 : k.includes(q) ? 2 : 0;
      if (s > best) best = s;
    }
    if (best === 0 && q.length >= 2) {
      const sim = Math.max(...e.keys.map((k) => nameSimilarity(q, k)));
      if (sim >= 0.5) best = sim;
    }
    if (best > 0) scored.push([best, e]);
  }
  return scored.sort((a, b) => b[0] - a[0] || a[1].name.localeCompare(b[1].name)).slice(0, limit).map(([, e]) => e);
}

export function CustomerSearch({ onPick, onClose, label, initial = '' }: { onPick: (id: string) => void; onClose: () => void; label: string; initial?: string }) {
  const { t } = useTranslation('sidepanel');
  const listId = useId();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [query, setQuery] = useState(initial);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    let live = true;
    void getDb().customers.toArray().then((cs) => {
      if (live) setEntries(cs.map((c) => ({ id: c.id, name: c.name, keys: [c.name, ...c.aliases, ...c.domains].map((k) => normalizeCompanyName(k) || k.toLowerCase()) })));
    });
    return () => { live = false; };
  }, []);
  const results = useMemo(() => (entries ? rankCustomers(entries, query) : []), [entries, query]);
  useEffect(() => setActive(0), [query]);
  return (
    <div className="rounded border border-blue-300 bg-white p-1.5 shadow" data-testid="customer-search">
      <input ref={input} type="search" role="combobox" aria-expanded={results.length > 0} aria-controls={listId} aria-label={label}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined} data-testid="customer-search-input"
        placeholder={t('search.placeholder')} className={inputCls} value={query} onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, results.length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
          else if (e.key === 'Enter' && results[active]) { e.preventDefault(); onPick(results[active].id); }
          else if (e.key === 'Escape') { e.preventDefault(); onClose(); }
        }} />
      <ul id={listId} role="listbox" aria-label={label} className="mt-1 max-h-64 overflow-y-auto">
        {results.map((r, i) => (
          <li key={r.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} data-customer-id={r.id}
            className={`cursor-pointer truncate rounded px-1 py-0.5 ${i === active ? 'bg-blue-100' : ''}`} title={r.name}
            onMouseDown={(e) => { e.preventDefault(); onPick(r.id); }} onMouseEnter={() => setActive(i)}>{r.name}</li>
        ))}
      </ul>
      {entries && query.trim() && results.length === 0 && <p className="px-1 text-stone-700">{t('search.none')}</p>}
      <p className="px-1 text-xs text-stone-600">{t('search.keys')}</p>
    </div>
  );
}
