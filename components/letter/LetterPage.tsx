/**
 * `letter.html?customer=<id>&kind=<kind>&lang=<zh|en>`: a letter for printing (the browser prints it to PDF).
 * Before it leaves, its paragraphs can be edited and the invoices it covers picked (totals and capitals follow
 * the picks); after printing, "Log as sent" records the attempt — channel and outcome, a keystroke each, with
 * undo — and keeps the letter's text as sent, its reference and the invoices it covered with the activity.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { loadAccountRows } from '@/lib/db/repo';
import { allocate } from '@/lib/ledger';
import { buildLetter, letterChannel, letterKinds, letterText, type LetterKind } from '@/lib/playbook/letters';
import { toIsoDay, type Lang } from '@/lib/domain';
import { useDocText } from '@/components/app/useDocText';
import { useClock } from '@/components/app/clock';
import { LogAttempt } from '@/components/sidepanel/LogAttempt';
import { InvoicePicker, itemsOf } from '@/components/sidepanel/StepDraft';
import { defaultInterestRule, describeRule, letterInterestParagraph } from '@/lib/toolkit/leverage';
import { LPR_TABLE_KEY, readLprTable } from '@/lib/toolkit/lprStore';
import { publishedLpr } from '@/lib/toolkit/lpr';

/** A4 with the margins a printed letter needs; the screen view pads the page itself. */
const pageCss = '@page { size: A4; margin: 18mm 16mm; }';

const toolCls = 'rounded border border-stone-400 bg-white px-3 py-1';

