/**
 * What both content scripts do: read the page, tell the background, mount the badge or capture frame, follow SPA
 * navigation, and insert a script into an open compose box when asked. On a URL no reader knows, it does nothing
 * more than that check.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { PageContext, UserSite } from '../domain';
import { findComposeBox, readPage, siteKindForUrl } from '../sites';
import { pageReplyMini, toContentMini } from '../messaging/to-content';

const FRAME_W = 240;
const FRAME_H = 30;
/** How long to keep watching for a record whose DOM arrives late. */
const WATCH_MS = 15_000;
/** A DOM change after this long without one is read at once rather than in the next animation frame. */
const QUIET_MS = 100;

function sameContext(a: PageContext | null, b: PageContext | null): boolean {
  if (!a || !b) return a === b;
  return a.site === b.site && a.kind === b.kind && a.recordId === b.recordId && a.name === b.name
    && a.emails.join() === b.emails.join() && a.subject === b.subject;
}

/** The element the chip sits beside: the heading that shows the record's name or the mail's subject. */
function findAnchor(doc: Document, ctx: PageContext): Element | null {
  const wanted = ctx.kind === 'thread' ? ctx.subject : ctx.name;
  const candidates = doc.querySelectorAll('h1, h2, [role="heading"], [data-field="account-name"], [data-subject]');
  const n = Math.min(candidates.length, 200);
  for (let i = 0; i < n; i++) {
    const el = candidates[i];
    const text = (el.textContent ?? '').trim();
    if (wanted && text && (text === wanted || text.includes(wanted))) return el;
  }
  return null;
}

async function insertIntoCompose(site: string, text: string): Promise<boolean> {
  const box = findComposeBox(document, site);
  if (!box) return false;
  if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
    box.focus();
    box.setRangeText(text, box.selectionStart ?? box.value.length, box.selectionEnd ?? box.value.length, 'end');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  }
  (box as HTMLElement).focus();
  // insertText keeps the editor's own undo stack and formatting model; fall back to a text node.
  if (!document.execCommand?.('insertText', false, text)) box.appendChild(document.createTextNode(text));
  return true;
}

