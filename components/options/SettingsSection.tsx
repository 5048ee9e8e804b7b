/**
 * Settings that save as you type: each field keeps its own draft, validates it inline with its own message, and
 * a valid value is saved (debounced, zod-validated by saveSettings) with a "Saved" note.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useApp } from '@/components/app/AppShell';
import { type Settings, attitudes } from '@/lib/domain';
import { getDb } from '@/lib/db/schema';
import { type SettingsPatch, mergeSettingsPatch, saveSettings } from '@/lib/db/repo';
import { limitationRules } from '@/lib/ledger';
import { decimalToMinor } from '@/lib/transfer';
import { currencyDecimals } from '@/lib/ledger/money';
import { Card, Field, Section, btn, input } from './ui';
import { errorText } from '@/lib/i18n/userError';

const SAVE_DELAY_MS = 400;
type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: unknown };

/** Collects patches and saves them after a short pause; flushes on unmount. */
export function useSettingsSaver() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<SettingsPatch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const patch = pending.current;
    pending.current = {};
    if (!Object.keys(patch).length) return;
    try {
      await saveSettings(getDb(), patch);
      setState({ kind: 'saved' });
    } catch (e) {
      setState({ kind: 'error', error: e });
    }
  }, []);
  const save = useCallback(
    (patch: SettingsPatch) => {
      // Field by field: a second company field typed within the pause must not put back the first one's old value.
      pending.current = mergeSettingsPatch(pending.current, patch);
      setState({ kind: 'saving' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void flush();
      }, SAVE_DELAY_MS);
    },
    [flush],
  );
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );
  return { state, save, flush };
}

// ---------------------------------------------------------------------------------------------- parsers

const intIn =
  (t: TFunction<'options'>, min: number, max: number) =>
  (s: string): Parsed<number> => {
    if (!/^\s*-?\d+\s*$/.test(s)) return { ok: false, error: t('settings.errors.integer') };
    const n = Number(s);
    return n < min || n > max ? { ok: false, error: t('settings.errors.range', { min, max }) } : { ok: true, value: n };
  };
const currencyP =
  (t: TFunction<'options'>) =>
  (s: string): Parsed<string> =>
    /^[A-Za-z]{3}$/.test(s.trim())
      ? { ok: true, value: s.trim().toUpperCase() }
      : { ok: false, error: t('settings.errors.currency') };
const intList = (s: string) => s.split(/[,，\s]+/).filter(Boolean);
const bucketsP =
  (t: TFunction<'options'>) =>
  (s: string): Parsed<number[]> => {
    const parts = intList(s);
    const nums = parts.map(Number);
    if (!parts.length || parts.length > 8 || !parts.every((p) => /^\d+$/.test(p)) || nums.some((n) => n <= 0)) {
      return { ok: false, error: t('settings.errors.buckets') };
    }
    return { ok: true, value: [...new Set(nums)].sort((a, b) => a - b) };
  };
const ladderP =
  (t: TFunction<'options'>) =>
  (s: string): Parsed<number[]> => {
    const parts = intList(s);
    if (parts.length !== 9 || !parts.every((p) => /^-?\d+$/.test(p)))
      return { ok: false, error: t('settings.errors.ladder') };
    return { ok: true, value: parts.map(Number) };
  };
const textP =
  (max = 500) =>
  (s: string): Parsed<string> => ({ ok: true, value: s.slice(0, max) });

function formatMajor(minor: number, currency: string): string {
  const dp = currencyDecimals(currency);
  return dp ? (minor / 10 ** dp).toFixed(dp) : String(minor);
}

// ---------------------------------------------------------------------------------------------- field

/** A text input with a local draft; `parse` decides what is saved, and its error is shown under the field. */
function SettingInput<T>({
  label,
  help,
  value,
  parse,
  onValid,
  testId,
  className,
  inputMode,
}: {
  label: string;
  help?: string;
  value: string;
  parse: (s: string) => Parsed<T>;
  onValid: (v: T) => void;
  testId?: string;
  className?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
}) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | undefined>();
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return (
    <Field label={label} help={help} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className={className ?? input}
          value={draft}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          data-testid={testId}
          inputMode={inputMode}
          onFocus={() => {
            focused.current = true;
          }}
          onBlur={() => {
            focused.current = false;
            if (!error) setDraft(value);
          }}
          onChange={(e) => {
            const s = e.target.value;
            setDraft(s);
            const p = parse(s);
            if (p.ok) {
              setError(undefined);
              onValid(p.value);
            } else setError(p.error);
          }}
        />
      )}
    </Field>
  );
}

