/**
 * What the server enforces, shipped as CouchDB design documents and `_security` objects, and the setup that puts
 * them on a fresh server (scripts/team-setup.ts; the tests run the same code against their server).
 *
 * - One database per salesperson (`huikuan-<name>`): readable and writable by that salesperson and by the
 *   `huikuan-manager` role, nobody else (`_security.members`). Its `validate_doc_update` refuses a write by
 *   anybody else, a record whose owner is another salesperson, an unknown kind of record, a record whose `by` is
 *   not the writer, a malformed record, a changed activity (activities are append-only) and a promise whose
 *   amount or date changed (a promise is what the customer said; a new date is a new promise).
 * - `huikuan-team`: the team list, readable by every member, writable by the server's admins only.
 */
import { syncKinds } from './docs';
import { MANAGER_ROLE, MEMBER_ROLE, TEAM_DB, TEAM_DOC, type Team, ownerDbName } from './team';

/** The validate function for one salesperson's database, in ES5 for CouchDB's JavaScript engine. */
export function ownerValidateSource(owner: string): string {
  return `function (newDoc, oldDoc, userCtx) {
  var OWNER = ${JSON.stringify(owner)};
  var KINDS = ${JSON.stringify(Object.fromEntries(syncKinds.map((k) => [k, true])))};
  var roles = userCtx.roles || [];
  var admin = roles.indexOf('_admin') !== -1;
  var manager = roles.indexOf(${JSON.stringify(MANAGER_ROLE)}) !== -1;
  function refuse(why) { throw({ forbidden: why }); }
  if (!admin && !manager && userCtx.name !== OWNER) refuse('only ' + OWNER + ' and the managers write in this database');
  var sep = newDoc._id.indexOf(':');
  var kind = sep > 0 ? newDoc._id.slice(0, sep) : '';
  var key = newDoc._id.slice(sep + 1);
  if (!KINDS[kind] || newDoc.kind !== kind) refuse('unknown kind of record: ' + newDoc._id);
  if (newDoc.owner !== OWNER) refuse('a record of ' + newDoc.owner + ' does not belong in the database of ' + OWNER);
  if (!admin && newDoc.by !== userCtx.name) refuse('by must name the writer');
  if (typeof newDoc.at !== 'number' || typeof newDoc.customerId !== 'string' || !newDoc.customerId) refuse('at and customerId are required');
  if (newDoc._deleted) return;
  var row = newDoc.row;
  if (!row || typeof row !== 'object') refuse('a record needs its row');
  var rowKey = (kind === 'ledgers' || kind === 'profiles' || kind === 'preparations') ? row.customerId : row.id;
  if (rowKey !== key) refuse('the row does not match its id');
  if ((kind === 'customers' ? row.id : row.customerId) !== newDoc.customerId) refuse('the row belongs to another customer');
  if (kind === 'customers' && (typeof row.name !== 'string' || !row.name)) refuse('a customer needs a name');
  if (kind === 'ledgers' && (!isArray(row.receivables) || !isArray(row.payments))) refuse('a ledger holds receivables and payments');
  if (kind === 'promises' && (!row.amount || typeof row.amount.minor !== 'number' || typeof row.date !== 'string')) refuse('a promise needs an amount and a date');
  if (oldDoc && !oldDoc._deleted && oldDoc.row) {
    if (kind === 'activities' && JSON.stringify(canon(oldDoc.row)) !== JSON.stringify(canon(row))) refuse('activities are append-only');
    if (kind === 'promises' && (oldDoc.row.date !== row.date || oldDoc.row.amount.minor !== row.amount.minor
      || oldDoc.row.amount.currency !== row.amount.currency)) refuse('a promise keeps its amount and date; record a new one');
  }
  function isArray(a) { return Object.prototype.toString.call(a) === '[object Array]'; }
  function canon(v) {
    if (isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') { var o = {}; Object.keys(v).sort().forEach(function (k) { o[k] = canon(v[k]); }); return o; }
    return v;
  }
}`;
}

export const teamValidateSource = `function (newDoc, oldDoc, userCtx) {
  if ((userCtx.roles || []).indexOf('_admin') === -1) throw({ forbidden: 'only the server admin changes the team' });
}`;

