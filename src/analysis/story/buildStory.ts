// The story of many articles: actors merged across them, one timeline of their notable
// events, and their quotes by speaker. Linear in the digests (plus sorting), so a
// thousand articles answer well within the editor's 200 ms.
import { isValidIsoDate } from '../metadata';
import type { Story, StoryActor, StoryAppearance, StoryArticleDigest, StoryArticleQuote, StorySpeaker, StoryTimelineEvent } from './types';
import { mergeActors, type StoryLexicon } from './mergeActors';
import { normalizeName } from './names';
import { dateSortKey } from './storyDates';

export interface StoryOptions {
  lexicon?: StoryLexicon;
}

/** Speaker phrases that name nobody on their own; their quotes count as unattributed. */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);

/** Name of the group of quotes whose speaker is unknown; always listed last. */
export const UNATTRIBUTED_SPEAKER = 'Unattributed';

/** Never throws; digests that are not objects are skipped. */
export function buildStory(digests: readonly StoryArticleDigest[], options: StoryOptions = {}): Story {
  const input = (Array.isArray(digests) ? digests : []).filter((d): d is StoryArticleDigest => !!d && typeof d === 'object' && typeof d.id === 'string');
  // Article order: by date, undated last, then id; every list below follows it.
  const dates = input.map((d) => (typeof d.date === 'string' && isValidIsoDate(d.date) ? d.date : null));
  const order = input
    .map((_, i) => i)
    .sort((x, y) => compareNullable(dates[x], dates[y]) || (input[x].id < input[y].id ? -1 : input[x].id > input[y].id ? 1 : 0));
  const rank = new Int32Array(input.length);
  order.forEach((article, position) => (rank[article] = position));

  const merge = mergeActors(
    input.map((d) => d.actors),
    options?.lexicon,
  );

  const actors: StoryActor[] = merge.actors.map((m) => {
    const byArticle = new Map<number, StoryAppearance>();
    let mentionCount = 0;
    for (const { article, actor } of m.members) {
      const count = Math.max(0, actor.mentionCount || 0);
      mentionCount += count;
      const seen = byArticle.get(article);
      const d = input[article];
      if (!seen) {
        byArticle.set(article, {
          articleId: d.id,
          articleDate: dates[article],
          title: d.title ?? null,
          name: actor.name,
          mentionCount: count,
          first: actor.first,
          sentence: actor.sentence,
        });
      } else {
        // Two actors of one article merged (the story knows more than the article did): one appearance, from the earlier mention.
        seen.mentionCount += count;
        if (actor.first && (!seen.first || actor.first.start < seen.first.start))
          Object.assign(seen, { name: actor.name, first: actor.first, sentence: actor.sentence });
      }
    }
    const appearances = [...byArticle.entries()].sort((x, y) => rank[x[0]] - rank[y[0]]).map(([, a]) => a);
    return { key: m.key, name: m.name, type: m.type, aliases: m.aliases, articleCount: byArticle.size, mentionCount, appearances };
  });
  actors.sort((x, y) => y.articleCount - x.articleCount || y.mentionCount - x.mentionCount || x.name.localeCompare(y.name) || (x.key < y.key ? -1 : 1));

  const timeline: StoryTimelineEvent[] = [];
  const sortKeys: number[] = [];
  for (const article of order) {
    const d = input[article];
    const articleDate = dates[article];
    const articleKey = articleDate ? dayNumber(articleDate) : UNDATED;
    if (!Array.isArray(d.events)) continue;
    for (const e of d.events) {
      if (!e) continue;
      const own = e.date ? dateSortKey(e.date) : null;
      // A literal, not a spread: 15,000 events a story, and the same shape for every one.
      timeline.push({
        start: e.start,
        end: e.end,
        text: e.text,
        class: e.class,
        summary: e.summary,
        date: e.date,
        agent: e.agent,
        sentence: e.sentence,
        articleId: d.id,
        articleDate,
        sortDate: own ? e.date : articleDate,
      });
      sortKeys.push(own ? dayNumber(own) : articleKey);
    }
  }
  // By the event's own date, else the article's; undated last; then article order and text order (stable).
  const byDate = new Uint32Array(timeline.length);
  for (let i = 0; i < byDate.length; i++) byDate[i] = i;
  byDate.sort((x, y) => sortKeys[x] - sortKeys[y] || x - y);
  const sortedTimeline = Array.from(byDate, (i) => timeline[i]);

  const speakers = new Map<string, StorySpeaker>();
  const unattributed: StorySpeaker = { actorKey: null, name: UNATTRIBUTED_SPEAKER, quotes: [] };
  const nameOfKey = new Map(merge.actors.map((a) => [a.key, a.name]));
  for (const article of order) {
    const d = input[article];
    for (const q of Array.isArray(d.quotes) ? d.quotes : []) {
      if (!q) continue;
      const quote = { ...q, articleId: d.id, articleDate: dates[article] };
      const group = speakerGroup(q, (name) => merge.keyOf(article, name));
      if (!group) {
        unattributed.quotes.push(quote);
        continue;
      }
      let speaker = speakers.get(group.id);
      if (!speaker)
        speakers.set(
          group.id,
          (speaker = { actorKey: group.actorKey, name: group.actorKey ? (nameOfKey.get(group.actorKey) ?? group.name) : group.name, quotes: [] }),
        );
      speaker.quotes.push(quote);
    }
  }
  // Most quotes first; at a tie a known actor before a phrase ("a spokesman").
  const speakerList = [...speakers.values()].sort(
    (x, y) => y.quotes.length - x.quotes.length || Number(!x.actorKey) - Number(!y.actorKey) || x.name.localeCompare(y.name),
  );
  if (unattributed.quotes.length) speakerList.push(unattributed);

  return {
    articles: order.map((i) => ({ id: input[i].id, title: input[i].title ?? null, date: dates[i] })),
    actors,
    timeline: sortedTimeline,
    speakers: speakerList,
  };
}

