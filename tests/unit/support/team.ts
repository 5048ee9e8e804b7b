/**
 * The two-salesperson team the sync tests set up on their CouchDB-protocol server (tests/support/couch-server.ts),
 * and a client signed in as one of its members.
 */
import { Couch } from '@/lib/sync/couch';

export const teamSpec = {
  salespeople: [
    {
      name: 'wanglei',
      password: 'pw-wanglei',
      displayName: '王磊',
      monthlyTarget: { minor: 50_000_000, currency: 'CNY' },
    },
    { name: 'lina', password: 'pw-lina', displayName: '李娜' },
  ],
  managers: [{ name: 'zhaomin', password: 'pw-zhaomin', displayName: '赵敏' }],
};

/** A client of the server at `url` signed in as `name` (its password in teamSpec unless given). */
export const couchAs = (url: string, name: string, password = `pw-${name}`, timeoutMs = 5000) =>
  new Couch({ url, auth: { kind: 'password', name, password }, timeoutMs });
