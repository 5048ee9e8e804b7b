import { filterReceivables, sortReceivables } from '@/components/sidepanel/Receivables';
import { prepareCustomerSearch, searchCustomers } from '@/lib/match/search';
import { customerFromPage, recognitionText } from '@/components/sidepanel/CustomerHeader';
import { draftToProfile, profileToDraft } from '@/components/sidepanel/NineQuestions';
import { applyDraft } from '@/components/sidepanel/AccountFacts';
import { allocate, nineQuestionAnswered } from '@/lib/ledger';
import { translator } from '@/lib/i18n';
import { panelStore, today } from '../support/panelStore';

const store = panelStore();
const c1 = allocate(
  store.receivables.filter((r) => r.customerId === 'c1'),
  store.payments,
);

describe('receivable filters and sorting', () => {
  it.each([
    ['open', ['r1', 'r2', 'r3', 'r4']],
    ['overdue', ['r1', 'r2', 'r4']],
    ['paid', ['r5']],
    ['disputed', []],
    ['all', ['r1', 'r2', 'r3', 'r4', 'r5']],
  ] as const)('%s', (filter, ids) => {
    expect(
      filterReceivables(c1, filter, today)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...ids].sort());
  });
  it('finds by document number', () => {
    expect(filterReceivables(c1, 'all', today, 'us-').map((r) => r.id)).toEqual(['r4']);
  });
  it('sorts by due date, open amount and document number in both directions, numbers in natural order', () => {
    expect(sortReceivables(c1, 'due', false).map((r) => r.id)).toEqual(['r5', 'r1', 'r4', 'r2', 'r3']);
    expect(sortReceivables(c1, 'open', true).map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    const docs = [
      { ...c1[0], docNumber: 'INV-10' },
      { ...c1[1], docNumber: 'INV-9' },
    ];
    expect(sortReceivables(docs, 'doc', false).map((r) => r.docNumber)).toEqual(['INV-9', 'INV-10']);
  });
});

describe('customer search ranking', () => {
  const prepared = prepareCustomerSearch(store.customers);
  it('puts a prefix before a substring before a similar name, and finds aliases and domains', () => {
    expect(searchCustomers(prepared, 'acme')[0].id).toBe('c1');
    expect(searchCustomers(prepared, 'trading')[0].id).toBe('c1');
    expect(searchCustomers(prepared, '云帆')[0].id).toBe('c2');
    expect(searchCustomers(prepared, 'acme.example')[0].id).toBe('c1');
    expect(searchCustomers(prepared, 'Beta Logistic')[0].id).toBe('c3');
    expect(searchCustomers(prepared, 'Bta Logistcs')[0]?.id).toBe('c3');
    expect(searchCustomers(prepared, '')).toEqual([]);
    expect(searchCustomers(prepared, 'zzzz')).toEqual([]);
  });
});

describe('customer from the page', () => {
  it("takes a CRM record's name, and on a mail page the proposed company, never the person or a free-mail domain", () => {
    const crm = customerFromPage(
      { site: 'salesforce', kind: 'record', emails: ['ap@qq.com', 'li@yunfan.example'], name: '杭州云帆' },
      1,
    )!;
    expect(crm).toMatchObject({ name: '杭州云帆', domains: ['yunfan.example'] });
    const mail = { site: 'gmail', kind: 'thread' as const, emails: ['ap@qq.com', 'li@yunfan.example'], name: '陈静' };
    expect(customerFromPage(mail, 1)).toBeNull();
    expect(
      customerFromPage(mail, 1, {
        kind: 'new',
        name: '杭州云帆科技有限公司',
        domain: 'yunfan.example',
        from: 'signature',
      }),
    ).toMatchObject({ name: '杭州云帆科技有限公司', domains: ['yunfan.example'] });
    expect(
      customerFromPage(mail, 1, { kind: 'existing', customerId: 'c1', name: 'x', domain: 'yunfan.example' }),
    ).toBeNull();
    expect(
      customerFromPage({ site: 'gmail', kind: 'thread', emails: ['someone@gmail.com'], name: 'Someone' }, 1),
    ).toBeNull();
  });
  it('says how the customer was recognised, in both languages', () => {
    const ctx = { site: 'salesforce', kind: 'record' as const, recordId: '001X', emails: [], name: 'Acme' };
    const m = { customerId: 'c1', score: 1, reason: 'crm-link' };
    expect(recognitionText({ kind: 'tab', match: m }, ctx, translator('en', 'sidepanel'))).toBe(
      'Linked to salesforce record 001X',
    );
    expect(
      recognitionText(
        { kind: 'tab', match: { ...m, reason: 'fuzzy-name', score: 0.86 } },
        ctx,
        translator('zh', 'sidepanel'),
      ),
    ).toBe('与“Acme”相似（86%）');
  });
});

describe('form drafts', () => {
  it('round-trips the nine questions and counts what is answered', () => {
    const d = profileToDraft(undefined, 'CNY');
    expect(nineQuestionAnswered(draftToProfile('c1', d, 1)).filter(Boolean)).toHaveLength(0);
    const p = draftToProfile(
      'c1',
      {
        ...d,
        amount: '1234.5',
        budgetRequired: 'no',
        signerContactId: 'k1',
        bookClosingDay: '25',
        keyPeople: [{ contactId: '', role: 'x', ourOwner: '' }],
      },
      1,
    );
    expect(p.amountToCollect).toEqual({ minor: 123450, currency: 'CNY' });
    expect(p.keyPeople).toEqual([]);
    expect(nineQuestionAnswered(p).filter(Boolean)).toHaveLength(4);
    expect(profileToDraft(p, 'CNY')).toMatchObject({
      amount: '1234.5',
      budgetRequired: 'no',
      signerContactId: 'k1',
      bookClosingDay: '25',
    });
  });
  it('writes a credit limit in the currency’s own minor units', () => {
    const c = store.customers[0];
    const base = {
      delinquencyType: '',
      creditRating: 'B',
      nextCreditReview: '',
      creditLimit: '1000',
      creditCurrency: 'jpy',
      type: 'enterprise' as const,
      fiscalYearStartMonth: '',
      owner: ' ',
    };
    expect(applyDraft(c, base, 5)).toMatchObject({
      creditLimit: { minor: 1000, currency: 'JPY' },
      creditRating: 'B',
      owner: undefined,
      updatedAt: 5,
    });
    expect(applyDraft(c, { ...base, creditLimit: '', creditCurrency: 'CNY' }, 5).creditLimit).toBeUndefined();
    expect(applyDraft(c, { ...base, creditLimit: '12.4万', creditCurrency: 'cny' }, 5).creditLimit).toEqual({
      minor: 12_400_000,
      currency: 'CNY',
    });
  });
});
