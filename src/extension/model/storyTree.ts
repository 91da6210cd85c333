// The Story view as plain data: three groups (Actors, Timeline, Quotes by speaker)
// over the server's story outline. An actor, a day of a long timeline and a speaker
// get their items when expanded (newsLens/storyDetail); every leaf carries the URI
// and range it opens, so a click lands on the sentence in that article.
import { plural } from '../../protocol';
import type {
  Range,
  StoryActorSummary,
  StoryAppearanceView,
  StoryArticleView,
  StoryDaySummary,
  StoryEventView,
  StoryOutline,
  StoryQuoteView,
  StorySpeakerSummary,
} from './protocolTypes';
import { shortenForLabel } from './quotesList';

export type StoryGroupId = 'actors' | 'timeline' | 'quotes';

export interface StoryGroupNode {
  readonly nodeType: 'group';
  readonly id: string;
  readonly group: StoryGroupId;
  readonly label: string;
  readonly description: string;
  readonly children: Array<StoryActorNode | StoryEventNode | StoryDayNode | StorySpeakerNode>;
}
/** Expands to its articles (fetched). */
export interface StoryActorNode {
  readonly nodeType: 'storyActor';
  readonly id: string;
  readonly actor: StoryActorSummary;
  readonly label: string;
  readonly description: string;
}
export interface StoryAppearanceNode {
  readonly nodeType: 'appearance';
  readonly id: string;
  readonly actorKey: string;
  readonly appearance: StoryAppearanceView;
  readonly label: string;
  readonly description: string;
  readonly uri: string;
  readonly range: Range;
}
/** A date of a long timeline; expands to its events (fetched). */
export interface StoryDayNode {
  readonly nodeType: 'day';
  readonly id: string;
  readonly day: StoryDaySummary;
  readonly label: string;
  readonly description: string;
}
export interface StoryEventNode {
  readonly nodeType: 'storyEvent';
  readonly id: string;
  readonly event: StoryEventView;
  readonly label: string;
  readonly description: string;
  readonly uri: string;
  /** The event's sentence: the timeline opens where the event is told. */
  readonly range: Range;
}
/** Expands to the speaker's quotes (fetched). */
export interface StorySpeakerNode {
  readonly nodeType: 'speaker';
  readonly id: string;
  readonly speaker: StorySpeakerSummary;
  readonly label: string;
  readonly description: string;
}
export interface StoryQuoteNode {
  readonly nodeType: 'storyQuote';
  readonly id: string;
  readonly quote: StoryQuoteView;
  readonly label: string;
  readonly description: string;
  readonly uri: string;
  readonly range: Range;
}
export type StoryNode = StoryGroupNode | StoryActorNode | StoryAppearanceNode | StoryDayNode | StoryEventNode | StorySpeakerNode | StoryQuoteNode;

export interface StoryTree {
  groups: StoryGroupNode[];
  /** One line for the view's message: what the story covers, and whether indexing goes on. */
  summary: string;
}

