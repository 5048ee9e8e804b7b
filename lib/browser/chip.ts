/**
 * The in-page chip's host: a custom element with a closed shadow root holding the badge frame (an extension page,
 * cross-origin to the host page), placed beside the record's title without entering the page's layout.
 *
 * The page is untrusted. `check()`, which the content script's heartbeat runs once a second, puts the chip back
 * when the page removed or moved it, restores its inline styles, and stops the frame from taking clicks while it
 * is not plainly visible — made transparent, filtered, clipped, transformed or covered — so that a page cannot
 * hide the chip and make a click meant for something else open the side panel. (The frame checks its own
 * visibility too, with IntersectionObserver v2, where the browser has it: entrypoints/badge/visible.ts.)
 */

export const FRAME_W = 240;
/** The mail chip holds the customer's figures and the capture button side by side. */
export const MAIL_FRAME_W = 420;
export const FRAME_H = 30;

const hostStyle = (w: number) =>
  Object.entries({
    all: 'initial',
    'z-index': '2147483646',
    width: `${w}px`,
    height: `${FRAME_H}px`,
    display: 'block',
    margin: '0',
    padding: '0',
    border: '0',
    background: 'transparent',
    'pointer-events': 'auto',
    opacity: '1',
    visibility: 'visible',
    filter: 'none',
    transform: 'none',
    'clip-path': 'none',
  })
    .map(([k, v]) => `${k}: ${v} !important`)
    .join('; ');

/** A style that makes an element (the chip or an ancestor) not plainly visible. */
function hides(cs: CSSStyleDeclaration, self: boolean): boolean {
  return (
    Number(cs.opacity) < 0.99 ||
    cs.visibility !== 'visible' ||
    cs.display === 'none' ||
    cs.filter !== 'none' ||
    (cs.clipPath !== '' && cs.clipPath !== 'none') ||
    cs.mixBlendMode !== 'normal' ||
    (self && cs.transform !== 'none')
  );
}

/**
 * Where the browser reports visibility itself (IntersectionObserver v2, Chromium), the frame enforces it and the
 * content script need not force a layout every second to look for itself.
 */
const frameGuardsItself =
  typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

export function createChip(doc: Document) {
  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let anchor: Element | null = null;
  let width = FRAME_W;

  /**
   * Sets the chip's position from the anchor's viewport rectangle, or pins it to the top right of the window when
   * there is none — without reading the window's size or scroll offset then, as either forces a layout of a page
   * that is still changing (40 ms on a 100,000-node page between two of its frames). `viewportWidth` comes from the
   * IntersectionObserver entry when there is one.
   */
  const apply = (r: DOMRectReadOnly | null, viewportWidth?: number) => {
    if (!host) return;
    const usable = r && (r.width > 0 || r.height > 0) ? r : null;
    let style: string;
    if (!usable) {
      style = `${hostStyle(width)}; position: fixed !important; top: 8px !important; right: 24px !important`;
    } else {
      const win = doc.defaultView!;
      const maxLeft = Math.max(0, (viewportWidth ?? win.innerWidth) - width - 24);
      const top = usable.top + win.scrollY + Math.max(0, (usable.height - FRAME_H) / 2);
      const left = Math.min(usable.right + win.scrollX + 8, maxLeft + win.scrollX);
      style = `${hostStyle(width)}; position: absolute !important; top: ${Math.round(top)}px !important; left: ${Math.round(left)}px !important`;
    }
    // Compared with the attribute as it is now, so a style the page changed is put back.
    if (host.getAttribute('style') !== style) host.setAttribute('style', style);
  };

  /**
   * Places the chip beside the anchor. The anchor is measured by a one-shot IntersectionObserver, whose entry
   * carries the rectangle of the layout the browser computes for the next frame anyway: reading
   * getBoundingClientRect on a page that mutates every frame would force an extra layout of the whole page
   * (25 ms a time on a 100,000-node page).
   */
  const place = () => {
    if (!host) return;
    const target = anchor?.isConnected ? anchor : null;
    if (!target) {
      apply(null);
      return;
    }
    if (typeof IntersectionObserver === 'undefined') {
      apply(target.getBoundingClientRect());
      return;
    }
    const io = new IntersectionObserver((entries) => {
      io.disconnect();
      const e = entries[entries.length - 1];
      if (target === anchor) apply(e?.boundingClientRect ?? null, e?.rootBounds?.width);
    });
    io.observe(target);
  };

  /** Whether the chip is on screen, unhidden and uncovered (false as well when it is scrolled out of view). */
  const plainlyVisible = (): boolean => {
    if (!host) return false;
    const win = doc.defaultView!;
    for (let el: Element | null = host; el; el = el.parentElement) {
      if (hides(win.getComputedStyle(el), el === host)) return false;
    }
    const r = host.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > win.innerWidth || y > win.innerHeight) return false;
    // Points inside a closed shadow root resolve to its host.
    return doc.elementFromPoint(x, y) === host;
  };

  return {
    get mounted() {
      return !!host;
    },
    mount(src: string, at: Element | null, frameWidth = FRAME_W) {
      if (width !== frameWidth) {
        width = frameWidth;
        frame?.style.setProperty('width', `${width}px`);
      }
      if (!host) {
        host = doc.createElement('huikuan-chip');
        // Closed: the page's scripts get no handle on what is inside; the frame is cross-origin on top of that.
        const root = host.attachShadow({ mode: 'closed' });
        frame = doc.createElement('iframe');
        frame.setAttribute('title', 'Huikuan');
        frame.setAttribute(
          'style',
          `all:initial;border:0;width:${width}px;height:${FRAME_H}px;color-scheme:normal;display:block`,
        );
        root.appendChild(frame);
        doc.body.appendChild(host);
      }
      anchor = at;
      // Re-assigning the same src would reload the chip from scratch; an existing chip re-renders itself from the
      // background's views, which is far quicker than a new document.
      if (frame!.getAttribute('src') !== src) frame!.src = src;
      place();
    },
    unmount() {
      host?.remove();
      host = frame = anchor = null;
    },
    /** The anchor moved or was replaced (the page re-rendered its header). */
    reanchor(at: Element | null) {
      if (at === anchor) return;
      anchor = at;
      place();
    },
    /** Heartbeat: back in the page, styles restored, placed, clickable only while plainly visible. */
    check(findAnchor: () => Element | null) {
      if (!host || !frame) return;
      if (host.parentNode !== doc.body) doc.body.appendChild(host);
      anchor = findAnchor();
      place();
      if (!frameGuardsItself) frame.style.pointerEvents = plainlyVisible() ? 'auto' : 'none';
    },
    place,
  };
}
