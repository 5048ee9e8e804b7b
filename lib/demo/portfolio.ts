/**
 * The built-in demo portfolio: 30 fictional customers (private firms, state-owned enterprises, two government
 * agencies, overseas buyers) with receivables in CNY and USD across every aging bucket, partial payments, a
 * dispute, promises kept, broken and pending, activities over the five tools, and nine-question profiles from
 * empty to complete. Dates are laid out relative to `today`, so the demo always looks like a live book.
 * Every name, domain and number here is invented.
 */
import type {
  Channel,
  Contact,
  Customer,
  CustomerType,
  PaymentProcessProfile,
  Preparations,
  Receivable,
} from '../domain';
import type { StoreContents } from '../db/repo';
import { addDays } from '../ledger/dates';
import { seededRandom } from './random';

interface Seed {
  name: string;
  aliases: string[];
  domain: string;
  type: CustomerType;
  owner: string;
  currency: 'CNY' | 'USD';
  contacts: Array<[string, string, Contact['personality']?]>;
  delinquencyType?: number;
}

const seeds: Seed[] = [
  {
    name: '杭州云帆科技有限公司',
    aliases: ['云帆科技', 'Yunfan Tech'],
    domain: 'yunfan-tech.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [
      ['陈静', '财务经理', 'loyalist'],
      ['刘洋', '采购总监', 'achiever'],
      ['周敏', '项目经理'],
    ],
    delinquencyType: 5,
  },
  {
    name: '上海申联物流股份有限公司',
    aliases: ['申联物流'],
    domain: 'shenlian-logistics.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [
      ['赵强', '财务总监', 'challenger'],
      ['孙丽', '出纳'],
    ],
    delinquencyType: 6,
  },
  {
    name: '北京京能电力设备有限公司',
    aliases: ['京能电力设备', '京能设备'],
    domain: 'jingneng-power.example.cn',
    type: 'state-owned',
    owner: '李娜',
    currency: 'CNY',
    contacts: [
      ['钱伟', '总会计师', 'perfectionist'],
      ['吴芳', '设备部主任', 'peacemaker'],
    ],
  },
  {
    name: '广州市卫生健康信息中心',
    aliases: ['广州卫健信息中心'],
    domain: 'gzwjxx.example.gov.cn',
    type: 'government',
    owner: '李娜',
    currency: 'CNY',
    contacts: [
      ['郑华', '信息科科长', 'investigator'],
      ['冯雪', '财务科'],
    ],
  },
  {
    name: '成都市高新区政务服务中心',
    aliases: ['高新区政务中心'],
    domain: 'cdgxzw.example.gov.cn',
    type: 'government',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['何军', '办公室主任', 'loyalist']],
  },
  {
    name: 'Pacific Rim Components Inc.',
    aliases: ['Pacific Rim', 'PRC Components'],
    domain: 'pacificrim-components.example.com',
    type: 'enterprise',
    owner: 'Emily Zhang',
    currency: 'USD',
    contacts: [
      ['Sarah Miller', 'AP Manager', 'helper'],
      ['Tom Baker', 'Procurement Lead', 'enthusiast'],
    ],
    delinquencyType: 1,
  },
  {
    name: 'Nordwind Maschinenbau GmbH',
    aliases: ['Nordwind'],
    domain: 'nordwind-mb.example.de',
    type: 'enterprise',
    owner: 'Emily Zhang',
    currency: 'USD',
    contacts: [['Jonas Weber', 'Head of Finance', 'perfectionist']],
    delinquencyType: 7,
  },
  {
    name: '苏州恒润精密制造有限公司',
    aliases: ['恒润精密'],
    domain: 'hengrun-precision.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [
      ['林涛', '厂长', 'challenger'],
      ['黄蓉', '会计'],
    ],
    delinquencyType: 3,
  },
  {
    name: '武汉长江建工集团有限公司',
    aliases: ['长江建工', '长江建工集团'],
    domain: 'cjjg.example.cn',
    type: 'state-owned',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['高峰', '项目财务部', 'achiever']],
    delinquencyType: 4,
  },
  {
    name: '深圳市前海智联数据有限公司',
    aliases: ['前海智联'],
    domain: 'qhzl-data.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['许晴', 'CFO', 'individualist']],
    delinquencyType: 2,
  },
  {
    name: '南京紫金医疗器械有限公司',
    aliases: ['紫金医疗'],
    domain: 'zijin-med.example.cn',
    type: 'enterprise',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['罗斌', '财务']],
  },
  {
    name: '青岛海澜食品有限公司',
    aliases: ['海澜食品'],
    domain: 'hailan-food.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['唐婷', '采购']],
  },
  {
    name: '天津滨海新材料股份有限公司',
    aliases: ['滨海新材'],
    domain: 'binhai-nm.example.cn',
    type: 'enterprise',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['韩冬', '财务经理']],
  },
  {
    name: '重庆渝通汽车零部件有限公司',
    aliases: ['渝通汽配'],
    domain: 'yutong-parts.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['曹阳', '财务']],
  },
  {
    name: '西安秦岭能源科技有限公司',
    aliases: ['秦岭能源'],
    domain: 'qinling-energy.example.cn',
    type: 'enterprise',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['彭飞', '总经理']],
  },
  {
    name: '厦门鹭岛贸易有限公司',
    aliases: ['鹭岛贸易'],
    domain: 'ludao-trade.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['蒋欣', '出纳']],
  },
  {
    name: '合肥科大讯联信息技术有限公司',
    aliases: ['讯联信息'],
    domain: 'xunlian-it.example.cn',
    type: 'enterprise',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['魏然', '财务主管']],
  },
  {
    name: '中铁联合物资供应有限公司',
    aliases: ['中铁物资'],
    domain: 'ztwz.example.cn',
    type: 'state-owned',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['沈涛', '结算中心']],
  },
  {
    name: '长沙湘江环保工程有限公司',
    aliases: ['湘江环保'],
    domain: 'xjhb.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['杨帆', '财务']],
  },
  {
    name: '宁波港联国际货运代理有限公司',
    aliases: ['港联货代'],
    domain: 'ganglian-freight.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['朱琳', '应付会计']],
  },
  {
    name: 'Maple Leaf Retail Ltd.',
    aliases: ['Maple Leaf Retail'],
    domain: 'mapleleaf-retail.example.ca',
    type: 'enterprise',
    owner: 'Emily Zhang',
    currency: 'USD',
    contacts: [['Olivia Brown', 'Controller']],
  },
  {
    name: 'Sunrise Trading Pte. Ltd.',
    aliases: ['Sunrise Trading'],
    domain: 'sunrise-trading.example.sg',
    type: 'enterprise',
    owner: 'Emily Zhang',
    currency: 'USD',
    contacts: [['Daniel Tan', 'Finance Director']],
  },
  {
    name: '郑州中原粮油集团有限公司',
    aliases: ['中原粮油'],
    domain: 'zyly.example.cn',
    type: 'state-owned',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['田野', '财务部']],
  },
  {
    name: '福州闽江电子有限公司',
    aliases: ['闽江电子'],
    domain: 'minjiang-elec.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['邓洁', '会计']],
  },
  {
    name: '昆明云岭药业有限公司',
    aliases: ['云岭药业'],
    domain: 'yunling-pharma.example.cn',
    type: 'enterprise',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['毛丽', '财务经理']],
  },
  {
    name: '大连港湾机械有限公司',
    aliases: ['港湾机械'],
    domain: 'gangwan-mech.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['付强', '采购']],
  },
  {
    name: '济南泉城软件有限公司',
    aliases: ['泉城软件'],
    domain: 'quancheng-soft.example.cn',
    type: 'enterprise',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['丁宁', '行政财务']],
  },
  {
    name: '贵阳数谷云计算有限公司',
    aliases: ['数谷云'],
    domain: 'shugu-cloud.example.cn',
    type: 'enterprise',
    owner: '王磊',
    currency: 'CNY',
    contacts: [['秦月', '财务']],
  },
  {
    name: 'Atlas Engineering LLC',
    aliases: ['Atlas Engineering'],
    domain: 'atlas-eng.example.com',
    type: 'enterprise',
    owner: 'Emily Zhang',
    currency: 'USD',
    contacts: [['Michael Reed', 'AP Specialist']],
  },
  {
    name: '哈尔滨北国装备有限公司',
    aliases: ['北国装备'],
    domain: 'beiguo-equip.example.cn',
    type: 'enterprise',
    owner: '李娜',
    currency: 'CNY',
    contacts: [['江涛', '财务']],
  },
];

