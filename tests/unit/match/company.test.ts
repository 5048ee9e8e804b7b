import { describe, expect, it } from 'vitest';
import { companyFromDomain, proposeCompany, signatureCompany } from '@/lib/match/company';

const none = async () => undefined;

describe('the company behind an email', () => {
  it('takes the company line of an English signature, not the person', () => {
    const body =
      'Hi Emily,\n\nWe will remit $12,400 by the 25th.\n\nBest,\nSarah Miller\nAP Manager\nNorthwind Traders, Inc.\n+1 206 555 0100';
    expect(signatureCompany(body)).toBe('Northwind Traders, Inc.');
  });
  it('takes a Chinese company name that starts a signature line, not 我司 in a sentence', () => {
    const body =
      '王经理您好：\n我司财务下周五安排付款 12.4万，请查收。\n陈静\n杭州云帆科技有限公司 财务部\n电话 0571-88888888';
    expect(signatureCompany(body)).toBe('杭州云帆科技有限公司');
    expect(signatureCompany('王经理您好：\n我司财务下周五安排付款，贵公司请查收。\n陈静')).toBeUndefined();
  });
  it('ignores the quoted earlier message and our own company', () => {
    const body =
      'Noted, thanks.\nSarah\n\nOn Fri, Nov 20, 2026 at 9:30 AM Emily Chen <emily@ourco.example> wrote:\n> Please pay.\n> OurCo Ltd';
    expect(signatureCompany(body)).toBeUndefined();
    expect(signatureCompany('Thanks\nEmily Chen\nOurCo Ltd', ['OurCo Ltd'])).toBeUndefined();
    expect(signatureCompany('谢谢\n发件人: 王磊\n我们公司名称：上海某某有限公司')).toBeUndefined();
  });
  it('makes a name from a corporate domain, never from free mail', () => {
    expect(companyFromDomain('yunfan-tech.example.cn')).toBe('Yunfan Tech');
    expect(companyFromDomain('mail.acme.com.cn')).toBe('Acme');
    expect(companyFromDomain('northwind.example.com')).toBe('Northwind');
    expect(companyFromDomain('qq.com')).toBeUndefined();
    expect(companyFromDomain('163.com')).toBeUndefined();
    expect(companyFromDomain('gmail.com')).toBeUndefined();
  });
  it('proposes an existing customer holding the domain first, then the signature, then the domain', async () => {
    const ctx = { emails: ['sarah.miller@northwind.example.com'], body: 'Best,\nSarah Miller\nNorthwind Traders Ltd' };
    const held = async (d: string) =>
      d === 'northwind.example.com' ? { id: 'cu1', name: 'Northwind Traders' } : undefined;
    expect(await proposeCompany(ctx, held)).toEqual({
      kind: 'existing',
      customerId: 'cu1',
      name: 'Northwind Traders',
      domain: 'northwind.example.com',
    });
    expect(await proposeCompany(ctx, none)).toEqual({
      kind: 'new',
      name: 'Northwind Traders Ltd',
      domain: 'northwind.example.com',
      from: 'signature',
    });
    expect(await proposeCompany({ emails: ctx.emails, body: 'Best,\nSarah Miller' }, none)).toEqual({
      kind: 'new',
      name: 'Northwind',
      domain: 'northwind.example.com',
      from: 'domain',
    });
  });
  it('proposes nothing for a free-mail sender without a company in the signature', async () => {
    expect(
      await proposeCompany({ emails: ['gaofeng88@163.com'], body: '王经理：\n尾款月底前支付。\n高峰' }, none),
    ).toBeNull();
    expect(
      await proposeCompany(
        { emails: ['gaofeng88@163.com'], body: '王经理：\n尾款月底前支付。\n高峰\n大丰建材有限公司' },
        none,
      ),
    ).toEqual({ kind: 'new', name: '大丰建材有限公司', domain: undefined, from: 'signature' });
  });
});
