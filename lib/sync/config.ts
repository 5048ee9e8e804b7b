/**
 * Team mode's settings, kept in the store's meta table under its own key: never in a backup or an export
 * (those hold the user's records only), never in `storage.sync`. Team mode is off while there is none.
 */
import { z } from 'zod';
import type { HuikuanDb } from '../db/schema';
import { Couch, type CouchAuth } from './couch';

export const TEAM_CONFIG_KEY = 'team.config';

export const teamConfigSchema = z.object({
  /** http(s) origin and optional path prefix of the CouchDB server. */
  url: z
    .string()
    .url()
    .max(500)
    .refine((u) => /^https?:\/\//.test(u), 'the server address starts with https:// or http://'),
  name: z.string().min(1).max(100),
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('password'), password: z.string().min(1).max(500) }),
    z.object({ kind: z.literal('jwt'), token: z.string().min(10).max(8000) }),
  ]),
});
export type TeamConfig = z.infer<typeof teamConfigSchema>;

export async function readTeamConfig(db: HuikuanDb): Promise<TeamConfig | undefined> {
  const parsed = teamConfigSchema.safeParse((await db.meta.get(TEAM_CONFIG_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveTeamConfig(db: HuikuanDb, config: TeamConfig): Promise<void> {
  await db.meta.put({ key: TEAM_CONFIG_KEY, value: teamConfigSchema.parse(config) });
}

export async function clearTeamConfig(db: HuikuanDb): Promise<void> {
  await db.meta.delete(TEAM_CONFIG_KEY);
}

/**
 * The match pattern of the server, which is the one host permission team mode asks for: its scheme and host name,
 * without the port. Firefox accepts and lists a pattern with a port (`http://127.0.0.1:5984/*`) but grants no
 * access by it (every request stays a CORS failure — tests/e2e/firefox-team.e2e.ts); without the port it covers
 * that host on every port, in Firefox and in Chromium alike.
 */
export function serverOrigin(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

export function couchFor(config: TeamConfig, timeoutMs = 20_000): Couch {
  const auth: CouchAuth =
    config.auth.kind === 'password'
      ? { kind: 'password', name: config.name, password: config.auth.password }
      : { kind: 'jwt', token: config.auth.token };
  return new Couch({ url: config.url, auth, timeoutMs });
}
