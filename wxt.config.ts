import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { popupModuleAfterPaint } from './build/popup-module-after-paint';
import { adjustContentScripts, badgeResources, hostPermissions } from './build/site-hosts';

// Host permissions are exactly the supported CRM and webmail hosts (plus the loopback address in the demo/test
// build: build/site-hosts.ts); anything else (self-hosted CRMs) is requested at runtime as an optional permission.
// tests/e2e/manifest.e2e.ts pins this list per build.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  outDir: '.output',
  vite: () => ({ plugins: [tailwindcss(), popupModuleAfterPaint()] }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => adjustContentScripts(manifest, wxt.config.mode),
  },
  manifest: ({ browser, mode }) => ({
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
    host_permissions: hostPermissions(mode),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'",
    },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+H' } },
      'open-panel': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdOpenPanel__' },
      'capture-selection': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdCapture__' },
    },
    web_accessible_resources: badgeResources(mode, browser),
    ...(browser === 'firefox'
      ? {
        // MV2 has no optional_host_permissions: self-hosted CRMs are asked for as optional origins.
        optional_permissions: ['https://*/*', 'http://*/*'],
        browser_specific_settings: { gecko: { id: 'huikuan@huikuan.dev', strict_min_version: '128.0' } },
      }
      : {}),
  }),
});
