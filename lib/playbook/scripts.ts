/**
 * Scripts as structured parts. Each part has a kind, the facts of the record it rests on, and a text key with
 * parameters (`common:playbook.part.*` in lib/i18n/locales); `renderScript` turns the parts into text in one language.
 * A sentence that presupposes a fact (the customer promised, asked for a new order, raised a complaint) is built
 * only when that fact is in the record, and names it; `partNeeds` lists, per key, the facts a part must rest on,
 * and tests/unit/playbook/scripts.provenance.test.ts checks it over thousands of generated accounts.
 *
 * The script reads as the step: a reminder, a call, a statement (对账函) to seal and return, a visit agenda, a
 * finance demand, a supply-suspension notice, a lawyer's letter draft, or the case file for a suit. Disputed
 * documents are listed apart and never demanded; only the undisputed part is asked for (条例 art. 15).
 */
import type { AccountSnapshot, Contact, Lang, OpenReceivable, PaymentPromise } from '../domain';
import { addDays } from '../ledger/dates';
import { personalities, type Personality } from './method';
import type { PlaybookKey } from '../i18n/types';

/** The customer's words, as found by a signal detector (lib/signals, when present) in captures and notes. */
export type SignalKind =
  | 'trap-discount'
  | 'trap-wait-for-our-client'
  | 'trap-goods-for-debt'
  | 'hardship'
  | 'refusal'
  | 'new-order'
  | 'dispute'
  | 'paid'
  | 'promise';
export interface Signal {
  kind: SignalKind;
  evidence: string;
}

export type FactRef =
  | { kind: 'receivable'; id: string }
  | { kind: 'disputed'; id: string }
  | { kind: 'promise'; id: string }
  | { kind: 'activity'; id: string }
  | { kind: 'contact'; id: string }
  | {
      kind: 'setting';
      key: 'ourCompany.name' | 'ourCompany.bankAccount' | 'ourCompany.contactName' | 'ourCompany.contactPhone';
    }
  | { kind: 'signal'; signal: SignalKind; evidence: string }
  | { kind: 'level'; level: number };

export type PartKind =
  | 'greeting'
  | 'opening'
  | 'technique'
  | 'items'
  | 'disputed'
  | 'promise'
  | 'ask'
  | 'step'
  | 'bank'
  | 'signature'
  | 'agenda';

export interface ScriptPart {
  kind: PartKind;
  facts: FactRef[];
  /** Under `playbook.part`. */
  key: PlaybookKey<'part'>;
  params: Record<string, string | number>;
}

/** The fact kinds each part key must rest on (every one listed must be present). */
export const partNeeds: Record<string, Array<FactRef['kind']>> = {
  greetNamed: ['contact'],
  greetCompany: [],
  helloNamed: ['contact'],
  hello: [],
  introduce: ['setting'],
  opening: ['contact'],
  items: ['receivable'],
  disputedApart: ['disputed'],
  promiseAck: ['promise'],
  promiseRest: ['promise', 'receivable'],
  brokenPromise: ['promise', 'receivable'],
  disputeOnly: ['disputed'],
  askDate: ['receivable'],
  askRest: ['promise', 'receivable'],
  preDue: ['receivable'],
  thanks: [],
  newOrder: ['signal', 'receivable'],
  complaint: ['disputed'],
  // Technique lines without a presupposition: the step and the amounts demanded.
  'line.2': ['receivable'],
  'line.3': ['receivable'],
  'line.4': ['receivable'],
  'line.7': ['receivable'],
  'line.10': ['receivable'],
  'line.12': ['receivable'],
  'line.20': ['receivable'],
  'line.22': ['receivable', 'level'],
  'line.1': [],
  'line.5': ['receivable'],
  'line.21': [],
  'step.statement': ['level', 'receivable'],
  'step.financeLetter': ['level', 'receivable'],
  'step.suspend': ['level', 'receivable'],
  'step.lawyerLetter': ['level', 'receivable', 'activity'],
  'step.lawyerLetterFirst': ['level', 'receivable'],
  'step.caseFile': ['level', 'receivable', 'activity'],
  'step.askInitiator': ['level'],
  'agenda.open': ['level'],
  'agenda.items': ['level', 'receivable'],
  'agenda.signer': ['level'],
  'agenda.signerNamed': ['level', 'contact'],
  'agenda.close': ['level'],
  'subject.preDue': ['level'],
  'subject.reminder': ['level'],
  'subject.statement': ['level'],
  'subject.financeLetter': ['level'],
  'subject.suspend': ['level'],
  'subject.lawyerLetter': ['level'],
  'subject.caseFile': ['level'],
  bankNamed: ['setting'],
  bankContract: [],
  signature: ['setting'],
  signatureNone: [],
  // The complaint to the SME payment platform (level 7 for an eligible debtor).
  'filing.to': ['level'],
  'filing.parties': ['level'],
  'filing.partiesNamed': ['level', 'setting'],
  'filing.items': ['level', 'receivable'],
  'filing.demands': ['level', 'receivable', 'activity'],
  'filing.noSuit': ['level'],
  'filing.confirmNoSuit': ['level'],
  'filing.ask': ['level', 'receivable'],
  'subject.complaint': ['level'],
};

