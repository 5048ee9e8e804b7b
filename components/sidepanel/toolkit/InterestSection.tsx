/**
 * Late interest to date (if paid today) on the overdue documents, from the customer's terms: contract rate per day
 * or year, a multiple of the one-year LPR, or the SME regulation's 0.05 % a day. Shows the figure per document with
 * its day count and the legal caveats; the 催款函 paragraph only when the user ticks it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { getDb } from '@/lib/db/schema';
import { formatDay, formatMoney } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { saveTerms } from '@/lib/toolkit/store';
import { type TermsRule, defaultInterestRule, interestParagraph, interestToDate, ruleOf } from '@/lib/toolkit/leverage';
import { belowSmeFloor } from '@/lib/toolkit/interest';
import { publishedLprCheckedThrough } from '@/lib/toolkit/lpr';
import { useAccount } from '../account';
import { Field, buttonCls, inputCls, primaryCls } from '../fields';
import type { ToolkitData } from './data';
import { copyText, termsDefaults, undisputedMap } from './shared';

type Kind = TermsRule['kind'];
const kinds: Kind[] = ['sme-statutory', 'per-day', 'per-year', 'lpr'];

const defaultRule = defaultInterestRule;

const pctText = (r: TermsRule) =>
  r.kind === 'per-day' || r.kind === 'per-year' ? String(Math.round(r.rate * 1e8) / 1e6) : '';

export function InterestSection({ data }: { data: ToolkitData }) {
  const { t } = useTranslation('toolkit');
  const { t: td } = useTranslation('documents');
  const { lang } = useApp();
  const clock = useClock();
  const a = useAccount();
  const saved = data.terms?.interest ?? defaultRule(a.customer.type);
  const [kind, setKind] = useState<Kind>(saved.kind);
  const [rate, setRate] = useState(pctText(saved));
  const [multiple, setMultiple] = useState(saved.kind === 'lpr' ? String(saved.multiple) : '1.5');
  const [signedOn, setSignedOn] = useState(data.terms?.contractSignedOn ?? '');
  const [error, setError] = useState<string>();
  const [flash, setFlash] = useState<string>();

  const draft = ((): TermsRule | undefined => {
    if (kind === 'sme-statutory') return { kind };
    if (kind === 'lpr') {
      const m = Number(multiple);
      return multiple.trim() && Number.isFinite(m) && m >= 0 ? { kind, multiple: m } : undefined;
    }
    const p = Number(rate);
    return rate.trim() && Number.isFinite(p) && p >= 0 ? { kind, rate: p / 100 } : undefined;
  })();
  const figures = draft
    ? interestToDate(a.receivables, draft, a.today, data.lpr, undisputedMap(a, data.disputes))
    : undefined;
  const floor =
    draft && signedOn && kind !== 'sme-statutory' && data.terms?.weWereSme
      ? belowSmeFloor(ruleOf(draft, data.lpr), signedOn, data.lpr)
      : undefined;
  const lprRows =
    figures && draft?.kind === 'lpr'
      ? [
          ...new Map(
            figures.documents
              .flatMap((d) => d.result.segments.map((s) => s.lpr))
              .filter((x) => !!x)
              .map((x) => [x!.from, x!]),
          ).values(),
        ]
      : [];
  const paragraph = figures && draft ? interestParagraph(figures, draft, a.today, { lang, t: td }) : undefined;
  const inLetter = data.terms?.interestInLetter ?? false;

  const save = async (patch: { interestInLetter?: boolean } = {}) => {
    if (!draft) {
      setError(kind === 'lpr' ? t('interest.errors.multiple') : t('interest.errors.rate'));
      return;
    }
    setError(undefined);
    const at = clock();
    const { updatedAt: _u, ...prev } = data.terms ?? { ...termsDefaults(a.customer.id), updatedAt: 0 };
    await saveTerms(getDb(), { ...prev, interest: draft, contractSignedOn: signedOn || undefined, ...patch }, at);
    notifyDataChanged();
    setFlash(t('interest.saved'));
  };

  return (
    <div className="space-y-2" data-testid="interest">
      <div className="grid grid-cols-2 gap-1">
        <Field label={t('interest.rule')}>
          <select
            data-testid="interest-kind"
            className={inputCls}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setFlash(undefined);
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`interest.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {(kind === 'per-day' || kind === 'per-year') && (
          <Field label={t('interest.rate')} error={error}>
            <input
              data-testid="interest-rate"
              inputMode="decimal"
              className={inputCls}
              value={rate}
              onChange={(e) => setRate(e.target.value)}
            />
          </Field>
        )}
        {kind === 'lpr' && (
          <Field label={t('interest.multiple')} error={error}>
            <input
              data-testid="interest-multiple"
              inputMode="decimal"
              className={inputCls}
              value={multiple}
              onChange={(e) => setMultiple(e.target.value)}
            />
          </Field>
        )}
        <Field label={t('interest.signedOn')}>
          <input
            type="date"
            data-testid="interest-signed"
            className={inputCls}
            value={signedOn}
            onChange={(e) => setSignedOn(e.target.value)}
          />
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <button type="button" data-testid="interest-save" className={primaryCls} onClick={() => void save()}>
          {t('interest.save')}
        </button>
        {flash && (
          <span className="text-xs text-stone-600" aria-live="polite">
            {flash}
          </span>
        )}
      </div>
      {figures &&
        (figures.documents.length === 0 ? (
          <p className="text-stone-700">{t('interest.none')}</p>
        ) : (
          <div className="rounded bg-stone-50 p-1.5">
            <p className="font-medium tabular-nums" data-testid="interest-total">
              {t('interest.total', {
                amount: [...figures.totals].map(([c, m]) => formatMoney(m, c, lang)).join(' + '),
              })}
            </p>
            <p className="text-xs text-stone-700" data-testid="interest-days">
              {t('interest.days', { days: figures.maxDays })}
            </p>
            <ul className="mt-1 text-xs tabular-nums" data-testid="interest-docs">
              {figures.documents.map((d) => (
                <li
                  key={`${d.receivableId}${d.retention ? '#retention' : ''}`}
                  data-receivable-id={d.receivableId}
                  data-days={d.result.days}
                  data-minor={d.result.interest.minor}
                >
                  {t('interest.doc', {
                    doc: d.docNumber,
                    principal: formatMoney(d.principalMinor, d.currency, lang),
                    days: d.result.days,
                    interest: formatMoney(d.result.interest.minor, d.currency, lang),
                  })}
                </li>
              ))}
            </ul>
            {lprRows.length > 0 && (
              <p className="mt-1 text-xs text-stone-700" data-testid="interest-lpr-rows">
                {t('interest.lprRows', {
                  rows: lprRows.map((r) => `${formatDay(r.from, lang)} ${(r.rate * 100).toFixed(2)}%`).join('; '),
                })}
              </p>
            )}
          </div>
        ))}
      <ul className="list-disc space-y-0.5 pl-4 text-xs text-stone-700" data-testid="interest-caveats">
        <li>{t('interest.caveats.notCharged')}</li>
        {kind === 'sme-statutory' && <li data-caveat="sme">{t('interest.caveats.sme')}</li>}
        {floor?.below && (
          <li data-caveat="sme-floor" className="text-red-800">
            {t('interest.caveats.smeFloor', { lpr: `${(floor.lpr.rate * 100).toFixed(2)}%` })}
          </li>
        )}
        {(kind === 'per-day' || kind === 'per-year') && <li data-caveat="penalty">{t('interest.caveats.penalty')}</li>}
        {kind === 'lpr' && (
          <li data-caveat="lpr">
            {t('interest.caveats.lpr')} {t('interest.lprTable', { day: formatDay(publishedLprCheckedThrough, lang) })}
          </li>
        )}
      </ul>
      <label className="flex items-start gap-1 text-xs">
        <input
          type="checkbox"
          data-testid="interest-in-letter"
          checked={inLetter}
          onChange={(e) => void save({ interestInLetter: e.target.checked })}
        />
        <span>{t('interest.inLetter')}</span>
      </label>
      {inLetter && paragraph && (
        <div className="rounded border border-stone-200 p-1.5 text-xs" data-testid="interest-paragraph">
          <p className="font-medium">{t('interest.paragraph')}</p>
          <p className="mt-0.5">{paragraph}</p>
          <button
            type="button"
            className={`${buttonCls} mt-1`}
            onClick={() => void copyText(paragraph).then((ok) => ok && setFlash(t('interest.copied')))}
          >
            {t('interest.copy')}
          </button>
        </div>
      )}
    </div>
  );
}
