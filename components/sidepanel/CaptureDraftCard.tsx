/**
 * A capture waiting in the side panel: the parsed message as an editable draft the user confirms, recorded as a
 * promise, an activity, a dispute on named invoices or a payment notice, for the customer the panel recognised or
 * the one the user picks. Mount it with `customerId={null}` when the tab has a draft but no confident customer.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { receivablesOf } from '@/lib/db/ledgers';
import { outcomes, toIsoDay } from '@/lib/domain';
import { parseCapture } from '@/lib/capture';
import type { DetectedSignal, SignalKind } from '@/lib/signals';
import {
  type CaptureChannel,
  type CaptureErrorKey,
  type CaptureField,
  type CaptureForm,
  type CaptureKind,
  type Outcome,
  type SavedCapture,
  captureChannels,
  captureKinds,
  evidenceOf,
  kindForIntent,
  matchReceivables,
  outcomeForIntent,
  saveCapture,
  validateCapture,
} from '@/lib/capture/record';
import { domainOf, isFreeMailDomain } from '@/lib/match';
import { formatDay, formatMoney, minorDigits } from '@/lib/format';
import { send, notifyDataChanged } from '@/lib/browser/send';
import type { TabContextView } from '@/lib/messaging/protocol';
import { CaptureCustomerPicker } from './CaptureCustomerPicker';
import { announceCaptureSaved } from './CaptureSavedNotice';
import { errorText } from '@/lib/i18n/userError';
import { useClock } from '@/components/app/clock';

export interface CaptureDraftCardProps {
  /** The confidently matched customer, or null to ask the user. */
  customerId: string | null;
  draft: NonNullable<TabContextView['draft']>;
  tabId: number;
  /** The tab's match candidates (best first); offered first when asking. */
  matches?: TabContextView['matches'];
  onSaved?: (saved: SavedCapture) => void;
}

/** At most this many open invoices are offered for ticking; the ones the message names always come first. */
const DOC_LIST_MAX = 40;

function messageDate(draft: CaptureDraftCardProps['draft']): Date {
  const ms = draft.sentAt ? Date.parse(draft.sentAt) : NaN;
  return Number.isNaN(ms) ? new Date(draft.capturedAt) : new Date(ms);
}

/** The customer's moves the card names (the three traps, refusal, a new order); the others show as the draft's kind. */
const moveKinds = [
  'trap-discount',
  'trap-wait-for-our-client',
  'trap-goods-for-debt',
  'refusal',
  'new-order',
] as const satisfies readonly SignalKind[];
type MoveKind = (typeof moveKinds)[number];

