import type { SiteHosts } from '../types';

/** Outlook on the web: work and school accounts (office.com, office365.com) and Outlook.com. */
export const hosts: SiteHosts = {
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  trust: 'vendor',
};
