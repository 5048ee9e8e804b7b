import type { SiteHosts } from '../types';

export const hosts: SiteHosts = { matches: ['https://mail.google.com/*'], trust: 'vendor' };