/**
 * The person the script speaks to: the signer or initiator from the nine questions when one of them has a known
 * personality, else the first contact with one, else the signer, the initiator or the first contact.
 */
export function keyContact(account: AccountSnapshot): { contact?: Contact; personality?: Personality } {
  const byId = (id?: string) => (id ? account.contacts.find((c) => c.id === id) : undefined);
  const signer = byId(account.profile?.signerContactId);
  const initiator = byId(account.profile?.initiatorContactId);
  const typed = [signer, initiator].find((c) => c?.personality) ?? account.contacts.find((c) => c.personality);
  const contact = typed ?? signer ?? initiator ?? account.contacts[0];
  return { contact, personality: personalityOf(contact) };
}

export const personalityOf = (c?: Contact) =>
  c?.personality ? personalities.find((p) => p.key === c.personality) : undefined;

export type AddresseeRole = 'initiator' | 'signer' | 'finance' | 'contact' | 'company';

/**
 * The person the step names: a reminder or a call goes to the payment initiator (question 4), a statement to the
 * customer's finance, a visit or a suspension notice to the signer (question 5), letters from finance or counsel
 * to the company. Falls back to the first contact, then the company, and says so.
 */
export function addresseeFor(
  level: number,
  account: AccountSnapshot,
): { role: AddresseeRole; contact?: Contact; ourOwner?: string } {
  const byId = (id?: string) => (id ? account.contacts.find((c) => c.id === id) : undefined);
  const initiator = byId(account.profile?.initiatorContactId);
  const signer = byId(account.profile?.signerContactId);
  const finance = account.contacts.find((c) =>
    /财务|会计|出纳|finance|account|payable|AP\b/i.test(`${c.title ?? ''} ${c.role ?? ''}`),
  );
  const ourOwner = (who?: Contact) => account.profile?.keyPeople?.find((k) => who && k.contactId === who.id)?.ourOwner;
  const pick = (role: AddresseeRole, c?: Contact) => (c ? { role, contact: c, ourOwner: ourOwner(c) } : undefined);
  const first = pick('contact', account.contacts[0]);
  if (level <= 2) return pick('initiator', initiator) ?? pick('finance', finance) ?? first ?? { role: 'company' };
  if (level === 3) return pick('finance', finance) ?? pick('initiator', initiator) ?? first ?? { role: 'company' };
  if (level === 4 || level === 6)
    return pick('signer', signer) ?? pick('initiator', initiator) ?? first ?? { role: 'company' };
  return { role: 'company', ...(pick('finance', finance) ?? pick('signer', signer) ?? {}) };
}

