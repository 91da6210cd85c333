// Moving the user's spans with the text as it is edited. Pure: edits in,
// shifted spans out. A span whose text an edit cut into or removed is reported
// (`damaged`) with its original text, never dropped; the caller keeps it.
import type { Span } from '../types';

/** One replacement, UTF-16 offsets into the text as it was before this edit. */
export interface TextEdit extends Span {
  text: string;
}

export type ShiftStatus =
  /** untouched */
  | 'same'
  /** text before it changed; same text at a new place */
  | 'moved'
  /** an edit lay wholly inside it; it covers the edited text now */
  | 'edited'
  /** an edit crossed its boundary or removed it; its original text no longer sits at its offsets */
  | 'damaged';

export interface ShiftedSpan<T extends Span = Span> extends Span {
  original: T;
  status: ShiftStatus;
}

const RANK: Record<ShiftStatus, number> = { same: 0, moved: 1, edited: 2, damaged: 3 };

/**
 * Applies `edits` in order (each one's offsets refer to the text after the edits
 * before it, as LSP content changes do) to every span.
 *  - an insertion exactly at a span's start moves it; at its end leaves it alone
 *    (typing "'s" after "Pentagon" does not grow the annotation);
 *  - an edit wholly inside a span, or replacing exactly its text with new text,
 *    keeps the span over the new text (`edited`);
 *  - an edit that crosses a boundary or deletes the whole span marks it `damaged`.
 */
export function shiftSpans<T extends Span>(spans: readonly T[], edits: readonly TextEdit[]): ShiftedSpan<T>[] {
  return spans.map((original) => {
    let start = original.start;
    let end = original.end;
    let status: ShiftStatus = 'same';
    for (const edit of edits) {
      const r = shiftOne(start, end, edit);
      start = r.start;
      end = r.end;
      if (RANK[r.status] > RANK[status]) status = r.status;
    }
    return { start, end, original, status };
  });
}

function shiftOne(start: number, end: number, edit: TextEdit): { start: number; end: number; status: ShiftStatus } {
  const s = Math.min(edit.start, edit.end);
  const e = Math.max(edit.start, edit.end);
  const inserted = edit.text.length;
  const delta = inserted - (e - s);
  if (s === e && inserted === 0) return { start, end, status: 'same' };
  if (s >= end) return { start, end, status: 'same' };
  if (e <= start)
    return delta === 0 && s === e ? { start, end, status: 'same' } : { start: start + delta, end: end + delta, status: delta === 0 ? 'same' : 'moved' };
  if (s >= start && e <= end) {
    const newEnd = end + delta;
    if (newEnd <= start) return { start, end: start, status: 'damaged' };
    return { start, end: newEnd, status: 'edited' };
  }
  // Crosses a boundary: keep what is left of the span, clamped to the edit.
  const newStart = start < s ? start : s + inserted;
  const newEnd = end > e ? end + delta : s + (start < s ? 0 : inserted);
  return { start: Math.min(newStart, Math.max(newStart, newEnd)), end: Math.max(newStart, newEnd), status: 'damaged' };
}

/**
 * The single edit that turns `before` into `after` (common prefix and suffix
 * removed). Used where only the old and new text are known.
 */
export function diffAsEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // never split a surrogate pair
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Shifts spans from `before` to `after` when the individual edits are unknown.
 * The changed middle may hold several edits (multi-cursor typing), so a span
 * inside it is looked for by its own text near its expected place before it is
 * called damaged.
 */
export function shiftSpansThroughChange<T extends Span & { text: string }>(before: string, after: string, spans: readonly T[]): ShiftedSpan<T>[] {
  const edit = diffAsEdit(before, after);
  if (!edit) return spans.map((original) => ({ start: original.start, end: original.end, original, status: 'same' }));
  const shifted = shiftSpans(spans, [edit]);
  const newEditEnd = edit.start + edit.text.length;
  return shifted.map((s) => {
    const o = s.original;
    if (!o.text) return s;
    // A span already out of step with its text (cut by an earlier edit) is looked for again when an edit touches it: undo brings it back.
    const staleBefore = before.slice(o.start, o.end) !== o.text;
    if (staleBefore) {
      if (o.end < edit.start || o.start > edit.end) return s;
    } else {
      if (s.status !== 'damaged' && s.status !== 'edited') return s;
      if (o.start < edit.start || o.end > edit.end) return s; // crosses the changed region: a real cut
    }
    const expected = o.start;
    let best = -1;
    for (let i = after.indexOf(o.text, edit.start); i >= 0 && i + o.text.length <= newEditEnd; i = after.indexOf(o.text, i + 1)) {
      if (best < 0 || Math.abs(i - expected) < Math.abs(best - expected)) best = i;
    }
    if (best < 0) return s;
    return { start: best, end: best + o.text.length, original: o, status: best === o.start ? 'same' : 'moved' };
  });
}
