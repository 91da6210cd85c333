// Document-level date step: expressions counted from another date in the text
// ("two days later", "that same day", "the next morning", "ten days before the
// shooting") take the most recent earlier date of fine enough granularity as their
// anchor, as TimeML annotators do; with none, the article date.
import type { ArticleMetadata, TemporalExpression, TimexAnchor } from '../types';
import { addDays, addMonths, formatDay, formatMonth, formatWeek, formatYear, parseIsoDate, type Ymd } from './calendar';
import { NO_DATE_HELP } from './normalize';

export function resolveDocumentDates(dates: TemporalExpression[], metadata: ArticleMetadata): TemporalExpression[] {
  const ordered = [...dates].sort((a, b) => a.start - b.start);
  const out: TemporalExpression[] = [];
  for (const date of ordered) {
    if (isDefaultDayTime(date)) {
      out.push(placeClockTime(date, out));
      continue;
    }
    if (!date.anchor || date.value !== null) {
      out.push(date);
      continue;
    }
    try {
      out.push(resolveAnchored(date, date.anchor, out, metadata));
    } catch {
      out.push({ ...date, explanation: 'counted from another date in the text, which could not be resolved' });
    }
  }
  return out;
}

function resolveAnchored(date: TemporalExpression, anchor: TimexAnchor, earlier: TemporalExpression[], metadata: ArticleMetadata): TemporalExpression {
  let from: TemporalExpression | null = null;
  const usable = (candidate: TemporalExpression) =>
    candidate.type !== 'DURATION' &&
    candidate.type !== 'SET' &&
    !!candidate.value &&
    /^(?:\d{4}|FY\d{4})/.test(candidate.value) &&
    // A clock time placed on the article date only by default is no evidence of when things happened.
    !/on the article date/.test(candidate.explanation);
  const comparison = (d: TemporalExpression) => d.anchor?.unit === 'year' && d.anchor.amount < 0;
  for (let i = earlier.length - 1; i >= 0; i--) {
    if (!usable(earlier[i])) continue;
    // "year-ago levels … a year earlier": both compare with the period under discussion, not with each other.
    if (comparison(date) && comparison(earlier[i])) continue;
    from = earlier[i];
    break;
  }
  // "profit rose in the third quarter, the company said Thursday, from a year earlier": a
  // year-earlier comparison is anchored on the period under discussion, not on the day it was told.
  if (anchor.unit === 'year' && from && granularityOf(from.value!) === 'day') {
    for (let i = earlier.length - 1; i >= 0 && date.start - earlier[i].end <= PERIOD_REACH; i--) {
      if (usable(earlier[i]) && !comparison(earlier[i]) && /^(?:\d{4}-(?:Q[1-4]|H[12])|FY\d{4})$/.test(earlier[i].value!)) {
        from = earlier[i];
        break;
      }
    }
  }
  const base = from?.value ?? metadata.date;
  const baseDay = base ? parseAnchorDay(base) : null;
  if (!base || !baseDay) {
    return {
      ...date,
      value: null,
      explanation: `counted from another date, but neither the text before it nor the article gives one: ${NO_DATE_HELP}`,
    };
  }
  // The result is no finer than its anchor: "a week after" a January is still that January.
  const anchorUnit = granularityOf(base);
  const unit = UNIT_ORDER.indexOf(anchorUnit) > UNIT_ORDER.indexOf(anchor.unit) ? anchorUnit : anchor.unit;
  // "a year earlier" than "the third quarter" is that quarter a year before.
  const quarter = /^(\d{4})-(Q[1-4]|H[12])$/.exec(base);
  const fiscal = /^FY(\d{4})$/.exec(base);
  const value =
    quarter && anchor.unit === 'year'
      ? `${formatYear(Number(quarter[1]) + anchor.amount)}-${quarter[2]}`
      : fiscal && anchor.unit === 'year'
        ? `FY${formatYear(Number(fiscal[1]) + anchor.amount)}`
        : unit === anchor.unit
          ? shift(baseDay, anchor)
          : shift(baseDay, { unit, amount: 0 });
  const distance = describe(anchor);
  const source = from ? `"${from.text}" (${from.value}) earlier in the text` : `the article date ${metadata.date}, as no earlier date is given`;
  return {
    ...date,
    type: anchor.pod && unit === 'day' ? 'TIME' : date.type,
    value,
    explanation: `${distance} ${source}`,
    anchor: { ...anchor, ...(from && from.value ? { from: { start: from.start, end: from.end, text: from.text, value: from.value } } : {}) },
  };
}

// How far back a quarter or fiscal year is still the period under discussion.
const PERIOD_REACH = 300;

const UNIT_ORDER: Array<TimexAnchor['unit']> = ['day', 'week', 'month', 'year'];

function granularityOf(value: string): TimexAnchor['unit'] {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'day';
  if (/^\d{4}-W\d/.test(value)) return 'week';
  if (/^\d{4}-\d{2}/.test(value)) return 'month';
  return 'year';
}

/** A clock time that only got the article's day because its sentence names none. */
function isDefaultDayTime(date: TemporalExpression): boolean {
  return date.type === 'TIME' && !!date.value && /T\d\d:\d\d$/.test(date.value) && /on the article date/.test(date.explanation);
}

// How far back a named day still governs a bare clock time ("Friday … at 10 p.m.").
const CLOCK_TIME_REACH = 400;

function placeClockTime(time: TemporalExpression, earlier: TemporalExpression[]): TemporalExpression {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const candidate = earlier[i];
    if (time.start - candidate.end > CLOCK_TIME_REACH) break;
    if (candidate.type === 'DURATION' || candidate.type === 'SET' || !candidate.value || isDefaultDayTime(candidate)) continue;
    const day = /^\d{4}-\d{2}-\d{2}/.exec(candidate.value);
    if (!day) continue;
    const value = `${day[0]}${time.value!.slice(10)}`;
    return { ...time, value, explanation: `${time.value!.slice(11)} on ${day[0]}, the day of "${candidate.text}" just before it` };
  }
  return time;
}

function parseAnchorDay(value: string): Ymd | null {
  const day = parseIsoDate(value);
  if (day) return day;
  const week = /^(\d{4})-W(\d{1,2})/.exec(value);
  if (week) return addDays({ y: Number(week[1]), m: 1, d: 4 }, (Number(week[2]) - 1) * 7);
  const month = /^(\d{4})-(\d{2})(?!\d)/.exec(value);
  if (month) return { y: Number(month[1]), m: Number(month[2]), d: 1 };
  const year = /^(?:FY)?(\d{4})/.exec(value);
  return year ? { y: Number(year[1]), m: 1, d: 1 } : null;
}

function shift(base: Ymd, anchor: TimexAnchor): string {
  switch (anchor.unit) {
    case 'day':
      return formatDay(addDays(base, anchor.amount)) + (anchor.pod ? `T${anchor.pod}` : '');
    case 'week':
      return formatWeek(addDays(base, anchor.amount * 7));
    case 'month': {
      const d = addMonths(base, anchor.amount);
      return formatMonth(d.y, d.m);
    }
    case 'year':
      return formatYear(base.y + anchor.amount);
  }
}

function describe(anchor: TimexAnchor): string {
  if (anchor.amount === 0) return `the same ${anchor.unit} as`;
  const n = Math.abs(anchor.amount);
  return `${n} ${anchor.unit}${n === 1 ? '' : 's'} ${anchor.amount < 0 ? 'before' : 'after'}`;
}
