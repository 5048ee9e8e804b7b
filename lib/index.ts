/**
 * The stable core API (DESIGN.md). Outside evaluation scripts import these by name from Node or Vitest, without a
 * browser; keep the names, the parameters and the meaning of the fields.
 */
export { readPage } from './sites';
export { normalizeCompanyName, matchCustomer } from './match';
export { parseCapture } from './capture';
export { parseLedger } from './transfer';
export { agingReport } from './ledger';
export { suggestNext } from './playbook';
export { forecastPayments } from './forecast';

export type { PageContext, Customer, Money, AccountSnapshot } from './domain';
export type { CaptureDraft } from './capture';
export type { LedgerParse } from './transfer';
export type { Suggestion } from './playbook';
export type { ForecastInvoice, PaymentForecast } from './forecast';
export { lateInterest } from './toolkit/interest';
export type { InterestRule } from './toolkit/interest';
