/**
 * `npm run demo`: the built extension in Chromium on the built-in demo portfolio. Serves the demo CRM and mail
 * pages on 127.0.0.1, loads the demo data through the options page, opens a demo customer's CRM record and the
 * side panel. With a display it stays open as a normal window until you close it; without one (servers, CI) it
 * runs headless and writes screenshots of the record page, the side panel and the popup into demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chipFrame, launchExtension, loadDemo, tabIdFor } from '../tests/e2e/harness';

const headless = (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) || process.argv.includes('--headless');
const out = resolve('demo-output');

const l = await launchExtension({ headless, httpPort: Number(process.env.DEMO_PORT ?? 5178), clock: 'real' }).catch(
  async (e) => {
    if (String(e).includes('EADDRINUSE')) return launchExtension({ headless, httpPort: 0, clock: 'real' });
    throw e;
  },
);
try {
  await loadDemo(l);
  const record = await l.context.newPage();
  await record.goto(l.demoUrl('/crm/accounts/ACC-0001'));
  await chipFrame(record).catch(() => console.warn('The badge did not appear on the record page.'));
  const tabId = await tabIdFor(l, l.demoUrl('/crm/accounts/ACC-0001'));
  const panel = await l.openPage(`sidepanel.html?tab=${tabId}`);
  if (headless) {
    mkdirSync(out, { recursive: true });
    const shots: Array<[string, string]> = [];
    await record.waitForTimeout(500);
    await record.screenshot({ path: `${out}/record-page.png` });
    shots.push([`${out}/record-page.png`, "a demo customer's CRM record with the Huikuan badge beside its title"]);
    for (const width of [320, 400, 600]) {
      await panel.setViewportSize({ width, height: 800 });
      await panel.waitForTimeout(300);
      await panel.screenshot({ path: `${out}/sidepanel-${width}.png`, fullPage: false });
      shots.push([`${out}/sidepanel-${width}.png`, `the side panel for that customer, ${width} px wide`]);
    }
    const popup = await l.openPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: `${out}/popup.png` });
    shots.push([`${out}/popup.png`, 'the toolbar popup: portfolio aging, today, the worklist']);
    const mail = await l.context.newPage();
    await mail.goto(l.demoUrl('/mail/thread/t1'));
    await mail.waitForTimeout(800);
    await mail.screenshot({ path: `${out}/mail-thread.png` });
    shots.push([`${out}/mail-thread.png`, 'a demo mail thread with payment news and the capture chip']);
    console.log('Huikuan demo ran headless (no display) on the demo portfolio (30 customers). What it showed:');
    for (const [file, what] of shots) console.log(`  ${file}\n      ${what}`);
  } else {
    console.log(
      `Huikuan demo is running. Demo CRM: ${l.demoUrl('/crm/accounts')}  Demo mail: ${l.demoUrl('/mail/inbox')}`,
    );
    console.log('Close the browser window (or press Ctrl+C) to stop.');
    await new Promise<void>((r) => {
      l.context.on('close', () => r());
      process.on('SIGINT', () => r());
    });
  }
} finally {
  await l.close();
}
