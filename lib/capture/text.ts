/** Shared helpers: spans, masking, sentence bounds. Indices always refer to the NFKC-normalised text. */

export interface Span {
  index: number;
  end: number;
}

export interface Hit<T> extends Span {
  value: T;
  text: string;
}

/** Replaces the spans with spaces, keeping the length so every index stays valid. */
export function mask(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  const chars = text.split('');
  for (const s of spans)
    for (let i = s.index; i < s.end && i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}

export function overlaps(a: Span, b: Span): boolean {
  return a.index < b.end && b.index < a.end;
}

export function overlapsAny(a: Span, list: Span[]): boolean {
  return list.some((b) => overlaps(a, b));
}

const SENTENCE_END = /[。！？!?；;\n]|\.(?=\s|$)/g;

/** [start, end) of the sentence around `index`. */
export function sentenceAt(text: string, index: number): Span {
  let start = 0;
  let end = text.length;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text))) {
    if (m.index < index) start = m.index + 1;
    else {
      end = m.index;
      break;
    }
  }
  return { index: start, end };
}

/** Text of the clause that leads up to `index` (back to the previous punctuation mark). */
export function clauseBefore(text: string, index: number, max = 40): string {
  const from = Math.max(0, index - max);
  const head = text.slice(from, index);
  // A single line break is usually a wrapped line inside one sentence; a blank line ends it.
  const cuts = ['。', '！', '？', '!', '?', '；', ';', '，', ',', '.', '\n\n'].map((c) => {
    const i = head.lastIndexOf(c);
    return i < 0 ? -1 : i + c.length;
  });
  const cut = Math.max(...cuts);
  return (cut >= 0 ? head.slice(cut) : head).replace(/\s+/g, ' ');
}

export const CJK = /[\u3400-\u9fff]/;
