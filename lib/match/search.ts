/**
 * Finding a customer by what the user types (the side panel's `/` search, the capture card's "which customer?"):
 * a name, alias or domain that starts with or contains the query — raw and normalised, so "云帆" finds
 * 杭州云帆科技有限公司 and "pacific rim" finds "Pacific Rim Components Inc." — then the matcher's fuzzy name score
 * for typos. The names are normalised once per customer list (`prepareCustomerSearch`), not per keystroke.
 */
import type { Customer } from '../domain';
import { type CustomerIndex, buildCustomerIndex } from './index';
import { normalizeCompanyName } from './normalize';

export type SearchableCustomer = Pick<Customer, 'id' | 'name'> &
  Partial<Pick<Customer, 'aliases' | 'domains' | 'crmLinks'>>;

export interface PreparedCustomerSearch<C extends SearchableCustomer = SearchableCustomer> {
  entries: Array<{ customer: C; raw: string[]; norm: string[] }>;
  /** The fuzzy matcher, built only when a query first needs it (it costs far more than the substring pass). */
  index: () => CustomerIndex;
  byId: Map<string, C>;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function prepareCustomerSearch<C extends SearchableCustomer>(
  customers: readonly C[],
): PreparedCustomerSearch<C> {
  let index: CustomerIndex | undefined;
  return {
    entries: customers.map((customer) => {
      const keys = [customer.name, ...(customer.aliases ?? []), ...(customer.domains ?? [])];
      return { customer, raw: keys.map(fold), norm: keys.map((k) => normalizeCompanyName(k)) };
    }),
    index: () => (index ??= buildCustomerIndex(customers)),
    byId: new Map(customers.map((c) => [c.id, c])),
  };
}

export function searchCustomers<C extends SearchableCustomer>(
  prepared: PreparedCustomerSearch<C>,
  query: string,
  limit = 8,
): C[] {
  const raw = fold(query).trim();
  if (!raw) return [];
  const norm = normalizeCompanyName(raw);
  const ranked: Array<{ c: C; rank: number }> = [];
  for (const e of prepared.entries) {
    let best = Infinity;
    for (let i = 0; i < e.raw.length && best > 0; i++) {
      const nn = e.norm[i];
      if (e.raw[i].startsWith(raw) || (norm && nn.startsWith(norm))) best = 0;
      else if (e.raw[i].includes(raw) || (norm && nn.includes(norm))) best = 1;
    }
    if (best < Infinity) ranked.push({ c: e.customer, rank: best });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.c.name.length - b.c.name.length || a.c.name.localeCompare(b.c.name));
  const out = ranked.slice(0, limit).map((r) => r.c);
  if (out.length < limit) {
    for (const m of prepared.index().match({ name: query })) {
      const c = prepared.byId.get(m.customerId);
      if (c && !out.includes(c)) out.push(c);
      if (out.length >= limit) break;
    }
  }
  return out;
}
