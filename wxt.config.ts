import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { crmHostMatches, mailHostMatches } from './lib/sites/hosts';
import { popupModuleAfterPaint } from './build/popup-module-after-paint';

// Host permissions are exactly the supported CRM and webmail hosts; anything else (self-hosted CRMs) is
// requested at runtime as an optional permission. tests/unit/manifest-baseline.test.ts pins this list.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  outDir: '.output',
  vite: () => ({ plugins: [tailwindcss(), popupModuleAfterPaint()] }),
  manifest: ({ browser }) => ({
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
    host_permissions: [...new Set([...crmHostMatches, ...mailHostMatches])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'",
    },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+H' } },
      'open-panel': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdOpenPanel__' },
      'capture-selection': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdCapture__' },
    },
    web_accessible_resources: [
      { resources: ['badge.html'], matches: [...new Set([...crmHostMatches, ...mailHostMatches])] },
    ],
    ...(browser === 'firefox'
      ? {
        // MV2 has no optional_host_permissions: self-hosted CRMs are asked for as optional origins.
        optional_permissions: ['https://*/*', 'http://*/*'],
        browser_specific_settings: { gecko: { id: 'huikuan@huikuan.dev', strict_min_version: '128.0' } },
      }
      : {}),
  }),
});
