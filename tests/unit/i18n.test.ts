import { readFileSync, readdirSync } from 'node:fs';
import { allNamespaces } from '@/lib/i18n/core';
import { locales, pickLang, translator } from '@/lib/i18n';

function keyPaths(o: unknown, prefix = ''): string[] {
  if (o && typeof o === 'object')
    return Object.entries(o).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}
function leaves(o: unknown): unknown[] {
  if (o && typeof o === 'object') return Object.values(o).flatMap(leaves);
  return [o];
}
/** Plural forms differ by language (zh has only "other"), so compare keys without the plural suffix. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('i18n', () => {
  it('has one file per language and namespace, and every file is loaded', () => {
    const dir = new URL('../../lib/i18n/locales/', import.meta.url);
    for (const l of ['en', 'zh'] as const) {
      expect(readdirSync(new URL(`${l}/`, dir)).sort()).toEqual(allNamespaces.map((ns) => `${ns}.json`).sort());
      for (const ns of allNamespaces) {
        expect(locales[l][ns]).toEqual(JSON.parse(readFileSync(new URL(`${l}/${ns}.json`, dir), 'utf8')));
      }
    }
  });
  for (const ns of allNamespaces) {
    const v = { en: locales.en[ns], zh: locales.zh[ns] };
    it(`namespace ${ns} has the same keys in 简体中文 and English`, () => {
      expect([...new Set(keyPaths(v.zh).map(base))].sort()).toEqual([...new Set(keyPaths(v.en).map(base))].sort());
    });
    it(`namespace ${ns} has no empty string`, () => {
      for (const l of [...leaves(v.zh), ...leaves(v.en)]) {
        expect(typeof l).toBe('string');
        expect((l as string).trim().length).toBeGreaterThan(0);
      }
    });
  }
  it('interpolates and picks plural forms', () => {
    expect(translator('en')('daysOverdue', { count: 1 })).toBe('1 day overdue');
    expect(translator('en')('daysOverdue', { count: 3 })).toBe('3 days overdue');
    expect(translator('zh')('daysOverdue', { count: 3 })).toBe('逾期 3 天');
  });
  it('follows the browser unless the user chose', () => {
    expect(pickLang(undefined, 'zh-CN')).toBe('zh');
    expect(pickLang(undefined, 'zh-TW')).toBe('zh');
    expect(pickLang(undefined, 'de-DE')).toBe('en');
    expect(pickLang('en', 'zh-CN')).toBe('en');
  });
});
