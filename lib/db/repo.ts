/**
 * Every write to the store goes through here, so that the per-customer summaries and the portfolio aggregate
 * are kept true in the same transaction as the records they summarise.
 */
import type { Transaction } from 'dexie';
import {
  type AccountSnapshot,
  type Activity,
  type Contact,
  type Customer,
  type CustomerSummary,
  type Payment,
  type PaymentPromise,
  type PaymentProcessProfile,
  type Preparations,
  type Receivable,
  type Settings,
  defaultSettings,
  newId,
  settingsSchema,
  toIsoDay,
} from '../domain';
import { summarizeCustomer } from '../ledger';
import { evaluatePromises } from '../promises';
import type { Bill, CustomerTerms, Dispute, PaymentPlan, Statement } from '../toolkit/records';
import {
  type CustomerLedger,
  type HuikuanDb,
  type TrashKind,
  type TrashRow,
  toolkitTables,
  userTables,
} from './schema';
import { allDocuments, findReceivables, putDocuments, receivablesOf, removeDocuments } from './ledgers';
import { type PortfolioAggregate, applySummaryDelta, emptyPortfolio } from './portfolio';
import { afterBulkWrites } from './bulkWrite';

const SETTINGS_KEY = 'settings';
const PORTFOLIO_KEY = 'portfolio';
const DATA_VERSION_KEY = 'dataVersion';
/** Above this many customers a refresh reads whole tables once instead of querying per customer (unless its caller
 * says what it holds: see PreloadedRows). */
const BULK_THRESHOLD = 200;

export async function getSettings(db: HuikuanDb): Promise<Settings> {
  const row = await db.meta.get(SETTINGS_KEY);
  const parsed = settingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : defaultSettings();
}

/** A settings patch; "our company" is patched field by field (two fields saved apart never undo each other). */
export type SettingsPatch = Omit<Partial<Settings>, 'ourCompany'> & { ourCompany?: Partial<Settings['ourCompany']> };

/** Two patches as one: the later wins field by field, "our company" merged by its own fields. */
export function mergeSettingsPatch(a: SettingsPatch, b: SettingsPatch): SettingsPatch {
  const out: SettingsPatch = { ...a, ...b };
  if (a.ourCompany || b.ourCompany) out.ourCompany = { ...a.ourCompany, ...b.ourCompany };
  return out;
}

/**
 * Patches the settings as stored at the moment of the write, in one transaction (after any bulk write in
 * progress: a restore also writes them).
 */
export async function saveSettings(db: HuikuanDb, patch: SettingsPatch): Promise<Settings> {
  return afterBulkWrites(() =>
    db.transaction('rw', db.meta, async () => {
      const current = await getSettings(db);
      const next = settingsSchema.parse({
        ...current,
        ...patch,
        ourCompany: { ...current.ourCompany, ...patch.ourCompany },
      });
      await db.meta.put({ key: SETTINGS_KEY, value: next });
      return next;
    }),
  );
}

export async function getPortfolio(db: HuikuanDb): Promise<PortfolioAggregate> {
  const row = await db.meta.get(PORTFOLIO_KEY);
  return (row?.value as PortfolioAggregate | undefined) ?? emptyPortfolio();
}

/** Bumped on every write; caches (the worklist) compare against it. */
export async function getDataVersion(db: HuikuanDb): Promise<number> {
  return ((await db.meta.get(DATA_VERSION_KEY))?.value as number | undefined) ?? 0;
}

interface CustomerRows {
  customer: Customer;
  receivables: Receivable[];
  payments: Payment[];
  promises: PaymentPromise[];
  activities: Activity[];
  profile?: PaymentProcessProfile;
  /** Open disputes on part of a document, and the complaint terms: the summary's disputed part and complaint facts. */
  disputes?: Dispute[];
  terms?: CustomerTerms;
}

