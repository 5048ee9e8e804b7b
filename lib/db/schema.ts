/**
 * The one Dexie database. Every schema change is a new entry in `versions` below, never an edit of an old one:
 * tests/unit/db/migrations.test.ts writes data with each earlier version and opens it with the newest, so a
 * change that drops or mangles data fails there before it reaches a user.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type {
  Activity, Contact, Customer, CustomerSummary, Payment, PaymentPromise, PaymentProcessProfile, Preparations,
} from '../domain';
import type { Receivable } from '../domain';

export const DB_NAME = 'huikuan';

/** Key/value rows for things that are one of a kind: settings, the portfolio aggregate, the worklist cache. */
export interface MetaRow { key: string; value: unknown }

/** One import batch: what it created and the previous version of every row it changed, so it can be undone. */
export interface ImportBatchRow {
  id: string;
  at: number;
  fileName: string;
  created: { customers: string[]; receivables: string[]; payments: string[] };
  previous: { receivables: Receivable[]; payments: Payment[] };
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  undone?: boolean;
}

/** Deleted records kept for a while so a deletion can be undone. */
export interface TrashRow {
  id: string;
  at: number;
  label: string;
  customerIds: string[];
  rows: Partial<Record<TableName, unknown[]>>;
}

export type TableName =
  | 'customers' | 'contacts' | 'receivables' | 'payments' | 'promises' | 'activities' | 'profiles'
  | 'preparations' | 'summaries' | 'meta' | 'imports' | 'trash';

/** The stores that hold the user's own records (what a backup contains). */
export const userTables = [
  'customers', 'contacts', 'receivables', 'payments', 'promises', 'activities', 'profiles', 'preparations',
] as const;
export type UserTable = (typeof userTables)[number];

/** Index definitions per version. Version 1 is the first shipped schema. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites rows written by the previous version (Dexie runs it once, inside the upgrade transaction). */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const versions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      customers: 'id, name, type, owner, updatedAt, *domains',
      contacts: 'id, customerId',
      receivables: 'id, customerId, &[customerId+docNumber], dueDate, issueDate, importBatch',
      payments: 'id, customerId, date, importBatch',
      promises: 'id, customerId, date, status, [status+date]',
      activities: 'id, customerId, date, nextDate, [customerId+date]',
      profiles: 'customerId',
      preparations: 'customerId',
      summaries: 'customerId, owner, type, oldestOpenDue, nextPromiseDate, limitationDeadline',
      meta: 'key',
      imports: 'id, at',
      trash: 'id, at',
    },
  },
];

export class HuikuanDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  receivables!: EntityTable<Receivable, 'id'>;
  payments!: EntityTable<Payment, 'id'>;
  promises!: EntityTable<PaymentPromise, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  profiles!: EntityTable<PaymentProcessProfile, 'customerId'>;
  preparations!: EntityTable<Preparations, 'customerId'>;
  summaries!: EntityTable<CustomerSummary, 'customerId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  imports!: EntityTable<ImportBatchRow, 'id'>;
  trash!: EntityTable<TrashRow, 'id'>;

  /** `upTo` lets the migration tests open the database as an older release would. */
  constructor(name = DB_NAME, upTo = versions[versions.length - 1].version, schema: SchemaVersion[] = versions) {
    super(name);
    for (const v of schema) {
      if (v.version > upTo) break;
      const dv = this.version(v.version).stores(v.stores);
      if (v.upgrade) dv.upgrade(v.upgrade);
    }
  }
}

let shared: HuikuanDb | undefined;
/** The database of this extension origin. Content scripts must not call this: their IndexedDB is the page's. */
export function getDb(): HuikuanDb {
  shared ??= new HuikuanDb();
  return shared;
}
/** Tests swap in a fresh database. */
export function setDb(db: HuikuanDb | undefined): void {
  shared = db;
}
