// Export an analysed article in the formats annotation tools read:
//  - brat standoff (.ann): T lines with code point offsets, Date values as notes;
//  - CoNLL: one "token TAG" per line (BIO: B-PER, I-ORG, B-LOC, B-NAT, B-DATE…),
//    blank lines between sentences, "-DOCSTART- O" before each document;
//  - JSONL: {"text", "entities": [[start, end, label]]} as doccano and Prodigy
//    read it, offsets in code points (Python string indices), labels PER, ORG,
//    LOC, NAT, DATE like the CoNLL tags.
// Temporal expressions of every TIMEX3 type export as Date/DATE.
// CoNLL and JSONL are flat: where spans overlap, the user's span wins, then the longer.
import type { ArticleAnalysis, EntityType, Span, UserAnnotation } from '../types';
import { USER_DATE_EXPLANATION } from './applyUserAnnotations';
import { BRAT_TYPE, emptyBratDocument, serializeBrat } from './brat';
import { CodePointIndex } from './offsets';

export type ExportFormat = 'brat' | 'conll' | 'jsonl';

type Kind = EntityType | 'date';

const SHORT_LABEL: Record<Kind, string> = { person: 'PER', organization: 'ORG', place: 'LOC', nationality: 'NAT', date: 'DATE' };

interface LabelledSpan extends Span {
  kind: Kind;
  text: string;
  user: boolean;
  value?: string | null;
}

function labelledSpans(analysis: ArticleAnalysis): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  for (const e of analysis.entities) spans.push({ start: e.start, end: e.end, kind: e.type, text: e.text, user: e.source === 'user' });
  for (const d of analysis.dates)
    spans.push({ start: d.start, end: d.end, kind: 'date', text: d.text, user: d.explanation.startsWith(USER_DATE_EXPLANATION), value: d.value });
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Non-overlapping spans: the user's first, then longer ones, then earlier ones. */
export function flatSpans(analysis: ArticleAnalysis): LabelledSpan[] {
  const ranked = labelledSpans(analysis).sort((a, b) => Number(b.user) - Number(a.user) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: LabelledSpan[] = [];
  for (const s of ranked) if (!chosen.some((c) => c.start < s.end && s.start < c.end)) chosen.push(s);
  return chosen.sort((a, b) => a.start - b.start);
}

export interface BratExportOptions {
  /** The user's stored annotations, so their Rejected spans are written too. */
  userAnnotations?: readonly UserAnnotation[];
}

export function toBrat(text: string, analysis: ArticleAnalysis, options: BratExportOptions = {}): string {
  const index = new CodePointIndex(text);
  const doc = emptyBratDocument();
  const spans: Array<LabelledSpan | (UserAnnotation & { kind: 'rejected' })> = labelledSpans(analysis);
  for (const u of options.userAnnotations ?? []) if (u.label === 'rejected' && text.slice(u.start, u.end) === u.text) spans.push({ ...u, kind: 'rejected' });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Every span is its own record, overlapping or not (an entity may overlap a date), with ids from running counters.
  let spanCount = 0;
  let noteCount = 0;
  for (const s of spans) {
    const covered = text.slice(s.start, s.end);
    if (/[\r\n\t]/.test(covered)) continue; // brat keeps a span on one line
    const start = index.toCodePoint(s.start);
    const end = index.toCodePoint(s.end);
    const id = `T${++spanCount}`;
    doc.records.push({ kind: 'T', id, type: BRAT_TYPE[s.kind], fragments: [{ start, end }], text: covered, line: 0, raw: null });
    const value = s.kind === 'date' && 'value' in s ? s.value?.replace(/[\r\n\t]+/g, ' ').trim() : '';
    if (value) doc.records.push({ kind: 'note', id: `#${++noteCount}`, noteType: 'AnnotatorNotes', target: id, text: value, line: 0, raw: null });
  }
  return serializeBrat(doc);
}

// Words (with inner apostrophes, hyphens and dots: "al-Qaida", "Jama'a", "U.S"), numbers, or single symbols.
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*|\S/gu;

export interface ConllOptions {
  /** Write "-DOCSTART- O" first (default true). */
  docStart?: boolean;
}

export function toConll(text: string, analysis: ArticleAnalysis, options: ConllOptions = {}): string {
  const spans = flatSpans(analysis);
  const out: string[] = [];
  if (options.docStart !== false) out.push('-DOCSTART- O', '');
  let si = 0;
  for (const paragraph of analysis.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const lines: string[] = [];
      // Cut the sentence at span boundaries so no token straddles an entity edge.
      const cuts = new Set<number>([sentence.start, sentence.end]);
      while (si < spans.length && spans[si].end <= sentence.start) si++;
      for (let k = si; k < spans.length && spans[k].start < sentence.end; k++) {
        cuts.add(Math.max(sentence.start, spans[k].start));
        cuts.add(Math.min(sentence.end, spans[k].end));
      }
      const points = [...cuts].sort((a, b) => a - b);
      let previous: LabelledSpan | null = null;
      let k = si;
      for (let p = 0; p + 1 < points.length; p++) {
        const segment = text.slice(points[p], points[p + 1]);
        TOKEN_RE.lastIndex = 0;
        for (let m = TOKEN_RE.exec(segment); m; m = TOKEN_RE.exec(segment)) {
          const start = points[p] + m.index;
          const end = start + m[0].length;
          while (k < spans.length && spans[k].end <= start) k++;
          const span = k < spans.length && spans[k].start <= start && end <= spans[k].end ? spans[k] : null;
          const tag = span ? `${span === previous ? 'I' : 'B'}-${SHORT_LABEL[span.kind]}` : 'O';
          lines.push(`${m[0]} ${tag}`);
          previous = span;
        }
      }
      if (lines.length) out.push(...lines, '');
    }
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

export function toJsonl(text: string, analysis: ArticleAnalysis): string {
  const index = new CodePointIndex(text);
  const entities = flatSpans(analysis).map((s) => [index.toCodePoint(s.start), index.toCodePoint(s.end), SHORT_LABEL[s.kind]]);
  return `${JSON.stringify({ text, entities })}\n`;
}

export function exportAnnotations(format: ExportFormat, text: string, analysis: ArticleAnalysis, options: BratExportOptions & ConllOptions = {}): string {
  if (format === 'brat') return toBrat(text, analysis, options);
  if (format === 'conll') return toConll(text, analysis, options);
  return toJsonl(text, analysis);
}
