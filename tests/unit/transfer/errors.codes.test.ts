/**
 * Every problem code lib/transfer can report has a text in both languages, and the text is filled from the
 * error's params. The codes come from lib/transfer/errors.ts, from which the error types are derived, so a code
 * added to the transfer code without being listed there does not compile, and one listed there without a text
 * fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BackupIssue,
  type LedgerError,
  type LedgerErrorParams,
  type LedgerNote,
  type PlanRejection,
  backupIssueCodes,
  backupTables,
  ledgerErrorCodes,
  ledgerNoteCodes,
  DEFAULT_LIMITS,
  parseBackup,
  parseLedger,
  planImport,
  rejectionCodes,
  requiredColumnGroups,
  valueProblems,
} from '../../../lib/transfer';
import { locales, translator } from '../../../lib/i18n';
import type { Lang } from '../../../lib/domain';
import {
  backupIssueText,
  backupWhere,
  ledgerErrorText,
  noteText,
  rejectionText,
} from '../../../components/options/problems';

const langs: Lang[] = ['en', 'zh'];
const fixtures = join(__dirname, '../../fixtures/ledgers');

/** A resource leaf, or its plural forms (English has _one/_other, Chinese _other). */
function leaf(lang: Lang, path: string): string | undefined {
  let o: unknown = locales[lang].options;
  const parts = path.split('.');
  const last = parts.pop()!;
  for (const p of parts) o = (o as Record<string, unknown> | undefined)?.[p];
  const obj = o as Record<string, unknown> | undefined;
  const v = obj?.[last] ?? obj?.[`${last}_other`];
  return typeof v === 'string' ? v : undefined;
}

/** Problems a text must not have: a missing key comes back as the key, a missing param as {{…}}. */
function expectFilled(text: string) {
  expect(text).not.toMatch(/problems\.[a-z]/);
  expect(text).not.toMatch(/\{\{|\}\}/);
  expect(text.trim().length).toBeGreaterThan(3);
}

const allParams: LedgerErrorParams = {
  value: 'V-0042',
  customer: '客户甲',
  first: 3,
  currency: 'USD',
  cause: 'zip error',
  count: 4,
  expected: 5,
  missing: ['due-date', 'amount'],
  columns: ['客户', 'Notes'],
};

