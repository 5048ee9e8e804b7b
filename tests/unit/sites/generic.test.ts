import { compileMatchPattern, readPage, siteKindForUrl } from '../../../lib/sites';
import type { UserSite } from '../../../lib/domain';
import { loadHtml } from './load';

const site = (over: Partial<UserSite> = {}): UserSite => ({
  id: 'inhouse',
  label: 'In-house CRM',
  hostPattern: 'https://crm.example.com/*',
  ...over,
});

describe('match patterns', () => {
  test.each([
    ['https://crm.example.com/*', 'https://crm.example.com/customers/12', true],
    ['https://crm.example.com/*', 'http://crm.example.com/customers/12', false],
    ['https://crm.example.com/*', 'https://crm.example.com.evil.example/x', false],
    ['*://*.example.com/crm/*', 'http://a.b.example.com/crm/x?id=1', true],
    ['*://*.example.com/crm/*', 'https://example.com/crm/', true],
    ['*://*.example.com/crm/*', 'https://example.com/other', false],
    ['http://10.0.0.5:8069/odoo/*', 'http://10.0.0.5:8069/odoo/contacts/9', true],
    ['http://10.0.0.5:8069/odoo/*', 'http://10.0.0.5:8070/odoo/contacts/9', false],
    ['<all_urls>', 'https://anything.example/', true],
  ])('%s matches %s: %s', (p, url, ok) => {
    expect(compileMatchPattern(p)!(new URL(url))).toBe(ok);
  });
  test.each(['', 'crm.example.com', 'https://crm.example.com', 'ftp://x/*', 'https://*foo.com/*'])(
    'invalid pattern %j',
    (p) => {
      expect(compileMatchPattern(p)).toBeNull();
    },
  );
});

describe('generic reader', () => {
  const html = `<html><head><title>客户详情 - 杭州云帆科技有限公司 - 内部CRM</title></head><body>
    <div class="hdr"><span id="cust-name"> 杭州云帆科技有限公司 </span></div>
    <ul class="contacts"><li class="mail">cw@yunfan.example.cn</li><li class="mail"><a href="mailto:Boss@Yunfan.example.cn">boss</a></li></ul>
    <a href="mailto:other@elsewhere.example.com">x</a></body></html>`;
  const url = 'https://crm.example.com/customer/view?id=88123&tab=info';

  test('selectors and regexes from the user', () => {
    const p = loadHtml(html, url);
    const got = readPage(url, p.doc, [
      site({ nameSelector: '#cust-name', recordIdRegex: '[?&]id=(\\d+)', emailSelector: '.contacts .mail' }),
    ]);
    expect(got).toMatchObject({
      site: 'generic',
      kind: 'record',
      recordId: '88123',
      name: '杭州云帆科技有限公司',
      emails: ['cw@yunfan.example.cn', 'boss@yunfan.example.cn'],
    });
    p.close();
  });

  test('title with a name regex, mailto links by default', () => {
    const p = loadHtml(html, url);
    const got = readPage(url, p.doc, [site({ nameRegex: '^客户详情 - (.+?) - 内部CRM$' })]);
    expect(got).toMatchObject({
      name: '杭州云帆科技有限公司',
      emails: ['boss@yunfan.example.cn', 'other@elsewhere.example.com'],
    });
    expect(got!.recordId).toBeUndefined();
    p.close();
  });

  test('bad selectors and regexes match nothing instead of throwing', () => {
    const p = loadHtml(html, url);
    expect(() =>
      readPage(url, p.doc, [site({ nameSelector: '###', nameRegex: '(', recordIdRegex: '[' })]),
    ).not.toThrow();
    expect(readPage(url, p.doc, [site({ nameSelector: '#missing' })])).toBeNull();
    p.close();
  });

  test('pages outside the pattern are not read; built-in readers win', () => {
    const p = loadHtml(html, url);
    expect(readPage('https://other.example.com/customer/view?id=1', p.doc, [site()])).toBeNull();
    expect(siteKindForUrl(url)).toBeNull();
    p.close();
  });

  test('self-hosted Odoo works with only a host pattern', () => {
    const u = 'http://odoo.corp.example:8069/odoo/contacts/9';
    const p = loadHtml(
      '<html><head><title>Odoo</title></head><body><div class="o_form_view"><div class="oe_title"><h1><div name="name" class="o_field_widget"><span>Deco Addict</span></div></h1></div></div></body></html>',
      u,
    );
    expect(readPage(u, p.doc, [site({ hostPattern: 'http://odoo.corp.example/*' })])).toMatchObject({
      site: 'generic',
      kind: 'record',
      recordId: '9',
      name: 'Deco Addict',
      recordType: 'res.partner',
    });
    p.close();
  });
});
