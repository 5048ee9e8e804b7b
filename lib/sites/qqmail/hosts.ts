import type { SiteHosts } from '../types';

/** QQ Mail: the frameset interface (mail.qq.com) and the current one (wx.mail.qq.com). */
export const hosts: SiteHosts = { matches: ['https://mail.qq.com/*', 'https://wx.mail.qq.com/*'], trust: 'vendor' };
