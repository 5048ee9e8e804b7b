import { buildCustomerIndex, domainOf, isFreeMailDomain, matchCustomer } from '../../../lib/match';

const customers = [
  {
    id: 'vanke',
    name: '万科企业股份有限公司',
    aliases: ['万科', 'China Vanke Co., Ltd.'],
    domains: ['vanke.com'],
    crmLinks: [{ site: 'salesforce', recordId: '001Dn00000ABCDEIA4' }],
  },
  {
    id: 'yunfan',
    name: '杭州云帆科技有限公司',
    aliases: [],
    domains: ['https://www.yunfan-tech.example.cn/'],
    crmLinks: [{ site: 'demo-crm', recordId: 'ACC-0001' }],
  },
  { id: 'yunfan-bj', name: '北京云帆科技有限公司', aliases: [], domains: ['yunfan-bj.example.cn'], crmLinks: [] },
  { id: 'zhenye', name: '深圳市振业(集团)股份有限公司', aliases: [], domains: [], crmLinks: [] },
  {
    id: 'acme',
    name: 'Acme Corporation',
    aliases: ['ACME'],
    domains: ['acme.example.com', 'qq.com'],
    crmLinks: [{ site: 'hubspot', recordId: '456' }],
  },
  { id: 'acme2', name: 'Acme Inc.', aliases: [], domains: [], crmLinks: [] },
  { id: 'northwind', name: 'Northwind Traders', aliases: [], domains: ['northwind.example.com'], crmLinks: [] },
];

describe('helpers', () => {
  test('domainOf', () => {
    expect(domainOf('Sarah@Northwind.Example.com')).toBe('northwind.example.com');
    expect(domainOf('Sarah <sarah@x.example.com>')).toBe('x.example.com');
    expect(domainOf('nope')).toBeUndefined();
    expect(domainOf('a@localhost')).toBeUndefined();
  });
  test.each([
    'gmail.com',
    'QQ.com',
    'foxmail.com',
    '163.com',
    '126.com',
    'yeah.net',
    'sina.com',
    'aliyun.com',
    '139.com',
    'outlook.com',
    'hotmail.co.uk',
    'yahoo.co.jp',
    'gmx.de',
    'gmx.net',
    'icloud.com',
    'proton.me',
    'protonmail.com',
  ])('free mail: %s', (d) => {
    expect(isFreeMailDomain(d)).toBe(true);
  });
  test.each(['vanke.com', 'acme.example.com', 'mail.163.com.evil.example', 'qq.com.cn'])('not free mail: %s', (d) => {
    expect(isFreeMailDomain(d)).toBe(false);
  });
});

