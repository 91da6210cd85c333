// The user's layer over the automatic one. A user span overrides every automatic
// span it overlaps, entities and dates alike; `rejected` only removes. Workspace
// lexicon entries apply the same way wherever their text occurs, except that a
// rejected lexicon entry removes only automatic spans inside it ("the Sahel"
// rejected does not remove "Sahel Alliance"), and the user's own spans win over
// the lexicon. Everything else stays automatic. A user span whose text no longer
// matches the article is reported as a problem and not applied.
import { USER_LABELS } from '../kinds';
import type { EntityCandidate } from '../entities/recognizeEntities';
import type { AnalysisProblem, EntityMention, LexiconEntry, Span, TemporalExpression, TimexType, UserAnnotation } from '../types';
import { findLexiconMatches } from './lexicon';

export interface UserLayerInput {
  text: string;
  /** Lexicon entries apply only after the header (dateline, front matter). */
  bodyStart: number;
  /** Automatic entity candidates, absolute offsets, in text order. */
  entities: EntityCandidate[];
  /** Automatic temporal expressions, absolute offsets. */
  dates: TemporalExpression[];
  user?: readonly UserAnnotation[];
  lexicon?: readonly LexiconEntry[];
}

export interface UserLayerResult {
  entities: EntityCandidate[];
  /** The automatic dates the user layer leaves in place. */
  dates: TemporalExpression[];
  /** Dates the user marked; add them after document-level date resolution (mergeUserDates). */
  userDates: TemporalExpression[];
  problems: AnalysisProblem[];
}

interface Override extends Span {
  /** overlap: removes automatic spans it overlaps; contain: only those inside it. */
  mode: 'overlap' | 'contain';
}

const LABELS: ReadonlySet<string> = new Set(USER_LABELS);

export function applyUserAnnotations(input: UserLayerInput): UserLayerResult {
  const { text, entities, dates } = input;
  const user = Array.isArray(input.user) ? input.user : [];
  const lexicon = Array.isArray(input.lexicon) ? input.lexicon : [];
  if (!user.length && !lexicon.length) return { entities, dates, userDates: [], problems: [] };

  const problems: AnalysisProblem[] = [];
  const applied = validUserAnnotations(text, user, problems);

  const overrides: Override[] = applied.map((u) => ({ start: u.start, end: u.end, mode: 'overlap' }));
  const added: EntityCandidate[] = [];
  const userDates: TemporalExpression[] = [];
  const canonicalByText = new Map<string, string>();
  for (const u of applied) {
    if (u.label === 'rejected') continue;
    if (u.label === 'date') {
      userDates.push(userDate(u));
      continue;
    }
    const candidate: EntityCandidate = { start: u.start, end: u.end, text: u.text, type: u.label, evidence: 'user' };
    if (u.canonical) {
      candidate.canonical = u.canonical;
      canonicalByText.set(`${u.label}\u0000${u.text}`, u.canonical);
    }
    added.push(candidate);
  }

  const userSpans = sortedSpanIndex(sortSpans(applied.slice()));
  for (const m of findLexiconMatches(text, lexicon, Math.max(0, input.bodyStart || 0))) {
    if (overlapsAny(userSpans, m)) continue; // the user's own decision here wins
    const rejected = m.entry.label === 'rejected';
    overrides.push({ start: m.start, end: m.end, mode: rejected ? 'contain' : 'overlap' });
    if (rejected) continue;
    const candidate: EntityCandidate = {
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      type: m.entry.label as EntityCandidate['type'],
      evidence: 'lexicon',
    };
    if (m.entry.canonical) candidate.canonical = m.entry.canonical;
    added.push(candidate);
  }
  const overrideIndex = sortedSpanIndex(sortSpans(overrides));

  const keptEntities: EntityCandidate[] = [];
  for (const c of entities) {
    if (isOverridden(overrideIndex, c)) continue;
    const canonical = canonicalByText.get(`${c.type}\u0000${c.text}`);
    keptEntities.push(canonical ? { ...c, canonical } : c);
  }
  const keptDates = dates.filter((d) => !isOverridden(overrideIndex, d));
  return {
    entities: sortSpans(keptEntities.concat(added)),
    dates: keptDates,
    userDates: sortSpans(userDates),
    problems,
  };
}

function validUserAnnotations(text: string, user: readonly UserAnnotation[], problems: AnalysisProblem[]): UserAnnotation[] {
  const valid: UserAnnotation[] = [];
  for (const u of user) {
    if (!u || !LABELS.has(u.label) || !Number.isInteger(u.start) || !Number.isInteger(u.end)) continue;
    if (u.start < 0 || u.end > text.length || u.start >= u.end) {
      const at = Math.min(Math.max(0, u.start | 0), text.length);
      problems.push({
        start: at,
        end: at,
        severity: 'warning',
        code: 'user-annotation-out-of-range',
        message: `Your annotation "${u.text}" lies outside the text; it is kept but not shown`,
      });
      continue;
    }
    const found = text.slice(u.start, u.end);
    if (typeof u.text === 'string' && found !== u.text) {
      problems.push({
        start: u.start,
        end: u.end,
        severity: 'warning',
        code: 'user-annotation-stale',
        message: `Your annotation "${u.text}" no longer matches the text here ("${found}"); it is kept but not shown`,
      });
      continue;
    }
    valid.push(u);
  }
  // Two overlapping user spans of one layer (two entities, or two dates): the later decision wins; the earlier stays stored.
  // An entity may overlap a date ("the Arab Spring" and "Spring of 2011"), as automatic ones do, so both apply.
  const losers = overriddenByLater(valid);
  const result: UserAnnotation[] = [];
  for (let i = valid.length - 1; i >= 0; i--) {
    const u = valid[i];
    if (losers.has(i)) {
      problems.push({
        start: u.start,
        end: u.end,
        severity: 'info',
        code: 'user-annotation-overlap',
        message: `Your annotation "${u.text}" overlaps a later one of yours; the later one is shown`,
      });
      continue;
    }
    result.push(u);
  }
  return result.reverse();
}

