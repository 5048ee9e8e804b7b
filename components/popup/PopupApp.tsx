/**
 * The popup (about 380 × 560): the portfolio figure and aging bar, then "today", then the worklist, then the
 * scoreboard. First paint reads two meta rows (the portfolio aggregate and the cached worklist); the worklist is
 * re-ranked after that only when the cache is stale, and swapped in when ready.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { currentWindowId, openOptionsPage, openTab } from '@/lib/browser/pages';
import { notifyDataChanged } from '@/lib/browser/send';
import { addActivity, putPromise } from '@/lib/db/repo';
import { readWorklistMarks, updateWorklistMarks } from '@/lib/db/worklistMarks';
import { arrangeDay, emptyMarks, outcomeActivity, rowPromise } from '@/lib/worklist/day';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { todayOf } from '@/lib/clock';
import { toIsoDay } from '@/lib/domain';
import { getDb } from '@/lib/db/schema';
import { getDataVersion, getPortfolio } from '@/lib/db/repo';
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import type { WorklistFilter } from '@/lib/worklist';
import {
  type WorklistEntry,
  computeWorklist,
  isCacheFresh,
  loadOwners,
  loadToday,
  readWorklistCache,
  refreshWorklistCache,
  worklistSettingsKey,
} from './data';
import { portfolioFigures, scoreboard } from './metrics';
import { openCustomer, reasonText, stepText } from './labels';
import { LiveSummary } from './LiveSummary';
import { TodaySection } from './TodaySection';
import { WorklistSection, type RowRequest, type WorklistRank } from './WorklistSection';
import { ScoreboardSection } from './ScoreboardSection';
import { TeamBoard, type TeamScope, TeamSwitch, useTeamState } from './TeamSwitch';
import { ForecastSection } from './ForecastSection';
import { CadenceSection } from './CadenceSection';
import { readCadenceCache } from './cadence';
import { cadenceActivity, composeUrl, type CadenceDraft } from '@/lib/cadence';
import { newId } from '@/lib/domain';
import { useWorkerAnswer } from '@/components/forecast/useForecast';
import type { PortfolioForecast } from '@/lib/forecast/portfolio';

export interface PopupAppProps {
  /** The aggregate the entry read before React loaded; shown until the live query answers. */
  initialPortfolio?: PortfolioAggregate;
}

