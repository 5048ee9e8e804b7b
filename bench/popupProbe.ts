/**
 * A probe of the toolbar popup's first paint (issue #23; README "Benchmark"), not part of `npm run bench`: opens
 * the popup and probe pages written into the production build (a blank page in Chinese, in the app's font stack, as
 * tall as the popup; the summary as a static page, with one font forced, without tooltips; the popup with its module
 * back in the head; `--old=DIR`: another build's popup.html and first-paint script) as the toolbar popup, one of each
 * per round, and prints each page's medians: the figure's paint, domInteractive, the load event. `--trace=DIR` also
 * writes one browser-wide Chromium trace per page. The store is seeded once into `--profile` (kept between runs).
 *   npx wxt build && npx tsx bench/popupProbe.ts --scale=500|5k|10k [--runs=9] [--only=popup.html,bench-blank.html]
 *     [--profile=/tmp/hk-prof-500] [--seed] [--old=/work/main/.output/chrome-mv3] [--trace=DIR] [--res]
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchExtension, customerCount, buildDirs, toolbarPopups, type Launched } from '../tests/e2e/harness';
import { toIsoDay } from '../lib/domain';
import { generatePortfolio, scales } from './generate';
import { makeBackup } from '../lib/transfer';

const argv = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, v] = a.slice(2).split('=');
      return [k, v ?? 'true'];
    }),
);
const RUNS = Number(argv.runs ?? 7);
const alias: Record<string, string> = { '500': '500 / 5k', '5k': '5k / 50k', '10k': '10k / 200k' };
const scale = scales.find((s) => s.label === alias[argv.scale ?? '500'])!;
const dir = buildDirs.production;

async function seed(l: Launched): Promise<void> {
  const data = generatePortfolio(scale, toIsoDay(new Date()));
  const file = join(mkdtempSync(join(tmpdir(), 'hk-probe-')), 'backup.json');
  writeFileSync(file, makeBackup(data as never, { createdAt: Date.now() } as never));
  const options = await l.openPage('options.html#export');
  await options.getByTestId('restore-file').setInputFiles(file);
  await options.getByTestId('restore-confirm').click({ timeout: 600_000 });
  while ((await customerCount(options)) < scale.customers) await options.waitForTimeout(500);
  await options.waitForTimeout(3000);
  await options.close();
}

const FIGURES = `new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no figure within 10 s')), 10000);
  new PerformanceObserver((list, o) => {
    const e = list.getEntries().filter((x) => x.identifier === 'portfolio-total')
      .map((x) => x.renderTime || x.loadTime).sort((a, b) => a - b)[0];
    if (e === undefined) return;
    o.disconnect();
    clearTimeout(timer);
    const n = performance.getEntriesByType('navigation')[0];
    const p = Object.fromEntries(performance.getEntriesByType('paint').map((x) => [x.name, x.startTime]));
    const res = performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)]);
    const wait = () => document.readyState === 'complete' ? Promise.resolve() : new Promise((r) => addEventListener('load', r));
    wait().then(() => setTimeout(() => {
      const n = performance.getEntriesByType('navigation')[0];
      resolve(JSON.stringify({ paint: e, di: n.domInteractive, dcl: n.domContentLoadedEventEnd, load: n.loadEventStart,
        fp: p['first-paint'], fcp: p['first-contentful-paint'], res, w: innerWidth, h: innerHeight,
        from: document.getElementById('summary')?.dataset.firstPaintDone }));
    }, 0));
  }).observe({ type: 'element', buffered: true });
})`;

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

const pages: Record<string, string> = {};
function write(name: string, html: string) {
  writeFileSync(join(dir, name), html);
  pages[name] = html;
}

const profile = argv.profile ?? `/tmp/hk-prof-${argv.scale ?? '500'}`;
const fresh = !existsSync(profile);
mkdirSync(profile, { recursive: true });
const l = await launchExtension({ headless: true, build: 'production', profileDir: profile, clock: 'real' });
try {
  if (fresh || argv.seed) {
    console.log('seeding', scale.label);
    await seed(l);
  }
  // Snapshot of the painted summary, for a static page.
  const tab = await l.context.newPage();
  await tab.goto(`chrome-extension://${l.extensionId}/popup.html`);
  await tab.waitForSelector('[elementtiming="portfolio-total"]');
  const snap = await tab.evaluate(() => {
    const style = document.getElementById('huikuan-summary-style')?.textContent ?? '';
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    main.querySelector('#root')!.replaceChildren();
    // Reads the popup's own painted DOM into a probe page file; nothing is written into a page from it.
    // eslint-disable-next-line no-restricted-properties
    return { style, main: main.outerHTML, lang: document.documentElement.lang, mirror: localStorage.length };
  });
  const mirrorLen = await tab.evaluate(() =>
    Object.keys(localStorage).map((k) => [k, (localStorage.getItem(k) ?? '').length]),
  );
  console.log('mirror', JSON.stringify(mirrorLen), 'style', snap.style.length, 'main', snap.main.length);
  await tab.close();
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huikuan</title></head>';
  write(
    'bench-blank.html',
    head + '<body><p elementtiming="portfolio-total" style="width:380px">Huikuan</p></body></html>',
  );
  write(
    'probe-blank-zh.html',
    head + '<body><p elementtiming="portfolio-total" style="width:380px">回款 汇款</p></body></html>',
  );
  write(
    'probe-blank-tall.html',
    head + '<body><p elementtiming="portfolio-total" style="width:380px;height:300px">Huikuan</p></body></html>',
  );
  write(
    'probe-static.html',
    `<!doctype html><html lang="${snap.lang}"><head><meta charset="utf-8"><title>Huikuan</title><style>${snap.style}</style></head><body>${snap.main}</body></html>`,
  );
  const stack = `system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, sans-serif`;
  write(
    'probe-blank-font.html',
    head +
      `<body><p elementtiming="portfolio-total" style="width:380px;font-family:${stack}">Huikuan</p></body></html>`,
  );
  write(
    'probe-blank-font-zh.html',
    head +
      `<body><p elementtiming="portfolio-total" style="width:380px;font-family:${stack}">回款 · 应收总览</p></body></html>`,
  );
  write(
    'probe-static-dejavu.html',
    `<!doctype html><html lang="${snap.lang}"><head><meta charset="utf-8"><title>Huikuan</title><style>${snap.style}</style><style>*{font-family:"DejaVu Sans"!important}</style></head><body>${snap.main}</body></html>`,
  );
  write(
    'probe-static-small.html',
    `<!doctype html><html lang="${snap.lang}"><head><meta charset="utf-8"><title>Huikuan</title><style>${snap.style}</style></head><body><main class="w-[380px] p-2 text-sm">${snap.main.match(/<h1[\s\S]*?<\/h1>/)?.[0]}<div class="text-xl font-semibold tabular-nums" elementtiming="portfolio-total">CN¥1,234,567.00</div></main></body></html>`,
  );
  write(
    'probe-static-notips.html',
    `<!doctype html><html lang="${snap.lang}"><head><meta charset="utf-8"><title>Huikuan</title><style>${snap.style}</style></head><body>${snap.main.replace(/<span id="summary-tip-[^"]*" hidden="">[^<]*<\/span>/g, '').replace(/ title="[^"]*"/g, '')}</body></html>`,
  );
  console.log('notips size', pages['probe-static-notips.html'].length, 'static', pages['probe-static.html'].length);
  const built = readFileSync(join(dir, 'popup.html'), 'utf8');
  write(
    'probe-paint-only.html',
    built.replace(/<script type="module"[^>]*><\/script>/, '').replace(/<link rel="modulepreload"[^>]*>/g, ''),
  );
  const tpl = built.match(/<template id="popup-module">([\s\S]*?)<\/template>/);
  if (tpl) write('probe-module-in-head.html', built.replace(tpl[0], '').replace('</head>', `${tpl[1]}</head>`));
  if (argv.old) {
    const oldHtml = readFileSync(join(argv.old, 'popup.html'), 'utf8');
    writeFileSync(join(dir, 'popup-paint-old.js'), readFileSync(join(argv.old, 'popup-paint.js')));
    for (const m of oldHtml.matchAll(/(?:src|href)="\/(chunks\/[^"]+)"/g))
      if (!existsSync(join(dir, m[1]))) writeFileSync(join(dir, m[1]), readFileSync(join(argv.old, m[1])));
    write('probe-old.html', oldHtml.replace('/popup-paint.js', '/popup-paint-old.js'));
  }
  for (const extra of (argv.pages ?? '').split(',').filter(Boolean)) pages[extra] = '';
  const names = (argv.only ?? ['popup.html', ...Object.keys(pages)].join(',')).split(',');
  console.log(
    'load',
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  );
  const out: Record<string, Array<Record<string, unknown>>> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const name of names) {
      await l.worker.evaluate(`chrome.action.setPopup({ popup: ${JSON.stringify(name)} })`);
      const t = await toolbarPopups(l, name);
      const p = await t.open();
      try {
        out[name].push(JSON.parse(await p.evaluate<string>(FIGURES)));
      } finally {
        await p.close();
        await t.dispose();
      }
    }
  }
  if (argv.trace) {
    mkdirSync(argv.trace, { recursive: true });
    const browser = l.context.browser()!;
    for (const name of names) {
      await l.worker.evaluate(`chrome.action.setPopup({ popup: ${JSON.stringify(name)} })`);
      const t = await toolbarPopups(l, name);
      const s = await browser.newBrowserCDPSession();
      const events: unknown[] = [];
      s.on('Tracing.dataCollected', (m: { value: unknown[] }) => events.push(...m.value));
      const done = new Promise<void>((r) => s.once('Tracing.tracingComplete', () => r()));
      await s.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'disabled-by-default-devtools.timeline.frame',
            'blink',
            'blink.user_timing',
            'loading',
            'navigation',
            'toplevel',
            'v8',
            'v8.execute',
            'cc',
            'viz',
            'benchmark',
            'browser',
            'ui',
            'views',
            'extensions',
            'content',
            'ipc',
            'mojom',
            'gpu',
            'latencyInfo',
            'rail',
            'disabled-by-default-v8.compile',
            'blink.resource',
            'netlog',
            'renderer',
            'renderer_host',
            'disabled-by-default-devtools.screenshot',
          ],
        },
      });
      const p = await t.open();
      let fig = '';
      try {
        fig = await p.evaluate<string>(FIGURES);
      } finally {
        await p.close();
      }
      await s.send('Tracing.end');
      await done;
      await t.dispose();
      writeFileSync(
        join(argv.trace, `${name}.json`),
        JSON.stringify({ traceEvents: events, figures: JSON.parse(fig) }),
      );
      console.log('trace', name, fig.slice(0, 200));
    }
  }
  await l.worker.evaluate(`chrome.action.setPopup({ popup: 'popup.html' })`);
  console.log(
    'load',
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  );
  for (const name of names) {
    const r = out[name];
    const f = (k: string) => med(r.map((x) => x[k] as number)).toFixed(1);
    console.log(
      name.padEnd(24),
      `paint ${f('paint')} [${r.map((x) => Math.round(x.paint as number)).join(' ')}] di ${f('di')} dcl ${f('dcl')} load ${f('load')} fp ${f('fp')} fcp ${f('fcp')} size ${r[0].w}x${r[0].h} from ${r[0].from}`,
    );
    if (argv.res) console.log('   ', JSON.stringify(r[0].res));
  }
} finally {
  await l.context.close();
  await l.servers.close?.();
}
process.exit(0);
