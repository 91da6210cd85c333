// Where the lines of a text start and end, so offsets become line numbers without
// keeping the text (the workspace index's articles, the story CLI's line references).
// Lines end at \r\n, \n or \r, as in LSP.

export interface LineTable {
  /** Offset of each line's first character. */
  starts: Uint32Array;
  /** Where each line's text ends, before its line break. */
  ends: Uint32Array;
}

export function lineTable(text: string): LineTable {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 || ch === 10) {
      ends.push(i);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** The 0-based line that holds `offset`, by binary search over the line starts (`lineTable(text).starts`). */
export function lineIndexAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
