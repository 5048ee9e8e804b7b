import type { SiteHosts } from '../types';

/**
 * Lightning, Classic and the console, and Salesforce on Alibaba Cloud in China (sfcrmproducts.cn / sfcrmapps.cn),
 * as Salesforce Inspector Reloaded lists them (addon/manifest.json). Sites and Experience Cloud pages, which any
 * org can publish, are on other domains (*.my.site.com, *.force.com, *.vf.force.com) and are not matched.
 */
export const hosts: SiteHosts = {
  matches: [
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
    'https://*.salesforce.com/*',
    'https://*.sfcrmproducts.cn/*',
    'https://*.sfcrmapps.cn/*',
  ],
  trust: 'vendor',
};
