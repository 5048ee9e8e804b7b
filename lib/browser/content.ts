/**
 * What both content scripts do: read the page (pageWatch.ts decides when, with bounded work), tell the background,
 * mount the badge or capture chip (chip.ts keeps it mounted and guarded), and insert a script into an open compose
 * box when asked. On a URL no reader knows it does nothing more than that check. Nothing is posted to the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { PageContext, UserSite } from '../domain';
import { compileMatchPattern, findComposeBox, readPage, siteKindForUrl } from '../sites';
import { pageReplyMini, toContentMini } from '../messaging/toContent';
import { createChip, FRAME_W, MAIL_FRAME_W } from './chip';
import { createPageWatch, type ReadStatus, type WatchEnv } from './pageWatch';

function sameContext(a: PageContext | null, b: PageContext | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.site === b.site &&
    a.kind === b.kind &&
    a.recordId === b.recordId &&
    a.name === b.name &&
    a.emails.join() === b.emails.join() &&
    a.subject === b.subject &&
    a.addressHidden === b.addressHidden &&
    // A message body that arrives late (163's reading frame) is a change: the capture draft is made from it.
    (a.kind !== 'thread' || a.body === b.body)
  );
}

/** Found all it looks for: a record's name or address, a message's counterpart or subject; a compose box always. */
function complete(c: PageContext): boolean {
  if (c.kind === 'record') return !!c.name || c.emails.length > 0;
  if (c.kind === 'thread') return !!c.name || c.emails.length > 0 || !!c.subject;
  return true;
}

/**
 * The element the chip sits beside: the heading that shows the record's name or the mail's subject. Headings
 * first, through the tag collections the document keeps; ARIA headings (Outlook's subject) and the demo's data-*
 * hooks only on mail and demo pages — an attribute selector walks every element of a 100,000-node CRM page.
 */
function findAnchor(doc: Document, ctx: PageContext | null): Element | null {
  const wanted = ctx ? (ctx.kind === 'thread' ? ctx.subject : ctx.name) : undefined;
  if (!wanted) return null;
  // Item by item, never `.length`: a live collection's length walks the whole document, its items only up to
  // the one asked for (the header's heading is near the top).
  const hit = (list: ArrayLike<Element>) => {
    for (let i = 0; i < 200; i++) {
      const el = list[i];
      if (!el) return null;
      const text = (el.textContent ?? '').trim();
      if (text && (text === wanted || text.includes(wanted))) return el;
    }
    return null;
  };
  return (
    hit(doc.getElementsByTagName('h1')) ??
    hit(doc.getElementsByTagName('h2')) ??
    (ctx!.kind === 'thread' || ctx!.site.startsWith('demo')
      ? hit(doc.querySelectorAll('[role="heading"], [data-field="account-name"], [data-subject]'))
      : null)
  );
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
  box.focus();
  // insertText keeps the editor's own undo stack and formatting model; fall back to a text node.
  if (!box.ownerDocument.execCommand?.('insertText', false, text))
    box.appendChild(box.ownerDocument.createTextNode(text));
  return true;
}

/**
 * What the content script's own callbacks cost, kept in its isolated world (the page cannot see it): `npm run bench`
 * reads it over the DevTools protocol to report the longest task the extension caused.
 */
export interface ContentWork {
  tasks: number;
  totalMs: number;
  maxMs: number;
  over50: number;
  /** The five longest tasks, as [what, ms]. */
  slowest: Array<[string, number]>;
}
const work: ContentWork = ((globalThis as { __huikuanWork?: ContentWork }).__huikuanWork = {
  tasks: 0,
  totalMs: 0,
  maxMs: 0,
  over50: 0,
  slowest: [],
});

/** Runs `fn` as one task of ours, timed under `what`. */
function timed<A extends unknown[]>(what: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    const t0 = performance.now();
    try {
      fn(...args);
    } finally {
      const ms = performance.now() - t0;
      work.tasks++;
      work.totalMs += ms;
      if (ms > work.maxMs) work.maxMs = ms;
      if (ms > 50) work.over50++;
      if (work.slowest.length < 5 || ms > work.slowest[work.slowest.length - 1][1]) {
        work.slowest = [...work.slowest, [what, Math.round(ms * 10) / 10] as [string, number]]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5);
      }
    }
  };
}

/** The browser side of the page watch, every listener tied to the content script's lifetime. */
function browserEnv(ctx: ContentScriptContext): WatchEnv {
  return {
    now: () => performance.now(),
    setTimeout: (fn, ms) => ctx.setTimeout(timed('timer', fn), ms),
    clearTimeout: (id) => clearTimeout(id),
    whenIdle: (fn, timeout) => {
      ctx.requestIdleCallback(
        timed('read', () => fn()),
        { timeout },
      );
    },
    observe(onMutation) {
      // Child lists of the whole document (the record's DOM arriving, <title> replaced): no attributes, no text.
      const o = new MutationObserver(timed('mutation', onMutation));
      o.observe(document.documentElement, { childList: true, subtree: true });
      return o;
    },
    href: () => location.href,
    title: () => document.title,
    hidden: () => document.hidden,
    onLongTask(fn) {
      if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return () => undefined;
      const o = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) fn(e.duration);
      });
      o.observe({ type: 'longtask' });
      return () => o.disconnect();
    },
  };
}

