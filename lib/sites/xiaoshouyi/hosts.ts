import type { SiteHosts } from '../types';

/** 销售易 (Neocrm): crm.xiaoshouyi.com and its test hosts, and the neocrm.com domain. */
export const hosts: SiteHosts = {
  matches: ['https://*.xiaoshouyi.com/*', 'https://*.neocrm.com/*'],
  trust: 'vendor',
};