function monthTuples(entries: Array<[string, string, number]>): Array<[string, string, number]> {
  const m = new Map<string, number>();
  for (const [date, cur, minor] of entries) {
    const k = `${date.slice(0, 7)}|${cur}`;
    m.set(k, (m.get(k) ?? 0) + minor);
  }
  return [...m]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, minor]) => {
      const [month, cur] = k.split('|');
      return [month, cur, minor];
    });
}

export function computeSummary(rows: CustomerRows, settings: Settings, asOf: string, now: number): CustomerSummary {
  const base = summarizeCustomer({ ...rows, settings, asOf });
  return {
    ...base,
    salesByMonth: monthTuples(
      rows.receivables
        .filter((r) => r.kind === 'invoice' && r.status !== 'cancelled')
        .map((r) => [r.issueDate, r.amount.currency, r.amount.minor]),
    ),
    collectedByMonth: monthTuples(rows.payments.map((p) => [p.date, p.amount.currency, p.amount.minor])),
    updatedAt: now,
  };
}

/** Every table a whole-store write touches (replace, import undo, restore): one list, so nested transactions agree. */
export const writeTables = (db: HuikuanDb) => [
  db.customers,
  db.contacts,
  db.ledgers,
  db.promises,
  db.activities,
  db.profiles,
  db.preparations,
  db.summaries,
  db.meta,
  db.imports,
  db.trash,
  ...toolkitTables(db),
];

/**
 * Runs `fn` in one read-write transaction over every table, then refreshes what it touched. A single-record write:
 * it waits for a bulk write in progress (an import, a restore) and is applied after it (lib/db/bulkWrite).
 */
export async function writeTx<T>(
  db: HuikuanDb,
  fn: (touch: (customerId: string) => void, tx: Transaction) => Promise<T>,
  now: Date,
): Promise<T> {
  return afterBulkWrites(() =>
    db.transaction('rw', writeTables(db), async (tx) => {
      const touched = new Set<string>();
      const result = await fn((id) => touched.add(id), tx);
      if (touched.size) await refreshCustomers(db, [...touched], now);
      return result;
    }),
  );
}

/**
 * What a caller of a refresh already knows, in the same transaction: ledgers it has just written, and which
 * customers have a summary (readSummarised). A customer without one has no promise, activity or profile either —
 * every write of those goes through writeTx, which writes the customer's summary in the same transaction — so the
 * customers an import has just created cost no query of those tables.
 */
export interface PreloadedRows {
  ledgers?: ReadonlyMap<string, CustomerLedger>;
  summarised?: ReadonlySet<string>;
  /**
   * Read only these customers' rows, however many: never whole tables. A caller refreshing a page of a much larger
   * store (a sync page touching 500 customers of 10,000) sets it; reading every ledger, promise and activity for
   * each page would make the whole pass quadratic in the store.
   */
  bounded?: boolean;
}

/** The customers that have a summary, from the keys alone (one request, no row decoded). */
export async function readSummarised(db: HuikuanDb): Promise<Set<string>> {
  return new Set((await db.summaries.toCollection().primaryKeys()) as string[]);
}

