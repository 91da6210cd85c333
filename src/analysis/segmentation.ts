// Paragraphs are maximal runs of non-blank lines: that fits both the user's
// one-paragraph-a-line format and hard-wrapped text.
import type { Span } from './types';

export function splitParagraphs(text: string, from = 0): Span[] {
  const spans: Span[] = [];
  const lineRe = /[^\r\n]*(\r\n|\r|\n|$)/g;
  lineRe.lastIndex = from;
  let current: Span | null = null;
  while (lineRe.lastIndex < text.length) {
    const m = lineRe.exec(text);
    if (!m || m[0].length === 0) break;
    const lineStart = m.index;
    const lineEnd = m.index + m[0].length - m[1].length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      if (current) spans.push(current);
      current = null;
      continue;
    }
    const lead = line.length - line.trimStart().length;
    const trail = line.length - line.trimEnd().length;
    if (current) current.end = lineEnd - trail;
    else current = { start: lineStart + lead, end: lineEnd - trail };
  }
  if (current) spans.push(current);
  return spans;
}
