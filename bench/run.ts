/**
 * `npm run bench`: builds the extension, generates portfolios at three scales, seeds each through the product's
 * own restore (Options → Backup), and measures in headless Chromium with the extension loaded. Every figure is a
 * median over several runs with min and max; the raw IndexedDB read rate of the same browser run is the physical
 * reference the data-bound figures are compared against. Prints a table and writes bench/results.json.
 */
import { forecastFigures, printForecast } from './forecast';
import { printTeamSync, teamSyncFigures, type TeamSyncFigures } from './teamSync';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchExtension, customerCount, buildDirs, toolbarPopups, type Launched } from '../tests/e2e/harness';
import { toIsoDay } from '../lib/domain';

// The bench runs the browser on the real clock, so its portfolios are built for the real day.
const todayIso = () => toIsoDay(new Date());
import { customerName, generatePortfolio, scales, type Scale } from './generate';
import { makeBackup } from '../lib/transfer';
import { agingReport } from '../lib/ledger';
import { suggestNext } from '../lib/playbook';
import { buildCustomerIndex, normalizeCompanyName } from '../lib/match';
import { defaultSettings, type AccountSnapshot } from '../lib/domain';
import { allocate } from '../lib/ledger';
import { root } from '../demo/server';
import { attribute, heavyPageHtml, heavyPagePath, traceTasks } from './heavyPage';
import { browserCpuByType, browserCpuSeconds, cpuDelta, type CpuByType } from './cpu';

/** CPU seconds of the bench's browser so far (all its processes; see bench/cpu.ts), NaN where /proc cannot say. */
const browserCpu = () => browserCpuSeconds(buildDirs.production) ?? NaN;

/**
 * Flags (after `npm run bench --`): `--scale=500|5k|10k` runs one scale; `--only=popup,badge,panel,import,readpage,
 * node,raw,heavy,forecast,team` runs only those measurements (`team`: the team sync against a local CouchDB-protocol
 * server, bench/teamSync.ts, at `--team-scale=500|5k|10k`, default `--scale` or 10k) (`import-report` only the report-shaped import) (`--heavy-seconds=S`, default 30) (seeding still happens for the scale-bound ones); `--runs=N`; `--settle=S`
 * waits S seconds after seeding each scale (see SETTLE_S). The
 * environment variables BENCH_SCALE and BENCH_RUNS still work. A partial run merges into the existing results.json.
 */
const argv = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, v] = a.slice(2).split('=');
      return [k, v ?? 'true'];
    }),
);
const RUNS = Number(argv.runs ?? process.env.BENCH_RUNS ?? 5);
/**
 * Seconds to leave the browser alone after seeding a scale, before measuring it (`--settle=30`): a full run measures
 * straight after restoring up to 200,000 receivables, while the browser is still settling those writes; a user
 * opens records and the popup on a store at rest. Recorded with the figures.
 */
const SETTLE_S = Number(argv.settle ?? 0);
/** `--profile-import=DIR` writes a V8 CPU profile of the options page during the first import of each shape. */
const PROFILE_DIR = argv['profile-import'];
const scaleAlias: Record<string, string> = { '500': '500 / 5k', '5k': '5k / 50k', '10k': '10k / 200k' };
const onlyScale = argv.scale ? (scaleAlias[argv.scale] ?? argv.scale) : process.env.BENCH_SCALE; // e.g. "500 / 5k"
const only = argv.only ? new Set(argv.only.split(',')) : undefined;
const want = (m: string) => !only || only.has(m);
const partial = !!onlyScale || !!only;

interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}
function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
}
const fmt = (s: Stat | undefined, unit = 'ms', digits = 1) =>
  s && Number.isFinite(s.median) && s.median !== null
    ? `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`
    : '—';

const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    // The machine is shared: the load during the run says how much the figures are inflated.
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  },
  date: new Date().toISOString(),
  runs: RUNS,
  targets: {
    contentScriptGzipKB: 30,
    readPageMs: 5,
    badgeMs: 100,
    sidePanelSwitchMs: 100,
    popupFirstPaintMs: 150,
    importRowsPerSec: 10_000,
    idbBytesPerReceivable: 1024,
    heavyPageExtensionShare: 0.05,
    heavyPageLongestExtensionTaskMs: 50,
  },
};

// 1. Content-script sizes.
const csDir = join(buildDirs.production, 'content-scripts');
results.contentScripts = Object.fromEntries(
  readdirSync(csDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const buf = readFileSync(join(csDir, f));
      return [f, { bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length }];
    }),
);

