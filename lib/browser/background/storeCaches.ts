/**
 * What every page request needs from the store, held in the worker and kept current from Dexie's change notices
 * (every context's writes reach this worker), so a page's request never waits for a rebuild: the customer
 * matcher, the badge's figures per summary, the settings, and the contacts' display names.
 */
import Dexie from 'dexie';
import type { HuikuanDb } from '../../db/schema';
import { getSettings } from '../../db/repo';
import type { Settings } from '../../domain';
import { changedCustomerIds, changedKeys, createLiveMatcher } from '../../match/live';
import { createBadgeInputs } from '../../messaging/badgeInputs';
import { createContactNameIndex } from '../../match/contactNames';
import { FORECAST_TABLES } from '../../forecast/service';

/** What follows a change in the store; each is called after the caches took the change in. */
export interface StoreChangeHandlers {
  customersRematched(): void;
  figuresChanged(summaryIds: string[] | 'all'): void;
  settingsChanged(): void;
  /** A local edit was queued for the team (any context's write). */
  outboxWritten(): void;
  forecastInputsChanged(): void;
}

export function createStoreCaches(db: HuikuanDb, on: StoreChangeHandlers) {
  const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) };
  // Read when the worker starts rather than when the first record page asks.
  const matcher = createLiveMatcher(
    {
      readAll: () => db.customers.toArray(),
      readSome: (ids) => db.customers.bulkGet(ids),
      async stamp() {
        const [count, last] = await Promise.all([db.customers.count(), db.customers.orderBy('updatedAt').last()]);
        return { count, lastUpdatedAt: last?.updatedAt ?? 0 };
      },
    },
    { ...timers, onChanged: () => on.customersRematched() },
  );
  // Loaded a page at a time once the matcher (which a page needs first) is ready; a miss meanwhile reads just
  // that summary.
  const badgeInputs = createBadgeInputs(
    {
      readPage: (after, limit) =>
        (after === undefined
          ? db.summaries.limit(limit)
          : db.summaries.where('customerId').above(after).limit(limit)
        ).toArray(),
      readSome: (ids) => db.summaries.bulkGet(ids),
    },
    { ...timers, onChanged: (ids) => on.figuresChanged(ids) },
  );
  void matcher.current().then(() => badgeInputs.start());

  // Read again as soon as the meta store changed, not when the next page asks: a read queued behind a large one
  // (the reminders' scan, a restore's aftermath) would otherwise hold up the badge.
  let settings: Promise<Settings> | undefined;
  const settingsNow = () =>
    (settings ??= getSettings(db).catch((e: unknown) => {
      settings = undefined;
      throw e;
    }));
  let contactNames: Promise<ReturnType<typeof createContactNameIndex>> | undefined;
  const contactNamesNow = () =>
    (contactNames ??= db.contacts
      .toArray()
      .then(createContactNameIndex)
      .catch((e: unknown) => {
        contactNames = undefined;
        throw e;
      }));

  Dexie.on('storagemutated', (parts) => {
    const changed = parts as Record<string, unknown>;
    if (`idb://${db.name}/meta/` in parts || 'all' in parts) {
      const before = settings;
      settings = undefined;
      void settingsNow()
        .then(async (next) => {
          // The meta store changes with every write (the portfolio's figures); the badges follow a settings change only.
          if (JSON.stringify(await before?.catch(() => undefined)) !== JSON.stringify(next)) on.settingsChanged();
        })
        .catch(() => undefined);
    }
    const ids = changedCustomerIds(changed, db.name);
    if (ids) matcher.changed(ids);
    const summaries = changedKeys(changed, db.name, 'summaries');
    if (summaries) badgeInputs.changed(summaries);
    if (changedKeys(changed, db.name, 'contacts')) contactNames = undefined;
    if (Object.keys(parts).some((k) => k.startsWith(`idb://${db.name}/syncOutbox/`))) on.outboxWritten();
    if ('all' in parts || FORECAST_TABLES.some((t) => `idb://${db.name}/${t}/` in parts)) on.forecastInputsChanged();
  });

  return {
    matcher,
    badgeInputs: (customerId: string) => badgeInputs.get(customerId),
    settings: settingsNow,
    contactMatches: async (name: string) => (await contactNamesNow()).match(name),
  };
}
