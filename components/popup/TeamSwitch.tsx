/**
 * Team mode in the popup: a switch between "mine" (the worklist of this user's customers) and "team" (the
 * manager's view: each salesperson's collections this month against target, promises kept and broken, overdue
 * owned; a click on a salesperson shows their worklist). Shown only when team mode is on.
 */
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Lang } from '@/lib/domain';
import { formatMoney, formatPercent } from '@/lib/format';
import type { HuikuanDb } from '@/lib/db/schema';
import { META } from '@/lib/sync/engine';
import { TEAM_CONFIG_KEY } from '@/lib/sync/config';
import { type Team, isManager } from '@/lib/sync/team';
import type { Session } from '@/lib/sync/couch';
import { teamFigures } from '@/lib/sync/teamView';

export type TeamScope = 'mine' | 'team';

export interface TeamState {
  team: Team;
  me: Session;
  myOwnerName: string;
  manager: boolean;
}

export function useTeamState(db: HuikuanDb): TeamState | undefined {
  return useLiveQuery(async () => {
    const [config, team, me] = await Promise.all([
      db.meta.get(TEAM_CONFIG_KEY),
      db.meta.get(META.team),
      db.meta.get(META.me),
    ]);
    if (!config || !team || !me) return undefined;
    const t = team.value as Team;
    const m = me.value as Session;
    const myOwnerName =
      t.members.find((x) => x.name === m.name)?.displayName ??
      t.managers.find((x) => x.name === m.name)?.displayName ??
      m.name;
    return { team: t, me: m, myOwnerName, manager: isManager(m.roles) };
  }, [db]);
}

export function TeamSwitch({ scope, onScope }: { scope: TeamScope; onScope: (s: TeamScope) => void }) {
  const { t } = useTranslation('popup');
  return (
    <div role="radiogroup" aria-label={t('team.switchLabel')} className="flex gap-1 text-xs" data-testid="team-switch">
      {(['mine', 'team'] as const).map((s) => (
        <button
          key={s}
          type="button"
          role="radio"
          aria-checked={scope === s}
          data-scope={s}
          onClick={() => onScope(s)}
          className={`rounded px-2 py-1 ${scope === s ? 'bg-blue-700 text-white' : 'border border-stone-300 hover:bg-stone-100'}`}
        >
          {t(`team.${s}`)}
        </button>
      ))}
    </div>
  );
}

const money = (m: Record<string, number>, lang: Lang) =>
  Object.entries(m)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cur, minor]) => formatMoney(minor, cur, lang))
    .join(' · ');

export function TeamBoard({
  db,
  state,
  asOf,
  lang,
  onPerson,
}: {
  db: HuikuanDb;
  state: TeamState;
  asOf: string;
  lang: Lang;
  onPerson: (ownerName: string) => void;
}) {
  const { t } = useTranslation('popup');
  const rows = useLiveQuery(
    async () => teamFigures(state.team, await db.summaries.toArray(), asOf),
    [db, state.team, asOf],
  );
  if (!rows) return null;
  return (
    <section
      aria-labelledby="team-h"
      data-testid="team-board"
      className="rounded-md border border-stone-200 p-2 text-xs"
    >
      <h2 id="team-h" className="text-sm font-semibold">
        {t('team.heading')}
      </h2>
      {!rows.length && <p className="text-stone-600">{t('team.nobody')}</p>}
      <ul className="mt-1 divide-y divide-stone-100">
        {rows.map((r) => (
          <li key={r.member.name} data-member={r.member.name} className="py-1">
            <button
              type="button"
              className="font-medium text-blue-800 hover:underline"
              onClick={() => onPerson(r.member.displayName)}
              title={t('team.worklistOf', { name: r.member.displayName })}
            >
              {r.member.displayName}
            </button>
            <span className="ml-1 text-stone-600">{t('team.customers', { count: r.customers })}</span>
            <dl className="grid grid-cols-2 gap-x-2 tabular-nums">
              <dt className="text-stone-600">{t('team.collected')}</dt>
              <dd data-testid="team-collected">
                {money(r.collected, lang) || '—'}{' '}
                {r.target
                  ? t('team.target', {
                      share: formatPercent(r.target.ratio, lang),
                      target: formatMoney(r.target.minor, r.target.currency, lang),
                    })
                  : t('team.noTarget')}
              </dd>
              <dt className="text-stone-600">{t('team.promises')}</dt>
              <dd data-testid="team-promises">
                {r.kept} / {r.broken}
              </dd>
              <dt className="text-stone-600">{t('team.overdue')}</dt>
              <dd data-testid="team-overdue">{money(r.overdue, lang) || t('team.nothingOverdue')}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