async function loadRows(
  db: HuikuanDb,
  ids: string[],
  pre?: PreloadedRows,
): Promise<Map<string, CustomerRows | undefined>> {
  const out = new Map<string, CustomerRows | undefined>();
  // Many customers and nothing preloaded: whole tables at once (a rebuild, a restore). A caller that preloads, or
  // asks for `bounded` (a sync page in a large store), reads these customers' rows only.
  if (ids.length > BULK_THRESHOLD && !pre) {
    const idSet = new Set(ids);
    const group = <T extends { customerId: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows)
        if (idSet.has(r.customerId)) (m.get(r.customerId) ?? m.set(r.customerId, []).get(r.customerId)!).push(r);
      return m;
    };
    const [customers, docs, proms, acts, profiles, disputes, terms] = await Promise.all([
      db.customers.bulkGet(ids),
      allDocuments(db),
      db.promises.toArray(),
      db.activities.toArray(),
      db.profiles.bulkGet(ids),
      db.disputes ? db.disputes.where('status').equals('open').toArray() : [],
      db.customerTerms ? db.customerTerms.toArray() : [],
    ]);
    const [r, p, pr, a, d] = [
      group(docs.receivables),
      group(docs.payments),
      group(proms),
      group(acts),
      group(disputes),
    ];
    const termsOf = new Map(terms.map((t) => [t.customerId, t]));
    ids.forEach((id, i) => {
      const customer = customers[i];
      out.set(
        id,
        customer && {
          customer,
          receivables: r.get(id) ?? [],
          payments: p.get(id) ?? [],
          promises: pr.get(id) ?? [],
          activities: a.get(id) ?? [],
          profile: profiles[i] ?? undefined,
          disputes: d.get(id) ?? [],
          terms: termsOf.get(id),
        },
      );
    });
    return out;
  }
  // All customers' requests at once: IndexedDB pipelines them, where one customer after another waits each time.
  // The toolkit's disputes and terms are few: one request each for all of these customers.
  const asked = pre?.summarised ? ids.filter((id) => pre.summarised!.has(id)) : ids;
  const [disputes, terms] = await Promise.all([
    db.disputes && asked.length ? db.disputes.where('customerId').anyOf(asked).toArray() : [],
    db.customerTerms && asked.length ? db.customerTerms.bulkGet(asked) : [],
  ]);
  const disputesOf = new Map<string, Dispute[]>();
  for (const d of disputes)
    (disputesOf.get(d.customerId) ?? disputesOf.set(d.customerId, []).get(d.customerId)!).push(d);
  const termsOf = new Map(
    (terms as Array<CustomerTerms | undefined>)
      .filter((t): t is CustomerTerms => !!t)
      .map((t) => [t.customerId, t] as const),
  );
  const loaded = await Promise.all(
    ids.map(async (id) => {
      // No summary: nothing in the related tables (see PreloadedRows).
      const bare = pre?.summarised ? !pre.summarised.has(id) : false;
      const [customer, ledger, promises, activities, profile] = await Promise.all([
        db.customers.get(id),
        pre?.ledgers?.get(id) ?? db.ledgers.get(id),
        bare ? [] : db.promises.where('customerId').equals(id).toArray(),
        bare ? [] : db.activities.where('customerId').equals(id).toArray(),
        bare ? undefined : db.profiles.get(id),
      ]);
      return customer
        ? {
            customer,
            receivables: ledger?.receivables ?? [],
            payments: ledger?.payments ?? [],
            promises,
            activities,
            profile,
            disputes: disputesOf.get(id) ?? [],
            terms: termsOf.get(id),
          }
        : undefined;
    }),
  );
  ids.forEach((id, i) => out.set(id, loaded[i]));
  return out;
}

/**
 * Re-evaluates promises against payments, recomputes the customers' summaries and applies the difference to the
 * portfolio aggregate. Must run inside a transaction covering every table (writeTx does that). `preloaded` holds rows
 * the caller read or wrote in this same transaction, used instead of reading them again.
 */
export async function refreshCustomers(
  db: HuikuanDb,
  ids: string[],
  now: Date,
  preloaded?: PreloadedRows,
): Promise<void> {
  const settings = await getSettings(db);
  const asOf = toIsoDay(now);
  const rowsById = await loadRows(db, ids, preloaded);
  const has = preloaded?.summarised;
  const stored = has ? ids.filter((id) => has.has(id)) : ids;
  const found = new Map((await db.summaries.bulkGet(stored)).filter((x) => !!x).map((x) => [x.customerId, x]));
  const prevSummaries = ids.map((id) => found.get(id));
  const portfolio = await getPortfolio(db);
  const nextSummaries: CustomerSummary[] = [];
  const changedPromises: PaymentPromise[] = [];
  ids.forEach((id, i) => {
    const rows = rowsById.get(id);
    const prev = prevSummaries[i] ?? undefined;
    if (!rows) {
      applySummaryDelta(portfolio, prev, undefined);
      return;
    }
    const evaluated = evaluatePromises(rows.promises, rows.payments, asOf, settings.promiseGraceDays);
    rows.promises = evaluated.map((e) => e.promise);
    for (const e of evaluated) if (e.changed) changedPromises.push({ ...e.promise, updatedAt: now.getTime() });
    const next = computeSummary(rows, settings, asOf, now.getTime());
    applySummaryDelta(portfolio, prev, next);
    nextSummaries.push(next);
  });
  const gone = ids.filter((id) => !rowsById.get(id));
  if (gone.length) await db.summaries.bulkDelete(gone);
  if (nextSummaries.length) await db.summaries.bulkPut(nextSummaries);
  if (changedPromises.length) await db.promises.bulkPut(changedPromises);
  await db.meta.put({ key: PORTFOLIO_KEY, value: portfolio });
  await db.meta.put({ key: DATA_VERSION_KEY, value: (await getDataVersion(db)) + 1 });
}

