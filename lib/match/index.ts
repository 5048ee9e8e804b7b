/**
 * Which customer is this page about? Exact CRM link, then the counterpart's e-mail domain, then the normalised
 * name or alias, then a fuzzy name (bigram similarity, Chinese short names contained in the full name). Built
 * once as a `CustomerIndex` over the whole store (10 000 customers) and queried per page in well under 5 ms.
 */
import type { Customer } from '../domain';
import { normalizeCompanyName } from './normalize';

export { normalizeCompanyName, toSimplified } from './normalize';

export type MatchableCustomer = Pick<Customer, 'id' | 'name'> &
  Partial<Pick<Customer, 'aliases' | 'domains' | 'crmLinks'>>;
export interface MatchQuery {
  name?: string;
  emails?: string[];
  site?: string;
  recordId?: string;
}
export type MatchReason = 'crm-link' | 'email-domain' | 'name' | 'fuzzy-name';
export interface CustomerMatch {
  customerId: string;
  score: number;
  reason: MatchReason;
}

export const SCORES = { link: 1, domain: 0.95, name: 0.9, fuzzyMin: 0.5, fuzzyMax: 0.85 } as const;

// ------------------------------------------------------------------------------------------------------- e-mail
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'qq.com',
  'vip.qq.com',
  'foxmail.com',
  '163.com',
  'vip.163.com',
  '126.com',
  'vip.126.com',
  'yeah.net',
  '188.com',
  'sina.com',
  'sina.cn',
  'vip.sina.com',
  'sohu.com',
  'aliyun.com',
  '139.com',
  '189.cn',
  'wo.cn',
  'tom.com',
  '21cn.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'live.cn',
  'outlook.cn',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'aol.com',
  'mail.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  't-online.de',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'zoho.com',
  'zohomail.com',
  'hey.com',
  'fastmail.com',
  'tutanota.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
]);
/** Free-mail providers' country variants: gmx.*, yahoo.*, hotmail.*, outlook.*, live.* */
const FREE_MAIL_FAMILY =
  /^(?:gmx|yahoo|hotmail|outlook|live|yandex|web|libero|orange|free|wanadoo|laposte)\.[a-z.]{2,6}$/;

/** True for consumer mailbox providers, which never identify a company. */
export function isFreeMailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  return FREE_MAIL.has(d) || FREE_MAIL_FAMILY.test(d);
}

/** The lower-cased domain of an address ("A <a@B.com>" → "b.com"), or undefined. */
export function domainOf(email: string): string | undefined {
  const m = /@([a-z0-9-]+(?:\.[a-z0-9-]+)+)\.?>?\s*$/i.exec(email.trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** A customer's domain as typed by a user: "https://www.Acme.com/about", "@acme.com" → "acme.com". */
export function cleanDomain(raw: string): string | undefined {
  const d = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^@/, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d) ? d : undefined;
}

/** Record ids that name one record in several spellings (Salesforce 15 vs 18 chars, Dynamics GUID braces). */
export function linkKey(site: string, recordId: string): string {
  let id = recordId.trim();
  if (site === 'salesforce' && /^[a-zA-Z0-9]{18}$/.test(id)) id = id.slice(0, 15);
  if (site === 'dynamics') id = id.replace(/[{}]/g, '').toLowerCase();
  return `${site}\u0000${id}`;
}

// --------------------------------------------------------------------------------------------------- similarity
function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const cs = Array.from(s);
  if (cs.length === 1) out.add(cs[0]);
  for (let i = 0; i + 1 < cs.length; i++) out.add(cs[i] + cs[i + 1]);
  return out;
}
const HAN = /\p{Script=Han}/u;
/** A leading administrative region ("北京", "深圳市", "广东省") that short names often leave out. */
const REGION_PREFIX =
  /^(?:[\p{Script=Han}]{2,3}(?:省|市|自治区|特别行政区)|北京|上海|天津|重庆|深圳|广州|杭州|南京|武汉|成都|西安|苏州|厦门|青岛|大连|宁波|中国)/u;

/** Is `short` a subsequence of `long` (Chinese 简称 usually are: 深振业 ⊂ 深圳市振业)? */
function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

