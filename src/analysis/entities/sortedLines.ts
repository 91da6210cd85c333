// Tables shipped as one "key<separator>value" line an entry, sorted by key (JavaScript string
// order), and searched where they lie instead of being loaded into a Map at start-up.

/** Start of the first line whose key is not below `key` (text.length when there is none). Bounds are always line starts. */
export function lowerBoundLine(text: string, key: string, separator: string): number {
  let lo = 0;
  let hi = text.length + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const lineStart = text.lastIndexOf('\n', mid - 1) + 1;
    if (lineStart < lo || lineStart >= hi) break;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let end = text.indexOf(separator, lineStart);
    if (end < 0 || end > lineEnd) end = lineEnd;
    if (text.slice(lineStart, end) < key) lo = lineEnd + 1;
    else hi = lineStart;
  }
  return Math.min(lo, text.length);
}
