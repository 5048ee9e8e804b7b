import { personalityTypes, channels, attitudes as attitudeKeys, selfQuestionKeys } from '@/lib/domain';
import * as playbook from '@/lib/playbook';

const {
  techniques,
  ladder,
  delinquencyTypes,
  nineQuestions,
  preparations,
  traps,
  tools,
  modernChannels,
  rules,
  preventionPoints,
  selfQuestions,
  attitudes,
  personalities,
  governmentSpecifics,
  governmentDifficulties,
  governmentMoves,
} = playbook;

/** Every { zh, en } pair anywhere inside a value, with the path that leads to it. */
function bilinguals(v: unknown, path: string, out: Array<[string, { zh: unknown; en: unknown }]>) {
  if (Array.isArray(v)) v.forEach((x, i) => bilinguals(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object' && !(v instanceof RegExp)) {
    const o = v as Record<string, unknown>;
    if ('zh' in o && 'en' in o) out.push([path, o as { zh: unknown; en: unknown }]);
    else for (const [k, x] of Object.entries(o)) bilinguals(x, `${path}.${k}`, out);
  }
  return out;
}

const catalog = {
  techniques,
  ladder,
  delinquencyTypes,
  nineQuestions,
  preparations,
  traps,
  tools,
  modernChannels,
  rules,
  preventionPoints,
  selfQuestions,
  attitudes,
  personalities,
  governmentSpecifics,
  governmentDifficulties,
  governmentMoves,
};

describe('catalog', () => {
  it('every entry has real text in both languages', () => {
    const pairs = bilinguals(catalog, 'catalog', []);
    expect(pairs.length).toBeGreaterThan(250);
    for (const [path, b] of pairs) {
      for (const lang of ['zh', 'en'] as const) {
        const s = b[lang];
        expect(typeof s, `${path}.${lang}`).toBe('string');
        expect((s as string).trim().length, `${path}.${lang}`).toBeGreaterThan(1);
        expect(s, `${path}.${lang}`).not.toMatch(/^[—\-–.…]+$|TODO|TBD|lorem/i);
      }
      expect(b.zh, `${path}.zh is Chinese`).toMatch(/[\u4e00-\u9fff]/);
      expect(b.en, `${path}.en is English`).toMatch(/[A-Za-z]/);
      expect(b.en, `${path}.en carries no Chinese`).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has the method’s counts and ids in order', () => {
    const ids = (xs: Array<{ id: number }>) => xs.map((x) => x.id);
    const seq = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(ids(techniques)).toEqual(seq(22));
    expect(ladder).toHaveLength(9);
    expect(ids(delinquencyTypes)).toEqual(seq(7));
    expect(nineQuestions.map((q) => q.n)).toEqual(seq(9));
    expect(preparations).toHaveLength(5);
    expect(ids(traps)).toEqual(seq(3));
    expect(ids(tools)).toEqual(seq(5));
    expect(ids(rules)).toEqual(seq(10));
    expect(ids(preventionPoints)).toEqual(seq(9));
    expect(selfQuestions.map((q) => q.key)).toEqual([...selfQuestionKeys]);
    expect(attitudes.map((a) => a.key)).toEqual([...attitudeKeys]);
    expect(personalities.map((p) => p.key)).toEqual([...personalityTypes]);
    expect(governmentSpecifics.map((g) => g.key)).toEqual(['budget-cycle', 'fiscal-year', 'approval-chain', 'audit']);
    expect(governmentDifficulties).toHaveLength(4);
    expect(governmentMoves).toHaveLength(8);
  });

  it('the five tools and the modern channels cover every channel once', () => {
    const all = [...tools.map((t) => t.channel), ...modernChannels.map((m) => m.channel)].sort();
    expect(all).toEqual([...channels].sort());
    for (const m of modernChannels) expect(tools.some((t) => t.id === m.toolId)).toBe(true);
  });

  it('references between entries point at things that exist', () => {
    for (const step of ladder) for (const t of step.techniques) expect(techniques.some((x) => x.id === t)).toBe(true);
    for (const p of personalities) for (const t of p.techniques) expect(techniques.some((x) => x.id === t)).toBe(true);
    for (const t of techniques) for (const c of t.channels) expect(channels).toContain(c);
    for (const step of ladder) expect(channels).toContain(step.channel);
  });

  it('attitudes order the ladder from slowest to fastest', () => {
    const f = attitudes.map((a) => a.ladderFactor);
    expect(f).toEqual([...f].sort((a, b) => b - a));
    expect(attitudes.find((a) => a.key === 'collection-driven')!.ladderFactor).toBe(1);
  });

  it('the trap patterns catch the customer’s words in both languages and leave an ordinary promise alone', () => {
    const hits = (s: string) => traps.filter((t) => t.triggers.test(s)).map((t) => t.id);
    expect(hits('能不能减免一部分，剩下的我们马上付')).toEqual([1]);
    expect(hits('Could you waive the late fee and write off the rest?')).toEqual([1]);
    expect(hits('下游客户欠我们钱没付，所以暂时无法付款')).toEqual([2]);
    expect(hits('We will pay once we get paid by our customer')).toEqual([2]);
    expect(hits('我们想以物抵债，用货来抵')).toEqual([3]);
    expect(hits('We can offer stock instead of payment')).toEqual([3]);
    expect(hits('下周五安排付款 12.4万')).toEqual([]);
    expect(hits('We will remit $4,321.00 by the 25th')).toEqual([]);
  });
});
