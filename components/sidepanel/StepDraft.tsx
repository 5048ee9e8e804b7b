/**
 * Edit before it leaves: the suggested script as an editable text and the invoices it covers as check boxes, so
 * that what is copied, inserted into a compose box and logged is what the collector chose. The covered invoices
 * are named under the text with their total (disputed ones are named apart and cannot be picked: they are never
 * demanded). The letter page uses the same picker.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DisputedPart, Lang, OpenReceivable } from '@/lib/domain';
import { formatDay, formatMoney } from '@/lib/format';
import { letterItemsOf, letterTotals, type LetterItem } from '@/lib/playbook/letters';
import { buttonCls, inputCls } from './fields';

/** The invoices a step can cover: a document disputed in part offers its undisputed rest (lib/playbook/letters.ts). */
export function itemsOf(receivables: OpenReceivable[], disputes?: readonly DisputedPart[]): LetterItem[] {
  return letterItemsOf(receivables, disputes);
}

/** A script covers the overdue undisputed invoices unless the collector picks otherwise. */
export const defaultScriptPick = (items: LetterItem[], today: string) =>
  items.filter((i) => !i.disputed && i.dueDate < today).map((i) => i.id);

/** The text and the invoices a step covers, with "edited" kept apart from the suggestion it started from. */
export function useDraft(suggested: string, initialPick: string[]) {
  const [override, setOverride] = useState<string | null>(null);
  const [picked, setPickedState] = useState<string[] | null>(null);
  const [pickedAfterEdit, setPickedAfterEdit] = useState(false);
  return {
    text: override ?? suggested,
    edited: override !== null,
    setText: (s: string) => {
      setOverride(s);
      setPickedAfterEdit(false);
    },
    reset: () => {
      setOverride(null);
      setPickedAfterEdit(false);
    },
    /** After the step is logged the next one starts from its own suggestion and picks. */
    clear: () => {
      setOverride(null);
      setPickedState(null);
      setPickedAfterEdit(false);
    },
    picked: picked ?? initialPick,
    setPicked: (ids: string[]) => {
      setPickedState(ids);
      if (override !== null) setPickedAfterEdit(true);
    },
    pickedAfterEdit,
  };
}

type T = TFunction<'sidepanel'>;

/** "Invoices: INV-1 ¥30,000.00 (due …); … Total ¥40,000.00." in the script's language. */
export function coveredText(items: LetterItem[], picked: string[], lang: Lang, t: T): string {
  const chosen = items.filter((i) => picked.includes(i.id));
  if (!chosen.length) return '';
  const list = chosen.map((i) =>
    t('sent.invoiceLine', {
      doc: i.docNumber,
      amount: formatMoney(i.openMinor, i.currency, lang),
      due: formatDay(i.dueDate, lang),
    }),
  );
  return t('sent.covered', {
    list: list.join(t('listSep')),
    total: letterTotals(chosen, lang, { capitals: false }).join(' + '),
  });
}

export function InvoicePicker({
  items,
  picked,
  onChange,
  lang,
  testId = 'invoice-pick',
}: {
  items: LetterItem[];
  picked: string[];
  onChange: (ids: string[]) => void;
  lang: Lang;
  testId?: string;
}) {
  const { t } = useTranslation('sidepanel');
  const pickable = items.filter((i) => !i.disputed);
  const disputed = items.filter((i) => i.disputed);
  const toggle = (id: string) =>
    onChange(
      picked.includes(id)
        ? picked.filter((x) => x !== id)
        : pickable.filter((i) => i.id === id || picked.includes(i.id)).map((i) => i.id),
    );
  return (
    <fieldset className="mt-1 text-xs print:hidden" data-testid={testId}>
      <legend className="font-medium">{t('sent.invoices')}</legend>
      {!pickable.length && <p>{t('sent.invoicesNone')}</p>}
      <ul className="max-h-32 overflow-y-auto">
        {pickable.map((i) => (
          <li key={i.id}>
            <label className="flex items-center gap-1">
              <input
                type="checkbox"
                data-testid={`${testId}-${i.docNumber}`}
                checked={picked.includes(i.id)}
                onChange={() => toggle(i.id)}
              />
              <span className="tabular-nums">
                {t('sent.invoiceLine', {
                  doc: i.docNumber,
                  amount: formatMoney(i.openMinor, i.currency, lang),
                  due: formatDay(i.dueDate, lang),
                })}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {disputed.length > 0 && (
        <p className="text-amber-900" data-testid={`${testId}-disputed`}>
          {t('sent.disputedApart', {
            list: disputed.map((i) => `${i.docNumber} ${formatMoney(i.openMinor, i.currency, lang)}`).join(', '),
          })}
        </p>
      )}
    </fieldset>
  );
}

export function DraftText({
  value,
  onChange,
  edited,
  onReset,
  pickedAfterEdit,
  testId,
}: {
  value: string;
  onChange: (s: string) => void;
  edited: boolean;
  onReset: () => void;
  pickedAfterEdit: boolean;
  testId: string;
}) {
  const { t } = useTranslation('sidepanel');
  return (
    <div className="mt-1">
      <label className="block text-xs text-stone-700">
        <span className="font-medium">{t('sent.edit')}</span> — {t('sent.editHint')}
        <textarea
          data-testid={testId}
          className={`${inputCls} mt-0.5 min-h-32 font-sans`}
          rows={Math.min(14, value.split('\n').length + 1)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {edited && (
        <button
          type="button"
          className={`${buttonCls} mt-0.5 text-xs`}
          data-testid={`${testId}-reset`}
          onClick={onReset}
        >
          {t('sent.reset')}
        </button>
      )}
      {pickedAfterEdit && (
        <p role="alert" className="text-xs text-amber-900" data-testid={`${testId}-check-amounts`}>
          {t('sent.editedBeforePick')}
        </p>
      )}
    </div>
  );
}