export function PopupApp({ initialPortfolio }: PopupAppProps = {}) {
  const { lang, settings, ready } = useApp();
  const { t } = useTranslation(['popup', 'common']);
  const db = getDb();
  const clock = useClock();
  const asOf = todayOf(clock);
  const portfolio = useLiveQuery(() => getPortfolio(db), [db]) ?? initialPortfolio;
  const version = useLiveQuery(() => getDataVersion(db), [db]);
  const cacheBox = useLiveQuery(async () => ({ cache: await readWorklistCache(db) }), [db]);
  const today = useLiveQuery(
    () => loadToday(db, asOf, settings.limitationWarnDays),
    [db, asOf, settings.limitationWarnDays, version],
  );
  const owners = useLiveQuery(() => loadOwners(db, settings), [db, settings.owner, version]) ?? [];
  const [filter, setFilter] = useState<WorklistFilter>({});
  const [filtered, setFiltered] = useState<WorklistEntry[] | undefined>();
  const [refreshing, setRefreshing] = useState(false);
  const [rank, setRank] = useState<WorklistRank>('score');
  const running = useRef<string | null>(null);
  const marks = useLiveQuery(() => readWorklistMarks(db), [db]) ?? emptyMarks();
  // The window this popup belongs to, known before any click: the side panel must be opened inside the click.
  const [windowId, setWindowId] = useState<number | undefined>();
  useEffect(() => {
    void currentWindowId().then(setWindowId);
  }, []);
  const teamState = useTeamState(db);
  const [scope, setScope] = useState<TeamScope>('team');
  const onScope = (s: TeamScope) => {
    setScope(s);
    setFilter((f) => ({ ...f, owner: s === 'mine' ? teamState?.myOwnerName : undefined }));
  };
  // The forecast is the worker's; asked for once the popup is up, again when the data changes.
  const forecast = useWorkerAnswer<PortfolioForecast>(
    ready && portfolio && portfolio.customers > 0 ? { type: 'forecast/portfolio' } : undefined,
    version,
  );

  const settingsKey = worklistSettingsKey(settings);
  const cache = cacheBox?.cache;
  const fresh = version !== undefined && isCacheFresh(cache, version, asOf, settingsKey);
  const cadenceBox = useLiveQuery(async () => ({ cache: await readCadenceCache(db) }), [db]);
  // The drafts are written after the rows (refreshWorklistCache): a popup closed in between leaves fresh rows and no
  // drafts, so missing or stale drafts also make the next popup re-rank.
  const draftsFresh =
    version !== undefined &&
    !!cadenceBox?.cache &&
    isCacheFresh({ ...cadenceBox.cache, rows: [] }, version, asOf, settingsKey);

  // Stale or missing cache: re-rank once after the first paint, then the live query swaps the new rows in.
  useEffect(() => {
    if (!ready || version === undefined || cacheBox === undefined || cadenceBox === undefined) return;
    if (fresh && draftsFresh) return;
    const key = `${version}|${asOf}|${settingsKey}`;
    if (running.current === key) return;
    running.current = key;
    setRefreshing(true);
    refreshWorklistCache(db, asOf, settings)
      .catch(() => undefined)
      .finally(() => {
        setRefreshing(false);
      });
  }, [ready, version, cacheBox, cadenceBox, fresh, draftsFresh, asOf, settingsKey, db, settings]);

  // Today's cadence reminders, made with the worklist when it is re-ranked (cadence.ts); shown while fresh, less
  // those logged from this popup.
  const [sentHere, setSentHere] = useState<Set<string>>(new Set());
  const cadenceCache = cadenceBox?.cache;
  const drafts =
    version !== undefined && cadenceCache && isCacheFresh({ ...cadenceCache, rows: [] }, version, asOf, settingsKey)
      ? cadenceCache.drafts[lang].filter((d) => !sentHere.has(`${d.customerId}:${d.plan.day}`))
      : undefined;

  const filterActive = !!(filter.owner || filter.type || filter.currency);
  useEffect(() => {
    if (!filterActive || !ready) {
      setFiltered(undefined);
      return;
    }
    let live = true;
    void computeWorklist(db, asOf, settings, filter).then((r) => {
      if (live) setFiltered(r.rows);
    });
    return () => {
      live = false;
    };
  }, [filterActive, filter, db, asOf, settings, ready, version]);

  const figures = useMemo(
    () => portfolio && portfolioFigures(portfolio, asOf, settings.agingBuckets),
    [portfolio, asOf, settings.agingBuckets],
  );
  const board = useMemo(
    () => portfolio && figures && scoreboard(portfolio, asOf, figures, settings),
    [portfolio, figures, asOf, settings],
  );
  const ranked = filterActive ? filtered : cache?.rows;
  const rows = useMemo(() => ranked && arrangeDay(ranked, asOf, marks), [ranked, asOf, marks]);
  const currencies = figures?.rows.map((r) => r.currency) ?? [];

  const openOptions = openOptionsPage;

  // The summary stays first in one place whatever follows it, so its element is never remounted.
  const withSummary = (rest: ReactNode) => (
    <>
      <LiveSummary asOf={asOf} currency={filter.currency} />
      {rest}
    </>
  );
  if (!portfolio || !figures || !board)
    return withSummary(
      <p className="p-1 text-stone-600" aria-busy="true">
        {t('loading')}
      </p>,
    );
  if (portfolio.customers === 0) return withSummary(<Onboarding onImport={openOptions} />);

  // The exporters (and the XLSX writer) load on demand: they are most of the popup's code and rarely used.
  const exportRows = async (kind: 'csv' | 'xlsx') => {
    const [{ toCsv, toXlsx, worklistRowsForExport }, { MIME, downloadFile }] = await Promise.all([
      import('@/lib/transfer'),
      import('@/components/options/download'),
    ]);
    const list = rows ?? [];
    const table = worklistRowsForExport(
      list.map((r) => ({
        customerName: r.name,
        overdue: r.overdue,
        open: { minor: r.open[r.overdue.currency] ?? 0, currency: r.overdue.currency },
        daysPastDue: r.oldestDaysPastDue,
        nextStep: r.step ? stepText(r.step, t, lang) : '',
        why: r.reasons.map((x) => reasonText(x, t, lang)).join('; '),
        nextDate: r.nextActivityDate,
        promiseDate: r.nextPromiseDate,
        lastActivityDate: r.lastActivityDate,
        limitationDeadline: r.limitationDeadline,
        owner: r.owner,
      })),
      t,
    );
    const name = t('worklist.fileName', { date: asOf });
    if (kind === 'csv') downloadFile(toCsv(table.rows, table.headers), `${name}.csv`, MIME.csv);
    else
      downloadFile(
        toXlsx([{ name: t('worklist.sheet'), headers: table.headers, rows: table.rows }]) as BlobPart,
        `${name}.xlsx`,
        MIME.xlsx,
      );
  };

  /** One row's outcome, snooze or done: the activity (and promise) go through the repo, the mark moves the row. */
  const onAction = async (row: WorklistEntry, req: RowRequest) => {
    const now = clock();
    if (req.action === 'snooze') {
      await updateWorklistMarks(db, asOf, { customerId: row.customerId, snoozedUntil: req.until });
      return;
    }
    if (req.action !== 'done') {
      const channel = row.step?.channel ?? 'phone';
      const note = t('worklistDay.note');
      if (req.action === 'promised') {
        await putPromise(
          db,
          rowPromise({
            customerId: row.customerId,
            minor: req.minor,
            currency: req.currency,
            date: req.date,
            now: now.getTime(),
          }),
          now,
        );
      }
      await addActivity(
        db,
        outcomeActivity(req.action, {
          customerId: row.customerId,
          asOf,
          channel,
          now: now.getTime(),
          note,
          ...(req.action === 'promised' ? { promiseDate: req.date } : {}),
        }),
        now,
      );
      notifyDataChanged();
    }
    await updateWorklistMarks(db, asOf, { customerId: row.customerId, doneOn: asOf, snoozedUntil: null });
  };

  /** A reminder the user sent from their webmail: logged as an email on its step; the draft leaves the list. */
  const onCadenceSent = async (d: CadenceDraft) => {
    const now = clock();
    await addActivity(db, cadenceActivity(d, { id: newId('a'), asOf, now: now.getTime() }), now);
    setSentHere((s) => new Set(s).add(`${d.customerId}:${d.plan.day}`));
    notifyDataChanged();
  };

  return withSummary(
    <div className="space-y-2" data-testid="popup-live">
      {teamState && <TeamSwitch scope={filter.owner === teamState.myOwnerName ? 'mine' : scope} onScope={onScope} />}
      {teamState && scope === 'team' && filter.owner !== teamState.myOwnerName && (
        <TeamBoard
          db={db}
          state={teamState}
          asOf={asOf}
          lang={lang}
          onPerson={(owner) => setFilter((f) => ({ ...f, owner }))}
        />
      )}
      <TodaySection data={today} lang={lang} onOpen={(it) => void openCustomer(it, windowId)} />
      <ForecastSection forecast={forecast} lang={lang} monthlyTarget={settings.monthlyTarget} />
      <CadenceSection
        drafts={drafts}
        lang={lang}
        asOf={asOf}
        webmail={settings.webmail}
        onOpen={(d) =>
          void openTab(composeUrl(settings.webmail, { to: d.to?.email, subject: d.subject, body: d.body }))
        }
        onSent={onCadenceSent}
      />
      <WorklistSection
        rows={rows}
        lang={lang}
        asOf={asOf}
        updating={refreshing || (filterActive && !filtered)}
        filter={filter}
        owners={owners}
        currencies={currencies}
        onFilter={setFilter}
        onOpen={(r) => void openCustomer(r, windowId)}
        onAction={onAction}
        onExport={(kind) => void exportRows(kind)}
        rank={rank}
        onRank={setRank}
        atRisk={forecast.state === 'ready' ? forecast.value.atRisk : undefined}
      />
      <ScoreboardSection board={board} lang={lang} />
    </div>,
  );
}

