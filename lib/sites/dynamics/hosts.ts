import type { SiteHosts } from '../types';

/**
 * Model-driven apps on Dataverse, per region (org.crm.dynamics.com, org.crm4.dynamics.com, …) and in China
 * (21Vianet). Not *.dynamics.com: Customer Insights – Journeys serves customers' public marketing forms and pages
 * from *.mkt.dynamics.com (assets-<region>.mkt.dynamics.com/<org>/digitalassets/forms/…).
 */
const REGIONS = [
  'crm',
  'crm2',
  'crm3',
  'crm4',
  'crm5',
  'crm6',
  'crm7',
  'crm8',
  'crm9',
  'crm11',
  'crm12',
  'crm14',
  'crm15',
  'crm16',
  'crm17',
  'crm19',
  'crm20',
  'crm21',
];

export const hosts: SiteHosts = {
  matches: [...REGIONS.map((r) => `https://*.${r}.dynamics.com/*`), 'https://*.crm.dynamics.cn/*'],
  trust: 'vendor',
};
