/**
 * Webmail readers. An open message gives kind 'thread' (sender name, counterpart addresses, subject, sent time,
 * plain-text body); an open compose box gives kind 'compose' (recipient addresses). Addresses come from
 * attributes (`email`, `data-hovercard-id`, `e`, mailto:), are lower-cased and de-duplicated, and the user's own
 * mailbox is left out when the page shows it. Chinese webmail keeps modules in same-origin iframes, which are read
 * defensively.
 */
import type { PageContext } from '../domain';
import type { SiteReader } from './types';
import {
  clean, ctx, emailAttr, emailsIn, firstText, frameDoc, isDemoHost, q, qa, sentAtOf, textOf, titleParts, uniqEmails,
} from './dom';

type Doc = Document | ParentNode;

function attrEmails(root: Doc | null, sel: string, attrs: string[], max = 50): string[] {
  const out: string[] = [];
  for (const el of qa(root, sel, max)) {
    for (const a of attrs) {
      const e = emailAttr(el.getAttribute(a));
      if (e) {
        out.push(e);
        break;
      }
    }
  }
  return out;
}
const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];

// --------------------------------------------------------------------------------------------------------- Gmail
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
    const emails = uniqEmails([
      ...attrEmails(root, '[data-hovercard-id]', ['data-hovercard-id']),
      ...attrEmails(root, 'span[email]', ['email']),
      // Older compose (–2019): plain inputs; PeopleKit keeps hidden inputs too.
      ...qa(root, 'input[name="to"], textarea[name="to"], input[name="cc"], textarea[name="cc"]', 10).flatMap((i) => emailsIn(textOf(i))),
    ], [me]);
    const subject = clean(textOf(q(root, 'input[name="subjectbox"]')));
    return ctx('gmail', 'compose', url, { emails, subject });
  }
  const main = q(doc, '[role="main"]') ?? doc;
  // The URL can run ahead of the DOM (the list still shown): insist on a conversation view before reading.
  if (!q(main, 'h2.hP, h2[data-legacy-thread-id], div.adn, [data-message-id]')) return null;
  const senders = qa(main, 'span.gD[email], h3 span[email][name]', 100);
  const sender = last(senders.filter((s) => (s.getAttribute('email') ?? '').toLowerCase() !== me)) ?? last(senders);
  const emails = uniqEmails([
    ...senders.map((s) => emailAttr(s.getAttribute('email'))),
    ...attrEmails(main, 'span[email]', ['email'], 200),
    ...attrEmails(main, '[data-hovercard-id*="@"]', ['data-hovercard-id'], 200),
  ], [me]);
  // Subject: h2.hP (2018–), h2[data-legacy-thread-id] (2020–), then the title "Subject - me@x.com - Gmail".
  let subject = firstText(main, ['h2[data-legacy-thread-id]', 'h2.hP', '.ha h2']);
  if (!subject) {
    const parts = titleParts(doc);
    if (parts.length >= 3 && /gmail/i.test(last(parts)!)) subject = clean(parts.slice(0, -2).join(' - '));
  }
  // The counterpart's latest message (div.adn, [data-message-id]) gives the date and the body; else the last one.
  const msg = sender?.closest('div.adn, [data-message-id]') ?? last(qa(main, 'div.adn, [data-message-id]', 200)) ?? main;
  const date = q(msg, 'span.g3[title], .gK [title]') ?? last(qa(main, 'span.g3[title]', 100));
  const sentAt = sentAtOf(date?.getAttribute('title') ?? textOf(date));
  const bodyEl = q(msg, 'div.a3s') ?? last(qa(main, 'div.a3s', 100));
  if (!sender && !subject && !emails.length) return null;
  return ctx('gmail', 'thread', url, {
    name: clean(sender?.getAttribute('name')) ?? clean(textOf(sender)),
    emails, subject, sentAt, body: textOf(bodyEl),
  });
}
const gmail: SiteReader = {
  id: 'gmail',
  kind: 'mail',
  matchesUrl: (u) => u.protocol === 'https:' && u.hostname === 'mail.google.com' && !!gmailRoute(u),
  read: readGmail,
};

