import type { SiteHosts } from '../types';

/** 163 Mail (mail.163.com and its regional hosts such as hz.mail.163.com). */
export const hosts: SiteHosts = { matches: ['https://mail.163.com/*', 'https://*.mail.163.com/*'], trust: 'vendor' };
