/**
 * Alarms, notifications and the toolbar badge count, all re-derived from the stored data each time the worker
 * starts or data changes. Alarm names are the reminders' deterministic ids, so re-deriving after a restart
 * creates nothing twice and loses nothing; a reminder already shown is remembered in storage.local.
 */
import type { WxtBrowser } from 'wxt/browser';
import { type Settings, toIsoDay } from '../domain';
import type { HuikuanDb } from '../db/schema';
import { getSettings, refreshDuePromises } from '../db/repo';
import { addDays } from '../ledger/dates';
import { deriveReminders, dueNotice, dueTodayCount, planAlarms, type Reminder } from '../reminders';
import { pickLang } from '../i18n';

const PREFIX = 'r:';
const DAILY = 'daily-refresh';
const SHOWN_KEY = 'remindersShown';
/** Shown ids kept: enough for every reminder of a large portfolio's look-back window. */
const MAX_SHOWN_KEPT = 50_000;

export interface ReminderDeps {
  db: HuikuanDb;
  browser: WxtBrowser;
  now(): Date;
}

/**
 * Limitation warnings are derived only for deadlines whose warning starts within this many days: the worker
 * re-derives every hour, so a warning is planned long before it is due, and a 10,000-customer portfolio does not
 * read and phrase 10,000 far-off deadlines after every change (that work held up the page's badge).
 */
export const LIMITATION_HORIZON_DAYS = 14;

/**
 * What the reminders are derived from, read by index: live promises, activities with a next date, the summaries of
 * limitation deadlines within the horizon, and the summaries and names of just the customers those concern.
 */
export async function loadReminderInput(db: HuikuanDb, now: Date, settings: Pick<Settings, 'limitationWarnDays'>) {
  const today = toIsoDay(now);
  const [nearDeadlines, promises, activities, retention] = await Promise.all([
    db.summaries
      .where('limitationDeadline')
      .between(today, addDays(today, settings.limitationWarnDays + LIMITATION_HORIZON_DAYS), true, true)
      .toArray(),
    db.promises.where('status').anyOf('pending', 'broken').toArray(),
    db.activities.where('nextDate').between(addDays(today, -30), '9999-12-31', true, true).toArray(),
    // Held retention whose release date is today or later (schema version 10 indexes it; older stores have none).
    db.verno >= 10 ? db.summaries.where('nextRetentionRelease').aboveOrEqual(today).toArray() : Promise.resolve([]),
  ]);
  const ids = [
    ...new Set([
      ...nearDeadlines.map((s) => s.customerId),
      ...retention.map((s) => s.customerId),
      ...promises.map((p) => p.customerId),
      ...activities.map((a) => a.customerId),
    ]),
  ];
  const known = new Map([...nearDeadlines, ...retention].map((s) => [s.customerId, s]));
  const missing = ids.filter((id) => !known.has(id));
  const [others, customers] = [
    await inSlices(missing, (s) => db.summaries.bulkGet(s)),
    await inSlices(ids, (s) => db.customers.bulkGet(s)),
  ];
  const summaries = [...known.values(), ...others.filter((s) => !!s)];
  return {
    summaries,
    promises,
    activities: activities.map((a) => ({ customerId: a.customerId, nextDate: a.nextDate, id: a.id })),
    limitation: nearDeadlines.map((s) => ({ customerId: s.customerId, deadline: s.limitationDeadline! })),
    customers: customers.filter((c) => !!c).map((c) => ({ id: c.id, name: c.name })),
  };
}

/** Rows per read in the reminders' bulk reads; the worker's event loop is handed back between reads. */
export const REMINDER_READ_SLICE = 250;

/**
 * Reads `ids` a slice at a time, yielding to the worker's event loop between slices: decoding thousands of
 * summaries in one go froze the worker for over a second after a restore, and a badge asked for meanwhile waited.
 */
async function inSlices<T>(ids: string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += REMINDER_READ_SLICE) {
    if (i) await new Promise((r) => setTimeout(r, 0));
    for (const row of await read(ids.slice(i, i + REMINDER_READ_SLICE))) out.push(row);
  }
  return out;
}

