/**
 * Sets up a team on a CouchDB server (fresh or already set up: it can run again): users and roles, one database
 * per salesperson with its `_security` and `validate_doc_update`, and the `huikuan-team` database with the team
 * list. The same code sets up the tests' server (lib/sync/design.ts).
 *
 *   npm run team:setup -- team.json            (see scripts/team.example.json)
 *   COUCHDB_ADMIN_PASSWORD=… npm run team:setup -- team.json
 *
 * team.json: { "server": "https://couch.example.cn:6984", "admin": { "name": "admin", "password": "…" },
 *              "salespeople": [{ "name": "wanglei", "password": "…", "displayName": "王磊",
 *                                "monthlyTarget": { "minor": 50000000, "currency": "CNY" } }],
 *              "managers": [{ "name": "zhaomin", "password": "…", "displayName": "赵敏" }] }
 * A salesperson's name is their CouchDB user name; `displayName` is how the team writes them as a customer's owner.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { adminRequests, applyTeamSetup } from '../lib/sync/design';
import { moneySchema } from '../lib/domain';

const user = z.object({
  name: z.string().regex(/^[a-z][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -'),
  password: z.string().min(8, 'at least 8 characters'),
  displayName: z.string().min(1),
  monthlyTarget: moneySchema.optional(),
});
const fileSchema = z.object({
  server: z.string().url(),
  admin: z.object({ name: z.string().min(1), password: z.string().optional() }),
  salespeople: z.array(user).min(1),
  managers: z.array(user.omit({ monthlyTarget: true })).default([]),
});

async function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: npm run team:setup -- team.json');
    process.exit(2);
  }
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`${path}: ${i.path.join('.')}: ${i.message}`);
    process.exit(2);
  }
  const spec = parsed.data;
  const password = process.env.COUCHDB_ADMIN_PASSWORD ?? spec.admin.password;
  if (!password) {
    console.error('the admin password: set admin.password in the file or COUCHDB_ADMIN_PASSWORD');
    process.exit(2);
  }
  const req = adminRequests(spec.server, { name: spec.admin.name, password });
  const hello = await req('GET', '/');
  if (hello.status !== 200) {
    console.error(`${spec.server} did not answer as CouchDB (${hello.status})`);
    process.exit(1);
  }
  console.log(`server: ${JSON.stringify(hello.json)}`);
  const team = await applyTeamSetup(req, spec);
  for (const m of team.members) console.log(`salesperson ${m.name} (${m.displayName}): database ${m.db}`);
  for (const m of team.managers)
    console.log(`manager ${m.name} (${m.displayName}): reads and writes every salesperson's database`);
  console.log(
    'done: each person now connects in Huikuan → Settings → Team with the server address, their user name and password.',
  );
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
