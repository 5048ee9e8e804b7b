/**
 * The CouchDB HTTP API, as much of it as the sync cycle uses: `_session`, `_changes` (one-shot, with a
 * checkpoint), `_bulk_docs`, `_all_docs` by keys, `_bulk_get` and single documents by revision. This is the only module of the
 * extension that sends a network request, and it sends it only to the server the user configured.
 *
 * Every answer is checked: a server that is down, slow, refuses us or answers garbage produces a `CouchError` with
 * a kind the cycle acts on, never an exception of another shape and never a half-read answer.
 */
import { z } from 'zod';

export type CouchAuth = { kind: 'password'; name: string; password: string } | { kind: 'jwt'; token: string };
export interface CouchOptions {
  /** The server's base address, e.g. `https://couch.example.cn:6984` (no trailing slash needed). */
  url: string;
  auth: CouchAuth;
  /** Milliseconds before a request counts as failed (a slow server never holds a cycle for ever). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type CouchErrorKind =
  'offline' | 'timeout' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'server' | 'garbage';
export class CouchError extends Error {
  constructor(
    readonly kind: CouchErrorKind,
    readonly status: number | undefined,
    readonly reason: string,
  ) {
    super(`${kind}${status ? ` ${status}` : ''}: ${reason}`);
    this.name = 'CouchError';
  }
}

const errorBody = z.object({ error: z.string().optional(), reason: z.string().optional() }).loose();
const sessionBody = z
  .object({ userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }) })
  .loose();
const seq = z.union([z.string(), z.number()]);
const changesBody = z
  .object({
    results: z.array(
      z
        .object({
          id: z.string(),
          seq: seq.optional(),
          deleted: z.boolean().optional(),
          changes: z.array(z.object({ rev: z.string() })),
          doc: z.record(z.string(), z.unknown()).optional(),
        })
        .loose(),
    ),
    last_seq: seq,
  })
  .loose();
const bulkBody = z.array(
  z
    .object({
      id: z.string(),
      rev: z.string().optional(),
      ok: z.boolean().optional(),
      error: z.string().optional(),
      reason: z.string().optional(),
    })
    .loose(),
);
const allDocsBody = z
  .object({
    rows: z.array(
      z
        .object({
          key: z.string(),
          id: z.string().optional(),
          error: z.string().optional(),
          value: z.object({ rev: z.string(), deleted: z.boolean().optional() }).loose().optional(),
        })
        .loose(),
    ),
  })
  .loose();

const bulkGetBody = z
  .object({
    results: z.array(
      z
        .object({
          id: z.string(),
          // Each `{ ok: document }` or `{ error: … }`.
          docs: z.array(z.record(z.string(), z.unknown())),
        })
        .loose(),
    ),
  })
  .loose();

export type Seq = z.infer<typeof seq>;
export type ChangesPage = z.infer<typeof changesBody>;
export type BulkResult = z.infer<typeof bulkBody>[number];
export interface CurrentRev {
  id: string;
  rev?: string;
  deleted: boolean;
}
export interface Session {
  name: string;
  roles: string[];
}

export class Couch {
  private readonly base: string;
  constructor(private readonly opts: CouchOptions) {
    this.base = opts.url.replace(/\/+$/, '');
  }

  /** Who the server says we are. A 401 means the name, password or token is wrong or expired. */
  async session(): Promise<Session> {
    const body = sessionBody.safeParse(await this.request('GET', '/_session'));
    if (!body.success)
      throw new CouchError('garbage', 200, 'the server answered /_session with something that is not CouchDB');
    if (!body.data.userCtx.name) throw new CouchError('unauthorized', 401, 'not signed in');
    return { name: body.data.userCtx.name, roles: body.data.userCtx.roles };
  }

  async getDoc(db: string, id: string, rev?: string): Promise<Record<string, unknown>> {
    const q = rev ? `?rev=${encodeURIComponent(rev)}` : '';
    const body = await this.request('GET', `/${encodeURIComponent(db)}/${encodeURIComponent(id)}${q}`);
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new CouchError('garbage', 200, `document ${id} is not an object`);
    return body as Record<string, unknown>;
  }