export function LetterPage() {
  const { t } = useTranslation('sidepanel');
  const { t: td } = useTranslation('documents');
  const app = useApp();
  const clock = useClock();
  const params = new URLSearchParams(location.search);
  const customerId = params.get('customer') ?? '';
  const kind = (letterKinds as string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as LetterKind)
    : 'balance-confirmation';
  const lang = (params.get('lang') === 'zh' || params.get('lang') === 'en' ? params.get('lang') : app.lang) as Lang;
  const rows = useLiveQuery(() => loadAccountRows(getDb(), customerId), [customerId]);
  // What is printed speaks the letter's language, whatever the page's (loaded only when it differs).
  const text = useDocText(lang);
  const today = toIsoDay(clock());
  // The letter's number among today's letters of its kind for this customer, fixed when the page opens, so that
  // logging this letter does not renumber it.
  const [sequence, setSequence] = useState<number>();
  useEffect(() => {
    if (rows && sequence === undefined)
      setSequence(rows.activities.filter((x) => x.date === today && x.sent?.letterKind === kind).length + 1);
  }, [rows, sequence, today, kind]);
  const [picked, setPicked] = useState<string[]>();
  const [edits, setEdits] = useState<string[] | null>(null);
  const [pickedAfterEdit, setPickedAfterEdit] = useState(false);
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  const account = useMemo(
    () => (rows ? { ...rows, receivables: allocate(rows.receivables, rows.payments) } : undefined),
    [rows],
  );
  const lprRow = useLiveQuery(() => getDb().meta.get(LPR_TABLE_KEY), []);
  // The 逾期利息 paragraph: only in the 催款函, only when the user ticks it here (or chose it in the panel's Interest
  // tab, which the box then starts from); never put in on its own.
  const [interestChosen, setInterestChosen] = useState<boolean>();
  const withInterest = kind === 'collection-letter' && (interestChosen ?? rows?.terms?.interestInLetter ?? false);
  const interestRule = rows ? (rows.terms?.interest ?? defaultInterestRule(rows.customer.type)) : undefined;
  const base = account && text ? buildLetter(kind, account, clock(), text, { picked, sequence }) : undefined;
  const interest =
    account && base && text && interestRule && kind === 'collection-letter'
      ? letterInterestParagraph({
          receivables: account.receivables,
          disputes: account.disputes,
          picked: base.picked,
          terms: interestRule,
          asOf: today,
          table: readLprTable(lprRow?.value) ?? publishedLpr,
          text,
        })
      : undefined;
  const doc = base && withInterest && interest ? { ...base, interest: interest.paragraph } : base;
  // The title becomes the suggested file name when the browser prints to PDF.
  const pdfName = doc ? `${doc.title} ${doc.reference}` : undefined;
  useEffect(() => {
    if (pdfName) document.title = pdfName;
  }, [pdfName]);
  if (rows === undefined || !text)
    return (
      <p className="p-8" aria-busy="true">
        {t('loading')}
      </p>
    );
  if (!rows || !doc || !account) return <p className="p-8">{t('letterNoCustomer')}</p>;
  const paragraphs = edits ?? doc.paragraphs;
  const setParagraph = (i: number, text: string) => {
    setEdits(paragraphs.map((p, j) => (j === i ? text : p)));
    setPickedAfterEdit(false);
  };
  const pick = (ids: string[]) => {
    setPicked(ids);
    if (edits) setPickedAfterEdit(true);
  };
  const print = () => {
    window.print();
    setLogging(true);
  };
  return (
    <article
      className="mx-auto max-w-[210mm] bg-white p-[18mm] text-[13px] leading-relaxed text-black print:max-w-none print:p-0"
      data-testid="letter"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <style>{pageCss}</style>
      <div className="mb-4 space-y-2 print:hidden" data-testid="letter-tools">
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            className={toolCls}
            aria-pressed={editing}
            data-testid="letter-edit"
            onClick={() => setEditing(!editing)}
          >
            {t('sent.edit')}
          </button>
          {edits && (
            <button
              type="button"
              className={toolCls}
              data-testid="letter-reset"
              onClick={() => {
                setEdits(null);
                setPickedAfterEdit(false);
              }}
            >
              {t('sent.reset')}
            </button>
          )}
          <button type="button" className={toolCls} data-testid="letter-log" onClick={() => setLogging(true)}>
            {t('sent.log')}
          </button>
          <button
            type="button"
            onClick={print}
            className="rounded bg-blue-700 px-3 py-1 text-white"
            data-testid="letter-print"
          >
            {t('print')}
          </button>
        </div>
        {doc.missing.length > 0 && (
          <ul className="list-disc pl-5 text-xs text-amber-900" data-testid="letter-missing">
            {doc.missing.map((m) => (
              <li key={m}>{t(`sent.missing.${m}`)}</li>
            ))}
          </ul>
        )}
        <InvoicePicker
          items={itemsOf(account.receivables, account.disputes)}
          picked={doc.picked}
          onChange={pick}
          lang={lang}
          testId="letter-invoices"
        />
        {kind === 'collection-letter' && interestRule && (
          <div className="text-xs" data-testid="letter-interest-option">
            <label className="flex items-center gap-1">
              <input
                type="checkbox"
                data-testid="letter-interest"
                checked={withInterest}
                disabled={!interest}
                onChange={(e) => setInterestChosen(e.target.checked)}
              />
              {t('sent.interestOption', { rule: describeRule(interestRule, td) })}
            </label>
            <p className="text-stone-700">
              {interest ? t('sent.interestHint', { days: interest.figures.maxDays }) : t('sent.interestNone')}
            </p>
          </div>
        )}
        {pickedAfterEdit && (
          <p role="alert" className="text-xs text-amber-900" data-testid="letter-check-amounts">
            {t('sent.editedBeforePick')}
          </p>
        )}
        {logging && (
          <LogAttempt
            customerId={customerId}
            date={today}
            suggestedChannel={letterChannel[kind]}
            receivableIds={doc.picked}
            note={`${doc.title} ${doc.reference}`}
            onClose={() => setLogging(false)}
            sent={{
              kind: 'letter',
              letterKind: kind,
              reference: doc.reference,
              text: letterText(doc, paragraphs).slice(0, 20_000),
            }}
          />
        )}
      </div>
      {doc.draft && (
        <p className="mb-2 border border-amber-600 p-1 text-center text-amber-800">
          {text.t('letter.draftForCounsel')}
        </p>
      )}
      <h1 className="mb-1 text-center text-xl font-bold">{doc.title}</h1>
      <p className="text-right" data-testid="letter-reference">
        {doc.reference}
      </p>
      <p className="mt-4 font-medium">{doc.addressee}</p>
      {paragraphs.map((p, i) =>
        editing ? (
          <div key={i}>
            <textarea
              data-testid={`letter-paragraph-${i}`}
              className="mt-2 w-full rounded border border-stone-400 p-1 print:hidden"
              rows={Math.max(2, Math.ceil(p.length / 60))}
              value={p}
              onChange={(e) => setParagraph(i, e.target.value)}
            />
            <p className="mt-2 hidden indent-8 print:block">{p}</p>
          </div>
        ) : (
          <p key={i} className="mt-2 indent-8" data-testid={`letter-text-${i}`}>
            {p}
          </p>
        ),
      )}
      {doc.interest && (
        <p className="mt-2 indent-8" data-testid="letter-interest-text">
          {doc.interest}
        </p>
      )}
      <table className="mt-4 w-full border-collapse">
        <thead>
          <tr>
            {doc.table.headers.map((h) => (
              <th key={h} className="border border-black px-2 py-1 text-left">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doc.table.rows.map((r) => (
            <tr key={r.id} className="break-inside-avoid">
              {r.cells.map((c, i) => (
                <td key={i} className="border border-black px-2 py-1 tabular-nums">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 font-medium" data-testid="letter-total">
        {doc.table.totals.join(text.t('listSep'))}
      </p>
      {doc.disputed && (
        <p className="mt-2" data-testid="letter-disputed">
          {doc.disputed}
        </p>
      )}
      <p className="mt-3" data-testid="letter-payment">
        {doc.payment}
      </p>
      {doc.seal && (
        <section className="mt-6 min-h-[45mm] break-inside-avoid border border-black p-3" data-testid="seal-box">
          <h2 className="font-medium">{doc.seal.heading}</h2>
          {doc.seal.options.map((o) => (
            <p key={o} className="mt-2">
              {o}
            </p>
          ))}
          <p className="mt-10 whitespace-pre">{doc.seal.signature}</p>
        </section>
      )}
      <section className="mt-8 ml-auto min-h-[30mm] w-1/2 break-inside-avoid text-right" data-testid="letter-signoff">
        {doc.signOff.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </section>
    </article>
  );
}