describe('every transfer problem code has a text in both languages', () => {
  for (const lang of langs) {
    it(`${lang}: ledger error codes, value problems, column groups, notes, rejections, backup issues, tables`, () => {
      for (const c of ledgerErrorCodes) expect(leaf(lang, `problems.errors.${c}`), c).toBeTruthy();
      for (const c of valueProblems) expect(leaf(lang, `problems.values.${c}`), c).toBeTruthy();
      for (const c of requiredColumnGroups) expect(leaf(lang, `problems.groups.${c}`), c).toBeTruthy();
      for (const c of ledgerNoteCodes) expect(leaf(lang, `problems.notes.${c}`), c).toBeTruthy();
      for (const c of rejectionCodes) expect(leaf(lang, `problems.rejections.${c}`), c).toBeTruthy();
      for (const c of backupIssueCodes) expect(leaf(lang, `problems.backup.${c}`), c).toBeTruthy();
      for (const c of backupTables) expect(leaf(lang, `problems.tables.${c}`), c).toBeTruthy();
    });

    it(`${lang}: each code's text is filled from its params`, () => {
      const t = translator(lang, 'options');
      for (const code of ledgerErrorCodes) {
        const text = ledgerErrorText(
          { row: 7, field: 'dueDate', column: 'Due Date', code, message: 'x', params: allParams },
          t,
          lang,
        );
        expectFilled(text);
        if (
          [
            'invalid-date',
            'ambiguous-date',
            'invalid-amount',
            'invalid-currency',
            'currency-conflict',
            'duplicate',
          ].includes(code)
        ) {
          expect(text, code).toContain('V-0042');
        }
        // Without params (old callers, whole-file errors) the text is still complete.
        expectFilled(ledgerErrorText({ row: 0, code, message: 'x' }, t, lang));
      }
      for (const problem of valueProblems) {
        const text = ledgerErrorText(
          {
            row: 2,
            field: 'amount',
            column: '金额',
            code: 'invalid-amount',
            message: 'x',
            params: { value: '12,34,5', problem },
          },
          t,
          lang,
        );
        expectFilled(text);
        expect(text).toMatch(problem === 'empty' ? /金额/ : /12,34,5/);
      }
      for (const code of ledgerNoteCodes) expectFilled(noteText({ code, row: 9, currency: 'CNY' } as LedgerNote, t));
      for (const code of rejectionCodes) {
        expectFilled(
          rejectionText(
            {
              row: 3,
              reason: 'x',
              code,
              params: { customer: 'ACME', value: '001', first: 2, stored: 'CNY', file: 'USD' },
            } as PlanRejection,
            t,
          ),
        );
      }
      for (const code of backupIssueCodes) {
        const issue: BackupIssue = {
          path: 'tables.receivables[4].dueDate',
          message: 'zod says',
          code,
          params: {
            table: 'bogus',
            key: 'id',
            value: 'a',
            first: 0,
            version: '2',
            supported: 1,
            expected: 'string',
            limit: '1',
            format: 'email',
            values: ['"open"', '"paid"'],
            keys: ['extra'],
            count: 5,
            cause: 'Unexpected token',
          },
        };
        expectFilled(backupIssueText(issue, t));
      }
      expect(backupWhere('tables.receivables[4].dueDate', t)).toBe(
        lang === 'en' ? 'Receivables, record 5, field dueDate' : '应收单据，第 5 条，字段 dueDate',
      );
      expect(backupWhere('', t)).toBe(lang === 'en' ? 'whole file' : '整个文件');
    });
  }

  it('the codes real bad files produce are all listed, with the params their texts need', () => {
    const bad = [
      'Customer,Invoice,Due Date,Amount,Currency',
      'Acme,1,2026-13-45,100,CNY', // invalid date
      'Acme,2,2026-01-01,abc,CNY', // invalid amount
      'Acme,3,2026-01-01,$100,CNY', // currency conflict
      'Acme,4,2026-01-01,100', // field count
      'Acme,7,2026-01-01,100,CNY',
      'Acme,7,2026-01-02,100,CNY', // duplicate (of an accepted row: a repeat of a rejected row is none)
      'Acme,5,2026-01-01,100,XX1', // invalid currency
      ',6,2026-01-01,100,CNY', // missing customer
    ].join('\n');
    const files: LedgerError[] = [
      ...parseLedger(bad).errors,
      ...parseLedger(new Uint8Array(0)).errors,
      ...parseLedger(new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8])).errors,
      ...parseLedger('Customer,Invoice,Notes\nAcme,1,x\n').errors,
      ...parseLedger('Customer,Invoice,Due Date,Amount\n').errors,
      ...parseLedger('Customer,Invoice,Due Date,Amount\nAcme,1,3/1/2024,10\nAcme,2,4/2/2024,10\n').errors,
      ...parseLedger('Customer,Invoice,Due Date,Amount,Currency\nAcme,2,2024-01-01,"10,CNY\n').errors,
      ...parseLedger(readFileSync(join(fixtures, 'binary.bin'))).errors,
      ...parseLedger(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), { fileName: 'ledger.xlsx' }).errors,
      ...parseLedger('Customer,Invoice,Due Date,Amount\nAcme,1,2024-01-01,"' + 'x'.repeat(2000) + '"\n', {
        limits: { ...DEFAULT_LIMITS, maxRecordChars: 1000 },
      }).errors,
      ...parseLedger('Contact,Current,< 1 Month,1 Month,Older,Total\nAcme,1.00,2.00,0,0,3.00\n').errors,
    ];
    const codes = new Set(files.map((e) => e.code));
    for (const c of codes) expect(ledgerErrorCodes).toContain(c);
    expect([...codes].sort()).toEqual(
      [
        'ambiguous-date',
        'binary-file',
        'broken-quotes',
        'currency-conflict',
        'duplicate',
        'empty-file',
        'field-count',
        'invalid-amount',
        'invalid-currency',
        'invalid-date',
        'missing-columns',
        'missing-value',
        'no-data',
        'wrong-file-type',
        'over-limit',
        'no-report-date',
      ].sort(),
    );
    const zh = translator('zh', 'options');
    const texts = files.map((e) => ledgerErrorText(e, zh, 'zh'));
    for (const text of texts) expectFilled(text);
    expect(texts).toContain('“2026-13-45”不是真实存在的日期。');
    expect(texts).toContain('“abc”不是金额。');
    expect(texts).toContain('“$100”的币种不是本行的币种 CNY。');
    expect(texts).toContain('此行有 4 个单元格，表头有 5 个。');
    expect(texts).toContain('客户“Acme”的单据“7”已在第 6 行出现。');
    expect(texts).toContain(
      '此文件是PDF 文档，不是电子表格（虽然文件名以 .xlsx 结尾）。请在系统中把报表导出为 Excel（XLSX）或 CSV，再选择该文件。',
    );
    expect(texts).toContain('有一行超过 1 KB（可能有引号没有闭合），文件已拒绝。');
    for (const text of texts) expect(text).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English sentence inside the Chinese text
    expect(texts).toContain('“XX1”不是币种代码（例如 CNY、USD、人民币）。');
    expect(texts).toContain('找不到这些列：到期日、金额。文件中的列：“Customer”、“Invoice”、“Notes”。');
    expect(texts).toContain('文件只有表头，没有数据行。');

    const backup = parseBackup(
      JSON.stringify({ format: 'huikuan-backup', version: 1, meta: {}, tables: { customers: [{ id: 1 }], x: [] } }),
    );
    expect(backup.ok).toBe(false);
    if (!backup.ok) for (const i of backup.errors) expect(backupIssueCodes).toContain(i.code);

    const plan = planImport(
      [
        {
          row: 2,
          customerName: '!!!',
          invoiceNumber: '1',
          kind: 'invoice',
          issueDate: '2026-01-01',
          dueDate: '2026-01-01',
          amount: { minor: 1, currency: 'CNY' },
          currency: 'CNY',
        },
      ],
      { customers: [], receivableKeys: new Map() },
    );
    expect(plan.rejected.map((r) => r.code)).toEqual(['empty-name']);
  });
});