/** Which speaker a quote belongs to: the merged actor, else the speaker phrase as written (not a bare pronoun). */
export function speakerGroup(q: StoryArticleQuote, keyOf: (name: string) => string | undefined): { id: string; actorKey: string | null; name: string } | null {
  if (q.speaker) {
    const key = keyOf(q.speaker);
    if (key) return { id: `actor:${key}`, actorKey: key, name: q.speaker };
  }
  const phrase = typeof q.speakerText === 'string' ? q.speakerText.trim() : '';
  const norm = normalizeName(phrase).replace(/^(a|an) /, '');
  if (!norm || PRONOUNS.has(norm)) return q.speaker ? { id: `text:${normalizeName(q.speaker)}`, actorKey: null, name: q.speaker } : null;
  return { id: `text:${norm}`, actorKey: null, name: phrase };
}

const UNDATED = Number.MAX_SAFE_INTEGER;

/** YYYY-MM-DD as the number YYYYMMDD, which sorts the same. */
function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** Ascending, nulls last. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The story's actor for an article's actor (by the name the article gives it), for hovers
 * ("also in 4 other articles"). Build once per story; lookups are O(1).
 */
export function storyActorLookup(story: Story): (articleId: string, name: string) => StoryActor | undefined {
  const byArticleName = new Map<string, StoryActor>();
  // Two actors of one article merged into one appearance: the second is found by its form (the first actor in rank order wins).
  const byArticleForm = new Map<string, StoryActor>();
  for (const actor of story?.actors ?? []) {
    for (const p of actor.appearances) {
      byArticleName.set(`${p.articleId}\u0000${p.name}`, actor);
      for (const form of [actor.name, ...actor.aliases]) {
        const key = `${p.articleId}\u0000${form}`;
        if (!byArticleForm.has(key)) byArticleForm.set(key, actor);
      }
    }
  }
  return (articleId, name) => byArticleName.get(`${articleId}\u0000${name}`) ?? byArticleForm.get(`${articleId}\u0000${name}`);
}