// ------------------------------------------------------------------------------------------------------- Outlook
const OUTLOOK_HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);
function outlookRoute(url: URL): 'thread' | 'compose' | null {
  const p = decodeURIComponent(url.pathname);
  if (!/^\/mail(?:\/|$)/.test(p)) return null;
  if (/\/(?:deeplink\/)?compose(?:\/|$)/.test(p)) return 'compose';
  // /mail/inbox/id/AAQk…, /mail/0/inbox/id/…, /mail/id/…, /mail/deeplink/read/…
  if (/\/(?:id|read)\/[^/]{8,}/.test(p)) return 'thread';
  return null;
}
function outlookMe(doc: Document): string | undefined {
  return emailAttr(textOf(q(doc, '#mectrl_currentAccount_secondary'))) ?? emailsIn(q(doc, '#O365_MainLink_Me')?.getAttribute('aria-label'))[0];
}
function personaEmails(root: ParentNode | null): string[] {
  const out: string[] = [];
  for (const el of qa(root, '[title*="@"], [aria-label*="@"], [data-email], a[href^="mailto:"]', 200)) {
    for (const a of ['data-email', 'title', 'aria-label', 'href']) out.push(...emailsIn(el.getAttribute(a)?.replace(/^mailto:/i, '')));
  }
  return out;
}
function readOutlook(url: URL, doc: Document): PageContext | null {
  const route = outlookRoute(url);
  if (!route) return null;
  const me = outlookMe(doc);
  if (route === 'compose') {
    const box = q(doc, 'div[role="textbox"][contenteditable="true"]');
    const root = box?.closest('[data-app-section="MailCompose"], [role="dialog"], [role="main"], form') ?? q(doc, '[role="main"]');
    if (!root) return null;
    const wells = qa(root, '[aria-label="To"], [aria-label="Cc"], [aria-label="收件人"], [aria-label="抄送"], ._EType_RECIPIENT_ENTITY', 10);
    const emails = uniqEmails([...(wells.length ? wells.flatMap((w) => [...personaEmails(w), ...emailsIn(w.textContent)]) : personaEmails(root))], [me]);
    const subject = clean(textOf(q(root, 'input[aria-label="Add a subject"], input[aria-label="添加主题"], input[placeholder="Add a subject"]')));
    return ctx('outlook', 'compose', url, { emails, subject });
  }
  const pane = q(doc, '#ReadingPaneContainerId') ?? q(doc, '[data-app-section="MailReadCompose"]')
    ?? q(doc, '[data-app-section="ConversationContainer"]') ?? q(doc, '[role="main"]');
  if (!pane) return null;
  const items = qa(pane, '[data-testid="message-item"], [aria-label="Email message"], [aria-label="电子邮件"]', 50);
  const item = last(items) ?? pane;
  const subject = firstText(pane, ['[data-app-section="SubjectLine"] span', '[data-app-section="SubjectLine"]', '[role="heading"][aria-level="2"]', 'h2[role="heading"]']);
  const fromEl = q(item, '[data-testid="SenderPersona"], [data-automationid="From"], span[aria-label^="From" i], [class*="SenderPersona"]');
  const fromEmails = personaEmails(fromEl?.parentElement ?? null).concat(emailsIn(fromEl?.textContent));
  const name = clean(fromEl?.getAttribute('aria-label')?.replace(/^From:?\s*/i, '').replace(/<[^>]*>|\S+@\S+/g, ''))
    ?? clean(textOf(fromEl)?.replace(/<[^>]*>|\S+@\S+/g, ''));
  const emails = uniqEmails([...fromEmails, ...personaEmails(pane)], [me]);
  const sentAt = sentAtOf(textOf(q(item, '[data-testid="SentReceivedSavedTime"]')) ?? q(item, 'time[datetime]')?.getAttribute('datetime'));
  const body = textOf(q(item, '[aria-label="Message body"], [id^="UniqueMessageBody"], [role="document"] .allowTextSelection'));
  if (!subject && !emails.length) return null;
  return ctx('outlook', 'thread', url, { name, emails, subject, sentAt, body });
}
const outlook: SiteReader = {
  id: 'outlook',
  kind: 'mail',
  matchesUrl: (u) => u.protocol === 'https:' && OUTLOOK_HOSTS.has(u.hostname) && !!outlookRoute(u),
  read: readOutlook,
};

