/**
 * `statement.html?statement=<id>&lang=<zh|en>`: the statement of account (对账单 / 对账确认函) for printing, from the
 * statement's own lines (a reprint shows what was sent); `statement.html?plan=<id>`: the payment plan agreement.
 * Both print in the link's language (`documents` strings, loaded in that language only when it is not the page's).
 */
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { getSettings } from '@/lib/db/repo';
import type { Customer, Lang, Settings } from '@/lib/domain';
import type { DocText } from '@/lib/i18n/types';
import { useDocText } from '@/components/app/useDocText';
import { addDays } from '@/lib/ledger/dates';
import { formatDay, formatMoney } from '@/lib/format';
import { amountInCapitals } from '@/lib/playbook/capitals';
import { buildStatementDoc } from '@/lib/toolkit/statements';
import type { PaymentPlan, Statement } from '@/lib/toolkit/records';

const pageCss = '@page { size: A4; margin: 18mm 16mm; }';
/** Days the statement gives for payment after its as-of day. */
const PAY_WITHIN_DAYS = 10;

export function StatementPage() {
  const { t } = useTranslation('sidepanel');
  const app = useApp();
  const params = new URLSearchParams(location.search);
  const statementId = params.get('statement') ?? '';
  const planId = params.get('plan') ?? '';
  const lang = (params.get('lang') === 'zh' || params.get('lang') === 'en' ? params.get('lang') : app.lang) as Lang;
  const rows = useLiveQuery(async () => {
    const db = getDb();
    const statement = statementId ? await db.statements.get(statementId) : undefined;
    const plan = planId ? await db.paymentPlans.get(planId) : undefined;
    const customerId = statement?.customerId ?? plan?.customerId;
    const customer = customerId ? await db.customers.get(customerId) : undefined;
    const ledger = plan ? await db.ledgers.get(plan.customerId) : undefined;
    return { statement, plan, customer, settings: await getSettings(db), docs: ledger?.receivables ?? [] };
  }, [statementId, planId]);
  const text = useDocText(lang);
  const title = rows?.statement ? `${rows.statement.reference}` : rows?.plan ? rows.plan.reference : undefined;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  if (rows === undefined || !text)
    return (
      <p className="p-8" aria-busy="true">
        {t('loading')}
      </p>
    );
  if (!rows.customer || (!rows.statement && !rows.plan)) return <p className="p-8">{text.t('notFound')}</p>;
  return (
    <article
      className="mx-auto max-w-[210mm] bg-white p-[18mm] text-[13px] leading-relaxed text-black print:max-w-none print:p-0"
      data-testid="toolkit-doc"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <style>{pageCss}</style>
      <div className="mb-4 flex justify-end print:hidden">
        <button type="button" onClick={() => window.print()} className="rounded bg-blue-700 px-3 py-1 text-white">
          {t('print')}
        </button>
      </div>
      {rows.statement && (
        <StatementLetter s={rows.statement} customer={rows.customer} settings={rows.settings} text={text} />
      )}
      {rows.plan && (
        <PlanAgreement
          plan={rows.plan}
          customer={rows.customer}
          settings={rows.settings}
          text={text}
          docs={rows.docs
            .filter((r) => rows.plan!.receivableIds.includes(r.id))
            .map((r) => ({ docNumber: r.docNumber, dueDate: r.dueDate }))}
        />
      )}
    </article>
  );
}

function StatementLetter({
  s,
  customer,
  settings,
  text,
}: {
  s: Statement;
  customer: Customer;
  settings: Settings;
  text: DocText;
}) {
  const doc = buildStatementDoc(s, customer, settings, text, addDays(s.asOf, PAY_WITHIN_DAYS));
  return (
    <>
      <h1 className="mb-1 text-center text-xl font-bold">{doc.title}</h1>
      <p className="text-right" data-testid="doc-reference">
        {doc.reference}
      </p>
      <p className="mt-4 font-medium">{doc.addressee}</p>
      {doc.paragraphs.map((p, i) => (
        <p key={i} className="mt-2 indent-8">
          {p}
        </p>
      ))}
      <table className="mt-4 w-full border-collapse text-[12px]">
        <thead>
          <tr>
            {doc.headers.map((h) => (
              <th key={h} className="border border-black px-1.5 py-1 text-left">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doc.rows.map((r) => (
            <tr key={r[0]} className="break-inside-avoid">
              {r.map((c, i) => (
                <td key={i} className="border border-black px-1.5 py-1 tabular-nums">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 font-medium" data-testid="doc-total">
        {doc.totals.join(text.t('listSep'))}
      </p>
      <p className="mt-3">{doc.payment}</p>
      <section className="mt-6 min-h-[45mm] break-inside-avoid border border-black p-3" data-testid="doc-seal-box">
        <h2 className="font-medium">{doc.seal.heading}</h2>
        {doc.seal.options.map((o) => (
          <p key={o} className="mt-2">
            {o}
          </p>
        ))}
        <p className="mt-10 whitespace-pre">{doc.seal.signature}</p>
      </section>
      <p className="mt-8 whitespace-pre-line text-right">{doc.sender}</p>
    </>
  );
}

function PlanAgreement({
  plan,
  customer,
  settings,
  text: { lang, t },
  docs,
}: {
  plan: PaymentPlan;
  customer: Customer;
  settings: Settings;
  text: DocText;
  docs: Array<{ docNumber: string; dueDate: string }>;
}) {
  const zh = lang === 'zh';
  const us = settings.ourCompany;
  const creditor = (zh ? us.name : us.nameEn || us.name) || t('noCompany');
  const currency = plan.instalments[0].amount.currency;
  const totalMinor = plan.instalments.reduce((s, i) => s + i.amount.minor, 0);
  const total =
    formatMoney(totalMinor, currency, lang) + (zh && currency === 'CNY' ? `（${amountInCapitals(totalMinor)}）` : '');
  const grace = plan.graceDays ? t('plan.grace', { days: plan.graceDays }) : '';
  return (
    <>
      <h1 className="mb-1 text-center text-xl font-bold">{t('plan.title')}</h1>
      <p className="text-right" data-testid="doc-reference">
        {plan.reference}
      </p>
      <p className="mt-4 indent-8">
        {t('plan.intro', { debtor: customer.name, creditor, date: formatDay(plan.agreedOn, lang), total })}
      </p>
      <h2 className="mt-3 font-medium">{t('plan.docs')}</h2>
      <p>{docs.map((d) => `${d.docNumber} (${formatDay(d.dueDate, lang)})`).join(t('plan.docSep'))}</p>
      <h2 className="mt-3 font-medium">{t('plan.schedule')}</h2>
      <table className="mt-1 w-full border-collapse" data-testid="doc-schedule">
        <thead>
          <tr>
            {(['n', 'date', 'amount'] as const).map((h) => (
              <th key={h} className="border border-black px-2 py-1 text-left">
                {t(`plan.headers.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.instalments.map((i, n) => (
            <tr key={i.promiseId}>
              <td className="border border-black px-2 py-1">{n + 1}</td>
              <td className="border border-black px-2 py-1">{formatDay(i.date, lang)}</td>
              <td className="border border-black px-2 py-1 tabular-nums">
                {formatMoney(i.amount.minor, i.amount.currency, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 indent-8">
        {plan.accelerateOnMiss ? t('plan.terms', { grace }) : t('plan.termsNoAcc', { grace })}
      </p>
      <p className="mt-16 whitespace-pre">{t('plan.sign')}</p>
    </>
  );
}