export interface ScriptInput {
  account: AccountSnapshot;
  lang: Lang;
  asOf: string;
  level: number;
  addressee: { role: AddresseeRole; contact?: Contact };
  /** Spoken (call, IM) scripts greet and introduce the caller; letters are signed. */
  shape: 'letter' | 'spoken' | 'agenda';
  /** Technique ids in order of importance. */
  techniqueIds: number[];
  /** Undisputed overdue items (or, before the due date, the open ones), oldest first: what the script asks for. */
  demanded: OpenReceivable[];
  disputed: OpenReceivable[];
  livePromises: PaymentPromise[];
  brokenPromise?: PaymentPromise;
  /** The part of the undisputed overdue amount no live promise covers, in the headline currency. */
  rest?: { minor: number; currency: string };
  signals: Signal[];
  /** The attempts this step rests on (demands made since the account fell overdue), newest first. */
  demands: Array<{ id: string; date: string }>;
  lawyerLetter?: { id: string; date: string };
  overdue: boolean;
  /** The step is the complaint to the SME payment platform: the script is the complaint's text. */
  complaint?: { kind: 'agency' | 'public-institution' | 'large-enterprise' };
}

const money = (minor: number, currency: string) => ({ minor, currency });

/** One currency's total of items, or several joined by the renderer. */
function totals(items: OpenReceivable[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const r of items) m[r.amount.currency] = (m[r.amount.currency] ?? 0) + r.openMinor;
  return m;
}

/** The items as one parameter: "INV-1|50000|CNY|2026-10-01;INV-2|…", formatted by the renderer. */
const docsParam = (items: OpenReceivable[]) =>
  items.map((r) => `${r.docNumber}|${r.openMinor}|${r.amount.currency}|${r.dueDate}`).join(';');
const totalParam = (items: OpenReceivable[]) =>
  Object.entries(totals(items))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([c, m]) => `${m}|${c}`)
    .join(';');

/** Technique lines that need nothing beyond the amounts demanded; others need their fact (see buildParts). */
/** Techniques with a plain line of their own (common:playbook.part.line.<id>). */
const PLAIN_LINES = [1, 2, 3, 4, 5, 7, 10, 12, 20, 21, 22] as const;
const isPlainLine = (id: number): id is (typeof PLAIN_LINES)[number] => (PLAIN_LINES as readonly number[]).includes(id);