// 2. readPage per fixture page, in the browser, through the same code the content scripts bundle.
async function readPageTimes(l: Launched): Promise<Record<string, Stat>> {
  const bundle = await build({
    entryPoints: [join(root, 'lib/sites/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'HK',
    platform: 'browser',
  });
  const code = bundle.outputFiles[0].text;
  const sites = join(root, 'lib/sites');
  const out: Record<string, Stat> = {};
  for (const site of readdirSync(sites).filter((s) => existsSync(join(sites, s, 'fixtures')))) {
    const fixtures = join(sites, site, 'fixtures');
    for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.json'))) {
      const meta = JSON.parse(readFileSync(join(fixtures, f), 'utf8'));
      const html = readFileSync(join(fixtures, f.replace(/\.json$/, '.html')), 'utf8');
      const u = new URL(meta.url);
      if (u.hostname === '127.0.0.1') continue;
      l.servers.routes.set(`${u.hostname}${u.pathname}`, html);
      const page = await l.context.newPage();
      await page.goto(meta.url, { waitUntil: 'load' }).catch(() => undefined);
      await page.waitForTimeout(200);
      const times: number[] | undefined = await page
        .addScriptTag({ content: code })
        .then(() =>
          page.evaluate((runs) => {
            const w = window as unknown as { HK: { readPage(u: string, d: Document): unknown } };
            // performance.now() is coarse (0.1 ms) in these pages: time batches of 20 calls and report per call.
            const ts: number[] = [];
            for (let i = 0; i < runs; i++) {
              const t0 = performance.now();
              for (let k = 0; k < 20; k++) w.HK.readPage(location.href, document);
              ts.push((performance.now() - t0) / 20);
            }
            return ts;
          }, 10),
        )
        .catch((e: unknown) => {
          console.warn(`readPage ${site}/${f}: ${String(e).split('\n')[0]}`);
          return undefined;
        });
      if (times) out[`${site}/${f.replace(/\.json$/, '')}`] = stat(times);
      await page.close();
    }
  }
  return out;
}

/**
 * A Salesforce-like page of 100,000 nodes mutating every frame and changing records every 5 s (bench/heavyPage.ts),
 * profiled for `HEAVY_S` seconds with V8's sampling profiler: the content script's script time (any stack through
 * content-scripts/) against the page's own (everything else not idle), the longest unbroken run of extension
 * samples (a long task of ours would show as one), the page's frame rate and its long tasks. The same page on a
 * host the extension does not run on is the floor.
 */
const HEAVY_S = Number(argv['heavy-seconds'] ?? 30);
async function heavyPage(l: Launched) {
  const names = Array.from({ length: 12 }, (_, i) => customerName(i));
  const html = heavyPageHtml({ nodes: 100_000, mutationsPerFrame: 300, routeEveryMs: 5_000, names });
  const run = async (host: string) => {
    l.servers.routes.set(`${host}${heavyPagePath(0)}`, html);
    const page = await l.context.newPage();
    await page.goto(`https://${host}${heavyPagePath(0)}`);
    await page.waitForFunction('window.__nodes >= 100000', undefined, { timeout: 60_000 });
    await page.evaluate(
      `(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' }); })()`,
    );
    await page.waitForTimeout(2_000);
    const cdp = await l.context.newCDPSession(page);
    // The content script's isolated world, where it keeps the timings of its own tasks (lib/browser/content.ts).
    const worlds: number[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; auxData?: { type?: string } } }) => {
      if (e.context.auxData?.type === 'isolated') worlds.push(e.context.id);
    });
    await cdp.send('Runtime.enable');
    const inWorld = async (expression: string) => {
      for (const contextId of worlds) {
        const r = (await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true })) as {
          result?: { value?: unknown };
        };
        if (r.result?.value !== undefined) return r.result.value;
      }
      return undefined;
    };
    await inWorld(
      'globalThis.__huikuanWork && JSON.stringify(Object.assign(globalThis.__huikuanWork, { tasks: 0, totalMs: 0, maxMs: 0, over50: 0, slowest: [] }))',
    );
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    const f0 = Number(await page.evaluate('window.__frames'));
    const l0 = Number(await page.evaluate('window.__long.length'));
    await cdp.send('Profiler.start');
    // A trace alongside: each task's CPU time on the main thread, which a loaded machine does not inflate.
    const traced = new Promise<string>((resolve) =>
      cdp.on('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')),
    );
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] },
    } as never);
    await page.waitForTimeout(HEAVY_S * 1000);
    const { profile } = await cdp.send('Profiler.stop');
    // Read before the trace is collected: flushing it loads the renderer.
    const own = await inWorld('globalThis.__huikuanWork && JSON.stringify(globalThis.__huikuanWork)');
    const frames = Number(await page.evaluate('window.__frames')) - f0;
    const longTasks = Number(await page.evaluate('window.__long.length')) - l0;
    await cdp.send('Tracing.end');
    const stream = await traced;
    let traceText = '';
    for (;;) {
      const r = (await cdp.send('IO.read', { handle: stream, size: 1 << 20 } as never)) as {
        data: string;
        base64Encoded?: boolean;
        eof: boolean;
      };
      traceText += r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data;
      if (r.eof) break;
    }
    await cdp.send('IO.close', { handle: stream } as never);
    const trace = JSON.parse(traceText) as
      { traceEvents?: Parameters<typeof traceTasks>[0] } | Parameters<typeof traceTasks>[0];
    const traceEvents = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
    const cpu = traceTasks(traceEvents);
    const tasks = own
      ? (JSON.parse(String(own)) as { tasks: number; totalMs: number; maxMs: number; over50: number })
      : undefined;
    const nodes = Number(
      await page.evaluate(
        '(() => { let n = 0; const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); while (w.nextNode()) n++; return n; })()',
      ),
    );
    await page.close();
    const a = attribute(profile);
    return {
      ...a,
      share: a.pageMs > 0 ? a.extensionMs / a.pageMs : 0,
      fps: frames / HEAVY_S,
      longTasks,
      nodes,
      seconds: HEAVY_S,
      ownTasks: tasks,
      cpu,
      cpuShare: cpu.pageCpuMs > 0 ? cpu.cpuMs / cpu.pageCpuMs : 0,
      loadAverage: loadavg()[0],
    };
  };
  return { withExtension: await run('heavy.lightning.force.com'), withoutExtension: await run('news.example.com') };
}

async function seed(l: Launched, scale: Scale): Promise<{ seedMs: number; bytesPerReceivable?: number }> {
  const data = generatePortfolio(scale, todayIso());
  const file = join(mkdtempSync(join(tmpdir(), 'hk-bench-')), 'backup.json');
  writeFileSync(
    file,
    makeBackup(data as unknown as Parameters<typeof makeBackup>[0], { createdAt: Date.now() } as never),
  );
  const options = await l.openPage('options.html#export');
  const before = await options.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const t0 = Date.now();
  await options.getByTestId('restore-file').setInputFiles(file);
  await options.getByTestId('restore-confirm').click({ timeout: 600_000 });
  // Restored when the store holds every customer (read with plain IndexedDB).
  while ((await customerCount(options)) < scale.customers) await options.waitForTimeout(200);
  const seedMs = Date.now() - t0;
  await options.waitForTimeout(1500);
  const after = await options.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await options.close();
  return { seedMs, bytesPerReceivable: after > before ? (after - before) / scale.receivables : undefined };
}

