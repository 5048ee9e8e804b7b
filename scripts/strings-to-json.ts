/**
 * `npx tsx scripts/strings-to-json.ts [--from <git-rev>] [--check]`: converts the old string tables
 * (lib/i18n/<ns>.ts, both languages side by side in one object `{ en: {...}, zh: {...} }`) into the locale files
 * the extension loads, lib/i18n/locales/<lang>/<ns>.json — one file per language and namespace.
 *
 * Deterministic and re-runnable: the JSON keeps the tables' key order, two-space indent, a final newline, so
 * running it twice over the same tables writes the same bytes. It is kept for merging branches that still add
 * strings to the TS tables: each table that exists is merged into that namespace's two JSON files — a string in
 * the table replaces the file's, and strings only in the file (added to the JSON after the conversion) are kept,
 * after the table's. A string deleted from a table is therefore not deleted from the JSON; delete it there.
 *
 *   (no option)     read the tables from the working tree (lib/i18n/<file>.ts, whichever exist)
 *   --from <rev>    read them from a git revision instead (e.g. `--from main` after a merge deleted them here)
 *   --check         write nothing; exit 1 if any JSON file would change (prints which)
 *
 * The playbook's words (lib/i18n/playbook.ts) live inside the `common` namespace under `playbook`, as they did in
 * the TS tables (keys stay `common:playbook.…`); the table for `common` imports it, so when converting `common`
 * the playbook table must be there too (with --from both come from the same revision).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const langs = ['en', 'zh'] as const;
/** Table file → the namespace it becomes (its exported object has the file's name). */
const tables = ['common', 'sidepanel', 'popup', 'options', 'forecast', 'toolkit'] as const;
/** Files the tables import (copied along when reading from a git revision). */
const helpers = ['playbook'] as const;

type Bilingual = Record<(typeof langs)[number], Record<string, unknown>>;

function args(): { from?: string; check: boolean } {
  const a = process.argv.slice(2);
  const i = a.indexOf('--from');
  const from = i >= 0 ? a[i + 1] : undefined;
  if (i >= 0 && !from) throw new Error('--from needs a git revision');
  return { from, check: a.includes('--check') };
}

/** The directory holding the table files: the working tree's lib/i18n, or a copy of them out of `rev`. */
function sourceDir(from: string | undefined): { dir: string; cleanup: () => void } {
  if (!from) return { dir: join(root, 'lib/i18n'), cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'strings-to-json-'));
  for (const name of [...tables, ...helpers]) {
    try {
      const text = execFileSync('git', ['-C', root, 'show', `${from}:lib/i18n/${name}.ts`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      writeFileSync(join(dir, `${name}.ts`), text);
    } catch {
      // Not in that revision: that namespace is left as it is.
    }
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function isBilingual(v: unknown): v is Bilingual {
  return (
    !!v &&
    typeof v === 'object' &&
    langs.every((l) => {
      const x = (v as Record<string, unknown>)[l];
      return !!x && typeof x === 'object';
    })
  );
}

/** `table` with the strings only `file` has appended (recursively): the table wins where both have a key. */
export function merged(table: unknown, file: unknown): unknown {
  if (!table || typeof table !== 'object' || !file || typeof file !== 'object') return table;
  const out: Record<string, unknown> = {};
  const f = file as Record<string, unknown>;
  for (const [k, v] of Object.entries(table)) out[k] = k in f ? merged(v, f[k]) : v;
  for (const [k, v] of Object.entries(f)) if (!(k in out)) out[k] = v;
  return out;
}

/** Fails on anything but nested objects of strings (a function or number in a table would not survive JSON). */
function assertStrings(v: unknown, path: string): void {
  if (typeof v === 'string') return;
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${path}: not a string or an object of strings`);
  for (const [k, x] of Object.entries(v)) assertStrings(x, `${path}.${k}`);
}

async function main(): Promise<void> {
  const { from, check } = args();
  const { dir, cleanup } = sourceDir(from);
  const changed: string[] = [];
  const converted: string[] = [];
  try {
    for (const ns of tables) {
      const file = join(dir, `${ns}.ts`);
      if (!existsSync(file)) continue;
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const table = mod[ns];
      if (!isBilingual(table)) throw new Error(`${file}: exports no \`${ns}\` object with en and zh`);
      for (const l of langs) {
        assertStrings(table[l], `${ns}.${l}`);
        const out = join(root, 'lib/i18n/locales', l, `${ns}.json`);
        const before = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
        const text = `${JSON.stringify(before === undefined ? table[l] : merged(table[l], JSON.parse(before)), null, 2)}\n`;
        if (before === text) continue;
        changed.push(out.slice(root.length + 1));
        if (!check) {
          mkdirSync(dirname(out), { recursive: true });
          writeFileSync(out, text);
        }
      }
      converted.push(ns);
    }
  } finally {
    cleanup();
  }
  if (converted.length === 0) {
    console.log(
      `No string tables found${from ? ` in ${from}` : ''} (lib/i18n/{${tables.join(',')}}.ts). Nothing to do.`,
    );
    return;
  }
  console.log(`Converted ${converted.join(', ')}${from ? ` from ${from}` : ''}.`);
  if (changed.length === 0) console.log('Every locale file was already up to date.');
  else console.log(`${check ? 'Would change' : 'Wrote'}:\n  ${changed.join('\n  ')}`);
  if (check && changed.length > 0) process.exitCode = 1;
}

// Run as a command (not when a test imports `merged`).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
