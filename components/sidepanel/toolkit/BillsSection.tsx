/**
 * 承兑汇票 / 应收账款电子凭证: record a bank or commercial acceptance bill or an e-receivable certificate the customer
 * paid with (acceptor, kind, amount, issue and maturity date, the documents it pays). The documents are settled in
 * the ledger at once; the cash is expected at maturity (the forecast and the popup count it then). Before saving,
 * the warnings: a commercial bill's risk is its acceptor's, a weak acceptor's especially; the 条例 art. 11 forbids
 * forcing a commercial bill or certificate on an SME or using one to stretch the term; a maturity later than the
 * documents' due dates; a term beyond six months.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { getDb } from '@/lib/db/schema';
import { formatDay, formatMoney, parseTypedAmount, toMajor } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { isoDate } from '@/lib/domain';
import { ToolkitRefusal, closeBill, recordBill } from '@/lib/toolkit/store';
import { type BillWarning, billProblems, billWarnings } from '@/lib/toolkit/bills';
import { type Bill, type BillKind, type BillStatus, billKinds } from '@/lib/toolkit/records';
import { useAccount } from '../account';
import { Field, buttonCls, inputCls, primaryCls } from '../fields';
import type { ToolkitData } from './data';
import type { KeyOf } from '@/lib/i18n/types';

const statusCls: Record<BillStatus, string> = {
  held: 'bg-blue-100 text-blue-900',
  collected: 'bg-emerald-100 text-emerald-900',
  endorsed: 'bg-stone-100 text-stone-800',
  discounted: 'bg-stone-100 text-stone-800',
  dishonoured: 'bg-red-100 text-red-900',
};

function Warnings({ list, testid }: { list: BillWarning[]; testid: string }) {
  const { t } = useTranslation('toolkit');
  if (!list.length) return null;
  return (
    <ul className="list-disc space-y-0.5 pl-4 text-amber-900" data-testid={testid}>
      {list.map((w) => (
        <li key={w.key} data-warning={w.key}>
          {t(`bills.warnings.${w.key}`, 'params' in w ? w.params : {})}
        </li>
      ))}
    </ul>
  );
}

export function BillsSection({ data }: { data: ToolkitData }) {
  const { t } = useTranslation('toolkit');
  const { lang } = useApp();
  const clock = useClock();
  const a = useAccount();
  const open = a.receivables.filter((r) => r.kind === 'invoice' && r.openMinor > 0);
  const currency = open[0]?.amount.currency ?? 'CNY';
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<BillKind>('bank-acceptance');
  const [number, setNumber] = useState('');
  const [acceptor, setAcceptor] = useState('');
  const [weak, setWeak] = useState(false);
  const [docs, setDocs] = useState<string[]>(() => (open[0] ? [open[0].id] : []));
  const docsOpen = open.filter((r) => docs.includes(r.id)).reduce((s, r) => s + r.openMinor, 0);
  const [amount, setAmount] = useState(() => (open[0] ? String(toMajor(open[0].openMinor, currency)) : ''));
  const [issued, setIssued] = useState(a.today);
  const [received, setReceived] = useState(a.today);
  const [maturity, setMaturity] = useState('');
  const [error, setError] = useState<string>();
  const typed = parseTypedAmount(amount, currency);
  const draft = {
    kind,
    acceptor: acceptor.trim() || (kind === 'bank-acceptance' ? '' : a.customer.name),
    acceptorWeak: weak,
    issueDate: issued,
    maturityDate: maturity,
  };
  const chosenDocs = open.filter((r) => docs.includes(r.id));
  const live =
    isoDate.safeParse(maturity).success && isoDate.safeParse(issued).success
      ? billWarnings(draft, chosenDocs, a.customer.type, data.terms)
      : [];

  const toggle = (id: string) =>
    setDocs((d) => {
      const next = d.includes(id) ? d.filter((x) => x !== id) : [...d, id];
      setAmount(
        String(
          toMajor(
            open.filter((r) => next.includes(r.id)).reduce((s, r) => s + r.openMinor, 0),
            currency,
          ),
        ),
      );
      return next;
    });

  const save = async () => {
    if (!draft.acceptor) {
      setError(t('bills.errors.acceptor'));
      return;
    }
    if (![issued, received, maturity].every((d) => isoDate.safeParse(d).success)) {
      setError(t('bills.errors.dates'));
      return;
    }
    if ('error' in typed) {
      setError(t('bills.errors.amount'));
      return;
    }
    const input = {
      customerId: a.customer.id,
      kind,
      number: number.trim() || undefined,
      acceptor: draft.acceptor,
      acceptorWeak: weak,
      amount: { minor: typed.minor, currency },
      issueDate: issued,
      receivedOn: received,
      maturityDate: maturity,
      receivableIds: docs,
    };
    const problems = billProblems(input, open);
    if (problems.length) {
      setError(t(`bills.errors.${problems[0]}`));
      return;
    }
    try {
      setError(undefined);
      await recordBill(getDb(), input, clock());
      notifyDataChanged();
      setAdding(false);
    } catch (e) {
      setError(
        e instanceof ToolkitRefusal
          ? t(`bills.errors.${e.code}` as KeyOf<'toolkit'>)
          : t('bills.errors.save', { message: (e as Error).message }),
      );
    }
  };
  const close = async (b: Bill, status: Exclude<BillStatus, 'held'>) => {
    await closeBill(getDb(), b.id, status, a.today, clock());
    notifyDataChanged();
  };

  return (
    <div className="space-y-2" data-testid="bills">
      <p className="text-xs text-stone-700">{t('bills.intro')}</p>
      {!adding && (
        <button
          type="button"
          className={buttonCls}
          data-testid="bill-add"
          disabled={!open.length}
          onClick={() => setAdding(true)}
        >
          {t('bills.add')}
        </button>
      )}
      {adding && (
        <form
          className="grid grid-cols-2 gap-1 rounded bg-stone-50 p-1.5"
          data-testid="bill-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t('bills.kind')}>
            <select
              className={inputCls}
              data-testid="bill-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as BillKind)}
            >
              {billKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`bills.kinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('bills.number')}>
            <input
              className={inputCls}
              data-testid="bill-number"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
          </Field>
          <div className="col-span-2">
            <Field
              label={t('bills.acceptor')}
              hint={
                kind === 'bank-acceptance'
                  ? t('bills.acceptorBank')
                  : t('bills.acceptorEnterprise', { name: a.customer.name })
              }
            >
              <input
                className={inputCls}
                data-testid="bill-acceptor"
                value={acceptor}
                placeholder={kind === 'bank-acceptance' ? '' : a.customer.name}
                onChange={(e) => setAcceptor(e.target.value)}
              />
            </Field>
          </div>
          {kind !== 'bank-acceptance' && (
            <label className="col-span-2 flex gap-1 text-xs">
              <input
                type="checkbox"
                data-testid="bill-weak"
                checked={weak}
                onChange={(e) => setWeak(e.target.checked)}
              />
              {t('bills.weak')}
            </label>
          )}
          <fieldset className="col-span-2 text-xs">
            <legend className="font-medium text-stone-700">{t('bills.docs')}</legend>
            {open.map((r) => (
              <label key={r.id} className="flex gap-1">
                <input
                  type="checkbox"
                  data-testid="bill-doc"
                  data-receivable-id={r.id}
                  checked={docs.includes(r.id)}
                  onChange={() => toggle(r.id)}
                />
                {r.docNumber} · {formatMoney(r.openMinor, r.amount.currency, lang)} · {formatDay(r.dueDate, lang)}
              </label>
            ))}
          </fieldset>
          <Field
            label={t('bills.amount')}
            hint={t('bills.docsOpen', { amount: formatMoney(docsOpen, currency, lang) })}
          >
            <input
              className={inputCls}
              data-testid="bill-amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </Field>
          <Field label={t('bills.issued')}>
            <input
              type="date"
              className={inputCls}
              data-testid="bill-issued"
              value={issued}
              onChange={(e) => setIssued(e.target.value)}
            />
          </Field>
          <Field label={t('bills.received')}>
            <input
              type="date"
              className={inputCls}
              data-testid="bill-received"
              value={received}
              onChange={(e) => setReceived(e.target.value)}
            />
          </Field>
          <Field label={t('bills.maturity')}>
            <input
              type="date"
              className={inputCls}
              data-testid="bill-maturity"
              value={maturity}
              onChange={(e) => setMaturity(e.target.value)}
            />
          </Field>
          <div className="col-span-2">
            <Warnings list={live} testid="bill-warnings-draft" />
          </div>
          {error && (
            <p role="alert" className="col-span-2 text-xs text-red-800" data-testid="bill-error">
              {error}
            </p>
          )}
          <button type="submit" className={`${primaryCls} col-span-2`} data-testid="bill-save">
            {t('bills.save')}
          </button>
        </form>
      )}
      {data.bills.length === 0 && !adding && <p className="text-stone-700">{t('bills.none')}</p>}
      <ul className="space-y-2">
        {data.bills.map((b) => {
          const paid = a.receivables.filter((r) => b.receivableIds.includes(r.id));
          const warnings = b.status === 'held' ? billWarnings(b, paid, a.customer.type, data.terms) : [];
          return (
            <li
              key={b.id}
              className="rounded border border-stone-200 p-1.5 text-xs"
              data-testid="bill-item"
              data-bill-id={b.id}
              data-status={b.status}
              data-maturity={b.maturityDate}
              data-minor={b.amount.minor}
            >
              <p className="flex flex-wrap items-center justify-between gap-1">
                <span className="font-medium">
                  {t(`bills.kinds.${b.kind}`)}
                  {b.number ? ` ${b.number}` : ''} · {formatMoney(b.amount.minor, b.amount.currency, lang)}
                </span>
                <span className={`rounded px-1 ${statusCls[b.status]}`}>{t(`bills.status.${b.status}`)}</span>
              </p>
              <p>
                {t('bills.line', {
                  acceptor: b.acceptor,
                  issued: formatDay(b.issueDate, lang),
                  maturity: formatDay(b.maturityDate, lang),
                })}
              </p>
              <p className="text-stone-700" data-testid="bill-settles">
                {t(b.status === 'dishonoured' ? 'bills.reopened' : 'bills.settles', {
                  docs: paid.map((r) => r.docNumber).join(', '),
                  date: formatDay(b.receivedOn, lang),
                  maturity: formatDay(b.maturityDate, lang),
                })}
              </p>
              {b.closedOn && b.status !== 'held' && (
                <p className="text-stone-600">{t('bills.closedOn', { date: formatDay(b.closedOn, lang) })}</p>
              )}
              <Warnings list={warnings} testid="bill-warnings" />
              {b.status === 'held' && (
                <div className="mt-1 flex flex-wrap gap-1">
                  {(['collected', 'endorsed', 'discounted', 'dishonoured'] as const).map((s) => (
                    <button
                      key={s}
                      type="button"
                      className={buttonCls}
                      data-testid={`bill-${s}`}
                      onClick={() => void close(b, s)}
                    >
                      {t(`bills.actions.${s}`)}
                    </button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
