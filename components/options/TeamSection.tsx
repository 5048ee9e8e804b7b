/**
 * Team sharing (opt-in): the server, the user and the password or token. Connecting asks for the host permission
 * of that one server inside the click (the browser needs the gesture), checks the sign-in, saves the settings and
 * queues every record of this browser once; the worker then syncs (lib/browser/teamSync.ts). Below: the last
 * cycle's outcome, in words, and the merges the conflict rules made.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { removeHostPermission, requestHostPermission } from '@/lib/browser/pages';
import { getDb } from '@/lib/db/schema';
import { useClock } from '@/components/app/clock';
import {
  type TeamConfig,
  clearTeamConfig,
  couchFor,
  readTeamConfig,
  saveTeamConfig,
  serverOrigin,
  teamConfigSchema,
} from '@/lib/sync/config';
import { META, type MergeNote, type SyncReport, queueEverything } from '@/lib/sync/engine';
import { isManager, displayNameOf, type Team } from '@/lib/sync/team';
import { CouchError } from '@/lib/sync/couch';
import { Card, Field, Section, Status, btn, btnPrimary, input } from './ui';
import { useTeamLive } from '@/components/team/useTeamLive';

type Draft = { url: string; name: string; kind: 'password' | 'jwt'; secret: string };

function draftErrors(d: Draft): Partial<Record<'url' | 'name' | 'secret', true>> {
  const e: Partial<Record<'url' | 'name' | 'secret', true>> = {};
  try {
    if (!/^https?:$/.test(new URL(d.url).protocol)) e.url = true;
  } catch {
    e.url = true;
  }
  if (!d.name.trim()) e.name = true;
  if (!d.secret) e.secret = true;
  return e;
}

function toConfig(d: Draft): TeamConfig {
  return teamConfigSchema.parse({
    url: d.url.trim().replace(/\/+$/, ''),
    name: d.name.trim(),
    auth: d.kind === 'password' ? { kind: 'password', password: d.secret } : { kind: 'jwt', token: d.secret },
  });
}

export function TeamSection() {
  const { t, i18n } = useTranslation('options');
  const db = getDb();
  const clock = useClock();
  const live = useTeamLive();
  const state = useLiveQuery(async () => {
    const [config, status, merges, team] = await Promise.all([
      readTeamConfig(db),
      db.meta.get(META.status),
      db.meta.get(META.merges),
      db.meta.get(META.team),
    ]);
    return {
      config,
      status: status?.value as SyncReport | undefined,
      merges: (merges?.value as MergeNote[] | undefined) ?? [],
      team: team?.value as Team | undefined,
    };
  }, [db]);
  const [draft, setDraft] = useState<Draft>({ url: '', name: '', kind: 'password', secret: '' });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ text: string; tone: 'ok' | 'error' } | undefined>();
  const errors = draftErrors(draft);
  const when = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  const day = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' }).format(new Date(ms));

  // Not async up to the permission request: it must run inside the click's user gesture.
  const onConnect = () => {
    setTouched(true);
    if (Object.keys(errors).length) return;
    const config = toConfig(draft);
    const origin = serverOrigin(config.url);
    setBusy(true);
    setMsg(undefined);
    requestHostPermission(origin)
      .then(async (granted) => {
        if (!granted) {
          setMsg({ text: t('team.denied', { origin }), tone: 'error' });
          return;
        }
        const me = await couchFor(config, 15_000).session();
        await saveTeamConfig(db, config);
        const count = await queueEverything(db, clock().getTime());
        setMsg({
          text: t('team.connected', {
            name: me.name,
            role: t(isManager(me.roles) ? 'team.roleManager' : 'team.roleSalesperson'),
            count,
          }),
          tone: 'ok',
        });
        setDraft((d) => ({ ...d, secret: '' }));
        live.syncNow();
      })
      .catch((e: unknown) => {
        const reason = e instanceof CouchError ? `${t(`team.kinds.${e.kind}`)} — ${e.reason}` : (e as Error).message;
        setMsg({ text: t('team.failed', { reason }), tone: 'error' });
      })
      .finally(() => setBusy(false));
  };

  const onDisconnect = async () => {
    const config = state?.config;
    await clearTeamConfig(db);
    if (config) await removeHostPermission(serverOrigin(config.url)).catch(() => undefined);
    setMsg({ text: t('team.disconnected'), tone: 'ok' });
  };

  const s = state?.status;
  return (
    <Section id="team" title={t('team.heading')}>
      <p className="text-stone-700">{t('team.intro')}</p>
      {state?.config ? (
        <Card testId="team-connected">
          <p data-testid="team-server">
            {state.config.name} @ {state.config.url}
          </p>
          <div className="flex gap-2">
            <button type="button" className={btnPrimary} onClick={() => live.syncNow()} data-testid="team-sync-now">
              {t('team.syncNow')}
            </button>
            <button type="button" className={btn} onClick={() => void onDisconnect()}>
              {t('team.disconnect')}
            </button>
          </div>
          <div data-testid="team-status" className="space-y-1">
            {!s && <Status>{t('team.status.never')}</Status>}
            {s?.ok && (
              <Status tone="ok">
                {t('team.status.ok', { at: when(s.at), pushed: s.pushed, pulled: s.pulled, pending: s.pending })}
              </Status>
            )}
            {s && !s.ok && s.error && (
              <Status tone="warn">
                {t('team.status.error', {
                  at: when(s.at),
                  kind: t(`team.kinds.${s.error.kind}`),
                  reason: s.error.reason,
                })}
              </Status>
            )}
            {!!s?.refused.length && (
              <Status tone="warn">
                {t('team.status.refused', {
                  count: s.refused.length,
                  first: `${s.refused[0].docId}: ${s.refused[0].reason}`,
                })}
              </Status>
            )}
            {!!s?.notShared && <Status tone="warn">{t('team.status.notShared', { count: s.notShared })}</Status>}
            {!!s?.malformed && <Status tone="warn">{t('team.status.malformed', { count: s.malformed })}</Status>}
            {!!s?.revoked.length && (
              <Status tone="warn">{t('team.status.revoked', { dbs: s.revoked.join(', ') })}</Status>
            )}
          </div>
        </Card>
      ) : (
        <Card>
          <Field
            label={t('team.url')}
            help={t('team.urlHelp')}
            error={touched && errors.url ? t('team.errors.url') : undefined}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={input}
                value={draft.url}
                placeholder="https://couch.example.cn:6984"
                onChange={(e) => setDraft({ ...draft, url: e.target.value })}
                data-testid="team-url"
              />
            )}
          </Field>
          <Field label={t('team.name')} error={touched && errors.name ? t('team.errors.name') : undefined}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={input}
                value={draft.name}
                autoComplete="username"
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                data-testid="team-name"
              />
            )}
          </Field>
          <Field label={t('team.authKind')}>
            {({ id }) => (
              <select
                id={id}
                className={input}
                value={draft.kind}
                onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft['kind'] })}
              >
                <option value="password">{t('team.password')}</option>
                <option value="jwt">{t('team.jwt')}</option>
              </select>
            )}
          </Field>
          <Field
            label={draft.kind === 'password' ? t('team.password') : t('team.jwt')}
            error={touched && errors.secret ? t('team.errors.secret') : undefined}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="password"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={input}
                value={draft.secret}
                autoComplete="current-password"
                onChange={(e) => setDraft({ ...draft, secret: e.target.value })}
                data-testid="team-secret"
              />
            )}
          </Field>
          <button type="button" className={btnPrimary} disabled={busy} onClick={onConnect} data-testid="team-connect">
            {busy ? t('team.connecting') : t('team.connect')}
          </button>
        </Card>
      )}
      {msg && <Status tone={msg.tone}>{msg.text}</Status>}
      <Card title={t('team.merges')} testId="team-merges">
        {!state?.merges.length ? (
          <p className="text-stone-600">{t('team.mergesNone')}</p>
        ) : (
          <ul className="space-y-1">
            {state.merges.slice(0, 30).map((m) => (
              <li key={`${m.docId}-${m.field}-${m.at}-${m.mergedAt}`} data-testid="team-merge">
                {t('team.merge', {
                  field: m.field,
                  what: m.docId,
                  value: typeof m.value === 'string' ? m.value : JSON.stringify(m.value),
                  by: displayNameOf(state.team, m.by),
                  date: day(m.at),
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Section>
  );
}
