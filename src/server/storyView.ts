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
  type StoryActorSummary,
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

// The outline and the details are built straight from the story, not cut down from the full
// view: the full view maps every appearance, event and quote of the workspace to a range
// (megabytes for a thousand articles), and the Story view only ever asks for one node's items.

type Story = IndexedStory['story'];
type StoryActor = Story['actors'][number];
type StoryEvent = Story['timeline'][number];
type StorySpeaker = Story['speakers'][number];

/** An id the index no longer knows maps to the top of the file rather than failing the view. */
function rangeIn(indexed: IndexedStory, id: string, span: { start: number; end: number }) {
  const lines = indexed.articles.get(id)?.lines;
  return lines ? spanToRange(lines, span) : ORIGIN;
}

function appearanceViews(indexed: IndexedStory, actor: StoryActor) {
  return actor.appearances.map((ap) => ({
    uri: ap.articleId,
    title: ap.title,
    articleDate: ap.articleDate,
    name: ap.name,
    mentionCount: ap.mentionCount,
    range: rangeIn(indexed, ap.articleId, ap.first),
    sentence: ap.sentence,
  }));
}

function eventView(indexed: IndexedStory, e: StoryEvent): StoryEventView {
  return {
    uri: e.articleId,
    articleDate: e.articleDate,
    sortDate: e.sortDate,
    date: e.date,
    text: e.text,
    class: e.class,
    summary: e.summary,
    agent: e.agent,
    range: rangeIn(indexed, e.articleId, e),
    sentenceRange: rangeIn(indexed, e.articleId, e.sentence),
  };
}

function quoteViews(indexed: IndexedStory, s: StorySpeaker) {
  return s.quotes.map((q) => ({
    uri: q.articleId,
    articleDate: q.articleDate,
    text: q.text,
    speakerText: q.speakerText,
    range: rangeIn(indexed, q.articleId, q),
  }));
}

/** An actor as the outline lists it: everything but its appearances. */
function actorSummary(actor: StoryActor): StoryActorSummary {
  return {
    key: actor.key,
    name: actor.name,
    type: actor.type as EntityType,
    aliases: actor.aliases,
    articleCount: actor.articleCount,
    mentionCount: actor.mentionCount,
  };
}

function articleViews(story: Story) {
  return story.articles.map((a) => ({ uri: a.id, title: a.title, date: a.date }));
}

export function toStoryOutline(indexed: IndexedStory, folderUri: string | null): StoryOutline {
  const memoKey = `outline:${folderUri ?? ''}`;
  let outline = indexed.memo.get(memoKey) as StoryOutline | undefined;
  if (!outline) {
    const { story } = indexed;
    const days: StoryOutline['days'] = [];
    for (const e of story.timeline) {
      const last = days[days.length - 1];
      if (last && last.date === e.sortDate) last.count++;
      else days.push({ date: e.sortDate, count: 1 });
    }
    outline = {
      folder: folderUri,
      indexing: indexed.indexing,
      articles: articleViews(story),
      actors: story.actors.map(actorSummary),
      timeline: story.timeline.length <= STORY_INLINE_EVENTS ? story.timeline.map((e) => eventView(indexed, e)) : null,
      days,
      eventCount: story.timeline.length,
      speakers: story.speakers.map((s) => ({
        id: speakerId(s),
        actorKey: s.actorKey,
        name: s.name,
        quoteCount: s.quotes.length,
        articleCount: new Set(s.quotes.map((q) => q.articleId)).size,
      })),
    };
    indexed.memo.set(memoKey, outline);
  }
  return { ...outline, indexing: indexed.indexing };
}

/** The story's actors by key and speakers by id, found once per story. */
function detailIndex(indexed: IndexedStory): { actors: Map<string, StoryActor>; speakers: Map<string, StorySpeaker> } {
  let index = indexed.memo.get('detailIndex') as ReturnType<typeof detailIndex> | undefined;
  if (!index) {
    const actors = new Map<string, StoryActor>();
    for (const actor of indexed.story.actors) if (!actors.has(actor.key)) actors.set(actor.key, actor);
    const speakers = new Map<string, StorySpeaker>();
    for (const s of indexed.story.speakers) {
      const id = speakerId(s);
      if (!speakers.has(id)) speakers.set(id, s);
    }
    indexed.memo.set('detailIndex', (index = { actors, speakers }));
  }
  return index;
}

export function toStoryDetail(indexed: IndexedStory, params: StoryDetailParams): StoryDetail {
  if (typeof params.actorKey === 'string') {
    const actor = detailIndex(indexed).actors.get(params.actorKey);
    return { appearances: actor ? appearanceViews(indexed, actor) : [] };
  }
  if (typeof params.speakerId === 'string') {
    const speaker = detailIndex(indexed).speakers.get(params.speakerId);
    return { quotes: speaker ? quoteViews(indexed, speaker) : [] };
  }
  if (typeof params.day === 'string') {
    const day = params.day || null;
    return { events: indexed.story.timeline.filter((e) => e.sortDate === day).map((e) => eventView(indexed, e)) };
  }
  return {};
}

export function toStoryView(indexed: IndexedStory, folderUri: string | null): StoryView {
  const { story } = indexed;
  return {
    folder: folderUri,
    indexing: indexed.indexing,
    articles: articleViews(story),
    actors: story.actors.map((actor) => ({ ...actorSummary(actor), appearances: appearanceViews(indexed, actor) })),
    timeline: story.timeline.map((e) => eventView(indexed, e)),
    speakers: story.speakers.map((s) => ({ actorKey: s.actorKey, name: s.name, quotes: quoteViews(indexed, s) })),
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
