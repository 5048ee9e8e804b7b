/**
 * Launches the built extension in the system Chromium with the local page servers, the way a user's browser
 * would run it: real service worker, real content scripts on real host names (resolved to the local HTTPS
 * server), real extension pages.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './chromium';
import { root, startServers, type Servers } from '../../demo/server';
import { crmHostMatches, mailHostMatches } from '../../lib/sites/hosts';
import { BROWSER_START_MS, BROWSER_TZ, TODAY, pinnedClockEnv } from './clock';
import { waitFor, waitForSteady } from './wait';
import { translator } from '../../lib/i18n';
import type { Lang } from '../../lib/domain';
import { MIRROR_KEY } from '../../lib/db/metaMirror';

/**
 * The demo/test build (`npm run build:test`): the production build's manifest plus the loopback address, where the
 * demo pages are served. `production` is the build users install (the benchmark measures that one).
 */
export const buildDirs = {
  test: join(root, '.output/chrome-mv3-test'),
  production: join(root, '.output/chrome-mv3'),
} as const;
export const extensionDir = buildDirs.test;

/** Host names of the supported sites, as Chromium's resolver rules take them. */
export function supportedHostPatterns(): string[] {
  const hosts = new Set<string>();
  for (const m of [...crmHostMatches, ...mailHostMatches]) {
    const host = m.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    if (host !== '127.0.0.1') hosts.add(host);
  }
  return [...hosts];
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  servers: Servers;
  /** Opens one of the extension's pages in a tab. */
  openPage(path: string): Promise<Page>;
  /** URL of a demo page on the loopback HTTP server. */
  demoUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * `profileDir` reuses a browser profile (to test what survives a browser restart); such a profile is kept on
 * close and the caller removes it. `clock: 'pinned'` (the default, for tests) starts the browser's wall clock at
 * tests/e2e/clock.ts's BROWSER_START; `'real'` (the demo, the bench) leaves it alone.
 */
export async function launchExtension(
  opts: {
    headless?: boolean;
    httpPort?: number;
    locale?: string;
    args?: string[];
    profileDir?: string;
    clock?: 'pinned' | 'real';
    build?: keyof typeof buildDirs;
  } = {},
): Promise<Launched> {
  const extensionDir = buildDirs[opts.build ?? 'test'];
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${extensionDir}: run \`npm run ${opts.build === 'production' ? 'build' : 'build:test'}\` first.`,
    );
  }
  const executablePath = findChromium();
  const pinned = (opts.clock ?? 'pinned') === 'pinned';
  const clockEnv = pinned ? pinnedClockEnv() : {};
  const servers = await startServers(opts.httpPort ?? 0, pinned ? () => new Date(BROWSER_START_MS) : undefined);
  const profile = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'huikuan-profile-'));
  // news.example.com stands for any site Huikuan does not support.
  const rules = [...supportedHostPatterns(), 'news.example.com']
    .map((h) => `MAP ${h} 127.0.0.1:${servers.httpsPort}`)
    .join(', ');
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    locale: opts.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
    env: { ...process.env, ...clockEnv } as Record<string, string>,
    ...(pinned ? { timezoneId: BROWSER_TZ } : {}),
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      ...(opts.locale?.startsWith('zh') ? ['--lang=zh-CN'] : []),
      ...(opts.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    servers,
    async openPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    demoUrl: (path: string) => `http://127.0.0.1:${servers.httpPort}${path}`,
    async close() {
      await context.close().catch(() => undefined);
      await servers.close();
      if (!opts.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url` (prefix match), asked of the extension itself. */
export async function tabIdFor(l: Launched, urlPrefix: string): Promise<number> {
  const id = await l.worker.evaluate(async (prefix) => {
    const c = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }
    ).chrome;
    const tabs = await c.tabs.query({});
    return tabs.find((t) => t.url?.startsWith(prefix))?.id ?? -1;
  }, urlPrefix);
  if (id < 0) throw new Error(`no tab with url ${urlPrefix}`);
  return id;
}

/** Number of customers in the extension's store, read with plain IndexedDB from one of its pages. */
export async function customerCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('huikuan');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('customers')) {
            db.close();
            resolve(0);
            return;
          }
          const c = db.transaction('customers', 'readonly').objectStore('customers').count();
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
          c.onerror = () => {
            db.close();
            resolve(-1);
          };
        };
        req.onerror = () => resolve(-1);
      }),
  );
}

/**
 * Loads the demo portfolio the way a user does: the options page's button, and over data already held its
 * confirmation ("Replace my data with the demo", which keeps an automatic backup first).
 */
export async function loadDemo(l: Launched): Promise<void> {
  const page = await l.openPage('options.html#data');
  const held = await customerCount(page);
  await page.getByTestId('load-demo').first().click();
  if (held > 0) await page.getByTestId('demo-confirm').click({ timeout: 30_000 });
  await waitFor(
    async () => ({
      customers: await customerCount(page),
      undoOffered: held === 0 || (await page.getByTestId('replace-undo').count()) > 0,
    }),
    {
      what: `the demo portfolio to load (30 customers${held > 0 ? ', and the undo of the replace offered' : ''})`,
      timeout: 60_000,
      interval: 150,
      until: (v) => v.customers === 30 && v.undoOffered,
    },
  );
  // The page keeps the popup's mirror of the store's summary rows (lib/db/metaMirror.ts); closed before it caught up,
  // the next popup would paint an out-of-date mirror first.
  await mirrorSettled(page);
  await page.close();
}

/**
 * Returns once the popup's mirror (localStorage, lib/db/metaMirror.ts) holds the user's store's settings and
 * portfolio rows as they are in IndexedDB, the same on a few polls in a row: kept by `page`, an open extension page.
 */
export async function mirrorSettled(page: Page, timeout = 30_000): Promise<void> {
  await waitForSteady(
    () =>
      page.evaluate(
        ([key, db]) =>
          new Promise<{ same: boolean; mirror: string; store: string }>((resolve) => {
            const mirror = localStorage.getItem(key) ?? '';
            const req = indexedDB.open(db);
            req.onerror = () => resolve({ same: false, mirror, store: '(no database)' });
            req.onsuccess = () => {
              const meta = req.result.transaction('meta', 'readonly').objectStore('meta');
              const s = meta.get('settings');
              const p = meta.get('portfolio');
              p.onsuccess = () => {
                req.result.close();
                const store = JSON.stringify({ settings: s.result?.value ?? null, portfolio: p.result?.value ?? null });
                resolve({ same: store === mirror, mirror: mirror.slice(0, 200), store: store.slice(0, 200) });
              };
              p.onerror = () => {
                req.result.close();
                resolve({ same: false, mirror, store: '(unreadable)' });
              };
            };
          }),
        [MIRROR_KEY, 'huikuan'],
      ),
    { what: "the popup's mirror to hold the store's summary rows", timeout, until: (v) => v.same },
  );
}

/**
 * The popup's open totals per currency once React's live summary shows them (after the first paint, which may have
 * come from an out-of-date mirror and been repainted) and they stay the same on a few polls in a row.
 */
export async function popupTotalsSettled(popup: Page, currencies: string[]): Promise<Record<string, number>> {
  await popup.getByTestId('popup-live').waitFor({ timeout: 20_000 });
  return waitForSteady(
    () =>
      popup.evaluate(
        (curs) =>
          Object.fromEntries(
            curs.map((c) => [
              c,
              Number(document.querySelector(`[data-testid="portfolio-total-${c}"]`)?.getAttribute('data-minor') ?? NaN),
            ]),
          ),
        currencies,
      ),
    {
      what: `the popup's totals in ${currencies.join(', ')}`,
      until: (v) => Object.values(v).every((n) => Number.isFinite(n)),
    },
  );
}

