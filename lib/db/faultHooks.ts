/**
 * A test-only fault (issue #20): in the test build (scripts/build-test.mjs, HUIKUAN_BUILD=test) an extension page
 * can be told to fail its database writes the way a full disk does — with a `QuotaExceededError` once a number of
 * records have been written — so the browser tests can check that an import caught by a full disk writes nothing
 * and says why. Lowering the real quota (`Storage.overrideQuotaForOrigin`) does not reach an extension holding
 * `unlimitedStorage`. The test build runs the production build's code byte for byte (tests/e2e/manifest.e2e.ts), so
 * the hook is in both and armed by the manifest: only a build whose manifest grants the loopback address (the
 * test build; the production manifests never do, pinned by the same test) arms it (lib/browser/pages.ts
 * armTestFaults, called by every page's shell). Unarmed, it is one boolean test per write.
 *
 * The plan is one localStorage entry of the page: `{"quotaAfterRows": N}`. Records put or added through this
 * database after it was set are counted (a customer's ledger, holding all its documents, is one record); the write
 * that passes N fails, and every later one.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

export const FAULT_PLAN_KEY = 'huikuan.test.faults';

let armed = false;
/** Arms the hook in this page (the test build only: see above). */
export function armFaultHooks(on: boolean): void {
  armed = on;
}

interface FaultPlan {
  quotaAfterRows?: number;
}

function readPlan(): { text: string; plan: FaultPlan } | undefined {
  try {
    const text = globalThis.localStorage?.getItem(FAULT_PLAN_KEY);
    if (!text) return undefined;
    const plan = JSON.parse(text) as FaultPlan;
    return plan && typeof plan === 'object' ? { text, plan } : undefined;
  } catch {
    return undefined;
  }
}

/** The fault middleware (installed by schema.ts; inert until armed). */
export function faultMiddleware(): Middleware<DBCore> {
  let planText: string | undefined;
  let written = 0;
  return {
    stack: 'dbcore',
    name: 'huikuan-test-faults',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            const p = armed ? readPlan() : undefined;
            if (p?.plan.quotaAfterRows !== undefined && (req.type === 'put' || req.type === 'add')) {
              if (p.text !== planText) {
                planText = p.text;
                written = 0;
              }
              written += req.values.length;
              if (written > p.plan.quotaAfterRows) {
                return Promise.reject(
                  new DOMException(
                    `Quota exceeded (test fault after ${p.plan.quotaAfterRows} rows)`,
                    'QuotaExceededError',
                  ),
                );
              }
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
