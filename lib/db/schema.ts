/**
 * The one Dexie database. Every schema change is a new entry in `versions` below, never an edit of an old one:
 * tests/unit/db/schema.migrations.test.ts writes data with each earlier version and opens it with the newest, so a
 * change that drops or mangles data fails there before it reaches a user.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type {
  Activity,
  Contact,
  Customer,
  CustomerSummary,
  Payment,
  PaymentPromise,
  PaymentProcessProfile,
  Preparations,
} from '../domain';
import type { Receivable } from '../domain';
import { OUTBOX, type OutboxRow, outboxMiddleware } from '../sync/capture';
import type { SyncDoc, SyncKind } from '../sync/docs';
import { allocateWithCredit } from '../ledger/allocate';
import { summaryLadderOf } from '../playbook/ladder';
import { splitDisputed } from '../ledger/disputed';
import type { Bill, CustomerTerms, Dispute, PaymentPlan, Statement } from '../toolkit/records';
import { DEMO_DB_NAME, type StoreChoice, STORE_CHOICE_KEY, pageStorageOf, storeChoice } from './storeChoice';
import { faultMiddleware } from './faultHooks';
export { DEMO_DB_NAME, STORE_CHOICE_KEY, storeChoice, type StoreChoice } from './storeChoice';

export const DB_NAME = 'huikuan';

/** Key/value rows for things that are one of a kind: settings, the portfolio aggregate, the worklist cache. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * A customer's ledger (台账): all of its receivables and payments in one record. IndexedDB in Chromium costs about
 * as much per request as per kilobyte, so one record per receivable capped an import at a few thousand rows a
 * second; every read and write of documents is per customer anyway (the side panel, the summaries, the import).
 * lib/db/ledgers.ts is the only code that reads or writes this store.
 */
export interface CustomerLedger {
  customerId: string;
  receivables: Receivable[];
  payments: Payment[];
  updatedAt: number;
}

/** One import batch: what it created and the previous version of every row it changed, so it can be undone. */
export interface ImportBatchRow {
  id: string;
  at: number;
  fileName: string;
  created: { customers: string[]; receivables: string[]; payments: string[] };
  previous: { receivables: Receivable[]; payments: Payment[] };
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  /** Every customer whose ledger this journal changed (written since version 2; the upgrade fills it in). */
  customers?: string[];
  undone?: boolean;
}

/** What a demo load, a restore or "delete all" replaced: the store as a backup file's text, kept to put it back. */
export interface SafetyCopyRow {
  id: string;
  at: number;
  /** The operation that replaced the data. */
  reason: 'demo' | 'restore' | 'wipe';
  /** The backup file it replaced it with (restore only). */
  file?: string;
  counts: StoreCounts;
  /** A complete backup (lib/transfer/backup.ts format) of the store as it was. */
  backup: string;
}

/** The records a confirmation names, counted in the store. */
export interface StoreCounts {
  customers: number;
  receivables: number;
  payments: number;
  promises: number;
  activities: number;
}

/** Deleted records kept for a while so a deletion can be undone. */
export interface TrashRow {
  id: string;
  at: number;
  label: string;
  customerIds: string[];
  rows: Partial<Record<TrashKind, unknown[]>>;
}

export type TableName =
  | 'customers'
  | 'contacts'
  | 'ledgers'
  | 'promises'
  | 'activities'
  | 'profiles'
  | 'preparations'
  | 'summaries'
  | 'meta'
  | 'imports'
  | 'trash';
/** What a trash row holds: records by the kind of record (receivables and payments live inside ledgers). */
export type TrashKind =
  'customers' | 'contacts' | 'receivables' | 'payments' | 'promises' | 'activities' | 'profiles' | 'preparations';

/** The stores that hold the user's own records (a backup holds them, with ledgers as receivables and payments). */
export const userTables = [
  'customers',
  'contacts',
  'ledgers',
  'promises',
  'activities',
  'profiles',
  'preparations',
] as const;
export type UserTable = (typeof userTables)[number];

