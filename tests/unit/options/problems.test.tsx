// @vitest-environment happy-dom
/**
 * The options page tells import and restore problems in the user's language, reports an import cut off by a
 * closed page, asks for persistent storage by itself, and warns when storage is nearly full.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { OptionsApp } from '@/components/options/OptionsApp';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { guardWrite, takeInterruptedWrite } from '@/components/options/pendingWrite';
import { PINNED, pinnedClock } from '../support/clock';
import { failureText } from '@/components/options/problems';
import { translator } from '@/lib/i18n';
import {
  STORAGE_WARN_RATIO,
  requestPersistence,
  requestPersistenceOnFirstRun,
  storageState,
} from '@/components/options/storage';

let db: HuikuanDb;
let persistCalls: number;
let estimate: { usage: number; quota: number };

function stubStorage(persisted = false) {
  persistCalls = 0;
  const storage = {
    persisted: async () => persisted,
    persist: async () => {
      persistCalls++;
      return true;
    },
    estimate: async () => estimate,
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'zh-CN';
  db = new HuikuanDb(`t-${Math.random()}`);
  setDb(db);
  localStorage.clear();
  estimate = { usage: 1_000_000, quota: 100_000_000 };
  stubStorage();
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(undefined);
});

const renderOptions = (initial?: 'import' | 'export' | 'data') =>
  render(
    <AppShell clock={pinnedClock}>
      <OptionsApp initial={initial} />
    </AppShell>,
  );

const badLedger = [
  'Customer,Invoice No,Invoice Date,Due Date,Amount,Currency',
  'Acme Trading Co.,A-100,2026-08-01,2026-09-01,2500.00,USD',
  'Acme Trading Co.,A-101,2026-08-01,2026-13-45,100.00,USD',
  'Acme Trading Co.,A-102,2026-08-01,2026-09-01,12.3.4,USD',
  'Acme Trading Co.,A-100,2026-08-01,2026-09-01,2500.00,USD',
  'Acme Trading Co.,A-103,2026-08-01,2026-09-01,1.00',
  ',A-104,2026-08-01,2026-09-01,1.00,USD',
  'Acme Trading Co.,A-105,2026-08-01,2026-09-01,1.00,美金币',
].join('\n');

describe('import problems in Chinese', () => {
  it('shows each bad row with its row, its column and why, in Chinese and without the English message', async () => {
    renderOptions('import');
    const user = userEvent.setup();
    await user.upload(
      await screen.findByTestId('import-file'),
      new File([badLedger], '坏文件.csv', { type: 'text/csv' }),
    );
    const box = await screen.findByTestId('import-errors', {}, { timeout: 5000 });
    expect(box.textContent).toContain('6 行有问题，将被跳过');
    const row = (n: number) => {
      const tr = box.querySelector(`[data-error-row="${n}"]`)!;
      return [...tr.querySelectorAll('td')].map((td) => td.textContent);
    };
    expect(row(3)).toEqual(['3', 'Due Date', '“2026-13-45”不是真实存在的日期。']);
    expect(row(4)).toEqual(['4', 'Amount', '“12.3.4”不是金额。']);
    expect(row(5)).toEqual(['5', 'Invoice No', '客户“Acme Trading Co.”的单据“A-100”已在第 2 行出现。']);
    expect(row(6)).toEqual(['6', '', '此行有 5 个单元格，表头有 6 个。']);
    expect(row(7)).toEqual(['7', 'Customer', '单元格为空；“Customer”为必填。']);
    expect(row(8)).toEqual(['8', 'Currency', '“美金币”不是币种代码（例如 CNY、USD、人民币）。']);
    expect(box.textContent).not.toMatch(/Row \d|is not|already appears|header row/);
    expect(screen.getByTestId('import-ready').textContent).toBe('1 行可以导入');
  });

  it('tells a whole-file problem in Chinese too', async () => {
    renderOptions('import');
    const user = userEvent.setup();
    await user.upload(
      await screen.findByTestId('import-file'),
      new File([new Uint8Array([0, 1, 2, 0, 0, 3, 4, 5])], 'x.csv'),
    );
    const box = await screen.findByTestId('import-errors', {}, { timeout: 5000 });
    const cells = [...box.querySelectorAll('[data-error-row="0"] td')].map((td) => td.textContent);
    expect(cells).toEqual([
      '整个文件',
      '',
      '此文件既不是电子表格（XLSX/XLS），也不是文本文件（CSV/TSV）；请用 Excel 打开并另存为 XLSX 或 CSV。',
    ]);
  });

  it('tells the notes about how the file was read in Chinese', async () => {
    renderOptions('import');
    const user = userEvent.setup();
    const csv = 'Customer,Invoice No,Invoice Date,Amount\nAcme,1,2026-08-01,100\n';
    await user.upload(await screen.findByTestId('import-file'), new File([csv], 'n.csv', { type: 'text/csv' }));
    const parsed = await screen.findByTestId('import-parsed', {}, { timeout: 5000 });
    const notes = [...parsed.querySelectorAll('[data-note-code]')].map((li) => li.textContent);
    expect(notes).toContain('文件中没有到期日列，每笔单据的到期日按单据日期计。');
  });

  it('shows a bad backup’s problems in Chinese, with where each one is', async () => {
    renderOptions('export');
    const user = userEvent.setup();
    const bad = JSON.stringify({
      format: 'huikuan-backup',
      version: 1,
      meta: { createdAt: 1 },
      tables: { customers: [{ id: 'x' }], extra: [] },
    });
    await user.upload(
      await screen.findByTestId('restore-file'),
      new File([bad], 'bad.json', { type: 'application/json' }),
    );
    const box = await screen.findByTestId('restore-errors');
    expect(box.textContent).toContain('此文件无法恢复，未做任何更改。');
    expect(box.textContent).toContain('未知的数据表“extra”。');
    expect(box.textContent).toContain('客户，第 1 条，字段 name: 值的类型不对（应为 string）。');
    expect(box.textContent).not.toMatch(/Invalid input|Unknown table/);
  });
});

describe('a failed import is told in Chinese', () => {
  it('storage full: says so, and nothing was written', async () => {
    const spy = vi
      .spyOn(db.ledgers, 'bulkPut')
      .mockRejectedValue(Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' }));
    renderOptions('import');
    const user = userEvent.setup();
    const csv = 'Customer,Invoice No,Due Date,Amount,Currency\nAcme,1,2026-09-01,100,CNY\n';
    await user.upload(await screen.findByTestId('import-file'), new File([csv], 'a.csv', { type: 'text/csv' }));
    await user.click(await screen.findByTestId('import-apply', {}, { timeout: 5000 }));
    const alert = await screen.findByText(/^导入失败/, {}, { timeout: 5000 });
    expect(alert.textContent).toBe(
      '导入失败，未写入任何数据：存储空间不足。请释放磁盘空间，或先备份再删除旧数据，然后重试。',
    );
    expect(spy).toHaveBeenCalled();
    expect(await db.customers.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    expect(localStorage.getItem('huikuan.pendingWrite')).toBeNull();
  });

  it('failureText recognises a quota error however it is wrapped, and passes other messages through', () => {
    const t = translator('en', 'options');
    expect(
      failureText(Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }), t),
    ).toMatch(/not enough storage/);
    expect(failureText(new Error('The disk quota was exceeded'), t)).toMatch(/not enough storage/);
    expect(failureText(new Error('Something else'), t)).toBe('Something else');
  });
});

describe('mapping screen', () => {
  it('previews the first rows of an unknown layout and labels each column with the field picked for it', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    renderOptions('import');
    const user = userEvent.setup();
    const rows = Array.from({ length: 20 }, (_, i) => `Firma ${i + 1};R-${i + 1};2026-10-01;100,00`);
    const odd = ['Kunde;Beleg;Faellig;Betrag', ...rows].join('\n');
    await user.upload(await screen.findByTestId('import-file'), new File([odd], 'odd.csv', { type: 'text/csv' }));
    const mapping = await screen.findByTestId('import-mapping', {}, { timeout: 5000 });
    const preview = within(mapping).getByTestId('import-preview');
    expect(preview.querySelectorAll('tbody tr')).toHaveLength(8);
    expect(preview.querySelector('tbody tr td')!.textContent).toBe('Firma 1');
    expect(within(mapping).queryByText('Firma 9')).toBeNull();
    await user.selectOptions(mapping.querySelector('select[data-field="customerName"]')!, 'Kunde');
    await user.selectOptions(mapping.querySelector('select[data-field="amount"]')!, 'Betrag');
    const th = [...preview.querySelectorAll('thead th')];
    expect(th.map((h) => h.getAttribute('data-mapped'))).toEqual(['customerName', null, null, 'amount']);
    expect(th[0].textContent).toBe('customerKunde');
    expect(
      within(mapping).getByRole('button', { name: 'Read the file with these columns' }).hasAttribute('disabled'),
    ).toBe(true);
  });
});

describe('a write cut off by closing the page', () => {
  it('keeps a marker only while the write runs, and a leftover marker is reported once', async () => {
    let during: string | null = null;
    await guardWrite({ kind: 'import', file: 'a.csv' }, pinnedClock, async (held) => {
      held();
      during = localStorage.getItem('huikuan.pendingWrite');
    });
    expect(JSON.parse(during!)).toMatchObject({ kind: 'import', file: 'a.csv', at: PINNED.getTime() });
    expect(localStorage.getItem('huikuan.pendingWrite')).toBeNull();
    await expect(
      guardWrite({ kind: 'restore', file: 'b.json' }, pinnedClock, async () => {
        throw new Error('quota');
      }),
    ).rejects.toThrow('quota');
    expect(localStorage.getItem('huikuan.pendingWrite')).toBeNull();
    expect(await takeInterruptedWrite()).toBeUndefined();

    // The page died inside the write: the marker stays behind.
    localStorage.setItem('huikuan.pendingWrite', JSON.stringify({ kind: 'import', file: '大文件.csv', at: 1 }));
    expect(await takeInterruptedWrite()).toEqual({ kind: 'import', file: '大文件.csv', at: 1 });
    expect(await takeInterruptedWrite()).toBeUndefined();
    localStorage.setItem('huikuan.pendingWrite', '{"kind":"<script>","file":1}');
    expect(await takeInterruptedWrite()).toBeUndefined();
  });

  it('leaves the marker of a write still running in another tab (its lock is held)', async () => {
    localStorage.setItem('huikuan.pendingWrite', JSON.stringify({ kind: 'restore', file: 'b.json', at: 1 }));
    const held = {
      request: async (_n: string, opts: unknown, cb: (lock: Lock | null) => unknown) => cb(null),
    } as unknown as LockManager;
    expect(await takeInterruptedWrite(localStorage, held)).toBeUndefined();
    expect(localStorage.getItem('huikuan.pendingWrite')).not.toBeNull();
    const free = {
      request: async (_n: string, opts: unknown, cb: (lock: Lock | null) => unknown) =>
        cb({ name: 'x', mode: 'exclusive' } as Lock),
    } as unknown as LockManager;
    expect(await takeInterruptedWrite(localStorage, free)).toMatchObject({ kind: 'restore', file: 'b.json' });
  });

  it('the reopened options page says what happened, in Chinese', async () => {
    localStorage.setItem('huikuan.pendingWrite', JSON.stringify({ kind: 'import', file: '应收.csv', at: 1 }));
    renderOptions('import');
    const notice = await screen.findByTestId('interrupted-write');
    expect(notice.textContent).toContain(
      '应收.csv 的导入没有完成：写入过程中页面被关闭。该文件的内容均未保存，您的数据与导入前完全相同。',
    );
    expect(localStorage.getItem('huikuan.pendingWrite')).toBeNull();
    await userEvent.setup().click(within(notice).getByRole('button', { name: '知道了' }));
    expect(screen.queryByTestId('interrupted-write')).toBeNull();
  });
});

describe('storage: persistence and quota', () => {
  it('storageState warns above the ratio and when an import would not fit', () => {
    expect(STORAGE_WARN_RATIO).toBe(0.8);
    expect(storageState(undefined).level).toBe('unknown');
    expect(storageState({ usage: 10, quota: 0 }).level).toBe('unknown');
    expect(storageState({ usage: 80, quota: 100 })).toEqual({ level: 'ok', share: 0.8, usage: 80, quota: 100 });
    expect(storageState({ usage: 81, quota: 100 }).level).toBe('near');
    expect(storageState({ usage: 50, quota: 100 }, { extraBytes: 40 }).level).toBe('near');
    expect(storageState({ usage: 50, quota: 100 }, { extraBytes: 51 }).level).toBe('over');
    expect(storageState({ usage: 50, quota: 100 }, { ratio: 0.4 }).level).toBe('near');
    expect(storageState({ quota: 100 }).share).toBe(0);
  });

  it('asks for persistence unless the browser already keeps the data; first run asks only once', async () => {
    expect(await requestPersistence()).toBe(true);
    expect(persistCalls).toBe(1);
    stubStorage(true);
    expect(await requestPersistence()).toBe(true);
    expect(persistCalls).toBe(0);
    expect(await requestPersistence({})).toBeUndefined();
    stubStorage(false);
    localStorage.clear();
    await requestPersistenceOnFirstRun();
    await requestPersistenceOnFirstRun();
    expect(persistCalls).toBe(1);
  });

  it('the options page asks at first run without a button, and again when an import is written', async () => {
    renderOptions('import');
    await waitFor(() => expect(persistCalls).toBe(1));
    const user = userEvent.setup();
    const csv = 'Customer,Invoice No,Due Date,Amount,Currency\nAcme,1,2026-09-01,100,CNY\n';
    await user.upload(await screen.findByTestId('import-file'), new File([csv], 'a.csv', { type: 'text/csv' }));
    await user.click(await screen.findByTestId('import-apply', {}, { timeout: 5000 }));
    await screen.findByTestId('import-summary', {}, { timeout: 5000 });
    expect(persistCalls).toBe(2);
  });

  it('warns before an import that would fill storage, and on the data section above 80%', async () => {
    estimate = { usage: 95_000, quota: 100_000 };
    renderOptions('import');
    const user = userEvent.setup();
    const csv = 'Customer,Invoice No,Due Date,Amount,Currency\nAcme,1,2026-09-01,100,CNY\nAcme,2,2026-09-01,100,CNY\n';
    await user.upload(await screen.findByTestId('import-file'), new File([csv], 'a.csv', { type: 'text/csv' }));
    const warn = await screen.findByTestId('import-storage-warning', {}, { timeout: 5000 });
    expect(warn.getAttribute('data-level')).toBe('near');
    expect(warn.textContent).toContain('导入后回款的存储空间将用到约');
    cleanup();
    estimate = { usage: 85, quota: 100 };
    renderOptions('data');
    expect((await screen.findByTestId('storage-warning')).textContent).toBe(
      '存储空间已用超过 80%。请备份并删除旧数据，或释放磁盘空间。',
    );
    cleanup();
    estimate = { usage: 50, quota: 100 };
    renderOptions('data');
    await screen.findByTestId('storage-usage');
    expect(screen.queryByTestId('storage-warning')).toBeNull();
  });
});
