// Turns a recognised expression's meaning into a TIMEX3 value against the article
// date, choosing direction by tense where the text leaves it open ("Friday",
// "in March"), and says in one line how the value was reached.
import type { TimexType } from '../types';
import { addDays, addMonths, compareYmd, dayDiff, formatDay, formatMonth, formatWeek, formatYear, isValidDay, weekday, type Ymd } from './calendar';
import { MONTH_NAMES, WEEKDAY_NAMES } from './lexicon';
import type { TimexSpec } from './spec';
import type { Tense } from './tense';

export interface AnchorRequest {
  unit: 'day' | 'week' | 'month' | 'year';
  amount: number;
  pod?: string;
}

export interface Normalised {
  type: TimexType;
  value: string | null;
  mod?: string;
  relative: boolean;
  explanation: string;
  anchorRequest?: AnchorRequest;
}

export interface NormaliseContext {
  ref: Ymd | null;
  tense: () => Tense;
}

export const NO_DATE_HELP = 'set one with a "date YYYY-MM-DD" dateline, a front-matter "date:" line, or the newsLens.articleDate setting';

const POD_WORDS: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };

const tenseWord = (t: Tense) => (t === 'past' ? 'past tense' : t === 'future' ? 'future tense' : t === 'present' ? 'present tense' : 'no tense cue');

export function normaliseSpec(spec: TimexSpec, ctx: NormaliseContext): Normalised {
  switch (spec.kind) {
    case 'absolute':
      return { type: spec.type, value: spec.value, mod: spec.mod, relative: false, explanation: 'written out in full in the text' };
    case 'duration':
      return { type: 'DURATION', value: spec.value, mod: spec.mod, relative: false, explanation: 'a length of time, not a point in time' };
    case 'set':
      return { type: 'SET', value: spec.value, relative: false, explanation: 'a recurring time' };
    case 'ref': {
      const what =
        spec.value === 'PAST_REF'
          ? 'an unspecified time in the past'
          : spec.value === 'FUTURE_REF'
            ? 'an unspecified time in the future'
            : 'the present, as of the article';
      return { type: 'DATE', value: spec.value, relative: false, explanation: `${what} (TimeML ${spec.value})` };
    }
    case 'anchored':
      return {
        type: spec.fallback,
        value: null,
        relative: true,
        explanation: 'counted from an earlier date in the text',
        anchorRequest: { unit: spec.unit, amount: spec.amount, pod: spec.pod },
      };
    case 'block':
      return { type: 'DATE', value: null, relative: false, explanation: '' };
    default:
      break;
  }
  // "Thursday night" stays a DATE, as TimeML news annotation types it, with the part of the day in its value.
  const type: TimexType = spec.kind === 'time' || (spec.kind === 'offset' && spec.pod) ? 'TIME' : 'DATE';
  if (!ctx.ref) {
    return { type, value: null, relative: true, explanation: `relative date, and the article has no date to resolve it against: ${NO_DATE_HELP}` };
  }
  const resolved = resolveRelative(spec, ctx.ref, ctx);
  if (!resolved) return { type, value: null, relative: true, explanation: 'could not be resolved' };
  return { type, value: resolved.value, mod: resolved.mod, relative: true, explanation: resolved.why };
}

interface Resolved {
  value: string;
  why: string;
  mod?: string;
}

