// Maps the analysis Story and ArticleComparison (offsets into each article) onto the
// protocol views (URIs and LSP ranges), through each indexed article's line table.
import type { ArticleComparison, StoryArticleActor, StoryArticleDate, StoryArticleQuote } from '../analysis';
import {
  type ArticleComparisonView,
  type CompareActorView,
  type CompareDateView,
  type CompareQuoteView,
  type CompareSideView,
  type EntityType,
  STORY_INLINE_EVENTS,
  type StoryDetail,
  type StoryDetailParams,
  type StoryEventView,
  type StoryOutline,
  type StoryView,
} from '../protocol';
import { type PositionMapper, spanToRange } from './positions';
import type { IndexedArticle, IndexedStory } from './workspaceIndex';

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The full view, built once per story (memoised on it). */
export function storyViewOf(indexed: IndexedStory, folderUri: string | null): StoryView {
  const memoKey = `view:${folderUri ?? ''}`;
  let view = indexed.memo.get(memoKey) as StoryView | undefined;
  if (!view) indexed.memo.set(memoKey, (view = toStoryView(indexed, folderUri)));
  return { ...view, indexing: indexed.indexing };
}

/** A speaker's id in outlines and detail requests. */
export function speakerId(speaker: { actorKey: string | null; name: string }): string {
  return speaker.actorKey ? `actor:${speaker.actorKey}` : `text:${speaker.name}`;
}

export function toStoryOutline(indexed: IndexedStory, folderUri: string | null): StoryOutline {
  const view = storyViewOf(indexed, folderUri);
  const memoKey = `outline:${folderUri ?? ''}`;
  let outline = indexed.memo.get(memoKey) as StoryOutline | undefined;
  if (!outline) {
    const days: StoryOutline['days'] = [];
    for (const e of view.timeline) {
      const last = days[days.length - 1];
      if (last && last.date === e.sortDate) last.count++;
      else days.push({ date: e.sortDate, count: 1 });
    }
    outline = {
      folder: view.folder,
      indexing: view.indexing,
      articles: view.articles,
      actors: view.actors.map(({ appearances: _a, ...actor }) => actor),
      timeline: view.timeline.length <= STORY_INLINE_EVENTS ? view.timeline : null,
      days,
      eventCount: view.timeline.length,
      speakers: view.speakers.map((s) => ({
        id: speakerId(s),
        actorKey: s.actorKey,
        name: s.name,
        quoteCount: s.quotes.length,
        articleCount: new Set(s.quotes.map((q) => q.uri)).size,
      })),
    };
    indexed.memo.set(memoKey, outline);
  }
  return { ...outline, indexing: indexed.indexing };
}

export function toStoryDetail(indexed: IndexedStory, folderUri: string | null, params: StoryDetailParams): StoryDetail {
  const view = storyViewOf(indexed, folderUri);
  if (typeof params.actorKey === 'string') return { appearances: view.actors.find((a) => a.key === params.actorKey)?.appearances ?? [] };
  if (typeof params.speakerId === 'string') return { quotes: view.speakers.find((s) => speakerId(s) === params.speakerId)?.quotes ?? [] };
  if (typeof params.day === 'string') {
    const day = params.day || null;
    const events: StoryEventView[] = view.timeline.filter((e) => e.sortDate === day);
    return { events };
  }
  return {};
}

export function toStoryView(indexed: IndexedStory, folderUri: string | null): StoryView {
  const { story, articles } = indexed;
  /** An id the index no longer knows maps to the top of the file rather than failing the view. */
  const range = (id: string, span: { start: number; end: number }) => {
    const lines = articles.get(id)?.lines;
    return lines ? spanToRange(lines, span) : ORIGIN;
  };
  return {
    folder: folderUri,
    indexing: indexed.indexing,
    articles: story.articles.map((a) => ({ uri: a.id, title: a.title, date: a.date })),
    actors: story.actors.map((actor) => ({
      key: actor.key,
      name: actor.name,
      type: actor.type as EntityType,
      aliases: actor.aliases,
      articleCount: actor.articleCount,
      mentionCount: actor.mentionCount,
      appearances: actor.appearances.map((ap) => ({
        uri: ap.articleId,
        title: ap.title,
        articleDate: ap.articleDate,
        name: ap.name,
        mentionCount: ap.mentionCount,
        range: range(ap.articleId, ap.first),
        sentence: ap.sentence,
      })),
    })),
    timeline: story.timeline.map((e) => ({
      uri: e.articleId,
      articleDate: e.articleDate,
      sortDate: e.sortDate,
      date: e.date,
      text: e.text,
      class: e.class,
      summary: e.summary,
      agent: e.agent,
      range: range(e.articleId, e),
      sentenceRange: range(e.articleId, e.sentence),
    })),
    speakers: story.speakers.map((s) => ({
      actorKey: s.actorKey,
      name: s.name,
      quotes: s.quotes.map((q) => ({ uri: q.articleId, articleDate: q.articleDate, text: q.text, speakerText: q.speakerText, range: range(q.articleId, q) })),
    })),
  };
}

export function toComparisonView(comparison: ArticleComparison, a: IndexedArticle, b: IndexedArticle): ArticleComparisonView {
  const side = (x: IndexedArticle): CompareSideView => ({ uri: x.uri, title: x.digest.title, date: x.digest.date });
  const actor =
    (lines: PositionMapper) =>
    (x: StoryArticleActor): CompareActorView => ({
      name: x.name,
      type: x.type as EntityType,
      mentionCount: x.mentionCount,
      range: spanToRange(lines, x.first),
      sentence: x.sentence,
    });
  const date =
    (lines: PositionMapper) =>
    (x: StoryArticleDate): CompareDateView => ({ text: x.text, type: x.type, value: x.value, range: spanToRange(lines, x) });
  const quote =
    (lines: PositionMapper) =>
    (x: StoryArticleQuote): CompareQuoteView => ({ text: x.text, speaker: x.speaker, speakerText: x.speakerText, range: spanToRange(lines, x) });
  return {
    a: side(a),
    b: side(b),
    actors: {
      onlyInA: comparison.actors.onlyInA.map(actor(a.lines)),
      onlyInB: comparison.actors.onlyInB.map(actor(b.lines)),
      inBoth: comparison.actors.inBoth.map((p) => ({ a: actor(a.lines)(p.a), b: actor(b.lines)(p.b) })),
    },
    dates: { onlyInA: comparison.dates.onlyInA.map(date(a.lines)), onlyInB: comparison.dates.onlyInB.map(date(b.lines)) },
    quotes: {
      onlyInA: comparison.quotes.onlyInA.map(quote(a.lines)),
      onlyInB: comparison.quotes.onlyInB.map(quote(b.lines)),
      differing: comparison.quotes.differing.map((d) => ({ speaker: d.speaker, a: quote(a.lines)(d.a), b: quote(b.lines)(d.b) })),
    },
  };
}
