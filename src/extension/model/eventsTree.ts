// The Events timeline as plain data: notable events, each as a short clause with its
// agent first, grouped by the date the text gives them (year → month → day), then the
// undated ones the article reports as past; each reveals its sentence. Filters by class and actor.
// The server places each event (EventView.groups, EventView.order); this only builds the nodes.
import type { ArticleView, EventView, TimelineGroupView } from './protocolTypes';
import { eventClause } from '../../protocol';

export interface EventFilter {
  /** Event classes to show; null = all. */
  classes: readonly string[] | null;
  /** Only events with this actor (agent, patient or place), notable or not; null = any. */
  actorId: string | null;
  /** Show every event, not only the notable ones. */
  showAll: boolean;
}

export const NO_EVENT_FILTER: EventFilter = { classes: null, actorId: null, showAll: false };

export interface EventGroupNode {
  readonly nodeType: 'eventGroup';
  readonly id: string;
  readonly label: string;
  readonly level: 'year' | 'month' | 'day' | 'other';
  readonly children: EventsTreeNode[];
  readonly parent: EventGroupNode | undefined;
  readonly count: number;
}

export interface EventItemNode {
  readonly nodeType: 'event';
  readonly id: string;
  readonly event: EventView;
  readonly index: number;
  readonly parent: EventGroupNode;
}

export type EventsTreeNode = EventGroupNode | EventItemNode;

export interface EventsTree {
  readonly groups: EventGroupNode[];
  readonly total: number;
  readonly notable: number;
  readonly shown: number;
}

/** The events a reader cares about, as the analysis marks them (`notable`). */
export function isNotable(event: EventView): boolean {
  return event.notable;
}

export function eventPassesFilter(event: EventView, filter: EventFilter): boolean {
  // Focusing on one actor shows all of its events, "said" included.
  if (!filter.showAll && !filter.actorId && !isNotable(event)) return false;
  if (filter.classes && !filter.classes.includes(event.class)) return false;
  if (filter.actorId && !event.actors.includes(filter.actorId) && event.place !== filter.actorId) return false;
  return true;
}

export function isFilterActive(filter: EventFilter): boolean {
  return filter.classes !== null || filter.actorId !== null;
}

type MutableGroup = { -readonly [K in keyof EventGroupNode]: EventGroupNode[K] } & { children: EventsTreeNode[] };

export function buildEventsTree(view: ArticleView | null, filter: EventFilter = NO_EVENT_FILTER): EventsTree {
  if (!view) return { groups: [], total: 0, notable: 0, shown: 0 };
  const indexed = view.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => eventPassesFilter(event, filter))
    .sort((a, b) => a.event.order - b.event.order);

  const groups = new Map<string, MutableGroup>();
  const topLevel: MutableGroup[] = [];
  for (const { event, index } of indexed) {
    let parent: MutableGroup | undefined;
    for (const g of event.groups) {
      let group = groups.get(g.id);
      if (!group) {
        group = { nodeType: 'eventGroup', id: g.id, label: g.label, level: levelOf(g.kind), children: [], parent, count: 0 };
        groups.set(g.id, group);
        (parent ? parent.children : topLevel).push(group);
      }
      group.count++;
      parent = group;
    }
    if (parent) parent.children.push({ nodeType: 'event', id: `event:${index}`, event, index, parent });
  }
  return {
    groups: topLevel,
    total: view.events.length,
    notable: view.events.filter(isNotable).length,
    shown: indexed.length,
  };
}

function levelOf(kind: TimelineGroupView['kind']): EventGroupNode['level'] {
  return kind === 'period' ? 'year' : kind === 'month' || kind === 'day' ? kind : 'other';
}

export function eventChildren(tree: EventsTree, node?: EventsTreeNode): EventsTreeNode[] {
  if (!node) return tree.groups;
  return node.nodeType === 'eventGroup' ? node.children : [];
}

/** The row's label: the event's clause with its doer first (shared with the hover cards). */
export function eventLabel(event: EventView): string {
  return eventClause(event);
}
