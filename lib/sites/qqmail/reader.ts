/**
 * QQ Mail. The current interface (wx.mail.qq.com) shows people as nickname chips (`.cmp-account-wrap`) whose
 * address appears only in a hover card (`.xmail-cmp-contact-card .cmp-basic-email`) [realbmail]: the reader
 * returns the nickname and says the address is hidden, and the worker then matches the nickname against the
 * contacts it holds. The frameset interface (mail.qq.com) keeps the message in the same-origin frame "mainFrame",
 * with addresses in `e`/`addr` attributes. Sources: SOURCES.md.
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
  frameDoc,
  messageText,
  q,
  qa,
  sentAtOf,
  textOf,
  uniqEmails,
} from '../dom';
import { hosts } from './hosts';

function qqMe(doc: Document, inner: Document | null): string | undefined {
  return (
    emailAttr(textOf(q(doc, '.profile-user-info span.user-email'))) ??
    emailAttr(textOf(q(doc, '#useraddr'))) ??
    emailAttr(textOf(q(inner, '#useraddr')))
  );
}

/** Nicknames on the visible chips under `root` (chips folded into "+n" sit in `.cmp-hide-accounts`). */
function chipNames(root: ParentNode | null): string[] {
  return qa(root, '.cmp-account-wrap', 50)
    .filter((c) => !c.closest('.cmp-hide-accounts'))
    .map((c) => clean(textOf(c)?.replace(/[;；,，、]\s*$/, '')))
    .filter((n): n is string => !!n);
}

function readCurrent(url: URL, doc: Document, me: string | undefined): PageContext | null {
  const compose = q(doc, '.mail-compose-page');
  if (compose) {
    const receivers = q(compose, '.mail-compose-receivers') ?? compose;
    const names = chipNames(receivers);
    // A chip for an address the user typed shows the address itself; the others show only a nickname.
    const emails = uniqEmails(
      names.flatMap((n) => emailsIn(n)),
      [me],
    );
    return ctx('qqmail', 'compose', url, { emails, addressHidden: names.some((n) => !emailsIn(n).length) });
  }
  const reader =
    q(doc, '.mail-list-page-reader-body') ??
    q(doc, '.reader-body-children') ??
    q(doc, '.mail-detail-content')?.parentElement ??
    null;
  if (!reader) return null;
  // The counterpart: the sender chip in the message header, else the chip of the quick-reply box under the
  // message (whom a reply goes to) [realbmail].
  const reply = q(reader, '.mail-detail-reply');
  const headerChip = qa(reader, '.cmp-account-wrap', 20).find(
    (c) => !reply?.contains(c) && !c.closest('.cmp-hide-accounts'),
  );
  const chip = clean(textOf(headerChip)?.replace(/[;；,，、]\s*$/, '')) ?? chipNames(reply)[0];
  // The address is not on the page (the hover card that shows it may belong to any chip, so it is not read).
  const emails = uniqEmails(emailsIn(chip), [me]);
  const name = emails.length ? undefined : chip;
  return ctx('qqmail', 'thread', url, {
    name,
    emails,
    subject: firstText(reader, ['.mail-detail-subject', '.mail-detail-header h1', '.subject', '[role="heading"]']),
    sentAt: sentAtOf(q(reader, '[data-time]')?.getAttribute('data-time') ?? textOf(q(reader, '.mail-detail-time'))),
    body: messageText(q(reader, '.mail-detail-content')),
    addressHidden: !!name,
  });
}

function readLegacy(url: URL, doc: Document, inner: Document | null, me: string | undefined): PageContext | null {
  // Compose: recipients `.addr_base.addr_normal[addr]` [realbmail].
  const compose = q(inner, '#frm_compose, form[name="frm"] #toAreaCtrl');
  if (compose) {
    const emails = uniqEmails(
      [
        ...attrEmails(inner, '.addr_base.addr_normal', ['addr']),
        ...attrEmails(compose, '[addr]', ['addr']),
        ...qa(compose, 'input[name="to"], #to, textarea[name="to"]', 5).flatMap((i) => emailsIn(textOf(i))),
      ],
      [me],
    );
    return ctx('qqmail', 'compose', url, { emails });
  }
  for (const d of [doc, inner]) {
    if (!d) continue;
    // readmail: <span id="subject">, people as <span e="a@b" n="Name"> [realbmail: `span[e]`], body #contentDiv.
    const subj = q(d, '#subject');
    const legacyBody = q(d, '#mailContentContainer, #contentDiv');
    if (!subj && !legacyBody) continue;
    const from = q(d, '#frm [e], .addrtitle + td [e], [e][n]');
    const emails = uniqEmails([emailAttr(from?.getAttribute('e')), ...attrEmails(d, '[e]', ['e'])], [me]);
    return ctx('qqmail', 'thread', url, {
      name: clean(from?.getAttribute('n')) ?? clean(textOf(from)),
      emails,
      subject: clean(textOf(subj)),
      sentAt: sentAtOf(textOf(q(d, '#local_time'))),
      body: messageText(legacyBody),
    });
  }
  return null;
}

function legacyInner(doc: Document): Document | null {
  return frameDoc(q(doc, 'iframe[name="mainFrame"], #mainFrame')) ?? frameDoc(q(doc, '#mainFrameContainer iframe'));
}

export const qqmail: SiteReader = {
  id: 'qqmail',
  kind: 'mail',
  label: 'QQ邮箱',
  hosts,
  matchesUrl: (u) => u.protocol === 'https:' && (u.hostname === 'mail.qq.com' || u.hostname === 'wx.mail.qq.com'),
  read(url, doc) {
    const inner = legacyInner(doc);
    const me = qqMe(doc, inner);
    return readCurrent(url, doc, me) ?? readLegacy(url, doc, inner, me);
  },
  composeBox(doc) {
    const current = q(
      doc,
      '.mail-compose-page .mail-content-editor-inner[contenteditable="true"], .mail-compose-page [contenteditable="true"], .mail-detail-reply .reply-editor [contenteditable="true"], .mail-detail-reply .reply-editor',
    );
    if (current) return current as HTMLElement;
    // Legacy compose: the editor is an iframe inside mainFrame [realbmail: `iframe.qmEditorIfrmEditArea`].
    const inner = legacyInner(doc);
    return (q(inner, '[contenteditable="true"]') ??
      frameDoc(q(inner, 'iframe.qmEditorIfrmEditArea'))?.body ??
      null) as HTMLElement | null;
  },
};
