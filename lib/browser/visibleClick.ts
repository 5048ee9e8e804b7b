/**
 * Clickjacking guard for the badge frame: a click counts only when the chip has been plainly visible — not made
 * transparent, filtered, transformed or covered by the host page — for at least `minMs`. The browser says so
 * itself through IntersectionObserver v2 (`trackVisibility`), which Chromium computes from the rendered frame
 * tree, so the page cannot fake it. Where the browser lacks it (Firefox), the content script's own check
 * (lib/browser/chip.ts) stops the frame from taking clicks instead.
 */
export const MIN_VISIBLE_MS = 500;

type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/** `onChange` hears when clicks start or stop counting (the badge marks itself, which the browser tests wait on). */
export function createVisibilityGuard(
  el: Element,
  onChange?: (allowed: boolean) => void,
  minMs = MIN_VISIBLE_MS,
  now = () => performance.now(),
) {
  let visibleSince: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const supported =
    typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
  if (supported) {
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries as VisibilityEntry[]) {
          if (e.isVisible && visibleSince === null) {
            visibleSince = now();
            timer = setTimeout(() => onChange?.(true), minMs);
          } else if (!e.isVisible) {
            visibleSince = null;
            clearTimeout(timer);
            onChange?.(false);
          }
        }
      },
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    io.observe(el);
  } else onChange?.(true);
  return {
    supported,
    clickAllowed: () => !supported || (visibleSince !== null && now() - visibleSince >= minMs),
  };
}
