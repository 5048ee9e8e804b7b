import type { SiteHosts } from '../types';

/**
 * Company subdomains (acme.pipedrive.com). Two subdomains serve what Pipedrive's customers publish for strangers
 * — web forms (webforms.pipedrive.com/f/…) and the LeadBooster chat widget — and are excluded.
 */
export const hosts: SiteHosts = {
  matches: ['https://*.pipedrive.com/*'],
  excludeMatches: ['https://webforms.pipedrive.com/*', 'https://leadbooster-chat.pipedrive.com/*'],
  trust: 'vendor',
};