/**
 * Chromium's own floor: a plain getAll over the same stores, records per second. Receivables are stored inside
 * their customer's ledger, so that figure is receivables per second out of a getAll over the ledgers.
 */
async function rawIdb(l: Launched): Promise<Record<string, Stat>> {
  const page = await l.openPage('options.html');
  const out: Record<string, Stat> = {};
  for (const store of ['ledgers', 'summaries', 'customers']) {
    const rates: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      rates.push(
        await page.evaluate(
          (s) =>
            new Promise<number>((resolve, reject) => {
              const req = indexedDB.open('huikuan');
              req.onerror = () => reject(req.error);
              req.onsuccess = () => {
                const db = req.result;
                const t0 = performance.now();
                const g = db.transaction(s, 'readonly').objectStore(s).getAll();
                g.onsuccess = () => {
                  const n = s === 'ledgers' ? g.result.reduce((k, l) => k + l.receivables.length, 0) : g.result.length;
                  db.close();
                  resolve(n / ((performance.now() - t0) / 1000));
                };
                g.onerror = () => reject(g.error);
              };
            }),
          store,
        ),
      );
    }
    out[store === 'ledgers' ? 'receivables' : store] = stat(rates);
  }
  await page.close();
  return out;
}

/**
 * Popup: navigation start → the first portfolio figure painted (the target's measure), as the browser's Element
 * Timing API reports it (`elementtiming="portfolio-total"` on the figure; renderTime is the frame that showed it).
 * The browser stamps it, so the time this script takes to get into the page does not count. Also split at the
 * document's domInteractive: before it is the browser's own work (a renderer for the extension page, the HTML), after
 * it the popup's code (its scripts, the IndexedDB read, the render) and the paint.
 *
 * `toolbar` opens the real toolbar popup, as a click on the icon does (`chrome.action.openPopup()` from the worker,
 * over an ordinary page in front), and reads the figures from inside it over the DevTools protocol once it has
 * painted, then closes it. Otherwise the popup is opened as a tab, which Playwright drives directly.
 *
 * The floor, measured in the same run and the same way: a blank extension page (one line of text, no script) opened
 * as the toolbar popup (`chrome.action.setPopup` points the action at it for those opens) or as a tab. Beside it a
 * second floor, the same content without our code: a static page holding the summary the popup painted at this
 * scale (its HTML and its stylesheet, no script), so the ratio to it is what the popup's scripts cost over Chromium
 * laying out, painting and sizing that panel. The bench writes both pages into the built extension (they are not
 * part of the product). The pages are opened in turn, one of each per round, so a change in the shared machine's
 * load falls on all of them alike.
 */
type PopupStat = Stat & { afterDomInteractive: Stat; from: Record<string, number> };

const BLANK_PAGE = 'bench-blank.html';
const STATIC_PAGE = 'bench-static.html';
/** The floor page: one line of text with an Element Timing name, no script. */
function writeBlankPage(dir: string): void {
  writeFileSync(
    join(dir, BLANK_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huikuan</title></head>' +
      '<body><p elementtiming="portfolio-total" style="width:380px">Huikuan</p></body></html>',
  );
}

/** The second floor: the summary the popup paints from this store, as static HTML with its stylesheet inline. */
async function writeStaticPage(l: Launched, dir: string): Promise<void> {
  const tab = await l.context.newPage();
  await tab.goto(`chrome-extension://${l.extensionId}/popup.html`);
  await tab.waitForSelector('[elementtiming="portfolio-total"]');
  const { lang, css, body } = await tab.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    main.querySelector('#root')?.replaceChildren();
    main.querySelector('#summary')?.removeAttribute('data-first-paint-done');
    const css = document.getElementById('huikuan-summary-style')?.textContent ?? '';
    // Reads the popup's own painted DOM into the bench's static page file; nothing is written into a page from it.
    // eslint-disable-next-line no-restricted-properties
    return { lang: document.documentElement.lang, css, body: main.outerHTML };
  });
  await tab.close();
  writeFileSync(
    join(dir, STATIC_PAGE),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Huikuan</title><style>${css}</style></head><body>${body}</body></html>`,
  );
}

/** Runs in the popup: the first figure's paint, domInteractive, and what the first paint painted from. */
const POPUP_FIGURES = `new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no portfolio figure painted within 10 s')), 10000);
  new PerformanceObserver((list, o) => {
    const e = list.getEntries().filter((x) => x.identifier === 'portfolio-total')
      .map((x) => x.renderTime || x.loadTime).sort((a, b) => a - b)[0];
    if (e === undefined) return;
    o.disconnect();
    clearTimeout(timer);
    const from = document.getElementById('summary')?.dataset.firstPaintDone ?? 'blank';
    resolve(JSON.stringify([e, performance.getEntriesByType('navigation')[0].domInteractive, from]));
  }).observe({ type: 'element', buffered: true });
})`;

/** First paint of each of `pages`, RUNS rounds of one open each, as the toolbar popup or as a tab. */
async function popupFirstPaints(l: Launched, pages: string[], toolbar: boolean): Promise<PopupStat[]> {
  const runs = pages.map(() => ({ times: [] as number[], own: [] as number[], from: {} as Record<string, number> }));
  const popups = toolbar ? await Promise.all(pages.map((p) => toolbarPopups(l, p))) : [];
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [k, page] of pages.entries()) {
        let figures: string;
        if (toolbar) {
          await l.worker.evaluate(`chrome.action.setPopup({ popup: ${JSON.stringify(page)} })`);
          const popup = await popups[k].open();
          try {
            figures = await popup.evaluate<string>(POPUP_FIGURES);
          } finally {
            await popup.close();
          }
        } else {
          const tab = await l.context.newPage();
          await tab.goto(`chrome-extension://${l.extensionId}/${page}`, { waitUntil: 'commit' });
          figures = (await tab.evaluate(POPUP_FIGURES)) as string;
          await tab.close();
        }
        const [paint, interactive, source] = JSON.parse(figures) as [number, number, string];
        runs[k].times.push(paint);
        runs[k].own.push(paint - interactive);
        runs[k].from[source] = (runs[k].from[source] ?? 0) + 1;
      }
    }
  } finally {
    if (toolbar) await l.worker.evaluate(`chrome.action.setPopup({ popup: 'popup.html' })`);
    for (const t of popups) await t.dispose();
  }
  return runs.map((r) => ({ ...stat(r.times), afterDomInteractive: stat(r.own), from: r.from }));
}

