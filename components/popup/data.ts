/**
 * What the popup reads, all of it bounded: the portfolio aggregate (one row), the cached worklist (one row),
 * index range queries for "today", and — only after the first paint, and only when the cache is stale — one pass
 * over the customer summaries to re-rank the worklist.
 *
 * The worklist cache lives in db.meta under 'worklist': { dataVersion, asOf, settingsKey, rows (top 100) }. It is
 * fresh while the store's data version, the day and the settings that change scores are the same as when it was
 * ranked. Writing it does not bump the data version (it goes straight to db.meta, not through writeTx).
 */
import type { Customer, CustomerSummary, Money, Settings } from '@/lib/domain';
import type { HuikuanDb } from '@/lib/db/schema';
import { getDataVersion, loadAccountRows } from '@/lib/db/repo';
import { worklistStep, type WorklistStep } from '@/lib/worklist/step';
import { addDays } from '@/lib/ledger/dates';
import { type WorklistFilter, type WorklistOptions, type WorklistRow, rankWorklist } from '@/lib/worklist';
import { CADENCE_CACHE_KEY, type CadenceCache, computeCadenceDrafts } from './cadence';

export const WORKLIST_CACHE_KEY = 'worklist';
export const WORKLIST_LIMIT = 100;

export interface WorklistEntry extends WorklistRow {
  name: string;
  /** The customer's CRM record, when one of its links has a URL. */
  crmUrl?: string;
  /** What to do next, from the same playbook function as the side panel's next-step card. */
  step?: WorklistStep;
}

export interface WorklistCache {
  dataVersion: number;
  asOf: string;
  settingsKey: string;
  rows: WorklistEntry[];
}

export function worklistOptions(settings: Settings): WorklistOptions {
  return {
    baseCurrency: settings.baseCurrency,
    fxRates: settings.fxRates,
    promiseGraceDays: settings.promiseGraceDays,
    limitationWarnDays: settings.limitationWarnDays,
    ladder: settings,
  };
}

/** The settings that change scores or steps (our SME status offers the complaint step); a different key makes the cache stale. */
export function worklistSettingsKey(settings: Settings): string {
  // The cadence drafts (cadence.ts) are refreshed with the worklist: their schedules and our company's name, bank
  // account and signature (in every script) are part of the key.
  return JSON.stringify([
    settings.baseCurrency,
    settings.fxRates,
    settings.promiseGraceDays,
    settings.limitationWarnDays,
    settings.ladderDays,
    settings.attitude,
    settings.ladderClimb,
    settings.smeCreditor,
    settings.cadences,
    settings.ourCompany,
  ]);
}

export async function readWorklistCache(db: HuikuanDb): Promise<WorklistCache | undefined> {
  const row = await db.meta.get(WORKLIST_CACHE_KEY);
  const v = row?.value as WorklistCache | undefined;
  return v && Array.isArray(v.rows) ? v : undefined;
}

export function isCacheFresh(
  cache: WorklistCache | undefined,
  dataVersion: number,
  asOf: string,
  settingsKey: string,
): boolean {
  return !!cache && cache.dataVersion === dataVersion && cache.asOf === asOf && cache.settingsKey === settingsKey;
}

