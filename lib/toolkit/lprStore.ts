/**
 * The user's LPR table (Options → Settings): stored in the meta store under `lprTable` when the user has edited
 * it, replacing the shipped table (lib/toolkit/lpr.ts). Parsed on every read; a row that does not parse makes
 * the whole saved table count as absent rather than half used.
 */
import { z } from 'zod';
import { isoDate } from '../domain';
import type { HuikuanDb } from '../db/schema';
import { type LprRow, sortedLpr } from './lpr';

export const LPR_TABLE_KEY = 'lprTable';

export const lprTableSchema = z
  .array(z.object({ from: isoDate, rate: z.number().min(0).max(1) }))
  .min(1)
  .max(500)
  .refine((rows) => new Set(rows.map((r) => r.from)).size === rows.length, 'two rows take effect on the same day');

export function readLprTable(value: unknown): LprRow[] | undefined {
  const parsed = lprTableSchema.safeParse(value);
  return parsed.success ? sortedLpr(parsed.data) : undefined;
}

export type LprTextError = { line: number; code: 'format' | 'over-100' | 'twice' | 'empty' };

/** Parses lines of "YYYY-MM-DD  3.00" (percent); the error names the line and why (a code the page translates). */
export function parseLprText(text: string): { rows: LprRow[] } | { error: LprTextError } {
  const rows: LprRow[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})[\s,;，、]+(\d+(?:\.\d+)?)\s*%?$/.exec(line);
    if (!m || !isoDate.safeParse(m[1]).success) return { error: { line: i + 1, code: 'format' } };
    const pct = Number(m[2]);
    if (pct > 100) return { error: { line: i + 1, code: 'over-100' } };
    if (rows.some((r) => r.from === m[1])) return { error: { line: i + 1, code: 'twice' } };
    rows.push({ from: m[1], rate: Math.round(pct * 1e4) / 1e6 });
  }
  if (!rows.length) return { error: { line: 1, code: 'empty' } };
  return { rows: sortedLpr(rows) };
}

export async function saveLprTable(db: HuikuanDb, rows: LprRow[] | undefined): Promise<void> {
  if (!rows) {
    await db.meta.delete(LPR_TABLE_KEY);
    return;
  }
  await db.meta.put({ key: LPR_TABLE_KEY, value: lprTableSchema.parse(rows) });
}