export function createReminderService(deps: ReminderDeps) {
  const { db, browser } = deps;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Reminder[] = [];

  /**
   * One derivation at a time: a worker start and a change notice can ask together, and two overlapping runs would
   * both find the same reminders due and not yet shown, and show them twice.
   */
  let syncing: Promise<unknown> = Promise.resolve();
  function sync(): Promise<Reminder[]> {
    const run = syncing.then(syncOnce, syncOnce);
    syncing = run.catch(() => undefined);
    return run;
  }

  async function syncOnce(): Promise<Reminder[]> {
    const now = deps.now();
    const settings = await getSettings(db);
    current = deriveReminders(await loadReminderInput(db, now, settings), now, settings);
    const existing = await browser.alarms.getAll();
    // What alarms that just fired have recorded as shown is in before the list is read.
    await shownQueue;
    const shown = await readShown();
    const plan = planAlarms(
      current,
      existing.map((a) => a.name),
      shown,
      now,
      PREFIX,
    );
    for (const name of plan.clear) await browser.alarms.clear(name);
    for (const a of plan.create) await browser.alarms.create(a.name, { when: a.when });
    const notice = dueNotice(plan.due, pickLang(settings.language, browser.i18n.getUILanguage()));
    if (notice) {
      const one = plan.due.length === 1 ? plan.due[0] : undefined;
      // One customer's reminder opens that customer; the digest names several and opens the popup's today list.
      await browser.notifications.create(one ? `n:${one.customerId}:${one.id}` : `n::due:${now.getTime()}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: notice.title,
        message: notice.message,
      });
      await markShown(plan.due.map((r) => r.id));
    }
    const count = dueTodayCount(current, now);
    // Firefox's Manifest V2 build has the toolbar button as browserAction (there is no `action` there).
    const toolbar = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    await toolbar.setBadgeText({ text: count ? String(count) : '' });
    await toolbar.setBadgeBackgroundColor({ color: '#b91c1c' });
    return current;
  }

  async function fire(name: string) {
    if (name === DAILY) {
      await refreshDuePromises(db, deps.now());
      await sync();
      return;
    }
    if (!name.startsWith(PREFIX)) return;
    const id = name.slice(PREFIX.length);
    if (!current.length) await sync();
    const r = current.find((x) => x.id === id);
    if (!r) return;
    if ((await readShown()).includes(id)) return;
    const lang = pickLang((await getSettings(db)).language, browser.i18n.getUILanguage());
    await browser.notifications.create(`n:${r.customerId}:${id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: r.title[lang],
      message: r.message[lang],
    });
    await markShown([id]);
  }

  /**
   * A click on one of our notifications: one customer's reminder opens that customer's panel; the digest of several
   * opens the toolbar popup, whose today list and worklist name them all (in a tab where the popup cannot open).
   */
  async function opened(nid: string): Promise<void> {
    if (!nid.startsWith('n:')) return;
    await browser.notifications.clear(nid);
    const [, customerId] = nid.split(':');
    if (customerId) {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/sidepanel.html?customer=${encodeURIComponent(customerId)}`),
      });
      return;
    }
    try {
      await browser.action.openPopup();
    } catch {
      await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    }
  }

  /** The ids of the reminders already shown. */
  async function readShown(): Promise<string[]> {
    return ((await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY] as string[] | undefined) ?? [];
  }

  /** Adds ids to the shown list, one update at a time (two alarms firing together must not lose one). */
  let shownQueue: Promise<void> = Promise.resolve();
  function markShown(ids: string[]): Promise<void> {
    shownQueue = shownQueue
      .then(async () => {
        const next = [...new Set([...(await readShown()), ...ids])];
        // Keep the list bounded: ids carry their date, old ones are never derived again.
        await browser.storage.local.set({ [SHOWN_KEY]: next.slice(-MAX_SHOWN_KEPT) });
      })
      .catch((e: unknown) => console.warn('[huikuan] reminders shown', e));
    return shownQueue;
  }

  return {
    sync,
    /** Debounced re-derivation after writes. */
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void sync(), 1500);
    },
    /** Listens, and derives once; the promise settles when that first derivation has (tests wait for it). */
    async start(): Promise<void> {
      browser.alarms.onAlarm.addListener((a) => void fire(a.name));
      browser.notifications.onClicked.addListener((nid) => void opened(nid));
      browser.alarms.create(DAILY, { periodInMinutes: 60 });
      await refreshDuePromises(db, deps.now())
        .then(sync)
        .then(
          () => undefined,
          (e: unknown) => console.warn('[huikuan] reminders', e),
        );
    },
  };
}
