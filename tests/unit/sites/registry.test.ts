/**
 * The site folders are the unit of recognition (refined-github keeps a feature with its test URLs): every folder
 * under lib/sites with a reader is registered, has fixtures, and cites a source for each fixture in SOURCES.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readers } from '../../../lib/sites';
import { listFixtures, SITES, siteFolders } from './load';

const fixtures = listFixtures();

test('every site folder is a registered reader, and every reader has its folder', () => {
  expect(siteFolders()).toEqual(readers.map((r) => r.id).sort());
});

test.each(readers.map((r) => [r.id] as const))('%s has fixtures, a positive one, and SOURCES.md citing each', (id) => {
  const own = fixtures.filter((f) => f.dir === id);
  expect(own.length, `${id} has no fixtures`).toBeGreaterThan(0);
  expect(
    own.some((f) => f.expect?.site === id),
    `${id} has no fixture it reads`,
  ).toBe(true);
  const sourcesPath = join(SITES, id, 'SOURCES.md');
  expect(existsSync(sourcesPath), `${id}/SOURCES.md`).toBe(true);
  const sources = readFileSync(sourcesPath, 'utf8');
  const keys = new Set([...sources.matchAll(/^\| ([a-z0-9-]+) \|/gm)].map((m) => m[1]));
  for (const f of own) {
    expect(sources.includes(`\`${f.name}\``), `${id}/SOURCES.md does not describe fixture ${f.name}`).toBe(true);
    expect(f.sources?.length, `${id}/${f.name}.json names no sources`).toBeGreaterThan(0);
    for (const k of f.sources ?? [])
      expect(keys.has(k), `${id}/${f.name}.json cites ${k}, which SOURCES.md lacks`).toBe(true);
  }
});

test('reader ids are unique and each names its product', () => {
  const ids = readers.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of readers) expect(r.label.trim().length, r.id).toBeGreaterThan(0);
});
