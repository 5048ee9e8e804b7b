/**
 * Reminder cadences, as Chaser schedules and Odoo follow-up levels work: per customer group (Customer.type), a list
 * of days relative to each invoice's due date (-5, 0, +7, +15 by default; Settings.cadences). On a day when one of
 * an invoice's steps has come, the popup drafts that step's email from the playbook's script for the account (the
 * same `suggestNext` the side panel uses, on the email channel), addressed to the customer's contact, and opens it
 * as a compose window in the user's webmail (`composeUrl`). The extension sends nothing and makes no request: the
 * user reads, edits and sends in their own mailbox, then says so, and the reminder is logged as an email activity
 * that names the step (`sent.cadenceDay`) and the invoices it covered.
 *
 * Which step is due: for each open, undisputed invoice, the last step whose day has come, from that day until the
 * next step's day (the last step stays due LAST_STEP_DAYS days). A step already logged for an invoice is not due
 * again. One draft per customer at a time: the latest step due among its invoices, for the invoices at that step;
 * an earlier step due on another invoice comes up once that one is logged. Pure: no clock, no store.
 */
import type { Activity, AccountSnapshot, Contact, CustomerType, Lang, Settings, Webmail } from '../domain';
import { addDays } from '../ledger/dates';
import { suggestNext } from '../playbook';

/** How long the last step of a schedule stays due when it was not sent on its day. */
export const LAST_STEP_DAYS = 14;

export interface CadenceInvoice {
  id: string;
  docNumber: string;
  dueDate: string;
  openMinor: number;
  currency: string;
  disputed?: boolean;
}

/** The step (its day relative to the due date) of `days` that is due on `asOf` for an invoice due `dueDate`. */
export function currentStep(dueDate: string, days: readonly number[], asOf: string): number | undefined {
  const sorted = [...days].sort((a, b) => a - b);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const on = addDays(dueDate, sorted[i]);
    if (on > asOf) continue;
    const until = i + 1 < sorted.length ? addDays(dueDate, sorted[i + 1]) : addDays(on, LAST_STEP_DAYS);
    return asOf < until ? sorted[i] : undefined;
  }
  return undefined;
}

/** The day after `day` in the schedule, if any: when the next reminder will come. */
export function nextStepDate(dueDate: string, days: readonly number[], day: number): string | undefined {
  const next = [...days].sort((a, b) => a - b).find((d) => d > day);
  return next === undefined ? undefined : addDays(dueDate, next);
}

export interface CadencePlan {
  /** The step's day relative to the due date. */
  day: number;
  /** Its position in the schedule (0-based) and the schedule's length, for "step 2 of 4". */
  index: number;
  of: number;
  /** The invoices at this step, oldest due first. */
  invoices: CadenceInvoice[];
  /** The next step's date for the first of them, if the schedule goes on. */
  nextDate?: string;
}

/** Steps already logged: invoice id → the days logged for it. */
export function loggedSteps(activities: readonly Pick<Activity, 'receivableIds' | 'sent'>[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const a of activities) {
    const day = a.sent?.cadenceDay;
    if (day === undefined) continue;
    for (const id of a.receivableIds) {
      if (!out.has(id)) out.set(id, new Set());
      out.get(id)!.add(day);
    }
  }
  return out;
}

/** Today's reminder for one customer, or undefined when none is due. */
export function cadencePlan(
  invoices: readonly CadenceInvoice[],
  days: readonly number[],
  asOf: string,
  logged: Map<string, Set<number>>,
): CadencePlan | undefined {
  if (!days.length) return undefined;
  const sorted = [...days].sort((a, b) => a - b);
  const due: Array<{ inv: CadenceInvoice; day: number }> = [];
  for (const inv of invoices) {
    if (inv.disputed || inv.openMinor <= 0) continue;
    const day = currentStep(inv.dueDate, sorted, asOf);
    if (day === undefined || logged.get(inv.id)?.has(day)) continue;
    due.push({ inv, day });
  }
  if (!due.length) return undefined;
  const day = Math.max(...due.map((d) => d.day));
  const at = due
    .filter((d) => d.day === day)
    .map((d) => d.inv)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.docNumber.localeCompare(b.docNumber)));
  const nextDate = nextStepDate(at[0].dueDate, sorted, day);
  return { day, index: sorted.indexOf(day), of: sorted.length, invoices: at, ...(nextDate ? { nextDate } : {}) };
}

export const cadenceFor = (settings: Pick<Settings, 'cadences'>, type: CustomerType): number[] =>
  settings.cadences[type] ?? [];

/** True when some due date in `openByDue` (the summary's) could have a step due on `asOf`: a cheap first pass. */
export function mayBeDue(
  openByDue: ReadonlyArray<readonly [string, string, number]>,
  days: readonly number[],
  asOf: string,
): boolean {
  if (!days.length) return false;
  const first = Math.min(...days);
  const last = Math.max(...days);
  return openByDue.some(
    ([due, , minor]) => minor > 0 && addDays(due, first) <= asOf && asOf < addDays(due, last + LAST_STEP_DAYS),
  );
}

export interface CadenceDraft {
  customerId: string;
  customerName: string;
  plan: CadencePlan;
  /** The contact the email goes to (the step's addressee when it has an address, else the first contact with one). */
  to?: { name: string; email: string; contactId: string };
  subject: string;
  body: string;
  level: number;
}

const emailOf = (c?: Contact) =>
  c?.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email.trim()) ? c.email.trim() : undefined;

