/**
 * A large text file → pieces of whole records, without ever cutting a character or a record in two.
 *
 * The file is read in byte slices and decoded with one streaming TextDecoder (`stream: true`), which keeps the
 * bytes of a character cut at a slice's edge until the next slice completes it — the UTF-8 (with or without BOM),
 * UTF-16, GBK and GB18030 text Chinese and Western ERPs write all survive byte for byte. Each decoded piece is cut
 * at its last line end that is outside a quoted cell (an even number of quotes before it); the rest waits for the
 * next slice. A record that grows past the limit (a quote never closed, a file without line ends) stops the read.
 */
import Papa from 'papaparse';
import { detectEncoding, MESSAGES } from './decode';
import { type GridError, DELIMITERS, foreignFileError, limitError, sniffForeign } from './grid';

export interface TextPiece {
  kind: 'text';
  encoding: string;
  /** The delimiter guessed from the file's head (title lines alone would not tell). */
  delimiter: string;
  /** Share of the input read once this piece is done. */
  fraction: number;
  final: boolean;
  /** Parses the piece: `delimiters` is the one delimiter found in the first piece, or the candidates to guess from. */
  records(delimiters: string | string[]): {
    records: string[][];
    quoteErrors: Array<{ row: number; cause: string }>;
    delimiter: string;
  };
}

export type Piece = TextPiece | { kind: 'workbook'; bytes: Uint8Array } | { kind: 'error'; error: GridError };

const HEAD = 64 * 1024;

/** The encoding of a text Blob: from its head, or — when the head is plain ASCII — from its first non-ASCII bytes. */
async function blobEncoding(blob: Blob, head: Uint8Array): Promise<string> {
  const enc = detectEncoding(head);
  if (enc !== 'utf-8' || head.some((b) => b >= 0x80) || blob.size <= head.length) return enc;
  for (let at = head.length; at < blob.size; at += HEAD) {
    const part = new Uint8Array(await blob.slice(at, at + HEAD).arrayBuffer());
    const i = part.findIndex((b) => b >= 0x80);
    if (i < 0) continue;
    // Back up to a line start so the sample begins on a character boundary.
    let s = i;
    while (s > 0 && part[s - 1] !== 0x0a) s--;
    const sample = new Uint8Array(await blob.slice(at + s, at + s + HEAD).arrayBuffer());
    return detectEncoding(sample) === 'gb18030' ? 'gb18030' : 'utf-8';
  }
  return 'utf-8';
}

/** Where to cut decoded text: after its last line end outside quotes; -1 when there is none. */
function cutPoint(text: string): { end: number; next: number } | undefined {
  let quotes = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
  let nl = text.lastIndexOf('\n');
  while (nl >= 0) {
    let after = 0;
    for (let i = text.indexOf('"', nl + 1); i >= 0; i = text.indexOf('"', i + 1)) after++;
    if ((quotes - after) % 2 === 0) return { end: nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl, next: nl + 1 };
    nl = text.lastIndexOf('\n', nl - 1);
  }
  return undefined;
}

/** The delimiter of a file, guessed by papaparse over its first lines. */
export function guessDelimiter(head: string): string {
  return Papa.parse<string[]>(head, { preview: 200, delimitersToGuess: DELIMITERS }).meta.delimiter || ',';
}

function piece(text: string, encoding: string, delimiter: string, fraction: number, final: boolean): TextPiece {
  return {
    kind: 'text',
    encoding,
    delimiter,
    fraction,
    final,
    records(delimiters) {
      if (text === '')
        return {
          records: final ? [] : [['']],
          quoteErrors: [],
          delimiter: typeof delimiters === 'string' ? delimiters : ',',
        };
      const res = Papa.parse<string[]>(
        text,
        typeof delimiters === 'string'
          ? { delimiter: delimiters, skipEmptyLines: false }
          : { delimitersToGuess: delimiters, skipEmptyLines: false },
      );
      const quoteErrors = res.errors
        .filter((e) => e.type === 'Quotes' && e.row !== undefined)
        .map((e) => ({ row: (e.row ?? 0) + 1, cause: e.message }));
      return { records: res.data, quoteErrors, delimiter: res.meta.delimiter };
    },
  };
}