/** The demo CRM record id of customer n (1-based), as the demo CRM pages use it. */
export const demoRecordId = (n: number) => `ACC-${String(n).padStart(4, '0')}`;

export function buildDemoPortfolio(today: string, now: number): StoreContents {
  const rand = seededRandom(20261122);
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
  // Days past due laid over every bucket: not yet due, 1–30, 31–60, 61–90, over 90, and one near limitation.
  const dueOffsets = [20, 5, -12, -25, -44, -58, -75, -88, -130, -210, -400];
  const channelsCycle: Channel[] = ['phone', 'email', 'visit', 'im', 'statement', 'written-notice', 'finance-letter'];

  seeds.forEach((s, i) => {
    const n = i + 1;
    const cid = `c${String(n).padStart(2, '0')}`;
    const customer: Customer = {
      id: cid,
      name: s.name,
      aliases: s.aliases,
      domains: [s.domain],
      crmLinks: [{ site: 'demo-crm', recordId: demoRecordId(n) }],
      type: s.type,
      owner: s.owner,
      tags: s.type === 'government' ? ['政府/government'] : [],
      creditLimit: {
        minor: (s.currency === 'USD' ? 20_000_000 : 150_000_000) + Math.round(rand() * 5) * 10_000_000,
        currency: s.currency,
      },
      creditRating: (['A', 'B', 'B', 'C'] as const)[n % 4],
      nextCreditReview: addDays(today, 15 + n * 7),
      delinquencyType: s.delinquencyType,
      fiscalYearStartMonth: s.type === 'government' ? 1 : undefined,
      createdAt: now,
      updatedAt: now,
    };
    out.customers.push(customer);
    const contacts: Contact[] = s.contacts.map(([name, title, personality], k) => ({
      id: `${cid}-p${k + 1}`,
      customerId: cid,
      name,
      title,
      personality,
      phone: `+86 1${String(3800000000 + n * 1111 + k).slice(0, 10)}`,
      email: `${k === 0 ? 'finance' : 'contact' + k}@${s.domain}`,
      updatedAt: now,
    }));
    out.contacts.push(...contacts);

    // Receivables: 2–6 per customer, spread over the offsets; amounts round like real invoices.
    const count = 2 + Math.floor(rand() * 5);
    const recs: Receivable[] = [];
    for (let k = 0; k < count; k++) {
      const off = dueOffsets[(n * 3 + k * 5) % dueOffsets.length];
      const due = addDays(today, off);
      const major =
        s.currency === 'USD' ? 2_000 + Math.round(rand() * 60) * 500 : 10_000 + Math.round(rand() * 90) * 2_500;
      recs.push({
        id: `${cid}-r${k + 1}`,
        customerId: cid,
        docNumber: s.currency === 'USD' ? `INV-${20450 + n * 10 + k}` : `0${31000000 + n * 100 + k}`,
        kind: 'invoice',
        contractRef: `HT-2026-${String(n * 7 + k).padStart(3, '0')}`,
        issueDate: addDays(due, -30),
        dueDate: due,
        amount: { minor: major * 100, currency: s.currency },
        writtenOff: 0,
        status: 'open',
        disputed: false,
        accepted: true,
        acceptedOn: addDays(due, -28),
        acceptedBy: contacts[0].name,
        selfQuestions:
          k % 2 === 0
            ? {
                tradeItem: s.currency === 'USD' ? 'Control modules, batch ' + (k + 1) : `工业控制模块 第${k + 1}批`,
                acceptor: contacts[contacts.length - 1].name,
                paymentTerms: s.currency === 'USD' ? 'Net 30' : '验收后30天付款',
                payer: contacts[0].name,
              }
            : {},
        interruptions: [],
        evidence: [],
        updatedAt: now,
      });
    }
    // Customer 1 carries a USD receivable too, so the demo shows two currencies for one customer.
    if (n === 1) {
      recs.push({
        id: `${cid}-r9`,
        customerId: cid,
        docNumber: 'INV-20999',
        kind: 'invoice',
        issueDate: addDays(today, -70),
        dueDate: addDays(today, -40),
        amount: { minor: 1_240_000, currency: 'USD' },
        writtenOff: 0,
        status: 'open',
        disputed: false,
        selfQuestions: {},
        interruptions: [],
        evidence: [],
        updatedAt: now,
      });
    }
    // Customer 10 (delinquency type 2): one disputed invoice.
    if (s.delinquencyType === 2) {
      recs[0].disputed = true;
      recs[0].disputeReason = '客户称发票抬头有误，要求重开 / Invoice title wrong, re-issue requested';
    }
    out.receivables.push(...recs);

    // Payments: a partial payment on the oldest item for most customers; full payment of one item for some.
    const sorted = [...recs].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    if (n % 3 !== 0) {
      const r = sorted[0];
      const part = Math.round((r.amount.minor * 0.4) / 100) * 100;
      out.payments.push({
        id: `${cid}-pay1`,
        customerId: cid,
        date: addDays(today, -9 - n),
        amount: { minor: part, currency: r.amount.currency },
        allocations: [{ receivableId: r.id, minor: part }],
        reference: `回单 ${202600 + n}`,
        updatedAt: now,
      });
    }
    if (n % 4 === 0 && sorted.length > 2) {
      const r = sorted[sorted.length - 1];
      out.payments.push({
        id: `${cid}-pay2`,
        customerId: cid,
        date: addDays(today, -3),
        amount: { ...r.amount },
        allocations: [{ receivableId: r.id, minor: r.amount.minor }],
        reference: 'Wire',
        updatedAt: now,
      });
    }

    // Promises: kept, broken and pending across the book.
    const cur = s.currency;
    if (n % 5 === 1) {
      out.promises.push({
        id: `${cid}-pr1`,
        customerId: cid,
        amount: { minor: (cur === 'USD' ? 5_000 : 50_000) * 100, currency: cur },
        date: addDays(today, n % 2 ? 4 : 0),
        promisedBy: contacts[0].name,
        source: 'call',
        status: 'pending',
        coveredMinor: 0,
        receivableIds: [sorted[0].id],
        createdAt: now - 5 * 864e5,
        updatedAt: now,
      });
    }
    if (n % 5 === 2) {
      out.promises.push({
        id: `${cid}-pr2`,
        customerId: cid,
        amount: { minor: (cur === 'USD' ? 3_000 : 30_000) * 100, currency: cur },
        date: addDays(today, -25),
        promisedBy: contacts[0].name,
        source: 'email',
        status: 'broken',
        coveredMinor: 0,
        receivableIds: [],
        createdAt: now - 40 * 864e5,
        updatedAt: now,
      });
    }
    if (n % 5 === 3) {
      const paid = out.payments.find((p) => p.customerId === cid);
      if (paid)
        out.promises.push({
          id: `${cid}-pr3`,
          customerId: cid,
          amount: { ...paid.amount },
          date: paid.date,
          promisedBy: contacts[0].name,
          source: 'im',
          status: 'kept',
          coveredMinor: paid.amount.minor,
          receivableIds: [],
          createdAt: now - 30 * 864e5,
          updatedAt: now,
        });
    }

    // Activities across the five tools and the modern channels.
    const acts = 1 + (n % 4);
    for (let k = 0; k < acts; k++) {
      const channel = channelsCycle[(n + k) % channelsCycle.length];
      const date = addDays(today, -(3 + k * 9 + (n % 5)));
      const outcome = (['no-answer', 'promised', 'info-gathered', 'redirected', 'refused'] as const)[(n + k) % 5];
      out.activities.push({
        id: `${cid}-a${k + 1}`,
        customerId: cid,
        date,
        channel,
        techniqueIds: [[7], [5], [2, 7], [11], [4]][(n + k) % 5],
        outcome,
        nextDate: k === 0 ? addDays(today, (n % 7) - 2) : undefined,
        note:
          cur === 'USD'
            ? `Spoke with ${contacts[0].name} about ${sorted[0].docNumber}.`
            : `与${contacts[0].name}沟通${sorted[0].docNumber}付款安排。`,
        receivableIds: [],
        createdAt: now - (k + 1) * 864e5,
      });
    }

    // Nine-question profiles from empty (every fifth) to complete (the first two).
    const depth = n <= 2 ? 9 : n % 5 === 0 ? 0 : 1 + (n % 8);
    if (depth > 0) {
      const p: PaymentProcessProfile = { customerId: cid, keyPeople: [], updatedAt: now };
      const steps: Array<() => void> = [
        () => {
          p.collectionTrigger =
            cur === 'USD' ? 'Signed delivery note and invoice received' : '验收单签字且发票送达后启动';
        },
        () => {
          p.amountNote = cur === 'USD' ? 'Finance confirmed the open balance last month' : '对方财务上月已确认欠款余额';
        },
        () => {
          p.budgetRequired = s.type === 'government';
          p.budgetCycle = s.type === 'government' ? 'annual' : 'none';
        },
        () => {
          p.initiatorContactId = contacts[contacts.length > 1 ? 1 : 0].id;
        },
        () => {
          p.signerContactId = contacts[0].id;
        },
        () => {
          p.keyPeople = [{ contactId: contacts[0].id, role: cur === 'USD' ? 'Approver' : '审批人', ourOwner: s.owner }];
        },
        () => {
          p.invoicingRequirements =
            cur === 'USD' ? 'PO number on every invoice' : '增值税专用发票，抬头与税号须与合同一致';
        },
        () => {
          p.bookClosingDay = 25;
          p.bank = cur === 'USD' ? 'Citibank' : '中国工商银行';
          p.bankClosingDay = 28;
          p.transferDays = 2;
        },
        () => {
          p.fundingAndCredit =
            s.delinquencyType === 5
              ? '现金流偏紧，按月分批付款'
              : cur === 'USD'
                ? 'Stable; pays in batches'
                : '资金正常，付款审批较慢';
        },
      ];
      steps.slice(0, depth).forEach((f) => f());
      out.profiles.push(p);
    }
    const prep: Preparations = { customerId: cid, checked: n % 2 ? [1, 2] : [], updatedAt: now };
    out.preparations.push(prep);
  });
  return out;
}

export const demoCustomerCount = seeds.length;
