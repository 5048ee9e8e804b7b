/**
 * Large files keep every character (issue #29): a 300,000-row CSV is streamed in slices, and at every slice edge
 * a 2-, 3- or 4-byte character is cut in two; every customer name, document number and amount must come out byte
 * for byte, in UTF-8 with and without BOM, GBK and GB18030, and the customers counted must be the file's distinct
 * names (3,000) — a cut character used to become "�" and a garbled extra customer.
 */
import { describe, expect, it } from 'vitest';
import { type LedgerRow, parseLedgerChunks } from '../../../lib/transfer';

const ROWS = 300_000;
/** The BOM only changes the first bytes: its variant is checked on a tenth of the rows. */
const rowsOf = (enc: string) => (enc === 'utf-8-bom' ? ROWS / 10 : ROWS);
const NAMES = 3_000;
const CHUNK = 65_537;
// Characters by their width in UTF-8 (é 2, 中 3, 𠀋 4); in GB18030 é and 中 take 2 bytes, 𠀋 four.
const WIDE = { 2: ['é', 'ü'], 3: ['中', '客', '户', '司'], 4: ['𠀋', '𡈽'] } as const;

/** GB18030 bytes of each character we use, found by decoding candidate byte sequences (Node has no GB18030 encoder). */
function gb18030Table(chars: string[]): Map<string, number[]> {
  const want = new Set(chars);
  const out = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe && out.size < want.size; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(new Uint8Array([a, b]));
      if (want.has(ch) && !out.has(ch)) out.set(ch, [a, b]);
    }
  }
  for (let a = 0x90; a <= 0xe3 && out.size < want.size; a++) {
    for (let b = 0x30; b <= 0x39; b++)
      for (let c = 0x81; c <= 0xfe; c++)
        for (let d = 0x30; d <= 0x39; d++) {
          const ch = dec.decode(new Uint8Array([a, b, c, d]));
          if (want.has(ch) && !out.has(ch)) out.set(ch, [a, b, c, d]);
        }
  }
  return out;
}

type Enc = 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030';
const gbTable = gb18030Table([...WIDE[2], ...WIDE[3], ...WIDE[4]]);

function encoder(enc: Enc): (s: string) => Uint8Array {
  if (enc.startsWith('utf-8')) {
    const te = new TextEncoder();
    return (s) => te.encode(s);
  }
  return (s) => {
    const out: number[] = [];
    for (const ch of s) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) out.push(code);
      else for (const b of gbTable.get(ch)!) out.push(b);
    }
    return Uint8Array.from(out);
  };
}

/** Widths of the characters each encoding can cut: GBK has only two-byte characters. */
const widths: Record<Enc, number[]> = { 'utf-8': [2, 3, 4], 'utf-8-bom': [2, 3, 4], gbk: [2], gb18030: [2, 4] };

function nameOf(i: number, enc: Enc): string {
  const pool = enc === 'gbk' ? [...WIDE[2], ...WIDE[3]] : [...WIDE[2], ...WIDE[3], ...WIDE[4]];
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / pool.length)) s += pool[n % pool.length];
  return enc === 'gbk' ? `${s}é客户司` : `${s}é客户司𡈽`;
}

/**
 * The file. Before the row that would reach a slice edge, a line of spaces (a blank row) moves that row so the edge
 * falls inside its first character — a customer whose name starts with a character of the next wanted width.
 */
function build(enc: Enc) {
  const encode = encoder(enc);
  const header = 'Customer,Invoice,Due Date,Amount,Currency\n';
  const parts: Uint8Array[] = [
    enc === 'utf-8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(header)]) : encode(header),
  ];
  let offset = parts[0].length;
  const expected: Array<{ name: string; doc: string; minor: number }> = [];
  const names = Array.from({ length: NAMES }, (_, i) => nameOf(i, enc));
  const byFirstWidth = new Map<number, number[]>();
  names.forEach((n, i) => {
    const w = encode([...n][0]).length;
    (byFirstWidth.get(w) ?? byFirstWidth.set(w, []).get(w)!).push(i);
  });
  let boundary = CHUNK;
  let turn = 0;
  const cutWidths = new Map<number, number>();
  const rowOf = (ci: number, i: number) => {
    const minor = 100_00 + (i % 977) * 13;
    const doc = `D${i}`;
    return {
      name: names[ci],
      doc,
      minor,
      bytes: encode(`${names[ci]},${doc},2024-01-15,${(minor / 100).toFixed(2)},CNY\n`),
    };
  };
  for (let i = 0; i < rowsOf(enc); i++) {
    let r = rowOf(i % NAMES, i);
    if (offset + r.bytes.length > boundary - 8) {
      const w = widths[enc][turn++ % widths[enc].length];
      const pool = byFirstWidth.get(w)!;
      r = rowOf(pool[i % pool.length], i);
      const j = 1 + (turn % (w - 1)); // how far into the character the edge falls
      const pad = boundary - j - offset;
      parts.push(encode(`${' '.repeat(pad - 1)}\n`));
      offset += pad;
      cutWidths.set(w, (cutWidths.get(w) ?? 0) + 1);
      boundary += CHUNK;
    }
    parts.push(r.bytes);
    offset += r.bytes.length;
    expected.push({ name: r.name, doc: r.doc, minor: r.minor });
  }
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, expected, cutWidths, boundaries: Math.floor(offset / CHUNK) };
}

describe('streaming decode never cuts a character (300,000 rows, a character cut at every slice edge)', () => {
  for (const enc of ['utf-8', 'utf-8-bom', 'gbk', 'gb18030'] as Enc[]) {
    it(
      enc,
      async () => {
        const { bytes, expected, cutWidths, boundaries } = build(enc);
        // Every slice edge cuts a character, of each width the encoding has.
        expect([...cutWidths.values()].reduce((a, b) => a + b, 0)).toBe(boundaries);
        for (const w of widths[enc]) expect(cutWidths.get(w) ?? 0).toBeGreaterThan(5);
        const rows: LedgerRow[] = [];
        const summary = await parseLedgerChunks(
          new Blob([bytes]),
          { fileName: 'big.csv' },
          (r) => {
            for (const x of r) rows.push(x);
          },
          undefined,
          CHUNK,
        );
        expect(summary.errors).toBe(0);
        expect(summary.encoding).toBe(enc.startsWith('utf-8') ? 'utf-8' : 'gb18030');
        expect(rows).toHaveLength(rowsOf(enc));
        let bad = 0;
        for (let i = 0; i < rowsOf(enc); i++) {
          const r = rows[i];
          const e = expected[i];
          if (r.customerName !== e.name || r.invoiceNumber !== e.doc || r.amount.minor !== e.minor) bad++;
        }
        expect(bad).toBe(0);
        expect(summary.stats.customers).toBe(NAMES);
        expect(new Set(rows.map((r) => r.customerName)).size).toBe(NAMES);
        expect(rows.some((r) => r.customerName.includes('\ufffd'))).toBe(false);
      },
      120_000,
    );
  }
});
