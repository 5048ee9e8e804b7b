/**
 * Every problem code the import and restore code can report, in one place. The types of the error objects are
 * derived from these lists, so a new code cannot be emitted without being listed here — and
 * tests/unit/transfer/errors.codes.test.ts checks that every listed code has a text in both languages.
 *
 * The English `message` on each error stays for logs and tests; the options page shows the text for the code,
 * filled from the error's `params` (row, column, the cell's value, …).
 */
import type { LimitProblem } from './limits';

/** What a file that is not a spreadsheet really is (sniffed from its first bytes, ./grid.ts). */
export type FileKind = 'pdf' | 'image' | 'word' | 'presentation' | 'archive' | 'executable';

/** Problems with the whole ledger file or one of its rows (LedgerError.code). */
export const ledgerErrorCodes = [
  'empty-file',
  'binary-file',
  'unreadable-workbook',
  'no-data',
  'missing-columns',
  'field-count',
  'broken-quotes',
  'missing-value',
  'invalid-date',
  'ambiguous-date',
  'invalid-amount',
  'invalid-currency',
  'currency-conflict',
  'duplicate',
  'wrong-file-type',
  'over-limit',
  'no-report-date',
] as const;
export type LedgerErrorCode = (typeof ledgerErrorCodes)[number];

/** Why one date or amount cell could not be read (values.ts); refines 'invalid-date' and 'invalid-amount'. */
export const valueProblems = [
  'empty',
  'not-a-date',
  'not-a-real-date',
  'out-of-range',
  'serial-out-of-range',
  'serial-1900-02-29',
  'ambiguous',
  'not-an-amount',
  'too-large',
  'two-currencies',
] as const;
export type ValueProblem = (typeof valueProblems)[number];

/** Which required column group is missing (the 'missing-columns' error's `params.missing`). */
export const requiredColumnGroups = ['customer', 'document', 'due-date', 'amount'] as const;
export type RequiredColumnGroup = (typeof requiredColumnGroups)[number];

/** Notes about how the file was read (not errors: the rows are still imported). */
export const ledgerNoteCodes = [
  'date-order-conflict',
  'no-due-column',
  'payment-rows',
  'currency-assumed',
  'zero-amount',
  'drafts-skipped',
  'voids-skipped',
  'payments-as-credits',
  'summary-buckets',
  'currency-from-layout',
  'lines-grouped',
  'customer-from-group',
  'credit-without-due',
  'balance-forward',
] as const;
export type LedgerNoteCode = (typeof ledgerNoteCodes)[number];

/** Rows the import plan refuses although they parsed (plan.ts). */
export const rejectionCodes = [
  'empty-name',
  'duplicate-after-normalising',
  'currency-mismatch',
  'payment-mismatch',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

/** Problems with a backup file (backup.ts). */
export const backupIssueCodes = [
  'not-json',
  'not-backup',
  'bad-version',
  'newer-version',
  'no-created-at',
  'no-tables',
  'unknown-table',
  'not-a-list',
  'too-many-settings',
  'duplicate-key',
  'more-problems',
  // One record failing its schema, by kind of failure.
  'wrong-type',
  'too-small',
  'too-big',
  'bad-format',
  'bad-value',
  'unknown-keys',
  'not-a-real-date',
  'amount-too-large',
  'date-out-of-range',
  'invalid-record',
  // The backup as a whole store (storeCheck.ts).
  'missing-table',
  'missing-reference',
  'negative-amount',
] as const;
export type BackupIssueCode = (typeof backupIssueCodes)[number];

/** What a ledger error's text is filled from (LedgerError.params). */
export interface LedgerErrorParams {
  /** The cell's text as in the file. */
  value?: string;
  /** Why a date or amount cell could not be read. */
  problem?: ValueProblem;
  /** 'field-count': the row's cells and the header's. */
  count?: number;
  expected?: number;
  /** 'duplicate': the customer and the row where the document first appears. */
  customer?: string;
  first?: number;
  /** 'currency-conflict': the row's currency. */
  currency?: string;
  /** 'missing-columns': the required groups not found, and the file's column headers. */
  missing?: RequiredColumnGroup[];
  columns?: string[];
  /** 'no-data': the file has a header row but no data under it. */
  headerOnly?: boolean;
  /** The reading library's own words (unreadable workbook, broken quotes): technical, for logs, never translated. */
  cause?: string;
  /** 'wrong-file-type': what the file really is, and the extension its name has. */
  detected?: FileKind;
  extension?: string;
  /** 'over-limit': which limit and its value. */
  limitProblem?: LimitProblem;
  limit?: number;
}

/** A note about how the file was read, with what its text is filled from. */
export interface LedgerNote {
  code: LedgerNoteCode;
  row?: number;
  currency?: string;
  /** How many rows the note is about (drafts, voids, payment rows, grouped lines). */
  count?: number;
  /** The layout the currency came from, the report date, … */
  value?: string;
}