// ------------------------------------------------------------------------------------------------------ QQ Mail
function qqMe(doc: Document, inner: Document | null): string | undefined {
  return emailAttr(textOf(q(doc, '.profile-user-info .user-email'))) ?? emailAttr(textOf(q(doc, '#useraddr')))
    ?? emailAttr(textOf(q(inner, '#useraddr')));
}
function readQQ(url: URL, doc: Document): PageContext | null {
  // Legacy frameset UI (–2023): the message sits in the same-origin iframe "mainFrame" (or this is that frame).
  const inner = frameDoc(q(doc, 'iframe[name="mainFrame"], #mainFrame')) ?? frameDoc(q(doc, '#mainFrameContainer iframe'));
  const me = qqMe(doc, inner);
  // Current UI (2023–, wx.mail.qq.com): compose page.
  const compose = q(doc, '.mail-compose-page') ?? q(inner, '#frm_compose, form[name="frm"] #toAreaCtrl');
  if (compose) {
    const emails = uniqEmails([
      ...attrEmails(compose, '[data-email]', ['data-email']),
      ...attrEmails(compose, '[addr]', ['addr']),
      ...qa(compose, 'input[name="to"], #to, textarea[name="to"]', 5).flatMap((i) => emailsIn(textOf(i))),
    ], [me]);
    return ctx('qqmail', 'compose', url, { emails });
  }
  for (const d of [doc, inner]) {
    if (!d) continue;
    // Current UI reader.
    const cur = q(d, '.mail-detail-content')?.closest('.mail-detail, .reader-body-children, .mail-list-page-reader-body') ?? q(d, '.mail-detail');
    if (cur) {
      const from = q(cur, '.mail-detail-from [data-email], .xmail-ui-contact-name[data-email], .mail-detail-header [data-email]');
      const emails = uniqEmails([emailAttr(from?.getAttribute('data-email')), ...attrEmails(cur, '[data-email]', ['data-email'])], [me]);
      return ctx('qqmail', 'thread', url, {
        name: clean(from?.getAttribute('data-name')) ?? clean(textOf(from)),
        emails,
        subject: firstText(cur, ['.mail-detail-subject', '.mail-detail-header h1', '.subject']),
        sentAt: sentAtOf(q(cur, '[data-time]')?.getAttribute('data-time') ?? textOf(q(cur, '.mail-detail-time'))),
        body: textOf(q(cur, '.mail-detail-content')),
      });
    }
    // Legacy readmail: <span id="subject">, sender <span e="a@b" n="Name">, body #contentDiv / #mailContentContainer.
    const subj = q(d, '#subject');
    const legacyBody = q(d, '#mailContentContainer, #contentDiv');
    if (subj || legacyBody) {
      const from = q(d, '#frm [e], .addrtitle + td [e], [e][n]');
      const emails = uniqEmails([emailAttr(from?.getAttribute('e')), ...attrEmails(d, '[e]', ['e'])], [me]);
      return ctx('qqmail', 'thread', url, {
        name: clean(from?.getAttribute('n')) ?? clean(textOf(from)),
        emails,
        subject: clean(textOf(subj)),
        sentAt: sentAtOf(textOf(q(d, '#local_time'))),
        body: textOf(legacyBody),
      });
    }
  }
  return null;
}
const qqmail: SiteReader = {
  id: 'qqmail',
  kind: 'mail',
  matchesUrl: (u) => u.protocol === 'https:' && (u.hostname === 'mail.qq.com' || u.hostname === 'wx.mail.qq.com'),
  read: readQQ,
};

