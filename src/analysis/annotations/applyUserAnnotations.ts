// The user's layer over the automatic one. A user span overrides every automatic
// span it overlaps, entities and dates alike; `rejected` only removes. Workspace
// lexicon entries apply the same way wherever their text occurs, except that a
// rejected lexicon entry removes only automatic spans inside it ("the Sahel"
// rejected does not remove "Sahel Alliance"), and the user's own spans win over
// the lexicon. Everything else stays automatic. A user span whose text no longer
// matches the article is reported as a problem and not applied.
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

const LABELS = new Set(['person', 'organization', 'place', 'nationality', 'date', 'rejected']);

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

  const userSpans = sortSpans(applied.slice());
  for (const m of findLexiconMatches(text, lexicon, Math.max(0, input.bodyStart || 0))) {
    if (overlapsAny(userSpans, m)) continue; // the user's own decision here wins
    const rejected = m.entry.label === 'rejected';
    overrides.push({ start: m.start, end: m.end, mode: rejected ? 'contain' : 'overlap' });
    if (rejected) continue;
    const candidate: EntityCandidate = { start: m.start, end: m.end, text: text.slice(m.start, m.end), type: m.entry.label as EntityCandidate['type'], evidence: 'lexicon' };
    if (m.entry.canonical) candidate.canonical = m.entry.canonical;
    added.push(candidate);
  }
  sortSpans(overrides);

  const keptEntities: EntityCandidate[] = [];
  for (const c of entities) {
    if (isOverridden(overrides, c)) continue;
    const canonical = canonicalByText.get(`${c.type}\u0000${c.text}`);
    keptEntities.push(canonical ? { ...c, canonical } : c);
  }
  const keptDates = dates.filter((d) => !isOverridden(overrides, d));
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
      problems.push({ start: at, end: at, severity: 'warning', code: 'user-annotation-out-of-range', message: `Your annotation "${u.text}" lies outside the text; it is kept but not shown` });
      continue;
    }
    const found = text.slice(u.start, u.end);
    if (typeof u.text === 'string' && found !== u.text) {
      problems.push({ start: u.start, end: u.end, severity: 'warning', code: 'user-annotation-stale', message: `Your annotation "${u.text}" no longer matches the text here ("${found}"); it is kept but not shown` });
      continue;
    }
    valid.push(u);
  }
  // Two overlapping user spans of one layer (two entities, or two dates): the later decision wins; the earlier stays stored.
  // An entity may overlap a date ("the Arab Spring" and "Spring of 2011"), as automatic ones do, so both apply.
  const result: UserAnnotation[] = [];
  const layer = (u: UserAnnotation) => (u.label === 'date' ? 'date' : 'entity');
  for (let i = valid.length - 1; i >= 0; i--) {
    const u = valid[i];
    if (result.some((r) => r.start < u.end && u.start < r.end && (layer(r) === layer(u) || r.label === 'rejected' || u.label === 'rejected'))) {
      problems.push({ start: u.start, end: u.end, severity: 'info', code: 'user-annotation-overlap', message: `Your annotation "${u.text}" overlaps a later one of yours; the later one is shown` });
      continue;
    }
    result.push(u);
  }
  return result.reverse();
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

/** `sorted` holds non-overlapping spans ordered by start. */
function firstEndingAfter(sorted: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapsAny(sorted: readonly Span[], span: Span): boolean {
  // user spans are non-overlapping after validation, so ends ascend with starts
  const i = firstEndingAfter(sorted, span.start);
  return i < sorted.length && sorted[i].start < span.end;
}

function isOverridden(overrides: readonly Override[], span: Span): boolean {
  // Overrides never overlap each other (lexicon matches skip user spans), so a linear scan from the first candidate is short.
  for (let i = firstEndingAfter(overrides, span.start); i < overrides.length && overrides[i].start < span.end; i++) {
    const o = overrides[i];
    if (o.mode === 'overlap') return true;
    if (o.start <= span.start && span.end <= o.end) return true;
  }
  return false;
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