/**
 * Record DOM inserted by the page → Huikuan's chip painted showing that record's customer. The page inserts a
 * Lightning record header with a real customer's name 400 ms after load; the badge frame stamps every paint
 * (data-painted-at, epoch ms) with what it painted (data-painted = "state|text"). A run counts when the chip was
 * painted in the linked state after the insertion; runs where that never happened within 5 s are reported as missed.
 */
async function badgeLatency(l: Launched, customers: number): Promise<Stat & { missed: number }> {
  const times: number[] = [];
  let missed = 0;
  for (let i = 0; i < RUNS; i++) {
    const host = `bench${i}.lightning.force.com`;
    const path = `/lightning/r/Account/001Dn0000${String(i).padStart(6, '0')}AAA/view`;
    const name = customerName((i * 37) % customers);
    l.servers.routes.set(
      `${host}${path}`,
      `<!doctype html><html><head><title>Loading | Salesforce</title></head><body><div id="app"></div><script>
      setTimeout(() => {
        window.__t0 = performance.timeOrigin + performance.now();
        const h = document.createElement('records-highlights2');
        const t = document.createElement('lightning-formatted-text');
        t.textContent = ${JSON.stringify(name)};
        const h1 = document.createElement('h1'); h1.appendChild(t); h.appendChild(h1);
        document.getElementById('app').appendChild(h);
        document.title = ${JSON.stringify(name)} + ' | Account | Salesforce';
      }, 400);</script></body></html>`,
    );
    const page = await l.context.newPage();
    await page.goto(`https://${host}${path}`);
    let latency: number | undefined;
    const deadline = Date.now() + 5000;
    while (latency === undefined && Date.now() < deadline) {
      const t0 = (await page.evaluate('window.__t0').catch(() => undefined)) as number | undefined;
      const f = page.frames().find((fr) => fr.url().includes('/badge.html'));
      if (t0 && f) {
        const chip = f.locator('#chip');
        const painted = Number(await chip.getAttribute('data-painted-at', { timeout: 200 }).catch(() => 0));
        const what = await chip.getAttribute('data-painted', { timeout: 200 }).catch(() => null);
        if (painted > t0 && what?.startsWith('linked|')) latency = painted - t0;
      }
      if (latency === undefined) await page.waitForTimeout(25);
    }
    if (latency === undefined) missed++;
    else times.push(latency);
    await page.close();
  }
  return { ...stat(times), missed };
}

/**
 * Side panel: switching to another customer in place — the panel follows `?customer=` through history, as when it
 * moves between customers opened from the worklist, without reloading the page. Timed from the history change to
 * `main[data-customer-id][data-ready="true"]` with the new customer's id, i.e. the new customer's figures, next
 * step and cards rendered from its live query.
 */
async function sidePanelSwitch(l: Launched, customers: number): Promise<Stat> {
  const page = await l.openPage('sidepanel.html?customer=c1');
  await page.locator('main[data-customer-id="c1"][data-ready="true"]').waitFor({ timeout: 30_000 });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const target = `c${(i * 131 + 7) % customers}`;
    // Evaluated as a string: the bundler's helpers for named functions do not exist in the page.
    times.push(
      (await page.evaluate(`new Promise((resolve) => {
      const sel = 'main[data-customer-id="${target}"][data-ready="true"]';
      const t0 = performance.now();
      new MutationObserver((_, o) => { if (document.querySelector(sel)) { o.disconnect(); resolve(performance.now() - t0); } })
        .observe(document, { childList: true, subtree: true, attributes: true });
      history.pushState(null, '', '?customer=${target}');
      window.dispatchEvent(new PopStateEvent('popstate'));
    })`)) as number,
    );
    await page.waitForTimeout(200);
  }
  await page.close();
  return stat(times);
}

/**
 * Chromium's own write floor for one record per receivable (the layout before ledgers): plain `put`s, 5,000 per
 * transaction, into a scratch store keyed by id with the indexes that layout had, of rows shaped like the ones the
 * import writes. Records per second. The import packs a customer's documents into one ledger record, so it is not
 * bound by this rate; the figure says what that layout could never have exceeded here.
 */
/** Records the raw IndexedDB write reference puts per run. */
const RAW_PUT_RECORDS = 20_000;

