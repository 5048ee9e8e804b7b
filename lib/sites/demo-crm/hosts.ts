import type { SiteHosts } from '../types';

/**
 * The demo CRM served by `npm run demo` on the loopback address. Only the demo/test build matches these pages
 * (wxt.config.ts adds the loopback patterns there); a production build never runs on 127.0.0.1.
 */
export const hosts: SiteHosts = { matches: [], trust: 'vendor' };
export const LOOPBACK_MATCHES = ['http://127.0.0.1/*'] as const;
