/**
 * Team sync in the worker: one-shot cycles (a continuous `_changes` feed stalls in an MV3 service worker, which
 * the browser stops when idle) on an alarm every minute, a few seconds after a local write, and every few
 * seconds while a side panel or options page is open (the page keeps a port to the worker and ticks on it).
 *
 * Nothing is sent while team mode is off, nor without the host permission for the configured server: those are
 * checked before every cycle.
 */
import { type WxtBrowser, browser as extensionBrowser } from 'wxt/browser';
import { z } from 'zod';
import type { HuikuanDb } from '../db/schema';
import { type SyncReport, syncOnce } from '../sync/engine';
import { couchFor, readTeamConfig, serverOrigin } from '../sync/config';

export const TEAM_ALARM = 'huikuan-team-sync';
export const TEAM_PORT = 'huikuan-team';
const AFTER_WRITE_MS = 2_000;
const LIVE_EVERY_MS = 5_000;

const portMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tick') }),
  z.object({ type: z.literal('sync-now') }),
]);

export interface TeamSyncDeps {
  db: HuikuanDb;
  browser: WxtBrowser;
  now: () => Date;
  extensionOrigin: string;
}

export function createTeamSync({ db, browser, now, extensionOrigin }: TeamSyncDeps) {
  let running: Promise<SyncReport | undefined> | undefined;
  let again = false;
  let afterWrite: ReturnType<typeof setTimeout> | undefined;
  const livePorts = new Set<unknown>();
  let lastLive = 0;

  /** One cycle at a time; a request during a cycle runs one more right after it. */
  function run(): Promise<SyncReport | undefined> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        const config = await readTeamConfig(db);
        if (!config) return undefined;
        const allowed = await browser.permissions.contains({ origins: [serverOrigin(config.url)] });
        if (!allowed) return undefined;
        return await syncOnce(db, couchFor(config), now());
      } catch (e) {
        console.warn('[huikuan] team sync', e);
        return undefined;
      } finally {
        running = undefined;
        if (again) {
          again = false;
          void run();
        }
      }
    })();
    return running;
  }

  function localWrite(): void {
    clearTimeout(afterWrite);
    afterWrite = setTimeout(() => void run(), AFTER_WRITE_MS);
  }

  function start(): void {
    void browser.alarms.create(TEAM_ALARM, { periodInMinutes: 1 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === TEAM_ALARM) void run();
    });
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== TEAM_PORT) return;
      // Only our own pages (the side panel, the options page) keep a live sync going.
      if (port.sender?.id !== browser.runtime.id || !port.sender?.url?.startsWith(extensionOrigin)) {
        port.disconnect();
        return;
      }
      livePorts.add(port);
      port.onDisconnect.addListener(() => livePorts.delete(port));
      port.onMessage.addListener((raw) => {
        const msg = portMessage.safeParse(raw);
        if (!msg.success) return;
        const t = now().getTime();
        if (msg.data.type === 'sync-now' || t - lastLive >= LIVE_EVERY_MS) {
          lastLive = t;
          void run().then((report) => {
            try {
              port.postMessage({ type: 'report', report: report ?? null });
            } catch {
              /* closed */
            }
          });
        }
      });
    });
    void run();
  }

  return { start, run, localWrite };
}

/**
 * An extension page's side of the live sync: a port to the worker that ticks every few seconds while the page is
 * open (the worker runs a cycle per tick, at most one every five seconds). Returns `syncNow` and a closer.
 */
export function connectTeamLive(
  onReport?: (report: SyncReport | null) => void,
  browser: WxtBrowser = extensionBrowser,
): { syncNow(): void; close(): void } {
  // Outside the extension (component tests without a runtime) there is no worker to keep live.
  if (typeof browser?.runtime?.connect !== 'function') return { syncNow: () => undefined, close: () => undefined };
  let port: ReturnType<WxtBrowser['runtime']['connect']> | undefined;
  const open = () => {
    port = browser.runtime.connect({ name: TEAM_PORT });
    port.onMessage.addListener((m: unknown) => {
      const r = m as { type?: string; report?: SyncReport | null };
      if (r?.type === 'report') onReport?.(r.report ?? null);
    });
    // The worker was stopped and restarted: connect again on the next tick.
    port.onDisconnect.addListener(() => {
      port = undefined;
    });
  };
  const post = (type: 'tick' | 'sync-now') => {
    try {
      if (!port) open();
      port!.postMessage({ type });
    } catch {
      port = undefined;
    }
  };
  post('tick');
  const timer = setInterval(() => post('tick'), LIVE_EVERY_MS);
  return {
    syncNow: () => post('sync-now'),
    close: () => {
      clearInterval(timer);
      try {
        port?.disconnect();
      } catch {
        /* gone */
      }
    },
  };
}
