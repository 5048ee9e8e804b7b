/**
 * The in-page chip, as an extension page inside a closed shadow root on the host page: the host's CSS cannot
 * reach it and the host's scripts cannot read it (cross-origin). It asks the background for its own tab's
 * summary only; the background decides which tab from what the browser stamps on the message.
 */
import { browser } from 'wxt/browser';
import { openPanelForTab } from '@/lib/browser/panel';
import { badgeViewSchema } from '@/lib/messaging/protocol';
import { agingColor, agingTextOn } from '@/components/aging/colors';
import { createI18n } from '@/lib/i18n/core';
import { common } from '@/lib/i18n/common';

// Only the shared strings: the chip is in every matching page and must load fast.
const i18nByLang: Partial<Record<'zh' | 'en', ReturnType<typeof createI18n>>> = {};
const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'mail' ? 'mail' : 'crm';
const tabId = Number(params.get('tab'));
const chip = document.getElementById('chip') as HTMLButtonElement;
const label = chip.querySelector('.label') as HTMLSpanElement;

async function render() {
  const raw = await browser.runtime.sendMessage({ type: 'badge/get' });
  const view = badgeViewSchema.safeParse(raw);
  if (!view.success || view.data.state === 'none') {
    chip.hidden = true;
    return;
  }
  const v = view.data;
  document.documentElement.lang = v.lang === 'zh' ? 'zh-CN' : 'en';
  if (mode === 'mail') {
    label.textContent = (i18nByLang[v.lang] ??= createI18n(v.lang, { common: common[v.lang] })).t('capture.button');
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
  // When the chip was last painted with what it now shows, for `npm run bench` (record DOM → badge latency); epoch
  // ms. Every render stamps: a record page often shows the chip (from its URL) before the record's DOM arrives, and
  // the latency that matters is to the chip that reflects the record.
  const rendered = `${v.state}|${v.text}`;
  requestAnimationFrame(() => {
    chip.dataset.paintedAt = String(performance.timeOrigin + performance.now());
    chip.dataset.painted = rendered;
  });
}

chip.addEventListener('click', () => {
  // Synchronously, inside the click: the browser refuses to open the panel otherwise.
  if (Number.isInteger(tabId) && tabId >= 0) openPanelForTab(tabId);
  if (mode === 'mail') void browser.runtime.sendMessage({ type: 'capture/open-message' });
});

browser.runtime.onMessage.addListener((msg: unknown) => {
  const m = msg as { type?: string; tabId?: number };
  if ((m?.type === 'tab/updated' && m.tabId === tabId) || m?.type === 'data/changed') void render();
  return undefined;
});

void render();
