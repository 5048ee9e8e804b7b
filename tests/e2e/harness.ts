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
  const deadline = Date.now() + 60_000;
  while ((await customerCount(page)) !== 30 || (held > 0 && (await page.getByTestId('replace-undo').count()) === 0)) {
    if (Date.now() > deadline) throw new Error('the demo portfolio did not load');
    await page.waitForTimeout(150);
  }
  await page.close();
}

/** The badge or capture frame Huikuan mounted in a page (inside a closed shadow root, so found by URL). */
export async function chipFrame(page: Page, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const f = page.frames().find((fr) => fr.url().includes('/badge.html'));
    if (f) {
      const chip = f.locator('#chip');
      if (await chip.isVisible().catch(() => false)) return { frame: f, chip };
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no Huikuan chip appeared on ${page.url()}`);
}

/**
 * Clicks the chip as a user does: once it has been plainly visible long enough for its clickjacking guard to take
 * clicks (lib/browser/visibleClick.ts marks it data-clickable).
 */
export async function clickChip(chip: Awaited<ReturnType<typeof chipFrame>>['chip']): Promise<void> {
  const deadline = Date.now() + 5_000;
  while ((await chip.getAttribute('data-clickable')) !== 'true') {
    if (Date.now() > deadline) throw new Error('the chip never became clickable (hidden or covered?)');
    await new Promise((r) => setTimeout(r, 50));
  }
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
      let target: Target | undefined;
      for (let waited = 0; !target; waited += 20) {
        if (waited > 10_000) throw new Error('the toolbar popup did not appear within 10 s');
        target = (await popups()).find((t) => !before.has(t.targetId));
        if (!target) await new Promise((r) => setTimeout(r, 20));
      }
      const { targetId } = target;
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
          for (let waited = 0; (await popups()).some((t) => t.targetId === targetId); waited += 50) {
            if (waited > 5_000) throw new Error('the toolbar popup did not close');
            await new Promise((r) => setTimeout(r, 50));
          }
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
  try {
    const deadline = Date.now() + timeout;
    for (;;) {
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
        if (value) return value;
      }
      if (Date.now() > deadline) throw new Error(`nothing from ${urlPart} within ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Our company's settings as stored, read with plain IndexedDB from an extension page. */
export async function storedCompany(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve) => {
        const req = indexedDB.open('huikuan');
        req.onsuccess = () => {
          const get = req.result.transaction('meta', 'readonly').objectStore('meta').get('settings');
          get.onsuccess = () => {
            req.result.close();
            resolve((get.result?.value?.ourCompany ?? {}) as Record<string, string>);
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
