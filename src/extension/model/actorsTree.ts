// The Actors tree as plain data: kind groups → actors (ranked by mentions) →
// mentions. Built once per article view so tree nodes keep their identity, which
// TreeView.reveal needs (it walks getParent from the node it is given).
import { ENTITY_TYPES } from '../../protocol';
import type { ActorView, ArticleView, EntityType, MentionView, Range } from './protocolTypes';
import { compareRanges } from './positions';
import { matchesAllTerms, queryTerms } from './textFilter';

export interface KindGroupNode {
  readonly nodeType: 'kind';
  readonly id: string;
  readonly kind: EntityType;
  readonly actors: ActorNode[];
  /** Mentions of all actors in the group (after filtering). */
  readonly mentionTotal: number;
}

export interface ActorNode {
  readonly nodeType: 'actor';
  readonly id: string;
  readonly actor: ActorView;
  readonly parent: KindGroupNode;
  readonly mentions: MentionNode[];
}

export interface MentionNode {
  readonly nodeType: 'mention';
  readonly id: string;
  readonly mention: MentionView;
  /** 0-based position among the actor's mentions, in text order. */
  readonly index: number;
  readonly parent: ActorNode;
}

export type ActorsTreeNode = KindGroupNode | ActorNode | MentionNode;

export interface ActorsTree {
  readonly groups: KindGroupNode[];
  /** How many actors the article has, and how many pass the filter. */
  readonly totalActors: number;
  readonly shownActors: number;
  readonly byActorId: ReadonlyMap<string, ActorNode>;
}

/** The haystack the filter searches: names, aliases and mention texts. */
export function actorSearchTexts(actor: ActorView): string[] {
  return [actor.name, ...actor.aliases, ...actor.mentions.map((m) => m.text)];
}

export function actorMatchesFilter(actor: ActorView, query: string): boolean {
  return matchesAllTerms(queryTerms(query), actorSearchTexts(actor));
}

export function buildActorsTree(view: ArticleView | null, filter = ''): ActorsTree {
  const empty: ActorsTree = { groups: [], totalActors: 0, shownActors: 0, byActorId: new Map() };
  if (!view) return empty;
  const terms = queryTerms(filter);
  const byActorId = new Map<string, ActorNode>();
  const groups: KindGroupNode[] = [];
  let shown = 0;
  for (const kind of ENTITY_TYPES) {
    const actors = view.actors.filter((a) => a.type === kind && matchesAllTerms(terms, actorSearchTexts(a))).sort((a, b) => a.order - b.order); // the server's order: by mentions, then name
    if (actors.length === 0) continue;
    const group = { nodeType: 'kind', id: `kind:${kind}`, kind, actors: [] as ActorNode[], mentionTotal: 0 } as {
      -readonly [K in keyof KindGroupNode]: KindGroupNode[K];
    };
    for (const actor of actors) {
      const node = { nodeType: 'actor', id: `actor:${actor.id}`, actor, parent: group, mentions: [] as MentionNode[] } as ActorNode;
      actor.mentions.forEach((mention, index) => {
        node.mentions.push({ nodeType: 'mention', id: `mention:${actor.id}:${index}`, mention, index, parent: node });
      });
      group.actors.push(node);
      group.mentionTotal += actor.mentionCount;
      byActorId.set(actor.id, node);
    }
    shown += actors.length;
    groups.push(group);
  }
  return { groups, totalActors: view.actors.length, shownActors: shown, byActorId };
}

export function childrenOf(tree: ActorsTree, node?: ActorsTreeNode): ActorsTreeNode[] {
  if (!node) return tree.groups;
  if (node.nodeType === 'kind') return node.actors;
  if (node.nodeType === 'actor') return node.mentions;
  return [];
}

export function parentOf(node: ActorsTreeNode): ActorsTreeNode | undefined {
  return node.nodeType === 'kind' ? undefined : node.parent;
}

/** The node of an actor's mention at `range` (as the server's entityAt names it), if the tree (with its filter) shows it. */
export function findMention(tree: ActorsTree, actorId: string, range: Range): MentionNode | undefined {
  return tree.byActorId.get(actorId)?.mentions.find((m) => compareRanges(m.mention.range, range) === 0);
}