function Onboarding({ onImport }: { onImport: () => void }) {
  const clock = useClock();
  const { t } = useTranslation('popup');
  const [state, setState] = useState<'idle' | 'loading' | { error: string }>('idle');
  const loadDemo = async () => {
    setState('loading');
    try {
      const [{ loadDemoData }, { buildDemoPortfolio }, { notifyDataChanged }] = await Promise.all([
        import('@/lib/db/replace'),
        import('@/lib/demo/portfolio'),
        import('@/lib/browser/send'),
      ]);
      const now = clock();
      // The one bulk writer (lib/db/bulkWrite): waits for an import or restore running in another page.
      await loadDemoData(getDb(), buildDemoPortfolio(toIsoDay(now), now.getTime()), now);
      notifyDataChanged();
      setState('idle');
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  return (
    <section className="space-y-3 p-2" data-testid="onboarding">
      <h1 className="text-base font-semibold">{t('onboarding.heading')}</h1>
      <p className="text-stone-700">{t('onboarding.body')}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onImport}
          data-testid="onboarding-import"
          className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800"
        >
          {t('onboarding.import')}
        </button>
        <button
          type="button"
          onClick={() => void loadDemo()}
          disabled={state === 'loading'}
          data-testid="load-demo"
          className="rounded border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100 disabled:opacity-60"
        >
          {state === 'loading' ? t('onboarding.loading') : t('onboarding.demo')}
        </button>
      </div>
      {typeof state === 'object' && (
        <p role="alert" className="text-red-800">
          {t('onboarding.failed', { message: state.error })}
        </p>
      )}
    </section>
  );
}