export function runContentScript(ctx: ContentScriptContext, kind: 'crm' | 'mail'): void {
  let current: PageContext | null = null;
  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let anchor: Element | null = null;
  let observer: MutationObserver | null = null;
  let watchUntil = 0;
  let scheduled = false;
  let userSites: UserSite[] | undefined;

  const unmount = () => {
    host?.remove();
    host = frame = null;
    anchor = null;
  };

  const place = () => {
    if (!host) return;
    const s = host.style;
    const r = anchor?.isConnected ? anchor.getBoundingClientRect() : null;
    const maxLeft = Math.max(0, document.documentElement.clientWidth - FRAME_W - 8);
    const top = r ? r.top + window.scrollY + Math.max(0, (r.height - FRAME_H) / 2) : window.scrollY + 8;
    const left = r ? Math.min(r.right + window.scrollX + 8, maxLeft + window.scrollX) : maxLeft + window.scrollX;
    s.setProperty('top', `${Math.round(top)}px`, 'important');
    s.setProperty('left', `${Math.round(left)}px`, 'important');
  };

  const mount = (mode: 'crm' | 'mail') => {
    if (!host) {
      host = document.createElement('huikuan-chip');
      for (const [k, v] of Object.entries({
        all: 'initial', position: 'absolute', 'z-index': '2147483646', width: `${FRAME_W}px`, height: `${FRAME_H}px`,
        display: 'block', margin: '0', padding: '0', border: '0', background: 'transparent', 'pointer-events': 'auto',
      })) host.style.setProperty(k, v, 'important');
      // Closed: the page's scripts get no handle on what is inside; the frame is cross-origin on top of that.
      const root = host.attachShadow({ mode: 'closed' });
      frame = document.createElement('iframe');
      frame.setAttribute('title', 'Huikuan');
      frame.setAttribute('style', `all:initial;border:0;width:${FRAME_W}px;height:${FRAME_H}px;color-scheme:normal;display:block`);
      root.appendChild(frame);
      document.body.appendChild(host);
    }
    // Re-assigning the same src would reload the chip from scratch; an existing chip re-renders itself from the
    // background's broadcast, which is far quicker than a new document. The frame learns its tab from the
    // background, so the src is known before the background has answered.
    const src = `${browser.runtime.getURL('/badge.html')}?mode=${mode}`;
    if (frame!.getAttribute('src') !== src) frame!.src = src;
    place();
  };

  const report = async (next: PageContext | null) => {
    if (sameContext(next, current)) return;
    current = next;
    if (!next) {
      unmount();
      await browser.runtime.sendMessage({ type: 'page/cleared' }).catch(() => undefined);
      return;
    }
    const sent = browser.runtime.sendMessage({ type: 'page/context', ctx: next }).catch(() => undefined);
    // The chip's frame starts while the background matches: starting an extension document is the slowest step
    // on a loaded machine. It stays empty (hidden chip) until the background sends it a view, and goes again if
    // the background does not recognise the page (a site the user switched off).
    const mode = next.kind === 'record' ? 'crm' : next.kind === 'thread' ? 'mail' : undefined;
    if (mode) {
      anchor = findAnchor(document, next);
      mount(mode);
    }
    const reply = pageReplyMini.safeParse(await sent);
    if (!ctx.isValid || current !== next) return;
    if (reply.success && (reply.data.showBadge || reply.data.showCapture)) {
      anchor = findAnchor(document, next);
      mount(reply.data.showBadge ? 'crm' : 'mail');
    } else unmount();
  };

  const read = (): PageContext | null => {
    try {
      return readPage(location.href, document, userSites);
    } catch (e) {
      console.debug('[huikuan] read failed', e);
      return null;
    }
  };

  let lastReadAt = -Infinity;
  const step = () => {
    lastReadAt = performance.now();
    const next = read();
    void report(next);
    if (host && anchor && !anchor.isConnected && current) anchor = findAnchor(document, current);
    place();
    if (Date.now() > watchUntil) stopWatching();
  };
  /**
   * One batched observer for the whole page, reading at most about once per animation frame and only while
   * needed. The first change after a quiet spell is read at once (a record's DOM arriving; waiting for the next
   * frame costs tens of ms on a busy page); the changes that follow it are read together in the next frame.
   */
  const onMutations = () => {
    if (scheduled) return;
    if (performance.now() - lastReadAt > QUIET_MS) { step(); return; }
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      step();
    });
  };
  const startWatching = () => {
    watchUntil = Date.now() + WATCH_MS;
    if (observer) return;
    observer = new MutationObserver(onMutations);
    // The whole document, <title> included: SPAs often change the title with the record, and changes inside
    // shadow roots (Lightning) are invisible to an observer on the light DOM.
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  };
  const stopWatching = () => {
    observer?.disconnect();
    observer = null;
  };

  const onLocation = async () => {
    const k = siteKindForUrl(location.href);
    if (k !== kind) {
      // Both scripts may run on one host (the demo); each handles only its own kind of page. Unknown hosts can be
      // sites the user defined, which are CRM records.
      const custom = kind === 'crm' && k === null
        && (userSites ??= ((await browser.storage.local.get('userSites')).userSites as UserSite[] | undefined) ?? []).length > 0;
      if (!custom) {
        stopWatching();
        void report(null);
        return;
      }
    }
    const next = read();
    void report(next);
    // SPAs render records late and re-render them in place: keep one observer while on a known page.
    startWatching();
  };

  ctx.addEventListener(window, 'wxt:locationchange', () => void onLocation());
  ctx.addEventListener(window, 'resize', place);
  ctx.onInvalidated(() => {
    stopWatching();
    unmount();
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const msg = toContentMini.safeParse(raw);
    if (!msg.success) return undefined;
    switch (msg.data.type) {
      case 'compose/insert':
        return insertIntoCompose(current?.site ?? '', msg.data.text).then((ok) => ({ ok }));
      case 'selection/get': {
        const text = String(window.getSelection() ?? '').trim().slice(0, 20_000);
        if (text) void browser.runtime.sendMessage({ type: 'capture/selection', text });
        return Promise.resolve({ ok: !!text });
      }
      case 'page/reread':
        current = null;
        void report(read());
        return Promise.resolve({ ok: true });
    }
  });

  void onLocation();
}