/** The badge or capture frame Huikuan mounted in a page (inside a closed shadow root, so found by URL). */
export async function chipFrame(page: Page, timeout = 15_000) {
  return waitFor(
    async () => {
      const f = page.frames().find((fr) => fr.url().includes('/badge.html'));
      if (!f) return undefined;
      const chip = f.locator('#chip');
      return (await chip.isVisible().catch(() => false)) ? { frame: f, chip } : undefined;
    },
    { what: `a visible Huikuan chip on ${page.url()}`, timeout },
  );
}

/**
 * The chip's `data-state` once it is `want` ('linked', 'confirm', 'unread'…): polls the badge frame (which the
 * content script may replace meanwhile) and fails naming the last state seen.
 */
export async function chipState(page: Page, want: string, timeout = 15_000): Promise<string> {
  return waitFor(
    async () => {
      const f = page.frames().find((fr) => fr.url().includes('/badge.html'));
      return (await f?.locator('#chip').getAttribute('data-state', { timeout: 500 })) ?? '(no chip frame)';
    },
    {
      what: `the chip on ${page.url()} to show data-state="${want}"`,
      timeout,
      interval: 150,
      until: (s) => s === want,
    },
  );
}

/**
 * Clicks the chip as a user does: once it has been plainly visible long enough for its clickjacking guard to take
 * clicks (lib/browser/visibleClick.ts marks it data-clickable).
 */