async function rawIdbWrite(l: Launched): Promise<{ rate: Stat; perCpuSecond: Stat }> {
  const page = await l.openPage('options.html');
  const rates: number[] = [];
  const perCpu: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const c0 = browserCpu();
    rates.push(
      (await page.evaluate(`new Promise((resolve, reject) => {
      {
        const spec = { keyPath: 'id', indexes: [['customerId', 'customerId', false, false], ['customerId+docNumber', ['customerId', 'docNumber'], true, false],
          ['dueDate', 'dueDate', false, false], ['issueDate', 'issueDate', false, false], ['importBatch', 'importBatch', false, false]] };
        const name = 'hk-bench-scratch-' + Math.random();
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => {
          const s = req.result.createObjectStore('r', { keyPath: spec.keyPath });
          for (const [n, kp, unique, multiEntry] of spec.indexes) s.createIndex(n, kp, { unique, multiEntry });
        };
        req.onsuccess = async () => {
          const db = req.result;
          const N = ${RAW_PUT_RECORDS}, PER_TX = 5000;
          const t0 = performance.now();
          for (let k = 0; k < N; k += PER_TX) {
            await new Promise((res, rej) => {
              const tx = db.transaction('r', 'readwrite');
              const s = tx.objectStore('r');
              for (let j = k; j < k + PER_TX; j++) s.put({ id: 'ri' + j, customerId: 'ci' + (j % 5000), docNumber: 'IMP-' + j, kind: 'invoice',
                issueDate: '2026-01-01', dueDate: '2026-03-01', amount: { minor: 100000 + j, currency: 'CNY' }, writtenOff: 0, status: 'open',
                disputed: false, selfQuestions: {}, interruptions: [], evidence: [], importBatch: 'b', updatedAt: 1 });
              tx.oncomplete = res; tx.onerror = () => rej(tx.error);
            });
          }
          const rate = N / ((performance.now() - t0) / 1000);
          db.close();
          indexedDB.deleteDatabase(name);
          resolve(rate);
        };
        req.onerror = () => reject(req.error);
      }
    })`)) as number,
    );
    // The page writes RAW_PUT_RECORDS records (see N above) in the span.
    perCpu.push(RAW_PUT_RECORDS / (browserCpu() - c0));
  }
  await page.close();
  return { rate: stat(rates), perCpuSecond: stat(perCpu) };
}

/**
 * Import of a generated 200k-row CSV through the options page, from choosing the file to the summary: rows per
 * second and the page's peak JS heap. Every run imports into the same store state: the import is undone through the
 * page's Undo button afterwards (timed too), so no run measures an idempotent re-import.
 */
/** The plain 200k-row table the import has always been measured on. */
function plainLedger(rows: number): string[] {
  const lines = ['Customer,Invoice Number,Invoice Date,Due Date,Amount,Currency'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `导入客户${i % 5000}有限公司,IMP-${String(i).padStart(8, '0')},2026-01-${String(1 + (i % 28)).padStart(2, '0')},2026-03-${String(1 + (i % 28)).padStart(2, '0')},${(1000 + (i % 9000)).toFixed(2)},CNY`,
    );
  return lines;
}

/**
 * The same documents as a report (issue #19): title lines, a customer group line above each customer's rows, a
 * "Total for …" line after them, aging-section lines, the header repeated every 5,000 rows (a page break), a payment
 * row per customer and the grand total — QuickBooks' Open Invoices layout.
 */
function reportLedger(rows: number): string[] {
  const lines = [
    'Northwind Supplies Inc.',
    'Open Invoices',
    'As of June 30, 2026',
    '',
    ',Date,Transaction type,Num,Terms,Due date,Past due,Amount,Open balance',
  ];
  const customers = 5000;
  const per = Math.ceil(rows / customers);
  let n = 0;
  let total = 0;
  for (let c = 0; c < customers && n < rows; c++) {
    lines.push(`导入客户${c}有限公司,,,,,,,,`);
    let sub = 0;
    for (let k = 0; k < per && n < rows; k++, n++) {
      if (n % 5000 === 0 && n) lines.push(',Date,Transaction type,Num,Terms,Due date,Past due,Amount,Open balance');
      const amount = 1000 + (n % 9000);
      const pay = k === per - 1;
      lines.push(
        pay
          ? `,01/${String(1 + (n % 28)).padStart(2, '0')}/2026,Payment,PMT-${n},,,,-${(amount / 10).toFixed(2)},-${(amount / 10).toFixed(2)}`
          : `,01/${String(1 + (n % 28)).padStart(2, '0')}/2026,Invoice,IMP-${String(n).padStart(8, '0')},Net 30,03/${String(1 + (n % 28)).padStart(2, '0')}/2026,,${amount.toFixed(2)},${amount.toFixed(2)}`,
      );
      sub += pay ? -amount / 10 : amount;
    }
    lines.push(`Total for 导入客户${c}有限公司,,,,,,,,${sub.toFixed(2)}`);
    total += sub;
  }
  lines.push(`TOTAL,,,,,,,,${total.toFixed(2)}`);
  return lines;
}

