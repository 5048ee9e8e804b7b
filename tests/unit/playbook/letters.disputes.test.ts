/** Disputed documents are never demanded in a letter; every letter, the balance confirmation too, names them apart. */
import { buildLetter } from '@/lib/playbook/letters';
import { docText } from '@/lib/i18n';
import { NOW, account, ago, rec } from '../support/accounts';

const acc = account({
  receivables: [rec(1, ago(50), 30_000_00), rec(2, ago(80), 20_000_00, { disputed: true, disputeReason: '质量问题' })],
});

describe('letters and disputes', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`the 催款函 and the lawyer's letter leave the disputed invoice out (${lang})`, () => {
      for (const kind of ['collection-letter', 'lawyer-letter'] as const) {
        const doc = buildLetter(kind, acc, NOW, docText(lang));
        expect(doc.table.rows.map((r) => r.cells[0])).toEqual(['INV-1']);
        expect(doc.disputed).toContain('INV-2');
        expect(doc.paragraphs.join()).toMatch(lang === 'zh' ? /¥30,000\.00/ : /CN¥30,000\.00/);
        expect(doc.paragraphs.join()).not.toMatch(/50,000/);
      }
    });
    it(`the balance confirmation confirms the undisputed balance and names the disputed invoice apart (${lang})`, () => {
      const doc = buildLetter('balance-confirmation', acc, NOW, docText(lang));
      expect(doc.table.rows.map((r) => r.cells[0])).toEqual(['INV-1']);
      expect(doc.disputed).toContain('INV-2');
      expect(doc.items.map((i) => i.docNumber)).toEqual(['INV-2', 'INV-1']);
    });
  }
});