export function buildParts(input: ScriptInput): { parts: ScriptPart[]; subject?: ScriptPart } {
  const { account, level, addressee, demanded, disputed } = input;
  const us = account.settings.ourCompany;
  const parts: ScriptPart[] = [];
  const recFacts: FactRef[] = demanded.map((r) => ({ kind: 'receivable', id: r.id }));
  const stepFact: FactRef = { kind: 'level', level };
  const visit = level === 4;
  const c = addressee.contact;

  const spoken = input.shape === 'spoken';
  if (!visit) {
    parts.push(
      c
        ? {
            kind: 'greeting',
            facts: [{ kind: 'contact', id: c.id }],
            key: spoken ? 'helloNamed' : 'greetNamed',
            params: { name: c.name, title: c.title ?? '' },
          }
        : spoken
          ? { kind: 'greeting', facts: [], key: 'hello', params: {} }
          : { kind: 'greeting', facts: [], key: 'greetCompany', params: { company: account.customer.name } },
    );
    const caller = us.contactName.trim();
    const company = (input.lang === 'zh' ? us.name : us.nameEn || us.name).trim().replace(/[.。]+$/u, '');
    if (spoken && caller && company)
      parts.push({
        kind: 'opening',
        facts: [
          { kind: 'setting', key: 'ourCompany.contactName' },
          { kind: 'setting', key: 'ourCompany.name' },
        ],
        key: 'introduce',
        params: { contact: caller, name: company, nameEn: company },
      });
    const personality = personalityOf(c);
    if (c && personality && level <= 3)
      parts.push({
        kind: 'opening',
        facts: [{ kind: 'contact', id: c.id }],
        key: 'opening',
        params: { personality: personality.key },
      });
  } else {
    parts.push({ kind: 'agenda', facts: [stepFact], key: 'agenda.open', params: { company: account.customer.name } });
  }

  if (!demanded.length) {
    // Only disputed items open: nothing is asked for; the dispute is named and its settlement asked about.
    parts.push(
      disputed.length
        ? {
            kind: 'disputed',
            facts: disputed.map((r) => ({ kind: 'disputed' as const, id: r.id })),
            key: 'disputeOnly',
            params: { docs: docsParam(disputed) },
          }
        : { kind: 'ask', facts: [], key: 'thanks', params: {} },
    );
    return { parts: [...parts, ...closing(input)] };
  }

  if (input.complaint && level === 7) return complaintParts(input, recFacts, stepFact);

  // Techniques whose line needs a fact get it from the record or are left out of the script.
  const lines: ScriptPart[] = [];
  const maxLines = personalityOf(c)?.brief ? 1 : 2;
  for (const id of input.techniqueIds) {
    if (level >= 7) break;
    if (id === 13) {
      const order = input.signals.find((s) => s.kind === 'new-order');
      if (order)
        lines.push({
          kind: 'technique',
          facts: [{ kind: 'signal', signal: 'new-order', evidence: order.evidence }, ...recFacts],
          key: 'newOrder',
          params: { tech: 13, evidence: order.evidence },
        });
    } else if (id === 21) {
      if (disputed.length)
        lines.push({
          kind: 'technique',
          facts: disputed.map((r) => ({ kind: 'disputed' as const, id: r.id })),
          key: 'complaint',
          params: { tech: 21, docs: docsParam(disputed) },
        });
    } else if ((id === 9 || id === 11) && input.brokenPromise && !input.livePromises.length) {
      const p = input.brokenPromise;
      lines.push({
        kind: 'technique',
        facts: [{ kind: 'promise', id: p.id }, ...recFacts],
        key: 'brokenPromise',
        params: { tech: id, date: p.date, ...money(p.amount.minor, p.amount.currency), fix: addDays(input.asOf, 2) },
      });
    } else if (isPlainLine(id) && (id !== 5 || !input.overdue) && (id !== 22 || level >= 7)) {
      lines.push({
        kind: 'technique',
        facts: id === 1 || id === 21 ? [] : id === 22 ? [...recFacts, stepFact] : recFacts,
        key: `line.${id}`,
        params: { tech: id },
      });
    }
    // 6, 8, 14 are visit moves (in the agenda); 9 and 11 need a broken promise; 15–19 presuppose what the record
    // cannot show (the collector's review, a good record, other customers suspended, an agreed date) or do not fit
    // a customer's ears: they stay advice to the collector.
  }
  // A line that answers something the customer did or said comes before the method's general lines.
  const specific = (l: ScriptPart) => l.key === 'newOrder' || l.key === 'complaint' || l.key === 'brokenPromise';
  lines.sort((a, b) => Number(specific(b)) - Number(specific(a)));
  lines.splice(maxLines);
  if (visit)
    lines.forEach((l) => {
      l.kind = 'agenda';
    });

  const items: ScriptPart = {
    kind: 'items',
    facts: recFacts,
    key: 'items',
    params: {
      docs: docsParam(demanded.slice(0, 8)),
      total: totalParam(demanded),
      count: demanded.length,
      pre: input.overdue ? 0 : 1,
    },
  };
  const apart: ScriptPart | undefined = disputed.length
    ? {
        kind: 'disputed',
        facts: disputed.map((r) => ({ kind: 'disputed' as const, id: r.id })),
        key: 'disputedApart',
        params: { docs: docsParam(disputed), total: totalParam(disputed) },
      }
    : undefined;
  const promiseParts: ScriptPart[] = input.livePromises.slice(0, 1).map((p) => ({
    kind: 'promise',
    facts: [{ kind: 'promise', id: p.id }],
    key: 'promiseAck',
    params: { date: p.date, ...money(p.amount.minor - p.coveredMinor, p.amount.currency) },
  }));
  const rest = input.rest && input.rest.minor > 0 && input.livePromises.length ? input.rest : undefined;
  const ask: ScriptPart = rest
    ? {
        kind: 'ask',
        facts: [{ kind: 'promise', id: input.livePromises[0].id }, ...recFacts],
        key: 'askRest',
        params: { restMinor: rest.minor, currency: rest.currency },
      }
    : input.livePromises.length
      ? {
          kind: 'ask',
          facts: [{ kind: 'promise', id: input.livePromises[0].id }, ...recFacts],
          key: 'promiseRest',
          params: { date: input.livePromises[0].date },
        }
      : input.overdue
        ? { kind: 'ask', facts: recFacts, key: 'askDate', params: {} }
        : { kind: 'ask', facts: recFacts, key: 'preDue', params: {} };

  const payBy = addDays(input.asOf, 10);
  const stepPart = ((): ScriptPart[] => {
    switch (level) {
      case 3:
        return [{ kind: 'step', facts: [stepFact, ...recFacts], key: 'step.statement', params: { date: input.asOf } }];
      case 5:
        return [{ kind: 'step', facts: [stepFact, ...recFacts], key: 'step.financeLetter', params: { date: payBy } }];
      case 6:
        return [
          {
            kind: 'step',
            facts: [stepFact, ...recFacts],
            key: 'step.suspend',
            params: { date: input.asOf, total: totalParam(demanded) },
          },
        ];
      case 7: {
        const d = input.demands.slice(0, 3);
        return [
          {
            kind: 'step',
            facts: [stepFact, ...recFacts, ...d.map((x) => ({ kind: 'activity' as const, id: x.id }))],
            key: d.length ? 'step.lawyerLetter' : 'step.lawyerLetterFirst',
            params: {
              company: us.name || us.nameEn,
              dates: d.map((x) => x.date).join(';'),
              count: d.length,
              total: totalParam(demanded),
              date: addDays(input.asOf, 7),
            },
          },
        ];
      }
      case 8: {
        const l = input.lawyerLetter!;
        return [
          {
            kind: 'step',
            facts: [stepFact, ...recFacts, { kind: 'activity', id: l.id }],
            key: 'step.caseFile',
            params: { date: l.date, total: totalParam(demanded) },
          },
        ];
      }
      default:
        return [];
    }
  })();

  if (visit) {
    parts.push({ ...items, kind: 'agenda', key: 'agenda.items', facts: [stepFact, ...recFacts] });
    if (apart) parts.push(apart);
    parts.push(...promiseParts, ...lines);
    const signer = account.contacts.find((x) => x.id === account.profile?.signerContactId);
    parts.push(
      signer
        ? {
            kind: 'agenda',
            facts: [stepFact, { kind: 'contact', id: signer.id }],
            key: 'agenda.signerNamed',
            params: { name: signer.name },
          }
        : { kind: 'agenda', facts: [stepFact], key: 'agenda.signer', params: {} },
    );
    parts.push({ kind: 'agenda', facts: [stepFact], key: 'agenda.close', params: {} });
    return { parts };
  }
  if (level >= 7) parts.push(...stepPart, items);
  else parts.push(...lines, ...stepPart, items);
  if (apart) parts.push(apart);
  if (level < 7) parts.push(...promiseParts, ask);
  parts.push(...closing(input));
  const subject: ScriptPart = {
    kind: 'step',
    facts: [stepFact],
    key: `subject.${subjectKey(level, input.overdue)}`,
    params: { company: account.customer.name, us: us.name || us.nameEn },
  };
  return { parts, subject };
}

