/**
 * The hosts the extension is allowed to run on. These are the manifest's host permissions and the content
 * scripts' matches; widening them is a deliberate change pinned by tests/unit/manifest-baseline.test.ts.
 * The demo pages on 127.0.0.1 are listed so that `npm run demo` and the e2e tests run the real content scripts.
 */
export const crmHostMatches = [
  // Salesforce Lightning, Classic, console; Salesforce China (sfcrmproducts.cn / sfcrmapps.cn)
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.salesforce.com/*',
  'https://*.sfcrmproducts.cn/*',
  'https://*.sfcrmapps.cn/*',
  // HubSpot, incl. EU
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  // Zoho CRM, every data centre
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.jp/*',
  'https://crm.zoho.com.cn/*',
  'https://crm.zohocloud.ca/*',
  'https://crm.zoho.sa/*',
  // Pipedrive
  'https://*.pipedrive.com/*',
  // Dynamics 365 / Dataverse
  'https://*.dynamics.com/*',
  'https://*.crm.dynamics.cn/*',
  // Odoo online (self-hosted Odoo is added by the user as a custom site)
  'https://*.odoo.com/*',
  // 纷享销客, 销售易
  'https://*.fxiaoke.com/*',
  'https://*.xiaoshouyi.com/*',
  'https://*.neocrm.com/*',
  // The demo CRM served by `npm run demo`
  'http://127.0.0.1/*',
] as const;

export const mailHostMatches = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://mail.qq.com/*',
  'https://wx.mail.qq.com/*',
  'https://mail.163.com/*',
  'https://*.mail.163.com/*',
  'http://127.0.0.1/*',
] as const;
