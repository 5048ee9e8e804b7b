/**
 * Backup and restore. The backup is deterministic JSON: object keys in sorted order, rows sorted by primary key,
 * so backup → restore → backup gives the same bytes. A restore validates every record with the lib/domain schemas
 * before anything is written, and refuses backups from a newer format.
 */
import type { z } from 'zod';
import type { BackupIssueCode } from './errors';
import {
  activitySchema,
  contactSchema,
  customerSchema,
  paymentProcessProfileSchema,
  paymentPromiseSchema,
  paymentSchema,
  preparationsSchema,
  receivableSchema,
  settingsSchema,
  type Activity,
  type Contact,
  type Customer,
  type Payment,
  type PaymentPromise,
  type PaymentProcessProfile,
  type Preparations,
  type Receivable,
  type Settings,
} from '../domain';
import {
  billSchema,
  customerTermsSchema,
  disputeSchema,
  paymentPlanSchema,
  statementSchema,
  type Bill,
  type CustomerTerms,
  type Dispute,
  type PaymentPlan,
  type Statement,
} from '../toolkit/records';

export const BACKUP_FORMAT = 'huikuan-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const backupTables = [
  'customers',
  'contacts',
  'receivables',
  'payments',
  'promises',
  'activities',
  'profiles',
  'preparations',
  'settings',
  // The collector's toolkit (schema version 5); absent from older backups, which restore with none.
  'statements',
  'paymentPlans',
  'disputes',
  'customerTerms',
  // Acceptance bills and e-receivable certificates (schema version 10); absent from older backups, which restore with none.
  'bills',
] as const;
export type BackupTable = (typeof backupTables)[number];

export interface BackupData {
  customers: Customer[];
  contacts: Contact[];
  receivables: Receivable[];
  payments: Payment[];
  promises: PaymentPromise[];
  activities: Activity[];
  profiles: PaymentProcessProfile[];
  preparations: Preparations[];
  /** Zero or one settings record. */
  settings: Settings[];
  statements: Statement[];
  paymentPlans: PaymentPlan[];
  disputes: Dispute[];
  customerTerms: CustomerTerms[];
  bills: Bill[];
}

export interface BackupMeta {
  createdAt: number;
  appVersion?: string;
  [key: string]: unknown;
}

const schemas: Record<BackupTable, z.ZodType> = {
  customers: customerSchema,
  contacts: contactSchema,
  receivables: receivableSchema,
  payments: paymentSchema,
  promises: paymentPromiseSchema,
  activities: activitySchema,
  profiles: paymentProcessProfileSchema,
  preparations: preparationsSchema,
  settings: settingsSchema,
  statements: statementSchema,
  paymentPlans: paymentPlanSchema,
  disputes: disputeSchema,
  customerTerms: customerTermsSchema,
  bills: billSchema,
};
const primaryKey: Record<BackupTable, string | undefined> = {
  customers: 'id',
  contacts: 'id',
  receivables: 'id',
  payments: 'id',
  promises: 'id',
  activities: 'id',
  profiles: 'customerId',
  preparations: 'customerId',
  settings: undefined,
  statements: 'id',
  paymentPlans: 'id',
  disputes: 'id',
  customerTerms: 'customerId',
  bills: 'id',
};

/** JSON with object keys sorted at every level; undefined members are dropped, as JSON.stringify does. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return v === undefined ? 'null' : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stableStringify(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(o).sort()) {
    if (o[k] === undefined || typeof o[k] === 'function') continue;
    parts.push(`${JSON.stringify(k)}:${stableStringify(o[k])}`);
  }
  return `{${parts.join(',')}}`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedRows(table: BackupTable, rows: unknown[]): unknown[] {
  const pk = primaryKey[table];
  if (!pk) return rows;
  return [...rows].sort((a, b) =>
    cmp(String((a as Record<string, unknown>)[pk]), String((b as Record<string, unknown>)[pk])),
  );
}

/**
 * The backup file's text. One table per line block, one row per line, so a diff of two backups is readable;
 * byte-identical for identical data.
 */
