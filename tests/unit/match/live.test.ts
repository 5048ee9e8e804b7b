import { CustomerIndex, type MatchQuery } from '../../../lib/match';
import { changedCustomerIds, createLiveMatcher, type LiveCustomer } from '../../../lib/match/live';
import { RangeSet } from 'dexie';

const base: LiveCustomer[] = [
  {
    id: 'vanke',
    name: '万科企业股份有限公司',
    aliases: ['万科'],
    domains: ['vanke.com'],
    crmLinks: [{ site: 'salesforce', recordId: '001Dn00000ABCDEIA4' }],
    updatedAt: 1,
  },
  {
    id: 'yunfan',
    name: '杭州云帆科技有限公司',
    aliases: [],
    domains: ['yunfan-tech.example.cn'],
    crmLinks: [{ site: 'demo-crm', recordId: 'ACC-0001' }],
    updatedAt: 2,
  },
  { id: 'zhenye', name: '深圳市振业(集团)股份有限公司', aliases: [], domains: [], crmLinks: [], updatedAt: 3 },
  {
    id: 'acme',
    name: 'Acme Corporation',
    aliases: ['ACME'],
    domains: ['acme.example.com'],
    crmLinks: [{ site: 'hubspot', recordId: '456' }],
    updatedAt: 4,
  },
  {
    id: 'northwind',
    name: 'Northwind Traders',
    aliases: [],
    domains: ['northwind.example.com'],
    crmLinks: [],
    updatedAt: 5,
  },
];

const queries: MatchQuery[] = [
  { name: '万科' },
  { name: '万科企业' },
  { name: '深振业' },
  { name: '云帆科技' },
  { name: 'Acme Corp' },
  { name: 'Acme Trading' },
  { name: 'Northwind' },
  { name: 'Southwind Traders' },
  { name: '北京云帆科技有限公司' },
  { name: 'Globex' },
  { emails: ['ap@mail.vanke.com'] },
  { emails: ['x@northwind.example.com'] },
  { emails: ['x@globex.example.com'] },
  { site: 'salesforce', recordId: '001Dn00000ABCDE' },
  { site: 'demo-crm', recordId: 'ACC-0001' },
  { site: 'hubspot', recordId: '789' },
];
const answers = (ix: CustomerIndex) => queries.map((q) => ix.match(q));

describe('CustomerIndex kept up to date in place', () => {
  test('after edits, additions and removals it answers as a fresh build over the same customers', () => {
    const ix = new CustomerIndex(base);
    answers(ix); // builds the fuzzy postings, which every edit below must drop
    const renamed = { ...base[1], name: '杭州云帆智能有限公司', domains: ['yunfan.example.cn'], crmLinks: [] };
    ix.upsert(renamed);
    ix.remove('acme');
    const added = {
      id: 'globex',
      name: 'Globex Trading Co., Ltd.',
      aliases: ['环球贸易'],
      domains: ['globex.example.com'],
      crmLinks: [{ site: 'hubspot', recordId: '789' }],
    };
    ix.upsert(added);
    ix.upsert({ ...base[0], aliases: [] });
    ix.remove('nobody');
    // An edited customer keeps its place; a new one comes last (as a fresh read in arrival order would have it).
    const now = [{ ...base[0], aliases: [] }, renamed, base[2], base[4], added];
    expect(ix.size).toBe(5);
    expect(answers(ix)).toEqual(answers(new CustomerIndex(now)));
    // What the edits changed, concretely.
    expect(ix.match({ site: 'demo-crm', recordId: 'ACC-0001' })).toEqual([]);
    expect(ix.match({ emails: ['ap@yunfan-tech.example.cn'] })).toEqual([]);
    expect(ix.match({ emails: ['ap@yunfan.example.cn'] })[0]).toMatchObject({
      customerId: 'yunfan',
      reason: 'email-domain',
    });
    expect(ix.match({ name: 'ACME' })).toEqual([]);
    expect(ix.match({ site: 'hubspot', recordId: '789' })[0]).toMatchObject({
      customerId: 'globex',
      reason: 'crm-link',
    });
    expect(ix.match({ name: '环球贸易' })[0]).toMatchObject({ customerId: 'globex', reason: 'name' });
    expect(ix.nameOf('yunfan')).toBe('杭州云帆智能有限公司');
    expect(ix.nameOf('acme')).toBeUndefined();
  });

  test('two customers sharing a domain: removing one keeps the other findable', () => {
    const ix = new CustomerIndex([
      { id: 'a', name: 'Alpha Ltd', domains: ['shared.example.com'] },
      { id: 'b', name: 'Beta Ltd', domains: ['shared.example.com'] },
    ]);
    ix.remove('a');
    expect(ix.match({ emails: ['x@shared.example.com'] }).map((m) => m.customerId)).toEqual(['b']);
  });

  test('the fuzzy postings are built in slices, and a query that needs them before they are done completes them', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, name: `Customer ${i} Trading Co., Ltd.` }));
    const ix = new CustomerIndex(many);
    expect(ix.fuzzyReady).toBe(false);
    // An exact name needs no fuzzy postings.
    expect(ix.match({ name: 'Customer 5 Trading' })[0]).toMatchObject({ customerId: 'c5', reason: 'name' });
    expect(ix.fuzzyReady).toBe(false);
    expect(ix.buildFuzzySlice(300)).toBe(false);
    expect(ix.buildFuzzySlice(300)).toBe(false);
    const fuzzy = ix.match({ name: 'Customer 999 Tradin' });
    expect(ix.fuzzyReady).toBe(true);
    expect(fuzzy).toEqual(new CustomerIndex(many).match({ name: 'Customer 999 Tradin' }));
    expect(fuzzy[0]).toMatchObject({ customerId: 'c999', reason: 'fuzzy-name' });
    // An edit in the middle of a sliced build starts it again over the new content.
    ix.upsert({ id: 'c999', name: 'Renamed Holdings' });
    expect(ix.buildFuzzySlice(500)).toBe(false);
    ix.upsert({ id: 'c1000', name: 'Customer 999 Tradin Partners' });
    while (!ix.buildFuzzySlice(500));
    expect(ix.match({ name: 'Customer 999 Tradin' })).toEqual(
      new CustomerIndex([
        ...many.slice(0, 999),
        { id: 'c999', name: 'Renamed Holdings' },
        { id: 'c1000', name: 'Customer 999 Tradin Partners' },
      ]).match({ name: 'Customer 999 Tradin' }),
    );
  });
});

