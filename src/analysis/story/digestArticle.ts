// One article reduced to what the story needs: its actors (with the sentence of the
// first mention), its notable events, its quotes and its dates. Small enough to keep
// for a thousand articles, and plain data so a caller can cache it per file.
import type { Actor, ArticleAnalysis, Paragraph, Span } from '../types';
import type { StoryArticleActor, StoryArticleDate, StoryArticleDigest, StoryArticleEvent, StoryArticleQuote } from './types';

/** Longest sentence text kept in a digest; lists and hovers need no more. */
const MAX_SENTENCE = 300;

/** Never throws: a malformed analysis gives an empty digest for that part. */
export function digestArticle(id: string, text: string, analysis: ArticleAnalysis): StoryArticleDigest {
  const source = typeof text === 'string' ? text : '';
  const a = (analysis ?? {}) as Partial<ArticleAnalysis>;
  const sentences = sortedSentences(Array.isArray(a.paragraphs) ? a.paragraphs : []);
  const actors = Array.isArray(a.actors) ? a.actors.filter(isActor) : [];
  const actorById = new Map(actors.map((x) => [x.id, x]));

  const digestActors: StoryArticleActor[] = [];
  for (const actor of actors) {
    const mentions = actor.mentions.filter(isSpan);
    if (!mentions.length) continue;
    const first = mentions.reduce((best, m) => (m.start < best.start ? m : best));
    const sentence = sentenceOf(sentences, first) ?? first;
    digestActors.push({
      name: actor.name,
      type: actor.type,
      aliases: Array.isArray(actor.aliases) ? actor.aliases.filter((s) => typeof s === 'string' && s !== actor.name) : [],
      mentionCount: mentions.length,
      first: { start: first.start, end: first.end },
      sentence: clip(source.slice(sentence.start, sentence.end)),
    });
  }

  const events: StoryArticleEvent[] = [];
  for (const e of Array.isArray(a.events) ? a.events : []) {
    if (!e || !e.notable || !isSpan(e)) continue;
    const sentence = isSpan(e.sentence) ? e.sentence : (sentenceOf(sentences, e) ?? { start: e.start, end: e.end });
    events.push({
      start: e.start,
      end: e.end,
      text: e.text,
      class: e.class,
      summary: typeof e.summary === 'string' && e.summary ? e.summary : e.text,
      date: e.dateSource === 'expression' && e.date ? e.date : null,
      agent: (e.agent && actorById.get(e.agent)?.name) ?? null,
      sentence: { start: sentence.start, end: sentence.end },
    });
  }

  const quotes: StoryArticleQuote[] = [];
  for (const q of Array.isArray(a.quotes) ? a.quotes : []) {
    if (!q || !isSpan(q)) continue;
    const words = quoteWords(source.slice(q.start, q.end));
    if (!words) continue;
    const speaker = q.speaker ? actorById.get(q.speaker) : undefined;
    quotes.push({
      start: q.start,
      end: q.end,
      text: words,
      speaker: speaker?.name ?? null,
      speakerType: speaker?.type ?? null,
      speakerText: typeof q.speakerText === 'string' && q.speakerText.trim() ? q.speakerText.trim() : null,
    });
  }

  const dates: StoryArticleDate[] = [];
  for (const d of Array.isArray(a.dates) ? a.dates : []) {
    if (!d || !isSpan(d)) continue;
    dates.push({ start: d.start, end: d.end, text: d.text, type: d.type, value: d.value ?? null });
  }

  return {
    id: String(id),
    title: a.metadata?.title ?? null,
    date: a.metadata?.date ?? null,
    actors: digestActors,
    events,
    quotes,
    dates,
  };
}

/** The quotation's words: quote marks, and the comma that hands over to "he said", removed. */
export function quoteWords(raw: string): string {
  return raw
    .replace(/^[\s"'“”‘’«»„‚‹›]+/u, '')
    .replace(/[\s"'“”‘’«»„‚‹›]+$/u, '')
    .replace(/[\s,;:]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isSpan(s: unknown): s is Span {
  return !!s && typeof (s as Span).start === 'number' && typeof (s as Span).end === 'number' && (s as Span).end >= (s as Span).start;
}

function isActor(a: unknown): a is Actor {
  return !!a && typeof (a as Actor).id === 'string' && typeof (a as Actor).name === 'string' && Array.isArray((a as Actor).mentions);
}

function sortedSentences(paragraphs: Paragraph[]): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs) if (p && Array.isArray(p.sentences)) for (const s of p.sentences) if (isSpan(s)) out.push(s);
  return out.sort((x, y) => x.start - y.start);
}

/** The sentence holding `span` (binary search over sentences sorted by start). */
function sentenceOf(sentences: Span[], span: Span): Span | null {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= span.start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && (sentences[found].end >= span.end || sentences[found].end > span.start) ? sentences[found] : null;
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_SENTENCE ? `${t.slice(0, MAX_SENTENCE - 1).trimEnd()}…` : t;
}
