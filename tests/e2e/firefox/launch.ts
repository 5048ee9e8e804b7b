/**
 * Launches the built Firefox extension in the system Firefox, the way a user runs it: a temporary add-on (as
 * about:debugging loads it) in a fresh profile, real background page, content scripts on real host names
 * (resolved to the local HTTPS server with `network.dns.localDomains`), real extension pages, the real sidebar and
 * toolbar popup. Driven over Marionette (./marionette.ts). Never downloads a browser: a missing Firefox fails
 * with how to get one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startServers, type Servers } from '../../../demo/server';
import { Marionette, Session } from './marionette';

export const firefoxExtensionDir = join(root, '.output/firefox-mv2');
export const ADDON_ID = 'huikuan@huikuan.dev';
/** Fixed so that tests can address the extension's pages (Firefox picks a random one per profile otherwise). */
export const EXTENSION_UUID = '6f1d2c3b-4a59-4e7d-9c1b-2a3f4e5d6c7b';
export const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;

const candidates = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(
    'No Firefox found for the Firefox browser tests. Install one and run again:\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y firefox-esr\n' +
      '  macOS:          brew install --cask firefox\n' +
      'or point FIREFOX_PATH at a Firefox (128 ESR or later) binary.',
  );
}

/** Host names the tests visit, all answered by the local HTTPS server. */
export const fixtureHosts = ['acme.lightning.force.com', 'mail.google.com', 'outlook.office.com', 'news.example.com'];

function prefs(httpsHosts: string[], locale: string, extra: Record<string, string | number | boolean> = {}): string {
  const p: Record<string, string | number | boolean> = {
    'marionette.port': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
    'network.dns.localDomains': httpsHosts.join(','),
    'intl.locale.requested': locale,
    'intl.accept_languages': locale,
    // Console output of pages and extension pages on stdout, where the tests look for CSP errors.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.newtabpage.enabled': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'extensions.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'services.settings.server': 'data:,#remote-settings-off',
    'browser.region.network.url': '',
    'media.gmp-manager.url': '',
    'dom.disable_beforeunload': true,
    ...extra,
  };
  return Object.entries(p)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

export interface FirefoxLaunched {
  s: Session;
  servers: Servers;
  /** The browser's stdout and stderr so far. */
  log(): string;
  /** URL of a page under one of `fixtureHosts`, on the HTTPS server's port. */
  siteUrl(host: string, path: string): string;
  /** Opens one of the extension's pages in a new tab and switches to it; returns the tab's handle. */
  openPage(path: string): Promise<string>;
  /** Opens a web page in a new tab and switches to it. */
  openUrl(url: string): Promise<string>;
  close(): Promise<void>;
}

async function waitForFile(path: string, proc: ChildProcess, log: () => string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null)
      throw new Error(`Firefox exited (${proc.exitCode}) before Marionette started:\n${log().slice(-2000)}`);
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8').trim();
      if (text) return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Firefox's Marionette did not start within ${timeoutMs / 1000} s:\n${log().slice(-2000)}`);
}

/** `prefs`: more preferences for this profile (e.g. to grant optional permissions without the doorhanger). */
export async function launchFirefox(
  opts: { locale?: string; prefs?: Record<string, string | number | boolean> } = {},
): Promise<FirefoxLaunched> {
  if (!existsSync(join(firefoxExtensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${firefoxExtensionDir}: run \`npm run build\` first.`);
  }
  const binary = findFirefox();
  const servers = await startServers(0);
  const profile = mkdtempSync(join(tmpdir(), 'huikuan-firefox-'));
  writeFileSync(join(profile, 'user.js'), prefs(fixtureHosts, opts.locale ?? 'en-US', opts.prefs));
  let out = '';
  const proc = spawn(
    binary,
    ['--headless', '-marionette', '-remote-allow-system-access', '-no-remote', '-profile', profile],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    },
  );
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const log = () => out;
  let s: Session | undefined;
  const close = async () => {
    await s?.quit();
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      const t = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      proc.kill('SIGTERM');
      await exited;
      clearTimeout(t);
    }
    await servers.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = Number(await waitForFile(join(profile, 'MarionetteActivePort'), proc, log, 60_000));
    s = await Session.start(await Marionette.connect(port));
    await s.m.command('Addon:Install', { path: firefoxExtensionDir, temporary: true });
  } catch (e) {
    await close();
    throw e;
  }
  const session = s;
  const launched: FirefoxLaunched = {
    s: session,
    servers,
    log,
    close,
    siteUrl: (host, path) => `https://${host}:${servers.httpsPort}${path}`,
    async openPage(path) {
      return launched.openUrl(`${extensionOrigin}/${path.replace(/^\//, '')}`);
    },
    async openUrl(url) {
      const h = await session.open('tab');
      await session.switchTo(h);
      await session.navigate(url);
      return h;
    },
  };
  return launched;
}

/** Polls `check` until it returns a value other than undefined, null or false, or fails with `what`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