async function importThroughput(
  l: Launched,
  rows: number,
  shape: 'plain' | 'report' = 'plain',
): Promise<{
  rowsPerSec: Stat;
  rowsPerCpuSecond: Stat;
  cpuSeconds: number[];
  cpuByType: CpuByType[];
  peakHeapMB: number;
  peakHeapMBPerRun: number[];
  heapBeforeMBPerRun: number[];
  undoMs: Stat;
  rawPutRecordsPerSec?: Stat;
  rawPutRecordsPerCpuSecond?: Stat;
  rowsReady: number[];
  fileTotalDifference: string[];
}> {
  const lines = shape === 'plain' ? plainLedger(rows) : reportLedger(rows);
  const file = join(mkdtempSync(join(tmpdir(), 'hk-imp-')), `${shape}-ledger.csv`);
  writeFileSync(file, lines.join('\n'));
  lines.length = 0;
  const rates: number[] = [];
  // Rows per CPU second of the browser (all its processes, from choosing the file to the summary): what the
  // import costs, whatever else the shared machine runs meanwhile.
  const perCpu: number[] = [];
  const cpuSeconds: number[] = [];
  const cpuByType: CpuByType[] = [];
  const peaks: number[] = [];
  const heapsBefore: number[] = [];
  const undos: number[] = [];
  // What the check before the import said, every run: the rows it will import and, per currency, imported open
  // total − the file's grand total ("0" when they agree; a plain file prints no total: empty).
  const ready: number[] = [];
  const differences: string[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const page = await l.openPage('options.html#import');
    // Extension pages share one renderer and heap: collect what earlier pages left (the seed's restore) first, so
    // the peak is this import's (the browser runs with --expose-gc).
    const heapBeforeMB =
      Number(await page.evaluate('(() => { window.gc?.(); return performance.memory.usedJSHeapSize; })()')) / 2 ** 20;
    heapsBefore.push(Number(heapBeforeMB.toFixed(0)));
    await page.evaluate(`(() => {
      window.__peak = 0;
      setInterval(() => { window.__peak = Math.max(window.__peak, performance.memory.usedJSHeapSize); }, 50);
    })()`);
    const t0 = Date.now();
    const c0 = browserCpu();
    const t0ByType = browserCpuByType(buildDirs.production);
    // `--profile-import=DIR`: a V8 CPU profile of the options page for the first run of each shape.
    const profiler = PROFILE_DIR && i === 0 ? await page.context().newCDPSession(page) : undefined;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
      await profiler.send('Profiler.start');
    }
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-parsed').waitFor({ timeout: 600_000 });
    ready.push(Number(await page.getByTestId('import-ready').getAttribute('data-count')));
    differences.push(
      (
        await page
          .getByTestId('import-reconciliation')
          .evaluateAll((els) =>
            els.map((e) => `${(e as HTMLElement).dataset.currency}:${(e as HTMLElement).dataset.difference}`),
          )
      ).join(' '),
    );
    await page.getByTestId('import-apply').click({ timeout: 600_000 });
    await page.getByTestId('import-summary').waitFor({ timeout: 600_000 });
    rates.push(rows / ((Date.now() - t0) / 1000));
    const cpu = browserCpu() - c0;
    cpuSeconds.push(Number(cpu.toFixed(2)));
    cpuByType.push(cpuDelta(t0ByType, browserCpuByType(buildDirs.production)));
    if (profiler) {
      const { profile } = (await profiler.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(join(PROFILE_DIR!, `import-${shape}.cpuprofile`), JSON.stringify(profile));
      await profiler.detach();
    }
    perCpu.push(rows / cpu);
    peaks.push(Number(await page.evaluate('window.__peak')) / 2 ** 20);
    const u0 = Date.now();
    await page.getByTestId('import-undo').click();
    await page.getByTestId('import-undo').waitFor({ state: 'detached', timeout: 600_000 });
    undos.push(Date.now() - u0);
    await page.close();
  }
  const raw = shape === 'plain' ? await rawIdbWrite(l) : undefined;
  return {
    rowsPerSec: stat(rates),
    rowsPerCpuSecond: stat(perCpu),
    cpuSeconds,
    cpuByType,
    peakHeapMB: Math.max(...peaks),
    peakHeapMBPerRun: peaks,
    heapBeforeMBPerRun: heapsBefore,
    undoMs: stat(undos),
    rowsReady: ready,
    fileTotalDifference: differences,
    ...(raw && { rawPutRecordsPerSec: raw.rate, rawPutRecordsPerCpuSecond: raw.perCpuSecond }),
  };
}

function nodeTimings(scale: Scale) {
  const data = generatePortfolio(scale, todayIso());
  const open = allocate(data.receivables, data.payments)
    .filter((r) => r.openMinor > 0)
    .map((r) => ({ dueDate: r.dueDate, open: { minor: r.openMinor, currency: r.amount.currency } }));
  const aging: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    agingReport(open, todayIso());
    aging.push(performance.now() - t0);
  }
  const byCustomer = new Map<string, typeof data.receivables>();
  for (const r of data.receivables)
    (byCustomer.get(r.customerId) ?? byCustomer.set(r.customerId, []).get(r.customerId)!).push(r);
  const suggest: number[] = [];
  const settings = defaultSettings();
  for (let i = 0; i < Math.max(RUNS, 20); i++) {
    const c = data.customers[i % data.customers.length];
    const recs = byCustomer.get(c.id) ?? [];
    const pays = data.payments.filter((p) => p.customerId === c.id);
    const account: AccountSnapshot = {
      customer: c,
      contacts: data.contacts.filter((x) => x.customerId === c.id),
      receivables: allocate(recs, pays),
      payments: pays,
      promises: data.promises.filter((p) => p.customerId === c.id),
      activities: data.activities.filter((a) => a.customerId === c.id),
      settings,
    };
    const t0 = performance.now();
    suggestNext(account, new Date(), i % 2 ? 'zh' : 'en');
    suggest.push(performance.now() - t0);
  }
  // The page's customer is matched against every customer the worker holds; names are normalised on every write.
  const index = buildCustomerIndex(data.customers);
  const queries = data.customers
    .slice(0, 50)
    .flatMap((c) => [
      { name: c.name },
      { emails: [`ap@${c.domains[0] ?? 'x.example.com'}`] },
      { name: c.name.slice(0, 4) },
    ]);
  const match: number[] = [];
  for (let i = 0; i < Math.max(RUNS, 5); i++) {
    const t0 = performance.now();
    for (const q of queries) index.match(q);
    match.push((performance.now() - t0) / queries.length);
  }
  const t1 = performance.now();
  for (const c of data.customers) normalizeCompanyName(c.name);
  const normalizePerName = (performance.now() - t1) / data.customers.length;
  return {
    agingMs: stat(aging),
    agingItems: open.length,
    suggestNextMs: stat(suggest),
    matchQueryMs: stat(match),
    normalizeNameMs: normalizePerName,
  };
}

const previous = partial
  ? (() => {
      try {
        return JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as Record<string, unknown>;
      } catch {
        return {};
      }
    })()
  : {};
const save = () =>
  writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ ...previous, ...results }, null, 2));
