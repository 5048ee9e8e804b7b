/**
 * The browser tests' pinned clock. Chromium runs under libfaketime (Debian's `faketime` package), started at
 * BROWSER_START in BROWSER_TZ and running on from there, so "today" in the extension is TODAY on any real day and
 * the tests' expectations in Node are computed for the same day. (Playwright's own clock API only reaches web
 * pages, not the extension's service worker; libfaketime moves every Chromium process.)
 */
import { existsSync } from 'node:fs';

export const BROWSER_TZ = 'Asia/Shanghai';
/** Wall time in BROWSER_TZ at which the browser's clock starts. */
export const BROWSER_START = '2026-11-22 09:00:00';
/** The browser's calendar day for the whole run (the clock starts at 09:00 and a run takes minutes). */
export const TODAY = '2026-11-22';
/** BROWSER_START as an instant. */
export const BROWSER_START_MS = Date.parse('2026-11-22T09:00:00+08:00');

const libfaketimeCandidates = [
  process.env.LIBFAKETIME_PATH,
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
  '/usr/local/lib/faketime/libfaketime.so.1',
].filter((p): p is string => !!p);

export function findLibfaketime(): string {
  for (const p of libfaketimeCandidates) if (existsSync(p)) return p;
  throw new Error(
    'The browser tests run Chromium at a pinned date through libfaketime, which is not installed.\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y faketime\n' +
      'or point LIBFAKETIME_PATH at libfaketime.so.1. (`npm test` and .ci/run install it on Debian when they can.)',
  );
}

/** Environment for a browser process whose wall clock starts at BROWSER_START in BROWSER_TZ. */
export function pinnedClockEnv(): Record<string, string> {
  return {
    LD_PRELOAD: findLibfaketime(),
    // "@": start there and run on. (FAKETIME_DONT_FAKE_MONOTONIC=1 hangs Chromium's navigations to extension pages.)
    FAKETIME: `@${BROWSER_START}`,
    TZ: BROWSER_TZ,
  };
}
