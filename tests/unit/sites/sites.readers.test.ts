import { findComposeBox, readPage } from '../../../lib/sites';
import { listFixtures, loadHtml } from './load';

const fixtures = listFixtures();

describe('page readers on saved pages', () => {
  test.each(fixtures.map((f) => [`${f.dir}/${f.name}`, f] as const))('%s', (_label, f) => {
    const page = loadHtml(f.html, f.url, f.frames);
    try {
      const got = readPage(f.url, page.doc);
      if (f.expect === null) {
        expect(got).toBeNull();
        return;
      }
      expect(got).not.toBeNull();
      const { sentAtPattern, sentAtLocal, bodyIncludes, bodyExcludes, ...fields } = f.expect;
      expect(got).toMatchObject({ ...fields, url: f.url });
      expect(got!.emails).toEqual(fields.emails);
      if (sentAtPattern) expect(got!.sentAt).toMatch(new RegExp(sentAtPattern));
      if (sentAtLocal) {
        const [y, mo, d, h, mi] = sentAtLocal.split(/[-T:]/).map(Number);
        expect(got!.sentAt).toBe(new Date(y, mo - 1, d, h, mi).toISOString());
      }
      for (const s of bodyIncludes ?? []) expect(got!.body).toContain(s);
      for (const s of bodyExcludes ?? []) expect(got!.body ?? '').not.toContain(s);
      if (!('subject' in fields)) expect(got!.subject).toBeUndefined();
      if (!('addressHidden' in fields)) expect(got!.addressHidden).toBeUndefined();
      for (const k of f.absent ?? []) expect(got, k).not.toHaveProperty(k);
      if (f.composeBox) expect(findComposeBox(page.doc, got!.site)).toBe(page.doc.querySelector(f.composeBox));
    } finally {
      page.close();
    }
  });
});

describe('hardening', () => {
  /** A document that fails the test if anything touches it. */
  const untouchable = new Proxy(
    {},
    {
      get: (_t, p) => {
        throw new Error(`DOM touched: ${String(p)}`);
      },
    },
  ) as Document;

  test.each([
    'https://example.com/',
    'https://www.google.com/search?q=acme',
    'https://acme.lightning.force.com/lightning/o/Account/list',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://app.hubspot.com/contacts/123/objects/0-2/views/all/list',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://outlook.office.com/mail/inbox',
    'https://mail.163.com/js6/main.jsp?sid=x#module=mbox.ListModule',
    'http://127.0.0.1:3000/crm/accounts',
    'not a url',
  ])('no DOM work on %s', (url) => {
    expect(readPage(url, untouchable)).toBeNull();
  });

  test('a hostile record name is stripped of controls, capped at 300, and never parsed as markup', () => {
    const name = '\u202e杭州云帆\u200b科技有限公司\u200f<img src=x onerror=alert(1)>' + 'X'.repeat(10_000);
    const page = loadHtml(
      '<html><head><title>t</title></head><body><records-highlights2><h1><slot name="primaryField"><lightning-formatted-text id="n"></lightning-formatted-text></slot></h1></records-highlights2></body></html>',
      'https://hostile.lightning.force.com/lightning/r/Account/001HOSTILE0000001/view',
    );
    page.doc.getElementById('n')!.textContent = name;
    const got = readPage(page.doc.URL, page.doc)!;
    expect(got.name!.startsWith('杭州云帆科技有限公司<img src=x onerror=alert(1)>XXX')).toBe(true);
    expect(got.name!.length).toBe(300);
    expect(page.doc.querySelector('img')).toBeNull();
    page.close();
  });

  test('mail bodies are capped at 20 000 characters', () => {
    const page = loadHtml(
      '<html><body><article data-message><span data-sender-email>a@b.example.com</span><div data-body id="b"></div></article></body></html>',
      'http://127.0.0.1:1/mail/thread/x',
    );
    page.doc.getElementById('b')!.textContent = 'y'.repeat(50_000);
    const got = readPage(page.doc.URL, page.doc)!;
    expect(got.body!.length).toBe(20_000);
    page.close();
  });

  test('a page that throws from querySelector yields null or a context, never an exception', () => {
    const page = loadHtml(
      '<html><head><title>Acme | Account | Salesforce</title></head><body></body></html>',
      'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEIA4/view',
    );
    (page.doc as unknown as { querySelectorAll: () => never }).querySelectorAll = () => {
      throw new Error('boom');
    };
    (page.doc as unknown as { querySelector: () => never }).querySelector = () => {
      throw new Error('boom');
    };
    expect(() => readPage(page.doc.URL, page.doc)).not.toThrow();
    expect(readPage(page.doc.URL, page.doc)?.name).toBe('Acme');
    page.close();
  });
});
