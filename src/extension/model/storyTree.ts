// The Story view as plain data: three groups (Actors, Timeline, Quotes by speaker)
// over the server's StoryView. Every leaf carries the URI and range it opens, so
// a click lands on the sentence in that article.
import type { Range, StoryActorView, StoryAppearanceView, StoryEventView, StoryQuoteView, StorySpeakerView, StoryView } from './protocolTypes';
import { shortenForLabel } from './quotesList';

export type StoryGroupId = 'actors' | 'timeline' | 'quotes';

export interface StoryGroupNode {
  readonly nodeType: 'group';
  readonly id: string;
  readonly group: StoryGroupId;
  readonly label: string;
  readonly description: string;
  readonly children: StoryChildNode[];
}
export interface StoryActorNode {
  readonly nodeType: 'storyActor';
  readonly id: string;
  readonly actor: StoryActorView;
  readonly label: string;
  readonly description: string;
  readonly children: StoryAppearanceNode[];
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
export interface StorySpeakerNode {
  readonly nodeType: 'speaker';
  readonly id: string;
  readonly speaker: StorySpeakerView;
  readonly label: string;
  readonly description: string;
  readonly children: StoryQuoteNode[];
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
export type StoryChildNode = StoryActorNode | StoryEventNode | StorySpeakerNode;
export type StoryNode = StoryGroupNode | StoryChildNode | StoryAppearanceNode | StoryQuoteNode;

export interface StoryTree {
  groups: StoryGroupNode[];
  /** One line for the view's message: what the story covers, and whether indexing goes on. */
  summary: string;
}

/** The last path segment of a URI, decoded (what a person calls the file). */
export function fileNameOf(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? uri;
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

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function buildStoryTree(view: StoryView | null): StoryTree {
  if (!view) return { groups: [], summary: '' };
  const titles = new Map(view.articles.map((a) => [a.uri, a]));
  const articleOf = (uri: string) => titles.get(uri) ?? { uri, title: null };

  const actors: StoryActorNode[] = view.actors.map((actor) => {
    const children = actor.appearances.map((appearance, i): StoryAppearanceNode => {
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
    return {
      nodeType: 'storyActor',
      id: `story:actor:${actor.key}`,
      actor,
      label: actor.name,
      description: `${plural(actor.articleCount, 'article')} · ${plural(actor.mentionCount, 'mention')}`,
      children,
    };
  });

  const timeline: StoryEventNode[] = view.timeline.map((event, i) => ({
    nodeType: 'storyEvent',
    id: `story:event:${i}:${event.uri}:${event.range.start.line}:${event.range.start.character}`,
    event,
    label: shortenForLabel(event.summary || event.text, 90),
    description: [event.sortDate ?? 'undated', event.date ? '' : event.sortDate ? '(article date)' : '', articleLabel(articleOf(event.uri))].filter(Boolean).join(' · '),
    uri: event.uri,
    range: event.sentenceRange,
  }));

  const speakers: StorySpeakerNode[] = view.speakers.map((speaker, s) => ({
    nodeType: 'speaker',
    id: `story:speaker:${speaker.actorKey ?? `text:${speaker.name}`}:${s}`,
    speaker,
    label: speaker.name,
    description: `${plural(speaker.quotes.length, 'quote')} · ${plural(new Set(speaker.quotes.map((q) => q.uri)).size, 'article')}`,
    children: speaker.quotes.map((quote, i): StoryQuoteNode => ({
      nodeType: 'storyQuote',
      id: `story:quote:${s}:${i}:${quote.uri}`,
      quote,
      label: `“${shortenForLabel(quote.text, 80)}”`,
      description: [quote.articleDate ?? 'undated', articleLabel(articleOf(quote.uri))].join(' · '),
      uri: quote.uri,
      range: quote.range,
    })),
  }));

  const groups: StoryGroupNode[] = [
    { nodeType: 'group', id: 'story:group:actors', group: 'actors', label: 'Actors', description: plural(actors.length, 'actor'), children: actors },
    { nodeType: 'group', id: 'story:group:timeline', group: 'timeline', label: 'Timeline', description: plural(timeline.length, 'event'), children: timeline },
    { nodeType: 'group', id: 'story:group:quotes', group: 'quotes', label: 'Quotes by speaker', description: plural(speakers.length, 'speaker'), children: speakers },
  ];
  const scope = view.folder ? fileNameOf(view.folder) : 'the workspace';
  const summary = `${plural(view.articles.length, 'article')} in ${scope}${view.indexing ? ' (indexing…)' : ''}`;
  return { groups, summary };
}

export function childrenOf(node: StoryNode): StoryNode[] {
  switch (node.nodeType) {
    case 'group':
    case 'storyActor':
    case 'speaker':
      return node.children;
    default:
      return [];
  }
}

/** Actors other than `key` a story actor can be merged into, for the "Merge into…" pick list (same kind first). */
export function mergeCandidates(view: StoryView | null, key: string): StoryActorView[] {
  if (!view) return [];
  const self = view.actors.find((a) => a.key === key);
  const others = view.actors.filter((a) => a.key !== key);
  return self ? [...others.filter((a) => a.type === self.type), ...others.filter((a) => a.type !== self.type)] : others;
}

/** The names a merged actor can be split by: each distinct name an article writes, other than the canonical one. */
export function splitCandidates(actor: StoryActorView): string[] {
  const names = new Set<string>();
  for (const ap of actor.appearances) if (ap.name !== actor.name) names.add(ap.name);
  for (const alias of actor.aliases) if (alias !== actor.name) names.add(alias);
  return [...names];
}
