// Document-level event step: attaches actors (agent, then patient), place and date
// to each event candidate, using the argument regions the paragraph parse found and
// whatever entities and dates the other recognisers produced.
import { inStartOrder, SortedSpans } from '../queries/lookup';
import type { ArticleEvent, ArticleMetadata, EntityMention, Span, TemporalExpression } from '../types';
import type { EventCandidate, RelativeSpan } from './detectEvents';

/** Speech verbs that carry a quotation rather than news of their own. */
const BARE_SPEECH = new Set([
  'say',
  'tell',
  'add',
  'note',
  'quote',
  'comment',
  'describe',
  'write',
  'explain',
  'state',
  'speak',
  'talk',
  'reply',
  'respond',
  'call',
]);

/**
 * Light and auxiliary-like verbs: their meaning is in their complement ("made no mention",
 * "took part", "keep", "comes", "last"), so on their own they are not news.
 */
const LIGHT_VERBS = new Set([
  'be',
  'have',
  'do',
  'make',
  'take',
  'give',
  'get',
  'go',
  'come',
  'keep',
  'last',
  'put',
  'let',
  'seem',
  'become',
  'remain',
  'stay',
  'hold',
  'set',
  'mean',
  'use',
  'include',
  'involve',
  'continue',
  'begin',
  'start',
  'try',
  'need',
]);

/** A noun event takes a date only when the expression sits right by it ("a coup last year", "Friday's blast"). */
const NOUN_DATE_GAP = 24;
/** How far outside its clause a place may be named and still be the event's place (UTF-16 units). */
const NEARBY_PLACE = 60;

export function linkEvents(candidates: EventCandidate[], entities: EntityMention[], dates: TemporalExpression[], metadata: ArticleMetadata): ArticleEvent[] {
  const allMentions = new SortedSpans(inStartOrder(entities));
  const allAnchors = new SortedSpans(dates.filter(isCalendarDate).sort((a, b) => a.start - b.start));
  const nearMentions: EntityMention[] = [];
  const nearAnchors: TemporalExpression[] = [];
  // Runs on every re-analysis: no per-event spreads, Sets or arrays built to be read once.
  return candidates.map((c) => {
    const roles = c.roles;
    const clause = absolute(c, roles?.clause ?? null) ?? c.sentence;
    const agentRegion = absolute(c, roles?.agent ?? null);
    const patientRegion = absolute(c, roles?.patient ?? null);
    // Only spans near the event can matter; looking them up keeps a long article linear, not quadratic.
    const near = hull(c, c.sentence, clause, agentRegion, patientRegion);
    // Read only within this event: one list each, reused.
    const mentions = allMentions.overlappingInto(near, nearMentions);
    const anchors = allAnchors.overlappingInto(near, nearAnchors);
    const agents = mentionsIn(mentions, agentRegion);
    const patients = mentionsIn(mentions, patientRegion);
    const agent = headOf(agents);
    // The undergoer is the phrase's first name ("US forces", "the embassy of France" → France).
    const patient = patients.find((m) => m.actorId !== agent?.actorId) ?? null;
    // The agent first, then every other participant, each actor once.
    const actors: string[] = [];
    if (agent) actors.push(agent.actorId);
    for (const m of agents) if (!actors.includes(m.actorId)) actors.push(m.actorId);
    for (const m of patients) if (!actors.includes(m.actorId)) actors.push(m.actorId);
    const place = placeIn(c, mentions, clause, Infinity, agents, patients) ?? placeIn(c, mentions, c.sentence, NEARBY_PLACE, agents, patients);
    const anchor = dateFor(c, anchors, clause, metadata.date);
    const lemma = c.lemma ?? c.text.toLowerCase();
    return {
      start: c.start,
      end: c.end,
      text: c.text,
      class: c.class,
      summary: c.summary ?? c.text,
      agent: agent?.actorId ?? null,
      agentText: c.agentText ?? null,
      patient: patient?.actorId ?? null,
      patientText: c.patientText ?? null,
      actors,
      place,
      date: anchor?.value ?? null,
      dateSource: anchor ? 'expression' : null,
      dateSpan: anchor ? { start: anchor.start, end: anchor.end } : null,
      articleDate: !anchor && c.tense === 'past' && !c.irrealis ? metadata.date : null,
      tense: c.tense,
      sentence: c.sentence,
      notable: isNotable(c, lemma, actors.length > 0 || place !== null, anchor !== null),
      lemma,
    };
  });
}

