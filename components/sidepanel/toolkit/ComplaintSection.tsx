/**
 * The complaint channel before the lawyer: the eligibility check, each condition with its answer from the record,
 * the facts to file prepared from the record, and the step offered once the ladder reaches the lawyer's letter.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { getDb } from '@/lib/db/schema';
import { formatMoney } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { suggestNext } from '@/lib/playbook';
import { complaintFacts } from '@/lib/toolkit/complaint';
import { formatDay } from '@/lib/format';
import { counterpartSizes, type CustomerTerms } from '@/lib/toolkit/records';
import { saveTerms } from '@/lib/toolkit/store';
import { useAccount } from '../account';
import { buttonCls, inputCls } from '../fields';
import type { ToolkitData } from './data';
import { copyText, eligibilityOf, termsDefaults, undisputedMap } from './shared';

export function ComplaintSection({ data }: { data: ToolkitData }) {
  const { t } = useTranslation('toolkit');
  const { lang } = useApp();
  const clock = useClock();
  const a = useAccount();
  const [flash, setFlash] = useState<string>();
  const terms = data.terms;
  const check = eligibilityOf(a, data.disputes, terms);
  // The ladder's own answer (suggestNext, as the next-step card, the badge and the worklist have it).
  const suggestion = suggestNext(a, clock(), lang);
  const offered = suggestion.complaint;
  const [filedOn, setFiledOn] = useState(a.today);
  const und = undisputedMap(a, data.disputes);
  const us = a.settings.ourCompany;
  const facts = complaintFacts({
    t,
    asOf: a.today,
    ourName: (lang === 'zh' ? us.name : us.nameEn || us.name) || '—',
    debtorName: a.customer.name,
    debtorKind: check.debtorKind,
    documents: a.receivables
      .filter((r) => r.kind === 'invoice' && r.openMinor > 0)
      .map((r) => ({
        docNumber: r.docNumber,
        contractRef: r.contractRef,
        dueDate: r.dueDate,
        undisputedMinor: und.get(r.id) ?? r.openMinor,
        currency: r.amount.currency,
      })),
    demands: a.activities
      .filter((x) => x.evidence)
      .map((x) => ({ date: x.date, channel: x.channel, evidence: x.evidence })),
    sealedStatements: data.statements
      .filter((s) => s.sealedOn)
      .map((s) => ({ reference: s.reference, sealedOn: s.sealedOn! })),
    noSuitRecorded: terms?.inCourt === false,
    format: (m, c) => formatMoney(m, c, lang),
  });

  const update = async (patch: Partial<Omit<CustomerTerms, 'customerId' | 'updatedAt'>>) => {
    const { updatedAt: _u, ...prev } = terms ?? { ...termsDefaults(a.customer.id), updatedAt: 0 };
    await saveTerms(getDb(), { ...prev, ...patch }, clock());
    notifyDataChanged();
  };
  const answer = (m: boolean | 'unknown') =>
    m === 'unknown' ? t('complaint.met.unknown') : m ? t('complaint.met.yes') : t('complaint.met.no');

  return (
    <div className="space-y-2 text-xs" data-testid="complaint" data-eligible={check.eligible} data-offer={offered}>
      <p>{t('complaint.intro')}</p>
      <label className="flex gap-1">
        <input
          type="checkbox"
          data-testid="complaint-sme"
          checked={terms?.weWereSme ?? false}
          onChange={(e) => void update({ weWereSme: e.target.checked })}
        />
        {t('complaint.weWereSme')}
      </label>
      {a.customer.type === 'government' ? (
        <label className="flex gap-1">
          <input
            type="checkbox"
            checked={terms?.publicInstitution ?? false}
            onChange={(e) => void update({ publicInstitution: e.target.checked })}
          />
          {t('complaint.publicInstitution')}
        </label>
      ) : (
        <label className="flex items-center gap-1">
          {t('complaint.debtorSize')}
          <select
            className={`${inputCls} w-auto`}
            data-testid="complaint-size"
            value={terms?.debtorSize ?? 'unknown'}
            onChange={(e) => void update({ debtorSize: e.target.value as CustomerTerms['debtorSize'] })}
          >
            {counterpartSizes.map((s) => (
              <option key={s} value={s}>
                {t(`complaint.sizes.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex gap-1">
        <input
          type="checkbox"
          data-testid="complaint-court"
          checked={terms?.inCourt ?? false}
          onChange={(e) => void update({ inCourt: e.target.checked })}
        />
        {t('complaint.inCourt')}
      </label>
      <ul className="space-y-0.5" data-testid="complaint-conditions">
        {check.conditions.map((c) => (
          <li
            key={c.key}
            data-condition={c.key}
            data-met={String(c.met)}
            className={c.met === true ? 'text-emerald-800' : c.met === false ? 'text-red-800' : 'text-amber-800'}
          >
            {c.met === true ? '✓' : c.met === false ? '✗' : '?'} {t(`complaint.conditions.${c.key}`)}: {answer(c.met)}
          </li>
        ))}
      </ul>
      <p className="font-medium" data-testid="complaint-verdict">
        {check.eligible ? t('complaint.eligible') : t('complaint.notEligible')}
      </p>
      {terms?.complaintFiledOn ? (
        <p className="text-stone-700" data-testid="complaint-filed">
          {t('complaint.filed', { date: formatDay(terms.complaintFiledOn, lang) })}{' '}
          <button type="button" className={buttonCls} onClick={() => void update({ complaintFiledOn: undefined })}>
            {t('complaint.unfile')}
          </button>
        </p>
      ) : (
        check.eligible &&
        (offered ? (
          <p
            className="rounded border border-blue-300 bg-blue-50 p-1.5 font-medium text-blue-900"
            data-testid="complaint-step"
          >
            {t('complaint.offer')}
          </p>
        ) : (
          <p className="text-stone-700">{t('complaint.notYet')}</p>
        ))
      )}
      {check.eligible && !terms?.complaintFiledOn && (
        <label className="flex items-center gap-1">
          {t('complaint.filedOn')}
          <input
            type="date"
            className={`${inputCls} w-auto`}
            data-testid="complaint-filed-on"
            value={filedOn}
            max={a.today}
            onChange={(e) => setFiledOn(e.target.value)}
          />
          <button
            type="button"
            className={buttonCls}
            data-testid="complaint-mark-filed"
            disabled={!filedOn}
            onClick={() => void update({ complaintFiledOn: filedOn })}
          >
            {t('complaint.markFiled')}
          </button>
        </label>
      )}
      {check.eligible && (
        <div className="rounded bg-stone-50 p-1.5">
          <p className="font-medium">{t('complaint.facts')}</p>
          <pre className="whitespace-pre-wrap font-sans" data-testid="complaint-facts">
            {facts.join('\n')}
          </pre>
          <button
            type="button"
            className={`${buttonCls} mt-1`}
            onClick={() => void copyText(facts.join('\n')).then((ok) => ok && setFlash(t('complaint.copied')))}
          >
            {t('complaint.copy')}
          </button>
          {flash && (
            <span className="ml-2 text-stone-600" aria-live="polite">
              {flash}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
