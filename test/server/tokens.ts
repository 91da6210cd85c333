// Decodes LSP semantic token data (relative encoding) for assertions.
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../src/protocol';

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

export function decodeTokens(data: number[]): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const bits = data[i + 4];
    out.push({
      line,
      character,
      length: data[i + 2],
      type: SEMANTIC_TOKEN_TYPES[data[i + 3]],
      modifiers: SEMANTIC_TOKEN_MODIFIERS.filter((_, b) => bits & (1 << b)),
    });
  }
  return out;
}

/** The text a token covers, with lines split like LSP does (\r\n, \n or \r). */
export function tokenText(text: string, t: { line: number; character: number; length: number }): string {
  const lines = text.split(/\r\n|\n|\r/);
  return (lines[t.line] ?? '').slice(t.character, t.character + t.length);
}

export function rangeText(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split(/\r\n|\n|\r/);
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const parts = [(lines[range.start.line] ?? '').slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l] ?? '');
  parts.push((lines[range.end.line] ?? '').slice(0, range.end.character));
  return parts.join('\n');
}

/** LSP position of the n-th occurrence of `needle` (0-based), plus `delta` characters. */
export function positionOf(text: string, needle: string, nth = 0, delta = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not in text`);
  }
  const before = text.slice(0, at + delta);
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