export function runContentScript(ctx: ContentScriptContext, kind: 'crm' | 'mail'): void {
  let current: PageContext | null = null;
  let userSites: UserSite[] | undefined;
  const chip = createChip(document);

  const frameUrl = (mode: 'crm' | 'mail') => `${browser.runtime.getURL('/badge.html')}?mode=${mode}`;
  /**
   * The anchor for the current context, looked up once per context and again only when it left the page, at most
   * every few seconds when there is none (each lookup walks the document's headings).
   */
  let anchor: { for: PageContext | null; el: Element | null; at: number } = { for: null, el: null, at: -Infinity };
  const anchorNow = (): Element | null => {
    const fresh = anchor.for === current && (anchor.el ? anchor.el.isConnected : performance.now() - anchor.at < 5_000);
    if (!fresh) anchor = { for: current, el: findAnchor(document, current), at: performance.now() };
    return anchor.el;
  };

  const report = async (next: PageContext | null, status: ReadStatus) => {
    const changed = !sameContext(next, current);
    if (!changed && status === 'reading') return;
    current = next;
    if (!next) {
      chip.unmount();
      await browser.runtime.sendMessage({ type: 'page/cleared' }).catch(() => undefined);
      return;
    }
    const sent = browser.runtime.sendMessage({ type: 'page/context', ctx: next, status }).catch(() => undefined);
    // The chip's frame starts while the background matches: starting an extension document is the slowest step
    // on a loaded machine. It stays empty (hidden chip) until the background sends it a view.
    const mode = next.kind === 'record' ? 'crm' : next.kind === 'thread' ? 'mail' : undefined;
    if (mode && changed) chip.mount(frameUrl(mode), anchorNow(), mode === 'mail' ? MAIL_FRAME_W : FRAME_W);
    const reply = pageReplyMini.safeParse(await sent);
    if (!ctx.isValid || current !== next) return;
    if (reply.success && (reply.data.showBadge || reply.data.showCapture)) {
      chip.mount(
        frameUrl(reply.data.showBadge ? 'crm' : 'mail'),
        anchorNow(),
        reply.data.showBadge ? FRAME_W : MAIL_FRAME_W,
      );
    } else chip.unmount();
  };

  const read = (): PageContext | null => {
    try {
      return readPage(location.href, document, userSites);
    } catch (e) {
      console.debug('[huikuan] read failed', e);
      return null;
    }
  };

  /** From the URL: a page of this script's kind, or (CRM script) one of the sites the user defined. */
  const wanted = (): boolean => {
    const k = siteKindForUrl(location.href);
    if (k === kind) return true;
    if (kind !== 'crm' || k !== null || !userSites?.length) return false;
    const u = new URL(location.href);
    return userSites.some((s) => compileMatchPattern(s.hostPattern)?.(u));
  };

  const watch = createPageWatch<PageContext>(browserEnv(ctx), {
    wanted,
    read,
    complete,
    same: sameContext,
    // A task of its own: a read and the report of what it found (message, chip, anchor) never add up to one long task.
    report: (value, status) => {
      ctx.setTimeout(
        timed('report', () => void report(value, status)),
        0,
      );
    },
    // In the next frame: reading the anchor's position then costs the layout the frame needs anyway.
    check: () => {
      if (chip.mounted) ctx.requestAnimationFrame(timed('check', () => chip.check(anchorNow)));
    },
  });

  const onLocation = timed('location', () => watch.locationChanged());
  // Each handler compares location.href first: an event the page forges costs one string comparison.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav, 'navigatesuccess', onLocation);
  ctx.addEventListener(window, 'popstate', onLocation);
  ctx.addEventListener(window, 'hashchange', onLocation);
  let size = `${innerWidth}x${innerHeight}`;
  let placing = false;
  ctx.addEventListener(
    window,
    'resize',
    timed('resize', () => {
      const now = `${innerWidth}x${innerHeight}`;
      if (now === size || placing) return;
      size = now;
      placing = true;
      ctx.requestAnimationFrame(
        timed('place', () => {
          placing = false;
          chip.place();
        }),
      );
    }),
  );
  // 163 Mail and QQ Mail's frameset put the message in a same-origin frame that loads after the page: the top
  // document's observer does not see inside it, so a frame finishing its load is a reason to read again.
  if (kind === 'mail') {
    ctx.addEventListener(
      document,
      'load',
      timed('frame', (e: Event) => {
        if ((e.target as Element | null)?.tagName === 'IFRAME' && current?.kind === 'thread') watch.reread();
      }),
      { capture: true },
    );
  }
  ctx.onInvalidated(() => {
    watch.stop();
    chip.unmount();
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const msg = toContentMini.safeParse(raw);
    if (!msg.success) return undefined;
    switch (msg.data.type) {
      case 'compose/insert':
        return insertIntoCompose(current?.site ?? '', msg.data.text).then((ok) => ({ ok }));
      case 'compose/recipients': {
        // Read now: recipients are typed after the page was first read.
        const now = read();
        return Promise.resolve({ emails: now?.kind === 'compose' ? now.emails.slice(0, 50) : [] });
      }
      case 'selection/get': {
        const text = String(window.getSelection() ?? '')
          .trim()
          .slice(0, 20_000);
        if (text) void browser.runtime.sendMessage({ type: 'capture/selection', text });
        return Promise.resolve({ ok: !!text });
      }
      case 'page/reread':
        current = null;
        watch.reread();
        return Promise.resolve({ ok: true });
    }
  });

  // The sites the user defined are read once; their content script is registered for their pattern only.
  const sites =
    kind === 'crm' && siteKindForUrl(location.href) === null
      ? browser.storage.local
          .get('userSites')
          .then((r) => {
            userSites = (r.userSites as UserSite[] | undefined) ?? [];
          })
          .catch(() => undefined)
      : Promise.resolve();
  void sites.then(() => watch.start());
}
