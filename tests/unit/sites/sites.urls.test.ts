import { readerForUrl, siteKindForUrl } from '../../../lib/sites';
import { dynamicsRecord } from '../../../lib/sites/dynamics/reader';
import { hubspotRecord } from '../../../lib/sites/hubspot/reader';
import { odooRecord } from '../../../lib/sites/odoo/reader';
import { salesforceRecord } from '../../../lib/sites/salesforce/reader';
import { zohoRecord } from '../../../lib/sites/zoho/reader';

const site = (url: string) => readerForUrl(new URL(url))?.id ?? null;

describe('which reader handles a URL', () => {
  test.each([
    // Salesforce: Lightning, console, one.app, Classic, China hosts
    ['https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEIA4/view', 'salesforce'],
    [
      'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEIA4/view?ws=%2Flightning%2Fr%2FCase%2F500%2Fview',
      'salesforce',
    ],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/006Dn00000ABCDEIA4/related/Contacts/view', 'salesforce'],
    ['https://acme.lightning.force.com/one/one.app#/sObject/001Dn00000ABCDEIA4/view', 'salesforce'],
    ['https://na1.salesforce.com/001xx000003DGb2', 'salesforce'],
    ['https://acme.my.salesforce.com/001xx000003DGb2AAA/e', 'salesforce'],
    ['https://acme.my.sfcrmproducts.cn/001xx000003DGb2', 'salesforce'],
    ['https://acme.lightning.sfcrmapps.cn/lightning/r/Account/001xx000003DGb2AAA/view', 'salesforce'],
    ['https://acme.lightning.force.com/lightning/o/Account/list', null],
    ['https://acme.lightning.force.com/lightning/page/home', null],
    ['https://acme.my.salesforce.com/home/home.jsp', null],
    ['https://acme.lightning.force.com.evil.example/lightning/r/Account/001Dn00000ABCDEIA4/view', null],
    ['http://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEIA4/view', null],
    // HubSpot
    ['https://app.hubspot.com/contacts/123/record/0-2/456', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/123/record/0-1/456/', 'hubspot'],
    ['https://app.hubspot.com/contacts/123/company/456', 'hubspot'],
    ['https://app.hubspot.com/contacts/123/objects/0-2/views/all/list', null],
    ['https://www.hubspot.com/contacts/123/record/0-2/456', null],
    // Zoho
    ['https://crm.zoho.com/crm/org123/tab/Accounts/346103000146134135', 'zoho'],
    ['https://crm.zoho.com.cn/crm/org123/tab/Potentials/346103000146134135', 'zoho'],
    ['https://crm.zoho.eu/crm/tab/Accounts/346103000146134135', 'zoho'],
    ['https://crm.zoho.com/crm/org123/tab/Accounts/custom-view/12/list', null],
    ['https://crm.zoho.com.evil.example/crm/org123/tab/Accounts/346103000146134135', null],
    // Pipedrive
    ['https://acme.pipedrive.com/organization/42', 'pipedrive'],
    ['https://acme.pipedrive.com/deal/42', 'pipedrive'],
    ['https://acme.pipedrive.com/leads/inbox/1f0c6a2e-0000-4000-8000-000000000001', 'pipedrive'],
    ['https://acme.pipedrive.com/pipeline/1', null],
    ['https://www.pipedrive.com/deal/42', null],
    // Subdomains that serve what Pipedrive's customers publish for strangers.
    ['https://webforms.pipedrive.com/deal/42', null],
    ['https://leadbooster-chat.pipedrive.com/person/42', null],
    ['https://pipedrive.com/deal/42', null],
    // Dynamics
    [
      'https://org.crm.dynamics.com/main.aspx?appid=1b2a3c4d-0000-1111-2222-333344445555&pagetype=entityrecord&etn=account&id=a1b2c3d4-1111-2222-3333-444455556666',
      'dynamics',
    ],
    [
      'https://org.crm5.dynamics.com/main.aspx?etn=contact&pagetype=entityrecord&id=%7BA1B2C3D4-1111-2222-3333-444455556666%7D&formid=0000',
      'dynamics',
    ],
    [
      'https://org.crm.dynamics.cn/main.aspx?etc=1&id=%7ba1b2c3d4-1111-2222-3333-444455556666%7d&pagetype=entityrecord',
      'dynamics',
    ],
    ['https://org.crm.dynamics.com/main.aspx?appid=x&pagetype=entitylist&etn=account', null],
    // Customer Insights marketing pages anyone's tenant publishes, F&O: not the model-driven app.
    [
      'https://assets-eur.mkt.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=a1b2c3d4-1111-2222-3333-444455556666',
      null,
    ],
    [
      'https://org.operations.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=a1b2c3d4-1111-2222-3333-444455556666',
      null,
    ],
    ['https://org.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account', null],
    // Odoo
    ['https://acme.odoo.com/web#id=9&model=res.partner&view_type=form', 'odoo'],
    ['https://acme.odoo.com/odoo/contacts/9', 'odoo'],
    ['https://acme.odoo.com/odoo/action-123/9', 'odoo'],
    ['https://acme.odoo.com/odoo/contacts', null],
    ['https://acme.odoo.com/web#model=res.partner&view_type=list', null],
    ['https://www.odoo.com/pricing', null],
    // 纷享销客, 销售易
    ['https://www.fxiaoke.com/XV/UI/Home#crm/list/=/AccountObj', 'fxiaoke'],
    ['https://www.fxiaoke.com/XV/UI/Home#paasapp/detail/=/appId_CRM/AccountObj/64a1f0c2e4b0a1b2c3d4e5f6', 'fxiaoke'],
    ['https://www.fxiaoke.com/XV/UI/Home#crm/index', null],
    ['https://crm.xiaoshouyi.com/final/account.action?id=123', 'xiaoshouyi'],
    ['https://crm.xiaoshouyi.com/final/account.action', null],
    // Demo
    ['http://127.0.0.1:5173/crm/accounts/ACC-0001', 'demo-crm'],
    ['http://127.0.0.1:5173/crm/accounts', null],
    ['http://127.0.0.1:5173/mail/thread/t1', 'demo-mail'],
    ['http://127.0.0.1:5173/mail/compose', 'demo-mail'],
    ['http://localhost:5173/crm/accounts/ACC-0001', null],
    // Mail
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGmKvTsbhWnPqLrZxCdBnMkL', 'gmail'],
    ['https://mail.google.com/mail/u/1/#label/Customers/FMfcgzQXJGmKvTsbhWnPqLrZxCdBnMkL', 'gmail'],
    ['https://mail.google.com/mail/u/0/#inbox?compose=new', 'gmail'],
    ['https://mail.google.com/mail/u/0/#inbox', null],
    ['https://mail.google.com/mail/u/0/#settings/general', null],
    ['https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAw', 'outlook'],
    ['https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcw', 'outlook'],
    ['https://outlook.office365.com/mail/deeplink/compose', 'outlook'],
    ['https://outlook.office.com/mail/inbox', null],
    ['https://outlook.office.com/calendar/view/month', null],
    ['https://mail.qq.com/cgi-bin/frame_html?sid=abc', 'qqmail'],
    ['https://wx.mail.qq.com/home/index?sid=abc', 'qqmail'],
    ['https://mail.163.com/js6/main.jsp?sid=x#module=read.ReadModule%7C%7B%7D', 'mail163'],
    ['https://mail.163.com/js6/main.jsp?sid=x#module=compose.ComposeModule%7C%7B%7D', 'mail163'],
    ['https://mail.163.com/js6/main.jsp?sid=x#module=welcome.WelcomeModule%7C%7B%7D', null],
    ['https://example.com/mail/thread/t1', null],
  ])('%s → %s', (url, id) => {
    expect(site(url)).toBe(id);
  });
});

test('siteKindForUrl is cheap and URL-only', () => {
  expect(siteKindForUrl('https://app.hubspot.com/contacts/1/record/0-2/2')).toBe('crm');
  expect(siteKindForUrl('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGmKvTsbhWnPqLrZxCdBnMkL')).toBe('mail');
  expect(siteKindForUrl('http://127.0.0.1:8080/mail/thread/t2')).toBe('mail');
  expect(siteKindForUrl('http://127.0.0.1:8080/crm/accounts/ACC-0002')).toBe('crm');
  expect(siteKindForUrl('https://example.com/')).toBeNull();
  expect(siteKindForUrl('::')).toBeNull();
});

test('record ids and types from URLs', () => {
  expect(
    salesforceRecord(new URL('https://a.lightning.force.com/lightning/r/Account/001Dn00000ABCDEIA4/view?ws=x')),
  ).toEqual({ recordId: '001Dn00000ABCDEIA4', recordType: 'Account' });
  expect(salesforceRecord(new URL('https://na1.salesforce.com/001xx000003DGb2'))).toEqual({
    recordId: '001xx000003DGb2',
    recordType: 'Account',
  });
  expect(salesforceRecord(new URL('https://na1.salesforce.com/00Qxx000003DGb2AAA'))).toEqual({
    recordId: '00Qxx000003DGb2AAA',
    recordType: 'Lead',
  });
  expect(hubspotRecord(new URL('https://app.hubspot.com/contacts/123/record/0-3/456'))).toEqual({
    recordId: '456',
    recordType: 'deal',
  });
  expect(hubspotRecord(new URL('https://app.hubspot.com/contacts/123/company/456'))).toEqual({
    recordId: '456',
    recordType: 'company',
  });
  expect(zohoRecord(new URL('https://crm.zoho.com.cn/crm/org123/tab/Accounts/456789'))).toEqual({
    recordId: '456789',
    recordType: 'Accounts',
  });
  expect(
    dynamicsRecord(
      new URL(
        'https://o.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id={A1B2C3D4-1111-2222-3333-444455556666}',
      ),
    ),
  ).toEqual({ recordId: 'a1b2c3d4-1111-2222-3333-444455556666', recordType: 'account' });
  expect(odooRecord(new URL('https://x.odoo.com/web#id=9&model=res.partner&view_type=form'))).toEqual({
    recordId: '9',
    recordType: 'res.partner',
  });
  expect(odooRecord(new URL('https://x.odoo.com/odoo/contacts/14'))).toEqual({
    recordId: '14',
    recordType: 'res.partner',
  });
  expect(odooRecord(new URL('https://x.odoo.com/odoo/action-123/14'))).toEqual({
    recordId: '14',
    recordType: undefined,
  });
});
