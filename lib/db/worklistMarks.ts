/**
 * The worklist's marks for the day (snoozed until a date, marked done today), one meta row. They are the
 * collector's own planning, not account data: writing them does not change the data version (the ranked worklist
 * stays valid) and they are not part of a backup's figures. Marks from past days are dropped at each write.
 */
import type { HuikuanDb } from './schema';
import { emptyMarks, type DayMarks } from '../worklist/day';

export const WORKLIST_MARKS_KEY = 'worklistMarks';

function parseMarks(raw: unknown): DayMarks {
  const out = emptyMarks();
  if (!raw || typeof raw !== 'object') return out;
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  for (const part of ['snoozed', 'done'] as const) {
    const m = (raw as Record<string, unknown>)[part];
    if (!m || typeof m !== 'object') continue;
    for (const [id, day] of Object.entries(m as Record<string, unknown>))
      if (typeof day === 'string' && iso.test(day)) out[part][id] = day;
  }
  return out;
}

export async function readWorklistMarks(db: HuikuanDb): Promise<DayMarks> {
  return parseMarks((await db.meta.get(WORKLIST_MARKS_KEY))?.value);
}

/** Applies one change for `customerId` and drops what no longer matters on `asOf`. */
export async function updateWorklistMarks(
  db: HuikuanDb,
  asOf: string,
  change: { customerId: string; snoozedUntil?: string | null; doneOn?: string | null },
): Promise<DayMarks> {
  return db.transaction('rw', db.meta, async () => {
    const marks = await readWorklistMarks(db);
    const { customerId } = change;
    if (change.snoozedUntil === null) delete marks.snoozed[customerId];
    else if (change.snoozedUntil) marks.snoozed[customerId] = change.snoozedUntil;
    if (change.doneOn === null) delete marks.done[customerId];
    else if (change.doneOn) marks.done[customerId] = change.doneOn;
    for (const [id, until] of Object.entries(marks.snoozed)) if (until <= asOf) delete marks.snoozed[id];
    for (const [id, day] of Object.entries(marks.done)) if (day < asOf) delete marks.done[id];
    await db.meta.put({ key: WORKLIST_MARKS_KEY, value: marks });
    return marks;
  });
}
