/** The demo webmail's thread and compose pages (demo/pages.ts renders them; this reader is their contract). */
import type { SiteReader } from '../types';
import {
  clean,
  ctx,
  emailAttr,
  emailsIn,
  isDemoHost,
  last,
  messageText,
  q,
  qa,
  sentAtOf,
  textOf,
  uniqEmails,
} from '../dom';
import { hosts } from './hosts';

function demoMailRoute(url: URL): 'thread' | 'compose' | null {
  if (/^\/mail\/thread\/[A-Za-z0-9_-]+\/?$/.test(url.pathname)) return 'thread';
  if (/^\/mail\/compose\/?$/.test(url.pathname)) return 'compose';
  return null;
}
export const demoMail: SiteReader = {
  id: 'demo-mail',
  kind: 'mail',
  label: 'Demo Mail',
  hosts,
  composeBox: (doc) => q(doc, 'textarea[data-compose-body]') as HTMLElement | null,
  matchesUrl: (u) => isDemoHost(u) && !!demoMailRoute(u),
  read(url, doc) {
    if (demoMailRoute(url) === 'compose') {
      const c = q(doc, '[data-compose]');
      if (!c) return null;
      return ctx('demo-mail', 'compose', url, {
        emails: uniqEmails(qa(c, 'input[data-to]', 10).flatMap((i) => emailsIn(textOf(i)))),
      });
    }
    const a = last(qa(doc, 'article[data-message]', 100));
    if (!a) return null;
    const time = q(a, 'time[data-sent]');
    return ctx('demo-mail', 'thread', url, {
      name: clean(textOf(q(a, '[data-sender-name]'))),
      emails: uniqEmails([emailAttr(textOf(q(a, '[data-sender-email]')))]),
      subject: clean(textOf(q(a, '[data-subject]'))),
      sentAt: sentAtOf(time?.getAttribute('datetime') ?? textOf(time)),
      body: messageText(q(a, '[data-body]')),
    });
  },
};