/**
 * The complaint's text, from the record only: to the platform, the parties (our name from Settings when set), the
 * undisputed overdue documents and their total, the disputed part apart, the demands already made (logged
 * attempts since the account fell overdue), that no suit or arbitration is pending (a condition of the offer), and
 * the request under the 条例.
 */
function complaintParts(
  input: ScriptInput,
  recFacts: FactRef[],
  stepFact: FactRef,
): { parts: ScriptPart[]; subject: ScriptPart } {
  const { account, demanded, disputed } = input;
  const us = account.settings.ourCompany;
  const ours = (input.lang === 'zh' ? us.name : us.nameEn || us.name).trim();
  const kind = input.complaint!.kind;
  const parts: ScriptPart[] = [{ kind: 'greeting', facts: [stepFact], key: 'filing.to', params: {} }];
  parts.push(
    ours
      ? {
          kind: 'items',
          facts: [stepFact, { kind: 'setting', key: 'ourCompany.name' }],
          key: 'filing.partiesNamed',
          params: { us: ours, company: account.customer.name, kind },
        }
      : { kind: 'items', facts: [stepFact], key: 'filing.parties', params: { company: account.customer.name, kind } },
  );
  parts.push({
    kind: 'items',
    facts: [stepFact, ...recFacts],
    key: 'filing.items',
    params: {
      date: input.asOf,
      docs: docsParam(demanded.slice(0, 8)),
      total: totalParam(demanded),
      count: demanded.length,
    },
  });
  if (disputed.length)
    parts.push({
      kind: 'disputed',
      facts: disputed.map((r) => ({ kind: 'disputed' as const, id: r.id })),
      key: 'disputedApart',
      params: { docs: docsParam(disputed), total: totalParam(disputed) },
    });
  const d = input.demands.slice(0, 5);
  if (d.length)
    parts.push({
      kind: 'step',
      facts: [stepFact, ...recFacts, ...d.map((x) => ({ kind: 'activity' as const, id: x.id }))],
      key: 'filing.demands',
      params: { dates: d.map((x) => x.date).join(';'), count: d.length },
    });
  // "No suit" is stated only when the customer's terms record it; otherwise the filer is asked to confirm it.
  const noSuitRecorded = account.terms?.inCourt === false;
  parts.push({
    kind: 'step',
    facts: [stepFact],
    key: noSuitRecorded ? 'filing.noSuit' : 'filing.confirmNoSuit',
    params: {},
  });
  parts.push({
    kind: 'ask',
    facts: [stepFact, ...recFacts],
    key: 'filing.ask',
    params: { company: account.customer.name, total: totalParam(demanded) },
  });
  parts.push(signaturePart(input));
  return {
    parts,
    subject: { kind: 'step', facts: [stepFact], key: 'subject.complaint', params: { company: account.customer.name } },
  };
}