/** Recomputes every summary and the aggregate from scratch (after a restore, a seed, or a new day). */
export async function rebuildAllSummaries(db: HuikuanDb, now: Date): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    await db.summaries.clear();
    await db.meta.put({ key: PORTFOLIO_KEY, value: emptyPortfolio() });
    const ids = (await db.customers.toCollection().primaryKeys()) as string[];
    await refreshCustomers(db, ids, now);
  });
}

export async function putCustomer(db: HuikuanDb, customer: Customer, now: Date): Promise<void> {
  await writeTx(
    db,
    async (touch) => {
      await db.customers.put(customer);
      touch(customer.id);
    },
    now,
  );
}
export async function putContact(db: HuikuanDb, contact: Contact): Promise<void> {
  await afterBulkWrites(() => db.contacts.put(contact));
}
export async function putReceivable(db: HuikuanDb, r: Receivable, now: Date): Promise<void> {
  await writeTx(
    db,
    async (touch) => {
      await putDocuments(db, { receivables: [r] }, now.getTime());
      touch(r.customerId);
    },
    now,
  );
}
export async function putPayment(db: HuikuanDb, p: Payment, now: Date): Promise<void> {
  await writeTx(
    db,
    async (touch) => {
      await putDocuments(db, { payments: [p] }, now.getTime());
      touch(p.customerId);
    },
    now,
  );
}
export async function putPromise(db: HuikuanDb, p: PaymentPromise, now: Date): Promise<void> {
  await writeTx(
    db,
    async (touch) => {
      await db.promises.put(p);
      touch(p.customerId);
    },
    now,
  );
}
export async function putProfile(db: HuikuanDb, p: PaymentProcessProfile, now: Date): Promise<void> {
  await writeTx(
    db,
    async (touch) => {
      await db.profiles.put(p);
      touch(p.customerId);
    },
    now,
  );
}
export async function putPreparations(db: HuikuanDb, p: Preparations): Promise<void> {
  await afterBulkWrites(() => db.preparations.put(p));
}

/** Channels whose message, kept as evidence, is a creditor's demand that interrupts limitation (art. 195). */
const demandChannels = new Set(['written-notice', 'finance-letter', 'lawyer-letter', 'email', 'statement']);

/**
 * The attempts the five preparations are made for: a visit (evidence, reconciliation, key person, the
 * unannounced visit) and a letter (the statement, the finance and the lawyer's letter). A call or an email does
 * not use them up, so they stay ticked for the visit or letter still to come.
 */
export const preparationChannels: ReadonlySet<Activity['channel']> = new Set([
  'visit',
  'written-notice',
  'finance-letter',
  'lawyer-letter',
  'statement',
]);

/** What a logged attempt changed, so that its undo puts exactly that back. */
export interface LoggedAttempt {
  activity: Activity;
  preparationsBefore?: Preparations;
}

/**
 * Logs an attempt. A visit or a letter uses the five preparations: the activity keeps which were ticked and they
 * reset for the next one; other attempts leave them. A demand kept with evidence restarts the limitation period
 * of the receivables it names (all open ones when it names none).
 */
