/** Account snapshots for the playbook tests: one customer, built up fact by fact. */
import {
  defaultSettings,
  type Activity,
  type AccountSnapshot,
  type Contact,
  type OpenReceivable,
  type PaymentProcessProfile,
  type PaymentPromise,
} from '@/lib/domain';
import { addDays } from '@/lib/ledger/dates';

export const NOW = new Date('2026-11-22T10:00:00');
export const TODAY = '2026-11-22';
export const ago = (days: number, from = TODAY) => addDays(from, -days);

export function rec(n: number, due: string, minor = 50_000_00, extra: Partial<OpenReceivable> = {}): OpenReceivable {
  return {
    id: `r${n}`,
    customerId: 'c',
    docNumber: `INV-${n}`,
    kind: 'invoice',
    issueDate: addDays(due, -30),
    dueDate: due,
    amount: { minor, currency: 'CNY' },
    writtenOff: 0,
    status: 'open',
    disputed: false,
    selfQuestions: {},
    interruptions: [],
    evidence: [],
    updatedAt: 0,
    openMinor: minor,
    ...extra,
  };
}

export const contact = (id: string, name: string, title: string, personality?: Contact['personality']): Contact => ({
  id,
  customerId: 'c',
  name,
  title,
  ...(personality ? { personality } : {}),
  updatedAt: 0,
});

/** A fully answered nine-question profile: initiator and signer known, so the engine does not ask for them. */
export const fullProfile = (initiator = 'p1', signer = 'p1'): PaymentProcessProfile => ({
  customerId: 'c',
  collectionTrigger: '验收单签字后',
  amountNote: '已确认',
  budgetRequired: false,
  budgetCycle: 'none',
  initiatorContactId: initiator,
  signerContactId: signer,
  keyPeople: [{ contactId: signer, role: '审批人' }],
  invoicingRequirements: '增值税专用发票',
  bookClosingDay: 25,
  bank: '工商银行',
  transferDays: 2,
  fundingAndCredit: '正常',
  updatedAt: 0,
});

export const promise = (date: string, status: PaymentPromise['status'], minor = 30_000_00): PaymentPromise => ({
  id: `pr-${date}`,
  customerId: 'c',
  amount: { minor, currency: 'CNY' },
  date,
  source: 'call',
  status,
  coveredMinor: 0,
  receivableIds: [],
  createdAt: 0,
  updatedAt: 0,
});

export const activity = (date: string, channel: Activity['channel'], outcome: Activity['outcome']): Activity => ({
  id: `a-${date}-${channel}-${outcome}`,
  customerId: 'c',
  date,
  channel,
  techniqueIds: [],
  outcome,
  receivableIds: [],
  createdAt: 0,
});

export function account(
  p: Omit<Partial<AccountSnapshot>, 'customer'> & { customer?: Partial<AccountSnapshot['customer']> } = {},
): AccountSnapshot {
  const { customer, ...rest } = p;
  return {
    contacts: [contact('p1', '陈静', '财务经理')],
    receivables: [],
    payments: [],
    promises: [],
    activities: [],
    profile: fullProfile(),
    preparations: { customerId: 'c', checked: [1, 2, 3, 4, 5], updatedAt: 0 },
    settings: defaultSettings(),
    ...rest,
    customer: {
      id: 'c',
      name: '杭州云帆科技有限公司',
      aliases: [],
      domains: [],
      crmLinks: [],
      type: 'enterprise',
      tags: [],
      createdAt: 0,
      updatedAt: 0,
      ...customer,
    },
  };
}

export const withCompany = (a: AccountSnapshot): AccountSnapshot => ({
  ...a,
  settings: {
    ...a.settings,
    ourCompany: {
      name: '回款科技有限公司',
      nameEn: 'Huikuan Technology Co., Ltd.',
      bankName: '中国工商银行杭州分行',
      bankAccount: '6222 0212 3456 7890',
      accountName: '回款科技有限公司',
      contactName: '王磊',
      contactPhone: '138 0000 1234',
    },
  },
});