describe('changedCustomerIds (Dexie storagemutated notices)', () => {
  const part = 'idb://huikuan/customers/';
  test('a few written keys are named, also in a structured-clone copy of the RangeSet', () => {
    const set = new RangeSet().addKeys(['c2', 'c1', 'c3']);
    expect((changedCustomerIds({ [part]: set }, 'huikuan') as string[]).sort()).toEqual(['c1', 'c2', 'c3']);
    expect((changedCustomerIds({ [part]: structuredClone({ ...set }) }, 'huikuan') as string[]).sort()).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
  });
  test('a range (clear, bulk write) or a notice for everything means all; other stores mean nothing', () => {
    expect(changedCustomerIds({ [part]: new RangeSet(-Infinity, [[]]) }, 'huikuan')).toBe('all');
    expect(changedCustomerIds({ [part]: new RangeSet('a', 'c') }, 'huikuan')).toBe('all');
    expect(changedCustomerIds({ all: new RangeSet(-Infinity, [[]]) }, 'huikuan')).toBe('all');
    expect(
      changedCustomerIds({ 'idb://huikuan/receivables/': new RangeSet().addKeys(['r1']) }, 'huikuan'),
    ).toBeUndefined();
    expect(changedCustomerIds({ 'idb://other/customers/': new RangeSet().addKeys(['c1']) }, 'huikuan')).toBeUndefined();
    expect(changedCustomerIds({ [part]: new RangeSet() }, 'huikuan')).toEqual([]);
    expect(
      changedCustomerIds({ [part]: new RangeSet().addKeys(Array.from({ length: 600 }, (_, i) => `c${i}`)) }, 'huikuan'),
    ).toBe('all');
  });
});

