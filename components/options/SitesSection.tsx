/**
 * Sites: built-in readers on/off (settings.disabledSites), and the user's own CRM sites. Adding one asks for the
 * host permission inside the click (the browser requires a user gesture), then saves it to settings.userSites,
 * mirrors the list to storage.local (content scripts read it there) and registers the CRM content script for the
 * pattern. Removing undoes all three.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  registerPageScript,
  removeHostPermission,
  requestHostPermission,
  setLocalValue,
  unregisterPageScript,
  watchLocalValue,
} from '@/lib/browser/pages';
import { useApp } from '@/components/app/AppShell';
import { type UserSite, newId, userSiteSchema } from '@/lib/domain';
import { getDb } from '@/lib/db/schema';
import { getSettings, saveSettings } from '@/lib/db/repo';
import { notifyDataChanged } from '@/lib/browser/send';
import { compileMatchPattern, readers } from '@/lib/sites';
import { crmHostMatches, mailHostMatches } from '@/lib/sites/hosts';
import { Card, Field, Section, Status, btn, btnPrimary, input } from './ui';
import { errorText } from '@/lib/i18n/userError';
import { useClock } from '@/components/app/clock';
import { HEALTH_KEY, isoWeek, parseHealth, weekOf, type SiteHealth } from '@/lib/sites/health';
import { CONFIRMED_HOSTS_KEY, parseConfirmedHosts } from '@/lib/browser/siteState';
import { send } from '@/lib/browser/send';

/** A storage.local value, parsed, kept current while the page is open. */
function useLocalValue<T>(key: string, parse: (raw: unknown) => T): T {
  const [value, setValue] = useState<T>(() => parse(undefined));
  useEffect(() => watchLocalValue(key, (raw) => setValue(parse(raw))), [key, parse]);
  return value;
}

export const userScriptId = (siteId: string) => `user-${siteId}`;
export const CRM_SCRIPT = 'content-scripts/crm.js';

type Draft = {
  label: string;
  hostPattern: string;
  nameSelector: string;
  nameRegex: string;
  recordIdRegex: string;
  emailSelector: string;
};
const empty: Draft = {
  label: '',
  hostPattern: '',
  nameSelector: '',
  nameRegex: '',
  recordIdRegex: '',
  emailSelector: '',
};

function validRegex(s: string): boolean {
  if (!s) return true;
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}
function validSelector(s: string): boolean {
  if (!s) return true;
  try {
    document.createDocumentFragment().querySelector(s);
    return true;
  } catch {
    return false;
  }
}

/** Adds a user site: permission (first, inside the gesture), settings, storage mirror, content script. */
export async function addUserSite(draft: Draft): Promise<{ ok: true; site: UserSite } | { ok: false; denied: true }> {
  const pattern = draft.hostPattern.trim();
  const granted = await requestHostPermission(pattern);
  if (!granted) return { ok: false, denied: true };
  const site = userSiteSchema.parse({
    id: newId('s').slice(0, 12),
    label: draft.label.trim(),
    hostPattern: pattern,
    ...(draft.nameSelector.trim() ? { nameSelector: draft.nameSelector.trim() } : {}),
    ...(draft.nameRegex.trim() ? { nameRegex: draft.nameRegex.trim() } : {}),
    ...(draft.recordIdRegex.trim() ? { recordIdRegex: draft.recordIdRegex.trim() } : {}),
    ...(draft.emailSelector.trim() ? { emailSelector: draft.emailSelector.trim() } : {}),
  });
  const db = getDb();
  const current = await getSettings(db);
  const next = await saveSettings(db, { userSites: [...current.userSites, site] });
  await setLocalValue('userSites', next.userSites);
  await registerPageScript(userScriptId(site.id), pattern, CRM_SCRIPT);
  return { ok: true, site };
}

/** Removes a user site: content script, permission (unless still needed), settings entry, storage mirror. */
export async function removeUserSite(site: UserSite): Promise<void> {
  const db = getDb();
  const current = await getSettings(db);
  const rest = current.userSites.filter((s) => s.id !== site.id);
  try {
    await unregisterPageScript(userScriptId(site.id));
  } catch {
    /* not registered (e.g. after a browser restart without re-registration) */
  }
  const builtIn =
    (crmHostMatches as readonly string[]).includes(site.hostPattern) ||
    (mailHostMatches as readonly string[]).includes(site.hostPattern);
  if (!builtIn && !rest.some((s) => s.hostPattern === site.hostPattern)) {
    await removeHostPermission(site.hostPattern);
  }
  const next = await saveSettings(db, { userSites: rest });
  await setLocalValue('userSites', next.userSites);
}

