/**
 * A synthetic portfolio at a given scale, shaped like a finance team's book: customers with 1–60 receivables
 * (skewed), CNY and USD, due dates over two years, partial payments, promises and activities. Deterministic for a
 * seed. Nothing in the product knows about this generator.
 */
import type { StoreContents } from '../lib/db/repo';
import type { Channel } from '../lib/domain';
import { addDays } from '../lib/ledger/dates';
import { seededRandom } from '../lib/demo/random';

const syllables = [
  '华',
  '兴',
  '安',
  '达',
  '通',
  '恒',
  '泰',
  '瑞',
  '信',
  '和',
  '丰',
  '源',
  '联',
  '创',
  '科',
  '德',
  '佳',
  '宏',
  '远',
  '鼎',
];
const cities = ['北京', '上海', '广州', '深圳', '杭州', '南京', '成都', '武汉', '西安', '苏州', '天津', '重庆'];
const trades = ['科技', '贸易', '电子', '物流', '机械', '医药', '建材', '食品', '能源', '材料'];
const channels: Channel[] = ['phone', 'email', 'visit', 'im', 'statement', 'written-notice', 'finance-letter'];

export interface Scale {
  customers: number;
  receivables: number;
  activities: number;
  label: string;
}
export const scales: Scale[] = [
  { label: '500 / 5k', customers: 500, receivables: 5_000, activities: 2_500 },
  { label: '5k / 50k', customers: 5_000, receivables: 50_000, activities: 25_000 },
  { label: '10k / 200k', customers: 10_000, receivables: 200_000, activities: 50_000 },
];

export function customerName(i: number, r = seededRandom(i + 1)): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  return `${pick(cities)}${pick(syllables)}${pick(syllables)}${pick(trades)}有限公司${i}`;
}

export function generatePortfolio(scale: Scale, today: string, seed = 7): StoreContents {
  const r = seededRandom(seed);
  const now = Date.parse(`${today}T09:00:00Z`);
  const out: StoreContents = {
    customers: [],
    contacts: [],
    receivables: [],
    payments: [],
    promises: [],
    activities: [],
    profiles: [],
    preparations: [],
  };
  for (let i = 0; i < scale.customers; i++) {
    const id = `c${i}`;
    out.customers.push({
      id,
      name: customerName(i),
      aliases: [],
      domains: [`c${i}.example.cn`],
      crmLinks: [{ site: 'demo-crm', recordId: `B-${i}` }],
      type: i % 50 === 0 ? 'government' : i % 7 === 0 ? 'state-owned' : 'enterprise',
      owner: `owner${i % 12}`,
      tags: [],
      createdAt: now,
      updatedAt: now,
    });
    out.contacts.push({
      id: `${id}-p1`,
      customerId: id,
      name: `联系人${i}`,
      title: '财务',
      email: `ap@c${i}.example.cn`,
      updatedAt: now,
    });
  }
  for (let k = 0; k < scale.receivables; k++) {
    // Skewed: low customer ids get more documents, as real books do.
    const ci = Math.floor(Math.pow(r(), 1.6) * scale.customers);
    const due = addDays(today, Math.round(60 - r() * 700));
    const cur = r() < 0.85 ? 'CNY' : 'USD';
    const amount = Math.round(5_000 + r() * 400_000) * 100;
    const id = `r${k}`;
    out.receivables.push({
      id,
      customerId: `c${ci}`,
      docNumber: String(10_000_000 + k).padStart(10, '0'),
      kind: 'invoice',
      issueDate: addDays(due, -30),
      dueDate: due,
      amount: { minor: amount, currency: cur },
      writtenOff: 0,
      status: 'open',
      disputed: r() < 0.02,
      selfQuestions: {},
      interruptions: [],
      evidence: [],
      updatedAt: now,
    });
    const roll = r();
    if (roll < 0.45) {
      const part = roll < 0.3 ? amount : Math.round(amount * 0.4);
      out.payments.push({
        id: `p${k}`,
        customerId: `c${ci}`,
        date: addDays(due, Math.round(r() * 90)),
        amount: { minor: part, currency: cur },
        allocations: [{ receivableId: id, minor: part }],
        updatedAt: now,
      });
    }
  }
  for (let i = 0; i < scale.customers / 2; i++) {
    const ci = Math.floor(r() * scale.customers);
    out.promises.push({
      id: `pr${i}`,
      customerId: `c${ci}`,
      amount: { minor: 1_000_000, currency: 'CNY' },
      date: addDays(today, Math.round(r() * 40 - 20)),
      source: 'call',
      status: 'pending',
      coveredMinor: 0,
      receivableIds: [],
      createdAt: now - 30 * 864e5,
      updatedAt: now,
    });
  }
  for (let i = 0; i < scale.activities; i++) {
    const ci = Math.floor(r() * scale.customers);
    out.activities.push({
      id: `a${i}`,
      customerId: `c${ci}`,
      date: addDays(today, -Math.round(r() * 300)),
      channel: channels[i % channels.length],
      techniqueIds: [1 + (i % 22)],
      outcome: 'other',
      nextDate: i % 10 === 0 ? addDays(today, Math.round(r() * 20)) : undefined,
      note: '跟进付款安排',
      receivableIds: [],
      createdAt: now,
    });
  }
  return out;
}