export function makeBackup(tables: Partial<Record<BackupTable, unknown[]>>, meta: BackupMeta): string {
  const lines: string[] = [];
  lines.push(
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_FORMAT_VERSION},"meta":${stableStringify(meta)},"tables":{`,
  );
  backupTables.forEach((t, ti) => {
    const rows = sortedRows(t, tables[t] ?? []);
    const end = ti === backupTables.length - 1 ? '' : ',';
    if (!rows.length) {
      lines.push(`${JSON.stringify(t)}:[]${end}`);
      return;
    }
    lines.push(`${JSON.stringify(t)}:[`);
    rows.forEach((r, i) => lines.push(stableStringify(r) + (i === rows.length - 1 ? '' : ',')));
    lines.push(`]${end}`);
  });
  lines.push('}}');
  return lines.join('\n') + '\n';
}

/** One problem: where (`path`), English `message`, and `code` + `params` for the translated text. */
export interface BackupIssue {
  path: string;
  message: string;
  code: BackupIssueCode;
  params?: {
    table?: string;
    key?: string;
    value?: string;
    first?: number;
    version?: string;
    supported?: number;
    expected?: string;
    limit?: string;
    format?: string;
    values?: string[];
    keys?: string[];
    count?: number;
    cause?: string;
    /** 'missing-reference': the table the record points into. */
    ref?: BackupTable;
  };
}

/**
 * A record's schema failure as a backup issue. Zod's English text stays in `message`; the code says which kind of
 * failure it is so it can be told in the user's language. The domain schemas' own refinements are recognised by
 * their messages (lib/domain).
 */
export function issueFromZod(path: string, issue: z.core.$ZodIssue): BackupIssue {
  const base = { path, message: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { ...base, code: 'wrong-type', params: { expected: String(issue.expected) } };
    case 'too_small':
      return { ...base, code: 'too-small', params: { limit: String(issue.minimum) } };
    case 'too_big':
      return { ...base, code: 'too-big', params: { limit: String(issue.maximum) } };
    case 'invalid_format':
      return { ...base, code: 'bad-format', params: { format: String(issue.format) } };
    case 'invalid_value':
      return { ...base, code: 'bad-value', params: { values: issue.values.map((v) => JSON.stringify(v)) } };
    case 'unrecognized_keys':
      return { ...base, code: 'unknown-keys', params: { keys: issue.keys } };
    case 'custom':
      if (issue.message === 'not a real calendar date') return { ...base, code: 'not-a-real-date' };
      if (issue.message === 'date out of range') return { ...base, code: 'date-out-of-range' };
      if (issue.message === 'amount too large') return { ...base, code: 'amount-too-large' };
      return { ...base, code: 'invalid-record' };
    default:
      return { ...base, code: 'invalid-record' };
  }
}
/** `absent`: the tables the file does not have at all (an empty list is a table with no records). */
export type BackupParse =
  { ok: true; data: BackupData; meta: BackupMeta; absent: BackupTable[] } | { ok: false; errors: BackupIssue[] };

const MAX_ISSUES = 100;

function pathOf(base: string, p: ReadonlyArray<PropertyKey>): string {
  let out = base;
  for (const k of p) out += typeof k === 'number' ? `[${k}]` : `.${String(k)}`;
  return out;
}

/** Validates a backup completely; nothing is returned unless every record is valid. */
export function parseBackup(text: string): BackupParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `The file is not a Huikuan backup: it is not valid JSON (${(e as Error).message}).`,
          code: 'not-json',
          params: { cause: (e as Error).message },
        },
      ],
    };
  }
  if (
    !doc ||
    typeof doc !== 'object' ||
    Array.isArray(doc) ||
    (doc as Record<string, unknown>).format !== BACKUP_FORMAT
  ) {
    return {
      ok: false,
      errors: [
        {
          path: 'format',
          message: `The file is not a Huikuan backup (expected "format": "${BACKUP_FORMAT}").`,
          code: 'not-backup',
        },
      ],
    };
  }
  const d = doc as Record<string, unknown>;
  const version = d.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      errors: [
        {
          path: 'version',
          message: `The backup's format version (${JSON.stringify(version)}) is not valid.`,
          code: 'bad-version',
          params: { version: String(JSON.stringify(version)) },
        },
      ],
    };
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'version',
          message: `This backup was made by a newer version of Huikuan (backup format ${version}); this version reads format ${BACKUP_FORMAT_VERSION}. Update the extension, then restore.`,
          code: 'newer-version',
          params: { version: String(version), supported: BACKUP_FORMAT_VERSION },
        },
      ],
    };
  }
  const errors: BackupIssue[] = [];
  let extra = 0;
  const push = (i: BackupIssue) => {
    if (errors.length < MAX_ISSUES) errors.push(i);
    else extra++;
  };
  const meta = d.meta;
  if (
    !meta ||
    typeof meta !== 'object' ||
    Array.isArray(meta) ||
    typeof (meta as Record<string, unknown>).createdAt !== 'number'
  ) {
    push({ path: 'meta.createdAt', message: 'The backup has no creation time.', code: 'no-created-at' });
  }
  const tables = d.tables;
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) {
    return { ok: false, errors: [{ path: 'tables', message: 'The backup has no tables.', code: 'no-tables' }] };
  }
  const out: Record<string, unknown[]> = {};
  const absent: BackupTable[] = [];
  for (const name of Object.keys(tables)) {
    if (!(backupTables as readonly string[]).includes(name))
      push({
        path: `tables.${name}`,
        message: `Unknown table "${name}".`,
        code: 'unknown-table',
        params: { table: name },
      });
  }
  for (const t of backupTables) {
    const rows = (tables as Record<string, unknown>)[t];
    if (rows === undefined) {
      out[t] = [];
      absent.push(t);
      continue;
    }
    if (!Array.isArray(rows)) {
      push({ path: `tables.${t}`, message: 'expected a list of records', code: 'not-a-list', params: { table: t } });
      continue;
    }
    if (t === 'settings' && rows.length > 1) {
      push({
        path: 'tables.settings',
        message: 'expected at most one settings record',
        code: 'too-many-settings',
        params: { count: rows.length },
      });
    }
    const parsed: unknown[] = [];
    const keys = new Map<string, number>();
    const pk = primaryKey[t];
    rows.forEach((row, i) => {
      const r = schemas[t].safeParse(row);
      if (!r.success) {
        for (const issue of r.error.issues) push(issueFromZod(pathOf(`tables.${t}[${i}]`, issue.path), issue));
        return;
      }
      if (pk) {
        const k = String((r.data as Record<string, unknown>)[pk]);
        const first = keys.get(k);
        if (first !== undefined) {
          push({
            path: `tables.${t}[${i}].${pk}`,
            message: `duplicate ${pk} "${k}" (also at index ${first})`,
            code: 'duplicate-key',
            params: { key: pk, value: k, first },
          });
        } else keys.set(k, i);
      }
      parsed.push(r.data);
    });
    out[t] = parsed;
  }
  if (extra)
    errors.push({ path: '', message: `…and ${extra} more problems.`, code: 'more-problems', params: { count: extra } });
  if (errors.length) return { ok: false, errors };
  return { ok: true, data: out as unknown as BackupData, meta: meta as BackupMeta, absent };
}