export async function clickChip(chip: Awaited<ReturnType<typeof chipFrame>>['chip']): Promise<void> {
  await waitFor(() => chip.getAttribute('data-clickable'), {
    what: 'the chip to become clickable (data-clickable="true"; hidden or covered?)',
    timeout: 10_000,
    interval: 50,
    until: (v) => v === 'true',
  });
  await chip.click();
}

/** Sends a message to the background from an extension page, as the side panel would. */
export async function sendFromPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m),
    message,
  );
}

/** The browser's "today" under the pinned clock (tests/e2e/clock.ts); the demo and the ledger count days from it. */
export const todayIso = (): string => TODAY;

/** The real toolbar popup, opened as a click on the icon opens it; Playwright has no page for it. */
export interface ToolbarPopup {
  /** Evaluates `expression` (awaited) inside the popup and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Closes the popup and waits until it is gone. */
  close(): Promise<void>;
}

/**
 * Opens toolbar popups: an ordinary page is put in front (openPopup needs a focused window), the popup is opened from
 * the worker with `chrome.action.openPopup()`, found among the browser's targets, and driven through a DevTools
 * session attached to it. `dispose` closes the page in front.
 */
/** `page`: the action's popup page (popup.html unless the caller pointed the action elsewhere). */
export async function toolbarPopups(
  l: Launched,
  page = 'popup.html',
): Promise<{ open(): Promise<ToolbarPopup>; dispose(): Promise<void> }> {
  const front = await l.context.newPage();
  await front.goto(l.demoUrl('/'));
  const cdp = await l.context.newCDPSession(front);
  type Target = { targetId: string; url: string };
  const popups = async () =>
    ((await cdp.send('Target.getTargets')) as { targetInfos: Target[] }).targetInfos.filter(
      (t) => t.url === `chrome-extension://${l.extensionId}/${page}`,
    );
  let nextId = 1;
  return {
    async open() {
      const before = new Set((await popups()).map((t) => t.targetId));
      await front.bringToFront();
      const opened = (await l.worker.evaluate('chrome.action.openPopup().then(() => "", (e) => String(e))')) as string;
      if (opened) throw new Error(`the toolbar popup did not open: ${opened}`);
      const { targetId } = await waitFor(async () => (await popups()).find((t) => !before.has(t.targetId)), {
        what: 'the toolbar popup to appear among the browser targets',
        timeout: 10_000,
        interval: 20,
      });
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
        sessionId: string;
      };
      const evaluate = <T>(expression: string) =>
        new Promise<T>((resolve, reject) => {
          const id = nextId++;
          const onMessage = (m: { sessionId: string; message: string }) => {
            const reply = JSON.parse(m.message) as {
              id?: number;
              error?: { message: string };
              result?: {
                result?: { value?: unknown };
                exceptionDetails?: { text: string; exception?: { description?: string } };
              };
            };
            if (m.sessionId !== sessionId || reply.id !== id) return;
            cdp.off('Target.receivedMessageFromTarget', onMessage);
            const failed =
              reply.error?.message ??
              reply.result?.exceptionDetails?.exception?.description ??
              reply.result?.exceptionDetails?.text;
            if (failed) reject(new Error(`in the toolbar popup: ${failed}`));
            else resolve(reply.result?.result?.value as T);
          };
          cdp.on('Target.receivedMessageFromTarget', onMessage);
          void cdp.send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({
              id,
              method: 'Runtime.evaluate',
              params: { expression, awaitPromise: true, returnByValue: true },
            }),
          });
        });
      return {
        evaluate,
        async close() {
          await evaluate('setTimeout(() => window.close(), 0)').catch(() => undefined);
          await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
          await waitFor(async () => !(await popups()).some((t) => t.targetId === targetId), {
            what: 'the toolbar popup to close',
            timeout: 5_000,
            interval: 50,
          });
        },
      };
    },
    async dispose() {
      await cdp.detach().catch(() => undefined);
      await front.close();
    },
  };
}

/**
 * Evaluates `expression` in a target Playwright does not attach to as a page (the browser's side panel), over the
 * DevTools protocol, polling until it returns a truthy value or `timeout` passes.
 */
