// The one place where analysis offsets (UTF-16 code units into the text) meet
// LSP positions (line/character, also UTF-16). Everything is clamped, so a
// client asking about a position past the end gets an answer, not an exception.
import type { Position, Range } from 'vscode-languageserver';
import { lineIndexAt, lineTable } from '../analysis';

export interface Span {
  start: number;
  end: number;
}

/** Anything that maps offsets to positions and back: an open TextDocument or a LineIndex. */
export interface PositionMapper {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export function spanToRange(doc: PositionMapper, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function rangeToSpan(doc: PositionMapper, range: Range): Span {
  const a = positionToOffset(doc, range.start);
  const b = positionToOffset(doc, range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

/** Clamped: negative or non-integer components are tolerated. */
export function positionToOffset(doc: PositionMapper, position: Position | undefined | null): number {
  const line = Number.isFinite(position?.line) ? Math.max(0, Math.floor(position!.line)) : 0;
  const character = Number.isFinite(position?.character) ? Math.max(0, Math.floor(position!.character)) : 0;
  return doc.offsetAt({ line, character });
}

/**
 * Splits a span into one span per line, since LSP semantic tokens may not cross
 * lines unless the client says so. Line breaks themselves are left out.
 */
export function splitByLines(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (span.end > start) out.push({ start, end: span.end });
  return out;
}

/**
 * Offsets → positions for an article the index keeps but does not hold the text of:
 * one number per line (a thousand articles cost kilobytes, not their texts).
 * Lines end at \r\n, \n or \r, as in LSP.
 */
export class LineStarts implements PositionMapper {
  private readonly starts: Uint32Array;
  /** Where each line's text ends (before its line break): an offset inside "\r\n" maps there, as in TextDocument. */
  private readonly ends: Uint32Array;
  private readonly length: number;

  constructor(text: string) {
    const table = lineTable(text);
    this.starts = table.starts;
    this.ends = table.ends;
    this.length = text.length;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.length));
    const lo = lineIndexAt(this.starts, at);
    return { line: lo, character: Math.min(at, this.ends[lo]) - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(Math.floor(position.line), this.starts.length - 1));
    return Math.min(this.starts[line] + Math.max(0, Math.floor(position.character)), this.ends[line]);
  }
}