const layerOf = (u: UserAnnotation) => (u.label === 'date' ? 'date' : 'entity');
const conflict = (a: UserAnnotation, b: UserAnnotation) =>
  a.start < b.end && b.start < a.end && (layerOf(a) === layerOf(b) || a.label === 'rejected' || b.label === 'rejected');

/**
 * Indexes of the spans a later conflicting span hides. Only spans that overlap
 * another need the later-wins walk, and only among the spans they are linked to
 * by overlaps, so thousands of separate spans cost n log n, not n².
 */
function overriddenByLater(spans: readonly UserAnnotation[]): Set<number> {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || a - b);
  const parent = spans.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const linked = new Set<number>();
  for (let k = 0; k < order.length; k++) {
    const a = order[k];
    for (let m = k + 1; m < order.length && spans[order[m]].start < spans[a].end; m++) {
      const b = order[m];
      if (!conflict(spans[a], spans[b])) continue;
      parent[root(a)] = root(b);
      linked.add(a);
      linked.add(b);
    }
  }
  const losers = new Set<number>();
  if (!linked.size) return losers;
  const groups = new Map<number, number[]>();
  for (let i = spans.length - 1; i >= 0; i--) {
    if (!linked.has(i)) continue;
    const r = root(i);
    const list = groups.get(r) ?? [];
    list.push(i);
    groups.set(r, list);
  }
  for (const members of groups.values()) {
    // members are in descending order: the later decision is looked at first, as before
    const kept: UserAnnotation[] = [];
    for (const i of members) {
      if (kept.some((r) => conflict(r, spans[i]))) losers.add(i);
      else kept.push(spans[i]);
    }
  }
  return losers;
}

/** Every date the user marked explains itself with this prefix (exports use it to prefer user spans). */
export const USER_DATE_EXPLANATION = 'Marked as a date by you';

function userDate(u: UserAnnotation): TemporalExpression {
  const value = typeof u.value === 'string' && u.value.trim() ? u.value.trim() : null;
  return {
    start: u.start,
    end: u.end,
    text: u.text,
    type: timexTypeOf(value),
    value,
    relative: false,
    explanation: value ? `${USER_DATE_EXPLANATION}, with the value ${value}` : `${USER_DATE_EXPLANATION} (no value given; add one as the note in the .ann)`,
  };
}

function timexTypeOf(value: string | null): TimexType {
  if (!value) return 'DATE';
  if (/^P/.test(value)) return 'DURATION';
  if (/T\d/.test(value)) return 'TIME';
  return 'DATE';
}

function sortSpans<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface SpanIndex<T extends Span> {
  /** Ordered by start. */
  sorted: readonly T[];
  /** maxEnd[i]: the largest end among sorted[0..i]; lets a search stop early although a user's entity and date may nest. */
  maxEnd: number[];
}

function sortedSpanIndex<T extends Span>(sorted: readonly T[]): SpanIndex<T> {
  const maxEnd: number[] = [];
  for (let i = 0; i < sorted.length; i++) maxEnd.push(Math.max(sorted[i].end, i ? maxEnd[i - 1] : -Infinity));
  return { sorted, maxEnd };
}

/** The spans of `index` that overlap `span` (latest start first) until `stop` returns true. */
function someOverlapping<T extends Span>(index: SpanIndex<T>, span: Span, stop: (s: T) => boolean): boolean {
  const { sorted, maxEnd } = index;
  // Binary search for the last span starting before span.end.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < span.end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && maxEnd[i] > span.start; i--) if (sorted[i].end > span.start && stop(sorted[i])) return true;
  return false;
}

function overlapsAny(index: SpanIndex<Span>, span: Span): boolean {
  return someOverlapping(index, span, () => true);
}

function isOverridden(index: SpanIndex<Override>, span: Span): boolean {
  return someOverlapping(index, span, (o) => o.mode === 'overlap' || (o.start <= span.start && span.end <= o.end));
}

/** Adds the user's dates to the resolved automatic ones, in text order. */
export function mergeUserDates(dates: TemporalExpression[], userDates: TemporalExpression[]): TemporalExpression[] {
  return userDates.length ? sortSpans(dates.concat(userDates)) : dates;
}

/** Entities from the user's annotations or the lexicon say `source: "user"`. */
export function markUserSources(entities: EntityMention[]): EntityMention[] {
  for (const e of entities) if (e.evidence === 'user' || e.evidence === 'lexicon') e.source = 'user';
  return entities;
}