/** Similarity in [0, 1] between two normalised names; 0 when not worth reporting. */
export function nameSimilarity(a: string, b: string, ga = bigrams(a), gb = bigrams(b)): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  let common = 0;
  for (const g of ga) if (gb.has(g)) common++;
  const dice = (2 * common) / (ga.size + gb.size);
  let s = dice >= 0.5 ? ((dice - 0.5) / 0.5) * 0.85 : 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const cjk = HAN.test(short);
  const minLen = cjk ? 2 : 4;
  const ratio = short.length / long.length;
  if (short.length >= minLen) {
    const at = long.indexOf(short);
    if (at === 0) s = Math.max(s, 0.6 + 0.4 * ratio);
    else if (at > 0) {
      const head = long.slice(0, at);
      s = Math.max(
        s,
        (cjk && REGION_PREFIX.test(head) && head.match(REGION_PREFIX)![0] === head ? 0.55 : 0.3) + 0.4 * ratio,
      );
    } else if (cjk && short.length >= 2) {
      const sc = Array.from(short);
      const lc = Array.from(long);
      if (sc[0] === lc[0] || lc.join('').replace(REGION_PREFIX, '').startsWith(sc[0])) {
        if (isSubsequence(sc, lc)) s = Math.max(s, 0.25 + 0.4 * ratio + (sc[0] === lc[0] ? 0.1 : 0));
      }
    }
  }
  return Math.min(1, s);
}

// ---------------------------------------------------------------------------------------------------------- index
interface Entry {
  customerId: string;
  norm: string;
  core: string;
  grams: Set<string>;
}

/** What one customer contributes to the exact lookups, kept so that an edit can take it out again. */
interface CustomerKeys {
  name: string;
  links: string[];
  domains: string[];
  norms: string[];
}

/** The fuzzy part: bigram, character and sub-name postings over every normalised name and alias. */
class FuzzyTier {
  readonly entries: Entry[] = [];
  readonly byGram = new Map<string, number[]>();
  readonly byChar = new Map<string, number[]>();
  readonly byNorm = new Map<string, number[]>();

  add(customerId: string, norm: string): void {
    const idx = this.entries.length;
    const grams = bigrams(norm);
    const core = coreName(norm);
    this.entries.push({ customerId, norm, core, grams });
    post(this.byNorm, norm, idx);
    if (core !== norm) post(this.byNorm, core, idx);
    for (const g of grams) post(this.byGram, g, idx);
    if (HAN.test(norm)) for (const ch of new Set(Array.from(norm))) post(this.byChar, ch, idx);
  }
}

function post<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
function postOnce(m: Map<string, Set<string>>, k: string, id: string): void {
  const s = m.get(k);
  if (s) s.add(id);
  else m.set(k, new Set([id]));
}
function unpost(m: Map<string, Set<string>>, k: string, id: string): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(id);
  if (!s.size) m.delete(k);
}

/**
 * Two tiers. The exact lookups (CRM link, domain, normalised name) are cheap to keep and are updated in place by
 * `upsert`/`remove`, so an edit never costs a rebuild. The fuzzy postings cost about half a second at 10 000
 * customers: they are built only when a query needs them (no exact hit) or in slices when the owner has time
 * (`buildFuzzySlice`), and are dropped on every edit and rebuilt the same way. Whatever the history of edits,
 * `match` answers as a fresh index over the same customers, in the same order, would.
 */
export class CustomerIndex {
  private readonly byLink = new Map<string, Set<string>>();
  private readonly byDomain = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();
  /** Every customer in order of arrival; an edited customer keeps its place. */
  private readonly keysOf = new Map<string, CustomerKeys>();
  private fuzzyTier: FuzzyTier | undefined;
  private pending: { tier: FuzzyTier; ids: string[]; next: number } | undefined;

  constructor(customers: readonly MatchableCustomer[] = []) {
    for (const c of customers) this.upsert(c);
  }

  get size(): number {
    return this.keysOf.size;
  }

