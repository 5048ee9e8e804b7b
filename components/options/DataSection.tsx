/**
 * Data: demo portfolio, wipe (typed confirmation), storage use and persistence, undo of the last import, and the
 * automatic backups taken before each replacement of the store (lib/db/replace.ts). Every replacement says what it
 * replaces (counted in the store) before it runs and offers its undo after; each waits for a bulk write running
 * elsewhere (lib/db/bulkWrite).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '@/components/app/AppShell';
import { toIsoDay } from '@/lib/domain';
import { chooseStore, getDb, storeChoice } from '@/lib/db/schema';
import { lastImport, undoLastImport } from '@/lib/db/import';
import {
  type ReplaceResult,
  deleteAllData,
  listSafetyCopies,
  loadDemoData,
  restoreSafetyCopy,
  storeCounts,
} from '@/lib/db/replace';
import type { StoreCounts } from '@/lib/db/schema';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { notifyDataChanged } from '@/lib/browser/send';
import { formatDay, formatNumber, formatPercent } from '@/lib/format';
import { Card, Field, Section, Status, btn, btnDanger, input } from './ui';
import { failureText } from './problems';
import { requestPersistence, storageState } from './storage';
import { useClock } from '@/components/app/clock';
import { BulkWaitNotice, isAbort, useBulkRun } from './bulkWait';

/** Either language's confirmation word is accepted, whatever the UI language. */
export const WIPE_WORDS = ['WIPE', '清空'] as const;

type Msg = { text: string; tone: 'ok' | 'error' | 'info'; undoCopy?: string } | undefined;

