// Where a date or an event sits on the sidebar's timeline: TIMEX3 values read just
// enough to group and order them (calendar values 2024, 2024-08, 2024-08-06,
// 2024-08-06T10:00, 2024-W32, 2024-SU, decades 202 / 202X, centuries 20; the
// references PAST_REF…; durations P…). The server sends the groups and the order
// with each date and event, so the client only builds the trees.
import { MONTH_NAMES } from './lexicon';

export interface CalendarParts {
  /** Year, or the first year of a decade/century. */
  year: number;
  /** 'decade' for "202"/"202X", 'century' for "20"/"20XX". */
  span: 'year' | 'decade' | 'century';
  month: number | null;
  day: number | null;
}

export type TimexCategory = 'calendar' | 'reference' | 'duration' | 'set' | 'unresolved';

const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T-])/;
const ISO_WEEK = /^(\d{4})-W(\d{2})/;
const DECADE = /^(\d{3})X?$/;
const CENTURY = /^(\d{2})(?:XX)?$/;

export function calendarParts(value: string | null | undefined): CalendarParts | null {
  if (!value) return null;
  // A week sits in the month of its Monday ("2024-W20" → May 2024), at month precision.
  const w = ISO_WEEK.exec(value);
  if (w) {
    const monday = isoWeekMonday(Number(w[1]), Number(w[2]));
    if (monday) return { year: monday.getUTCFullYear(), span: 'year', month: monday.getUTCMonth() + 1, day: null };
  }
  const m = CALENDAR.exec(value);
  if (m) {
    const month = m[2] ? Number(m[2]) : null;
    const day = m[3] ? Number(m[3]) : null;
    return {
      year: Number(m[1]),
      span: 'year',
      month: month !== null && month >= 1 && month <= 12 ? month : null,
      day: month !== null && day !== null && day >= 1 && day <= 31 ? day : null,
    };
  }
  const d = DECADE.exec(value);
  if (d) return { year: Number(d[1]) * 10, span: 'decade', month: null, day: null };
  const c = CENTURY.exec(value);
  if (c) return { year: Number(c[1]) * 100, span: 'century', month: null, day: null };
  return null;
}

function isoWeekMonday(year: number, week: number): Date | null {
  if (week < 1 || week > 53) return null;
  // ISO week 1 holds the year's first Thursday, so 4 January is always in it.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(mondayOfWeek1.getTime() + (week - 1) * 7 * 86_400_000);
}

export function timexCategory(value: string | null | undefined, type?: string): TimexCategory {
  if (!value) return 'unresolved';
  if (type === 'SET') return 'set';
  if (/_REF$/.test(value)) return 'reference';
  if (/^P/.test(value) || type === 'DURATION') return 'duration';
  return calendarParts(value) ? 'calendar' : 'unresolved';
}

const REFERENCE_ORDER: Record<string, number> = { PAST_REF: 0, PRESENT_REF: 1, FUTURE_REF: 2 };

/**
 * Orders TIMEX values in time. Coarser values come before finer ones that start
 * at the same moment ("2024" before "2024-08" before "2024-08-06"), which is also
 * the order a reader scans a timeline in. Non-calendar values go last.
 */
