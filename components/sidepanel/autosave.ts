/**
 * Forms save as you type (UI.md): the draft is validated with its zod schema on every change and written after a
 * short pause; the field's own message shows while it is invalid and nothing invalid is ever written.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { issuesByField } from './fields';
import { useClock } from '@/components/app/clock';

export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'error';
export const AUTOSAVE_MS = 400;

export function useAutosave<S extends z.ZodType>(
  schema: S,
  save: (value: z.output<S>) => Promise<void>,
  delay = AUTOSAVE_MS,
) {
  const [state, setState] = useState<SaveState>('idle');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<(() => Promise<void>) | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const job = pending.current;
    pending.current = null;
    if (job) await job();
  }, []);
  // A pending edit is written when the section unmounts (customer switch, panel closing), not dropped.
  useEffect(() => () => void flush(), [flush]);

  const change = useCallback(
    (draft: unknown) => {
      const parsed = schema.safeParse(draft);
      if (!parsed.success) {
        setIssues(issuesByField(parsed.error.issues));
        setState('invalid');
        clearTimeout(timer.current);
        pending.current = null;
        return;
      }
      setIssues({});
      setState('saving');
      pending.current = async () => {
        try {
          await saveRef.current(parsed.data);
          setState('saved');
        } catch {
          setState('error');
        }
      };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [schema, delay, flush],
  );

  return { state, issues, change, flush };
}

/**
 * A form's draft over a stored record that saves as you type. The panel's own saves come back through the live
 * query; only a write from elsewhere (an import, linking from a page, another window) replaces what is on screen,
 * told apart by the record's `updatedAt` stamp, so a half-typed answer is never overwritten by its own last save.
 */
export function useAutosavedDraft<D extends object, S extends z.ZodType>(opts: {
  schema: S;
  /** The draft as the stored record gives it. */
  incoming: D;
  /** The stored record's `updatedAt`. */
  stamp: number | undefined;
  /** Writes the value with `updatedAt: now`. */
  save: (value: z.output<S>, now: number) => Promise<void>;
}) {
  const clock = useClock();
  const [draft, setDraft] = useState(opts.incoming);
  const own = useRef<number | undefined>(undefined);
  const saveRef = useRef(opts.save);
  saveRef.current = opts.save;
  const { state, issues, change } = useAutosave(opts.schema, async (v) => {
    const now = clock().getTime();
    own.current = now;
    await saveRef.current(v, now);
  });
  useEffect(() => {
    if (opts.stamp !== own.current) setDraft(opts.incoming);
  }, [opts.incoming]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (patch: Partial<D>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    change(next);
  };
  return { draft, set, state, issues };
}