  /** One page of the database's changes after `since`, with the documents and their conflicting revisions. */
  async changes(db: string, since: Seq, limit: number): Promise<ChangesPage> {
    const q = `?since=${encodeURIComponent(String(since))}&include_docs=true&conflicts=true&limit=${limit}`;
    const body = changesBody.safeParse(await this.request('GET', `/${encodeURIComponent(db)}/_changes${q}`));
    if (!body.success) throw new CouchError('garbage', 200, `the changes feed of ${db} is not CouchDB's`);
    return body.data;
  }

  /** Writes documents with their revisions; per-document refusals (conflict, forbidden) come back in the result. */
  async bulkDocs(db: string, docs: unknown[]): Promise<BulkResult[]> {
    const body = bulkBody.safeParse(await this.request('POST', `/${encodeURIComponent(db)}/_bulk_docs`, { docs }));
    if (!body.success)
      throw new CouchError('garbage', 200, `_bulk_docs of ${db} answered something that is not CouchDB's`);
    return body.data;
  }

  /**
   * Many documents at given revisions in one request (`_bulk_get`); a revision the server does not have is
   * left out of the answer (the caller then treats the document as not fetched).
   */
  async bulkGet(db: string, refs: Array<{ id: string; rev: string }>): Promise<Map<string, Record<string, unknown>>> {
    const out = new Map<string, Record<string, unknown>>();
    if (!refs.length) return out;
    const body = bulkGetBody.safeParse(
      await this.request('POST', `/${encodeURIComponent(db)}/_bulk_get`, { docs: refs }),
    );
    if (!body.success)
      throw new CouchError('garbage', 200, `_bulk_get of ${db} answered something that is not CouchDB's`);
    for (const r of body.data.results) {
      for (const d of r.docs) {
        const doc = d.ok;
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) continue;
        const rev = (doc as Record<string, unknown>)._rev;
        if (typeof rev === 'string') out.set(`${r.id}@${rev}`, doc as Record<string, unknown>);
      }
    }
    return out;
  }

  /** The current revision of each id, also for deleted documents (their tombstone's revision). */
  async currentRevs(db: string, ids: string[]): Promise<CurrentRev[]> {
    const body = allDocsBody.safeParse(
      await this.request('POST', `/${encodeURIComponent(db)}/_all_docs`, { keys: ids }),
    );
    if (!body.success)
      throw new CouchError('garbage', 200, `_all_docs of ${db} answered something that is not CouchDB's`);
    return body.data.rows.map((r) => ({ id: r.key, rev: r.value?.rev, deleted: !!r.value?.deleted }));
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
    const a = this.opts.auth;
    h.authorization = a.kind === 'password' ? `Basic ${base64(`${a.name}:${a.password}`)}` : `Bearer ${a.token}`;
    return h;
  }

  private async request(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
    const doFetch = this.opts.fetch ?? fetch;
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.opts.timeoutMs ?? 20_000);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(this.base + path, {
        method,
        headers: this.headers(),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: ctrl.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      text = await res.text();
    } catch (e) {
      if (ctrl.signal.aborted) throw new CouchError('timeout', undefined, `no answer from ${this.base} in time`);
      throw new CouchError('offline', undefined, `cannot reach ${this.base}: ${(e as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new CouchError(
        res.ok ? 'garbage' : 'server',
        res.status,
        `the server's answer is not JSON (${text.slice(0, 80)})`,
      );
    }
    if (res.ok) return json;
    const err = errorBody.safeParse(json);
    const reason = err.success ? (err.data.reason ?? err.data.error ?? '') : '';
    throw new CouchError(kindOfStatus(res.status), res.status, reason || res.statusText || 'request refused');
  }
}

function kindOfStatus(status: number): CouchErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  return 'server';
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
