/**
 * Schema version 11 opened on data written by version 9: a dispute on part of a document, recorded while version 9
 * was current, left the summary counting the whole document as undisputed (version 9's summaries read only the
 * document's `disputed` flag), and no summary knew the complaint channel's parties. The upgrade rewrites exactly
 * those summaries' disputed part and complaint facts, as a fresh rebuild computes them, and nothing else.
 */
import { HuikuanDb, versions } from '@/lib/db/schema';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { getPortfolio, rebuildAllSummaries, replaceAll } from '@/lib/db/repo';
import { allocate } from '@/lib/ledger';
import type { CustomerSummary } from '@/lib/domain';

const today = '2026-11-22';
const now = new Date(2026, 10, 22, 9, 30);

it('version 9 data: a partial dispute and a covered debtor get their summary facts; other summaries unchanged', async () => {
  const name = `mig11-${Math.random()}`;
  const data = buildDemoPortfolio(today, now.getTime());
  const v9 = new HuikuanDb(
    name,
    9,
    versions.filter((v) => v.version <= 9),
  );
  await v9.open();
  await replaceAll(v9, data, now);
  // A partial dispute and complaint terms as version 9 wrote them: the rows, and summaries without the disputed part
  // or the complaint facts (version 9's summaries had neither).
  const enterprise = data.customers.find(
    (c) =>
      c.type === 'enterprise' &&
      data.receivables.some((r) => r.customerId === c.id && r.kind === 'invoice' && r.status === 'open' && !r.disputed),
  )!;
  const ledger = (await v9.ledgers.get(enterprise.id))!;
  const doc = allocate(ledger.receivables, ledger.payments).find(
    (r) => r.kind === 'invoice' && r.openMinor > 1000 && !r.disputed,
  )!;
  const part = Math.floor(doc.openMinor / 4);
  await v9.disputes.put({
    id: 'd-1',
    customerId: enterprise.id,
    receivableId: doc.id,
    category: 'quality',
    disputedMinor: part,
    currency: doc.amount.currency,
    raisedOn: '2026-11-01',
    contractMakesItACondition: false,
    status: 'open',
    createdAt: 1,
    updatedAt: 1,
  });
  const gov = data.customers.find((c) => c.type === 'government')!;
  await v9.customerTerms.put({
    customerId: gov.id,
    weWereSme: true,
    debtorSize: 'unknown',
    publicInstitution: true,
    inCourt: false,
    interestInLetter: false,
    updatedAt: 1,
  });
  const v9Summaries = (await v9.summaries.toArray()).map((s) => {
    if (!s.ladder) return s;
    const { complaint: _c, ...ladder } = s.ladder;
    return { ...s, ladder };
  });
  await v9.summaries.bulkPut(v9Summaries);
  const portfolioBefore = await getPortfolio(v9);
  v9.close();

  const db = new HuikuanDb(name);
  await db.open();
  expect(db.verno).toBe(11);
  const upgraded = new Map((await db.summaries.toArray()).map((s) => [s.customerId, s]));
  const before = new Map(v9Summaries.map((s) => [s.customerId, s]));
  expect(upgraded.size).toBe(before.size);

  const e = upgraded.get(enterprise.id)!;
  const eBefore = before.get(enterprise.id)!;
  // The disputed part of the document, and only that part, is now held back.
  const disputedOn = (s: CustomerSummary) =>
    s
      .ladder!.disputedByDue.filter(([d, c]) => d === doc.dueDate && c === doc.amount.currency)
      .reduce((t, [, , m]) => t + m, 0);
  expect(disputedOn(e) - disputedOn(eBefore)).toBe(part);
  expect(e.disputedCount).toBe(eBefore.disputedCount + 1);
  expect(e.openByDue).toEqual(eBefore.openByDue);
  // The government customer's summary names the public institution; our SME status comes from its terms.
  expect(upgraded.get(gov.id)!.ladder!.complaint).toEqual({
    debtorKind: 'public-institution',
    weWereSme: true,
    inCourt: false,
  });
  // Customers with neither are untouched.
  for (const [id, s] of upgraded) {
    if (id === enterprise.id || customerType(id) === 'government') continue;
    expect(s, id).toEqual(before.get(id));
  }
  // The aggregate's count of disputed documents follows.
  expect((await getPortfolio(db)).disputed).toBe(portfolioBefore.disputed + 1);
  // And the upgrade computes what a fresh rebuild computes.
  await rebuildAllSummaries(db, now);
  const rebuilt = new Map((await db.summaries.toArray()).map((s) => [s.customerId, s]));
  for (const id of [enterprise.id, ...data.customers.filter((c) => c.type === 'government').map((c) => c.id)]) {
    expect(upgraded.get(id)!.ladder!.disputedByDue, id).toEqual(rebuilt.get(id)!.ladder!.disputedByDue);
    expect(upgraded.get(id)!.ladder!.complaint, id).toEqual(rebuilt.get(id)!.ladder!.complaint);
    expect(upgraded.get(id)!.disputedCount, id).toBe(rebuilt.get(id)!.disputedCount);
  }
  db.close();

  function customerType(id: string) {
    return data.customers.find((c) => c.id === id)!.type;
  }
});