const subjectKey = (level: number, overdue: boolean) =>
  !overdue
    ? 'preDue'
    : level === 3
      ? 'statement'
      : level === 5
        ? 'financeLetter'
        : level === 6
          ? 'suspend'
          : level === 7
            ? 'lawyerLetter'
            : level === 8
              ? 'caseFile'
              : 'reminder';

function closing(input: ScriptInput): ScriptPart[] {
  if (input.shape === 'spoken') return input.demanded.length ? [bankPart(input)] : [];
  return [...(input.demanded.length && input.level !== 8 ? [bankPart(input)] : []), signaturePart(input)];
}

function bankPart(input: ScriptInput): ScriptPart {
  const us = input.account.settings.ourCompany;
  return us.bankAccount
    ? {
        kind: 'bank',
        facts: [{ kind: 'setting', key: 'ourCompany.bankAccount' }],
        key: 'bankNamed',
        params: { accountName: us.accountName || us.name || us.nameEn, bankName: us.bankName, account: us.bankAccount },
      }
    : { kind: 'bank', facts: [], key: 'bankContract', params: {} };
}

function signaturePart(input: ScriptInput): ScriptPart {
  const us = input.account.settings.ourCompany;
  const sig = [us.name || us.nameEn, us.contactName, us.contactPhone].map((s) => s.trim().replace(/[.。]+$/u, ''));
  return sig.some(Boolean)
    ? {
        kind: 'signature',
        facts: [{ kind: 'setting', key: 'ourCompany.name' }],
        key: 'signature',
        params: {
          name: sig[0],
          nameEn: (us.nameEn || us.name).trim().replace(/[.。]+$/u, ''),
          contact: sig[1],
          phone: sig[2],
        },
      }
    : { kind: 'signature', facts: [], key: 'signatureNone', params: {} };
}
