import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { POPUP_MODULE_TEMPLATE_ID } from './components/popup/summaryHost';
import { adjustContentScripts, badgeResources, buildKind, hostPermissions } from './build/site-hosts';

const kind = buildKind();

/**
 * popup.html's module script and its preload links go into an inert <template>, which the first-paint script puts
 * into the page after the load event (entrypoints/popup-paint.ts): Chromium shows the toolbar popup only at that
 * event, so every file fetched and run before it held the painted summary off the screen (README "Benchmark").
 */
const popupModuleAfterLoad = (): Plugin => ({
  name: 'huikuan:popup-module-after-load',
  transformIndexHtml: {
    order: 'post',
    handler(html, ctx) {
      if (!/[\\/]popup[\\/]index\.html$/.test(ctx.filename)) return html;
      const tags = /<script type="module"[^>]*><\/script>\s*|<link rel="modulepreload"[^>]*>\s*/g;
      const held = html.match(tags);
      if (!held) throw new Error('popup.html: no module script to hold back');
      const template = `<template id="${POPUP_MODULE_TEMPLATE_ID}">${held.join('').trim()}</template>\n  </body>`;
      return html.replace(tags, '').replace('</body>', template);
    },
  },
});

// Host permissions are exactly the supported CRM and webmail hosts (plus the loopback address in the demo/test
// build: build/site-hosts.ts); anything else (self-hosted CRMs) is requested at runtime as an optional permission.
// tests/e2e/manifest.e2e.ts pins this list per build.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  outDir: '.output',
  // The demo/test build (HUIKUAN_BUILD=test, scripts/build-test.mjs) goes next to the production one.
  ...(kind === 'test' ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-test' } : {}),
  vite: () => ({
    plugins: [tailwindcss(), popupModuleAfterLoad()],
    // Every schema module gets zod through lib/zod, which turns zod's eval-based JIT off first (see lib/zod/jitless.ts).
    resolve: {
      alias: [
        { find: /^zod$/, replacement: resolve(import.meta.dirname, 'lib/zod/classic.ts') },
        { find: /^zod\/mini$/, replacement: resolve(import.meta.dirname, 'lib/zod/mini.ts') },
      ],
    },
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => adjustContentScripts(manifest, kind),
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'contextMenus',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: hostPermissions(kind),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // connect-src admits http(s) only for team sharing: the user's own CouchDB server is chosen at runtime and a
    // manifest cannot name it. The one module that opens connections is lib/sync/couch.ts (ESLint forbids fetch
    // and its kin elsewhere), only to the configured server and only once its host permission is granted.
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'self'; connect-src 'self' https: http:; base-uri 'none'; form-action 'none'",
    },
    commands: {
      // The toolbar popup: MV3 calls it _execute_action; MV2 (WXT's Firefox build) ignores that and needs the old name.
      // Firefox gives Alt+Shift+<a menu's access key> to that menu (H opens Help; F E V S B T are taken too).
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: browser === 'firefox' ? 'Alt+Shift+L' : 'Alt+Shift+H' },
      },
      'open-panel': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdOpenPanel__' },
      'capture-selection': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdCapture__' },
    },
    web_accessible_resources: badgeResources(kind, browser),
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: self-hosted CRMs are asked for as optional origins.
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'huikuan@huikuan.dev',
              strict_min_version: '140.0',
              // Nothing leaves the machine: no telemetry, no network request of its own.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
