// Paragraphs are maximal runs of non-blank lines: that fits both the user's
// one-paragraph-a-line format and hard-wrapped text.
//
// A "paragraph" longer than MAX_PARAGRAPH_CHARS (a 1 MB line, a pasted dump) is
// split into sentence-aligned pieces, each analysed and cached on its own. That
// bounds the work of every per-paragraph step, lets the server yield between
// pieces, and keeps an edit in a huge line from re-analysing all of it. Cut
// points depend only on the text right before them (content-defined), so an
// edit moves at most the cuts next to it and the other pieces keep their cache.
import type { Span } from './types';

/** Pieces are cut at sentence ends once this long, where the content allows… */
const MIN_PIECE_CHARS = 2_000;
/** …at any sentence end once this long… */
const MAX_PARAGRAPH_CHARS = 8_000;
/** …and at any space (or anywhere) once this long. */
const HARD_PIECE_CHARS = 16_000;

export function splitParagraphs(text: string, from = 0): Span[] {
  const spans: Span[] = [];
  const lineRe = /[^\r\n]*(\r\n|\r|\n|$)/g;
  lineRe.lastIndex = from;
  let current: Span | null = null;
  const flush = () => {
    if (!current) return;
    if (current.end - current.start > MAX_PARAGRAPH_CHARS) spans.push(...splitLongParagraph(text, current));
    else spans.push(current);
    current = null;
  };
  while (lineRe.lastIndex < text.length) {
    const m = lineRe.exec(text);
    if (!m || m[0].length === 0) break;
    const lineStart = m.index;
    const lineEnd = m.index + m[0].length - m[1].length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      flush();
      continue;
    }
    const lead = line.length - line.trimStart().length;
    const trail = line.length - line.trimEnd().length;
    if (current) (current as Span).end = lineEnd - trail;
    else current = { start: lineStart + lead, end: lineEnd - trail };
  }
  flush();
  return spans;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*\s+/g;

/** Sentence-aligned pieces of one over-long paragraph, trimmed, covering all its text. */
export function splitLongParagraph(text: string, paragraph: Span): Span[] {
  const pieces: Span[] = [];
  let start = paragraph.start;
  while (paragraph.end - start > MAX_PARAGRAPH_CHARS) {
    const cut = findCut(text, start, paragraph.end);
    if (cut >= paragraph.end) break;
    pieces.push(trimmed(text, start, cut));
    start = skipSpace(text, cut, paragraph.end);
  }
  if (start < paragraph.end) pieces.push(trimmed(text, start, paragraph.end));
  return pieces.filter((p) => p.end > p.start);
}

function findCut(text: string, start: number, end: number): number {
  const hardEnd = Math.min(end, start + HARD_PIECE_CHARS);
  SENTENCE_END.lastIndex = start + MIN_PIECE_CHARS;
  let fallback = -1;
  for (let m = SENTENCE_END.exec(text); m && m.index < hardEnd; m = SENTENCE_END.exec(text)) {
    const cut = m.index + m[0].length;
    if (cut >= end) break;
    // Content-defined: whether a sentence end is a cut depends only on the characters before it.
    if (contentHash(text, m.index) % 4 === 0) return cut;
    if (cut - start >= MAX_PARAGRAPH_CHARS && fallback < 0) fallback = cut;
  }
  if (fallback > 0) return fallback;
  if (hardEnd >= end) return end;
  const space = text.lastIndexOf(' ', hardEnd);
  if (space > start + MIN_PIECE_CHARS) return space + 1;
  // No space at all (a base64 blob): cut anyway, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(hardEnd - 1);
  return code >= 0xd800 && code <= 0xdbff ? hardEnd + 1 : hardEnd;
}

function contentHash(text: string, at: number): number {
  let h = 0;
  for (let i = Math.max(0, at - 12); i < at; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i])) i++;
  return i;
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}
