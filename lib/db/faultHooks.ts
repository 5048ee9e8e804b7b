/**
 * A test-only fault (issue #20): in the test build (scripts/build-test.mjs, HUIKUAN_BUILD=test) an extension page
 * can be told to fail its database writes the way a full disk does — with a `QuotaExceededError` once a number of
 * rows have been written — so the browser tests can check that an import caught by a full disk writes nothing and
 * says why. Lowering the real quota (`Storage.overrideQuotaForOrigin`) does not reach an extension holding
 * `unlimitedStorage`. The production build has no such hook: the constant below is false there and the bundler
 * drops the code (tests/e2e/manifest.e2e.ts checks the production bundle does not contain its key).
 *
 * The plan is one localStorage entry of the page: `{"quotaAfterRows": N}`. Records put or added through this
 * database after it was set are counted (a customer's ledger, holding all its documents, is one record); the write
 * that passes N fails, and every later one.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

export const FAULT_PLAN_KEY = 'huikuan.test.faults';

interface FaultPlan { quotaAfterRows?: number }

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

/** The fault middleware (installed by schema.ts in the test build only). */
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
            const p = readPlan();
            if (p?.plan.quotaAfterRows !== undefined && (req.type === 'put' || req.type === 'add')) {
              if (p.text !== planText) { planText = p.text; written = 0; }
              written += req.values.length;
              if (written > p.plan.quotaAfterRows) {
                return Promise.reject(new DOMException(`Quota exceeded (test fault after ${p.plan.quotaAfterRows} rows)`, 'QuotaExceededError'));
              }
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
