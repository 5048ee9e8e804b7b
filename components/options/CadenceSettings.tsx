/**
 * Reminder schedules per customer group (Settings.cadences, lib/cadence) and the webmail drafts open in. Each step
 * is a number of days from the due date, checked as typed (whole number, in range, each day once, at most
 * CADENCE_MAX_STEPS); a valid group is saved at once through the settings saver, an invalid one keeps its draft
 * and says why under the field.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useApp } from '@/components/app/AppShell';
import {
  CADENCE_MAX_DAY,
  CADENCE_MAX_STEPS,
  CADENCE_MIN_DAY,
  DEFAULT_CADENCE_DAYS,
  type Cadences,
  type CustomerType,
  customerTypes,
  type Webmail,
  webmails,
} from '@/lib/domain';
import { Card, Field, Section, btn, input } from './ui';
import { useSettingsSaver } from './SettingsSection';

type StepError = string | undefined;
/** The page's `t`: the options strings first, `common` beside them. */
type OptionsT = TFunction<readonly ['options', 'common']>;

/** The steps as typed → the days to save, or an error per step. */
export function parseSteps(
  drafts: string[],
  t: OptionsT,
): { ok: true; days: number[] } | { ok: false; errors: StepError[] } {
  const errors: StepError[] = drafts.map((d) => {
    if (!/^\s*[-−]?\d+\s*$/.test(d)) return t('cadence.errors.integer');
    const n = Number(d.trim().replace('−', '-'));
    return n < CADENCE_MIN_DAY || n > CADENCE_MAX_DAY
      ? t('cadence.errors.range', { min: CADENCE_MIN_DAY, max: CADENCE_MAX_DAY })
      : undefined;
  });
  const nums = drafts.map((d) => Number(d.trim().replace('−', '-')));
  nums.forEach((n, i) => {
    if (!errors[i] && nums.indexOf(n) !== i) errors[i] = t('cadence.errors.duplicate');
  });
  if (drafts.length > CADENCE_MAX_STEPS)
    errors[CADENCE_MAX_STEPS] = t('cadence.errors.max', { max: CADENCE_MAX_STEPS });
  return errors.some(Boolean) ? { ok: false, errors } : { ok: true, days: [...nums].sort((a, b) => a - b) };
}

export function dayText(d: number, t: OptionsT): string {
  return d < 0 ? t('cadence.before', { days: -d }) : d === 0 ? t('cadence.on') : t('cadence.after', { days: d });
}

export function CadenceSettings() {
  const { t } = useTranslation(['options', 'common']);
  const { settings, ready } = useApp();
  const { state, save } = useSettingsSaver();
  // The schedules as last saved from this page: two groups edited within one save pause both stay.
  const latest = useRef<Cadences>(settings.cadences);
  useEffect(() => {
    latest.current = settings.cadences;
  }, [settings.cadences]);
  if (!ready) return null;
  const saveGroup = (g: CustomerType, days: number[]) => {
    latest.current = { ...latest.current, [g]: days };
    save({ cadences: latest.current });
  };
  return (
    <Section id="cadence" title={t('cadence.heading')}>
      <p className="text-stone-700">{t('cadence.intro')}</p>
      <div aria-live="polite" className="h-5 text-sm" data-testid="cadence-save-status">
        {state.kind === 'saving' && <span className="text-stone-600">{t('settings.saving')}</span>}
        {state.kind === 'saved' && <span className="text-green-800">{t('settings.saved')}</span>}
      </div>
      <Card>
        <Field label={t('cadence.webmail')} help={t('cadence.webmailHelp')}>
          {({ id, describedBy }) => (
            <select
              id={id}
              className={`${input} max-w-xs`}
              value={settings.webmail}
              aria-describedby={describedBy}
              data-testid="cadence-webmail"
              onChange={(e) => save({ webmail: e.target.value as Webmail })}
            >
              {webmails.map((w) => (
                <option key={w} value={w}>
                  {t(`common:webmails.${w}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Card>
      {customerTypes.map((g) => (
        <GroupSteps key={g} group={g} days={settings.cadences[g]} t={t} onValid={(days) => saveGroup(g, days)} />
      ))}
    </Section>
  );
}

function GroupSteps({
  group,
  days,
  t,
  onValid,
}: {
  group: CustomerType;
  days: number[];
  t: OptionsT;
  onValid: (d: number[]) => void;
}) {
  const [drafts, setDrafts] = useState<string[]>(days.map(String));
  const [errors, setErrors] = useState<StepError[]>([]);
  const saved = days.join(',');
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDrafts(saved ? saved.split(',') : []);
  }, [saved]);
  const change = (next: string[]) => {
    editing.current = true;
    setDrafts(next);
    const p = parseSteps(next, t);
    if (p.ok) {
      setErrors([]);
      onValid(p.days);
    } else setErrors(p.errors);
  };
  const name = t(`common:customerTypes.${group}`);
  const valid = parseSteps(drafts, t);
  return (
    <Card title={t('cadence.group', { group: name })} testId={`cadence-group-${group}`}>
      {drafts.length === 0 && <p className="text-sm text-stone-600">{t('cadence.none')}</p>}
      <ol className="flex flex-wrap gap-3">
        {drafts.map((d, i) => (
          <li key={i} className="flex items-end gap-1">
            <div className="w-40">
              <Field label={t('cadence.step', { n: i + 1 })} error={errors[i]}>
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    className={input}
                    inputMode="numeric"
                    value={d}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    data-testid={`cadence-${group}-step-${i}`}
                    onChange={(e) => change(drafts.map((x, j) => (j === i ? e.target.value : x)))}
                    onBlur={() => {
                      editing.current = false;
                    }}
                  />
                )}
              </Field>
            </div>
            <button
              type="button"
              className={btn}
              data-testid={`cadence-${group}-remove-${i}`}
              aria-label={t('cadence.remove', { n: i + 1 })}
              onClick={() => change(drafts.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {errors[CADENCE_MAX_STEPS] && (
        <p role="alert" className="text-xs text-red-800">
          {errors[CADENCE_MAX_STEPS]}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={btn}
          data-testid={`cadence-${group}-add`}
          disabled={drafts.length >= CADENCE_MAX_STEPS}
          onClick={() => {
            const last = Number(drafts[drafts.length - 1]);
            change([
              ...drafts,
              String(drafts.length && Number.isFinite(last) ? Math.min(CADENCE_MAX_DAY, last + 7) : 0),
            ]);
          }}
        >
          {t('cadence.add')}
        </button>
        <button
          type="button"
          className={btn}
          data-testid={`cadence-${group}-reset`}
          onClick={() => change(DEFAULT_CADENCE_DAYS.map(String))}
        >
          {t('cadence.reset', { days: DEFAULT_CADENCE_DAYS.join(', ') })}
        </button>
      </div>
      {valid.ok && valid.days.length > 0 && (
        <p className="text-xs text-stone-700" data-testid={`cadence-${group}-preview`}>
          {t('cadence.preview', { list: valid.days.map((d) => dayText(d, t)).join(' · ') })}
        </p>
      )}
    </Card>
  );
}