/**
 * Team sharing (lib/sync): what this browser last saw of each shared record on the server — its database,
 * revision and the document itself (the base a merge starts from; a ledger's without its rows, which the ledgers
 * store holds) — and the values a merge set aside.
 */
export interface SyncDocRow {
  id: string;
  db: string;
  kind: SyncKind;
  key: string;
  customerId: string;
  owner: string;
  rev: string;
  base: SyncDoc;
}

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
  {
    // Receivables and payments move into one ledger record per customer (see CustomerLedger).
    version: 2,
    stores: { ledgers: 'customerId', receivables: null, payments: null },
    upgrade: async (tx) => {
      const receivables = (await tx.table('receivables').toArray()) as Receivable[];
      const payments = (await tx.table('payments').toArray()) as Payment[];
      const ledgers = new Map<string, CustomerLedger>();
      const ledgerOf = (customerId: string) =>
        ledgers.get(customerId) ??
        ledgers.set(customerId, { customerId, receivables: [], payments: [], updatedAt: 0 }).get(customerId)!;
      for (const r of receivables) {
        const l = ledgerOf(r.customerId);
        l.receivables.push(r);
        l.updatedAt = Math.max(l.updatedAt, r.updatedAt);
      }
      for (const p of payments) {
        const l = ledgerOf(p.customerId);
        l.payments.push(p);
        l.updatedAt = Math.max(l.updatedAt, p.updatedAt);
      }
      await tx.table('ledgers').bulkAdd([...ledgers.values()]);
      // Undo journals named created documents by id only; an undo now needs their customers.
      const customerOfDoc = new Map<string, string>([...receivables, ...payments].map((d) => [d.id, d.customerId]));
      await tx
        .table('imports')
        .toCollection()
        .modify((j: ImportBatchRow) => {
          const ids = [...j.created.receivables, ...j.created.payments];
          j.customers = [
            ...new Set([
              ...ids.map((id) => customerOfDoc.get(id)).filter((c): c is string => !!c),
              ...j.previous.receivables.map((r) => r.customerId),
              ...j.previous.payments.map((p) => p.customerId),
            ]),
          ];
        });
      // Deleted receivables and payments kept in the trash are restored into ledgers now; their rows are unchanged.
    },
  },
  {
    // The automatic backups taken before a demo load, a restore or "delete all" (lib/db/replace.ts).
    version: 3,
    stores: { safetyCopies: 'id, at' },
  },
  {
    // The collector's toolkit (lib/toolkit): statements of account, payment plans, disputes, per-customer terms.
    // New stores only; no existing row changes.
    version: 5,
    stores: {
      statements: 'id, customerId, status, sentOn',
      paymentPlans: 'id, customerId, status',
      disputes: 'id, customerId, receivableId, status',
      customerTerms: 'customerId',
    },
  },
  {
    // Summaries keep what the escalation ladder reads (CustomerSummary.ladder: the disputed part, the latest attempts
    // and promises), so that the badge and the popup show the side panel's level from the first open after the update.
    version: 7,
    stores: {},
    upgrade: async (tx) => {
      const byCustomer = <T extends { customerId: string }>(rows: T[]) => {
        const m = new Map<string, T[]>();
        for (const r of rows) (m.get(r.customerId) ?? m.set(r.customerId, []).get(r.customerId)!).push(r);
        return m;
      };
      const [ledgers, promises, activities, customers] = await Promise.all([
        tx.table('ledgers').toArray() as Promise<CustomerLedger[]>,
        tx.table('promises').toArray() as Promise<PaymentPromise[]>,
        tx.table('activities').toArray() as Promise<Activity[]>,
        tx.table('customers').toArray() as Promise<Customer[]>,
      ]);
      const ledgerOf = new Map(ledgers.map((l) => [l.customerId, l]));
      const customerOf = new Map(customers.map((c) => [c.id, c]));
      const promisesOf = byCustomer(promises);
      const activitiesOf = byCustomer(activities);
      await tx
        .table('summaries')
        .toCollection()
        .modify((s: { customerId: string; ladder?: unknown }) => {
          const l = ledgerOf.get(s.customerId);
          const items = l ? allocateWithCredit(l.receivables, l.payments).items : [];
          s.ladder = summaryLadderOf({
            disputed: items
              .filter((r) => r.kind === 'invoice' && r.openMinor > 0 && r.disputed)
              .map((r) => ({ dueDate: r.dueDate, currency: r.amount.currency, openMinor: r.openMinor })),
            activities: activitiesOf.get(s.customerId) ?? [],
            promises: promisesOf.get(s.customerId) ?? [],
            delinquencyType: customerOf.get(s.customerId)?.delinquencyType,
          });
        });
    },
  },
  {
    // Team sharing: the outbox of local edits not yet on the server, and what each shared record was there.
    // Existing rows are untouched; turning team mode on sends every record once (lib/sync/engine.ts).
    version: 9,
    stores: { [OUTBOX]: 'id', syncDocs: 'id, db, customerId, owner' },
  },
  {
    // The toolkit's acceptance bills and e-receivable certificates (lib/toolkit/bills.ts), a new store; and the
    // summaries' latest release date of retention money still held (质保金: an optional field of a receivable, inside
    // the ledger records), indexed for the reminders. No row changes: a store written by version 9 holds no
    // retention, so no summary has the field yet.
    version: 10,
    stores: {
      bills: 'id, customerId, paymentId, maturityDate, status',
      summaries: 'customerId, owner, type, oldestOpenDue, nextPromiseDate, limitationDeadline, nextRetentionRelease',
    },
  },
  {
    // A dispute on part of a document holds back only that part (lib/ledger/disputed.ts), and the ladder knows the
    // complaint channel's parties: the summaries of customers with open disputes or complaint terms, and of every
    // covered debtor (government customers), are rewritten with the disputed part and the complaint facts. No
    // store changes; no other row is touched.
    version: 11,
    stores: {},
    upgrade: async (tx) => {
      const [disputes, terms, customers] = await Promise.all([
        tx.table('disputes').where('status').equals('open').toArray() as Promise<Dispute[]>,
        tx.table('customerTerms').toArray() as Promise<CustomerTerms[]>,
        tx.table('customers').toArray() as Promise<Customer[]>,
      ]);
      const disputesOf = new Map<string, Dispute[]>();
      for (const d of disputes)
        (disputesOf.get(d.customerId) ?? disputesOf.set(d.customerId, []).get(d.customerId)!).push(d);
      const termsOf = new Map(terms.map((t) => [t.customerId, t]));
      const customerOf = new Map(customers.map((c) => [c.id, c]));
      const ids = [
        ...new Set([
          ...disputesOf.keys(),
          ...termsOf.keys(),
          ...customers.filter((c) => c.type === 'government').map((c) => c.id),
        ]),
      ];
      if (!ids.length) return;
      const ledgers = new Map(
        ((await tx.table('ledgers').bulkGet(ids)) as Array<CustomerLedger | undefined>)
          .filter((l) => !!l)
          .map((l) => [l!.customerId, l!]),
      );
      let disputedDelta = 0;
      await tx
        .table('summaries')
        .where('customerId')
        .anyOf(ids)
        .modify((s: CustomerSummary) => {
          const customer = customerOf.get(s.customerId);
          const l = ledgers.get(s.customerId);
          if (!customer || !s.ladder) return;
          const items = l ? allocateWithCredit(l.receivables, l.payments).items : [];
          const split = splitDisputed(items, disputesOf.get(s.customerId)).filter((x) => x.disputedMinor > 0);
          const fresh = summaryLadderOf({
            disputed: split.map((x) => ({
              dueDate: x.doc.dueDate,
              currency: x.doc.amount.currency,
              openMinor: x.disputedMinor,
            })),
            activities: [],
            promises: [],
            complaint: { customerType: customer.type, terms: termsOf.get(s.customerId) },
          });
          disputedDelta += split.length - s.disputedCount;
          s.disputedCount = split.length;
          s.ladder = { ...s.ladder, disputedByDue: fresh.disputedByDue };
          if (fresh.complaint) s.ladder.complaint = fresh.complaint;
          else delete s.ladder.complaint;
        });
      // The portfolio aggregate counts disputed documents (lib/db/portfolio.ts): it follows.
      const portfolio = (await tx.table('meta').get('portfolio')) as
        { key: string; value: { disputed?: number } } | undefined;
      if (disputedDelta && portfolio?.value && typeof portfolio.value.disputed === 'number') {
        await tx
          .table('meta')
          .put({ key: 'portfolio', value: { ...portfolio.value, disputed: portfolio.value.disputed + disputedDelta } });
      }
    },
  },
];