function resolveRelative(spec: TimexSpec, ref: Ymd, ctx: NormaliseContext): Resolved | null {
  const refText = formatDay(ref);
  switch (spec.kind) {
    case 'weekday': {
      const { date, why } =
        spec.possessive && spec.shift === undefined && !spec.dayOffset
          ? resolvePossessiveWeekday(spec.weekday, spec.lead, ref, ctx.tense)
          : resolveWeekday(spec.weekday, spec.shift, ref, ctx.tense);
      const day = spec.dayOffset ? addDays(date, spec.dayOffset) : date;
      const prefix = spec.dayOffset ? `the day ${spec.dayOffset < 0 ? 'before' : 'after'} ` : '';
      // "Thursday night": TimeML puts the part of the day on the date (1998-02-12TNI).
      const part = spec.pod ? `; the ${POD_WORDS[spec.pod] ?? 'part of the day'} of that day` : '';
      return { value: formatDay(day) + (spec.pod ? `T${spec.pod}` : ''), why: `${prefix}${why}${part}`, mod: spec.mod };
    }
    case 'monthDay': {
      // "the June 30 deadline": a date naming its noun is not placed by the verb's tense.
      const tense = spec.attributive ? () => 'none' as Tense : ctx.tense;
      const picked =
        (spec.weekday !== undefined ? yearByWeekday(ref, spec.month, spec.day, spec.weekday) : null) ?? pickYear(ref, spec.month, spec.day, spec.shift, tense);
      if (!picked) return null;
      const date = { y: picked.year, m: spec.month, d: spec.day };
      if (!isValidDay(date.y, date.m, date.d)) return null;
      if (spec.week) return { value: formatWeek(date), why: `the week of ${formatDay(date)}; ${picked.why}` };
      return { value: formatDay(date), why: picked.why };
    }
    case 'month': {
      const picked = pickYear(ref, spec.month, null, spec.shift, ctx.tense);
      if (!picked) return null;
      return { value: formatMonth(picked.year, spec.month), mod: spec.mod, why: picked.why };
    }
    case 'offset':
      return resolveOffset(spec.unit, spec.amount, ref, spec.how, spec.pod, spec.mod);
    case 'season':
      return resolveSeason(spec.season, spec.shift, ref, ctx.tense, spec.mod);
    case 'holiday': {
      const pick = (y: number) => spec.dateIn(y);
      const candidates = [ref.y - 1, ref.y, ref.y + 1].map(pick);
      // A holiday week that contains the article date is this one, whatever the tense.
      const current = spec.week && spec.shift === undefined ? candidates.find((c) => formatWeek(c) === formatWeek(ref)) : undefined;
      const { date, why } = current
        ? { date: current, why: `the article date ${refText} falls in it` }
        : chooseByTense(candidates, ref, spec.shift, ctx.tense, spec.name);
      return spec.week ? { value: formatWeek(date), why: `the week of ${formatDay(date)}; ${why}` } : { value: formatDay(date), why };
    }
    case 'quarter': {
      const current = spec.half ? (ref.m <= 6 ? 1 : 2) : Math.ceil(ref.m / 3);
      const tense = ctx.tense();
      if (spec.n === 0) {
        // "the quarter" as reported: the last completed one in a past-tense sentence or a
        // report of results, else the current one.
        const back = tense === 'past' || (spec.results && tense !== 'future') ? 1 : 0;
        const index = ref.y * 4 + current - 1 - back;
        const how = !back ? 'the quarter of' : tense === 'past' ? 'past tense: the quarter before' : 'results reported: the quarter before';
        return { value: `${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`, why: `${how} the article date ${refText}` };
      }
      let year = ref.y + (spec.shift ?? 0);
      let why = spec.shift ? `${spec.shift < 0 ? 'last' : 'next'} year against the article date ${refText}` : `this year against the article date ${refText}`;
      if (spec.shift === undefined && spec.results && tense !== 'future') {
        // An earnings report's "third quarter" is the latest completed one.
        if (spec.n >= current) year--;
        why = `results reported: the latest completed ${spec.half ? 'half' : 'quarter'} of that number before the article date ${refText}`;
      } else if (spec.shift === undefined) {
        if (tense === 'past' && spec.n > current) year--;
        if (tense === 'future' && spec.n < current) year++;
        why = `${tenseWord(tense)}: the nearest such ${spec.half ? 'half' : 'quarter'} ${tense === 'future' ? 'after' : tense === 'past' ? 'before' : 'around'} the article date ${refText}`;
      }
      return { value: `${formatYear(year)}-${spec.half ? 'H' : 'Q'}${spec.n}`, why };
    }
    case 'weekend': {
      const wd = weekday(ref);
      let saturday: Ymd;
      let tense: Tense = 'none';
      if (spec.shift === -1 || (spec.shift === undefined && (tense = ctx.tense()) !== 'future')) {
        // The last weekend that has begun by the article date.
        saturday = addDays(ref, wd === 6 ? 0 : wd === 0 ? -1 : -(wd + 1));
        if (spec.shift === -1 && (wd === 6 || wd === 0)) saturday = addDays(saturday, -7);
      } else {
        saturday = addDays(ref, wd === 6 ? (spec.shift === 1 ? 7 : 0) : wd === 0 ? 6 : 6 - wd);
      }
      const label =
        spec.shift === -1 ? 'last weekend' : spec.shift === 1 ? 'next weekend' : spec.shift === 0 ? 'this weekend' : `${tenseWord(tense)}: the nearest weekend`;
      return { value: `${formatWeek(saturday)}-WE`, why: `${label} against the article date ${refText}` };
    }
    case 'time': {
      let day = ref;
      let why = `on the article date ${refText}`;
      if (spec.day) {
        const resolved = resolveRelative(spec.day, ref, ctx);
        if (!resolved) return null;
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(resolved.value);
        if (!m) return null;
        day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
        why = resolved.why;
      }
      const hh = String(spec.hour).padStart(2, '0');
      const mm = String(spec.minute).padStart(2, '0');
      return { value: `${formatDay(day)}T${hh}:${mm}`, why: `${hh}:${mm} ${why}` };
    }
    default:
      return null;
  }
}

