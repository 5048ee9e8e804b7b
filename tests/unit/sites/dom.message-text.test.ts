import { describe, expect, it } from 'vitest';
import { cleanBody, messageText } from '@/lib/sites/dom';
import { loadHtml } from './load';

function bodyOf(html: string): string | undefined {
  const page = loadHtml(`<html><body><div id="m">${html}</div></body></html>`, 'https://mail.example.com/');
  try {
    return cleanBody(messageText(page.doc.getElementById('m')));
  } finally {
    page.close();
  }
}

describe('a message body read from the DOM structure', () => {
  it('keeps <br> line breaks and blank lines (Gmail)', () => {
    expect(
      bodyOf(
        '<div dir="ltr">Hi Emily,<br><br>We will remit $12,400 by the 25th.<br>Sorry.<br><br>Best,<br>Sarah Miller<br>AP Manager</div>',
      ),
    ).toBe('Hi Emily,\n\nWe will remit $12,400 by the 25th.\nSorry.\n\nBest,\nSarah Miller\nAP Manager');
  });
  it('gives each block its line and an empty block a blank line (Outlook, 163)', () => {
    expect(bodyOf('<div>王经理：</div><div><br></div><div>尾款 38,500 元月底前支付。</div><div>高峰</div>')).toBe(
      '王经理：\n\n尾款 38,500 元月底前支付。\n高峰',
    );
  });
  it('ends paragraphs with a blank line and collapses source whitespace', () => {
    expect(bodyOf('<p>Dear   Sir,\n   thank you.</p><p>We pay\non Friday.</p>')).toBe(
      'Dear Sir, thank you.\n\nWe pay on Friday.',
    );
  });
  it('keeps a <pre> body as written (plain-text mail)', () => {
    expect(bodyOf('<pre>Line one\nLine two\n\nLine four</pre>')).toBe('Line one\nLine two\n\nLine four');
  });
  it('leaves out scripts, styles, hidden parts and image alt text', () => {
    expect(
      bodyOf(
        '<style>.x{}</style>Paid.<script>alert(1)</script><span style="display:none">tracking</span><img alt="&lt;b&gt;"><br>Thanks',
      ),
    ).toBe('Paid.\nThanks');
  });
  it('puts table cells apart and rows on lines of their own', () => {
    expect(bodyOf('<table><tr><td>INV-1</td><td>¥1,000</td></tr><tr><td>INV-2</td><td>¥2,000</td></tr></table>')).toBe(
      'INV-1 ¥1,000\nINV-2 ¥2,000',
    );
  });
});
