/**
 * Gmail: a conversation (`#inbox/<thread id>`) or a compose box (`?compose=`). Addresses come from Gmail's own
 * attributes (`span[email]`, `data-hovercard-id`), which gmail.js and InboxSDK read [gmailjs] [inboxsdk]; the
 * signed-in mailbox (from the title) is left out. Sources: SOURCES.md.
 */
import type { PageContext } from '../../domain';
import type { SiteReader } from '../types';
import {
  attrEmails,
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
  titleParts,
  uniqEmails,
} from '../dom';
import { hosts } from './hosts';

/** The signed-in address from "Inbox - me@x.com - Gmail" / "Subject - me@x.com - Gmail". */
export function gmailAccount(doc: Document): string | undefined {
  const m = (doc.title ?? '').match(/ - ([^\s@]+@[^\s]+) - Gmail\s*$/);
  return m ? m[1].toLowerCase() : emailsIn(q(doc, 'a[aria-label^="Google Account"]')?.getAttribute('aria-label'))[0];
}
function gmailRoute(url: URL): 'thread' | 'compose' | null {
  if (!url.pathname.startsWith('/mail/')) return null;
  const h = url.hash;
  if (/[?&]compose=/.test(h)) return 'compose';
  // #inbox/FMfcgz…, #label/x/FMfcgz…, #search/q/…; thread ids are long opaque tokens.
  if (/\/[0-9a-zA-Z]{16,}$/.test(h.split('?')[0])) return 'thread';
  return null;
}
function gmailComposeRoot(doc: Document): Element | null {
  const body = last(qa(doc, 'div[aria-label="Message Body"][contenteditable], div.editable[contenteditable]', 20));
  if (!body) return null;
  // Popup compose (div.M9 / div.AD), inline reply (.AO): walk up to the form holding the recipients.
  return body.closest('div[role="dialog"], div.M9, div.AD, form, td.I5') ?? body.closest('table') ?? doc.body;
}
function readGmail(url: URL, doc: Document): PageContext | null {
  const route = gmailRoute(url);
  if (!route) return null;
  const me = gmailAccount(doc);
  if (route === 'compose') {
    const root = gmailComposeRoot(doc);
    if (!root) return null;
    const emails = uniqEmails(
      [
        ...attrEmails(root, '[data-hovercard-id]', ['data-hovercard-id']),
        ...attrEmails(root, 'span[email]', ['email']),
        // Older compose (–2019): plain inputs; PeopleKit keeps hidden inputs too.
        ...qa(root, 'input[name="to"], textarea[name="to"], input[name="cc"], textarea[name="cc"]', 10).flatMap((i) =>
          emailsIn(textOf(i)),
        ),
      ],
      [me],
    );
    const subject = clean(textOf(q(root, 'input[name="subjectbox"]')));
    return ctx('gmail', 'compose', url, { emails, subject });
  }
  const main = q(doc, '[role="main"]') ?? doc;
  // The URL can run ahead of the DOM (the list still shown): insist on a conversation view before reading.
  if (!q(main, 'h2.hP, h2[data-legacy-thread-id], div.adn, [data-message-id]')) return null;
  const senders = qa(main, 'span.gD[email], h3 span[email][name]', 100);
  const sender = last(senders.filter((s) => (s.getAttribute('email') ?? '').toLowerCase() !== me)) ?? last(senders);
  const emails = uniqEmails(
    [
      ...senders.map((s) => emailAttr(s.getAttribute('email'))),
      ...attrEmails(main, 'span[email]', ['email'], 200),
      ...attrEmails(main, '[data-hovercard-id*="@"]', ['data-hovercard-id'], 200),
    ],
    [me],
  );
  // Subject: h2.hP (2018–), h2[data-legacy-thread-id] (2020–), then the title "Subject - me@x.com - Gmail".
  let subject = firstText(main, ['h2[data-legacy-thread-id]', 'h2.hP', '.ha h2']);
  if (!subject) {
    const parts = titleParts(doc);
    if (parts.length >= 3 && /gmail/i.test(last(parts)!)) subject = clean(parts.slice(0, -2).join(' - '));
  }
  // The counterpart's latest message (div.adn, [data-message-id]) gives the date and the body; else the last one.
  const msg =
    sender?.closest('div.adn, [data-message-id]') ?? last(qa(main, 'div.adn, [data-message-id]', 200)) ?? main;
  const date = q(msg, 'span.g3[title], .gK [title]') ?? last(qa(main, 'span.g3[title]', 100));
  const sentAt = sentAtOf(date?.getAttribute('title') ?? textOf(date));
  const bodyEl = q(msg, 'div.a3s') ?? last(qa(main, 'div.a3s', 100));
  if (!sender && !subject && !emails.length) return null;
  return ctx('gmail', 'thread', url, {
    name: clean(sender?.getAttribute('name')) ?? clean(textOf(sender)),
    emails,
    subject,
    sentAt,
    body: messageText(bodyEl),
  });
}
export const gmail: SiteReader = {
  id: 'gmail',
  kind: 'mail',
  label: 'Gmail',
  hosts,
  composeBox: (doc) =>
    pickEditor(doc, [
      'div[aria-label="Message Body"][contenteditable="true"]',
      'div.editable[contenteditable="true"]',
      'div[g_editable="true"][contenteditable="true"]',
    ]),
  matchesUrl: (u) => u.protocol === 'https:' && u.hostname === 'mail.google.com' && !!gmailRoute(u),
  read: readGmail,
};
