import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'bench/results.json', 'tests/fixtures/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // The page is untrusted: its text must never become markup.
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Never write markup from data; use textContent or React.' },
        { property: 'outerHTML', message: 'Never write markup from data.' },
        { property: 'insertAdjacentHTML', message: 'Never write markup from data.' }],
      // React writes innerHTML only for these two; with neither used, its two innerHTML paths never run (the
      // Firefox lint allows exactly those, scripts/lint-firefox.mjs).
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never write markup from data; use React children.' },
        { selector: "JSXOpeningElement[name.name='script']", message: 'Extension pages load scripts from their HTML only.' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // No network request of the extension's own, except team sharing's CouchDB client (SECURITY.md).
    files: ['lib/**/*.ts', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['lib/sync/couch.ts', 'lib/sync/design.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'Only lib/sync/couch.ts talks to the network (the configured team server).' },
        { name: 'XMLHttpRequest', message: 'Only lib/sync/couch.ts talks to the network.' },
        { name: 'WebSocket', message: 'Only lib/sync/couch.ts talks to the network.' },
        { name: 'EventSource', message: 'Only lib/sync/couch.ts talks to the network.' }],
    },
  },
);
