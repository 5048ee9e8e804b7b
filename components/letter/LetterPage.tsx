/** `letter.html?customer=<id>&kind=<kind>&lang=<zh|en>`: a letter for printing (the browser prints it to PDF). */
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { loadAccountRows } from '@/lib/db/repo';
import { allocate } from '@/lib/ledger';
import { buildLetter, letterKinds, type LetterKind } from '@/lib/playbook/letters';
import type { Lang } from '@/lib/domain';
import { translator } from '@/lib/i18n';
import { useClock } from '@/components/app/clock';

/** A4 with the margins a printed letter needs; the screen view pads the page itself. */
const pageCss = '@page { size: A4; margin: 18mm 16mm; }';

export function LetterPage() {
  const { t } = useTranslation('sidepanel');
  const app = useApp();
  const clock = useClock();
  const params = new URLSearchParams(location.search);
  const customerId = params.get('customer') ?? '';
  const kind = (letterKinds as string[]).includes(params.get('kind') ?? '') ? params.get('kind') as LetterKind : 'balance-confirmation';
  const lang = (params.get('lang') === 'zh' || params.get('lang') === 'en' ? params.get('lang') : app.lang) as Lang;
  const rows = useLiveQuery(() => loadAccountRows(getDb(), customerId), [customerId]);
  const doc = rows ? buildLetter(kind, { ...rows, receivables: allocate(rows.receivables, rows.payments) }, clock(), lang) : undefined;
  // The title becomes the suggested file name when the browser prints to PDF.
  const pdfName = doc ? `${doc.title} ${doc.reference}` : undefined;
  useEffect(() => { if (pdfName) document.title = pdfName; }, [pdfName]);
  if (rows === undefined) return <p className="p-8" aria-busy="true">{t('loading')}</p>;
  if (!rows || !doc) return <p className="p-8">{t('letterNoCustomer')}</p>;
  // What is printed speaks the letter's language, whatever the browser's.
  const tl = translator(lang, 'sidepanel');
  return (
    <article className="mx-auto max-w-[210mm] bg-white p-[18mm] text-[13px] leading-relaxed text-black print:max-w-none print:p-0" data-testid="letter" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <style>{pageCss}</style>
      <div className="mb-4 flex justify-end print:hidden">
        <button type="button" onClick={() => window.print()} className="rounded bg-blue-700 px-3 py-1 text-white" data-testid="letter-print">{t('print')}</button>
      </div>
      {doc.draft && <p className="mb-2 border border-amber-600 p-1 text-center text-amber-800">{tl('draftForCounsel')}</p>}
      <h1 className="mb-1 text-center text-xl font-bold">{doc.title}</h1>
      <p className="text-right" data-testid="letter-reference">{doc.reference}</p>
      <p className="mt-4 font-medium">{doc.addressee}</p>
      {doc.paragraphs.map((p, i) => <p key={i} className="mt-2 indent-8">{p}</p>)}
      <table className="mt-4 w-full border-collapse">
        <thead><tr>{doc.table.headers.map((h) => <th key={h} className="border border-black px-2 py-1 text-left">{h}</th>)}</tr></thead>
        <tbody>{doc.table.rows.map((r) => <tr key={r[0]} className="break-inside-avoid">{r.map((c, i) => <td key={i} className="border border-black px-2 py-1 tabular-nums">{c}</td>)}</tr>)}</tbody>
      </table>
      <p className="mt-2 font-medium" data-testid="letter-total">{doc.table.totals.join(lang === 'zh' ? '；' : '; ')}</p>
      <p className="mt-3" data-testid="letter-payment">{doc.payment}</p>
      {doc.seal && (
        <section className="mt-6 min-h-[45mm] break-inside-avoid border border-black p-3" data-testid="seal-box">
          <h2 className="font-medium">{doc.seal.heading}</h2>
          {doc.seal.options.map((o) => <p key={o} className="mt-2">{o}</p>)}
          <p className="mt-10 whitespace-pre">{doc.seal.signature}</p>
        </section>
      )}
      <p className="mt-8 whitespace-pre-line text-right">{doc.sender}</p>
    </article>
  );
}
