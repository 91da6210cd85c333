// The Events timeline as plain data: notable events, each as a short clause with its
// agent first, grouped by the date the text gives them (year → month → day), then the
// undated ones the article reports as past; each reveals its sentence. Filters by class and actor.
import type { ArticleView, EventView } from './protocolTypes';
import { eventClause } from '../../protocol';
import { compareRanges } from './positions';
import { calendarParts, compareTimex, dayLabel, MONTH_NAMES, periodLabel } from './timex';

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

/**
 * The events a reader cares about: the server may mark them (`notable`); without
 * that mark, an event with an actor and a date that is not mere reporting ("said").
 */
export function isNotable(event: EventView): boolean {
  if (typeof event.notable === 'boolean') return event.notable;
  return event.actors.length > 0 && event.class !== 'REPORTING';
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
    .sort((a, b) => compareTimex(a.event.date, b.event.date) || compareRanges(a.event.range, b.event.range));

  const groups = new Map<string, MutableGroup>();
  const topLevel: MutableGroup[] = [];
  const group = (id: string, label: string, level: EventGroupNode['level'], parent?: MutableGroup): MutableGroup => {
    let g = groups.get(id);
    if (!g) {
      g = { nodeType: 'eventGroup', id, label, level, children: [], parent, count: 0 };
      groups.set(id, g);
      (parent ? parent.children : topLevel).push(g);
    }
    return g;
  };

  for (const { event, index } of indexed) {
    const parts = calendarParts(event.date);
    let target: MutableGroup;
    if (parts) {
      const yearId = `events:${parts.span}:${parts.year}`;
      const year = group(yearId, periodLabel(parts), 'year');
      year.count++;
      target = year;
      if (parts.month !== null) {
        const month = group(`${yearId}-${parts.month}`, MONTH_NAMES[parts.month - 1], 'month', year);
        month.count++;
        target = month;
        if (parts.day !== null) {
          const day = group(`${yearId}-${parts.month}-${parts.day}`, dayLabel(parts.year, parts.month, parts.day), 'day', month);
          day.count++;
          target = day;
        }
      }
    } else if (event.date) {
      target = group('events:other', 'Other times', 'other');
      target.count++;
    } else if (event.articleDate) {
      // Kept apart from the dated ones: the text says it happened, not when.
      target = group('events:reported', `Reported by ${event.articleDateReadable ?? event.articleDate}`, 'other');
      target.count++;
    } else {
      target = group('events:undated', 'Undated', 'other');
      target.count++;
    }
    target.children.push({ nodeType: 'event', id: `event:${index}`, event, index, parent: target });
  }

  // Undated and other groups after the calendar ones (they sort last already,
  // but "Other times" must not precede "Undated" by accident of insertion order).
  topLevel.sort((a, b) => rank(a) - rank(b));
  return {
    groups: topLevel,
    total: view.events.length,
    notable: view.events.filter(isNotable).length,
    shown: indexed.length,
  };
}

function rank(g: EventGroupNode): number {
  return g.id === 'events:undated' ? 3 : g.id === 'events:reported' ? 2 : g.id === 'events:other' ? 1 : 0;
}

export function eventChildren(tree: EventsTree, node?: EventsTreeNode): EventsTreeNode[] {
  if (!node) return tree.groups;
  return node.nodeType === 'eventGroup' ? node.children : [];
}

/** The row's label: the event's clause with its doer first (shared with the hover cards). */
export function eventLabel(event: EventView): string {
  return eventClause(event);
}
