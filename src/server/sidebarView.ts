// Maps one analysis onto the JSON-safe sidebar view (protocol ArticleView).
import { type ArticleAnalysis, datePlace, type EntityType, eventPlace, formatTimexValue, sentenceAt, timelineOrder, timexCategory } from '../analysis';
import { type ArticleView, HIGHLIGHT_KINDS, type HighlightKind, type NewsLensServerSettings } from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { clip } from './markdown';
import { spanToRange } from './positions';
import { shownKinds } from './shownKinds';

export function countsOf(analysis: ArticleAnalysis | null): Record<HighlightKind, number> {
  const counts = Object.fromEntries(HIGHLIGHT_KINDS.map((kind) => [kind, 0])) as Record<HighlightKind, number>;
  if (!analysis) return counts;
  for (const e of analysis.entities) if (e.type in counts) counts[e.type]++;
  counts.date = analysis.dates.length;
  return counts;
}

export function toArticleView(
  result: DocumentAnalysis,
  settings: NewsLensServerSettings,
  /** In how many other workspace articles an actor appears (from the workspace index). */
  otherArticles?: (actor: { type: EntityType; name: string; aliases: readonly string[] }) => number,
): ArticleView | null {
  const { analysis, document } = result;
  if (!result.isArticle) return null;
  const range = (span: { start: number; end: number }) => spanToRange(document, span);
  const text = document.getText();
  if (!analysis) {
    // Refused (binary, too big): an empty view that still carries the reason.
    return {
      uri: result.uri,
      version: result.version,
      metadata: { date: null, dateReadable: null, dateSource: null, dateRange: null, title: null, source: null, format: 'plain' },
      actors: [],
      dates: [],
      events: [],
      quotes: [],
      counts: countsOf(null),
      problems: result.refusal ? [{ range: range({ start: 0, end: 0 }), severity: 'warning', code: result.refusal.code, message: result.refusal.message }] : [],
    };
  }
  const { lookup } = result;
  const nameOf = (id: string | null) => (id ? (lookup.actorsById.get(id)?.name ?? null) : null);
  const meta = analysis.metadata;
  const datePlaces = analysis.dates.map((d) => datePlace(d.value, d.type));
  const dateOrder = timelineOrder(analysis.dates.map((d, i) => ({ ...d, rank: datePlaces[i].rank })));
  const eventPlaces = analysis.events.map((e) => eventPlace(e.date, e.articleDate, formatTimexValue(e.articleDate, 'DATE')));
  const eventOrder = timelineOrder(analysis.events.map((e, i) => ({ start: e.start, end: e.end, value: e.date, rank: eventPlaces[i].rank })));
  return {
    uri: result.uri,
    version: result.version,
    metadata: {
      date: meta.date,
      dateReadable: formatTimexValue(meta.date, 'DATE'),
      dateSource: meta.dateSource,
      dateRange: meta.dateSpan ? range(meta.dateSpan) : null,
      title: meta.title,
      source: meta.source,
      format: meta.format,
    },
    actors: withViewOrder(
      shownKinds(settings)
        .actors(analysis.actors)
        .map((actor) => {
          const mentions = lookup.mentionsOf(actor.id);
          const first = mentions[0] ?? actor.mentions[0];
          const sentence = first ? sentenceAt(analysis, first.start) : null;
          return {
            id: actor.id,
            name: actor.name,
            type: actor.type,
            aliases: actor.aliases,
            evidence: actor.evidence,
            mentions: mentions.map((m) => ({ range: range(m), text: m.text, type: m.type, source: m.source, evidence: m.evidence })),
            mentionCount: actor.mentions.length,
            nationalityMentions: actor.nationalityMentions ?? 0,
            firstMentionSentence: sentence ? clip(text.slice(sentence.start, sentence.end)) : null,
            rank: analysis.actors.indexOf(actor) + 1,
            ...(otherArticles ? { otherArticles: otherArticles(actor) } : {}),
          };
        }),
    ),
    dates: analysis.dates.map((d, i) => ({
      range: range(d),
      text: d.text,
      type: d.type,
      value: d.value,
      readable: formatTimexValue(d.value, d.type),
      mod: d.mod ?? null,
      relative: d.relative,
      explanation: d.explanation,
      category: timexCategory(d.value, d.type),
      groups: datePlaces[i].groups,
      order: dateOrder[i],
    })),
    events: analysis.events.map((e, i) => ({
      range: range(e),
      text: e.text,
      class: e.class,
      summary: clip(e.summary, 160),
      agent: e.agent,
      agentName: nameOf(e.agent),
      agentText: e.agentText,
      patient: e.patient,
      patientName: nameOf(e.patient),
      actors: e.actors,
      actorNames: e.actors.map((id) => nameOf(id) ?? id),
      place: e.place,
      placeName: nameOf(e.place),
      date: e.date,
      dateReadable: formatTimexValue(e.date, 'DATE'),
      dateSource: e.dateSource,
      articleDate: e.articleDate,
      articleDateReadable: formatTimexValue(e.articleDate, 'DATE'),
      tense: e.tense,
      sentenceRange: range(e.sentence),
      sentence: clip(text.slice(e.sentence.start, e.sentence.end)),
      notable: e.notable,
      groups: eventPlaces[i].groups,
      order: eventOrder[i],
    })),
    quotes: analysis.quotes.map((q) => ({
      range: range(q),
      text: clip(text.slice(q.start, q.end), 300),
      speaker: q.speaker,
      speakerName: nameOf(q.speaker),
      speakerText: q.speakerText,
    })),
    counts: countsOf(analysis),
    problems: analysis.problems.map((p) => ({ range: range(p), severity: p.severity, code: p.code, message: p.message })),
  };
}

/** Orders the Actors view within each kind: most mentioned first, then by name (the `order` of each ActorView). */
export function withViewOrder<T extends { type: string; name: string; id: string; mentionCount: number }>(actors: T[]): Array<T & { order: number }> {
  const sorted = [...actors].sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const next = new Map<string, number>();
  const order = new Map<T, number>();
  for (const actor of sorted) {
    const position = next.get(actor.type) ?? 0;
    order.set(actor, position);
    next.set(actor.type, position + 1);
  }
  return actors.map((actor) => ({ ...actor, order: order.get(actor)! }));
}
