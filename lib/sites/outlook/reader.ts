/**
 * Outlook on the web: a message (`/mail/…/id/<id>`) or a compose box. The reading pane, subject, sender line and
 * body follow what extensions running on Outlook in 2025–2026 read [outlook-2026] [realbmail]; the sender's
 * address is in the From line's aria-label when Outlook shows it (it shows only the name for people in the same
 * organisation). Sources: SOURCES.md.
 */
import type { PageContext } from '../../domain';
import type { SiteReader } from '../types';
import {
  clean,
  ctx,
  emailAttr,
  emailsIn,
  firstText,
  last,
  messageText,
  pickEditor,
  q,
  qa,
  sentAtOf,
  textOf,
  uniqEmails,
} from '../dom';
import { hosts } from './hosts';

const OUTLOOK_HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);

function outlookRoute(url: URL): 'thread' | 'compose' | null {
  const p = decodeURIComponent(url.pathname);
  if (!/^\/mail(?:\/|$)/.test(p)) return null;
  if (/\/(?:deeplink\/)?compose(?:\/|$)/.test(p)) return 'compose';
  // /mail/inbox/id/AAQk…, /mail/0/inbox/id/…, /mail/id/…, /mail/deeplink/read/…
  if (/\/(?:id|read)\/[^/]{8,}/.test(p)) return 'thread';
  return null;
}

/** The signed-in mailbox: the account manager's secondary line. */
function outlookMe(doc: Document): string | undefined {
  return (
    emailAttr(textOf(q(doc, '#mectrl_currentAccount_secondary'))) ??
    emailsIn(q(doc, '#O365_MainLink_Me')?.getAttribute('aria-label'))[0]
  );
}

/** Addresses a persona shows in its title, aria-label or a mailto link. */
function personaEmails(root: ParentNode | null): string[] {
  const out: string[] = [];
  for (const el of qa(root, '[title*="@"], [aria-label*="@"], a[href^="mailto:"]', 200)) {
    for (const a of ['title', 'aria-label', 'href'])
      out.push(...emailsIn(el.getAttribute(a)?.replace(/^mailto:/i, '')));
  }
  return out;
}

/** "From: 陈静 <chen.jing@…>" → 陈静 */
const personName = (s: string | null | undefined) =>
  clean(s?.replace(/^(?:From|发件人)\s*[:：]\s*/i, '').replace(/<[^>]*>|\S+@\S+/g, ''));

function readCompose(url: URL, doc: Document, me: string | undefined): PageContext | null {
  const box = q(
    doc,
    'div[aria-label="Message body"][contenteditable="true"], [id^="editorParent_"] [contenteditable="true"], div[role="textbox"][contenteditable="true"]',
  );
  const root =
    box?.closest('[data-app-section="MailCompose"], [role="dialog"], [role="main"], form') ?? q(doc, '[role="main"]');
  if (!root) return null;
  // Recipient chips: `._EType_RECIPIENT_ENTITY` whose inner span carries the address in aria-label [realbmail].
  const chips = qa(root, '._EType_RECIPIENT_ENTITY', 50);
  const emails = uniqEmails(
    chips.length ? chips.flatMap((c) => [...personaEmails(c), ...emailsIn(c.textContent)]) : personaEmails(root),
    [me],
  );
  const subject = clean(
    textOf(
      q(
        root,
        'input[aria-label="Subject"], input[aria-label="Add a subject"], input[aria-label="添加主题"], input[placeholder="Add a subject"]',
      ),
    ),
  );
  return ctx('outlook', 'compose', url, { emails, subject });
}

function readMessage(url: URL, doc: Document, me: string | undefined): PageContext | null {
  const pane =
    q(doc, '[data-app-section="MailReadCompose"]') ??
    q(doc, '[data-app-section="ConversationContainer"]') ??
    q(doc, '#ReadingPaneContainerId') ??
    q(doc, '[role="main"]');
  if (!pane) return null;
  const subject = firstText(pane, [
    '[role="heading"][id^="CONV_"][id$="_SUBJECT"]',
    '[role="heading"][id$="_SUBJECT"]',
    'div[role="heading"][title]',
    '[data-app-section="SubjectLine"] span',
    '[data-app-section="SubjectLine"]',
    '[data-automationid="MessageSubject"]',
  ]);
  // The last expanded message (the one whose body is shown) is the one being read: its sender line and body.
  const lastBody = last(qa(pane, '[id^="UniqueMessageBody"]', 50));
  const item =
    last(qa(pane, '[data-testid="message-item"], [aria-label="Email message"], [aria-label="电子邮件"]', 50)) ??
    lastBody?.closest('[aria-expanded="true"]') ??
    pane;
  const fromEl = q(
    item,
    'span[aria-label^="From:"], [id$="_FROM"], span[aria-label^="发件人"], [data-testid="SenderPersona"], [data-automationid="From"]',
  );
  const fromEmails = [
    ...emailsIn(fromEl?.getAttribute('aria-label')),
    ...emailsIn(fromEl?.getAttribute('title')),
    ...emailsIn(fromEl?.textContent),
  ];
  const name = personName(fromEl?.getAttribute('aria-label')) ?? personName(textOf(fromEl));
  const emails = uniqEmails([...fromEmails, ...personaEmails(item)], [me]);
  const sentAt = sentAtOf(
    q(item, 'time[datetime]')?.getAttribute('datetime') ?? textOf(q(item, '[data-testid="SentReceivedSavedTime"]')),
  );
  const body = messageText(
    q(item, '[id^="UniqueMessageBody"], [aria-label="Message body"][role="document"], [aria-label="邮件正文"]') ??
      q(item, '[aria-label="Message body"]'),
  );
  if (!subject && !emails.length && !name) return null;
  return ctx('outlook', 'thread', url, {
    name,
    emails,
    subject,
    sentAt,
    body,
    addressHidden: !!name && !emails.length,
  });
}

export const outlook: SiteReader = {
  id: 'outlook',
  kind: 'mail',
  label: 'Outlook',
  hosts,
  matchesUrl: (u) => u.protocol === 'https:' && OUTLOOK_HOSTS.has(u.hostname) && !!outlookRoute(u),
  read(url, doc) {
    const route = outlookRoute(url);
    if (!route) return null;
    const me = outlookMe(doc);
    return route === 'compose' ? readCompose(url, doc, me) : readMessage(url, doc, me);
  },
  composeBox: (doc) =>
    pickEditor(doc, [
      'div[aria-label="Message body"][contenteditable="true"]',
      'div[role="textbox"][contenteditable="true"]',
      '[id^="editorParent_"] [contenteditable="true"]',
    ]),
};
