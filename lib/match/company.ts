/**
 * Which company an email comes from, for proposing a customer from a mail thread. A customer is a company, never
 * the person writing ("Sarah Miller", 高峰): the proposal is, in order, an existing customer that already holds the
 * sender's corporate domain, the company name in the sender's signature, or a name made from the corporate domain.
 * A free-mail address (qq.com, 163.com, gmail.com…) says nothing about the company and is never used.
 */
import type { PageContext } from '../domain';
import { domainOf, isFreeMailDomain } from './index';

export type CompanyProposal =
  | { kind: 'existing'; customerId: string; name: string; domain: string }
  | { kind: 'new'; name: string; domain?: string; from: 'signature' | 'domain' };

/** Where the quoted earlier message starts: its signature is someone else's (often ours). */
const QUOTE_START = [
  /^On .{4,200} wrote:\s*$/i,
  /^-{2,}\s*(?:Original Message|Forwarded message|原始邮件|转发邮件)\s*-{2,}/i,
  /^(?:From|发件人|寄件者)\s*[:：]/i,
  /^在\s*.{2,80}写道[:：]?\s*$/,
  /^>/,
  /^_{8,}\s*$/,
];

const ZH_COMPANY =
  /([\u4e00-\u9fa5A-Za-z0-9（）()·&]{2,40}?(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司|研究院|事务所))/;
const EN_SUFFIX = String.raw`(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|PLC|GmbH|AG|S\.A|SA|S\.r\.l|B\.V|BV|Pte|Pty|Oy|AB|K\.K|Group|Holdings|Trading)`;
const EN_COMPANY = new RegExp(
  String.raw`^([A-Z0-9][\w&'’.\- ]{0,60}?,?\s${EN_SUFFIX}\.?(?:\s(?:Ltd|Limited|Co)\.?)?)$`,
);
/** A label in front of the name on a signature line ("Company: …", "公司：…"). */
const LABEL = /^(?:company|organi[sz]ation|employer|公司名称|公司|单位)\s*[:：]\s*/i;
/** "我司"/"本公司"/"贵公司" are words in a sentence, not a company's name. */
const PRONOUN_COMPANY = /^(?:我|本|贵|该|你|您|他|她|对方|我们|你们)(?:公司|司|集团)$|(?:我|贵|本)公司|我司|贵司/;

/** The message's own part: what comes before the first quoted earlier message. */
export function ownPart(body: string): string {
  const lines = body.split('\n');
  const cut = lines.findIndex((l) => QUOTE_START.some((re) => re.test(l.trim())));
  return (cut === -1 ? lines : lines.slice(0, cut)).join('\n');
}

/**
 * The company named in the signature: a short line near the end of the message's own part that ends in a legal
 * form (有限公司, 集团, Inc., Ltd, GmbH…). `exclude` holds our own company's names (our signature in a reply).
 */
export function signatureCompany(body: string | undefined, exclude: string[] = []): string | undefined {
  if (!body) return undefined;
  const lines = ownPart(body)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-12);
  const ours = new Set(exclude.map((n) => n.trim().toLowerCase()).filter(Boolean));
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]
      .replace(LABEL, '')
      .replace(/[|｜·•]\s*.*$/, '')
      .trim();
    if (!line || line.length > 60) continue;
    const zh = ZH_COMPANY.exec(line);
    // A Chinese company name starts the line ("大丰建材有限公司 财务部"); one inside a sentence is not a signature.
    const name =
      zh &&
      zh.index === 0 &&
      !PRONOUN_COMPANY.test(zh[1]) &&
      !/[，。！？,!?]/.test(line.slice(0, zh.index + zh[1].length))
        ? zh[1]
        : EN_COMPANY.exec(line)?.[1];
    if (name && !ours.has(name.toLowerCase())) return name;
  }
  return undefined;
}

/** Country-code second levels under which the company's label is one further left (acme.com.cn, acme.co.uk). */
const SECOND_LEVEL = new Set(['com', 'net', 'org', 'co', 'gov', 'edu', 'ac', 'ltd', 'plc', 'or', 'ne']);
/** Labels that are never the company: mail hosts and the documentation domains of RFC 2606. */
const NOT_COMPANY = new Set(['mail', 'email', 'smtp', 'mx', 'www', 'example', 'corp', 'ex', 'cn', 'hq']);

/** "yunfan-tech.example.cn" → "Yunfan Tech", "mail.acme.com.cn" → "Acme"; undefined for free mail. */
export function companyFromDomain(domain: string): string | undefined {
  const d = domain.trim().toLowerCase();
  if (!d || isFreeMailDomain(d)) return undefined;
  const labels = d.split('.').filter(Boolean);
  if (labels.length < 2) return undefined;
  labels.pop();
  if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1])) labels.pop();
  const label = [...labels].reverse().find((l) => !NOT_COMPANY.has(l) && !/^\d+$/.test(l));
  if (!label) return undefined;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** The sender's first corporate (non-free-mail) domain. */
export function corporateDomain(ctx: Pick<PageContext, 'emails'>): string | undefined {
  return ctx.emails.map(domainOf).find((d): d is string => !!d && !isFreeMailDomain(d));
}

/**
 * The customer to propose for a mail thread. `customerWithDomain` looks up a customer already holding a domain
 * (the store's multi-entry index on domains).
 */
export async function proposeCompany(
  ctx: Pick<PageContext, 'emails' | 'body'>,
  customerWithDomain: (domain: string) => Promise<{ id: string; name: string } | undefined>,
  ourNames: string[] = [],
): Promise<CompanyProposal | null> {
  const domain = corporateDomain(ctx);
  if (domain) {
    const existing = await customerWithDomain(domain);
    if (existing) return { kind: 'existing', customerId: existing.id, name: existing.name, domain };
  }
  const fromSignature = signatureCompany(ctx.body, ourNames);
  if (fromSignature) return { kind: 'new', name: fromSignature, domain, from: 'signature' };
  const fromDomain = domain && companyFromDomain(domain);
  if (fromDomain) return { kind: 'new', name: fromDomain, domain, from: 'domain' };
  return null;
}