/**
 * Whether the event matters to the story: someone or somewhere takes part, it happened,
 * and the word carries the news itself. A reporting verb counts only when it directs an
 * action ("told US forces to leave"), not when it carries a quotation ("said").
 */
function isNotable(c: EventCandidate, lemma: string, hasParticipant: boolean, dated: boolean): boolean {
  if (!hasParticipant || c.negated || c.irrealis) return false;
  // The clause must say who or what ("this effort", "is looking to expand" say neither);
  // a bare noun event may stand alone when the text dates it ("a coup last year").
  if (!c.agentText && !c.patientText && !(c.partOfSpeech === 'noun' && dated)) return false;
  if (c.class === 'I_STATE' || c.class === 'ASPECTUAL' || c.class === 'PERCEPTION') return false;
  if (c.partOfSpeech !== 'noun' && LIGHT_VERBS.has(lemma)) return false;
  if (c.class === 'REPORTING' || BARE_SPEECH.has(lemma)) return / to \S+$|\bto \S+ /.test(c.summary ?? '');
  return true;
}

/** The head of a phrase is its last name in English ("French President Macron" → Macron). */
function headOf(mentions: readonly EntityMention[]): EntityMention | null {
  let best: EntityMention | null = null;
  for (const m of mentions) if (!best || m.end > best.end) best = m;
  return best;
}

function hull(c: Span, sentence: Span, clause: Span, agent: Span | null, patient: Span | null): Span {
  let start = Math.min(c.start, sentence.start, clause.start);
  let end = Math.max(c.end, sentence.end, clause.end);
  if (agent) {
    start = Math.min(start, agent.start);
    end = Math.max(end, agent.end);
  }
  if (patient) {
    start = Math.min(start, patient.start);
    end = Math.max(end, patient.end);
  }
  return { start, end };
}

function absolute(c: EventCandidate, rel: RelativeSpan | null): Span | null {
  return rel ? { start: c.start + rel[0], end: c.start + rel[1] } : null;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const within = (x: Span, region: Span) => x.start >= region.start && x.end <= region.end;

/** Read only: the mentions of a missing region. */
const NO_MENTIONS: readonly EntityMention[] = [];

function mentionsIn(mentions: EntityMention[], region: Span | null): readonly EntityMention[] {
  if (!region) return NO_MENTIONS;
  const out: EntityMention[] = [];
  for (const m of mentions) if (overlaps(m, region)) out.push(m);
  return out;
}

/**
 * The nearest place named in `region` within `reach` of the event that is not one of its actors:
 * first the event's own clause, then close by in its sentence ("Niger's ouster … after a coup").
 */
function placeIn(
  c: EventCandidate,
  mentions: EntityMention[],
  region: Span,
  reach: number,
  agents: readonly EntityMention[],
  patients: readonly EntityMention[],
): string | null {
  let best: EntityMention | null = null;
  for (const m of mentions) {
    if (m.type !== 'place' || !within(m, region) || distance(m, c) > reach || agents.includes(m) || patients.includes(m)) continue;
    if (!best || distance(m, c) < distance(best, c)) best = m;
  }
  return best ? best.actorId : null;
}

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** A date or time with a calendar value (not a duration, a set or PAST_REF). */
function isCalendarDate(d: TemporalExpression): boolean {
  return (d.type === 'DATE' || d.type === 'TIME') && typeof d.value === 'string' && /^\d{2,4}/.test(d.value);
}

function dateFor(c: EventCandidate, anchors: TemporalExpression[], clause: Span, articleDate: string | null): TemporalExpression | null {
  let best: TemporalExpression | null = null;
  for (const d of anchors) {
    if (!within(d, clause) || overlaps(d, c)) continue;
    if (c.partOfSpeech === 'noun' && distance(d, c) > NOUN_DATE_GAP) continue;
    // A present-tense state does not hold at a past date named elsewhere in its clause.
    if (c.tense === 'present' && articleDate && d.value! < articleDate.slice(0, d.value!.length)) continue;
    if (c.tense === 'future' && articleDate && d.value! < articleDate.slice(0, d.value!.length)) continue;
    if (!best || distance(d, c) < distance(best, c)) best = d;
  }
  return best;
}
