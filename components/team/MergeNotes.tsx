/**
 * What the team's conflict rules set aside for this customer's records (profile, contacts, promises): "phone
 * also set to 0571-1111 by 王磊 on 2 Dec". Empty (renders nothing) when team mode never merged anything here.
 */
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { META } from '@/lib/sync/engine';
import { type Team, displayNameOf } from '@/lib/sync/team';

export function MergeNotes({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('sidepanel');
  const db = getDb();
  const notes = useLiveQuery(async () => {
    const [docs, team] = await Promise.all([
      db.syncDocs.where('customerId').equals(customerId).toArray(),
      db.meta.get(META.team),
    ]);
    const list = docs.flatMap((d) => (d.base.alsoSet ?? []).map((a) => ({ ...a, kind: d.kind, row: d.base.row })));
    return { list, team: team?.value as Team | undefined };
  }, [db, customerId]);
  if (!notes?.list.length) return null;
  const day = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' }).format(new Date(ms));
  return (
    <section
      aria-labelledby="merges-h"
      data-testid="merge-notes"
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-xs"
    >
      <h2 id="merges-h" className="font-semibold">
        {t('team.heading')}
      </h2>
      <ul>
        {notes.list.map((n) => (
          <li key={`${n.kind}-${n.field}-${n.at}-${n.by}`} data-field={n.field}>
            {t('team.alsoSet', {
              what: typeof n.row?.name === 'string' ? n.row.name : t(`team.kinds.${n.kind}`),
              field: t(`team.fields.${n.field}`, { defaultValue: n.field }),
              value: typeof n.value === 'string' ? n.value : JSON.stringify(n.value),
              by: displayNameOf(notes.team, n.by),
              date: day(n.at),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
