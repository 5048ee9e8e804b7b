/**
 * A CouchDB-protocol server on 127.0.0.1 for the tests and the bench: express-pouchdb (the HTTP layer of
 * pouchdb-server) over PouchDB's in-memory adapter, in its full-CouchDB mode, which has `_users`, `_session`,
 * per-database `_security` and `validate_doc_update` (see README "Team sharing", the spike). Each server keeps its
 * databases to itself (a prefix per instance), so two servers in one process never share data.
 *
 * `stop()` closes it; `pause()`/`resume()` make it refuse every connection for a while (a server going away
 * mid-sync); `failNext(n, status, body)` answers the next n requests with a given status and body.
 */
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import type { Server } from 'node:http';

const require = createRequire(import.meta.url);

export interface TestCouch {
  url: string;
  admin: { name: string; password: string };
  stop(): Promise<void>;
  /** Drops every open connection and refuses new ones until resume(). */
  pause(): void;
  resume(): void;
  /** Answers the next `n` requests matching `match` (default: all) with `status` and `body` (raw text). */
  failNext(n: number, status: number, body: string, match?: (method: string, url: string) => boolean): void;
  /** Delays every request by `ms` (a slow server). */
  setDelay(ms: number): void;
  requests: Array<{ method: string; url: string }>;
}

let instances = 0;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- PouchDB 7 has no types here
let PouchBase: any;

export async function startTestCouch(port = 0): Promise<TestCouch> {
  const express = require('express');
  // The plugins are installed once per process (a second install throws); each server gets its own defaults.
  PouchBase ??= require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'));
  const PouchDB = PouchBase;
  const prefix = `couch${process.pid}_${instances++}_`;
  const MemPouch = PouchDB.defaults({ adapter: 'memory', prefix });
  const app = express();
  let paused = false;
  let delay = 0;
  const failures: Array<{ n: number; status: number; body: string; match?: (m: string, u: string) => boolean }> = [];
  const requests: TestCouch['requests'] = [];
  app.use(
    (
      req: { method: string; url: string },
      res: { status(n: number): { type(t: string): { send(b: string): void } } },
      next: () => void,
    ) => {
      requests.push({ method: req.method, url: req.url });
      const f = failures.find((x) => x.n > 0 && (!x.match || x.match(req.method, req.url)));
      const go = () => {
        if (f) {
          f.n--;
          res.status(f.status).type('application/json').send(f.body);
          return;
        }
        next();
      };
      if (delay) setTimeout(go, delay);
      else go();
    },
  );
  app.use(
    require('express-pouchdb')(MemPouch, {
      inMemoryConfig: true,
      mode: 'fullCouchDB',
      logPath: `/tmp/${prefix}log.txt`,
    }),
  );
  const sockets = new Set<Socket>();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  server.on('connection', (s: Socket) => {
    if (paused) {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = { name: 'admin', password: 'test-admin-password' };
  const r = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!r.ok) throw new Error(`could not create the test server's admin: ${r.status}`);
  return {
    url,
    admin,
    requests,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    pause: () => {
      paused = true;
      for (const s of sockets) s.destroy();
    },
    resume: () => {
      paused = false;
    },
    failNext: (n, status, body, match) => {
      failures.push({ n, status, body, match });
    },
    setDelay: (ms) => {
      delay = ms;
    },
  };
}
