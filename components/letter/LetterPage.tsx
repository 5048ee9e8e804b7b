/** `letter.html?customer=<id>&kind=<kind>&lang=<zh|en>`: a letter for printing (the browser prints it to PDF). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { loadAccountRows } from '@/lib/db/repo';
import { allocate } from '@/lib/ledger';
import { buildLetter, letterKinds, type LetterKind } from '@/lib/playbook/letters';
import type { Lang } from '@/lib/domain';

export function LetterPage() {
  const { t } = useTranslation('sidepanel');
  const app = useApp();
  const params = new URLSearchParams(location.search);
  const customerId = params.get('customer') ?? '';
  const kind = (letterKinds as string[]).includes(params.get('kind') ?? '') ? params.get('kind') as LetterKind : 'balance-confirmation';
  const lang = (params.get('lang') === 'zh' || params.get('lang') === 'en' ? params.get('lang') : app.lang) as Lang;
  const rows = useLiveQuery(() => loadAccountRows(getDb(), customerId), [customerId]);
  if (rows === undefined) return <p className="p-8" aria-busy="true">{t('loading')}</p>;
  if (!rows) return <p className="p-8">{t('letterNoCustomer')}</p>;
  const doc = buildLetter(kind, { ...rows, receivables: allocate(rows.receivables, rows.payments) }, new Date(), lang);
  return (
    <article className="mx-auto max-w-[210mm] bg-white p-[18mm] text-[13px] leading-relaxed text-black print:p-0" data-testid="letter" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className="mb-4 flex justify-end print:hidden">
        <button type="button" onClick={() => window.print()} className="rounded bg-blue-700 px-3 py-1 text-white">{t('print')}</button>
      </div>
      {doc.draft && <p className="mb-2 border border-amber-600 p-1 text-center text-amber-800">{t('draftForCounsel')}</p>}
      <h1 className="mb-1 text-center text-xl font-bold">{doc.title}</h1>
      <p className="text-right">{doc.reference}</p>
      <p className="mt-4 font-medium">{doc.addressee}</p>
      {doc.paragraphs.map((p, i) => <p key={i} className="mt-2 indent-8">{p}</p>)}
      <table className="mt-4 w-full border-collapse">
        <thead><tr>{doc.table.headers.map((h) => <th key={h} className="border border-black px-2 py-1 text-left">{h}</th>)}</tr></thead>
        <tbody>{doc.table.rows.map((r) => <tr key={r[0]}>{r.map((c, i) => <td key={i} className="border border-black px-2 py-1 tabular-nums">{c}</td>)}</tr>)}</tbody>
      </table>
      <p className="mt-2 font-medium" data-testid="letter-total">{doc.table.totals.join(lang === 'zh' ? '；' : '; ')}</p>
      <p className="mt-3">{doc.payment}</p>
      {doc.seal && (
        <section className="mt-6 min-h-[45mm] border border-black p-3" data-testid="seal-box">
          <h2 className="font-medium">{doc.seal.heading}</h2>
          {doc.seal.options.map((o) => <p key={o} className="mt-2">{o}</p>)}
          <p className="mt-10 whitespace-pre">{doc.seal.signature}</p>
        </section>
      )}
      <p className="mt-8 whitespace-pre-line text-right">{doc.sender}</p>
    </article>
  );
}
