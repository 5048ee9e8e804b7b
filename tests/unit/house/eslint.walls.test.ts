/**
 * The walls between the product's parts (README "Walls") hold: ESLint refuses a deliberate violation of each
 * (so a change to eslint.config.js that loses one fails here), content scripts pull in no React, i18next or
 * database code even transitively, and nothing imports in a cycle.
 */
import { ESLint } from 'eslint';
import { parseCircular, parseDependencyTree } from 'dpdm';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedBy(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.ruleId!);
}

describe('the lint walls', () => {
  it.each([
    [
      'lib imports a component',
      'lib/ledger/wall.ts',
      "import { x } from '@/components/popup/labels';\nexport const y = x;",
    ],
    [
      'lib imports a component by a relative path',
      'lib/ledger/wall.ts',
      "import { x } from '../../components/popup/labels';\nexport const y = x;",
    ],
    [
      'lib imports an entrypoint',
      'lib/ledger/wall.ts',
      "import { x } from '@/entrypoints/popup/main';\nexport const y = x;",
    ],
    [
      'lib touches the extension API by import',
      'lib/ledger/wall.ts',
      "import { browser } from 'wxt/browser';\nexport const y = browser;",
    ],
    ['lib touches the extension API as a global', 'lib/ledger/wall.ts', 'export const y = chrome.runtime.id;'],
    [
      'a component touches the extension API',
      'components/popup/wall.ts',
      "import { browser } from 'wxt/browser';\nexport const y = browser;",
    ],
    [
      'a component imports an entrypoint',
      'components/popup/wall.ts',
      "import { x } from '@/entrypoints/popup/main';\nexport const y = x;",
    ],
    [
      'a content script imports React',
      'entrypoints/crm.content/wall.ts',
      "import { useState } from 'react';\nexport const y = useState;",
    ],
    [
      'a content script imports the database',
      'entrypoints/crm.content/wall.ts',
      "import { getDb } from '@/lib/db/schema';\nexport const y = getDb;",
    ],
    [
      'a content script imports i18next',
      'entrypoints/mail.content/wall.ts',
      "import i18next from 'i18next';\nexport const y = i18next;",
    ],
    [
      'a page reader imports the database',
      'lib/sites/wall.ts',
      "import { getDb } from '../db/schema';\nexport const y = getDb;",
    ],
  ])(
    'refuses: %s',
    async (_what, file, code) => {
      expect(await restrictedBy(file, code)).not.toEqual([]);
    },
    60_000,
  );

  it.each([
    [
      'lib/browser wraps the extension API',
      'lib/browser/wall.ts',
      "import { browser } from 'wxt/browser';\nexport const y = browser;",
    ],
    [
      'a component uses lib/browser',
      'components/popup/wall.ts',
      "import { openTab } from '@/lib/browser/pages';\nexport const y = openTab;",
    ],
    [
      'a content script uses the page readers',
      'entrypoints/crm.content/wall.ts',
      "import { x } from '@/lib/sites/hosts';\nexport const y = x;",
    ],
  ])(
    'allows: %s',
    async (_what, file, code) => {
      expect(await restrictedBy(file, code)).toEqual([]);
    },
    60_000,
  );
});

const sources = ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'];
const tsconfig = path.join(root, 'tsconfig.json');

describe('the import graph', () => {
  it('keeps React, i18next and the database out of everything a content script loads', async () => {
    const entries = ['entrypoints/crm.content/index.ts', 'entrypoints/mail.content/index.ts'];
    const tree = await parseDependencyTree(entries, { context: root, tsconfig, transform: true });
    const loaded = Object.keys(tree);
    expect(loaded.length).toBeGreaterThan(10);
    const heavy = loaded.filter((f) =>
      /(^|\/)(lib\/db|lib\/i18n|components)\/|node_modules\/(react|react-dom|i18next|react-i18next|dexie)\//.test(f),
    );
    expect(heavy).toEqual([]);
  }, 120_000);

  it('has no import cycles', async () => {
    const tree = await parseDependencyTree(sources, { context: root, tsconfig, transform: true });
    expect(Object.keys(tree).length).toBeGreaterThan(100);
    const ours = (f: string) => !f.includes('node_modules');
    const cycles = parseCircular(tree, true)
      .filter((c) => c.every(ours))
      .map((c) => c.join(' → '));
    expect(cycles).toEqual([]);
  }, 120_000);
});
