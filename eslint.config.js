import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The walls between the parts (README "Walls"). tests/unit/house/eslint.walls.test.ts lints a deliberate violation of
// each, and checks what ESLint cannot see: what content scripts pull in transitively, and import cycles.
const extensionApi = {
  paths: ['wxt/browser', 'webextension-polyfill', '@wxt-dev/browser'].map((name) => ({
    name,
    message: 'Only lib/browser (and the entrypoints that wire it) touch extension APIs.',
  })),
};
const noPages = {
  group: [
    '@/components/*',
    '@/components/**',
    '**/components/*',
    '**/components/**',
    '@/entrypoints/*',
    '@/entrypoints/**',
    '**/entrypoints/**',
  ],
  message: 'lib/ is the product without its pages: it imports no components or entrypoints.',
};
const noEntrypoints = {
  group: ['@/entrypoints/*', '@/entrypoints/**', '**/entrypoints/**'],
  message: 'Components are mounted by entrypoints, never the other way round.',
};
const pageHeavy = {
  paths: ['react', 'react-dom', 'react-dom/client', 'react-i18next', 'i18next', 'dexie'].map((name) => ({
    name,
    message: 'Content scripts run on every CRM page: no React, i18next or the database (lib/db) there.',
  })),
  patterns: [
    {
      group: ['@/lib/db', '@/lib/db/*', '**/lib/db/*', '../db', '../db/*', '@/lib/i18n', '@/lib/i18n/*'],
      message: 'Content scripts run on every CRM page: no React, i18next or the database (lib/db) there.',
    },
  ],
};
const extensionGlobals = ['chrome', 'browser'].map((name) => ({
  name,
  message: 'Only lib/browser (and the entrypoints that wire it) touch extension APIs.',
}));
// No network request of the extension's own, except team sharing's CouchDB client (SECURITY.md).
const networkGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
  name,
  message: 'Only lib/sync/couch.ts talks to the network (the configured team server).',
}));

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      'bench/results.json',
      'tests/fixtures/**',
      '.tmp/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // The page is untrusted: its text must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never write markup from data; use textContent or React.' },
        { property: 'outerHTML', message: 'Never write markup from data.' },
        { property: 'insertAdjacentHTML', message: 'Never write markup from data.' },
      ],
      // React writes innerHTML only for these two; with neither used, its two innerHTML paths never run (the
      // Firefox lint allows exactly those, scripts/lint-firefox.mjs).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never write markup from data; use React children.',
        },
        {
          selector: "JSXOpeningElement[name.name='script']",
          message: 'Extension pages load scripts from their HTML only.',
        },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/browser/**'],
    rules: {
      'no-restricted-imports': ['error', { ...extensionApi, patterns: [noPages] }],
      'no-restricted-globals': ['error', ...extensionGlobals, ...networkGlobals],
    },
  },
  {
    // The team server's client (and the admin setup it shares with scripts/team-setup.ts) may connect.
    files: ['lib/sync/couch.ts', 'lib/sync/design.ts'],
    rules: { 'no-restricted-globals': ['error', ...extensionGlobals] },
  },
  {
    files: ['lib/browser/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noPages] }],
      'no-restricted-globals': ['error', ...networkGlobals],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { ...extensionApi, patterns: [noEntrypoints] }],
      'no-restricted-globals': ['error', ...extensionGlobals, ...networkGlobals],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': ['error', ...networkGlobals] },
  },
  {
    files: [
      'entrypoints/*.content/**/*.{ts,tsx}',
      'entrypoints/badge/**/*.{ts,tsx}',
      'lib/sites/**/*.{ts,tsx}',
      'lib/browser/content.ts',
      'lib/browser/pageWatch.ts',
      'lib/browser/chip.ts',
      'lib/browser/visibleClick.ts',
    ],
    rules: { 'no-restricted-imports': ['error', pageHeavy] },
  },
);
