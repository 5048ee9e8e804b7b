/** Data: demo portfolio, wipe (typed confirmation), storage use and persistence, undo of the last import. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '@/components/app/AppShell';
import { toIsoDay } from '@/lib/domain';
import { getDb } from '@/lib/db/schema';
import { replaceAll, wipeAll } from '@/lib/db/repo';
import { lastImport, undoLastImport } from '@/lib/db/import';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { notifyDataChanged } from '@/lib/browser/send';
import { formatDay, formatNumber, formatPercent } from '@/lib/format';
import { Card, Field, Section, Status, btn, btnDanger, input } from './ui';
import { failureText } from './problems';
import { requestPersistence, storageState } from './storage';
import { useClock } from '@/components/app/clock';

/** Either language's confirmation word is accepted, whatever the UI language. */
export const WIPE_WORDS = ['WIPE', '清空'] as const;

type Msg = { text: string; tone: 'ok' | 'error' | 'info' } | undefined;

function bytes(n: number, lang: 'zh' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${formatNumber(v, lang, i ? 1 : 0)} ${units[i]}`;
}

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

  useEffect(() => {
    let live = true;
    const st = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    void (async () => {
      try {
        const e = st?.estimate ? await st.estimate() : undefined;
        if (live) setEstimate(e ?? null);
      } catch { if (live) setEstimate(null); }
      try {
        const p = st?.persisted ? await st.persisted() : undefined;
        if (live) setPersisted(p);
      } catch { /* unknown */ }
    })();
    return () => { live = false; };
  }, [msg]);

  const act = async (fn: () => Promise<string>) => {
    setBusy(true);
    try {
      setMsg({ text: await fn(), tone: 'ok' });
      notifyDataChanged();
    } catch (e) {
      setMsg({ text: t('data.failed', { message: failureText(e, t) }), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const loadDemo = () => act(async () => {
    void requestPersistence();
    const now = clock();
    await replaceAll(db, buildDemoPortfolio(toIsoDay(now), now.getTime()), now);
    return t('data.demoLoaded');
  });
  const wipe = () => act(async () => {
    await wipeAll(db, clock());
    setWord('');
    return t('data.wiped');
  });
  const undo = () => act(async () => {
    const b = await undoLastImport(db, clock());
    return b ? t('data.undone', { file: b.fileName }) : t('data.undoNone');
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
      {msg && <Status tone={msg.tone}>{msg.text}</Status>}
      <Card title={t('data.demoHeading')}>
        <p className="text-stone-700">{t('data.demoHelp')}</p>
        <p className="text-amber-900">{t('data.demoWarn')}</p>
        <button type="button" className={btn} disabled={busy} onClick={() => void loadDemo()} data-testid="load-demo">
          {busy ? t('data.demoLoading') : t('data.loadDemo')}
        </button>
      </Card>

      <Card title={t('data.undoHeading')}>
        {batch ? (
          <>
            <p data-testid="last-import">{t('data.undoInfo', {
              file: batch.fileName, date: formatDay(toIsoDay(new Date(batch.at)), lang), created: batch.counts.created, updated: batch.counts.updated,
            })}</p>
            <button type="button" className={btn} disabled={busy} onClick={() => void undo()} data-testid="undo-import">{t('data.undo')}</button>
          </>
        ) : <p className="text-stone-700">{t('data.undoNone')}</p>}
      </Card>

      <Card title={t('data.storageHeading')}>
        {estimate !== undefined && storage.level === 'unknown' && <p className="text-stone-700">{t('data.usageUnknown')}</p>}
        {storage.level !== 'unknown' && (
          <>
            <p data-testid="storage-usage">{t('data.usage', { used: bytes(storage.usage, lang), quota: bytes(storage.quota, lang), share: formatPercent(storage.share, lang) })}</p>
            <progress className="h-2 w-full" max={1} value={Math.min(1, storage.share)} aria-label={t('data.storageHeading')} />
            {storage.level !== 'ok' && <Status tone="error"><span data-testid="storage-warning">{t('data.usageWarn')}</span></Status>}
          </>
        )}
        {persisted !== undefined && <p>{persisted ? t('data.persisted') : t('data.notPersisted')}</p>}
        {!persisted && (
          <button type="button" className={btn} onClick={() => void persist()} data-testid="persist">{t('data.persist')}</button>
        )}
      </Card>

      <Card title={t('data.wipeHeading')}>
        <p className="text-stone-700">{t('data.wipeHelp', { word: t('data.wipeWord') })}</p>
        <Field label={t('data.wipeLabel')}>
          {({ id }) => (
            <input id={id} className={`${input} max-w-xs`} value={word} onChange={(e) => setWord(e.target.value)}
              placeholder={t('data.wipeWord')} autoComplete="off" data-testid="wipe-confirm" />
          )}
        </Field>
        <button type="button" className={btnDanger} disabled={!confirmed || busy} onClick={() => void wipe()} data-testid="wipe">
          {t('data.wipe')}
        </button>
      </Card>
    </Section>
  );
}
