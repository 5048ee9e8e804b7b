/**
 * The demo CRM and webmail pages that `npm run demo` serves on 127.0.0.1: a plain account list, one record page per
 * demo customer, and a few mail threads carrying payment news. Their markup follows the `demo` page reader in
 * lib/sites; everything shown is escaped.
 */
import { buildDemoPortfolio, demoRecordId } from '../lib/demo/portfolio';
import { toIsoDay } from '../lib/domain';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const style = `
  body { font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 0; color: #1f2937; background: #f3f4f6; }
  header { background: #0f172a; color: #fff; padding: 10px 24px; font-weight: 600; }
  header a { color: #93c5fd; margin-left: 16px; font-weight: 400; }
  main, .list { max-width: 960px; margin: 24px auto; background: #fff; padding: 24px 32px; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
  h1 { font-size: 24px; margin: 0 0 4px; }
  dl { display: grid; grid-template-columns: 160px 1fr; gap: 6px 16px; }
  dt { color: #6b7280; }
  table { border-collapse: collapse; width: 100%; }
  td, th { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e5e7eb; }
  article { white-space: pre-wrap; }
  .meta { color: #6b7280; font-size: 13px; }`;

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${style}</style></head>
<body><header>Demo CRM · 演示客户管理系统<a href="/crm/accounts">Accounts 客户</a><a href="/mail/inbox">Mail 邮件</a></header>${body}</body></html>`;
}

const mails = [
  {
    id: 't1',
    customer: 1,
    subject: '关于 10 月货款的付款安排',
    body: '王经理您好：\n\n我司财务下周五安排付款 12.4万，请查收。另外发票号 031000100 的验收单已签字。\n\n陈静\n财务经理',
  },
  {
    id: 't2',
    customer: 6,
    subject: 'Re: Overdue invoices INV-20510',
    body: 'Hi Emily,\n\nWe will remit $12,400 for INV-20510 by the 25th. Sorry for the delay — our AP run slipped.\n\nBest,\nSarah Miller\nAP Manager',
  },
  {
    id: 't3',
    customer: 10,
    subject: '发票抬头问题',
    body: '您好，贵司开具的发票抬头不对，请重开发票后我们再走付款流程。\n\n许晴',
  },
  {
    id: 't4',
    customer: 6,
    subject: 'INV-20511: quantity billed does not match delivery',
    body: 'Hi Emily,\n\nThe amount on invoice INV-20511 is wrong: we received 40 units, not 50. Please send a corrected invoice; we cannot pay it as billed.\n\nBest,\nSarah Miller\nAP Manager',
  },
];

/** `now`: the demo's clock (the real one for `npm run demo`, the tests' pinned one for the browser tests). */
export function renderDemoPage(url: URL, now: Date): string | null {
  const data = buildDemoPortfolio(toIsoDay(now), now.getTime());
  const p = url.pathname.replace(/\/+$/, '') || '/';
  if (p === '/' || p === '/crm' || p === '/crm/accounts') {
    const rows = data.customers
      .map(
        (c, i) =>
          `<tr><td><a href="/crm/accounts/${demoRecordId(i + 1)}">${esc(c.name)}</a></td><td>${esc(c.owner ?? '')}</td></tr>`,
      )
      .join('');
    return shell(
      'Accounts',
      `<div class="list"><h1>Accounts 客户</h1><table><tr><th>Name 名称</th><th>Owner 负责人</th></tr>${rows}</table></div>`,
    );
  }
  const rec = p.match(/^\/crm\/accounts\/(ACC-\d{4})$/);
  if (rec) {
    const n = Number(rec[1].slice(4));
    const c = data.customers[n - 1];
    if (!c) return null;
    const contacts = data.contacts.filter((x) => x.customerId === c.id);
    const people = contacts
      .map(
        (x) =>
          `<tr><td>${esc(x.name)}</td><td>${esc(x.title ?? '')}</td><td><a href="mailto:${esc(x.email ?? '')}">${esc(x.email ?? '')}</a></td></tr>`,
      )
      .join('');
    return shell(
      `${c.name} | Account | Demo CRM`,
      `<main data-record-id="${rec[1]}">
<div class="meta">Account 客户 · ${rec[1]}</div>
<h1 data-field="account-name">${esc(c.name)}</h1>
<dl><dt>Owner 负责人</dt><dd>${esc(c.owner ?? '')}</dd><dt>Website 网址</dt><dd>${esc(c.domains[0] ?? '')}</dd></dl>
<h2>Contacts 联系人</h2><table>${people}</table></main>`,
    );
  }
  if (p === '/mail' || p === '/mail/inbox') {
    const rows = mails
      .map(
        (m) =>
          `<tr><td><a href="/mail/thread/${m.id}">${esc(m.subject)}</a></td><td>${esc(data.customers[m.customer - 1].name)}</td></tr>`,
      )
      .join('');
    return shell(
      'Inbox',
      `<div class="list"><h1>Inbox 收件箱</h1><table>${rows}</table><p><a href="/mail/compose">Compose 写邮件</a></p></div>`,
    );
  }
  const th = p.match(/^\/mail\/thread\/(\w+)$/);
  if (th) {
    const m = mails.find((x) => x.id === th[1]);
    if (!m) return null;
    const c = data.customers[m.customer - 1];
    const from = data.contacts.find((x) => x.customerId === c.id)!;
    const sent = new Date(Date.now() - 2 * 3600e3).toISOString();
    return shell(
      m.subject,
      `<main><article data-message>
<h2 data-subject>${esc(m.subject)}</h2>
<div class="meta"><span data-sender-name>${esc(from.name)}</span> &lt;<span data-sender-email>${esc(from.email ?? '')}</span>&gt; · <time data-sent datetime="${sent}">${esc(sent)}</time></div>
<div data-body>${esc(m.body)}</div></article></main>`,
    );
  }
  if (p === '/mail/compose') {
    return shell(
      'Compose',
      `<main><div data-compose><label>To 收件人 <input data-to value="finance@yunfan-tech.example.cn"></label>
<h2>New message 新邮件</h2><textarea data-compose-body rows="12" style="width:100%"></textarea></div></main>`,
    );
  }
  return null;
}
