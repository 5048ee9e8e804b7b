/**
 * Reads the IBM Watson Analytics "Accounts Receivable" sample (WA_Fn-UseC_-Accounts-Receivable.csv; see
 * /work/shared/realdata/ibm-accounts-receivable/SOURCES.md) into forecast invoices. The file is never part of the
 * project: the bench reads it only from the path in HUIKUAN_IBM_AR (or the shared folder when present).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ForecastInvoice } from '../lib/forecast';
import type { CustomerFacts } from '../lib/forecast';

export const DEFAULT_IBM_AR = '/work/shared/realdata/ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv';

export function ibmPath(): string | undefined {
  const p = process.env.HUIKUAN_IBM_AR ?? DEFAULT_IBM_AR;
  return existsSync(p) ? p : undefined;
}

const usDay = (s: string): string => {
  const [m, d, y] = s.split('/').map(Number);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

export function readIbmLedger(path: string): { invoices: ForecastInvoice[]; customers: Map<string, CustomerFacts> } {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const head = lines[0].split(',');
  const col = (name: string): number => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`${path}: no column ${name}`);
    return i;
  };
  const c = {
    country: col('countryCode'),
    cust: col('customerID'),
    inv: col('invoiceNumber'),
    issue: col('InvoiceDate'),
    due: col('DueDate'),
    amount: col('InvoiceAmount'),
    disputed: col('Disputed'),
    settled: col('SettledDate'),
    paperless: col('PaperlessBill'),
  };
  const invoices: ForecastInvoice[] = [];
  const customers = new Map<string, CustomerFacts>();
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split(',');
    invoices.push({
      id: `${f[c.inv]}#${i}`,
      customerId: f[c.cust],
      issueDate: usDay(f[c.issue]),
      dueDate: usDay(f[c.due]),
      amount: { minor: Math.round(Number(f[c.amount]) * 100), currency: 'USD' },
      settledOn: f[c.settled] ? usDay(f[c.settled]) : undefined,
      disputed: f[c.disputed] === 'Yes',
      delivery: f[c.paperless] === 'Electronic' ? 'electronic' : 'paper',
    });
    customers.set(f[c.cust], { segment: `country ${f[c.country]}` });
  }
  return { invoices, customers };
}
