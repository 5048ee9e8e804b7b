/**
 * The worker's page-side state kept in storage.local: the hosts the user confirmed as their company's (Odoo
 * Online), and the per-site health counts. Both are read once and cached; writes go one at a time so that two
 * pages settling together do not lose a count.
 */
import { z } from 'zod';
import { HEALTH_KEY, isoWeek, parseHealth, withVisit } from '../sites/health';

export const CONFIRMED_HOSTS_KEY = 'confirmedHosts';
const hostList = z.array(z.string().min(1).max(253)).max(500);

interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function parseConfirmedHosts(raw: unknown): string[] {
  const parsed = hostList.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

export function createSiteState(local: LocalArea, now: () => Date) {
  let hosts: Promise<Set<string>> | undefined;
  const hostsNow = () =>
    (hosts ??= local
      .get(CONFIRMED_HOSTS_KEY)
      .then((r) => new Set(parseConfirmedHosts(r[CONFIRMED_HOSTS_KEY])))
      .catch((e: unknown) => {
        hosts = undefined;
        throw e;
      }));
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const writeHosts = (change: (s: Set<string>) => void) =>
    serially(async () => {
      const s = new Set(await hostsNow());
      change(s);
      hosts = Promise.resolve(s);
      await local.set({ [CONFIRMED_HOSTS_KEY]: [...s].sort() });
    });
  return {
    hostConfirmed: async (host: string) => (await hostsNow()).has(host),
    confirmHost: (host: string) => writeHosts((s) => void s.add(host)),
    forgetHost: (host: string) => writeHosts((s) => void s.delete(host)),
    /** Another context wrote the hosts (the options page): read them again next time. */
    hostsChanged: () => {
      hosts = undefined;
    },
    recordVisit(site: string, read: boolean): void {
      void serially(async () => {
        const health = parseHealth((await local.get(HEALTH_KEY))[HEALTH_KEY]);
        await local.set({ [HEALTH_KEY]: withVisit(health, site, isoWeek(now()), read) });
      }).catch((e: unknown) => console.warn('[huikuan] site health', e));
    },
  };
}
