/**
 * Bytes → text or workbook. XLSX is recognised by the zip magic (PK\x03\x04), legacy XLS by the OLE magic; text is
 * UTF-8 (with or without BOM), UTF-16 with a BOM (or without one when every other byte is NUL), or GB18030 when
 * the bytes are not valid UTF-8 (what Excel "Save as CSV" writes on a Chinese Windows).
 */

export type Decoded =
  | { kind: 'text'; text: string; encoding: string }
  | { kind: 'workbook'; bytes: Uint8Array; format: 'xlsx' | 'xls' }
  | { kind: 'error'; code: 'empty-file' | 'binary-file'; message: string };

export const MESSAGES = {
  empty: 'The file is empty (0 bytes).',
  binary:
    'This file is neither a spreadsheet (XLSX/XLS) nor a text file (CSV/TSV); open it in Excel and save it as XLSX or CSV.',
};

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Detects the text encoding of some leading bytes (no BOM stripping; TextDecoder does that). */
export function detectEncoding(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'binary' {
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(b, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(b, [0xfe, 0xff])) return 'utf-16be';
  const n = Math.min(b.length, 8192);
  let nulEven = 0;
  let nulOdd = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) {
      if (i % 2) nulOdd++;
      else nulEven++;
    } else if (c < 9 || (c > 13 && c < 32 && c !== 27)) ctrl++;
  }
  const half = n / 2;
  if (nulOdd > half * 0.3 && nulEven === 0) return 'utf-16le';
  if (nulEven > half * 0.3 && nulOdd === 0) return 'utf-16be';
  if (nulOdd + nulEven > 0 || ctrl > n * 0.02) return 'binary';
  try {
    // A multi-byte sequence cut at the sample's end is not an error: decode in streaming mode.
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, n), { stream: n < b.length });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeBytes(input: ArrayBuffer | Uint8Array): Decoded {
  const b = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (b.length === 0) return { kind: 'error', code: 'empty-file', message: MESSAGES.empty };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'workbook', bytes: b, format: 'xlsx' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { kind: 'workbook', bytes: b, format: 'xls' };
  const enc = detectEncoding(b);
  if (enc === 'binary') return { kind: 'error', code: 'binary-file', message: MESSAGES.binary };
  if (enc === 'utf-8') {
    const text = new TextDecoder('utf-8').decode(b);
    // Valid in the sample but not beyond it: a GBK file with an ASCII head.
    if (text.includes('\ufffd')) {
      try {
        return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
      } catch {
        return { kind: 'text', text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030' };
      }
    }
    return { kind: 'text', text, encoding: 'utf-8' };
  }
  return { kind: 'text', text: new TextDecoder(enc).decode(b), encoding: enc };
}