let lastSeeded: Scale | undefined;
// The payment forecast is measured in Node (the worker runs the same code): IBM sample when present, fixture, 200k.
results.forecast = want('forecast') ? forecastFigures() : previous.forecast;
save();
// Team sync is measured in Node too (fake-indexeddb), against express-pouchdb on 127.0.0.1, with its floor.
results.teamSync = want('team') ? await teamSyncFigures(argv['team-scale'] ?? argv.scale ?? '10k') : previous.teamSync;
save();
writeBlankPage(buildDirs.production);
const l = await launchExtension({
  headless: true,
  build: 'production',
  args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
  clock: 'real',
});
try {
  results.readPageMs = want('readpage') ? await readPageTimes(l) : previous.readPageMs;
  results.heavyPage = want('heavy') ? await heavyPage(l) : previous.heavyPage;
  const perScale: Record<string, Record<string, unknown>> = {
    ...(previous.scales as Record<string, Record<string, unknown>> | undefined),
  };
  const scaleBound = ['raw', 'popup', 'badge', 'panel', 'node', 'seed'].some(want);
  for (const scale of scales) {
    if (!scaleBound || (onlyScale && scale.label !== onlyScale)) continue;
    console.log(
      `\n— ${scale.label}: seeding ${scale.customers} customers, ${scale.receivables} receivables, ${scale.activities} activities…`,
    );
    const v: Record<string, unknown> = { ...perScale[scale.label] };
    Object.assign(v, await seed(l, scale));
    v.settleSeconds = SETTLE_S;
    if (SETTLE_S > 0) await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
    if (want('raw')) v.rawIdbRecordsPerSec = await rawIdb(l);
    if (want('popup')) {
      await writeStaticPage(l, buildDirs.production);
      const pages = ['popup.html', BLANK_PAGE, STATIC_PAGE];
      [v.popupFirstPaintMs, v.blankToolbarFirstPaintMs, v.staticToolbarFirstPaintMs] = await popupFirstPaints(
        l,
        pages,
        true,
      );
      [v.popupTabFirstPaintMs, v.blankTabFirstPaintMs] = await popupFirstPaints(l, pages.slice(0, 2), false);
      v.popupLoadAverage = loadavg();
    }
    if (want('badge')) v.badgeMs = await badgeLatency(l, scale.customers);
    if (want('panel')) v.sidePanelSwitchMs = await sidePanelSwitch(l, scale.customers);
    if (want('node')) Object.assign(v, nodeTimings(scale));
    v.loadAverage = loadavg().map((x) => Number(x.toFixed(2)));
    perScale[scale.label] = v;
    lastSeeded = scale;
    results.scales = perScale;
    save();
  }
  results.scales = perScale;
  const importWanted = only
    ? only.has('import') || only.has('import-report')
    : !onlyScale || onlyScale === '10k / 200k';
  const plainImportWanted = importWanted && (!only || only.has('import'));
  // The import is measured against the top scale's store, as in a full run.
  const top = scales[scales.length - 1];
  if (importWanted && lastSeeded !== top) {
    console.log(`\n— seeding ${top.label} for the import measurement…`);
    await seed(l, top);
  }
  results.import200k = plainImportWanted
    ? { ...(await importThroughput(l, 200_000)), loadAverage: loadavg().map((x) => Number(x.toFixed(2))) }
    : previous.import200k;
  results.importReport200k = importWanted
    ? { ...(await importThroughput(l, 200_000, 'report')), loadAverage: loadavg().map((x) => Number(x.toFixed(2))) }
    : previous.importReport200k;
} finally {
  await l.close();
}

save();
console.log('\nHuikuan benchmark —', results.machine);
for (const [f, s] of Object.entries(results.contentScripts as Record<string, { gzipBytes: number }>))
  console.log(`content script ${f}: ${(s.gzipBytes / 1024).toFixed(1)} KB gzipped (target ≤ 30)`);
