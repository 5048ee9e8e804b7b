/**
 * The in-page chip, as an extension page inside a closed shadow root on the host page: the host's CSS cannot
 * reach it and the host's scripts cannot read it (cross-origin). It asks the background for its own tab's view
 * once when it starts; after that the background sends each new view as the page's context changes, so a record
 * arriving in the page costs no further round trip. The background decides which tab from what the browser
 * stamps on the messages, never from this frame's URL.
 */
import { browser } from 'wxt/browser';
import { openPanelForTab } from '@/lib/browser/panel';
import { badgeViewMini, toBadgeMini, type BadgeViewMini } from '@/lib/messaging/to-badge';
import { agingColor, agingTextOn } from '@/components/aging/colors';
import { createVisibilityGuard } from '@/lib/browser/visibleClick';

const mode = new URLSearchParams(location.search).get('mode') === 'mail' ? 'mail' : 'crm';
const chip = document.getElementById('chip') as HTMLButtonElement;
const label = chip.querySelector('.label') as HTMLSpanElement;
/** This frame's tab, learnt from the background's first view. */
let tabId: number | undefined;
/** When the view on show was taken: a reply and a broadcast can cross, and the older must not win. */
let shownAt = -Infinity;
/** Views broadcast before this frame knew its tab; those for its tab are applied once it does. */
let early: BadgeViewMini[] = [];

function learnTab(id: number) {
  if (tabId !== undefined) return;
  tabId = id;
  for (const v of early) if (v.tabId === id) show(v);
  early = [];
}

function show(v: BadgeViewMini) {
  if (v.tabId !== undefined) learnTab(v.tabId);
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
    chip.title = v.state === 'linked' ? `${v.text} — ${v.title}` : v.title;
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
  const rendered = `${v.state}|${v.text}`;
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
const guard = createVisibilityGuard(chip, (allowed) => { chip.dataset.clickable = String(allowed); });

chip.addEventListener('click', () => {
  if (!guard.clickAllowed()) return;
  // Synchronously, inside the click: the browser refuses to open the panel otherwise.
  if (tabId !== undefined) openPanelForTab(tabId);
  if (mode === 'mail') void browser.runtime.sendMessage({ type: 'capture/open-message' });
});

browser.runtime.onMessage.addListener((raw: unknown) => {
  const msg = toBadgeMini.safeParse(raw);
  if (!msg.success) return undefined;
  const m = msg.data;
  // A view for another tab: badges in every tab hear every broadcast.
  if (m.type === 'badge/view') {
    if (tabId === undefined) early = [...early.slice(-20), m.view];
    else if (m.view.tabId === tabId) show(m.view);
  }
  // A change of this tab's page comes as a pushed view (above); stored data changing can change any tab's figures.
  else if (m.type === 'data/changed') void fetchView();
  return undefined;
});

// The browser says which tab this is without the worker (which may be busy matching this very page), so a view
// broadcast before the reply below is taken at once.
void browser.tabs.getCurrent().then((t) => { if (t?.id !== undefined) learnTab(t.id); }).catch(() => undefined);
void fetchView();