export async function addActivity(db: HuikuanDb, activity: Activity, now: Date): Promise<LoggedAttempt> {
  return writeTx(
    db,
    async (touch) => {
      const preparationsBefore = await db.preparations.get(activity.customerId);
      let logged = activity;
      if (preparationChannels.has(activity.channel)) {
        logged = { ...activity, preparationsUsed: activity.preparationsUsed ?? preparationsBefore?.checked ?? [] };
        await db.preparations.put({ customerId: activity.customerId, checked: [], updatedAt: activity.createdAt });
      }
      await db.activities.put(logged);
      if (activity.evidence && demandChannels.has(activity.channel)) {
        const targets = await demandTargets(db, activity);
        const kind = activity.channel === 'statement' ? 'sealed-confirmation' : 'demand-with-evidence';
        await putDocuments(
          db,
          {
            receivables: targets.map((r) => ({
              ...r,
              interruptions: [...r.interruptions, { date: activity.date, kind, evidence: activity.evidence }],
              updatedAt: activity.createdAt,
            })),
          },
          now.getTime(),
        );
      }
      touch(activity.customerId);
      return { activity: logged, preparationsBefore };
    },
    now,
  );
}

async function demandTargets(db: HuikuanDb, activity: Activity): Promise<Receivable[]> {
  return activity.receivableIds.length
    ? findReceivables(db, activity.customerId, activity.receivableIds)
    : (await receivablesOf(db, activity.customerId)).filter((r) => r.status === 'open');
}

/**
 * Undoes a logged attempt: the activity goes, the preparations are as they were before it, and an interruption
 * it added (a demand with evidence) is taken off again.
 */
export async function undoActivity(db: HuikuanDb, logged: LoggedAttempt, now: Date): Promise<void> {
  const { activity, preparationsBefore } = logged;
  await writeTx(
    db,
    async (touch) => {
      await db.activities.delete(activity.id);
      if (preparationChannels.has(activity.channel)) {
        if (preparationsBefore) await db.preparations.put(preparationsBefore);
        else await db.preparations.delete(activity.customerId);
      }
      if (activity.evidence && demandChannels.has(activity.channel)) {
        const kind = activity.channel === 'statement' ? 'sealed-confirmation' : 'demand-with-evidence';
        const targets = await demandTargets(db, activity);
        await putDocuments(
          db,
          {
            receivables: targets.map((r) => {
              const i = r.interruptions.findLastIndex(
                (x) => x.date === activity.date && x.kind === kind && x.evidence === activity.evidence,
              );
              return i < 0
                ? r
                : { ...r, interruptions: r.interruptions.filter((_, j) => j !== i), updatedAt: now.getTime() };
            }),
          },
          now.getTime(),
        );
      }
      touch(activity.customerId);
    },
    now,
  );
}

/** Everything the side panel and the playbook need for one customer, by index lookups only. */
export async function loadAccountRows(
  db: HuikuanDb,
  customerId: string,
): Promise<
  | (Omit<AccountSnapshot, 'receivables' | 'disputes' | 'terms'> & {
      receivables: Receivable[];
      summary?: CustomerSummary;
      disputes: Dispute[];
      terms?: CustomerTerms;
    })
  | undefined
> {
  return db.transaction(
    'r',
    [
      db.customers,
      db.contacts,
      db.ledgers,
      db.promises,
      db.activities,
      db.profiles,
      db.preparations,
      db.summaries,
      db.meta,
      ...toolkitTables(db),
    ],
    async () => {
      const customer = await db.customers.get(customerId);
      if (!customer) return undefined;
      const [contacts, ledger, promises, activities, profile, preparations, summary, settings, disputes, terms] =
        await Promise.all([
          db.contacts.where('customerId').equals(customerId).toArray(),
          db.ledgers.get(customerId),
          db.promises.where('customerId').equals(customerId).toArray(),
          db.activities
            .where('[customerId+date]')
            .between([customerId, ''], [customerId, '\uffff'])
            .reverse()
            .toArray(),
          db.profiles.get(customerId),
          db.preparations.get(customerId),
          db.summaries.get(customerId),
          getSettings(db),
          db.disputes ? db.disputes.where('customerId').equals(customerId).toArray() : [],
          db.customerTerms ? db.customerTerms.get(customerId) : undefined,
        ]);
      return {
        customer,
        contacts,
        receivables: ledger?.receivables ?? [],
        payments: ledger?.payments ?? [],
        promises,
        activities,
        profile,
        preparations,
        summary,
        settings,
        disputes,
        ...(terms ? { terms } : {}),
      };
    },
  );
}

