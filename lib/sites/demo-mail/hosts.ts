import type { SiteHosts } from '../types';

/** The demo webmail served by `npm run demo`; matched only in the demo/test build, like the demo CRM. */
export const hosts: SiteHosts = { matches: [], trust: 'vendor' };
