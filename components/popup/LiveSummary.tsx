/**
 * Keeps the popup's summary current: the raw settings and portfolio rows from a live query, painted by the one
 * summary renderer (./summary.ts) into the element the first paint used (popup.html's #summary, outside React's
 * root), or into its own element where there is none (tests).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { META_ROWS } from '@/lib/db/metaMirror';
import { paintSummary } from './summary';
import { SUMMARY_ID } from './summaryHost';

export function LiveSummary({ asOf, currency }: { asOf: string; currency?: string }) {
  const rows = useLiveQuery(async () => {
    const [s, p] = await getDb().meta.bulkGet([META_ROWS.settings, META_ROWS.portfolio]);
    return { settings: s?.value, portfolio: p?.value };
  }, []);
  const own = useRef<HTMLDivElement>(null);
  // Decided once: where there was no #summary at mount, the element rendered below is the host for good.
  const [outside] = useState(() => document.getElementById(SUMMARY_ID));
  useLayoutEffect(() => {
    const host = outside ?? own.current;
    if (host && rows) paintSummary(host, { rows, asOf, currency });
  }, [outside, rows, asOf, currency]);
  return outside ? null : <div ref={own} data-testid="summary-host" />;
}
