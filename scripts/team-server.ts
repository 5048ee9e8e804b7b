/**
 * A local CouchDB-protocol server for trying team mode without a CouchDB (express-pouchdb in memory, the same as
 * the tests use; data is gone when it stops): `npm run team:server` listens on 127.0.0.1:5984 (PORT overrides;
 * PORT=0 takes a free port, as bench/couchProcess.ts starts it)
 * and prints its admin's name and password for `npm run team:setup`. For a real team use Apache CouchDB.
 */
import { startTestCouch } from '../tests/support/couch-server';

const port = Number(process.env.PORT ?? 5984);
const server = await startTestCouch(port);
console.log(
  `CouchDB-protocol test server on ${server.url} (in memory). Admin: ${server.admin.name} / ${server.admin.password}`,
);
console.log(
  'Set it up:  COUCHDB_ADMIN_PASSWORD=' + server.admin.password + ' npm run team:setup -- scripts/team.example.json',
);
