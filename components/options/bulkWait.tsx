/**
 * Waiting for the one bulk writer (lib/db/bulkWrite): an import, restore, demo load, wipe or undo started while
 * another runs in another tab (or the worker) says what it waits for and can be cancelled; it never interleaves.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BulkOp, BulkWaitOptions } from '@/lib/db/bulkWrite';
import { btn } from './ui';

export interface BulkWaiting {
  holder?: BulkOp;
}

/** `run(fn)` gives `fn` the lock options; while it waits, `waiting` names the holder and `cancel` stops the wait. */
export function useBulkRun() {
  const [waiting, setWaiting] = useState<BulkWaiting | null>(null);
  const acRef = useRef<AbortController | null>(null);
  const run = useCallback(
    async <T,>(
      fn: (lock: BulkWaitOptions) => Promise<T>,
      extra: { signal?: AbortSignal; onHeld?: () => void } = {},
    ): Promise<T> => {
      const ac = new AbortController();
      acRef.current = ac;
      const abort = () => ac.abort();
      extra.signal?.addEventListener('abort', abort);
      try {
        return await fn({
          signal: ac.signal,
          onWait: (holder) => setWaiting({ ...(holder && { holder }) }),
          onHeld: () => {
            setWaiting(null);
            extra.onHeld?.();
          },
        });
      } finally {
        extra.signal?.removeEventListener('abort', abort);
        setWaiting(null);
        acRef.current = null;
      }
    },
    [],
  );
  const cancel = useCallback(() => acRef.current?.abort(), []);
  return { waiting, run, cancel };
}

/** What the holder is, in the user's words ("the import of 应收.csv"). */
export function holderText(t: TFunction<'options'>, holder: BulkOp | undefined): string {
  if (!holder) return t('safety.what.unknown');
  return t(`safety.what.${holder.kind}`, { file: holder.file ?? '' });
}

export function BulkWaitNotice({ waiting, onCancel }: { waiting: BulkWaiting | null; onCancel: () => void }) {
  const { t } = useTranslation('options');
  if (!waiting) return null;
  return (
    <div
      role="status"
      data-testid="bulk-waiting"
      data-holder={waiting.holder?.kind ?? ''}
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="flex-1">{t('safety.waiting', { what: holderText(t, waiting.holder) })}</p>
      <button type="button" className={btn} onClick={onCancel} data-testid="bulk-wait-cancel">
        {t('safety.cancelWait')}
      </button>
    </div>
  );
}

/** An abort of the wait or the write (DOMException or our own AbortError). */
export const isAbort = (e: unknown) => (e as { name?: string } | null)?.name === 'AbortError';
