/**
 * Which hosts a build runs on. A production build (`wxt build`) matches only the supported sites' application
 * hosts (lib/sites/<site>/hosts.ts); the demo/test build (`npm run build:test`, output `.output/<target>-test`)
 * adds the loopback address, where `npm run demo` and the browser tests serve their pages. The badge frame is
 * web-accessible to the same hosts only, through a per-session URL in Chrome (`use_dynamic_url`) so that a page
 * cannot fetch it by the extension's fixed id to learn that the extension is installed. tests/e2e/manifest.e2e.ts
 * checks each build's manifest.
 */
import type { Browser } from 'wxt/browser';
import {
  crmExcludeMatches,
  crmHostMatches,
  LOOPBACK_MATCHES,
  mailExcludeMatches,
  mailHostMatches,
} from '../lib/sites/hosts';

type Manifest = Browser.runtime.Manifest;

export type BuildKind = 'production' | 'test';

/**
 * The test build is chosen by `HUIKUAN_BUILD=test` (scripts/build-test.mjs), not by WXT's `--mode`: a mode other
 * than production also gives the pages React's development build (WXT sets NODE_ENV to the mode), whose
 * StrictMode double effects differ from what users run.
 */
export function buildKind(env: Record<string, string | undefined> = process.env): BuildKind {
  return env.HUIKUAN_BUILD === 'test' ? 'test' : 'production';
}

const isTestBuild = (kind: BuildKind) => kind === 'test';

/** Host permissions of a build. */
export function hostPermissions(kind: BuildKind): string[] {
  return [...new Set([...crmHostMatches, ...mailHostMatches, ...(isTestBuild(kind) ? LOOPBACK_MATCHES : [])])];
}

/** The badge frame's web_accessible_resources entry for a build. */
export function badgeResources(kind: BuildKind, browser: string) {
  return [
    {
      resources: ['badge.html'],
      matches: hostPermissions(kind),
      ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
    },
  ];
}

/**
 * The content scripts' matches come from their entrypoints (the production hosts); the test build adds the
 * loopback address to both scripts, and the exclusions the sites declare go to the script they belong to.
 */
export function adjustContentScripts(manifest: Manifest, kind: BuildKind): void {
  for (const cs of manifest.content_scripts ?? []) {
    const js = (cs.js ?? []).join(' ');
    const excludes = js.includes('crm') ? crmExcludeMatches : js.includes('mail') ? mailExcludeMatches : [];
    if (excludes.length) cs.exclude_matches = [...new Set([...(cs.exclude_matches ?? []), ...excludes])];
    if (isTestBuild(kind)) cs.matches = [...new Set([...(cs.matches ?? []), ...LOOPBACK_MATCHES])];
  }
}