export function CaptureDraftCard({ customerId, draft, tabId, matches = [], onSaved }: CaptureDraftCardProps) {
  const { t } = useTranslation(['sidepanel', 'common']);
  const clock = useClock();
  const { lang, settings } = useApp();
  const sent = useMemo(() => messageDate(draft), [draft]);
  const messageDay = toIsoDay(sent);
  const parsed = useMemo(() => parseCapture(draft.text, { now: sent, lang }), [draft.text, sent, lang]);
  const first = parsed.promise?.amount ?? parsed.amounts[0];
  // The method's signals a draft kind does not hold (the traps, a refusal, a new order): shown so the collector
  // sees them before saving; the next step reads the same words from the saved note.
  const moves = parsed.customerSignals.filter((x): x is DetectedSignal & { kind: MoveKind } =>
    (moveKinds as readonly string[]).includes(x.kind),
  );

  const [kind, setKind] = useState<CaptureKind>(() => kindForIntent(parsed.intent));
  const [chosen, setChosen] = useState<string | null>(customerId);
  const [picking, setPicking] = useState(customerId === null);
  useEffect(() => {
    setChosen(customerId);
    setPicking(customerId === null);
  }, [customerId]);
  const [amount, setAmount] = useState(() =>
    first
      ? (first.minor / 10 ** minorDigits(first.currency)).toLocaleString('en-US', {
          minimumFractionDigits: minorDigits(first.currency),
        })
      : '',
  );
  const [currencyInput, setCurrencyInput] = useState<string | null>(first?.currency ?? null);
  const [dates, setDates] = useState<Record<CaptureKind, string>>(() => ({
    promise: parsed.promise?.date ?? '',
    payment: parsed.dates.find((d) => d <= messageDay) ?? messageDay,
    activity: messageDay,
    dispute: messageDay,
  }));
  const [channel, setChannel] = useState<CaptureChannel>(draft.from?.includes('@') || draft.subject ? 'email' : 'im');
  const [outcome, setOutcome] = useState<Outcome>(() => outcomeForIntent(parsed.intent));
  const [ticked, setTicked] = useState<string[] | null>(null);
  const [reason, setReason] = useState(() => {
    // The sentence carrying the dispute, in the customer's own wording (the parser's text is NFKC-normalised).
    const sig = parsed.evidence.find((e) => e.kind === 'intent' && e.intent === 'dispute');
    const sentences = draft.text.match(/[^。！？!?\n]+[。！？!?]?/g) ?? [];
    const hit = sig && sentences.find((x) => x.normalize('NFKC').includes(sig.text));
    return (hit ?? draft.text).replace(/\s+/g, ' ').trim().slice(0, 500);
  });
  const [reference, setReference] = useState('');
  const [linkSender, setLinkSender] = useState(true);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const customer = useLiveQuery(async () => (chosen ? getDb().customers.get(chosen) : undefined), [chosen]);
  const receivables = useLiveQuery(async () => (chosen ? receivablesOf(getDb(), chosen) : []), [chosen]);
  // The ticks follow the customer: a new customer starts again from the invoices the message names.
  useEffect(() => setTicked(null), [chosen]);

  const open = useMemo(
    () => (receivables ?? []).filter((r) => r.status === 'open' && r.kind === 'invoice'),
    [receivables],
  );
  const mentioned = useMemo(
    () => new Set(matchReceivables(parsed.invoiceNumbers, open)),
    [parsed.invoiceNumbers, open],
  );
  const docs = useMemo(
    () =>
      [...open]
        .sort((a, b) => Number(mentioned.has(b.id)) - Number(mentioned.has(a.id)) || a.dueDate.localeCompare(b.dueDate))
        .slice(0, Math.max(DOC_LIST_MAX, mentioned.size)),
    [open, mentioned],
  );
  const receivableIds = ticked ?? [...mentioned];
  const currency = currencyInput ?? mostUsedCurrency(open.map((r) => r.amount.currency)) ?? settings.baseCurrency;

  const form: CaptureForm = {
    kind,
    customerId: chosen,
    amount,
    currency,
    date: dates[kind],
    channel,
    outcome,
    receivableIds,
    reason,
    reference,
  };
  const validation = validateCapture(form);
  // A promise read from an old message may name a day already gone: saved as it is, it would be judged broken at
  // once. The user says which it is: a new date, or a broken promise recorded on purpose.
  const today = toIsoDay(clock());
  const datePassed = kind === 'promise' && validation.ok && dates.promise < today;
  const [brokenOnPurpose, setBrokenOnPurpose] = useState(false);
  const canSave = validation.ok && (!datePassed || brokenOnPurpose);
  const errors: Partial<Record<CaptureField, CaptureErrorKey>> = validation.ok ? {} : validation.errors;
  const evidence = evidenceOf(draft);
  const senderDomain = draft.from ? domainOf(draft.from) : undefined;
  const canLink = chosen !== null && chosen !== customerId && !!senderDomain && !isFreeMailDomain(senderDomain);

  const docNumbers = (ids: string[]) => open.filter((r) => ids.includes(r.id)).map((r) => r.docNumber);
  const noteFor = (): string => {
    if (!validation.ok || validation.value.kind !== 'payment') return draft.text;
    const v = validation.value;
    const parts = [
      t('capture.paymentNote', { amount: formatMoney(v.amount.minor, v.amount.currency, lang), date: v.date }),
    ];
    if (v.reference) parts.push(t('capture.paymentRef', { reference: v.reference }));
    const nums = docNumbers(v.receivableIds);
    if (nums.length) parts.push(t('capture.paymentDocs', { docs: nums.join(', ') }));
    return `${parts.join(t('listSep'))}\n\n${draft.text}`;
  };

  const save = async () => {
    if (!canSave || !validation.ok || saving || saved) return;
    setSaving(true);
    setSaveError(null);
    try {
      const result = await saveCapture(
        getDb(),
        validation.value,
        { meta: draft, note: noteFor(), messageDay },
        clock(),
      );
      setSaved(true);
      const v = validation.value;
      announceCaptureSaved({
        kind: v.kind,
        customerId: result.customerId,
        customerName: customer?.name ?? result.customerId,
        amount: v.kind === 'promise' || v.kind === 'payment' ? v.amount : undefined,
        date: v.date,
        count: result.receivableIds.length,
        at: clock().getTime(),
      });
      onSaved?.(result);
      // Cleared before linking: linking re-matches the tab, and the draft must be gone by then so the panel does not
      // show it again for the customer it now recognises.
      await send({ type: 'draft/clear', tabId }).catch(() => undefined);
      if (canLink && linkSender)
        await send({ type: 'customer/link', tabId, customerId: result.customerId }).catch(() => undefined);
      notifyDataChanged();
    } catch (e) {
      setSaveError(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  const err = (field: CaptureField) =>
    errors[field] && (
      <p role="alert" data-testid={`capture-error-${field}`} className="text-red-800">
        {t(errors[field]!)}
      </p>
    );
  const toggleDoc = (id: string, on: boolean) =>
    setTicked(on ? [...new Set([...receivableIds, id])] : receivableIds.filter((x) => x !== id));
  const dateLabel =
    kind === 'promise'
      ? t('capture.promisedDate')
      : kind === 'payment'
        ? t('capture.paidOn')
        : t('capture.messageDate');
  const showDocs = kind !== 'activity';

  return (
    <section
      data-testid="capture-draft"
      data-kind={kind}
      aria-label={t('captureTitle')}
      className="space-y-2 rounded border border-blue-300 bg-blue-50 p-2"
    >
      <h2 className="font-medium">{t('captureTitle')}</h2>
      <blockquote className="line-clamp-3 whitespace-pre-wrap border-l-2 border-blue-300 pl-2 text-stone-700">
        {draft.text.replace(/\n\s*\n+/g, '\n').trim()}
      </blockquote>

      <div data-testid="capture-evidence" className="text-xs text-stone-700">
        <span className="font-medium">{t('capture.evidence')}: </span>
        {evidence.text ? (
          <>
            {evidence.label && <span data-testid="capture-evidence-label">{evidence.label}</span>}
            {evidence.url && (
              <>
                {' '}
                ·{' '}
                <a href={evidence.url} target="_blank" rel="noreferrer" className="break-all underline">
                  {evidence.url}
                </a>
              </>
            )}
          </>
        ) : (
          <span>{t('capture.evidenceNone')}</span>
        )}
      </div>

      {moves.length > 0 && (
        <p data-testid="capture-signals" className="text-xs text-amber-900">
          <span className="font-medium">{t('signals.lead')} </span>
          {moves.map((m) => (
            <span key={m.kind} data-kind={m.kind} className="mr-2">
              {t(`signals.${m.kind}`)} (“{m.evidence}”)
            </span>
          ))}
        </p>
      )}

      {picking ? (
        <CaptureCustomerPicker matches={matches} value={chosen} onChange={setChosen} />
      ) : (
        <p data-testid="capture-customer">
          {t('capture.customer')}: <strong>{customer?.name ?? ''}</strong>{' '}
          <button type="button" className="underline" onClick={() => setPicking(true)}>
            {t('capture.change')}
          </button>
        </p>
      )}
      {picking && chosen && (
        <p data-testid="capture-customer">
          {t('capture.customer')}: <strong>{customer?.name ?? ''}</strong>
        </p>
      )}
      {err('customerId')}
      {canLink && (
        <label className="block text-xs">
          <input
            type="checkbox"
            data-testid="capture-link-sender"
            checked={linkSender}
            onChange={(e) => setLinkSender(e.target.checked)}
          />{' '}
          {t('capture.linkSender', { domain: senderDomain })}
        </label>
      )}

      <fieldset className="flex flex-wrap gap-x-3">
        <legend className="text-xs text-stone-600">{t('capture.kindLabel')}</legend>
        {captureKinds.map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input
              type="radio"
              name={`capture-kind-${draft.capturedAt}`}
              data-testid={`capture-kind-${k}`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`capture.kinds.${k}`)}
          </label>
        ))}
      </fieldset>

      {(kind === 'promise' || kind === 'payment') && (
        <div className="flex flex-wrap gap-2">
          <label className="block">
            {t('amount')}{' '}
            <input
              data-testid="capture-amount"
              inputMode="decimal"
              value={amount}
              aria-invalid={!!errors.amount}
              onChange={(e) => setAmount(e.target.value)}
              className="rounded border px-1"
            />
          </label>
          <label className="block">
            {t('currency')}{' '}
            <input
              data-testid="capture-currency"
              value={currency}
              maxLength={3}
              aria-invalid={!!errors.currency}
              onChange={(e) => setCurrencyInput(e.target.value.toUpperCase())}
              className="w-16 rounded border px-1"
            />
          </label>
        </div>
      )}
      {err('amount')}
      {err('currency')}

      <label className="block">
        {dateLabel}{' '}
        <input
          type="date"
          data-testid="capture-date"
          value={dates[kind]}
          aria-invalid={!!errors.date}
          onChange={(e) => setDates({ ...dates, [kind]: e.target.value })}
          className="rounded border px-1"
        />
      </label>
      {err('date')}
      {datePassed && (
        <div role="alert" data-testid="capture-date-passed" className="space-y-1 text-amber-900">
          <p>{t('capture.datePassed', { sent: formatDay(messageDay, lang), today: formatDay(today, lang) })}</p>
          <label className="block">
            <input
              type="checkbox"
              data-testid="capture-record-broken"
              checked={brokenOnPurpose}
              onChange={(e) => setBrokenOnPurpose(e.target.checked)}
            />{' '}
            {t('capture.recordBroken')}
          </label>
        </div>
      )}

      {kind !== 'promise' && (
        <div className="flex flex-wrap gap-2">
          <label>
            {t('capture.channel')}{' '}
            <select
              data-testid="capture-channel"
              value={channel}
              onChange={(e) => setChannel(e.target.value as CaptureChannel)}
              className="rounded border"
            >
              {captureChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`common:channels.${c}`)}
                </option>
              ))}
            </select>
          </label>
          {kind === 'activity' && (
            <label>
              {t('capture.outcome')}{' '}
              <select
                data-testid="capture-outcome"
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as Outcome)}
                className="rounded border"
              >
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(`common:outcomes.${o}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}

      {kind === 'payment' && (
        <>
          <label className="block">
            {t('capture.reference')}{' '}
            <input
              data-testid="capture-reference"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              className="rounded border px-1"
            />
          </label>
          {err('reference')}
          <p data-testid="capture-ledger-note" className="text-amber-900">
            {t('capture.ledgerConfirms')}
          </p>
        </>
      )}

      {kind === 'dispute' && (
        <>
          <label className="block">
            {t('capture.reason')}
            <textarea
              data-testid="capture-reason"
              value={reason}
              rows={2}
              aria-invalid={!!errors.reason}
              onChange={(e) => setReason(e.target.value)}
              className="block w-full rounded border px-1"
            />
          </label>
          {err('reason')}
        </>
      )}

      {showDocs && chosen && (
        <fieldset data-testid="capture-docs">
          <legend className="text-xs text-stone-600">
            {kind === 'dispute' ? t('capture.documentsDispute') : t('capture.documents')}
          </legend>
          {receivables && docs.length === 0 && <p className="text-stone-600">{t('capture.documentsNone')}</p>}
          <ul className="max-h-40 overflow-y-auto">
            {docs.map((r) => (
              <li key={r.id}>
                <label className="flex items-baseline gap-1 tabular-nums">
                  <input
                    type="checkbox"
                    data-testid="capture-doc"
                    data-doc={r.docNumber}
                    checked={receivableIds.includes(r.id)}
                    onChange={(e) => toggleDoc(r.id, e.target.checked)}
                  />
                  <span>{r.docNumber}</span>
                  <span className="text-stone-600">
                    {formatMoney(r.amount.minor, r.amount.currency, lang)} · {formatDay(r.dueDate, lang)}
                  </span>
                  {mentioned.has(r.id) && <span className="text-xs text-blue-800">{t('capture.mentioned')}</span>}
                  {r.disputed && <span className="text-xs text-amber-800">{t('capture.alreadyDisputed')}</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {kind === 'dispute' && chosen && err('receivableIds')}

      {saveError && (
        <p role="alert" className="text-red-800">
          {t('capture.saveFailed', { error: saveError })}
        </p>
      )}
      <button
        type="button"
        data-testid="capture-save"
        disabled={!canSave || saving || saved}
        onClick={() => void save()}
        className="rounded bg-blue-700 px-2 py-1 text-white disabled:cursor-not-allowed disabled:opacity-50"
      >
        {saving ? t('capture.saving') : t(`capture.save.${kind}`)}
      </button>
    </section>
  );
}

function mostUsedCurrency(codes: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const c of codes) n.set(c, (n.get(c) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}