// ---------------------------------------------------------------------------------------------- section

export function SettingsSection() {
  const { t } = useTranslation(['options', 'common']);
  const { settings, ready } = useApp();
  const { state, save } = useSettingsSaver();
  if (!ready) return null;
  const s = settings;
  const company = s.ourCompany;
  const companyFields = [
    'name',
    'nameEn',
    'bankName',
    'bankAccount',
    'accountName',
    'contactName',
    'contactPhone',
  ] as const;
  const companyLabel: Record<(typeof companyFields)[number], string> = {
    name: t('settings.companyName'),
    nameEn: t('settings.companyNameEn'),
    bankName: t('settings.bankName'),
    bankAccount: t('settings.bankAccount'),
    accountName: t('settings.accountName'),
    contactName: t('settings.contactName'),
    contactPhone: t('settings.contactPhone'),
  };

  return (
    <Section id="settings" title={t('settings.heading')}>
      <div className="sticky top-0 z-10 h-6 bg-white" aria-live="polite" data-testid="settings-status">
        {state.kind === 'saving' && <span className="text-stone-600">{t('settings.saving')}</span>}
        {state.kind === 'saved' && <span className="text-green-800">{t('settings.saved')}</span>}
        {state.kind === 'error' && (
          <span className="text-red-800">{t('settings.saveFailed', { message: errorText(t, state.error) })}</span>
        )}
      </div>

      <Card>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label={t('settings.language')}>
            {({ id }) => (
              <select
                id={id}
                className={input}
                value={s.language ?? ''}
                data-testid="setting-language"
                onChange={(e) => save({ language: (e.target.value || undefined) as Settings['language'] })}
              >
                <option value="">{t('settings.languageBrowser')}</option>
                <option value="zh">{t('settings.languageZh')}</option>
                <option value="en">{t('settings.languageEn')}</option>
              </select>
            )}
          </Field>
          <SettingInput
            label={t('settings.baseCurrency')}
            help={t('settings.baseCurrencyHelp')}
            value={s.baseCurrency}
            parse={currencyP(t)}
            onValid={(v) => save({ baseCurrency: v })}
            testId="setting-base-currency"
          />
          <SettingInput
            label={t('settings.owner')}
            value={s.owner ?? ''}
            parse={textP()}
            onValid={(v) => save({ owner: v.trim() || undefined })}
            testId="setting-owner"
          />
        </div>
      </Card>

      <Card>
        <div className="grid gap-4 md:grid-cols-2">
          <SettingInput
            label={t('settings.agingBuckets')}
            help={t('settings.agingBucketsHelp')}
            value={s.agingBuckets.join(', ')}
            parse={bucketsP(t)}
            onValid={(v) => save({ agingBuckets: v })}
            testId="setting-buckets"
          />
          <Field label={t('settings.agingBasis')}>
            {({ id }) => (
              <select
                id={id}
                className={input}
                value={s.agingBasis}
                onChange={(e) => save({ agingBasis: e.target.value as Settings['agingBasis'] })}
              >
                <option value="due">{t('settings.basisDue')}</option>
                <option value="issue">{t('settings.basisIssue')}</option>
              </select>
            )}
          </Field>
        </div>
      </Card>

      <Card title={t('settings.limitation')}>
        <div role="group" aria-label={t('settings.limitationPresets')} className="flex flex-wrap gap-2">
          {limitationRules.map((r) => (
            <button
              key={r.id}
              type="button"
              className={btn}
              title={t(`settings.limitationRules.${r.id}.citation`)}
              aria-pressed={s.limitationYears === r.years}
              onClick={() => save({ limitationYears: r.years })}
            >
              {t(`settings.limitationRules.${r.id}.label`)}
            </button>
          ))}
        </div>
        <div className="grid gap-4 md:grid-cols-3">
          <SettingInput
            label={t('settings.limitationYears')}
            value={String(s.limitationYears)}
            parse={intIn(t, 1, 30)}
            onValid={(v) => save({ limitationYears: v })}
            testId="setting-limitation-years"
            inputMode="numeric"
          />
          <SettingInput
            label={t('settings.limitationWarnDays')}
            value={String(s.limitationWarnDays)}
            parse={intIn(t, 1, 365)}
            onValid={(v) => save({ limitationWarnDays: v })}
            inputMode="numeric"
          />
          <SettingInput
            label={t('settings.promiseGraceDays')}
            value={String(s.promiseGraceDays)}
            parse={intIn(t, 0, 30)}
            onValid={(v) => save({ promiseGraceDays: v })}
            testId="setting-grace"
            inputMode="numeric"
          />
        </div>
      </Card>

      <Card>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label={t('settings.attitude')}>
            {({ id }) => (
              <select
                id={id}
                className={input}
                value={s.attitude}
                onChange={(e) => save({ attitude: e.target.value as Settings['attitude'] })}
              >
                {attitudes.map((a) => (
                  <option key={a} value={a}>
                    {t(`settings.attitudes.${a}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SettingInput
            label={t('settings.ladderDays')}
            help={t('settings.ladderDaysHelp')}
            value={s.ladderDays.join(', ')}
            parse={ladderP(t)}
            onValid={(v) => save({ ladderDays: v })}
          />
          {/* How fast the ladder climbs from the steps taken (lib/playbook/ladder.ts); the day thresholds above are its ceiling. */}
          <SettingInput
            label={t('common:playbook.settings.climbAttempts')}
            help={t('common:playbook.settings.climbAttemptsHelp')}
            value={String(s.ladderClimb.failedAttempts)}
            parse={intIn(t, 1, 10)}
            inputMode="numeric"
            testId="setting-climb-attempts"
            onValid={(v) => save({ ladderClimb: { ...s.ladderClimb, failedAttempts: v } })}
          />
          <SettingInput
            label={t('common:playbook.settings.climbDays')}
            help={t('common:playbook.settings.climbDaysHelp')}
            value={String(s.ladderClimb.days)}
            parse={intIn(t, 1, 90)}
            inputMode="numeric"
            testId="setting-climb-days"
            onValid={(v) => save({ ladderClimb: { ...s.ladderClimb, days: v } })}
          />
        </div>
      </Card>

      <Card title={t('settings.ourCompany')}>
        <div className="grid gap-4 md:grid-cols-2">
          {companyFields.map((f) => (
            <SettingInput
              key={f}
              label={companyLabel[f]}
              value={company[f]}
              parse={textP()}
              onValid={(v) => save({ ourCompany: { [f]: v } })}
              testId={`setting-company-${f}`}
            />
          ))}
        </div>
        {/* 条例 art. 3: an SME creditor may complain about agencies, public institutions and large enterprises (lib/toolkit/complaint.ts). */}
        <SmeCreditorBox value={s.smeCreditor} save={save} />
      </Card>

      <Card title={t('settings.monthlyTarget')}>
        <MonthlyTarget settings={s} save={save} />
      </Card>

      <Card title={t('settings.fxRates')}>
        <p className="text-xs text-stone-600">{t('settings.fxRatesHelp')}</p>
        <FxRates settings={s} save={save} />
      </Card>
    </Section>
  );
}

/** "We are an SME": shown ticked at once, saved with the other fields after the pause. */
function SmeCreditorBox({ value, save }: { value: boolean; save: (p: Partial<Settings>) => void }) {
  const { t } = useTranslation('options');
  const [checked, setChecked] = useState(value);
  useEffect(() => {
    setChecked(value);
  }, [value]);
  return (
    <label className="mt-3 flex items-start gap-2 text-sm">
      <input
        type="checkbox"
        className="mt-1"
        data-testid="setting-sme-creditor"
        checked={checked}
        onChange={(e) => {
          setChecked(e.target.checked);
          save({ smeCreditor: e.target.checked });
        }}
      />
      <span>
        {t('settings.smeCreditor')}
        <span className="block text-xs text-stone-600">{t('settings.smeCreditorHelp')}</span>
      </span>
    </label>
  );
}

function MonthlyTarget({ settings, save }: { settings: Settings; save: (p: Partial<Settings>) => void }) {
  const { t } = useTranslation('options');
  const target = settings.monthlyTarget;
  const cur = target?.currency ?? settings.baseCurrency;
  const amountP = (s: string): Parsed<number | undefined> => {
    const text = s.replace(/[,，\s]/g, '');
    if (text === '') return { ok: true, value: undefined };
    const minor = /^\d+(\.\d+)?$/.test(text) ? decimalToMinor(text, currencyDecimals(cur)) : undefined;
    return minor === undefined ? { ok: false, error: t('settings.errors.amount') } : { ok: true, value: minor };
  };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <SettingInput
        label={t('settings.monthlyTargetAmount')}
        value={target ? formatMajor(target.minor, target.currency) : ''}
        parse={amountP}
        inputMode="decimal"
        testId="setting-target"
        onValid={(minor) => save({ monthlyTarget: minor === undefined ? undefined : { minor, currency: cur } })}
      />
      <SettingInput
        label={t('settings.monthlyTargetCurrency')}
        value={cur}
        parse={currencyP(t)}
        onValid={(c) => {
          if (target) save({ monthlyTarget: { minor: target.minor, currency: c } });
        }}
      />
    </div>
  );
}

function FxRates({ settings, save }: { settings: Settings; save: (p: Partial<Settings>) => void }) {
  const { t } = useTranslation('options');
  const [rows, setRows] = useState<Array<{ key: number; cur: string; rate: string }>>(() =>
    Object.entries(settings.fxRates).map(([cur, rate], i) => ({ key: i, cur, rate: String(rate) })),
  );
  const [errors, setErrors] = useState<Record<number, string>>({});
  const nextKey = useRef(rows.length);
  const commit = (next: typeof rows) => {
    setRows(next);
    const errs: Record<number, string> = {};
    const out: Record<string, number> = {};
    for (const r of next) {
      if (!r.cur && !r.rate) continue;
      if (!/^[A-Za-z]{3}$/.test(r.cur)) {
        errs[r.key] = t('settings.errors.currency');
        continue;
      }
      const n = Number(r.rate.replace(/[,，]/g, ''));
      if (!(Number.isFinite(n) && n > 0)) {
        errs[r.key] = t('settings.errors.rate');
        continue;
      }
      out[r.cur.toUpperCase()] = n;
    }
    setErrors(errs);
    if (!Object.keys(errs).length) save({ fxRates: out });
  };
  return (
    <div className="space-y-2">
      {rows.map((r, i) => (
        <div key={r.key} className="flex items-end gap-2">
          <label className="flex flex-col text-xs">
            {t('settings.fxCurrency')}
            <input
              className={`${input} w-24 uppercase`}
              value={r.cur}
              maxLength={3}
              onChange={(e) => commit(rows.map((x, j) => (j === i ? { ...x, cur: e.target.value.toUpperCase() } : x)))}
            />
          </label>
          <label className="flex flex-col text-xs">
            {t('settings.fxRate')}
            <input
              className={`${input} w-32`}
              value={r.rate}
              inputMode="decimal"
              onChange={(e) => commit(rows.map((x, j) => (j === i ? { ...x, rate: e.target.value } : x)))}
            />
          </label>
          <button
            type="button"
            className={btn}
            aria-label={t('settings.fxRemove', { currency: r.cur || '—' })}
            onClick={() => commit(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
          {errors[r.key] && (
            <span className="text-xs text-red-800" role="alert">
              {errors[r.key]}
            </span>
          )}
        </div>
      ))}
      <button
        type="button"
        className={btn}
        onClick={() => setRows([...rows, { key: nextKey.current++, cur: '', rate: '' }])}
      >
        {t('settings.fxAdd')}
      </button>
    </div>
  );
}