function resolveWeekday(target: number, shift: number | undefined, ref: Ymd, tenseOf: () => Tense): { date: Ymd; why: string } {
  const name = WEEKDAY_NAMES[target];
  const refText = formatDay(ref);
  const refDay = weekday(ref);
  const back = (refDay - target + 7) % 7 || 7; // days to the previous such weekday, never 0
  const ahead = (target - refDay + 7) % 7 || 7;
  if (shift === -1) return { date: addDays(ref, -back), why: `"last": the ${name} before the article date ${refText}` };
  if (shift === 1) return { date: addDays(ref, ahead), why: `"next": the ${name} after the article date ${refText}` };
  if (refDay === target) return { date: ref, why: `the article date ${refText} is itself a ${name}` };
  const tense = tenseOf();
  if (tense === 'future' || (shift === 0 && tense !== 'past')) {
    return { date: addDays(ref, ahead), why: `${tenseWord(tense)}: the ${name} after the article date ${refText}` };
  }
  // News reports mostly look back: without a future cue the weekday is the one just past.
  return { date: addDays(ref, -back), why: `${tenseWord(tense)}: the ${name} before the article date ${refText}` };
}

/**
 * "Sunday's vote" names the day of an event: the Sunday nearest the article date, unless
 * "ahead of" / "after" or a past-tense verb says which side it lies on.
 */
function resolvePossessiveWeekday(target: number, lead: 'ahead' | 'after' | undefined, ref: Ymd, tenseOf: () => Tense): { date: Ymd; why: string } {
  const name = WEEKDAY_NAMES[target];
  const refText = formatDay(ref);
  const refDay = weekday(ref);
  if (refDay === target) return { date: ref, why: `the article date ${refText} is itself a ${name}` };
  const back = (refDay - target + 7) % 7;
  const ahead = 7 - back;
  if (lead === 'ahead') return { date: addDays(ref, ahead), why: `"${name}'s" looked forward to: the ${name} after the article date ${refText}` };
  if (lead === 'after') return { date: addDays(ref, -back), why: `"${name}'s" looked back on: the ${name} before the article date ${refText}` };
  if (back <= ahead || tenseOf() === 'past') return { date: addDays(ref, -back), why: `"${name}'s": the ${name} before the article date ${refText}` };
  return { date: addDays(ref, ahead), why: `"${name}'s": the ${name} nearest the article date ${refText}` };
}

function pickYear(ref: Ymd, month: number, day: number | null, shift: number | undefined, tenseOf: () => Tense): { year: number; why: string } | null {
  const label = day ? `${MONTH_NAMES[month - 1]} ${day}` : MONTH_NAMES[month - 1];
  const refText = formatDay(ref);
  const cmp = month - ref.m || (day === null ? 0 : day - ref.d);
  if (shift === -1) {
    return { year: cmp < 0 ? ref.y : ref.y - 1, why: `"last": the ${label} before the article date ${refText}` };
  }
  if (shift === 1) return { year: cmp > 0 ? ref.y : ref.y + 1, why: `"next": the ${label} after the article date ${refText}` };
  if (shift === 0) return { year: ref.y, why: `"this": the ${label} of the article's year` };
  const tense = tenseOf();
  if (tense === 'past') {
    return { year: cmp <= 0 ? ref.y : ref.y - 1, why: `past tense: the ${label} on or before the article date ${refText}` };
  }
  if (tense === 'future') {
    return { year: cmp >= 0 ? ref.y : ref.y + 1, why: `future tense: the ${label} on or after the article date ${refText}` };
  }
  // No tense cue: the year that puts the date nearest the article date.
  const ahead = cmp > 0 ? ref.y : ref.y + 1;
  const aheadDays = dayDiff(ref, { y: ahead, m: month, d: day ?? 15 });
  const backDays = dayDiff({ y: ahead - 1, m: month, d: day ?? 15 }, ref);
  if (cmp === 0 || aheadDays < backDays) {
    return { year: cmp === 0 ? ref.y : ahead, why: `${tenseWord(tense)}: the ${label} nearest the article date ${refText}` };
  }
  return { year: ahead - 1, why: `${tenseWord(tense)}: the ${label} nearest the article date ${refText}` };
}

/** "Monday, Oct. 26": the year, next to the article's, in which that date falls on that weekday. */
function yearByWeekday(ref: Ymd, month: number, day: number, wd: number): { year: number; why: string } | null {
  const years = [ref.y, ref.y - 1, ref.y + 1].filter((y) => isValidDay(y, month, day) && weekday({ y, m: month, d: day }) === wd);
  if (!years.length) return null;
  return { year: years[0], why: `the year near the article date ${formatDay(ref)} in which ${MONTH_NAMES[month - 1]} ${day} is a ${WEEKDAY_NAMES[wd]}` };
}

