/**
 * Zod without its JIT: zod 4 compiles object parsers with `new Function`, probing for eval when the first object
 * schema is built. Extension pages forbid eval (CSP), so the probe only logs a CSP error on every page, and
 * addons.mozilla.org's linter flags it. This runs before any schema is built, because every import of `zod` and
 * `zod/mini` resolves through lib/zod/classic.ts or lib/zod/mini.ts (resolve aliases in wxt.config.ts).
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