export function crmUrlOf(c: Pick<Customer, 'crmLinks'> | undefined): string | undefined {
  return c?.crmLinks.find((l) => l.url && /^https?:\/\//i.test(l.url))?.url;
}

async function withNames(db: HuikuanDb, rows: WorklistRow[]): Promise<WorklistEntry[]> {
  const customers = await db.customers.bulkGet(rows.map((r) => r.customerId));
  return rows.map((r, i) => {
    const c = customers[i];
    const e: WorklistEntry = { ...r, name: c?.name ?? r.customerId };
    const url = crmUrlOf(c);
    if (url) e.crmUrl = url;
    return e;
  });
}

/**
 * Ranks the worklist from the summaries. Owner and type filters use the summaries' indexes; without a filter every
 * summary is read once (10,000 summaries: tens of milliseconds, which is why the popup shows the cache first).
 */
export async function computeWorklist(
  db: HuikuanDb,
  asOf: string,
  settings: Settings,
  filter: WorklistFilter = {},
  limit = WORKLIST_LIMIT,
): Promise<{ rows: WorklistEntry[]; dataVersion: number }> {
  return db
    .transaction('r', [db.summaries, db.customers, db.meta], async () => {
      const dataVersion = await getDataVersion(db);
      let summaries: CustomerSummary[];
      if (filter.owner) summaries = await db.summaries.where('owner').equals(filter.owner).toArray();
      else if (filter.type) summaries = await db.summaries.where('type').equals(filter.type).toArray();
      else summaries = await db.summaries.toArray();
      const rows = rankWorklist(summaries, asOf, worklistOptions(settings), limit, filter);
      return { rows: await withNames(db, rows), dataVersion };
    })
    .then(async (r) => ({ ...r, rows: await withSteps(db, r.rows, asOf) }));
}

/**
 * Each row's step, account by account (index lookups), after the ranking: only the rows kept (at most
 * WORKLIST_LIMIT) are read, and a fresh cache is never re-read for them.
 */
async function withSteps(db: HuikuanDb, rows: WorklistEntry[], asOf: string): Promise<WorklistEntry[]> {
  const out: WorklistEntry[] = [];
  for (const r of rows) {
    const account = await loadAccountRows(db, r.customerId);
    out.push(account ? { ...r, step: worklistStep(account, asOf) } : r);
  }
  return out;
}

/** Re-ranks and stores the cache, then today's cadence drafts under the same key (cadence.ts); returns the worklist. */
export async function refreshWorklistCache(db: HuikuanDb, asOf: string, settings: Settings): Promise<WorklistCache> {
  const { rows, dataVersion } = await computeWorklist(db, asOf, settings);
  const settingsKey = worklistSettingsKey(settings);
  const cache: WorklistCache = { dataVersion, asOf, settingsKey, rows };
  await db.meta.put({ key: WORKLIST_CACHE_KEY, value: cache });
  // The drafts after the rows are shown: the worklist does not wait for them.
  const cadence: CadenceCache = {
    dataVersion,
    asOf,
    settingsKey,
    drafts: await computeCadenceDrafts(db, asOf, settings),
  };
  await db.meta.put({ key: CADENCE_CACHE_KEY, value: cadence });
  return cache;
}

/** The cached worklist when fresh, else a freshly ranked one (for exports, which want the true list). */
export async function currentWorklist(db: HuikuanDb, asOf: string, settings: Settings): Promise<WorklistEntry[]> {
  const [cache, version] = await Promise.all([readWorklistCache(db), getDataVersion(db)]);
  if (cache && isCacheFresh(cache, version, asOf, worklistSettingsKey(settings))) return cache.rows;
  return (await refreshWorklistCache(db, asOf, settings)).rows;
}

export type TodayKind = 'promiseToday' | 'promiseWeek' | 'promiseBroken' | 'stepDue' | 'limitation';
export interface TodayItem {
  kind: TodayKind;
  customerId: string;
  name: string;
  date: string;
  amount?: Money;
  id: string;
}
export type TodayData = Record<TodayKind, TodayItem[]>;

export const TODAY_LOOKBACK_DAYS = 30;
const TODAY_LIMIT = 200;

/**
 * "Today": promises due today and in the next six days, promises broken in the last 30 days, next steps planned
 * for today or earlier and not yet followed by a logged activity, limitation deadlines inside the warning window.
 * Every query is a bounded index range.
 */
export async function loadToday(db: HuikuanDb, asOf: string, warnDays: number): Promise<TodayData> {
  return db.transaction('r', [db.promises, db.activities, db.summaries, db.customers], async () => {
    const [pending, broken, steps, limits] = await Promise.all([
      db.promises
        .where('[status+date]')
        .between(['pending', asOf], ['pending', addDays(asOf, 6)], true, true)
        .limit(TODAY_LIMIT)
        .toArray(),
      db.promises
        .where('[status+date]')
        .between(['broken', addDays(asOf, -TODAY_LOOKBACK_DAYS)], ['broken', asOf], true, true)
        .limit(TODAY_LIMIT)
        .toArray(),
      db.activities
        .where('nextDate')
        .between(addDays(asOf, -TODAY_LOOKBACK_DAYS), asOf, true, true)
        .limit(TODAY_LIMIT)
        .toArray(),
      db.summaries
        .where('limitationDeadline')
        .between(asOf, addDays(asOf, warnDays), true, true)
        .limit(TODAY_LIMIT)
        .toArray(),
    ]);
    const ids = [
      ...new Set([...pending, ...broken, ...steps].map((r) => r.customerId).concat(limits.map((s) => s.customerId))),
    ];
    const [customers, stepSummaries] = await Promise.all([
      db.customers.bulkGet(ids),
      db.summaries.bulkGet([...new Set(steps.map((a) => a.customerId))]),
    ]);
    const name = new Map(ids.map((id, i) => [id, customers[i]?.name ?? id]));
    const lastAct = new Map(
      stepSummaries.filter((s): s is CustomerSummary => !!s).map((s) => [s.customerId, s.lastActivityDate]),
    );
    const byDate = (a: TodayItem, b: TodayItem) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name);
    const out: TodayData = { promiseToday: [], promiseWeek: [], promiseBroken: [], stepDue: [], limitation: [] };
    for (const p of pending) {
      const item = {
        kind: p.date === asOf ? 'promiseToday' : 'promiseWeek',
        customerId: p.customerId,
        name: name.get(p.customerId)!,
        date: p.date,
        amount: p.amount,
        id: p.id,
      } as TodayItem;
      out[item.kind].push(item);
    }
    for (const p of broken) {
      out.promiseBroken.push({
        kind: 'promiseBroken',
        customerId: p.customerId,
        name: name.get(p.customerId)!,
        date: p.date,
        amount: p.amount,
        id: p.id,
      });
    }
    // A planned step is done once an activity was logged on or after its date.
    const seen = new Set<string>();
    for (const a of steps.sort((x, y) => (x.nextDate! < y.nextDate! ? 1 : -1))) {
      const last = lastAct.get(a.customerId);
      if (last && last >= a.nextDate!) continue;
      if (seen.has(a.customerId)) continue;
      seen.add(a.customerId);
      out.stepDue.push({
        kind: 'stepDue',
        customerId: a.customerId,
        name: name.get(a.customerId)!,
        date: a.nextDate!,
        id: a.id,
      });
    }
    for (const s of limits) {
      if (s.openCount <= 0) continue;
      out.limitation.push({
        kind: 'limitation',
        customerId: s.customerId,
        name: name.get(s.customerId)!,
        date: s.limitationDeadline!,
        id: s.customerId,
      });
    }
    for (const k of Object.keys(out) as TodayKind[]) out[k].sort(byDate);
    return out;
  });
}

/** Owners present in the store (index keys only) plus the configured owner name. */
export async function loadOwners(db: HuikuanDb, settings: Settings): Promise<string[]> {
  const keys = (await db.summaries.orderBy('owner').uniqueKeys()) as string[];
  const set = new Set(keys.filter((k) => typeof k === 'string' && k));
  if (settings.owner) set.add(settings.owner);
  return [...set].sort((a, b) => a.localeCompare(b));
}