  /** Adds a customer or replaces what the index knew of it. */
  upsert(c: MatchableCustomer): void {
    const links: string[] = [];
    for (const l of c.crmLinks ?? []) if (l.site && l.recordId) links.push(linkKey(l.site, l.recordId));
    const domains: string[] = [];
    for (const d of c.domains ?? []) {
      const cd = cleanDomain(d);
      if (cd && !isFreeMailDomain(cd)) domains.push(cd);
    }
    const norms: string[] = [];
    for (const n of [c.name, ...(c.aliases ?? [])]) {
      const norm = normalizeCompanyName(n ?? '');
      if (norm && !norms.includes(norm)) norms.push(norm);
    }
    this.unindex(c.id);
    for (const k of links) postOnce(this.byLink, k, c.id);
    for (const k of domains) postOnce(this.byDomain, k, c.id);
    for (const k of norms) postOnce(this.byName, k, c.id);
    this.keysOf.set(c.id, { name: c.name, links, domains, norms });
    this.dropFuzzy();
  }

  remove(customerId: string): void {
    if (!this.keysOf.has(customerId)) return;
    this.unindex(customerId);
    this.keysOf.delete(customerId);
    this.dropFuzzy();
  }

  /** Replaces the whole content (after a restore or an import). */
  reset(customers: readonly MatchableCustomer[]): void {
    this.byLink.clear();
    this.byDomain.clear();
    this.byName.clear();
    this.keysOf.clear();
    for (const c of customers) this.upsert(c);
    this.dropFuzzy();
  }

  has(customerId: string): boolean {
    return this.keysOf.has(customerId);
  }

  /** The customer's name as stored, so that a caller holding the index needs no read for it. */
  nameOf(customerId: string): string | undefined {
    return this.keysOf.get(customerId)?.name;
  }

  get fuzzyReady(): boolean {
    return !!this.fuzzyTier;
  }

  /** Builds the fuzzy postings for up to `customers` more customers; true once they are complete. */
  buildFuzzySlice(customers = Infinity): boolean {
    if (this.fuzzyTier) return true;
    const p = (this.pending ??= { tier: new FuzzyTier(), ids: [...this.keysOf.keys()], next: 0 });
    const end = Math.min(p.ids.length, p.next + customers);
    for (; p.next < end; p.next++) {
      const id = p.ids[p.next];
      for (const norm of this.keysOf.get(id)!.norms) p.tier.add(id, norm);
    }
    if (p.next < p.ids.length) return false;
    this.fuzzyTier = p.tier;
    this.pending = undefined;
    return true;
  }

  private unindex(customerId: string): void {
    const prev = this.keysOf.get(customerId);
    if (!prev) return;
    for (const k of prev.links) unpost(this.byLink, k, customerId);
    for (const k of prev.domains) unpost(this.byDomain, k, customerId);
    for (const k of prev.norms) unpost(this.byName, k, customerId);
  }

  private dropFuzzy(): void {
    this.fuzzyTier = undefined;
    this.pending = undefined;
  }

  match(query: MatchQuery): CustomerMatch[] {
    const best = new Map<string, CustomerMatch>();
    const add = (customerId: string, score: number, reason: MatchReason) => {
      const prev = best.get(customerId);
      if (!prev || prev.score < score)
        best.set(customerId, { customerId, score: Math.round(score * 1000) / 1000, reason });
    };
    if (query.site && query.recordId) {
      for (const id of this.byLink.get(linkKey(query.site, query.recordId)) ?? []) add(id, SCORES.link, 'crm-link');
    }
    for (const e of (query.emails ?? []).slice(0, 50)) {
      let d = domainOf(e);
      if (!d || isFreeMailDomain(d)) continue;
      // mail.acme.com matches acme.com; stop before the bare public suffix.
      for (let depth = 0; d && d.includes('.') && depth < 6; depth++) {
        for (const id of this.byDomain.get(d) ?? []) add(id, SCORES.domain, 'email-domain');
        d = d.slice(d.indexOf('.') + 1);
      }
    }
    const norm = query.name ? normalizeCompanyName(query.name) : '';
    if (norm) {
      for (const id of this.byName.get(norm) ?? []) add(id, SCORES.name, 'name');
      // A fuzzy candidate scores at most fuzzyMax, below every exact reason by more than the rival margin, so once
      // something matched exactly it can neither win nor make the match ambiguous: skip the costly part.
      if (best.size === 0) {
        this.buildFuzzySlice();
        this.fuzzy(this.fuzzyTier!, norm, add);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.customerId < b.customerId ? -1 : 1)).slice(0, 50);
  }

