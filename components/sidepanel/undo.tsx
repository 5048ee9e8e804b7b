/**
 * Deletions are undoable for a few seconds instead of asking "are you sure?" (UI.md). Records go to the trash
 * table (lib/db deleteRecords) and the toast's Undo puts them back with every summary recomputed.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/lib/db/schema';
import { deleteRecords, undoDelete } from '@/lib/db/repo';
import { notifyDataChanged } from '@/lib/browser/send';
import { useClock } from '@/components/app/clock';

type Trashable = Parameters<typeof deleteRecords>[1];
interface Toast { trashId: string; label: string }
/** `customerId` names the ledger that holds receivables and payments (see lib/db deleteRecords). */
interface UndoApi { remove: (table: Trashable, ids: string[], label: string, customerId?: string) => Promise<void> }

const UndoContext = createContext<UndoApi>({ remove: async () => undefined });
export const useUndo = (): UndoApi => useContext(UndoContext);

export const UNDO_MS = 8000;

export function UndoProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [toast, setToast] = useState<Toast | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const clock = useClock();
  useEffect(() => () => clearTimeout(timer.current), []);
  const remove = useCallback(async (table: Trashable, ids: string[], label: string, customerId?: string) => {
    const trashId = await deleteRecords(getDb(), table, ids, label, clock(), customerId);
    notifyDataChanged();
    clearTimeout(timer.current);
    setToast({ trashId, label });
    timer.current = setTimeout(() => setToast(null), UNDO_MS);
  }, [clock]);
  const undo = async () => {
    if (!toast) return;
    clearTimeout(timer.current);
    setToast(null);
    await undoDelete(getDb(), toast.trashId, clock());
    notifyDataChanged();
  };
  return (
    <UndoContext.Provider value={{ remove }}>
      {children}
      {toast && (
        <div role="status" data-testid="undo-toast"
          className="fixed inset-x-2 bottom-2 z-20 flex items-center justify-between gap-2 rounded bg-stone-900 px-3 py-2 text-white shadow-lg">
          <span className="min-w-0 truncate" title={toast.label}>{t('deleted')}: {toast.label}</span>
          <button type="button" data-testid="undo" onClick={() => void undo()}
            className="shrink-0 rounded px-2 py-0.5 font-medium text-amber-300 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-300">{t('undo')}</button>
        </div>
      )}
    </UndoContext.Provider>
  );
}
