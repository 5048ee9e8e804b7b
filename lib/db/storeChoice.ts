/**
 * "Try the demo" (issue #20): the demo's made-up portfolio lives in a database of its own (schema.ts
 * DEMO_DB_NAME), so trying it never reads, replaces or writes the user's store. Which one the extension's pages
 * use is one entry of the extension origin's localStorage (synchronous, shared by every extension page; a service
 * worker has none, so the worker always keeps to the user's store). No imports: the popup's first paint reads it.
 */
export const DEMO_DB_NAME = 'huikuan-demo';
export const STORE_CHOICE_KEY = 'huikuan.store';
export type StoreChoice = 'user' | 'demo';

export function pageStorageOf(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The store this page uses: the demo's while the user is trying it, else the user's own. */
export function storeChoice(): StoreChoice {
  try {
    return pageStorageOf()?.getItem(STORE_CHOICE_KEY) === 'demo' ? 'demo' : 'user';
  } catch {
    return 'user';
  }
}
