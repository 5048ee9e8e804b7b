/**
 * One live query per shown customer: everything the panel's sections read, loaded by index lookups
 * (loadAccountRows) and re-run by Dexie whenever any of those rows change. Sections read it from context so a
 * customer switch is one query, not one per card.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { loadAccountRows } from '@/lib/db/repo';
import { allocate } from '@/lib/ledger';
import type { AccountSnapshot, CustomerSummary } from '@/lib/domain';

export interface Account extends AccountSnapshot {
  summary?: CustomerSummary;
  today: string;
}

const AccountContext = createContext<Account | null>(null);

/** The account of `customerId`, or undefined while it loads, or null when no such customer exists. */
export function useAccountQuery(customerId: string | null, today: string): Account | null | undefined {
  const rows = useLiveQuery(async () => {
    if (!customerId) return null;
    const r = await loadAccountRows(getDb(), customerId);
    return r ? { ...r, forId: customerId } : { forId: customerId, missing: true as const };
  }, [customerId]);
  return useMemo(() => {
    if (!customerId) return null;
    // useLiveQuery keeps the previous customer's result until the new one arrives: never show it under a new name.
    if (!rows || rows.forId !== customerId) return undefined;
    if ('missing' in rows) return null;
    const { forId: _f, ...r } = rows;
    return { ...r, receivables: allocate(r.receivables, r.payments), today };
  }, [rows, customerId, today]);
}

export function AccountProvider({ account, children }: { account: Account; children: ReactNode }) {
  return <AccountContext.Provider value={account}>{children}</AccountContext.Provider>;
}

export function useAccount(): Account {
  const a = useContext(AccountContext);
  if (!a) throw new Error('useAccount outside AccountProvider');
  return a;
}
