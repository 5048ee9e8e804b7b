/**
 * Finds a Chromium that honours --load-extension. Never downloads one: these machines cannot, and a test that
 * cannot find a browser must fail saying how to get one, not skip.
 */
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(
    'No Chromium found. Install one and run again:\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
      '  macOS:          brew install --cask chromium\n' +
      'or point CHROME_PATH at a Chromium binary. Google-branded Chrome 137+ ignores --load-extension, so use Chromium.',
  );
}
