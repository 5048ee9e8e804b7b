/** `zod/mini`, after lib/zod/jitless.ts: wxt.config.ts resolves every `import … from 'zod/mini'` here. */
import './jitless';

export * from 'zod/v4/mini';
