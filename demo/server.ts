/**
 * Local servers for the browser tests and the demo: an HTTP server on 127.0.0.1 for the demo CRM and mail pages,
 * and an HTTPS server (throwaway self-signed certificate) that answers for the real CRM and webmail host names,
 * which Chromium is told to resolve to it. Saved site pages are served from lib/sites/<site>/fixtures.
 */
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { renderDemoPage } from './pages';

export const root = resolve(import.meta.dirname, '..');

function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'huikuan-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=huikuan-test',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/** Pages registered by tests: host + path → HTML. */
export type Routes = Map<string, string>;

function handler(routes: Routes, now: () => Date) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const key = `${host}${url.pathname}`;
    const html = routes.get(key) ?? routes.get(`*${url.pathname}`) ?? renderDemoPage(url, now());
    if (html == null) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
}

export interface Servers {
  httpPort: number;
  httpsPort: number;
  routes: Routes;
  close(): Promise<void>;
}

/** `now`: the clock the demo pages are drawn by (the browser tests pass their pinned one). */
export async function startServers(httpPort = 0, now: () => Date = () => new Date()): Promise<Servers> {
  const routes: Routes = new Map();
  const http = createHttp(handler(routes, now));
  const https = createHttps(selfSignedCert(), handler(routes, now));
  await new Promise<void>((r) => http.listen(httpPort, '127.0.0.1', r));
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
  return {
    httpPort: (http.address() as AddressInfo).port,
    httpsPort: (https.address() as AddressInfo).port,
    routes,
    close: () =>
      Promise.all([
        new Promise<void>((r) => http.close(() => r())),
        new Promise<void>((r) => https.close(() => r())),
      ]).then(() => undefined),
  };
}

/** A saved page's HTML from lib/sites/<site>/fixtures/<file>. */
export function fixture(site: string, file: string): string {
  const p = join(root, 'lib/sites', site, 'fixtures', file);
  if (!existsSync(p)) throw new Error(`missing fixture ${p}`);
  return readFileSync(p, 'utf8');
}