export function compareTimex(a: string | null, b: string | null): number {
  const pa = calendarParts(a);
  const pb = calendarParts(b);
  if (pa && pb) {
    return (
      pa.year - pb.year ||
      spanRank(pb.span) - spanRank(pa.span) ||
      (pa.month ?? 0) - (pb.month ?? 0) ||
      (pa.day ?? 0) - (pb.day ?? 0) ||
      String(a).localeCompare(String(b))
    );
  }
  if (pa) return -1;
  if (pb) return 1;
  const ra = a !== null && a in REFERENCE_ORDER ? REFERENCE_ORDER[a] : 9;
  const rb = b !== null && b in REFERENCE_ORDER ? REFERENCE_ORDER[b] : 9;
  if (ra !== rb) return ra - rb;
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

function spanRank(span: CalendarParts['span']): number {
  return span === 'century' ? 2 : span === 'decade' ? 1 : 0;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue 6 August 2024" for a valid calendar day; weekday from the proleptic Gregorian calendar. */
export function dayLabel(year: number, month: number, day: number): string {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

export function periodLabel(parts: CalendarParts): string {
  if (parts.span === 'decade') return `${parts.year}s`;
  if (parts.span === 'century') return `${parts.year}s (century)`;
  return String(parts.year);
}

/** A group on the timeline, outermost first: a year (or decade, century), a month, a day, or a group of its own. */
export interface TimelineGroup {
  id: string;
  label: string;
  kind: 'period' | 'month' | 'day' | 'reference' | 'duration' | 'set' | 'unresolved' | 'other' | 'reported' | 'undated';
}

const DATE_OTHER_GROUPS: Array<{ kind: TimelineGroup['kind'] & TimexCategory; label: string }> = [
  { kind: 'reference', label: 'Past, present and future' },
  { kind: 'duration', label: 'Durations' },
  { kind: 'set', label: 'Recurring' },
  { kind: 'unresolved', label: 'Unresolved' },
];

/** A date in the Dates view: its period and month; references, durations, sets and unresolved values in their own groups, after the calendar. */
export function datePlace(value: string | null, type: string): { groups: TimelineGroup[]; rank: number } {
  const category = timexCategory(value, type);
  const parts = category === 'calendar' ? calendarParts(value) : null;
  if (parts) {
    const periodId = `period:${parts.span}:${parts.year}`;
    const groups: TimelineGroup[] = [{ id: periodId, label: periodLabel(parts), kind: 'period' }];
    if (parts.month !== null) groups.push({ id: `${periodId}:${parts.month}`, label: MONTH_NAMES[parts.month - 1], kind: 'month' });
    return { groups, rank: 0 };
  }
  const at = Math.max(
    0,
    DATE_OTHER_GROUPS.findIndex((g) => g.kind === category),
  );
  const spec = DATE_OTHER_GROUPS[at] ?? DATE_OTHER_GROUPS[DATE_OTHER_GROUPS.length - 1];
  return { groups: [{ id: `other:${spec.kind}`, label: spec.label, kind: spec.kind }], rank: 1 + at };
}

/**
 * An event on the Events timeline: year, month and day of its date; a non-calendar date under
 * "Other times"; an undated past event under the article date that reported it; else "Undated".
 */
export function eventPlace(date: string | null, articleDate: string | null, articleDateReadable: string | null): { groups: TimelineGroup[]; rank: number } {
  const parts = calendarParts(date);
  if (parts) {
    const yearId = `events:${parts.span}:${parts.year}`;
    const groups: TimelineGroup[] = [{ id: yearId, label: periodLabel(parts), kind: 'period' }];
    if (parts.month !== null) {
      groups.push({ id: `${yearId}-${parts.month}`, label: MONTH_NAMES[parts.month - 1], kind: 'month' });
      if (parts.day !== null) groups.push({ id: `${yearId}-${parts.month}-${parts.day}`, label: dayLabel(parts.year, parts.month, parts.day), kind: 'day' });
    }
    return { groups, rank: 0 };
  }
  if (date) return { groups: [{ id: 'events:other', label: 'Other times', kind: 'other' }], rank: 1 };
  // Kept apart from the dated ones: the text says it happened, not when.
  if (articleDate) return { groups: [{ id: 'events:reported', label: `Reported by ${articleDateReadable ?? articleDate}`, kind: 'reported' }], rank: 2 };
  return { groups: [{ id: 'events:undated', label: 'Undated', kind: 'undated' }], rank: 3 };
}

/**
 * The timeline order of items placed with datePlace/eventPlace: by group rank, then by value
 * in time (compareTimex), then in text order. Returns each item's position in that order.
 */
export function timelineOrder(items: ReadonlyArray<{ rank: number; value: string | null; start: number; end: number }>): number[] {
  const sorted = items
    .map((_, i) => i)
    .sort((a, b) => {
      const x = items[a];
      const y = items[b];
      return x.rank - y.rank || compareTimex(x.value, y.value) || x.start - y.start || x.end - y.end;
    });
  const order = new Array<number>(items.length);
  sorted.forEach((item, position) => (order[item] = position));
  return order;
}
