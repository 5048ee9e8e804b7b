/** The toolkit's records of the shown customer, one live query, and the LPR table in use. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import type { Bill, CustomerTerms, Dispute, PaymentPlan, Statement } from '@/lib/toolkit/records';
import { type LprRow, publishedLpr } from '@/lib/toolkit/lpr';
import { LPR_TABLE_KEY, readLprTable } from '@/lib/toolkit/lprStore';

export interface ToolkitData {
  statements: Statement[];
  plans: PaymentPlan[];
  disputes: Dispute[];
  /** Acceptance bills and e-receivable certificates received from this customer, latest first. */
  bills: Bill[];
  terms?: CustomerTerms;
  lpr: readonly LprRow[];
}

export function useToolkitData(customerId: string): ToolkitData | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [statements, plans, disputes, bills, terms, lprRow] = await Promise.all([
      db.statements.where('customerId').equals(customerId).toArray(),
      db.paymentPlans.where('customerId').equals(customerId).toArray(),
      db.disputes.where('customerId').equals(customerId).toArray(),
      db.bills.where('customerId').equals(customerId).toArray(),
      db.customerTerms.get(customerId),
      db.meta.get(LPR_TABLE_KEY),
    ]);
    return {
      statements: statements.sort((a, b) => b.createdAt - a.createdAt),
      plans: plans.sort((a, b) => b.createdAt - a.createdAt),
      disputes: disputes.sort((a, b) => b.createdAt - a.createdAt),
      bills: bills.sort((a, b) => b.createdAt - a.createdAt),
      terms,
      lpr: readLprTable(lprRow?.value) ?? publishedLpr,
    };
  }, [customerId]);
}