function chooseByTense(candidates: Ymd[], ref: Ymd, shift: number | undefined, tenseOf: () => Tense, name: string): { date: Ymd; why: string } {
  const refText = formatDay(ref);
  const before = candidates.filter((c) => compareYmd(c, ref) < 0).pop();
  const after = candidates.find((c) => compareYmd(c, ref) > 0);
  const same = candidates.find((c) => compareYmd(c, ref) === 0);
  if (shift === -1 && before) return { date: before, why: `"last": the ${name} before the article date ${refText}` };
  if (shift === 1 && after) return { date: after, why: `"next": the ${name} after the article date ${refText}` };
  if (same) return { date: same, why: `the article date ${refText} is ${name}` };
  const tense = tenseOf();
  if (tense === 'future' && after) return { date: after, why: `future tense: the ${name} after the article date ${refText}` };
  if (tense === 'past' && before) return { date: before, why: `past tense: the ${name} before the article date ${refText}` };
  const nearest = [before, after].filter((x): x is Ymd => !!x).sort((a, b) => Math.abs(dayDiff(ref, a)) - Math.abs(dayDiff(ref, b)))[0] ?? ref;
  return { date: nearest, why: `${tenseWord(tense)}: the ${name} nearest the article date ${refText}` };
}

function resolveOffset(unit: string, amount: number, ref: Ymd, how: string, pod: string | undefined, mod: string | undefined): Resolved | null {
  const refText = formatDay(ref);
  const against = describeOffset(unit, amount, refText, how);
  switch (unit) {
    case 'day':
      return { value: formatDay(addDays(ref, amount)) + (pod ? `T${pod}` : ''), why: against, mod };
    case 'week':
      return { value: formatWeek(addDays(ref, amount * 7)), why: against, mod };
    case 'month': {
      const d = addMonths(ref, amount);
      return { value: formatMonth(d.y, d.m), why: against, mod };
    }
    case 'quarter': {
      const index = ref.y * 4 + Math.ceil(ref.m / 3) - 1 + amount;
      return { value: `${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`, why: against, mod };
    }
    case 'year':
      return { value: formatYear(ref.y + amount), why: against, mod };
    // TimeML writes a decade with its first three digits ("199") and a century with two ("19").
    case 'decade':
      return { value: String(Math.floor(ref.y / 10) + amount).padStart(3, '0'), why: against, mod };
    case 'century':
      return { value: String(Math.floor(ref.y / 100) + amount).padStart(2, '0'), why: against, mod };
    default:
      return null;
  }
}

/** "the year before the article date 2024-08-06", "2 months before …", "the week of …". */
function describeOffset(unit: string, amount: number, refText: string, how: string): string {
  const article = `the article date ${refText}`;
  const edge = /^(start|beginning|middle|end) of/.test(how) ? `the ${how.split(' of ')[0]} of ` : '';
  const period = `${edge}the ${unit}`;
  if (amount === 0) return unit === 'day' ? article : `${period} of ${article}`;
  const side = amount < 0 ? 'before' : 'after';
  const n = Math.abs(amount);
  if (n === 1) return `${period} ${side} ${article}`;
  return `${n} ${unit}s ${side} ${article}`;
}

const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'];
const SEASON_LABEL: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'fall', WI: 'winter' };

function resolveSeason(code: string, shift: number | undefined, ref: Ymd, tenseOf: () => Tense, mod: string | undefined): Resolved {
  const refText = formatDay(ref);
  // Seasons counted from March; January and February belong to the previous year's winter.
  const current = ref.m <= 2 ? (ref.y - 1) * 4 + 3 : ref.y * 4 + Math.floor((ref.m - 3) / 3);
  const target = SEASON_ORDER.indexOf(code);
  const sameYear = Math.floor(current / 4) * 4 + target;
  const prev = sameYear < current ? sameYear : sameYear - 4;
  const next = sameYear > current ? sameYear : sameYear + 4;
  let index: number;
  let why: string;
  const label = SEASON_LABEL[code];
  if (shift === -1) [index, why] = [prev, `"last": the ${label} before the article date ${refText}`];
  else if (shift === 1) [index, why] = [next, `"next": the ${label} after the article date ${refText}`];
  else if (sameYear === current) [index, why] = [current, `the ${label} of the article date ${refText}`];
  else {
    const tense = shift === 0 ? 'none' : tenseOf();
    if (tense === 'past') [index, why] = [prev, `past tense: the ${label} before the article date ${refText}`];
    else if (tense === 'future') [index, why] = [next, `future tense: the ${label} after the article date ${refText}`];
    else [index, why] = [current - prev <= next - current ? prev : next, `the ${label} nearest the article date ${refText}`];
  }
  return { value: `${formatYear(Math.floor(index / 4))}-${code}`, why, mod };
}
