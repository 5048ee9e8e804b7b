import type { SiteHosts } from '../types';

/** 纷享销客 web app (www.fxiaoke.com/XV/UI/Home and tenant subdomains such as hws.fxiaoke.com). */
export const hosts: SiteHosts = {
  matches: ['https://*.fxiaoke.com/*'],
  trust: 'vendor',
};
