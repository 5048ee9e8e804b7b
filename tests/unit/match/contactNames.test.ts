import { createContactNameIndex, normalizePersonName } from '@/lib/match/contactNames';

test('display names compare across width, case and spacing', () => {
  expect(normalizePersonName('ＣＨＥＮ  Jing')).toBe(normalizePersonName('chen jing'));
  expect(normalizePersonName('陈 静')).toBe('陈静');
});

test('a name one customer holds is a confident match; a name several share is only offered', () => {
  const index = createContactNameIndex([
    { customerId: 'c1', name: '陈静' },
    { customerId: 'c1', name: '陈静' },
    { customerId: 'c2', name: '王芳' },
    { customerId: 'c3', name: '王芳' },
  ]);
  expect(index.match('陈静')).toEqual([{ customerId: 'c1', score: 0.9, reason: 'contact-name' }]);
  expect(index.match('王芳').map((m) => m.score)).toEqual([0.8, 0.8]);
  expect(index.match('李雷')).toEqual([]);
});
