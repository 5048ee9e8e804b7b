/**
 * The in-page chip, as an extension page inside a closed shadow root on the host page: the host's CSS cannot
 * reach it and the host's scripts cannot read it (cross-origin). It asks the background for its own tab's view
 * once when it starts; after that the background sends each new view to this tab as the page's context or the
 * figures change, so a record arriving in the page costs no further round trip. The background decides which tab
 * from what the browser stamps on the messages, never from this frame's URL, and the frame learns its tab from the
 * views. Firefox runs this frame with content-script APIs only (no `tabs`, no `sidebarAction`: w3c/webextensions#787),
 * which is why nothing here asks the browser which tab it is in, and why a click there opens the panel page itself.
 */
import { browser } from 'wxt/browser';
import { openPanelForTab, panelWindowFeatures } from '@/lib/browser/panel';
import { badgeViewMini, toBadgeMini, type BadgeViewMini } from '@/lib/messaging/toBadge';
import { agingColor, agingTextOn } from '@/components/aging/colors';
import { createVisibilityGuard } from '@/lib/browser/visibleClick';

const mode = new URLSearchParams(location.search).get('mode') === 'mail' ? 'mail' : 'crm';
const chip = document.getElementById('chip') as HTMLButtonElement;
const label = chip.querySelector('.label') as HTMLSpanElement;
const figures = chip.querySelector('.figures') as HTMLSpanElement;
const dot = chip.querySelector('.dot') as HTMLSpanElement;
if (mode === 'mail') document.body.classList.add('mail');
/** This frame's tab, as the background stamped it on the views (from the browser's sender of our request). */
let tabId: number | undefined;
/** When the view on show was taken: a reply and a pushed view can cross, and the older must not win. */
let shownAt = -Infinity;

function show(v: BadgeViewMini) {
  // Views are sent to this tab only; one for another tab would be a bug, never shown.
  if (tabId !== undefined && v.tabId !== undefined && v.tabId !== tabId) return;
  tabId ??= v.tabId;
  const at = v.at ?? 0;
  if (at < shownAt) return;
  shownAt = at;
  if (v.state === 'none') {
    chip.hidden = true;
    return;
  }
  document.documentElement.lang = v.lang === 'zh' ? 'zh-CN' : 'en';
  if (mode === 'mail') {
    label.textContent = v.captureLabel ?? '';
    // The matched customer's figures, as the CRM badge shows them, with capture beside them.
    figures.hidden = !v.figures;
    figures.textContent = v.figures ?? '';
    dot.hidden = !!v.figures;
    if (v.figures) {
      figures.style.background = agingColor(v.worstBucket);
      figures.style.color = v.worstBucket >= 0 ? agingTextOn[Math.min(v.worstBucket, agingTextOn.length - 1)] : '#fff';
    }
    chip.title = v.state === 'linked' ? `${v.figures ?? v.text} — ${v.title}` : v.title;
    chip.style.background = '#1d4ed8';
    chip.style.color = '#fff';
  } else {
    label.textContent = v.text;
    chip.title = v.title;
    chip.style.background = agingColor(v.worstBucket);
    chip.style.color = v.worstBucket >= 0 ? agingTextOn[Math.min(v.worstBucket, agingTextOn.length - 1)] : '#fff';
  }
  chip.dataset.state = v.state;
  chip.dataset.bucket = String(v.worstBucket);
  chip.hidden = false;
  // When the chip first showed what it now shows, for `npm run bench` (record DOM → badge latency); epoch ms. A
  // record page often shows the chip (from its URL) before the record's DOM arrives, so each new content is stamped;
  // the same view arriving again (the pushed view and this frame's own request can both land) is not a new paint.
  const rendered = `${v.state}|${v.text}|${v.figures ?? ''}`;
  if (chip.dataset.painted === rendered) return;
  requestAnimationFrame(() => {
    chip.dataset.paintedAt = String(performance.timeOrigin + performance.now());
    chip.dataset.painted = rendered;
  });
}

async function fetchView() {
  const view = badgeViewMini.safeParse(await browser.runtime.sendMessage({ type: 'badge/get' }).catch(() => undefined));
  if (view.success) show(view.data);
  else if (shownAt === -Infinity) chip.hidden = true;
}

// A page that hides or covers the chip must not make a click meant for something else open the panel.
const guard = createVisibilityGuard(chip, (allowed) => {
  chip.dataset.clickable = String(allowed);
});

chip.addEventListener('click', () => {
  if (tabId === undefined || !guard.clickAllowed()) return;
  // Synchronously, inside the click: the browser refuses to open the panel otherwise. Where this frame cannot open
  // the browser's panel (Firefox), it opens the same panel page for this tab in a small window of its own.
  if (!openPanelForTab(tabId)) {
    window.open(browser.runtime.getURL(`/sidepanel.html?tab=${tabId}`), `huikuan-panel-${tabId}`, panelWindowFeatures);
  }
  if (mode === 'mail') void browser.runtime.sendMessage({ type: 'capture/open-message' });
});

browser.runtime.onMessage.addListener((raw: unknown) => {
  const msg = toBadgeMini.safeParse(raw);
  if (msg.success) show(msg.data.view);
  return undefined;
});

void fetchView();
