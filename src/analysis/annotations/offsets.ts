// brat (Python) counts offsets in Unicode code points; JavaScript strings count
// UTF-16 code units. An emoji or any astral character is one code point but two
// units, so every offset after it differs. This converts both ways for one text.
// A lone surrogate counts as one code point on both sides, like Python's
// surrogateescape, so no input can make the conversion fail.

export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of each well-formed surrogate pair, ascending. */
  private readonly pairStarts: number[] = [];
  /** Code point offset of each pair: pairStarts[i] - i, strictly ascending. */
  private readonly pairCodePoints: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    this.utf16Length = text.length;
    for (let i = 0; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.pairCodePoints.push(i - this.pairStarts.length);
          this.pairStarts.push(i);
          i++;
        }
      }
    }
    this.codePointLength = text.length - this.pairStarts.length;
  }

  /** True when `offset` does not split a surrogate pair. */
  isBoundary(offset: number): boolean {
    const k = countBelow(this.pairStarts, offset);
    return k === 0 || this.pairStarts[k - 1] + 1 !== offset;
  }

  /** UTF-16 offset → code point offset. An offset inside a pair maps to the pair's start. Clamped to the text. */
  toCodePoint(utf16Offset: number): number {
    const u = clamp(utf16Offset, 0, this.utf16Length);
    // every pair starting before u counts one unit too many (a split pair floors to its start)
    return u - countBelow(this.pairStarts, u);
  }

  /** Code point offset → UTF-16 offset; null when outside the text. */
  toUtf16(codePointOffset: number): number | null {
    if (!Number.isInteger(codePointOffset) || codePointOffset < 0 || codePointOffset > this.codePointLength) return null;
    return codePointOffset + countBelow(this.pairCodePoints, codePointOffset);
  }
}

/** Number of entries of the ascending array strictly below `value`. */
function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