if (results.heavyPage) {
  type Heavy = ReturnType<typeof attribute> & {
    share: number;
    fps: number;
    longTasks: number;
    nodes: number;
    seconds: number;
  };
  const h = results.heavyPage as { withExtension: Heavy; withoutExtension: Heavy };
  const w = h.withExtension;
  const own = (
    w as Heavy & {
      ownTasks?: { tasks: number; totalMs: number; maxMs: number; over50: number; slowest?: Array<[string, number]> };
    }
  ).ownTasks;
  const c = w as Heavy & { cpu?: ReturnType<typeof traceTasks>; cpuShare?: number };
  if (c.cpu)
    console.log(
      `heavy page, main-thread CPU time (trace): content script ${c.cpu.cpuMs.toFixed(0)} ms against the page's ${c.cpu.pageCpuMs.toFixed(0)} ms = ${((c.cpuShare ?? 0) * 100).toFixed(2)} % (target ≤ 5 %); ${c.cpu.tasks} tasks, longest ${c.cpu.maxCpuMs.toFixed(1)} ms CPU (${c.cpu.maxWallMs.toFixed(1)} ms wall), ${c.cpu.over50Cpu} over 50 ms CPU (${c.cpu.over50Wall} over 50 ms wall; target 0)`,
    );
  console.log(
    `heavy page (${w.nodes} nodes, churn every frame, new record every 5 s, ${w.seconds} s): content script ${w.extensionMs.toFixed(0)} ms against the page's ${w.pageMs.toFixed(0)} ms = ${(w.share * 100).toFixed(2)} % (target ≤ 5 %), longest extension run sampled ${w.longestExtensionRunMs.toFixed(1)} ms; its own ${own?.tasks ?? '?'} tasks: ${own?.totalMs.toFixed(0) ?? '?'} ms, longest ${own?.maxMs.toFixed(1) ?? '?'} ms, ${own?.over50 ?? '?'} over 50 ms (target 0; slowest ${(own?.slowest ?? []).map(([k, ms]) => `${k} ${ms}`).join(', ')}); ${w.fps.toFixed(1)} fps, ${w.longTasks} long tasks — without the extension ${h.withoutExtension.pageMs.toFixed(0)} ms, ${h.withoutExtension.fps.toFixed(1)} fps, ${h.withoutExtension.longTasks} long tasks`,
  );
}
if (results.forecast) printForecast(results.forecast as Record<string, unknown>);
if (results.teamSync) printTeamSync(results.teamSync as TeamSyncFigures);
const rp = Object.values((results.readPageMs ?? {}) as Record<string, Stat>).map((s) => s.median);
console.log(
  `readPage over fixtures: median of medians ${stat(rp).median.toFixed(3)} ms, worst ${Math.max(...rp).toFixed(3)} ms (target ≤ 5)`,
);
for (const [label, v] of Object.entries(results.scales as Record<string, Record<string, unknown>>)) {
  console.log(`\n${label}`);
  console.log(
    `  seed via restore           ${(Number(v.seedMs) / 1000).toFixed(1)} s; IndexedDB ${v.bytesPerReceivable ? Math.round(Number(v.bytesPerReceivable)) + ' B/receivable' : '—'} (target ≤ 1024)`,
  );
  const raw = (v.rawIdbRecordsPerSec ?? {}) as Record<string, Stat>;
  console.log(
    `  raw IndexedDB getAll       ${Object.entries(raw)
      .map(([k, s]) => `${k} ${Math.round(s.median)}/s`)
      .join(', ')}`,
  );
  const sources = (p: PopupStat | undefined) =>
    Object.entries(p?.from ?? {})
      .map(([k, n]) => `${n}× ${k}`)
      .join(', ');
  const popupLine = (label: string, p: PopupStat | undefined, target = '') =>
    console.log(
      `  ${label.padEnd(27)}${fmt(p)}${target}; of which after domInteractive ${fmt(p?.afterDomInteractive)}; painted from ${sources(p)}`,
    );
  const ratio = (a: unknown, b: unknown) =>
    (a as Stat | undefined)?.median && (b as Stat | undefined)?.median
      ? ((a as Stat).median / (b as Stat).median).toFixed(2)
      : '—';
  popupLine('toolbar popup first paint', v.popupFirstPaintMs as PopupStat | undefined, ' (target ≤ 150)');
  popupLine('  floor: blank page as popup', v.blankToolbarFirstPaintMs as PopupStat | undefined);
  console.log(
    `  popup ÷ floor              ${ratio(v.popupFirstPaintMs, v.blankToolbarFirstPaintMs)}× (target ≤ 1.3 at 10k / 200k)`,
  );
  popupLine('  floor 2: its summary, static', v.staticToolbarFirstPaintMs as PopupStat | undefined);
  console.log(`  popup ÷ floor 2            ${ratio(v.popupFirstPaintMs, v.staticToolbarFirstPaintMs)}×`);
  if (v.popupLoadAverage)
    console.log(`  load average then          ${(v.popupLoadAverage as number[]).map((x) => x.toFixed(2)).join(' ')}`);
  popupLine('  … opened as a tab', v.popupTabFirstPaintMs as PopupStat | undefined);
  popupLine('  floor: blank page as a tab', v.blankTabFirstPaintMs as PopupStat | undefined);
  console.log(`  tab ÷ floor                ${ratio(v.popupTabFirstPaintMs, v.blankTabFirstPaintMs)}×`);
  console.log(
    `  record DOM → badge         ${fmt(v.badgeMs as Stat)} (target ≤ 100)${(v.badgeMs as { missed?: number } | undefined)?.missed ? `, ${(v.badgeMs as { missed: number }).missed} runs never painted` : ''}`,
  );
  console.log(`  side panel switch          ${fmt(v.sidePanelSwitchMs as Stat)} (target ≤ 100)`);
  console.log(
    `  agingReport (${v.agingItems} items) ${fmt(v.agingMs as Stat)}; suggestNext ${fmt(v.suggestNextMs as Stat, 'ms', 2)}`,
  );
  console.log(
    `  matchCustomer per query    ${fmt(v.matchQueryMs as Stat, 'ms', 3)} (target ≤ 5); normalizeCompanyName ${Number(v.normalizeNameMs ?? NaN).toFixed(4)} ms/name`,
  );
}
if (results.import200k) {
  const imp = results.import200k as {
    rowsPerSec: Stat;
    rowsPerCpuSecond?: Stat;
    peakHeapMB: number;
    undoMs?: Stat;
    rawPutRecordsPerSec?: Stat;
    rawPutRecordsPerCpuSecond?: Stat;
  };
  console.log(
    `\nimport 200k-row CSV: ${fmt(imp.rowsPerSec, 'rows/s', 0)} (target ≥ 10000), ${fmt(imp.rowsPerCpuSecond, 'rows per browser CPU second', 0)}, peak JS heap ${imp.peakHeapMB.toFixed(0)} MB; undo ${fmt(imp.undoMs)}`,
  );
  console.log(
    `raw IndexedDB put, one record per receivable (the floor): ${fmt(imp.rawPutRecordsPerSec, 'records/s', 0)}, ${fmt(imp.rawPutRecordsPerCpuSecond, 'records per browser CPU second', 0)}`,
  );
}
if (results.importReport200k) {
  const rep = results.importReport200k as {
    rowsPerSec: Stat;
    rowsPerCpuSecond?: Stat;
    peakHeapMB: number;
    rowsReady?: number[];
    fileTotalDifference?: string[];
  };
  console.log(
    `import 200k-row report (group lines, totals, repeated headers, payment rows): ${fmt(rep.rowsPerSec, 'rows/s', 0)} (target ≥ 10000), ${fmt(rep.rowsPerCpuSecond, 'rows per browser CPU second', 0)}, peak JS heap ${rep.peakHeapMB.toFixed(0)} MB; rows ready ${rep.rowsReady?.join(', ') ?? '?'}, imported − file total ${rep.fileTotalDifference?.join(', ') ?? '?'} (target 0)`,
  );
}
console.log('\nwritten bench/results.json');