export class HuikuanDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  ledgers!: EntityTable<CustomerLedger, 'customerId'>;
  promises!: EntityTable<PaymentPromise, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  profiles!: EntityTable<PaymentProcessProfile, 'customerId'>;
  preparations!: EntityTable<Preparations, 'customerId'>;
  summaries!: EntityTable<CustomerSummary, 'customerId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  imports!: EntityTable<ImportBatchRow, 'id'>;
  trash!: EntityTable<TrashRow, 'id'>;
  syncOutbox!: EntityTable<OutboxRow, 'id'>;
  syncDocs!: EntityTable<SyncDocRow, 'id'>;
  statements!: EntityTable<Statement, 'id'>;
  paymentPlans!: EntityTable<PaymentPlan, 'id'>;
  disputes!: EntityTable<Dispute, 'id'>;
  customerTerms!: EntityTable<CustomerTerms, 'customerId'>;
  bills!: EntityTable<Bill, 'id'>;
  safetyCopies!: EntityTable<SafetyCopyRow, 'id'>;

  /** `upTo` lets the migration tests open the database as an older release would. */
  constructor(name = DB_NAME, upTo = versions[versions.length - 1].version, schema: SchemaVersion[] = versions) {
    super(name);
    for (const v of schema) {
      if (v.version > upTo) break;
      const dv = this.version(v.version).stores(v.stores);
      if (v.upgrade) dv.upgrade(v.upgrade);
    }
    // Every write of a synced record is recorded in the outbox in its own transaction (lib/sync/capture.ts).
    if (schema.some((v) => v.version <= upTo && OUTBOX in v.stores)) this.use(outboxMiddleware());
    // The test build's injected storage-full faults (faultHooks.ts): inert unless armed, which only the test build's
    // pages do.
    this.use(faultMiddleware());
  }
}

/** The toolkit's stores (versions 5 and 10): written in the same transactions as the ledgers they refer to, emptied with them. */
export const toolkitTables = (db: HuikuanDb) =>
  // A database opened at an older version (the migration tests do) has no such stores.
  [db.statements, db.paymentPlans, db.disputes, db.customerTerms, db.bills].filter((t) => !!t);

/**
 * Switches this page (and, through localStorage, every extension page opened or reloaded after it) to a store.
 * The database open here is closed; the next getDb() opens the chosen one.
 */
export function chooseStore(choice: StoreChoice): void {
  const st = pageStorageOf();
  if (choice === 'demo') st?.setItem(STORE_CHOICE_KEY, 'demo');
  else st?.removeItem(STORE_CHOICE_KEY);
  shared?.close();
  shared = undefined;
}

let shared: HuikuanDb | undefined;
/** The database of this extension origin. Content scripts must not call this: their IndexedDB is the page's. */
export function getDb(): HuikuanDb {
  shared ??= new HuikuanDb(storeChoice() === 'demo' ? DEMO_DB_NAME : DB_NAME);
  return shared;
}
/** Tests swap in a fresh database. */
export function setDb(db: HuikuanDb | undefined): void {
  shared = db;
}
