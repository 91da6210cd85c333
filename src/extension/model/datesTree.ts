// The Dates tree as plain data: dates ordered by resolved value and grouped by
// period (year, decade) and month; references, durations, sets and unresolved
// expressions follow in their own groups. The server places each date
// (DateView.groups, DateView.order); this only builds the nodes.
import type { ArticleView, DateView, TimelineGroupView } from './protocolTypes';

export interface DateGroupNode {
  readonly nodeType: 'dateGroup';
  readonly id: string;
  readonly label: string;
  /** 'period' = a year/decade/century, 'month' = a month inside a year, else a non-calendar group. */
  readonly groupKind: TimelineGroupView['kind'];
  readonly children: DatesTreeNode[];
  readonly parent: DateGroupNode | undefined;
  /** Number of date items below the group. */
  readonly count: number;
}

export interface DateItemNode {
  readonly nodeType: 'date';
  readonly id: string;
  readonly date: DateView;
  /** Index in ArticleView.dates (text order). */
  readonly index: number;
  readonly parent: DateGroupNode;
}

export type DatesTreeNode = DateGroupNode | DateItemNode;

export interface DatesTree {
  readonly groups: DateGroupNode[];
  readonly byIndex: ReadonlyMap<number, DateItemNode>;
}

type MutableGroup = { -readonly [K in keyof DateGroupNode]: DateGroupNode[K] } & { children: DatesTreeNode[] };

/** Builds the tree the server laid out: each date carries its groups and its place in the order. */
export function buildDatesTree(view: ArticleView | null): DatesTree {
  if (!view) return { groups: [], byIndex: new Map() };
  const indexed = view.dates.map((date, index) => ({ date, index })).sort((a, b) => a.date.order - b.date.order);
  const groups: DateGroupNode[] = [];
  const byId = new Map<string, MutableGroup>();
  const byIndex = new Map<number, DateItemNode>();
  for (const { date, index } of indexed) {
    let parent: MutableGroup | undefined;
    for (const g of date.groups) {
      let group = byId.get(g.id);
      if (!group) {
        group = { nodeType: 'dateGroup', id: g.id, label: g.label, groupKind: g.kind, children: [], parent, count: 0 };
        byId.set(g.id, group);
        (parent ? parent.children : groups).push(group);
      }
      group.count++;
      parent = group;
    }
    if (!parent) continue; // the server always places a date; an empty path would have no row
    const item: DateItemNode = { nodeType: 'date', id: `date:${index}`, date, index, parent };
    parent.children.push(item);
    byIndex.set(index, item);
  }
  return { groups, byIndex };
}

export function dateChildren(tree: DatesTree, node?: DatesTreeNode): DatesTreeNode[] {
  if (!node) return tree.groups;
  return node.nodeType === 'dateGroup' ? node.children : [];
}