describe('createLiveMatcher', () => {
  function store(initial: LiveCustomer[]) {
    const rows = new Map(initial.map((c) => [c.id, c]));
    const reads = { all: 0, some: [] as string[][] };
    let gate: Promise<void> = Promise.resolve();
    const source = {
      async readAll() {
        reads.all++;
        await gate;
        return [...rows.values()];
      },
      async readSome(ids: string[]) {
        reads.some.push(ids);
        await gate;
        return ids.map((id) => rows.get(id));
      },
      async stamp() {
        return { count: rows.size, lastUpdatedAt: Math.max(0, ...[...rows.values()].map((c) => c.updatedAt ?? 0)) };
      },
    };
    const timers: Array<[() => void, number]> = [];
    const run = () => {
      while (timers.length) timers.shift()![0]();
    };
    const hold = () => {
      let open!: () => void;
      gate = new Promise((r) => {
        open = r;
      });
      return () => {
        gate = Promise.resolve();
        open();
      };
    };
    return {
      rows,
      reads,
      source,
      timers,
      run,
      hold,
      setTimeout: (fn: () => void, ms: number) => void timers.push([fn, ms]),
    };
  }

  test('the first request waits for the first read; edits re-read only the customers named', async () => {
    const s = store(base);
    const changed: unknown[] = [];
    const live = createLiveMatcher(s.source, { setTimeout: s.setTimeout, onChanged: (ids) => changed.push(ids) });
    expect((await live.current()).match({ name: '万科' })[0]).toMatchObject({ customerId: 'vanke', reason: 'name' });
    expect(s.reads.all).toBe(1);
    s.rows.set('yunfan', { ...base[1], crmLinks: [{ site: 'demo-crm', recordId: 'ACC-0002' }], updatedAt: 9 });
    s.rows.delete('acme');
    live.changed(['yunfan', 'acme']);
    const ix = await live.current();
    expect(ix.match({ site: 'demo-crm', recordId: 'ACC-0002' })[0]).toMatchObject({ customerId: 'yunfan' });
    expect(ix.match({ name: 'ACME' })).toEqual([]);
    expect(s.reads).toEqual({ all: 1, some: [['yunfan', 'acme']] });
    // Said once the fuzzy postings are rebuilt, both changes at once.
    expect(changed).toEqual([]);
    s.run();
    expect(ix.fuzzyReady).toBe(true);
    expect(changed).toEqual(['all']);
    live.changed(['vanke']);
    await live.current();
    s.run();
    expect(changed).toEqual(['all', ['vanke']]);
  });

  test('the fuzzy postings are built in the idle slices, not by the request', async () => {
    const s = store(base);
    const live = createLiveMatcher(s.source, { setTimeout: s.setTimeout, sliceSize: 2 });
    const ix = await live.current();
    expect(ix.fuzzyReady).toBe(false);
    s.run();
    expect(ix.fuzzyReady).toBe(true);
  });

  test('a bulk write is re-read once its burst settles, or at once when a request comes; the request sees it', async () => {
    const s = store(base);
    const live = createLiveMatcher(s.source, { setTimeout: s.setTimeout, bulkDelayMs: 300 });
    await live.current();
    s.rows.clear();
    s.rows.set('globex', { id: 'globex', name: 'Globex', domains: ['globex.example.com'], updatedAt: 10 });
    live.changed('all');
    live.changed('all');
    expect(s.reads.all).toBe(1);
    const ix = await live.current();
    expect(s.reads.all).toBe(2);
    expect(ix.size).toBe(1);
    expect(ix.match({ emails: ['x@globex.example.com'] })[0]).toMatchObject({ customerId: 'globex' });
    s.run(); // the debounce timer fires late: nothing more to read
    await live.current();
    expect(s.reads.all).toBe(2);
  });

  test('a request waits for a re-read in flight, not for later ones', async () => {
    const s = store(base);
    const live = createLiveMatcher(s.source, { setTimeout: s.setTimeout });
    await live.current();
    const open = s.hold();
    s.rows.set('vanke', { ...base[0], name: '万科集团', aliases: [], updatedAt: 20 });
    live.changed(['vanke']);
    let answered = false;
    const pending = live.current().then((ix) => {
      answered = true;
      return ix;
    });
    await Promise.resolve();
    expect(answered).toBe(false);
    open();
    expect((await pending).match({ name: '万科集团' })[0]).toMatchObject({ customerId: 'vanke', reason: 'name' });
  });

  test('verify re-reads only when the store holds something the index missed', async () => {
    const s = store(base);
    const live = createLiveMatcher(s.source, { setTimeout: s.setTimeout, bulkDelayMs: 0 });
    await live.current();
    live.verify();
    await new Promise((r) => setTimeout(r, 0));
    s.run();
    await live.current();
    expect(s.reads.all).toBe(1);
    // Written without a notice (a context whose notices were lost).
    s.rows.set('initech', { id: 'initech', name: 'Initech', updatedAt: 30 });
    live.verify();
    await new Promise((r) => setTimeout(r, 0));
    s.run();
    const ix = await live.current();
    expect(s.reads.all).toBe(2);
    expect(ix.match({ name: 'Initech' })[0]).toMatchObject({ customerId: 'initech' });
  });
});