describe('matchCustomer', () => {
  test('an exact CRM link scores 1', () => {
    expect(matchCustomer({ site: 'salesforce', recordId: '001Dn00000ABCDEIA4' }, customers)[0]).toEqual({
      customerId: 'vanke',
      score: 1,
      reason: 'crm-link',
    });
    // Salesforce 15- and 18-character ids name the same record.
    expect(matchCustomer({ site: 'salesforce', recordId: '001Dn00000ABCDE' }, customers)[0]?.customerId).toBe('vanke');
    expect(matchCustomer({ site: 'hubspot', recordId: '001Dn00000ABCDEIA4' }, customers)).toEqual([]);
  });

  test('link beats domain beats name beats fuzzy', () => {
    const r = matchCustomer(
      { site: 'demo-crm', recordId: 'ACC-0001', emails: ['ap@northwind.example.com'], name: 'Acme Corp' },
      customers,
    );
    expect(r.map((x) => [x.customerId, x.reason])).toEqual([
      ['yunfan', 'crm-link'],
      ['northwind', 'email-domain'],
      ['acme', 'name'],
      ['acme2', 'name'],
    ]);
    expect(r[0].score).toBe(1);
    expect(r[1].score).toBe(0.95);
    expect(r[2].score).toBe(0.9);
    const f = matchCustomer(
      { name: '万科' },
      customers.filter((c) => c.id !== 'vanke').concat({ ...customers[0], aliases: [] }),
    );
    expect(f[0]).toMatchObject({ customerId: 'vanke', reason: 'fuzzy-name' });
    expect(f[0].score).toBeGreaterThan(0.5);
    expect(f[0].score).toBeLessThan(0.85);
  });

  test('e-mail domains: subdomains match their parent; free mail never identifies a company', () => {
    expect(matchCustomer({ emails: ['cw@mail.yunfan-tech.example.cn'] }, customers)[0]).toMatchObject({
      customerId: 'yunfan',
      reason: 'email-domain',
      score: 0.95,
    });
    expect(matchCustomer({ emails: ['someone@qq.com', 'x@gmail.com'] }, customers)).toEqual([]);
    expect(matchCustomer({ emails: ['x@vanke.com.evil.example'] }, customers)).toEqual([]);
  });

  test('names compare after normalisation, aliases included', () => {
    expect(matchCustomer({ name: '萬科企業股份有限公司' }, customers)[0]).toMatchObject({
      customerId: 'vanke',
      reason: 'name',
      score: 0.9,
    });
    expect(matchCustomer({ name: 'CHINA VANKE CO.,LTD' }, customers)[0]).toMatchObject({
      customerId: 'vanke',
      reason: 'name',
    });
    expect(matchCustomer({ name: '万科' }, customers)[0]).toMatchObject({ customerId: 'vanke', reason: 'name' });
    expect(matchCustomer({ name: '深圳市振业股份有限公司' }, customers)[0]).toMatchObject({
      customerId: 'zhenye',
      reason: 'name',
    });
  });

  test('ambiguity returns several candidates', () => {
    const r = matchCustomer({ name: 'ACME' }, customers);
    expect(
      r
        .filter((x) => x.score >= 0.9)
        .map((x) => x.customerId)
        .sort(),
    ).toEqual(['acme', 'acme2']);
    const y = matchCustomer({ name: '云帆科技' }, customers);
    expect(y.map((x) => x.customerId).sort()).toEqual(['yunfan', 'yunfan-bj']);
    expect(y.every((x) => x.reason === 'fuzzy-name')).toBe(true);
  });

  test('Chinese short names that are not substrings (深振业) still find the full name', () => {
    const r = matchCustomer({ name: '深振业' }, customers);
    expect(r[0]).toMatchObject({ customerId: 'zhenye', reason: 'fuzzy-name' });
  });

  test('unrelated names and empty queries match nothing', () => {
    expect(matchCustomer({ name: 'Totally Different Ltd' }, customers)).toEqual([]);
    expect(matchCustomer({}, customers)).toEqual([]);
    expect(matchCustomer({ name: '' }, [])).toEqual([]);
  });

  test('scores stay in [0, 1] and results are sorted best first', () => {
    const r = matchCustomer(
      { name: 'Acme', emails: ['a@acme.example.com'], site: 'hubspot', recordId: '456' },
      customers,
    );
    expect(r[0]).toEqual({ customerId: 'acme', score: 1, reason: 'crm-link' });
    for (let i = 1; i < r.length; i++) expect(r[i - 1].score).toBeGreaterThanOrEqual(r[i].score);
    for (const x of r) expect(x.score).toBeGreaterThanOrEqual(0.5);
  });
});

describe('CustomerIndex at 10 000 customers', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => ({
    id: `c${i}`,
    name: i % 2 ? `Customer ${i} Trading Co., Ltd.` : `${['北京', '上海', '深圳', '杭州'][i % 4]}客户${i}科技有限公司`,
    aliases: i % 10 === 0 ? [`客户${i}`] : [],
    domains: [`c${i}.example.com`],
    crmLinks: [{ site: 'salesforce', recordId: `001Dn0000${String(i).padStart(6, '0')}AAA` }],
  }));
  const index = buildCustomerIndex(many);

  // How fast it answers is measured by `npm run bench` (matcher at 10,000 customers), not here.
  test('finds each customer by name, e-mail domain and CRM link among 10,000', () => {
    expect(index.match({ name: '深圳客户4242科技有限公司' })[0]).toMatchObject({ customerId: 'c4242', reason: 'name' });
    expect(index.match({ emails: ['ap@mail.c1234.example.com'] })[0]).toMatchObject({
      customerId: 'c1234',
      reason: 'email-domain',
    });
    expect(index.match({ site: 'salesforce', recordId: '001Dn0000009999AAA' })[0]).toMatchObject({
      customerId: 'c9999',
      reason: 'crm-link',
    });
  });
});
