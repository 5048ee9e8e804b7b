/**
 * The worker's reminder service against a stub of the extension APIs it uses: reminders already due make one
 * notification, overlapping derivations (a worker start and a change notice together) do not show them twice, and
 * a later derivation shows nothing again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { HuikuanDb } from '@/lib/db/schema';
import { replaceAll } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { createReminderService } from '@/lib/browser/reminders';

function stubBrowser() {
  const alarms = new Map<string, { name: string; scheduledTime: number }>();
  const local: Record<string, unknown> = {};
  const notifications: Array<{ id: string; title: string }> = [];
  const opened: string[] = [];
  const cleared: string[] = [];
  let clicked: ((id: string) => void) | undefined;
  let popupOpens = true;
  let badge = '';
  const later = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 1));
  const browser = {
    alarms: {
      onAlarm: { addListener: () => undefined },
      getAll: () => later([...alarms.values()]),
      clear: async (name: string) => alarms.delete(name),
      create: async (name: string, o: { when: number }) => {
        alarms.set(name, { name, scheduledTime: o.when });
      },
    },
    storage: {
      local: {
        get: async (k: string) => later({ [k]: structuredClone(local[k]) }),
        set: async (o: Record<string, unknown>) => {
          await later(0);
          Object.assign(local, structuredClone(o));
        },
      },
    },
    notifications: {
      create: async (id: string, o: { title: string }) => {
        notifications.push({ id, title: o.title });
        return id;
      },
      clear: async (id: string) => {
        cleared.push(id);
        return true;
      },
      onClicked: {
        addListener: (f: (id: string) => void) => {
          clicked = f;
        },
      },
    },
    action: {
      setBadgeText: async (o: { text: string }) => {
        badge = o.text;
      },
      setBadgeBackgroundColor: async () => undefined,
      openPopup: async () => {
        if (!popupOpens) throw new Error('no focused window');
        opened.push('popup');
      },
    },
    tabs: {
      create: async (o: { url: string }) => {
        opened.push(o.url);
        return {};
      },
    },
    i18n: { getUILanguage: () => 'en-US' },
    runtime: { getURL: (p: string) => `chrome-extension://test${p}` },
  };
  return {
    browser: browser as unknown as WxtBrowser,
    alarms,
    notifications,
    local,
    opened,
    cleared,
    badge: () => badge,
    click: (id: string) => clicked!(id),
    popupFails: () => {
      popupOpens = false;
    },
  };
}

const now = new Date(2026, 10, 22, 10, 0);
let db: HuikuanDb;
beforeEach(async () => {
  db = new HuikuanDb(`svc-${Math.random()}`);
  await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
});
afterEach(() => db.close());

describe('reminder service', () => {
  it('shows the reminders already due once, in one notification, even when two derivations overlap', async () => {
    const b = stubBrowser();
    const service = createReminderService({ db, browser: b.browser, now: () => now });
    const [first] = await Promise.all([service.sync(), service.sync()]);
    const due = first.filter((r) => r.when <= now.getTime());
    expect(due.length).toBeGreaterThan(1);
    expect(b.notifications).toHaveLength(1);
    expect(b.notifications[0].title).toBe(`${due.length} collection reminders due`);
    expect((b.local.remindersShown as string[]).sort()).toEqual(due.map((r) => r.id).sort());
    // Alarms only for what is still ahead.
    expect([...b.alarms.values()].every((a) => a.scheduledTime > now.getTime())).toBe(true);
    expect(Number(b.badge())).toBeGreaterThan(0);

    await service.sync();
    expect(b.notifications).toHaveLength(1);
  });

  it('opens the popup for a click on the digest (a tab where it cannot open), and the customer for one reminder', async () => {
    const b = stubBrowser();
    const service = createReminderService({ db, browser: b.browser, now: () => now });
    await service.start();
    await service.sync();
    const digest = b.notifications[0].id;
    b.click(digest);
    await vi.waitFor(() => expect(b.opened).toEqual(['popup']));
    expect(b.cleared).toEqual([digest]);
    b.popupFails();
    b.click(digest);
    b.click('n:c01:r1');
    b.click('someone-else');
    await vi.waitFor(() => expect(b.opened).toHaveLength(3));
    expect(b.opened.slice(1).sort()).toEqual(
      ['chrome-extension://test/popup.html', 'chrome-extension://test/sidepanel.html?customer=c01'].sort(),
    );
  });
});