function bytes(n: number, lang: 'zh' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, lang, i ? 1 : 0)} ${units[i]}`;
}

/** When a safety copy was taken: day and time in the user's language. */
const formatTime = (at: number, lang: 'zh' | 'en') =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
const isEmptyCounts = (c: StoreCounts) => !c.customers && !c.receivables && !c.payments && !c.promises && !c.activities;
/** Counts as the strings' parameters (i18next plurals read `count`). */
const countParams = (c: StoreCounts) => ({ ...c });

export function DataSection() {
  const { t } = useTranslation('options');
  const clock = useClock();
  const { lang } = useApp();
  const db = getDb();
  const [msg, setMsg] = useState<Msg>();
  const [busy, setBusy] = useState(false);
  const [word, setWord] = useState('');
  const [estimate, setEstimate] = useState<StorageEstimate | null | undefined>();
  const [persisted, setPersisted] = useState<boolean | undefined>();
  const last = useLiveQuery(async () => ({ batch: await lastImport(db) }), [db]);
  const held = useLiveQuery(() => storeCounts(db), [db]);
  const copies = useLiveQuery(() => listSafetyCopies(db), [db]);
  const [confirmDemo, setConfirmDemo] = useState(false);
  const bulk = useBulkRun();

  useEffect(() => {
    let live = true;
    const st = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    void (async () => {
      try {
        const e = st?.estimate ? await st.estimate() : undefined;
        if (live) setEstimate(e ?? null);
      } catch {
        if (live) setEstimate(null);
      }
      try {
        const p = st?.persisted ? await st.persisted() : undefined;
        if (live) setPersisted(p);
      } catch {
        /* unknown */
      }
    })();
    return () => {
      live = false;
    };
  }, [msg]);

  const act = async (fn: () => Promise<Exclude<Msg, undefined>>) => {
    setBusy(true);
    try {
      setMsg(await fn());
      notifyDataChanged();
    } catch (e) {
      setMsg(
        isAbort(e)
          ? { text: t('safety.cancelled'), tone: 'info' }
          : { text: t('data.failed', { message: failureText(e, t) }), tone: 'error' },
      );
    } finally {
      setBusy(false);
    }
  };
  /** The report of a replacement: what the store holds now, and the undo when something was replaced. */
  const replaced = (text: string, r: ReplaceResult): Exclude<Msg, undefined> => ({
    text: `${text} ${t('safety.nowHolds', countParams(r.counts))}`,
    tone: 'ok',
    ...(r.safetyCopyId && { undoCopy: r.safetyCopyId }),
  });

  const loadDemo = () =>
    act(async () => {
      setConfirmDemo(false);
      void requestPersistence();
      const now = clock();
      const r = await bulk.run((lock) => loadDemoData(db, buildDemoPortfolio(toIsoDay(now), now.getTime()), now, lock));
      return replaced(t('data.demoLoaded'), r);
    });
  const demo = storeChoice() === 'demo';
  /**
   * "Try the demo": the pages switch to the demo's own store (lib/db/storeChoice.ts), filled with the demo
   * portfolio when empty; the user's store is not opened for it, let alone written.
   */
  const tryDemo = () =>
    act(async () => {
      chooseStore('demo');
      try {
        const demoDb = getDb();
        const now = clock();
        if (!(await demoDb.customers.count())) {
          await bulk.run((lock) => loadDemoData(demoDb, buildDemoPortfolio(toIsoDay(now), now.getTime()), now, lock));
        }
      } catch (e) {
        chooseStore('user'); // the demo could not be filled: this page stays on the user's store
        throw e;
      }
      location.reload();
      return { text: t('data.tryDemoOpening'), tone: 'info' };
    });
  const askDemo = () => {
    // An empty store has nothing to replace: no question.
    if (held && !isEmptyCounts(held)) setConfirmDemo(true);
    else void loadDemo();
  };
  const wipe = () =>
    act(async () => {
      const r = await bulk.run((lock) => deleteAllData(db, clock(), lock));
      setWord('');
      return replaced(t('data.wiped'), r);
    });
  const undo = () =>
    act(async () => {
      const b = await bulk.run((lock) => undoLastImport(db, clock(), lock));
      return { text: b ? t('data.undone', { file: b.fileName }) : t('data.undoNone'), tone: 'ok' };
    });
  const putBack = (id: string) =>
    act(async () => {
      const r = await bulk.run((lock) => restoreSafetyCopy(db, id, { now: clock(), lock }));
      if (!r.ok)
        return { text: t('data.failed', { message: r.errors.map((e) => e.message).join('; ') }), tone: 'error' };
      return replaced(t('safety.putBack'), r);
    });
  const persist = async () => {
    const ok = await requestPersistence();
    setPersisted(ok);
    if (!ok) setMsg({ text: t('data.persistDenied'), tone: 'info' });
  };

  const confirmed = (WIPE_WORDS as readonly string[]).includes(word.trim());
  const storage = storageState(estimate);
  const batch = last?.batch;
  return (
    <Section id="data" title={t('data.heading')}>
      <BulkWaitNotice waiting={bulk.waiting} onCancel={bulk.cancel} />
      {msg && (
        <div className="flex flex-wrap items-center gap-2" data-testid="data-message">
          <Status tone={msg.tone}>{msg.text}</Status>
          {msg.undoCopy && (
            <button
              type="button"
              className={btn}
              disabled={busy}
              onClick={() => void putBack(msg.undoCopy!)}
              data-testid="replace-undo"
            >
              {t('safety.undo')}
            </button>
          )}
        </div>
      )}
      <Card title={t('data.demoHeading')}>
        <p className="text-stone-700">{t('data.demoHelp')}</p>
        {demo ? (
          <p className="font-medium text-amber-900" data-testid="in-demo">
            {t('data.inDemo')}
          </p>
        ) : (
          <div className="space-y-1">
            <p className="text-stone-700">{t('data.tryDemoHelp')}</p>
            <button type="button" className={btn} disabled={busy} onClick={() => void tryDemo()} data-testid="try-demo">
              {t('data.tryDemo')}
            </button>
          </div>
        )}
        <p className="text-amber-900">{t('data.demoWarn')}</p>
        {confirmDemo && held ? (
          <div className="space-y-2" data-testid="demo-confirm-box">
            <Status tone="warn">{t('safety.demoConfirm', countParams(held))}</Status>
            <div className="flex gap-2">
              <button
                type="button"
                className={btnDanger}
                disabled={busy}
                onClick={() => void loadDemo()}
                data-testid="demo-confirm"
              >
                {t('safety.demoConfirmButton')}
              </button>
              <button type="button" className={btn} onClick={() => setConfirmDemo(false)}>
                {t('safety.keepMine')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className={btn} disabled={busy || !held} onClick={askDemo} data-testid="load-demo">
            {busy ? t('data.demoLoading') : t('data.loadDemo')}
          </button>
        )}
      </Card>

      <Card title={t('safety.copiesHeading')} testId="safety-copies">
        <p className="text-stone-700">{t('safety.copiesHelp')}</p>
        {copies && copies.length === 0 && <p className="text-stone-700">{t('safety.copiesNone')}</p>}
        <ul className="space-y-1">
          {(copies ?? []).map((c) => (
            <li
              key={c.id}
              className="flex flex-wrap items-center gap-2"
              data-testid="safety-copy"
              data-reason={c.reason}
            >
              <span className="flex-1">
                {t(`safety.reason.${c.reason}`, { when: formatTime(c.at, lang), file: c.file ?? '' })}
                {' · '}
                {t('safety.counts', countParams(c.counts))}
              </span>
              <button
                type="button"
                className={btn}
                disabled={busy}
                onClick={() => void putBack(c.id)}
                data-testid="safety-copy-restore"
              >
                {t('safety.restoreCopy')}
              </button>
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t('data.undoHeading')}>
        {batch ? (
          <>
            <p data-testid="last-import">
              {t('data.undoInfo', {
                file: batch.fileName,
                date: formatDay(toIsoDay(new Date(batch.at)), lang),
                created: batch.counts.created,
                updated: batch.counts.updated,
              })}
            </p>
            <button type="button" className={btn} disabled={busy} onClick={() => void undo()} data-testid="undo-import">
              {t('data.undo')}
            </button>
          </>
        ) : (
          <p className="text-stone-700">{t('data.undoNone')}</p>
        )}
      </Card>

      <Card title={t('data.storageHeading')}>
        {estimate !== undefined && storage.level === 'unknown' && (
          <p className="text-stone-700">{t('data.usageUnknown')}</p>
        )}
        {storage.level !== 'unknown' && (
          <>
            <p data-testid="storage-usage">
              {t('data.usage', {
                used: bytes(storage.usage, lang),
                quota: bytes(storage.quota, lang),
                share: formatPercent(storage.share, lang),
              })}
            </p>
            <progress
              className="h-2 w-full"
              max={1}
              value={Math.min(1, storage.share)}
              aria-label={t('data.storageHeading')}
            />
            {storage.level !== 'ok' && (
              <Status tone="error">
                <span data-testid="storage-warning">{t('data.usageWarn')}</span>
              </Status>
            )}
          </>
        )}
        {persisted !== undefined && <p>{persisted ? t('data.persisted') : t('data.notPersisted')}</p>}
        {!persisted && (
          <button type="button" className={btn} onClick={() => void persist()} data-testid="persist">
            {t('data.persist')}
          </button>
        )}
      </Card>

      <Card title={t('data.wipeHeading')}>
        <p className="text-stone-700">{t('data.wipeHelp', { word: t('data.wipeWord') })}</p>
        {held && !isEmptyCounts(held) && (
          <p className="text-amber-900" data-testid="wipe-counts">
            {t('safety.wipeCounts', countParams(held))}
          </p>
        )}
        <Field label={t('data.wipeLabel')}>
          {({ id }) => (
            <input
              id={id}
              className={`${input} max-w-xs`}
              value={word}
              onChange={(e) => setWord(e.target.value)}
              placeholder={t('data.wipeWord')}
              autoComplete="off"
              data-testid="wipe-confirm"
            />
          )}
        </Field>
        <button
          type="button"
          className={btnDanger}
          disabled={!confirmed || busy}
          onClick={() => void wipe()}
          data-testid="wipe"
        >
          {t('data.wipe')}
        </button>
      </Card>
    </Section>
  );
}
