import type { SiteHosts } from '../types';

/** Zoho CRM in every data centre. Zoho Sites, Forms and Pages (customers' public pages) are on other hosts. */
export const hosts: SiteHosts = {
  matches: [
    'https://crm.zoho.com/*',
    'https://crm.zoho.eu/*',
    'https://crm.zoho.in/*',
    'https://crm.zoho.com.au/*',
    'https://crm.zoho.jp/*',
    'https://crm.zoho.com.cn/*',
    'https://crm.zohocloud.ca/*',
    'https://crm.zoho.sa/*',
  ],
  trust: 'vendor',
};