/**
 * The draft for a plan: the playbook's email script for the account today (its subject and letter-shaped text, true
 * to the record: the items it asks for, disputed ones apart, promises, our bank account and signature).
 */
export function cadenceDraft(account: AccountSnapshot, plan: CadencePlan, now: Date, lang: Lang): CadenceDraft {
  const s = suggestNext(account, now, lang, { channel: 'email' });
  const addressee = account.contacts.find((c) => c.id === s.addressee.contactId);
  const contact = emailOf(addressee) ? addressee : account.contacts.find((c) => emailOf(c));
  const email = emailOf(contact);
  return {
    customerId: account.customer.id,
    customerName: account.customer.name,
    plan,
    level: s.level,
    ...(contact && email ? { to: { name: contact.name, email, contactId: contact.id } } : {}),
    subject: s.subject ?? account.customer.name,
    body: s.script,
  };
}

/**
 * A compose window in the user's webmail with the recipient, subject and text filled in. Every value is
 * percent-encoded with encodeURIComponent (spaces as %20, never "+": Outlook shows a "+" for each space when a
 * signed-out deep link is redirected through sign-in — Microsoft Tech Community thread 4111903, below).
 *
 * Sources for each URL form (public pages; none of these services publishes a reference for them):
 * - Gmail: `https://mail.google.com/mail/?view=cm&fs=1&to=…&su=…&body=…` — the Stack Overflow question "URL to
 *   compose a message in Gmail (with full Gmail interface and specified to, bcc, subject, etc.)", mirrored at
 *   https://syntaxfix.com/question/34851/url-to-compose-a-message-in-gmail-with-full-gmail-interface-and-specified-to-bcc-subject-etc
 *   (view=cm opens the compose view, fs=1 full screen; `su` is the subject, `to`, `cc`, `bcc`, `body` as in RFC 6068).
 * - Outlook on the web, work or school accounts: `https://outlook.office.com/mail/deeplink/compose?to=…&subject=…&body=…`
 *   — https://techcommunity.microsoft.com/discussions/microsoft-365/outlook-deeplink-for-email-compose-replaces-spaces-with--when-user-not-logged-in/4111903
 *   (the deep link, its subject and body parameters, and the "+" for spaces); the older
 *   `?path=/mail/action/compose&to=&subject=&body=` form and the ~2,048-character URL limit are described at
 *   https://itecnotes.com/webapp/office365-query-strings-and-url-parameters .
 * - Outlook.com personal accounts: the same deep link under `https://outlook.live.com/mail/0/deeplink/compose`.
 * - QQ Mail: `https://mail.qq.com/cgi-bin/readtemplate?check=false&t=compose&to=…&subject=…&body=…`, and
 * - 163 Mail: `https://mail.163.com/#module=compose.ComposeModule|{"to":…,"subject":…,"content":…}` (the JSON
 *   percent-encoded) — both as a public project's tests build them (found by exact search for
 *   "ComposeModule%7C%7B%22to%22" in public GitHub code); 163's hash routing `#module=compose.ComposeModule|{…}` is
 *   also what its own compose links carry (e.g. `main.jsp?…#module=compose.ComposeModule%7C%7B%22type%22%3A%22compose%22…%7D`
 *   in public site configs) and what lib/sites/mail163 reads. QQ's documented share link
 *   (`/cgi-bin/qm_share?t=qm_mailme&email=`) fills only the recipient. Neither was tried against a signed-in mailbox
 *   here; the popup also offers the text to copy.
 */
export function composeUrl(mail: Webmail, m: { to?: string; subject: string; body: string }): string {
  const e = encodeURIComponent;
  const to = m.to ?? '';
  switch (mail) {
    case 'gmail':
      return `https://mail.google.com/mail/?view=cm&fs=1&to=${e(to)}&su=${e(m.subject)}&body=${e(m.body)}`;
    case 'outlook':
      return `https://outlook.office.com/mail/deeplink/compose?to=${e(to)}&subject=${e(m.subject)}&body=${e(m.body)}`;
    case 'outlook-live':
      return `https://outlook.live.com/mail/0/deeplink/compose?to=${e(to)}&subject=${e(m.subject)}&body=${e(m.body)}`;
    case 'qq':
      return `https://mail.qq.com/cgi-bin/readtemplate?check=false&t=compose&to=${e(to)}&subject=${e(m.subject)}&body=${e(m.body)}`;
    case '163':
      return `https://mail.163.com/#module=compose.ComposeModule${e('|')}${e(JSON.stringify({ to, subject: m.subject, content: m.body }))}`;
  }
}

/** The activity a sent reminder logs: an email on the step's day, naming the invoices and keeping what was sent. */
export function cadenceActivity(
  draft: CadenceDraft,
  input: { id: string; asOf: string; now: number; subject?: string; body?: string },
): Activity {
  return {
    id: input.id,
    customerId: draft.customerId,
    date: input.asOf,
    channel: 'email',
    outcome: 'other',
    techniqueIds: [],
    ...(draft.plan.nextDate && draft.plan.nextDate > input.asOf ? { nextDate: draft.plan.nextDate } : {}),
    receivableIds: draft.plan.invoices.map((i) => i.id),
    sent: {
      kind: 'script',
      subject: (input.subject ?? draft.subject).slice(0, 500),
      text: (input.body ?? draft.body).slice(0, 20_000),
      cadenceDay: draft.plan.day,
    },
    createdAt: input.now,
  };
}
