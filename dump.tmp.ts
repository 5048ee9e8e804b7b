import { readFileSync, readdirSync } from 'node:fs';
import { parseLedger } from './lib/transfer';
const dir = 'tests/fixtures/ledgers/reports';
for (const f of readdirSync(dir).filter((f) => !f.endsWith('.md') && !f.endsWith('.json'))) {
  const r = parseLedger(new Uint8Array(readFileSync(`${dir}/${f}`)), { fileName: f, currency: 'CNY' });
  console.log(`\n== ${f}: preset=${r.preset} header=${r.headerRow}x${r.headerRows} group=${r.customerFromGroup} rows=${r.rows.length} cust=${r.stats.customers} errors=${r.errors.length} date=${r.reportDate}`);
  for (const e of r.errors.slice(0, 4)) console.log('  ERR', e.message);
  console.log('  recon', JSON.stringify(r.reconciliation), 'notes', r.notes.map((n) => n.code + (n.count ? ':' + n.count : '')).join(','));
  for (const x of r.rows.slice(0, 12)) console.log('   ', x.row, x.customerName, x.invoiceNumber, x.kind, x.source ?? '', x.issueDate, x.dueDate, x.amount.minor, x.paid?.minor, x.open?.minor, x.currency);
}