export function SitesSection() {
  const { t } = useTranslation('options');
  const { settings, ready } = useApp();
  const [draft, setDraft] = useState<Draft>(empty);
  const [touched, setTouched] = useState(false);
  const [msg, setMsg] = useState<{ text: string; tone: 'ok' | 'error' } | undefined>();
  const disabled = new Set(settings.disabledSites);
  const health: SiteHealth = useLocalValue(HEALTH_KEY, parseHealth);
  const confirmedHosts = useLocalValue(CONFIRMED_HOSTS_KEY, parseConfirmedHosts);
  const week = isoWeek(useClock()());
  const forget = (host: string) =>
    send({ type: 'host/forget', host }).then(
      () => setMsg({ text: t('sites.hostForgotten', { host }), tone: 'ok' }),
      (e: unknown) => setMsg({ text: t('sites.failed', { message: errorText(t, e) }), tone: 'error' }),
    );

  const errors: Partial<Record<keyof Draft, string>> = {};
  if (!draft.label.trim()) errors.label = t('sites.errors.label');
  if (!draft.hostPattern.trim() || !compileMatchPattern(draft.hostPattern.trim()))
    errors.hostPattern = t('sites.errors.pattern');
  if (!validRegex(draft.nameRegex)) errors.nameRegex = t('sites.errors.regex');
  if (!validRegex(draft.recordIdRegex)) errors.recordIdRegex = t('sites.errors.regex');
  if (!validSelector(draft.nameSelector)) errors.nameSelector = t('sites.errors.selector');
  if (!validSelector(draft.emailSelector)) errors.emailSelector = t('sites.errors.selector');
  const valid = Object.keys(errors).length === 0;

  const toggle = async (id: string, on: boolean) => {
    const next = new Set(disabled);
    if (on) next.delete(id);
    else next.add(id);
    await saveSettings(getDb(), { disabledSites: [...next].sort() });
    notifyDataChanged();
  };

  // Not async up to the permission request: the request must run inside the click's user gesture.
  const onAdd = () => {
    setTouched(true);
    if (!valid) return;
    addUserSite(draft).then(
      (r) => {
        if (!r.ok) {
          setMsg({ text: t('sites.denied', { pattern: draft.hostPattern.trim() }), tone: 'error' });
          return;
        }
        setMsg({ text: t('sites.added', { site: r.site.label }), tone: 'ok' });
        setDraft(empty);
        setTouched(false);
        notifyDataChanged();
      },
      (e: unknown) => setMsg({ text: t('sites.failed', { message: errorText(t, e) }), tone: 'error' }),
    );
  };
  const onRemove = (site: UserSite) => {
    removeUserSite(site).then(
      () => {
        setMsg({ text: t('sites.removed', { site: site.label }), tone: 'ok' });
        notifyDataChanged();
      },
      (e: unknown) => setMsg({ text: t('sites.failed', { message: errorText(t, e) }), tone: 'error' }),
    );
  };

  if (!ready) return null;
  const fields: Array<{ k: keyof Draft; label: string; help?: string }> = [
    { k: 'label', label: t('sites.label') },
    { k: 'hostPattern', label: t('sites.hostPattern'), help: t('sites.hostPatternHelp') },
    { k: 'nameSelector', label: t('sites.nameSelector') },
    { k: 'nameRegex', label: t('sites.nameRegex') },
    { k: 'recordIdRegex', label: t('sites.recordIdRegex') },
    { k: 'emailSelector', label: t('sites.emailSelector') },
  ];
  return (
    <Section id="sites" title={t('sites.heading')}>
      <Card title={t('sites.builtIn')}>
        <p className="text-xs text-stone-600">{t('sites.builtInHelp')}</p>
        <ul className="grid gap-1 md:grid-cols-2">
          {readers.map((r) => {
            const name = t(`sites.names.${r.id}`, { defaultValue: r.id });
            return (
              <li key={r.id}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={!disabled.has(r.id)}
                    data-site={r.id}
                    aria-label={t('sites.enabled', { site: name })}
                    onChange={(e) => void toggle(r.id, e.target.checked)}
                  />
                  <span>{name}</span>
                  <span className="text-xs text-stone-600">
                    {r.kind === 'crm' ? t('sites.kindCrm') : t('sites.kindMail')}
                  </span>
                </label>
                {r.kind === 'crm' && <SiteHealthLine counts={weekOf(health, r.id, week)} site={r.id} />}
              </li>
            );
          })}
        </ul>
      </Card>

      <Card title={t('sites.hostsHeading')}>
        <p className="text-xs text-stone-600">{t('sites.hostsHelp')}</p>
        {confirmedHosts.length === 0 ? (
          <p className="text-stone-700">{t('sites.hostsNone')}</p>
        ) : (
          <ul className="divide-y divide-stone-100" data-testid="confirmed-hosts">
            {confirmedHosts.map((h) => (
              <li key={h} className="flex items-center justify-between gap-2 py-1">
                <code className="text-xs">{h}</code>
                <button type="button" className={btn} onClick={() => void forget(h)}>
                  {t('sites.hostForget', { host: h })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('sites.userHeading')}>
        <p className="text-xs text-stone-600">{t('sites.userHelp')}</p>
        {settings.userSites.length === 0 ? (
          <p className="text-stone-700">{t('sites.none')}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {settings.userSites.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-2 py-1" data-user-site={s.id}>
                <span>
                  <span className="font-medium">{s.label}</span> <code className="text-xs">{s.hostPattern}</code>
                </span>
                <button type="button" className={btn} onClick={() => onRemove(s)}>
                  {t('sites.remove', { site: s.label })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="grid gap-3 md:grid-cols-2">
          {fields.map((f) => (
            <Field key={f.k} label={f.label} help={f.help} error={touched ? errors[f.k] : undefined}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className={input}
                  value={draft[f.k]}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  data-testid={`site-${f.k}`}
                  onChange={(e) => setDraft({ ...draft, [f.k]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
        <button type="button" className={btnPrimary} onClick={onAdd} data-testid="site-add">
          {t('sites.add')}
        </button>
        {msg && <Status tone={msg.tone}>{msg.text}</Status>}
      </Card>
    </Section>
  );
}

function SiteHealthLine({ counts, site }: { counts: { seen: number; read: number }; site: string }) {
  const { t } = useTranslation('options');
  const low = counts.seen > 0 && counts.read / counts.seen < 0.8;
  return (
    <p className={`ml-6 text-xs ${low ? 'text-amber-900' : 'text-stone-600'}`} data-site-health={site}>
      {counts.seen === 0 ? t('sites.healthNone') : t('sites.health', { count: counts.seen, read: counts.read })}
    </p>
  );
}
