// The Dates tree as plain data: dates ordered by resolved value and grouped by
// period (year, decade) and month; references, durations, sets and unresolved
// expressions follow in their own groups.
import type { ArticleView, DateView } from './protocolTypes';
import { compareRanges } from './positions';
import { calendarParts, compareTimex, MONTH_NAMES, periodLabel, timexCategory } from './timex';

export interface DateGroupNode {
  readonly nodeType: 'dateGroup';
  readonly id: string;
  readonly label: string;
  /** 'period' = a year/decade/century, 'month' = a month inside a year, else a non-calendar group. */
  readonly groupKind: 'period' | 'month' | 'reference' | 'duration' | 'set' | 'unresolved';
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

const OTHER_GROUPS: { kind: DateGroupNode['groupKind']; label: string }[] = [
  { kind: 'reference', label: 'Past, present and future' },
  { kind: 'duration', label: 'Durations' },
  { kind: 'set', label: 'Recurring' },
  { kind: 'unresolved', label: 'Unresolved' },
];

export function buildDatesTree(view: ArticleView | null): DatesTree {
  if (!view) return { groups: [], byIndex: new Map() };
  const indexed = view.dates.map((date, index) => ({ date, index }));
  indexed.sort((a, b) => compareTimex(a.date.value, b.date.value) || compareRanges(a.date.range, b.date.range));

  const periods = new Map<string, MutableGroup>();
  const months = new Map<string, MutableGroup>();
  const others = new Map<string, MutableGroup>();
  const byIndex = new Map<number, DateItemNode>();

  const newGroup = (id: string, label: string, groupKind: DateGroupNode['groupKind'], parent?: MutableGroup): MutableGroup => ({
    nodeType: 'dateGroup', id, label, groupKind, children: [], parent, count: 0,
  });

  for (const { date, index } of indexed) {
    const category = timexCategory(date.value, date.type);
    let group: MutableGroup;
    const parts = category === 'calendar' ? calendarParts(date.value) : null;
    if (parts) {
      const periodId = `period:${parts.span}:${parts.year}`;
      let period = periods.get(periodId);
      if (!period) periods.set(periodId, (period = newGroup(periodId, periodLabel(parts), 'period')));
      group = period;
      if (parts.month !== null) {
        const monthId = `${periodId}:${parts.month}`;
        let month = months.get(monthId);
        if (!month) {
          month = newGroup(monthId, MONTH_NAMES[parts.month - 1], 'month', period);
          months.set(monthId, month);
          period.children.push(month);
        }
        month.count++;
        group = month;
      }
      period.count++;
    } else {
      const spec = OTHER_GROUPS.find((g) => g.kind === category) ?? OTHER_GROUPS[OTHER_GROUPS.length - 1];
      let other = others.get(spec.kind);
      if (!other) others.set(spec.kind, (other = newGroup(`other:${spec.kind}`, spec.label, spec.kind)));
      other.count++;
      group = other;
    }
    const item: DateItemNode = { nodeType: 'date', id: `date:${index}`, date, index, parent: group };
    group.children.push(item);
    byIndex.set(index, item);
  }

  // Items were added in value order, so periods come out in time order too; a
  // year's own items ("2024") come before its months because they sort first.
  const groups: DateGroupNode[] = [...periods.values()];
  for (const spec of OTHER_GROUPS) {
    const g = others.get(spec.kind);
    if (g) groups.push(g);
  }
  return { groups, byIndex };
}

export function dateChildren(tree: DatesTree, node?: DatesTreeNode): DatesTreeNode[] {
  if (!node) return tree.groups;
  return node.nodeType === 'dateGroup' ? node.children : [];
}

