/**
 * Deletions are undoable for a few seconds instead of asking "are you sure?" (UI.md). Records go to the trash
 * table (lib/db deleteRecords) and the toast's Undo puts them back with every summary recomputed. A recorded
 * payment gets the same toast, whose Undo takes the payment out again.
 *
 * Keyboard: when the toast appears the focus moves to its Undo button (a deleted row's button has left the page, so
 * the focus would otherwise drop to the document), and returns where it was when the toast closes; Ctrl+Z (⌘Z)
 * undoes while the toast is up. The toast does not time out while the focus or the pointer is on it.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/lib/db/schema';
import { deleteRecords, undoDelete } from '@/lib/db/repo';
import { notifyDataChanged } from '@/lib/browser/send';
import { useClock } from '@/components/app/clock';

type Trashable = Parameters<typeof deleteRecords>[1];
interface Toast {
  label: string;
  kind: 'deleted' | 'recorded';
  undo: () => Promise<void>;
}
interface UndoApi {
  /** `customerId` names the ledger that holds receivables and payments (see lib/db deleteRecords). */
  remove: (table: Trashable, ids: string[], label: string, customerId?: string) => Promise<void>;
  /** Something was just recorded; `undo` takes it back. */
  recorded: (label: string, undo: () => Promise<void>) => void;
}

const UndoContext = createContext<UndoApi>({ remove: async () => undefined, recorded: () => undefined });
export const useUndo = (): UndoApi => useContext(UndoContext);

export const UNDO_MS = 8000;

export function UndoProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [toast, setToast] = useState<Toast | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const button = useRef<HTMLButtonElement>(null);
  /** Where the focus was before the toast took it. */
  const returnTo = useRef<HTMLElement | null>(null);
  const clock = useClock();
  useEffect(() => () => clearTimeout(timer.current), []);

  const close = useCallback(() => {
    clearTimeout(timer.current);
    setToast(null);
    const back = returnTo.current;
    returnTo.current = null;
    // Back where the user was, or to the panel's main region when that element is gone.
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
      else document.querySelector<HTMLElement>('main')?.focus();
    });
  }, []);
  const arm = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(close, UNDO_MS);
  }, [close]);
  const show = useCallback(
    (next: Toast) => {
      const active = document.activeElement as HTMLElement | null;
      if (!returnTo.current && active && active !== document.body) returnTo.current = active;
      setToast(next);
      arm();
    },
    [arm],
  );

  const remove = useCallback(
    async (table: Trashable, ids: string[], label: string, customerId?: string) => {
      const trashId = await deleteRecords(getDb(), table, ids, label, clock(), customerId);
      notifyDataChanged();
      show({
        label,
        kind: 'deleted',
        undo: async () => {
          await undoDelete(getDb(), trashId, clock());
          notifyDataChanged();
        },
      });
    },
    [clock, show],
  );
  const recorded = useCallback(
    (label: string, undo: () => Promise<void>) => show({ label, kind: 'recorded', undo }),
    [show],
  );

  const undo = useCallback(async () => {
    if (!toast) return;
    close();
    await toast.undo();
  }, [toast, close]);

  // The toast takes the focus as it appears (after its own render).
  useEffect(() => {
    if (toast) button.current?.focus();
  }, [toast]);
  useEffect(() => {
    if (!toast) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
        const el = e.target as HTMLElement | null;
        // Inside a text field Ctrl+Z undoes the typing, as everywhere.
        if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA'].includes(el.tagName))) return;
        e.preventDefault();
        void undo();
      } else if (e.key === 'Escape' && button.current === document.activeElement) close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toast, undo, close]);

  return (
    <UndoContext.Provider value={{ remove, recorded }}>
      {children}
      {toast && (
        <div
          role="status"
          data-testid="undo-toast"
          data-kind={toast.kind}
          onFocus={() => clearTimeout(timer.current)}
          onBlur={arm}
          onMouseEnter={() => clearTimeout(timer.current)}
          onMouseLeave={arm}
          className="fixed inset-x-2 bottom-2 z-20 flex items-center justify-between gap-2 rounded bg-stone-900 px-3 py-2 text-white shadow-lg"
        >
          <span className="min-w-0 truncate" title={toast.label}>
            {t(toast.kind === 'deleted' ? 'deleted' : 'recorded')}: {toast.label}
          </span>
          <button
            type="button"
            ref={button}
            data-testid="undo"
            onClick={() => void undo()}
            aria-keyshortcuts="Control+Z"
            className="shrink-0 rounded px-2 py-0.5 font-medium text-amber-300 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-300"
          >
            {t('undo')}
          </button>
        </div>
      )}
    </UndoContext.Provider>
  );
}