  private fuzzy(tier: FuzzyTier, norm: string, add: (id: string, score: number, reason: MatchReason) => void): void {
    const variants: Array<[string, number]> = [[norm, 1]];
    const core = coreName(norm);
    if (core !== norm) variants.push([core, 0.95]);
    const seen = new Set<number>();
    for (const [q, weight] of variants) {
      const qg = bigrams(q);
      for (const idx of candidates(tier, q, qg)) {
        if (seen.has(idx)) continue;
        seen.add(idx);
        const e = tier.entries[idx];
        if (e.norm === norm) continue;
        const sim =
          Math.max(nameSimilarity(q, e.norm, qg, e.grams), e.core !== e.norm ? nameSimilarity(q, e.core, qg) : 0) *
          weight;
        if (sim <= 0) continue;
        const score = SCORES.fuzzyMin + (SCORES.fuzzyMax - SCORES.fuzzyMin - 0.01) * sim;
        if (score > SCORES.fuzzyMin) add(e.customerId, score, 'fuzzy-name');
      }
    }
  }
}

/** Entries worth scoring: bounded work whatever the query (rarest postings first, then the best-sharing few). */
function candidates(tier: FuzzyTier, q: string, qg: Set<string>): number[] {
  const counts = new Map<number, number>();
  const lists = [...qg]
    .map((g) => tier.byGram.get(g) ?? [])
    .filter((l) => l.length)
    .sort((a, b) => a.length - b.length);
  let budget = 8_000;
  for (const l of lists) {
    if (budget <= 0) break;
    budget -= l.length;
    for (const idx of l) counts.set(idx, (counts.get(idx) ?? 0) + 1);
  }
  let max = 0;
  for (const n of counts.values()) if (n > max) max = n;
  // Keep the entries sharing the most bigrams (a dice ≥ 0.5 or a containment needs many shared ones).
  const floor = Math.max(1, Math.ceil(max / 2));
  const strong: Array<[number, number]> = [];
  for (const [idx, n] of counts) if (n >= floor) strong.push([idx, n]);
  const out = (strong.length > 300 ? strong.sort((a, b) => b[1] - a[1]).slice(0, 300) : strong).map(([idx]) => idx);
  // Names contained in the query ("Acme" in "Acme Trading"): look the query's substrings up directly.
  const cs = Array.from(q);
  if (cs.length <= 40) {
    const minLen = HAN.test(q) ? 2 : 4;
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + minLen; j <= cs.length; j++) {
        for (const idx of tier.byNorm.get(cs.slice(i, j).join('')) ?? []) out.push(idx);
      }
    }
  }
  // Chinese short names that are subsequences, not substrings, of the full name (深振业 ⊂ 深圳市振业).
  if (HAN.test(q) && cs.length >= 2 && cs.length <= 8) {
    const rare = cs.map((c) => tier.byChar.get(c) ?? []).sort((a, b) => a.length - b.length)[0] ?? [];
    for (const idx of rare.slice(0, 2000)) if (!counts.has(idx)) out.push(idx);
  }
  return out;
}

/** The name without a trailing 集团 / 控股 / 股份 (short names often add or drop these). */
function coreName(norm: string): string {
  const c = norm.replace(/(?:集团|控股|股份|group|holdings?)$/u, '');
  return c.length >= 2 ? c : norm;
}

export function buildCustomerIndex(customers: readonly MatchableCustomer[]): CustomerIndex {
  return new CustomerIndex(customers);
}

/** One-off match (DESIGN.md stable API); for repeated queries build the index once. */
export function matchCustomer(query: MatchQuery, customers: readonly MatchableCustomer[]): CustomerMatch[] {
  return new CustomerIndex(customers).match(query);
}