type TrashableTable = 'customers' | 'contacts' | 'receivables' | 'payments' | 'promises' | 'activities';

/**
 * Deletes records and keeps them in the trash so the deletion can be undone. Deleting a customer takes its
 * contacts, receivables, payments, promises, activities, profile and preparations with it. Receivables and payments
 * live in their customer's ledger, so deleting them names that customer (`customerId`).
 */
export async function deleteRecords(
  db: HuikuanDb,
  table: TrashableTable,
  ids: string[],
  label: string,
  now: Date,
  customerId?: string,
): Promise<string> {
  const trashId = newId('t');
  await writeTx(
    db,
    async (touch) => {
      const rows: TrashRow['rows'] = {};
      const customerIds = new Set<string>();
      if (table === 'customers') {
        const customers = (await db.customers.bulkGet(ids)).filter((c): c is Customer => !!c);
        rows.customers = customers;
        for (const t of ['contacts', 'promises', 'activities'] as const) {
          const found = await db[t].where('customerId').anyOf(ids).toArray();
          rows[t] = found;
          await db[t].bulkDelete(found.map((r) => r.id));
        }
        const ledgers = (await db.ledgers.bulkGet(ids)).filter((l) => !!l);
        rows.receivables = ledgers.flatMap((l) => l.receivables);
        rows.payments = ledgers.flatMap((l) => l.payments);
        await db.ledgers.bulkDelete(ids);
        rows.profiles = (await db.profiles.bulkGet(ids)).filter(Boolean);
        rows.preparations = (await db.preparations.bulkGet(ids)).filter(Boolean);
        await db.profiles.bulkDelete(ids);
        await db.preparations.bulkDelete(ids);
        await db.customers.bulkDelete(ids);
        ids.forEach((id) => customerIds.add(id));
      } else if (table === 'receivables' || table === 'payments') {
        if (!customerId) throw new Error(`deleting ${table} needs the customer whose ledger holds them`);
        const removed = await removeDocuments(db, [customerId], ids, now.getTime());
        rows[table] = removed[table];
        for (const r of removed[table]) customerIds.add(r.customerId);
      } else {
        const found = (await db[table].bulkGet(ids)).filter((r): r is NonNullable<typeof r> => !!r);
        rows[table] = found;
        for (const r of found) customerIds.add(r.customerId);
        await db[table].bulkDelete(ids);
      }
      await db.trash.put({ id: trashId, at: now.getTime(), label, customerIds: [...customerIds], rows });
      customerIds.forEach(touch);
    },
    now,
  );
  return trashId;
}

export async function undoDelete(db: HuikuanDb, trashId: string, now: Date): Promise<boolean> {
  return writeTx(
    db,
    async (touch) => {
      const entry = await db.trash.get(trashId);
      if (!entry) return false;
      for (const [kind, rows] of Object.entries(entry.rows) as Array<[TrashKind, unknown[]]>) {
        if (kind === 'receivables') await putDocuments(db, { receivables: rows as Receivable[] }, now.getTime());
        else if (kind === 'payments') await putDocuments(db, { payments: rows as Payment[] }, now.getTime());
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows came out of this very table
        else await (db[kind] as any).bulkPut(rows);
      }
      await db.trash.delete(trashId);
      entry.customerIds.forEach(touch);
      return true;
    },
    now,
  );
}
/** The stores that hold records as they are, one record each (receivables and payments live in ledgers). */
const plainTables = ['customers', 'contacts', 'promises', 'activities', 'profiles', 'preparations'] as const;

