// LSP-style positions and ranges (line/character in UTF-16 code units), compared
// without VS Code so the tree models can find "the item under the cursor".
import type { Position, Range } from 'vscode-languageserver-protocol';

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** True when `pos` lies in `range`, its end included (a cursor just after a word is "on" it). */
export function rangeContains(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

export function compareRanges(a: Range, b: Range): number {
  return comparePositions(a.start, b.start) || comparePositions(a.end, b.end);
}
