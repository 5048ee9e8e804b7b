/**
 * Alarms, notifications and the toolbar badge count, all re-derived from the stored data each time the worker
 * starts or data changes. Alarm names are the reminders' deterministic ids, so re-deriving after a restart
 * creates nothing twice and loses nothing; a reminder already shown is remembered in storage.local.
 */
import type { WxtBrowser } from 'wxt/browser';
import { toIsoDay } from '../domain';
import type { HuikuanDb } from '../db/schema';
import { getSettings, refreshDuePromises } from '../db/repo';
import { addDays } from '../ledger/dates';
import { deriveReminders, dueTodayCount, planAlarms, type Reminder } from '../reminders';
import { pickLang } from '../i18n';

const PREFIX = 'r:';
const DAILY = 'daily-refresh';
const SHOWN_KEY = 'remindersShown';

export interface ReminderDeps { db: HuikuanDb; browser: WxtBrowser; now(): Date }

export async function loadReminderInput(db: HuikuanDb, now: Date) {
  const today = toIsoDay(now);
  const [summaries, promises, activities, customers] = await Promise.all([
    db.summaries.toArray(),
    db.promises.where('status').anyOf('pending', 'broken').toArray(),
    db.activities.where('nextDate').between(addDays(today, -30), '9999-12-31', true, true).toArray(),
    db.customers.toArray(),
  ]);
  return {
    summaries,
    promises,
    activities: activities.map((a) => ({ customerId: a.customerId, nextDate: a.nextDate, id: a.id })),
    limitation: summaries.filter((s) => s.limitationDeadline).map((s) => ({ customerId: s.customerId, deadline: s.limitationDeadline! })),
    customers: customers.map((c) => ({ id: c.id, name: c.name })),
  };
}

export function createReminderService(deps: ReminderDeps) {
  const { db, browser } = deps;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Reminder[] = [];

  async function sync(): Promise<Reminder[]> {
    const now = deps.now();
    const settings = await getSettings(db);
    current = deriveReminders(await loadReminderInput(db, now), now, settings);
    const existing = await browser.alarms.getAll();
    const shown = ((await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY] as string[] | undefined) ?? [];
    const plan = planAlarms(current, existing.map((a) => a.name), shown, now, PREFIX);
    for (const name of plan.clear) await browser.alarms.clear(name);
    for (const a of plan.create) await browser.alarms.create(a.name, { when: a.when });
    const count = dueTodayCount(current, now);
    await browser.action.setBadgeText({ text: count ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
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
    const stored = ((await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY] as string[] | undefined) ?? [];
    if (stored.includes(id)) return;
    const lang = pickLang((await getSettings(db)).language, browser.i18n.getUILanguage());
    await browser.notifications.create(`n:${r.customerId}:${id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: r.title[lang],
      message: r.message[lang],
    });
    // Keep the list bounded: ids carry their date, old ones are never derived again.
    await browser.storage.local.set({ [SHOWN_KEY]: [...stored, id].slice(-2000) });
  }

  return {
    sync,
    /** Debounced re-derivation after writes. */
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void sync(), 1500);
    },
    start() {
      browser.alarms.onAlarm.addListener((a) => void fire(a.name));
      browser.notifications.onClicked.addListener((nid) => {
        const [, customerId] = nid.split(':');
        if (customerId) void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?customer=${encodeURIComponent(customerId)}`) });
      });
      browser.alarms.create(DAILY, { periodInMinutes: 60 });
      void refreshDuePromises(db, deps.now()).then(sync);
    },
  };
}
