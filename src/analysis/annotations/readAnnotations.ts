// From a parsed .ann to the user annotations the analysis applies, checking each
// span against the article text. A span whose text no longer matches (the
// article was edited elsewhere) is reported with where its text now is, and is
// never dropped from the file: the caller keeps the .ann as it is.
import type { Span, UserAnnotation } from '../types';
import { type BratDocument, canonicalFromNote, labelOfBratType, textBounds } from './brat';
import { CodePointIndex } from './offsets';

export interface StoredAnnotation extends UserAnnotation {
  /** brat id (T3). */
  id: string;
  line: number;
}

export interface AnnotationIssue {
  id: string | null;
  /** 1-based line in the .ann; 0 when it has none yet. */
  line: number;
  severity: 'error' | 'warning' | 'info';
  code: 'annotation-stale' | 'annotation-out-of-range' | 'annotation-unknown-type' | 'annotation-discontinuous' | 'ann-malformed' | 'annotation-unsaved';
  message: string;
  /** Where in the article (UTF-16) the issue shows, or null when it cannot be placed. */
  span: Span | null;
  /** For a stale span: the nearest place the annotated text occurs now. */
  relocation?: Span;
}

export interface ReadAnnotationsResult {
  annotations: StoredAnnotation[];
  issues: AnnotationIssue[];
}

export function readUserAnnotations(doc: BratDocument, text: string, index = new CodePointIndex(text)): ReadAnnotationsResult {
  const annotations: StoredAnnotation[] = [];
  const issues: AnnotationIssue[] = [];
  // Each span's first AnnotatorNotes, found in one pass (asking notesFor per span was quadratic).
  const noteOf = new Map<string, string>();
  for (const r of doc.records) if (r.kind === 'note' && r.noteType === 'AnnotatorNotes' && !noteOf.has(r.target)) noteOf.set(r.target, r.text);
  for (const t of textBounds(doc)) {
    const label = labelOfBratType(t.type);
    if (!label) {
      issues.push({
        id: t.id,
        line: t.line,
        severity: 'info',
        code: 'annotation-unknown-type',
        message: `${t.id} has type "${t.type}", which News Lens does not show; it is kept in the file`,
        span: null,
      });
      continue;
    }
    if (t.fragments.length !== 1) {
      issues.push({
        id: t.id,
        line: t.line,
        severity: 'info',
        code: 'annotation-discontinuous',
        message: `${t.id} "${t.text}" is a discontinuous span; News Lens keeps it in the file but does not show it`,
        span: null,
      });
      continue;
    }
    const f = t.fragments[0];
    const start = index.toUtf16(f.start);
    const end = index.toUtf16(f.end);
    if (start === null || end === null) {
      const at = Math.min(index.toUtf16(Math.min(f.start, index.codePointLength)) ?? text.length, text.length);
      const relocation = nearestOccurrence(text, t.text, at);
      issues.push({
        id: t.id,
        line: t.line,
        severity: 'warning',
        code: 'annotation-out-of-range',
        message: `Your annotation ${t.id} "${t.text}" (${t.type} ${f.start}–${f.end}) lies beyond the end of the article; it is kept in the .ann`,
        span: { start: text.length, end: text.length },
        relocation: relocation ?? undefined,
      });
      continue;
    }
    const found = text.slice(start, end);
    if (found !== t.text) {
      const relocation = nearestOccurrence(text, t.text, start);
      issues.push({
        id: t.id,
        line: t.line,
        severity: 'warning',
        code: 'annotation-stale',
        message: `Your annotation ${t.id} ${t.type} "${t.text}" no longer matches the text here ("${shorten(found)}"); it is kept in the .ann until you move or remove it`,
        span: { start, end: Math.max(end, start) },
        relocation: relocation ?? undefined,
      });
      continue;
    }
    const note = noteOf.get(t.id) ?? null;
    const annotation: StoredAnnotation = { id: t.id, line: t.line, start, end, label, text: t.text };
    if (label === 'date' && note && note.trim()) annotation.value = note.trim();
    const canonical = canonicalFromNote(note);
    if (label !== 'date' && label !== 'rejected' && canonical) annotation.canonical = canonical;
    annotations.push(annotation);
  }
  return { annotations, issues };
}

/** Nearest occurrence of `needle` to `near` (UTF-16), or null when it does not occur. */
export function nearestOccurrence(text: string, needle: string, near: number): Span | null {
  if (!needle) return null;
  let best: number | null = null;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (best === null || Math.abs(i - near) < Math.abs(best - near)) best = i;
    if (i > near && best !== null && i - near > Math.abs(best - near)) break;
  }
  return best === null ? null : { start: best, end: best + needle.length };
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}
