import type { SiteHosts } from '../types';

/**
 * Odoo Online databases (acme.odoo.com). Anyone can open a free trial there, and every database publishes its
 * own website on the same host, so a page under *.odoo.com may be a stranger's: figures are shown only after the
 * user confirms the host once ("this is our company's Odoo"). Self-hosted Odoo is added as a custom site.
 */
export const hosts: SiteHosts = {
  matches: ['https://*.odoo.com/*'],
  trust: 'confirm',
};