// ------------------------------------------------------------------------------------------------------ 163 Mail
function mail163Route(url: URL): 'thread' | 'compose' | null {
  const h = decodeURIComponent(url.hash);
  if (/module=read\./.test(h)) return 'thread';
  if (/module=compose\./.test(h)) return 'compose';
  return null;
}
function visibleModule(doc: Document, prefix: string): Element | null {
  const mods = qa(doc, `[id^="_dvModuleContainer_${prefix}"]`, 20);
  return mods.find((m) => !/display:\s*none/.test(m.getAttribute('style') ?? '')) ?? last(mods) ?? null;
}
function read163(url: URL, doc: Document): PageContext | null {
  const route = mail163Route(url);
  if (!route) return null;
  const me = emailAttr(textOf(q(doc, '#spnUid')));
  if (route === 'compose') {
    const mod = visibleModule(doc, 'compose.ComposeModule');
    if (!mod) return null;
    const emails = uniqEmails(qa(mod, '.js-component-emailblock .nui-addr-email, .js-component-emailblock [title*="@"]', 50)
      .flatMap((e) => emailsIn(textOf(e) + ' ' + (e.getAttribute('title') ?? ''))), [me]);
    return ctx('mail163', 'compose', url, { emails, subject: clean(textOf(q(mod, 'input[id$="_subjectInput"], .js-component-input input'))) });
  }
  const mod = visibleModule(doc, 'read.ReadModule');
  if (!mod) return null;
  const blocks = qa(mod, '.js-component-emailblock', 50);
  const from = blocks[0];
  const emails = uniqEmails(blocks.flatMap((b) => [
    ...emailsIn(textOf(q(b, '.nui-addr-email'))), ...emailsIn(b.getAttribute('title')),
  ]), [me]);
  // The message body is an iframe (same origin) with class netease_mail_readhtml.
  const bodyDoc = frameDoc(q(mod, 'iframe.netease_mail_readhtml, iframe[id$="_frameBody"]'));
  const body = textOf(bodyDoc?.body) ?? textOf(q(mod, '.netease_mail_readhtml'));
  return ctx('mail163', 'thread', url, {
    name: clean(textOf(q(from, '.nui-addr-name'))),
    emails,
    subject: firstText(mod, ['h1[id$="_h1Subject"]', '.js-component-title h1', 'h1']),
    sentAt: sentAtOf(textOf(q(mod, '[id$="_ecvDate"], .js-component-date, .nui-fIBlock [data-date]'))),
    body,
  });
}
const mail163: SiteReader = {
  id: 'mail163',
  kind: 'mail',
  matchesUrl: (u) => u.protocol === 'https:' && (u.hostname === 'mail.163.com' || u.hostname.endsWith('.mail.163.com')) && !!mail163Route(u),
  read: read163,
};

// ---------------------------------------------------------------------------------------------------------- Demo
function demoMailRoute(url: URL): 'thread' | 'compose' | null {
  if (/^\/mail\/thread\/[A-Za-z0-9_-]+\/?$/.test(url.pathname)) return 'thread';
  if (/^\/mail\/compose\/?$/.test(url.pathname)) return 'compose';
  return null;
}
const demoMail: SiteReader = {
  id: 'demo-mail',
  kind: 'mail',
  matchesUrl: (u) => isDemoHost(u) && !!demoMailRoute(u),
  read(url, doc) {
    if (demoMailRoute(url) === 'compose') {
      const c = q(doc, '[data-compose]');
      if (!c) return null;
      return ctx('demo-mail', 'compose', url, { emails: uniqEmails(qa(c, 'input[data-to]', 10).flatMap((i) => emailsIn(textOf(i)))) });
    }
    const a = last(qa(doc, 'article[data-message]', 100));
    if (!a) return null;
    const time = q(a, 'time[data-sent]');
    return ctx('demo-mail', 'thread', url, {
      name: clean(textOf(q(a, '[data-sender-name]'))),
      emails: uniqEmails([emailAttr(textOf(q(a, '[data-sender-email]')))]),
      subject: clean(textOf(q(a, '[data-subject]'))),
      sentAt: sentAtOf(time?.getAttribute('datetime') ?? textOf(time)),
      body: textOf(q(a, '[data-body]')),
    });
  },
};

export const mailReaders: SiteReader[] = [gmail, outlook, qqmail, mail163, demoMail];
