/**
 * Draws the toolbar icons (a 回 on a green rounded square) with the system Chromium and writes them to
 * public/icon/. Run once when the design changes: `npx tsx scripts/make-icons.ts`.
 */
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { findChromium } from '../tests/e2e/chromium';

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${size * 0.22}px;background:#15803d;display:flex;align-items:center;justify-content:center;
      color:#fff;font:700 ${Math.round(size * 0.72)}px 'Noto Sans CJK SC','Noto Sans CJK',sans-serif;line-height:1">回</div></body></html>`);
  writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
