import type { SiteHosts } from '../types';

/** The HubSpot app (EU data centre included). HubSpot-hosted landing pages and blogs are on other domains. */
export const hosts: SiteHosts = {
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  trust: 'vendor',
};