/**
 * The pieces of a Blob (or a string, already decoded). The first piece says what the input is: text, a workbook
 * (handed over whole), or an error (empty, binary, a PDF or image renamed, a record over the limit).
 */
export async function* textPieces(
  input: Blob | string,
  opts: { chunkSize: number; maxRecordChars: number; fileName?: string },
): AsyncGenerator<Piece> {
  const { chunkSize, maxRecordChars } = opts;
  if (typeof input === 'string') {
    const text = input.replace(/^\ufeff/, '');
    if (!text.length) {
      yield { kind: 'error', error: { row: 0, code: 'empty-file', message: MESSAGES.empty } };
      return;
    }
    yield* cutInto(
      (async function* () {
        for (let i = 0; i < text.length; i += chunkSize)
          yield { text: text.slice(i, i + chunkSize), fraction: Math.min(1, (i + chunkSize) / text.length) };
      })(),
      'utf-16',
      guessDelimiter(text.slice(0, HEAD)),
      maxRecordChars,
    );
    return;
  }
  if (input.size === 0) {
    yield { kind: 'error', error: { row: 0, code: 'empty-file', message: MESSAGES.empty } };
    return;
  }
  const head = new Uint8Array(await input.slice(0, HEAD).arrayBuffer());
  const foreign = sniffForeign(head);
  if (foreign) {
    yield { kind: 'error', error: foreignFileError(foreign, opts.fileName) };
    return;
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (isZip || isOle) {
    yield { kind: 'workbook', bytes: new Uint8Array(await input.arrayBuffer()) };
    return;
  }
  const encoding = await blobEncoding(input, head);
  if (encoding === 'binary') {
    yield { kind: 'error', error: { row: 0, code: 'binary-file', message: MESSAGES.binary } };
    return;
  }
  const blob = input;
  const delimiter = guessDelimiter(new TextDecoder(encoding).decode(head));
  yield* cutInto(
    (async function* () {
      const decoder = new TextDecoder(encoding);
      for (let at = 0; at < blob.size; at += chunkSize) {
        const bytes = new Uint8Array(await blob.slice(at, at + chunkSize).arrayBuffer());
        const last = at + chunkSize >= blob.size;
        // stream: true keeps a character cut at the slice's edge for the next slice; the last call flushes it.
        yield { text: decoder.decode(bytes, { stream: !last }), fraction: Math.min(1, (at + chunkSize) / blob.size) };
      }
    })(),
    encoding,
    delimiter,
    maxRecordChars,
  );
}

async function* cutInto(
  decoded: AsyncGenerator<{ text: string; fraction: number }>,
  encoding: string,
  delimiter: string,
  maxRecordChars: number,
): AsyncGenerator<Piece> {
  let carry = '';
  let prev: { text: string; fraction: number } | undefined;
  for await (const part of decoded) {
    if (prev) {
      const text = carry + prev.text;
      const cut = cutPoint(text);
      if (!cut) {
        carry = text;
        if (carry.length > maxRecordChars) {
          yield {
            kind: 'error',
            error: limitError({ problem: 'record-length', limit: maxRecordChars, found: carry.length }),
          };
          return;
        }
      } else {
        carry = text.slice(cut.next);
        yield piece(text.slice(0, cut.end), encoding, delimiter, prev.fraction, false);
      }
    }
    prev = part;
  }
  const rest = carry + (prev?.text ?? '');
  // A trailing line end leaves nothing after it: that is no record.
  yield piece(rest.replace(/\r?\n$/, ''), encoding, delimiter, 1, true);
}