export const ownerSecurity = (owner: string) => ({
  admins: { names: [], roles: [] },
  members: { names: [owner], roles: [MANAGER_ROLE] },
});
export const teamSecurity = {
  admins: { names: [], roles: [] },
  members: { names: [], roles: [MEMBER_ROLE, MANAGER_ROLE] },
};

export interface TeamSetupUser {
  name: string;
  password: string;
  displayName: string;
  monthlyTarget?: { minor: number; currency: string };
}
export interface TeamSetupSpec {
  salespeople: TeamSetupUser[];
  managers: TeamSetupUser[];
}

type AdminRequest = (
  method: 'GET' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<{ status: number; json: unknown }>;

/** An admin's requests to the server (Basic auth), for the setup script and the tests. */
export function adminRequests(
  url: string,
  admin: { name: string; password: string },
  doFetch: typeof fetch = fetch,
): AdminRequest {
  const auth = `Basic ${btoa(`${admin.name}:${admin.password}`)}`;
  return async (method, path, body) => {
    const r = await doFetch(url.replace(/\/+$/, '') + path, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: r.status, json };
  };
}

async function ensure(req: AdminRequest, path: string, body?: unknown): Promise<void> {
  const r = await req('PUT', path, body);
  if (r.status >= 300 && r.status !== 412) throw new Error(`PUT ${path}: ${r.status} ${JSON.stringify(r.json)}`);
}

/** Creates or updates a document, keeping its revision (idempotent: the setup can run again). */
async function upsert(req: AdminRequest, path: string, doc: Record<string, unknown>): Promise<void> {
  const cur = await req('GET', path);
  const rev = cur.status === 200 ? (cur.json as { _rev?: string })._rev : undefined;
  const r = await req('PUT', path, rev ? { ...doc, _rev: rev } : doc);
  if (r.status >= 300) throw new Error(`PUT ${path}: ${r.status} ${JSON.stringify(r.json)}`);
}

/** Everything a fresh server needs for a team: users and roles, one database per salesperson, the team list. */
export async function applyTeamSetup(req: AdminRequest, spec: TeamSetupSpec): Promise<Team> {
  await ensure(req, '/_users');
  for (const u of spec.salespeople) await putUser(req, u, [MEMBER_ROLE]);
  for (const u of spec.managers) await putUser(req, u, [MEMBER_ROLE, MANAGER_ROLE]);
  const team: Team = {
    members: spec.salespeople.map((u) => ({
      name: u.name,
      displayName: u.displayName,
      db: dbOf(u.name),
      ...(u.monthlyTarget ? { monthlyTarget: u.monthlyTarget } : {}),
    })),
    managers: spec.managers.map((u) => ({ name: u.name, displayName: u.displayName })),
  };
  for (const m of team.members) {
    await ensure(req, `/${m.db}`);
    await ensure(req, `/${m.db}/_security`, ownerSecurity(m.name));
    await upsert(req, `/${m.db}/_design/huikuan`, { validate_doc_update: ownerValidateSource(m.name) });
  }
  await ensure(req, `/${TEAM_DB}`);
  await ensure(req, `/${TEAM_DB}/_security`, teamSecurity);
  await upsert(req, `/${TEAM_DB}/_design/huikuan`, { validate_doc_update: teamValidateSource });
  await upsert(req, `/${TEAM_DB}/${TEAM_DOC}`, team as unknown as Record<string, unknown>);
  return team;
}

/** Takes a salesperson out of the team: out of their database's members (their next sync removes its data). */
export async function revokeMember(req: AdminRequest, name: string): Promise<void> {
  await ensure(req, `/${dbOf(name)}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [MANAGER_ROLE] },
  });
}

const dbOf = ownerDbName;

async function putUser(req: AdminRequest, u: TeamSetupUser, roles: string[]): Promise<void> {
  if (!/^[a-z][a-z0-9._-]*$/.test(u.name))
    throw new Error(`user name ${u.name}: use lower-case letters, digits, . _ -`);
  await upsert(req, `/_users/org.couchdb.user:${encodeURIComponent(u.name)}`, {
    name: u.name,
    password: u.password,
    roles,
    type: 'user',
  });
}
