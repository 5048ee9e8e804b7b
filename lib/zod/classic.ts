/** `zod`, after lib/zod/jitless.ts: wxt.config.ts resolves every `import … from 'zod'` here. */
import './jitless';

export * from 'zod/v4';
export { default, default as z } from 'zod/v4';