export async function evaluateInTarget<T>(
  l: Launched,
  page: Page,
  urlPart: string,
  expression: string,
  timeout = 15_000,
): Promise<T> {
  const cdp = await l.context.newCDPSession(page);
  const once = async (): Promise<T | undefined> => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const target = targetInfos.find((t) => t.type === 'page' && t.url.includes(urlPart));
    if (target) {
      const { sessionId } = (await cdp.send('Target.attachToTarget', {
        targetId: target.targetId,
        flatten: false,
      })) as { sessionId: string };
      const value = await new Promise<T>((resolve, reject) => {
        const onMessage = (m: { sessionId: string; message: string }) => {
          const reply = JSON.parse(m.message) as {
            id?: number;
            error?: { message: string };
            result?: { result?: { value?: unknown } };
          };
          if (m.sessionId !== sessionId || reply.id !== 1) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          if (reply.error) reject(new Error(reply.error.message));
          else resolve(reply.result?.result?.value as T);
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
        });
      });
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      return value;
    }
    return undefined;
  };
  try {
    return (await waitFor(once, { what: `a value from the page at ${urlPart}`, timeout, interval: 200 })) as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The settings row as stored, read with plain IndexedDB from an extension page ({} when there is none yet). */
async function storedSettings(page: Page): Promise<{ language?: string; ourCompany?: Record<string, string> }> {
  return page.evaluate(
    () =>
      new Promise<{ language?: string; ourCompany?: Record<string, string> }>((resolve) => {
        const req = indexedDB.open('huikuan');
        req.onsuccess = () => {
          const get = req.result.transaction('meta', 'readonly').objectStore('meta').get('settings');
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result?.value ?? {});
          };
          get.onerror = () => {
            req.result.close();
            resolve({});
          };
        };
        req.onerror = () => resolve({});
      }),
  );
}

/** Our company's settings as stored. */
export async function storedCompany(page: Page): Promise<Record<string, string>> {
  return (await storedSettings(page)).ourCompany ?? {};
}

/**
 * Switches the UI language as a user does (the options page's Language field) and returns once the options page
 * shows it: the document's `lang` and the field's own label in the new language, which happens only after the setting
 * was saved and read back (the page's live query), so a page opened afterwards starts in that language.
 */
export async function setLanguage(l: Launched, lang: Lang): Promise<void> {
  const options = await l.openPage('options.html#settings');
  try {
    const field = options.getByTestId('setting-language');
    await field.selectOption(lang);
    const label = translator(lang, 'options')('settings.language');
    const htmlLang = lang === 'zh' ? 'zh-CN' : 'en';
    await waitFor(
      async () => ({
        stored: (await storedSettings(options)).language,
        ...(await options.evaluate(() => ({
          lang: document.documentElement.lang,
          labels: [...document.querySelectorAll('label')].map((x) => x.textContent?.trim() ?? ''),
          status: document.querySelector('[data-testid="settings-status"]')?.textContent ?? '',
        }))),
      }),
      {
        what: `the options page to save and show the language "${lang}" (html lang ${htmlLang}, a label "${label}")`,
        until: (v) => v.stored === lang && v.lang === htmlLang && v.labels.includes(label),
      },
    );
  } finally {
    await options.close();
  }
}

/**
 * The popup's worklist once it has settled: shown, not "Updating…" (a stale cached worklist is re-ranked after
 * the first paint and swapped in), and the same rows in the same order on several polls in a row. Returns the
 * rows' customer ids, best first.
 */
export async function worklistSettled(popup: Page, timeout = 30_000): Promise<string[]> {
  const seen = await waitForSteady(
    () =>
      popup.evaluate(() => {
        const section = document.querySelector('[data-testid="worklist"]');
        return {
          shown: !!section,
          updating: !!section?.querySelector('h2 [role="status"]'),
          rows: [...document.querySelectorAll('[data-testid="worklist-row"]')].map(
            (r) => `${r.getAttribute('data-customer-id')}:${r.getAttribute('data-state') ?? ''}`,
          ),
        };
      }),
    {
      what: 'the popup worklist to settle (shown, not updating, rows unchanged)',
      timeout,
      interval: 150,
      stable: 3,
      until: (v) => v.shown && !v.updating && v.rows.length > 0,
    },
  );
  return seen.rows.map((r) => r.slice(0, r.lastIndexOf(':')));
}

/**
 * Returns once the extension's worker is up and has finished what it starts with (the recovery of an interrupted
 * import takes the bulk-write lock at start): a ping answered, then the bulk-write lock taken and released once
 * from `page`, which queues behind any bulk write the worker or a page began before.
 */
export async function workerSettled(page: Page, timeout = 30_000): Promise<void> {
  await waitFor(() => sendFromPage(page, { type: 'ping' }), {
    what: 'the extension worker to answer a ping',
    timeout,
    interval: 200,
  });
  await page.evaluate(() => navigator.locks.request('huikuan-bulk-write', () => undefined));
}

/**
 * Returns once `page`'s main thread, which its content scripts share, has been idle: two idle callbacks in a row
 * (the second after the first has run), so work queued by the page or a content script has run first.
 */
export async function pageIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout: 10_000 }), { timeout: 10_000 }),
      ),
  );
}
