/**
 * 163 Mail (js6): modules live in `[id^="_dvModuleContainer_<module>"]` containers, the visible one is the open
 * message or compose box; people are `.js-component-emailblock` blocks with `.nui-addr-name` and
 * `.nui-addr-email`; the body is a same-origin iframe [realbmail]. Sources: SOURCES.md.
 */
import type { PageContext } from '../../domain';
import type { SiteReader } from '../types';
import {
  clean,
  ctx,
  emailAttr,
  emailsIn,
  firstText,
  frameDoc,
  last,
  messageText,
  q,
  qa,
  sentAtOf,
  textOf,
  uniqEmails,
} from '../dom';
import { hosts } from './hosts';

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
    const emails = uniqEmails(
      qa(mod, '.js-component-emailblock .nui-addr-email, .js-component-emailblock [title*="@"]', 50).flatMap((e) =>
        emailsIn(textOf(e) + ' ' + (e.getAttribute('title') ?? '')),
      ),
      [me],
    );
    return ctx('mail163', 'compose', url, {
      emails,
      subject: clean(textOf(q(mod, 'input[id$="_subjectInput"], .js-component-input input'))),
    });
  }
  const mod = visibleModule(doc, 'read.ReadModule');
  if (!mod) return null;
  const blocks = qa(mod, '.js-component-emailblock', 50);
  const from = blocks[0];
  const emails = uniqEmails(
    blocks.flatMap((b) => [...emailsIn(textOf(q(b, '.nui-addr-email'))), ...emailsIn(b.getAttribute('title'))]),
    [me],
  );
  // The message body is an iframe (same origin) with class netease_mail_readhtml.
  const bodyDoc = frameDoc(q(mod, 'iframe.netease_mail_readhtml, iframe[id$="_frameBody"]'));
  const body = messageText(bodyDoc?.body) ?? messageText(q(mod, 'div.netease_mail_readhtml'));
  return ctx('mail163', 'thread', url, {
    name: clean(textOf(q(from, '.nui-addr-name'))),
    emails,
    subject: firstText(mod, ['h1[id$="_h1Subject"]', '.js-component-title h1', 'h1']),
    sentAt: sentAtOf(textOf(q(mod, '[id$="_ecvDate"], .js-component-date, .nui-fIBlock [data-date]'))),
    body,
  });
}
export const mail163: SiteReader = {
  id: 'mail163',
  kind: 'mail',
  label: '163邮箱',
  hosts,
  composeBox(doc) {
    // The editor is a same-origin iframe whose body is itself contenteditable [realbmail: `.APP-editor-iframe`].
    for (const f of qa(doc, 'iframe.APP-editor-iframe', 10)) {
      const body = frameDoc(f)?.body;
      if (body) return body;
    }
    return null;
  },
  matchesUrl: (u) =>
    u.protocol === 'https:' &&
    (u.hostname === 'mail.163.com' || u.hostname.endsWith('.mail.163.com')) &&
    !!mail163Route(u),
  read: read163,
};