export interface StoreContents {
  customers: Customer[];
  contacts: Contact[];
  receivables: Receivable[];
  payments: Payment[];
  promises: PaymentPromise[];
  activities: Activity[];
  profiles: PaymentProcessProfile[];
  preparations: Preparations[];
  /** The toolkit's records (schema versions 5 and 10); absent means none (the demo, backups made before them). */
  statements?: Statement[];
  paymentPlans?: PaymentPlan[];
  disputes?: Dispute[];
  customerTerms?: CustomerTerms[];
  bills?: Bill[];
}

const toolkitKinds = ['statements', 'paymentPlans', 'disputes', 'customerTerms', 'bills'] as const;

/**
 * Replaces every user record in one transaction (restore, demo load). If anything throws, IndexedDB rolls the
 * whole transaction back and the store is exactly as before.
 */
export async function replaceAll(
  db: HuikuanDb,
  data: StoreContents,
  now: Date,
  beforeCommit?: () => void | Promise<void>,
): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    for (const t of userTables) await db[t].clear();
    for (const t of toolkitTables(db)) await t.clear();
    await db.summaries.clear();
    await db.imports.clear();
    await db.trash.clear();
    await db.meta.put({ key: PORTFOLIO_KEY, value: emptyPortfolio() });
    for (const t of plainTables) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each array belongs to its own table
      await (db[t] as any).bulkAdd(data[t]);
    }
    await putDocuments(db, { receivables: data.receivables, payments: data.payments }, now.getTime());
    for (const t of toolkitKinds) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each array belongs to its own table
      if (data[t]?.length) await (db[t] as any).bulkAdd(data[t]);
    }
    await refreshCustomers(
      db,
      data.customers.map((c) => c.id),
      now,
    );
    await beforeCommit?.();
  });
}

/** Reads every user record, for backup. */
export async function readAll(db: HuikuanDb): Promise<StoreContents> {
  return db.transaction('r', [...userTables.map((t) => db[t]), ...toolkitTables(db)], async () => {
    const [
      [customers, contacts, promises, activities, profiles, preparations],
      { receivables, payments },
      [statements, paymentPlans, disputes, customerTerms, bills],
    ] = await Promise.all([
      Promise.all(plainTables.map((t) => db[t].toArray())),
      allDocuments(db),
      Promise.all([
        db.statements.toArray(),
        db.paymentPlans.toArray(),
        db.disputes.toArray(),
        db.customerTerms.toArray(),
        db.bills.toArray(),
      ]),
    ]);
    return {
      customers,
      contacts,
      receivables,
      payments,
      promises,
      activities,
      profiles,
      preparations,
      statements,
      paymentPlans,
      disputes,
      customerTerms,
      bills,
    } as StoreContents;
  });
}

/** Empties the store (the options page goes through lib/db/replace deleteAllData, which keeps a safety copy). */
export async function wipeAll(db: HuikuanDb, now: Date): Promise<void> {
  await replaceAll(
    db,
    {
      customers: [],
      contacts: [],
      receivables: [],
      payments: [],
      promises: [],
      activities: [],
      profiles: [],
      preparations: [],
    },
    now,
  );
}

/**
 * Promises turn broken by the passing of time, not only by writes: the hourly alarm re-evaluates the customers
 * whose pending promises are past their date plus grace (an index range, not a scan).
 */
export async function refreshDuePromises(db: HuikuanDb, now: Date): Promise<number> {
  const settings = await getSettings(db);
  const d = new Date(now);
  d.setDate(d.getDate() - settings.promiseGraceDays);
  const cutoff = toIsoDay(d);
  const due = await db.promises
    .where('[status+date]')
    .between(['pending', ''], ['pending', cutoff], true, false)
    .toArray();
  const ids = [...new Set(due.map((p) => p.customerId))];
  if (ids.length) await writeTx(db, async (touch) => ids.forEach(touch), now);
  return ids.length;
}