/** The last path segment of a URI, decoded (what a person calls the file). */
export function fileNameOf(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** How an article is named in lists: its title, else its file name. */
export function articleLabel(article: { uri: string; title: string | null }): string {
  return article.title ? shortenForLabel(article.title, 70) : fileNameOf(article.uri);
}

/** Looks an article up by URI, for the labels of events and quotes. */
export type ArticleLookup = (uri: string) => { uri: string; title: string | null };

export function articleLookup(articles: readonly StoryArticleView[]): ArticleLookup {
  const byUri = new Map(articles.map((a) => [a.uri, a]));
  return (uri) => byUri.get(uri) ?? { uri, title: null };
}

export function buildStoryTree(outline: StoryOutline | null): StoryTree {
  if (!outline) return { groups: [], summary: '' };
  const articleOf = articleLookup(outline.articles);

  const actors: StoryActorNode[] = outline.actors.map((actor) => ({
    nodeType: 'storyActor',
    id: `story:actor:${actor.key}`,
    actor,
    label: actor.name,
    description: `${plural(actor.articleCount, 'article')} · ${plural(actor.mentionCount, 'mention')}`,
  }));

  const timeline: Array<StoryEventNode | StoryDayNode> = outline.timeline
    ? eventNodes(outline.timeline, articleOf)
    : outline.days.map((day) => ({
        nodeType: 'day',
        id: `story:day:${day.date ?? 'undated'}`,
        day,
        label: day.date ?? 'Undated',
        description: plural(day.count, 'event'),
      }));

  const speakers: StorySpeakerNode[] = outline.speakers.map((speaker) => ({
    nodeType: 'speaker',
    id: `story:speaker:${speaker.id}`,
    speaker,
    label: speaker.name,
    description: `${plural(speaker.quoteCount, 'quote')} · ${plural(speaker.articleCount, 'article')}`,
  }));

  const groups: StoryGroupNode[] = [
    { nodeType: 'group', id: 'story:group:actors', group: 'actors', label: 'Actors', description: plural(actors.length, 'actor'), children: actors },
    {
      nodeType: 'group',
      id: 'story:group:timeline',
      group: 'timeline',
      label: 'Timeline',
      description: plural(outline.eventCount, 'event'),
      children: timeline,
    },
    {
      nodeType: 'group',
      id: 'story:group:quotes',
      group: 'quotes',
      label: 'Quotes by speaker',
      description: plural(speakers.length, 'speaker'),
      children: speakers,
    },
  ];
  const scope = outline.folder ? fileNameOf(outline.folder) : 'the workspace';
  const summary = `${plural(outline.articles.length, 'article')} in ${scope}${outline.indexing ? ' (indexing…)' : ''}`;
  return { groups, summary };
}

/** An actor's articles in date order, each opening at its first mention, saying how that article writes the name. */
export function appearanceNodes(actor: StoryActorSummary, appearances: readonly StoryAppearanceView[]): StoryAppearanceNode[] {
  return appearances.map((appearance, i) => {
    const writtenAs = appearance.name !== actor.name ? `as “${appearance.name}”` : '';
    return {
      nodeType: 'appearance',
      id: `story:actor:${actor.key}:${i}:${appearance.uri}`,
      actorKey: actor.key,
      appearance,
      label: articleLabel({ uri: appearance.uri, title: appearance.title }),
      description: [appearance.articleDate ?? 'undated', writtenAs, plural(appearance.mentionCount, 'mention')].filter(Boolean).join(' · '),
      uri: appearance.uri,
      range: appearance.range,
    };
  });
}

/** Timeline events, each opening at its sentence; "(article date)" when only its article dates it. */
export function eventNodes(events: readonly StoryEventView[], articleOf: ArticleLookup): StoryEventNode[] {
  return events.map((event) => ({
    nodeType: 'storyEvent',
    id: `story:event:${event.uri}:${event.range.start.line}:${event.range.start.character}`,
    event,
    label: shortenForLabel(event.summary || event.text, 90),
    description: [event.sortDate ?? 'undated', event.date ? '' : event.sortDate ? '(article date)' : '', articleLabel(articleOf(event.uri))]
      .filter(Boolean)
      .join(' · '),
    uri: event.uri,
    range: event.sentenceRange,
  }));
}

export function quoteNodes(speaker: StorySpeakerSummary, quotes: readonly StoryQuoteView[], articleOf: ArticleLookup): StoryQuoteNode[] {
  return quotes.map((quote, i) => ({
    nodeType: 'storyQuote',
    id: `story:quote:${speaker.id}:${i}:${quote.uri}`,
    quote,
    label: `“${shortenForLabel(quote.text, 80)}”`,
    description: [quote.articleDate ?? 'undated', articleLabel(articleOf(quote.uri))].join(' · '),
    uri: quote.uri,
    range: quote.range,
  }));
}

/** Whether a node has items under it (loaded or to fetch). */
export function isExpandable(node: StoryNode): boolean {
  return node.nodeType === 'group' || node.nodeType === 'storyActor' || node.nodeType === 'day' || node.nodeType === 'speaker';
}

/** Actors other than `key` a story actor can be merged into, for the "Merge into…" pick list (same kind first). */
export function mergeCandidates(outline: StoryOutline | null, key: string): StoryActorSummary[] {
  if (!outline) return [];
  const self = outline.actors.find((a) => a.key === key);
  const others = outline.actors.filter((a) => a.key !== key);
  return self ? [...others.filter((a) => a.type === self.type), ...others.filter((a) => a.type !== self.type)] : others;
}

/** The names a merged actor can be split by: each distinct name an article writes, other than the canonical one. */
export function splitCandidates(actor: StoryActorSummary, appearances: readonly StoryAppearanceView[]): string[] {
  const names = new Set<string>();
  for (const ap of appearances) if (ap.name !== actor.name) names.add(ap.name);
  for (const alias of actor.aliases) if (alias !== actor.name) names.add(alias);
  return [...names];
}
