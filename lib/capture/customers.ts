/**
 * Finding the customer a capture belongs to when the sender did not identify it: a name search over every
 * customer, by substring of the name or an alias (raw and normalised, so "云帆" finds 杭州云帆科技有限公司 and
 * "pacific rim" finds "Pacific Rim Components Inc."), then the matcher's fuzzy name score for typos.
 */
import type { Customer } from '../domain';
import { type CustomerIndex, buildCustomerIndex, normalizeCompanyName } from '../match';

export type SearchableCustomer = Pick<Customer, 'id' | 'name' | 'aliases'> & Partial<Pick<Customer, 'domains' | 'crmLinks'>>;

export function searchCustomers(customers: readonly SearchableCustomer[], query: string, limit = 8,
  index: CustomerIndex = buildCustomerIndex(customers)): SearchableCustomer[] {
  const raw = query.normalize('NFKC').trim().toLowerCase();
  if (!raw) return [];
  const norm = normalizeCompanyName(raw);
  const ranked: Array<{ c: SearchableCustomer; rank: number }> = [];
  for (const c of customers) {
    let best = Infinity;
    for (const n of [c.name, ...(c.aliases ?? [])]) {
      const low = n.normalize('NFKC').toLowerCase();
      const nn = normalizeCompanyName(n);
      if (low.startsWith(raw) || (norm && nn.startsWith(norm))) best = Math.min(best, 0);
      else if (low.includes(raw) || (norm && nn.includes(norm))) best = Math.min(best, 1);
    }
    if (best < Infinity) ranked.push({ c, rank: best });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.c.name.length - b.c.name.length || a.c.name.localeCompare(b.c.name));
  const out = ranked.slice(0, limit).map((r) => r.c);
  if (out.length < limit) {
    const byId = new Map(customers.map((c) => [c.id, c]));
    for (const m of index.match({ name: query })) {
      const c = byId.get(m.customerId);
      if (c && !out.includes(c)) out.push(c);
      if (out.length >= limit) break;
    }
  }
  return out;
}
