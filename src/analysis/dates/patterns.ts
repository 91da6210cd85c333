// HeidelTime-style recognition rules: each rule is a regular expression composed from
// the lexicon's fragments plus a builder that says what the match means. All rules run
// over the paragraph text; overlaps are settled longest-first, so "last Friday"
// beats "Friday" and a blocker ("6-year-old") beats the duration inside it.
import { easterSunday, nthWeekdayOfMonth, type Ymd } from './calendar';
import {
  DAY_RE, MONTHS, MONTH_LOOSE_RE, MONTH_RE, NUMBER_RE, POD_CODES, POD_RE, POSITION_MOD_RE, QUANTITY_MODS, QUANTITY_MOD_RE,
  SEASON_CODES, SEASON_RE, SETS, TIMEZONE_RE, UNIT_RE, WEEKDAYS, WEEKDAY_RE, YEAR_RE, parseNumber, parseUnit, positionMod,
  type Unit,
} from './lexicon';
import type { Candidate, TimexSpec } from './spec';

type Groups = Record<string, string | undefined>;
type Indices = Record<string, [number, number] | undefined>;

interface Rule {
  name: string;
  /** A cheap test the paragraph must pass before the full pattern runs (most paragraphs fail most gates). */
  gate?: RegExp;
  re: RegExp;
  /** Returns the meaning, or null to reject; may narrow the extent by returning start/end. */
  build(g: Groups, ctx: MatchContext): TimexSpec | { spec: TimexSpec; start?: number; end?: number } | Array<{ spec: TimexSpec; start: number; end: number }> | null;
}

interface MatchContext {
  text: string;
  start: number;
  end: number;
  indices: Indices;
}

const B = '(?<![\\w\\-])'; // start boundary: not inside a word or hyphenated compound
const E = '(?![\\w])';
const rx = (source: string, flags = 'gid') => new RegExp(source, flags);

const isCapitalised = (word: string | undefined) => !!word && /^[A-Z]/.test(word);
const monthNumber = (raw: string) => MONTHS[raw.toLowerCase().replace(/\.$/, '')];
const dayNumber = (raw: string) => parseInt(raw, 10);
const lower = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

function shiftOf(word: string | undefined): number | undefined {
  switch (lower(word)) {
    case 'last': case 'past': case 'previous': return -1;
    case 'next': case 'coming': case 'upcoming': return 1;
    case 'this': case 'current': return 0;
    default: return undefined;
  }
}

function previousWord(text: string, start: number): string {
  const m = /([A-Za-z']+)[^A-Za-z']*$/.exec(text.slice(Math.max(0, start - 30), start));
  return m ? m[1].toLowerCase() : '';
}

function nextWord(text: string, end: number): string {
  const m = /^\s*([A-Za-z']+)/.exec(text.slice(end, end + 30));
  return m ? m[1] : '';
}

// Before a bare month name these words make it a date ("in March", "since May");
// without one, "may" and "march" are a modal and a verb.
const MONTH_LEADS = new Set(['in', 'since', 'until', 'till', 'by', 'of', 'during', 'through', 'throughout', 'before', 'after', 'from', 'to', 'between', 'and', 'or', 'on', 'each', 'every', 'early', 'late', 'mid', 'last', 'next', 'this', 'the', 'that', 'end', 'beginning', 'start', 'middle', 'around', 'as', 'for']);
// Nouns that make a four-digit number a quantity, not a year ("1500 troops").
const QUANTITY_NOUNS = /^(?:people|persons|troops|soldiers|men|women|children|dollars|euros|pounds|yen|miles|kilometers|kilometres|meters|metres|feet|tons|tonnes|votes|workers|students|members|cases|deaths|acres|hectares|rounds|pages|points|barrels|shares|units|cars|homes|houses|jobs|times|calories|square|cubic)$/i;

function durationValue(amount: number | 'X', unit: Unit): string {
  if (amount === 'X') {
    const x: Record<Unit, string> = { second: 'PTXS', minute: 'PTXM', hour: 'PTXH', day: 'PXD', week: 'PXW', fortnight: 'PXW', month: 'PXM', quarter: 'PXM', year: 'PXY', decade: 'PXY', century: 'PXY' };
    return x[unit];
  }
  // Whole multiples of a larger unit keep TimeML's conventions: a decade is P10Y.
  const scaled: Record<Unit, [number, string, boolean]> = {
    second: [1, 'S', true], minute: [1, 'M', true], hour: [1, 'H', true], day: [1, 'D', false], week: [1, 'W', false],
    fortnight: [2, 'W', false], month: [1, 'M', false], quarter: [3, 'M', false], year: [1, 'Y', false], decade: [10, 'Y', false], century: [100, 'Y', false],
  };
  const [factor, letter, isTime] = scaled[unit];
  const n = amount * factor;
  if (Number.isInteger(n)) return `P${isTime ? 'T' : ''}${n}${letter}`;
  // Fractions go down one unit: 5 1/2 hours = PT5H30M, 1.5 years = P18M.
  const whole = Math.floor(n);
  const down: Record<string, [string, number, boolean]> = { H: ['M', 60, true], M: isTime ? ['S', 60, true] : ['D', 30, false], D: ['H', 24, true], W: ['D', 7, false], Y: ['M', 12, false], S: ['S', 1, true] };
  const [smaller, per, smallerIsTime] = down[letter];
  const rest = Math.round((n - whole) * per);
  if (letter === 'Y') return `P${whole * 12 + rest}M`;
  if (letter === 'W') return `P${whole * 7 + rest}D`;
  if (isTime || smallerIsTime) {
    if (!isTime) return `P${whole}DT${rest}${smaller}`;
    return `PT${whole ? whole + letter : ''}${rest}${smaller}`;
  }
  return `P${n}${letter}`;
}

type Holiday = { dateIn: (y: number) => Ymd; week?: boolean };
function holiday(name: string): Holiday | null {
  const n = lower(name).replace(/[’]/g, "'");
  const fixed = (m: number, d: number): Holiday => ({ dateIn: (y) => ({ y, m, d }) });
  if (n.startsWith('thanksgiving')) return { dateIn: (y) => nthWeekdayOfMonth(y, 11, 4, 4) };
  if (n === 'christmas eve') return fixed(12, 24);
  if (n.startsWith('christmas')) return fixed(12, 25);
  if (n === "new year's eve") return fixed(12, 31);
  if (n.startsWith("new year's")) return fixed(1, 1);
  // Holy Week ends on Easter Sunday: its Saturday fixes the ISO week.
  if (n === 'easter week') return { dateIn: (y) => { const e = easterSunday(y); return e.d > 1 ? { ...e, d: e.d - 1 } : { y, m: 3, d: 31 }; }, week: true };
  if (n === 'easter monday') return { dateIn: (y) => { const e = easterSunday(y); return { ...e, d: e.d + 1 > 31 ? e.d : e.d + 1 }; } };
  if (n.startsWith('easter')) return { dateIn: easterSunday };
  if (n === 'good friday') return { dateIn: (y) => { const e = easterSunday(y); return e.d > 2 ? { ...e, d: e.d - 2 } : { y, m: 3, d: 29 + e.d }; } };
  if (n === 'election day') return { dateIn: (y) => { const mon = nthWeekdayOfMonth(y, 11, 1, 1); return { y, m: 11, d: mon.d + 1 }; } };
  if (n === 'independence day' || n === 'fourth of july') return fixed(7, 4);
  if (n === 'memorial day') return { dateIn: (y) => nthWeekdayOfMonth(y, 5, 1, -1) };
  if (n === 'labor day') return { dateIn: (y) => nthWeekdayOfMonth(y, 9, 1, 1) };
  if (n === 'veterans day') return fixed(11, 11);
  if (n === 'halloween') return fixed(10, 31);
  if (n === "valentine's day") return fixed(2, 14);
  if (n === 'boxing day') return fixed(12, 26);
  return null;
}

const SMALL_HOURS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

function clockHour(raw: string, meridiem: string | undefined): number | null {
  const h = SMALL_HOURS[lower(raw)] ?? parseInt(raw, 10);
  if (!Number.isFinite(h) || h > 24) return null;
  const m = lower(meridiem).replace(/\W/g, '');
  if (m.startsWith('p') || m === 'afternoon' || m === 'evening' || m === 'night') return h < 12 ? h + 12 : h;
  if ((m.startsWith('a') || m === 'morning') && h === 12) return 0;
  if (m && h > 12) return null;
  return h;
}

function dayWord(word: string | undefined, pod?: string): TimexSpec | undefined {
  const w = lower(word);
  if (!w) return undefined;
  if (w in WEEKDAYS) return { kind: 'weekday', weekday: WEEKDAYS[w], pod };
  const amount = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
  return { kind: 'offset', unit: 'day', amount, pod: w === 'tonight' ? 'NI' : pod, how: w };
}

// Nouns of scheduled events: "the June 30 deadline" names a date whose year is not set by
// the sentence's tense ("agreed to pay by the June 30 deadline").
const SCHEDULED_NOUNS = /^(?:deadline|target|vote|votes|election|elections|poll|polls|referendum|runoff|summit|meeting|meetings|talks|hearing|trial|launch|ceremony|visit|conference|session|inauguration|debate|date|start|opening|handover|withdrawal|expiry|expiration|cutoff|cut-off)$/i;

/** "the June 30 deadline", "by the Nov. 20 meeting": a date naming a scheduled event. */
function modifiesNoun(ctx: MatchContext): boolean {
  const lead = /\b(by|before|until|till|for|ahead\s+of)?\s*\b(?:the|an?|its|their|his|her|our|this)\s+$/i.exec(ctx.text.slice(Math.max(0, ctx.start - 20), ctx.start));
  const next = /^\s+([a-z][a-z-]*)/.exec(ctx.text.slice(ctx.end, ctx.end + 30))?.[1];
  if (!lead || !next) return false;
  return SCHEDULED_NOUNS.test(next) || (!!lead[1] && /(?:line|date|time|target)$/i.test(next));
}

// Financial results: "third-quarter profit rose", "net income in the quarter".
const RESULTS_WORDS = /\b(?:profits?|earnings|revenues?|net\s+income|(?:net|operating)\s+loss(?:es)?|sales|per\s+share|results|operating\s+income|margins?|dividends?|turnover)\b/i;

/** Whether the sentence around a match reports financial results. */
function reportsResults(ctx: MatchContext): boolean {
  const before = ctx.text.slice(Math.max(0, ctx.start - 200), ctx.start);
  const after = ctx.text.slice(ctx.end, ctx.end + 200);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const sentenceEnd = after.search(/\.(?:\s|$)/);
  return RESULTS_WORDS.test(before.slice(sentenceStart + 1) + ' ' + (sentenceEnd < 0 ? after : after.slice(0, sentenceEnd)));
}

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ONES_WORDS = `(?:${ONES.join('|')})`;
const TEEN_WORDS = `(?:${TEENS.join('|')})`;
const TENS_WORDS = `(?:${TENS.join('|')})`;

function spelledYear(g: Groups): number | null {
  const ones = (w: string | undefined) => (w ? ONES.indexOf(lower(w)) + 1 : 0);
  if (g.small) {
    const words = lower(g.small).split(/[\s-]+/);
    const n = words[0] === 'twenty' ? 20 + ones(words[1]) : TEENS.includes(words[0]) ? 10 + TEENS.indexOf(words[0]) : ones(words[0]);
    return 2000 + n;
  }
  const century = { eighteen: 1800, nineteen: 1900, twenty: 2000 }[lower(g.hi)];
  if (!century) return null;
  if (g.oh) return century + ones(g.ones);
  if (g.teen) return century + 10 + TEENS.indexOf(lower(g.teen));
  if (g.tens) return century + 10 * (TENS.indexOf(lower(g.tens)) + 2) + ones(g.ones2);
  return null;
}

/** Narrows a match to the named group's span ("for [years]"). */
function from(ctx: MatchContext, group: string): number {
  return ctx.indices[group]?.[0] ?? ctx.start;
}
function until(ctx: MatchContext, group: string): number {
  return ctx.indices[group]?.[1] ?? ctx.end;
}

const MONTH_GATE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const UNIT_GATE = /second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur/i;

export const RULES: Rule[] = [
  {
    name: 'iso-date',
    re: rx(`${B}(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:[T ](?<hh>\\d{2}):(?<mm>\\d{2}))?${E}`),
    build: (g) => {
      const value = `${g.y}-${g.m}-${g.d}`;
      if (Number(g.m) < 1 || Number(g.m) > 12 || Number(g.d) < 1 || Number(g.d) > 31) return null;
      return g.hh ? { kind: 'absolute', type: 'TIME', value: `${value}T${g.hh}:${g.mm}` } : { kind: 'absolute', type: 'DATE', value };
    },
  },
  {
    name: 'numeric-date',
    re: rx(`${B}(?<m>\\d{1,2})/(?<d>\\d{1,2})/(?<y>\\d{4}|\\d{2})(?![\\w/])`),
    build: (g) => {
      const m = Number(g.m);
      const d = Number(g.d);
      if (m < 1 || m > 12 || d < 1 || d > 31) return null;
      const y = g.y!.length === 2 ? (Number(g.y) < 50 ? 2000 : 1900) + Number(g.y) : Number(g.y);
      return { kind: 'absolute', type: 'DATE', value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
    },
  },
  {
    // "Aug. 7", "Friday, Oct. 23", "March 5, 1946", "last Oct. 23"; "April 24 and 25" yields two dates.
    name: 'month-day',
    gate: MONTH_GATE,
    re: rx(`${B}(?:(?<shift>last|next|this)\\s+)?(?:(?<wd>${WEEKDAY_RE})\\s*,?\\s+)?(?<mon>${MONTH_LOOSE_RE})\\s*(?<day>${DAY_RE})(?![\\d:.,]\\d)(?:\\s*,?\\s*(?<year>${YEAR_RE}))?(?!\\w)(?:(?<and>\\s+(?:and|or|to|through)\\s+|-)(?<day2>${DAY_RE})(?![\\w:]|\\.\\d))?`),
    build: (g, ctx) => {
      if (!isCapitalised(g.mon)) return null;
      const month = monthNumber(g.mon!);
      const day = dayNumber(g.day!);
      if (!month || day < 1 || day > 31) return null;
      const spec: TimexSpec = g.year
        ? { kind: 'absolute', type: 'DATE', value: `${g.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` }
        : { kind: 'monthDay', month, day, shift: shiftOf(g.shift), weekday: g.wd ? WEEKDAYS[lower(g.wd)] : undefined, attributive: modifiesNoun(ctx) || undefined };
      const firstEnd = g.day2 ? (ctx.indices.and?.[0] ?? ctx.end) : ctx.end;
      const out = [{ spec, start: ctx.start, end: firstEnd }];
      const day2 = g.day2 ? dayNumber(g.day2) : 0;
      if (day2 > day && day2 <= 31 && !g.year) {
        out.push({ spec: { kind: 'monthDay', month, day: day2, shift: shiftOf(g.shift) }, start: from(ctx, 'day2'), end: until(ctx, 'day2') });
      }
      return out;
    },
  },
  {
    name: 'day-month',
    gate: MONTH_GATE,
    re: rx(`${B}(?:the\\s+)?(?<day>${DAY_RE})\\s+(?:of\\s+)?(?<mon>${MONTH_LOOSE_RE})(?:\\s*,?\\s*(?<year>${YEAR_RE}))?(?!\\w)`),
    build: (g) => {
      if (!isCapitalised(g.mon)) return null;
      const month = monthNumber(g.mon!);
      const day = dayNumber(g.day!);
      if (!month || day < 1 || day > 31) return null;
      if (g.year) return { kind: 'absolute', type: 'DATE', value: `${g.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
      return { kind: 'monthDay', month, day };
    },
  },
  {
    name: 'week-of',
    gate: /week of/i,
    re: rx(`${B}the\\s+week\\s+of\\s+(?<mon>${MONTH_LOOSE_RE})\\s*(?<day>${DAY_RE})(?:\\s*,?\\s*(?<year>${YEAR_RE}))?${E}`),
    build: (g) => {
      const month = monthNumber(g.mon!);
      if (!month || !isCapitalised(g.mon)) return null;
      return { kind: 'monthDay', month, day: dayNumber(g.day!), week: true };
    },
  },
  {
    name: 'month-year',
    gate: MONTH_GATE,
    re: rx(`${B}(?<pm>${POSITION_MOD_RE})?(?<mon>${MONTH_LOOSE_RE})\\s*,?\\s*(?:of\\s+)?(?<year>${YEAR_RE})${E}`),
    build: (g) => {
      if (!isCapitalised(g.mon)) return null;
      const month = monthNumber(g.mon!);
      if (!month) return null;
      return { kind: 'absolute', type: 'DATE', value: `${g.year}-${String(month).padStart(2, '0')}`, mod: positionMod(g.pm) };
    },
  },
  {
    name: 'month',
    gate: MONTH_GATE,
    re: rx(`${B}(?<pm>${POSITION_MOD_RE})?(?:(?<shift>last|next|this|coming|past)\\s+)?(?<mon>${MONTH_RE})(?!\\w)`),
    build: (g, ctx) => {
      if (!isCapitalised(g.mon)) return null;
      const month = monthNumber(g.mon!);
      if (!month) return null;
      const bare = !g.pm && !g.shift;
      const word = g.mon!.toLowerCase();
      if (bare) {
        const before = previousWord(ctx.text, ctx.start);
        const after = nextWord(ctx.text, ctx.end);
        // "May" and "March" are mostly a modal and a verb; other months mostly dates,
        // but "June Carter" and "August Wilson" are names.
        if ((word === 'may' || word === 'march') && !MONTH_LEADS.has(before)) return null;
        if (!MONTH_LEADS.has(before) && /^[A-Z]/.test(after)) return null;
        // "the March of the Combatant Mothers", "the March on Washington": a name, not a month.
        if (/^\s+(?:of|on)\s+(?:the\s+)?[A-Z]/.test(ctx.text.slice(ctx.end, ctx.end + 30))) return null;
      }
      return { kind: 'month', month, shift: shiftOf(g.shift), mod: positionMod(g.pm) };
    },
  },
  {
    name: 'season-year',
    gate: /spring|summer|fall|autumn|winter/i,
    re: rx(`${B}(?:the\\s+)?(?<pm>${POSITION_MOD_RE})?(?<season>${SEASON_RE})\\s+(?:of\\s+)?(?<year>${YEAR_RE})${E}`),
    build: (g) => ({ kind: 'absolute', type: 'DATE', value: `${g.year}-${SEASON_CODES[lower(g.season)]}`, mod: positionMod(g.pm) }),
  },
  {
    name: 'year',
    gate: /\d{4}/,
    re: rx(`${B}(?:(?<pm>${POSITION_MOD_RE})|(?<pre>(?:post|pre)-)|(?<the>the\\s+year\\s+))?(?<year>${YEAR_RE})(?![\\w%]|[-/]\\d|,\\d|\\.\\d)`),
    build: (g, ctx) => {
      const before = ctx.text.slice(Math.max(0, ctx.start - 2), ctx.start);
      if (/[$£€#]\s*$/.test(before) || /\d[,.]?$/.test(before)) return null;
      const after = nextWord(ctx.text, ctx.end);
      if (QUANTITY_NOUNS.test(after) || /^(?:GMT|UTC|[ECMP][SD]T|hours|hrs|local)$/i.test(after)) return null; // "1700 GMT" is a clock time
      const prev = previousWord(ctx.text, ctx.start);
      if (['about', 'some', 'nearly', 'around', 'approximately', 'than', 'flight', 'route', 'room', 'no', 'number', 'resolution', 'highway'].includes(prev)) return null;
      return { kind: 'absolute', type: 'DATE', value: g.year!, mod: positionMod(g.pm) };
    },
  },
  {
    // "year-earlier", "year-ago": the same period a year before the one under discussion.
    name: 'year-ago-adjective',
    gate: /-(?:ago|earlier)\b/i,
    re: rx(`${B}(?<unit>year|month|week|quarter)-(?:ago|earlier)(?![\\w-])`),
    build: (g) => {
      const unit = lower(g.unit);
      // A quarter earlier is three months; anchored units are day, week, month and year.
      if (unit === 'quarter') return { kind: 'anchored', unit: 'month', amount: -3, fallback: 'DATE' };
      return { kind: 'anchored', unit: unit as 'year' | 'month' | 'week', amount: -1, fallback: 'DATE' };
    },
  },
  {
    // "nineteen ninety-six", "nineteen eighty", "two thousand and one": years in words.
    name: 'spelled-year',
    gate: /nineteen|eighteen|twenty|thousand/i,
    re: rx(`${B}(?:(?<hi>eighteen|nineteen|twenty)[\\s-]+(?:(?<oh>oh|o)[\\s-]+(?<ones>${ONES_WORDS})|(?<teen>${TEEN_WORDS})|(?<tens>${TENS_WORDS})(?:[\\s-]+(?<ones2>${ONES_WORDS}))?)|two\\s+thousand(?:\\s+and)?\\s+(?<small>${ONES_WORDS}|${TEEN_WORDS}|twenty(?:[\\s-]+${ONES_WORDS})?))${E}`),
    build: (g, ctx) => {
      if (QUANTITY_NOUNS.test(nextWord(ctx.text, ctx.end))) return null;
      const year = spelledYear(g);
      if (year === null) return null;
      return { kind: 'absolute', type: 'DATE', value: String(year) };
    },
  },
  {
    // "1999-2000", "1994-97": two years, tagged one by one.
    name: 'year-range',
    gate: /\d{4}[-–]\d/,
    re: rx(`${B}(?<y1>${YEAR_RE})[-–](?<y2>${YEAR_RE}|\\d{2})(?![\\w%]|[-/]\\d)`),
    build: (g, ctx) => {
      const y1 = Number(g.y1);
      const y2 = g.y2!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(g.y2) : Number(g.y2);
      if (y2 <= y1 || y2 - y1 > 50) return null;
      return [
        { spec: { kind: 'absolute', type: 'DATE', value: g.y1! }, start: ctx.start, end: until(ctx, 'y1') },
        { spec: { kind: 'absolute', type: 'DATE', value: String(y2) }, start: from(ctx, 'y2'), end: ctx.end },
      ];
    },
  },
  {
    name: 'decade',
    gate: /0'?s\b/,
    re: rx(`${B}(?<pm>${POSITION_MOD_RE})?(?:(?<dec>1[6-9]\\d0|20\\d0)'?s|'(?<short>\\d)0s)${E}`),
    build: (g) => {
      const stem = g.dec ? g.dec.slice(0, 3) : `${Number(g.short) >= 3 ? 19 : 20}${g.short}`;
      // TimeML: "the 1990s" is 199, the decade's first three digits.
      return { kind: 'absolute', type: 'DATE', value: stem, mod: positionMod(g.pm) };
    },
  },
  {
    name: 'century',
    gate: /century/i,
    re: rx(`${B}(?:the\\s+)?(?<pm>${POSITION_MOD_RE})?(?<ord>1[0-9]th|20th|21st|nineteenth|twentieth|twenty-first)\\s+century${E}`),
    build: (g) => {
      const ord: Record<string, number> = { nineteenth: 19, twentieth: 20, 'twenty-first': 21 };
      const n = ord[lower(g.ord)] ?? parseInt(g.ord!, 10);
      // TimeML: "the 20th century" is 19, the century's first two digits.
      return { kind: 'absolute', type: 'DATE', value: String(n - 1).padStart(2, '0'), mod: positionMod(g.pm) };
    },
  },
  {
    // "Friday", "last Friday", "Friday night", "the day before last Tuesday".
    name: 'weekday',
    gate: /day\b/i,
    re: rx(`${B}(?:(?<rel>the\\s+day\\s+(?:before|after))\\s+)?(?:(?<shift>last|next|this|coming|past|previous)\\s+)?(?<wd>${WEEKDAY_RE})(?:\\s+(?<pod>${POD_RE}))?(?!\\w)`),
    build: (g, ctx) => {
      if (!isCapitalised(g.wd)) return null;
      const dayOffset = g.rel ? (/before/i.test(g.rel) ? -1 : 1) : undefined;
      const spec: TimexSpec = { kind: 'weekday', weekday: WEEKDAYS[lower(g.wd)], shift: shiftOf(g.shift), pod: g.pod ? POD_CODES[lower(g.pod)] : undefined, dayOffset };
      // "Sunday's vote": the day of an event named by the noun, not governed by the sentence's verb.
      if (!g.pod && /^['’]s\b/.test(ctx.text.slice(ctx.end, ctx.end + 3))) {
        spec.possessive = true;
        const lead = /\b(ahead\s+of|before|until|till|for|towards?)\s+(?:this\s+)?$/i.exec(ctx.text.slice(Math.max(0, ctx.start - 20), ctx.start))?.[1]
          ?? /\b(after|since|following|from)\s+(?:last\s+)?$/i.exec(ctx.text.slice(Math.max(0, ctx.start - 20), ctx.start))?.[1];
        if (lead) spec.lead = /^(?:after|since|following|from)$/i.test(lead) ? 'after' : 'ahead';
      }
      return spec;
    },
  },
  {
    name: 'day-words',
    gate: /today|tonight|tomorrow|yesterday|morning|afternoon|evening|night/i,
    re: rx(`${B}(?:(?<rel>the\\s+day\\s+(?:before\\s+yesterday|after\\s+tomorrow))|(?<w>today|tonight|tomorrow|yesterday)(?:\\s+(?<pod>morning|afternoon|evening|night))?|(?<this>this|last)\\s+(?<pod2>morning|afternoon|evening|night))${E}`),
    build: (g) => {
      if (g.rel) return { kind: 'offset', unit: 'day', amount: /before/i.test(g.rel) ? -2 : 2, how: lower(g.rel) };
      if (g.w) return dayWord(g.w, g.pod ? POD_CODES[lower(g.pod)] : undefined)!;
      const last = lower(g.this) === 'last';
      return { kind: 'offset', unit: 'day', amount: last ? -1 : 0, pod: POD_CODES[lower(g.pod2)], how: `${lower(g.this)} ${lower(g.pod2)}` };
    },
  },
  {
    // "10:35 a.m.", "9 a.m. EST Tuesday", "6 p.m. today".
    name: 'clock-time',
    gate: /\d\s*[ap]\.?m/i,
    re: rx(`${B}(?<h>\\d{1,2})(?:[:.](?<min>\\d{2}))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)(?!\\w)(?:\\s+(?<tz>${TIMEZONE_RE}))?(?:\\s*(?:,\\s*|on\\s+)?(?<day>${WEEKDAY_RE}|today|tomorrow|yesterday|tonight)(?!\\w))?`),
    build: (g) => {
      const hour = clockHour(g.h!, g.ap);
      const minute = g.min ? Number(g.min) : 0;
      if (hour === null || minute > 59) return null;
      if (/^(am|pm)$/.test(g.ap!) && g.ap !== g.ap!.toLowerCase()) return null;
      return { kind: 'time', hour, minute, day: g.day && isDayWord(g.day) ? dayWord(g.day) : undefined };
    },
  },
  {
    name: 'clock-24h',
    gate: /\d:\d/,
    re: rx(`${B}(?<h>[01]?\\d|2[0-3]):(?<min>[0-5]\\d)(?!\\w|:|\\.\\d)(?:\\s+(?<tz>${TIMEZONE_RE}))?`),
    build: (g) => ({ kind: 'time', hour: Number(g.h), minute: Number(g.min) }),
  },
  {
    name: 'clock-words',
    gate: /o['’]clock|in the morning|in the afternoon|in the evening|at night/i,
    re: rx(`${B}(?<h>\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:(?<oclock>\\s+o['’]clock)(?:\\s+(?:in\\s+the\\s+(?<pod1>morning|afternoon|evening)|at\\s+night))?|\\s+(?:in\\s+the\\s+(?<pod>morning|afternoon|evening)|at\\s+night))${E}`),
    build: (g, ctx) => {
      const pod = g.pod ?? g.pod1 ?? (/night/i.test(ctx.text.slice(ctx.start, ctx.end)) ? 'night' : undefined);
      const hour = clockHour(g.h!, pod);
      return hour === null ? null : { kind: 'time', hour, minute: 0 };
    },
  },
  {
    name: 'noon',
    gate: /noon|midday|midnight/i,
    re: rx(`${B}(?:(?<day>${WEEKDAY_RE}|today|tomorrow|yesterday)\\s+(?:at\\s+)?)?(?<w>noon|midday|midnight)(?:\\s+(?<day2>${WEEKDAY_RE}|today|tomorrow|yesterday))?${E}`),
    build: (g, ctx) => {
      if (!g.day && (/^N/.test(g.w!) || previousWord(ctx.text, ctx.start) === 'high')) return null; // "High Noon", "high noon"
      const day = dayWord(g.day ?? g.day2);
      return { kind: 'time', hour: lower(g.w) === 'midnight' ? 24 : 12, minute: 0, day };
    },
  },
  {
    name: 'references',
    gate: /now|current|present|these days|recent|lately|past|future/i,
    re: rx(`${B}(?<w>now|currently|current|nowadays|presently|these\\s+days|recently|lately|the\\s+past|the\\s+future|future)${E}`),
    build: (g, ctx) => {
      const w = lower(g.w);
      if (w === 'future' && ['a', 'an', 'no', 'bright', 'uncertain'].includes(previousWord(ctx.text, ctx.start))) return null;
      if (w === 'the past' && /^\s+(?:is|was)\b/i.test(ctx.text.slice(ctx.end))) return null;
      const value = w === 'recently' || w === 'lately' || w === 'the past' ? 'PAST_REF' : w.includes('future') ? 'FUTURE_REF' : 'PRESENT_REF';
      return { kind: 'ref', value };
    },
  },
  {
    // "last year", "this week", "next month", "early next week", "the past decade", "the coming year".
    name: 'relative-unit',
    gate: /last|this|next|past|previous|coming|following|preceding|current/i,
    re: rx(`${B}(?:(?<the>the)\\s+)?(?:(?<pm>early|late|mid)[\\s-]+)?(?<rel>this\\s+past|this\\s+coming|last|this|next|past|previous|coming|following|preceding|current|upcoming)\\s+(?<unit>week|month|year|quarter|decade|century|weekend|spring|summer|fall|autumn|winter)${E}`),
    build: (g) => {
      const rel = lower(g.rel).replace(/^this (past|coming)$/, (_, w: string) => (w === 'past' ? 'last' : 'next'));
      const unitWord = lower(g.unit);
      const mod = positionMod(g.pm);
      if (rel === 'following' || rel === 'preceding' || (g.the && rel === 'previous')) {
        if (unitWord in SEASON_CODES || unitWord === 'weekend' || unitWord === 'quarter' || unitWord === 'decade' || unitWord === 'century') return null;
        return { kind: 'anchored', unit: unitWord as 'week' | 'month' | 'year', amount: rel === 'following' ? 1 : -1, fallback: 'DATE' };
      }
      if (g.the && rel === 'next' && unitWord !== 'decade' && unitWord !== 'century' && !(unitWord in SEASON_CODES) && unitWord !== 'weekend') {
        return { kind: 'duration', value: durationValue(1, unitWord as Unit) };
      }
      // "the past year", "the last decade", "past decade": a stretch of time up to now.
      if ((g.the && (rel === 'past' || rel === 'last' || rel === 'coming')) || (rel === 'past' && (unitWord === 'decade' || unitWord === 'century'))) {
        if (unitWord === 'weekend') return { kind: 'weekend', shift: rel === 'coming' ? 1 : -1 };
        if (unitWord in SEASON_CODES) return { kind: 'season', season: SEASON_CODES[unitWord], shift: rel === 'coming' ? 1 : -1 };
        return { kind: 'duration', value: durationValue(1, unitWord as Unit) };
      }
      const shift = shiftOf(rel) ?? 0;
      if (unitWord in SEASON_CODES) return { kind: 'season', season: SEASON_CODES[unitWord], shift, mod };
      if (unitWord === 'weekend') return { kind: 'weekend', shift };
      const unit = unitWord === 'decade' ? 'decade' : unitWord === 'century' ? 'century' : (unitWord as 'week' | 'month' | 'year' | 'quarter');
      return { kind: 'offset', unit, amount: shift, mod, how: `${rel} ${unitWord}` };
    },
  },
  {
    name: 'the-weekend',
    gate: /weekend/i,
    re: rx(`${B}the\\s+weekend${E}`),
    build: () => ({ kind: 'weekend' }),
  },
  {
    // "that same day", "earlier that day", "later that year", "the next morning", "the following day".
    name: 'anchored-words',
    gate: /that|same|next|following|previous|preceding/i,
    re: rx(`${B}(?:(?<adv>earlier|later)\\s+)?(?:(?<that>that|the\\s+same|that\\s+same)\\s+(?<unit>day|night|morning|afternoon|evening|week|month|year)|the\\s+(?<rel>next|following|previous|preceding)\\s+(?<unit2>day|night|morning|afternoon|evening))${E}`),
    build: (g) => {
      const word = lower(g.unit ?? g.unit2);
      const pod = POD_CODES[word];
      const unit = pod ? 'day' : (word as 'day' | 'week' | 'month' | 'year');
      const amount = g.rel ? (/next|following/i.test(g.rel) ? 1 : -1) : 0;
      if (!g.rel && /^that$/i.test(g.that ?? '') && !g.adv && unit !== 'day' && !pod) return null; // "that year" alone is too vague
      return { kind: 'anchored', unit, amount, pod, fallback: 'DATE' };
    },
  },
  {
    // Ages are not durations: "6-year-old", "25 years old".
    name: 'age-blocker',
    gate: /\bold\b/i,
    re: rx(`${B}(?:${NUMBER_RE})[\\s-]+(?:years?|months?|weeks?|days?)[\\s-]+old${E}`),
    build: () => ({ kind: 'block' }),
  },
  {
    // "three days", "the past two months", "more than a year", "two days later", "50 years ago", "5 1/2 hours".
    name: 'quantity',
    gate: UNIT_GATE,
    re: rx(`${B}(?:(?<qm>${QUANTITY_MOD_RE})\\s+)?(?:(?<approx>nearly|almost|about|around|some|roughly|approximately)\\s+)?(?:(?<the>the)\\s+)?(?:(?<rel>past|last|next|coming|first|previous|following|final|recent|other)\\s+)?(?<num>${NUMBER_RE})\\s+(?:(?:more|additional|straight|consecutive|full|long|whole|extra|short)\\s+)?(?<unit>${UNIT_RE})(?<half>\\s+and\\s+a\\s+half)?(?:\\s+(?<dir>ago|earlier|later|from\\s+now|hence|before|after|back))?(?![\\w-])`),
    build: (g, ctx) => {
      const unit = parseUnit(g.unit!);
      let amount = parseNumber(g.num!);
      if (!unit || amount === null) return null;
      const numWord = lower(g.num);
      // "a second letter", "one day, he…": not durations.
      if ((numWord === 'a' || numWord === 'an' || numWord === 'single') && unit === 'second') return null;
      if (g.half && amount !== 'X') amount += 0.5;
      const dir = lower(g.dir);
      const rel = lower(g.rel);
      if ((rel === 'first' || rel === 'final' || rel === 'other') && !g.the) return null;
      if (/^[A-Z][a-z]/.test(g.unit!)) return null; // a title ("60 Minutes"), not a duration
      if ((unit === 'century' || unit === 'decade') && !/s$/i.test(g.unit!) && typeof amount === 'number' && amount > 1) return null; // "a 14 century emperor"
      // "over the past 20 years": "over" is a preposition there, not "more than".
      const qmIsPreposition = !!g.qm && !!g.the;
      const mod = g.qm && !qmIsPreposition ? QUANTITY_MODS[lower(g.qm)] : undefined;
      const ago = dir === 'ago' || dir === 'back' || dir === 'from now' || dir === 'hence';
      // TimeML keeps "almost four years ago" whole but leaves "about"/"nearly" outside a bare duration.
      let start = qmIsPreposition ? from(ctx, 'the') : g.approx && !ago && !g.qm ? from(ctx, 'approx') + g.approx.length : ctx.start;
      while (/\s/.test(ctx.text[start] ?? '')) start++;
      if (ago) {
        if (amount === 'X') return { spec: { kind: 'ref', value: dir === 'ago' || dir === 'back' ? 'PAST_REF' : 'FUTURE_REF' }, start };
        const sign = dir === 'ago' || dir === 'back' ? -1 : 1;
        return { spec: agoSpec(unit, amount, sign, mod), start };
      }
      const value = durationValue(amount, unit);
      const signalEnd = g.half ? until(ctx, 'half') : until(ctx, 'unit');
      if (dir === 'before' || dir === 'after') {
        // "two days after the attack": TimeML tags the duration; "after" is a signal outside it.
        return { spec: { kind: 'duration', value, mod }, start, end: signalEnd };
      }
      if (dir === 'later' || dir === 'earlier') {
        const calendar = unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year' || unit === 'decade' || unit === 'fortnight';
        if (calendar && amount !== 'X' && Number.isInteger(amount) && !mod) {
          const sign = dir === 'earlier' ? -1 : 1;
          const [u, n] = unit === 'decade' ? ['year', amount * 10] : unit === 'fortnight' ? ['week', amount * 2] : [unit, amount];
          return { spec: { kind: 'anchored', unit: u as 'day' | 'week' | 'month' | 'year', amount: sign * n, fallback: 'DATE' }, start };
        }
        // "just over an hour later": the duration is the timex.
        return { spec: { kind: 'duration', value, mod }, start, end: signalEnd };
      }
      if (start !== ctx.start) return { spec: { kind: 'duration', value, mod }, start };
      // "three shifts a day", "$1 billion a year", "seven days a week": a rate, i.e. a SET.
      if ((numWord === 'a' || numWord === 'an') && !g.the && !g.rel && !g.qm && !g.approx && !g.half && unit !== 'decade' && unit !== 'century') {
        const before = ctx.text.slice(Math.max(0, ctx.start - 24), ctx.start);
        if (/(?:\d|%|\b(?:million|billion|trillion|percent|times|once|twice|[a-z]{2,}s))\s+$/i.test(before) && !/\b(?:was|is|has|had|for|in|within|than|over|about|after|before|lasts?|took|takes)\s+$/i.test(before)) {
          return { kind: 'set', value };
        }
      }
      return { kind: 'duration', value, mod };
    },
  },
  {
    // "16-hour flight", "two-day visit", "decades-long", "day-long".
    name: 'quantity-adjective',
    gate: /-(?:second|minute|hour|day|week|month|year|decade|century)|s?-long/i,
    re: rx(`${B}(?:(?<num>${NUMBER_RE})-)?(?<unit>second|minute|hour|day|week|month|year|decade|century|seconds|minutes|hours|days|weeks|months|years|decades)(?<long>-long)?(?![\\w-])`),
    build: (g, ctx) => {
      const unit = parseUnit(g.unit!);
      if (!unit) return null;
      if (!g.num) {
        if (!g.long) return null;
        return { kind: 'duration', value: durationValue(/s$/i.test(g.unit!) ? 'X' : 1, unit) };
      }
      if (/s$/i.test(g.unit!)) return null;
      const amount = parseNumber(g.num.replace(/-/g, ' '));
      if (amount === null || ctx.text[ctx.start + g.num.length] !== '-') return null;
      return { kind: 'duration', value: durationValue(amount, unit) };
    },
  },
  {
    name: 'half-unit',
    gate: /half/i,
    re: rx(`${B}(?:half\\s+an?\\s+|an?\\s+half[\\s-])(?<unit>hour|day|year|month|minute|week|century)${E}`),
    build: (g) => {
      const unit = parseUnit(g.unit!);
      return unit ? { kind: 'duration', value: durationValue(0.5, unit) } : null;
    },
  },
  {
    // "for years", "in the weeks before", "over the coming weeks", "in recent days".
    name: 'vague-units',
    gate: UNIT_GATE,
    re: rx(`${B}(?:(?<lead>for|over|within|during|in|throughout)\\s+)?(?<the>the\\s+)?(?:(?<adj>past|last|next|coming|recent|following|previous)\\s+)?(?<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:\\s+(?<ago>ago))?${E}`),
    build: (g, ctx) => {
      const unit = parseUnit(g.unit!)!;
      // TimeML keeps "the past/coming" in the extent but leaves the preposition out.
      const start = g.adj ? (g.the ? from(ctx, 'the') : from(ctx, 'adj')) : from(ctx, 'unit');
      if (g.ago) return { spec: { kind: 'ref', value: 'PAST_REF' }, start };
      if (!g.lead && !g.adj) return null;
      if (!g.adj && g.lead && !['for', 'over', 'within', 'during', 'in', 'throughout'].includes(lower(g.lead))) return null;
      if (!g.adj && lower(g.lead) === 'in' && !g.the) return null; // "in days" is rare; "in the days" is common
      return { spec: { kind: 'duration', value: durationValue('X', unit) }, start };
    },
  },
  {
    name: 'sets',
    gate: /ly\b|every|each|once|twice|times/i,
    re: rx(`${B}(?:(?<w>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually)|(?:every|each)\\s+(?:(?<other>other|single)\\s+)?(?<unit>day|week|month|year|hour|minute|morning|afternoon|evening|night|weekend|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))|(?<freq>once|twice|(?:${NUMBER_RE})\\s+times)\\s+(?:a|an|per|each|every)\\s+(?<unit2>day|week|month|year|hour|minute|decade))${E}`),
    build: (g) => {
      if (g.w) return { kind: 'set', value: SETS[lower(g.w)] };
      const word = lower(g.unit ?? g.unit2);
      const every = g.other ? 2 : 1;
      let value: string;
      if (word in WEEKDAYS) value = `XXXX-WXX-${WEEKDAYS[word] === 0 ? 7 : WEEKDAYS[word]}`;
      else if (word in POD_CODES) value = `TXX${POD_CODES[word]}`.replace(/^TXX/, 'T');
      else if (word === 'weekend') value = 'XXXX-WXX-WE';
      else value = durationValue(every, parseUnit(word)!);
      const freqWord = lower(g.freq);
      const n = freqWord === 'once' ? 1 : freqWord === 'twice' ? 2 : freqWord ? parseNumber(freqWord.replace(/\s+times$/, '')) : null;
      return { kind: 'set', value, freq: typeof n === 'number' ? `${n}X` : undefined };
    },
  },
  {
    name: 'holidays',
    gate: /thanksgiving|christmas|new year|easter|good friday|election day|independence day|fourth of july|memorial day|labor day|veterans day|halloween|valentine|boxing day/i,
    re: rx(`${B}(?:(?<shift>last|next|this)\\s+)?(?<h>Thanksgiving(?:\\s+Day)?|Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year['’]s(?:\\s+(?:Day|Eve))?|Easter(?:\\s+(?:Sunday|Monday|week))?|Good\\s+Friday|Election\\s+Day|Independence\\s+Day|Fourth\\s+of\\s+July|Memorial\\s+Day|Labor\\s+Day|Veterans\\s+Day|Halloween|Valentine['’]s\\s+Day|Boxing\\s+Day)${E}`, 'gd'),
    build: (g) => {
      const h = holiday(g.h!);
      if (!h) return null;
      return { kind: 'holiday', name: g.h!, dateIn: h.dateIn, week: h.week, shift: shiftOf(g.shift) };
    },
  },
  {
    // "fiscal 1999", "fiscal year 2001": the budget year, FY in TIMEX3.
    name: 'fiscal-year',
    gate: /fiscal/i,
    re: rx(`${B}(?:fiscal\\s+(?:year\\s+)?(?<year>${YEAR_RE})|the\\s+(?<year2>${YEAR_RE})\\s+fiscal\\s+year)${E}`),
    build: (g) => ({ kind: 'absolute', type: 'DATE', value: `FY${g.year ?? g.year2}` }),
  },
  {
    // "the end of the year", "the beginning of next month", "year-end".
    name: 'part-of-period',
    gate: /(?:end|beginning|start|middle) of|-end\b/i,
    re: rx(`${B}(?:the\\s+(?<part>end|beginning|start|middle)\\s+of\\s+(?:the\\s+|(?<rel>this|last|next|the\\s+current)\\s+)?(?<unit>year|month|week|quarter|decade|century)|(?<ye>year|month)-end)${E}`),
    build: (g) => {
      const unitWord = lower(g.unit ?? g.ye) as 'year' | 'month' | 'week' | 'quarter' | 'decade' | 'century';
      const shift = shiftOf(lower(g.rel).replace(/^the /, '')) ?? 0;
      return { kind: 'offset', unit: unitWord, amount: shift, mod: g.ye ? 'END' : positionMod(g.part), how: `${lower(g.part ?? 'end')} of ${g.rel ? lower(g.rel) + ' ' : 'the '}${unitWord}` };
    },
  },
  {
    // "in the spring", "by autumn", "late summer": the season nearest by tense.
    name: 'season',
    gate: /spring|summer|fall|autumn|winter/i,
    re: rx(`${B}(?<lead>in|during|by|until|since|through|throughout|over|before|after|for)\\s+(?<the>the\\s+)?(?<pm>(?:early|late|mid)[\\s-]+)?(?<season>spring|summer|autumn|winter|fall)(?!\\s+(?:of\\s+)?(?:\\d|the\\b))${E}`),
    build: (g, ctx) => {
      if (lower(g.season) === 'fall' && !g.the && !g.pm) return null; // "in fall" is rare; "by fall" can be a verb phrase
      const start = g.the ? from(ctx, 'the') : g.pm ? from(ctx, 'pm') : from(ctx, 'season');
      return { spec: { kind: 'season', season: SEASON_CODES[lower(g.season)], mod: positionMod(g.pm) }, start };
    },
  },
  {
    // Financial news: "the quarter" is the one being reported, "the year" the current one
    // ("earlier in the year", "for the year"); other uses ("the year before") are left alone.
    name: 'the-period',
    gate: /the (?:latest |recent |current )?(?:quarter|year)/i,
    re: rx(`${B}(?<lead>for|during|in|earlier\\s+in|later\\s+in|so\\s+far\\s+in|through|of)\\s+(?<the>the\\s+(?:(?<latest>latest|recent|current)\\s+)?(?<unit>quarter|year))(?!\\s+(?:before|after|that|when|in\\s+which|of|ending|ended|earlier|ago|to\\b)|[-\\w])`),
    build: (g, ctx) => {
      const unit = lower(g.unit);
      if (unit === 'year' && g.latest) return null;
      const spec: TimexSpec = unit === 'quarter' ? { kind: 'quarter', n: 0, results: reportsResults(ctx) || undefined } : { kind: 'offset', unit: 'year', amount: 0, how: 'the year' };
      return { spec, start: from(ctx, 'the') };
    },
  },
  {
    name: 'quarters',
    gate: /quarter|half/i,
    re: rx(`${B}(?:the\\s+)?(?<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\\s-](?<q>quarter|half)(?:\\s+of\\s+(?:(?<year>${YEAR_RE})|(?<rel>this|last|next)\\s+year))?${E}`),
    build: (g, ctx) => {
      const ords: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
      const half = lower(g.q) === 'half';
      const o = lower(g.ord);
      const n = ords[o] ?? (o === 'final' || o === 'last' ? (half ? 2 : 4) : 0);
      if (!n || (half && n > 2)) return null;
      if (g.year) return { kind: 'absolute', type: 'DATE', value: `${g.year}-${half ? 'H' : 'Q'}${n}` };
      return { kind: 'quarter', half, n, shift: shiftOf(g.rel), results: reportsResults(ctx) || undefined };
    },
  },
];

/** Weekday names count only capitalised; "today" and friends in any case. */
function isDayWord(word: string): boolean {
  return !(lower(word) in WEEKDAYS) || isCapitalised(word);
}

/** "two months ago" → the month two before the article date; granularity follows the unit. */
function agoSpec(unit: Unit, amount: number, sign: number, mod: string | undefined): TimexSpec {
  const how = `${amount} ${unit}${amount === 1 ? '' : 's'} ${sign < 0 ? 'before' : 'after'}`;
  const m = mod === 'MORE_THAN' ? (sign < 0 ? 'BEFORE' : 'AFTER') : mod === 'LESS_THAN' ? (sign < 0 ? 'AFTER' : 'BEFORE') : undefined;
  switch (unit) {
    case 'second': case 'minute': case 'hour':
      return { kind: 'offset', unit: 'day', amount: 0, mod: m, how };
    case 'day': return { kind: 'offset', unit: 'day', amount: sign * Math.round(amount), mod: m, how };
    case 'week': case 'fortnight': return { kind: 'offset', unit: 'week', amount: sign * Math.round(amount * (unit === 'fortnight' ? 2 : 1)), mod: m, how };
    case 'month': return { kind: 'offset', unit: 'month', amount: sign * Math.round(amount), mod: m, how };
    case 'quarter': return { kind: 'offset', unit: 'quarter', amount: sign * Math.round(amount), mod: m, how };
    case 'year': return { kind: 'offset', unit: 'year', amount: sign * Math.round(amount), mod: m, how };
    case 'decade': return { kind: 'offset', unit: 'year', amount: sign * Math.round(amount * 10), mod: m, how };
    case 'century': return { kind: 'offset', unit: 'year', amount: sign * Math.round(amount * 100), mod: m, how };
  }
}

/** Runs every rule over the text and keeps the longest non-overlapping matches. */
export function findCandidates(text: string): Candidate[] {
  const found: Array<Candidate & { order: number }> = [];
  let order = 0;
  for (const rule of RULES) {
    if (rule.gate && !rule.gate.test(text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const ctx: MatchContext = { text, start: m.index, end: m.index + m[0].length, indices: (m.indices?.groups ?? {}) as Indices };
      const built = rule.build((m.groups ?? {}) as Groups, ctx);
      if (!built) continue;
      const items = Array.isArray(built) ? built : 'kind' in built ? [{ spec: built }] : [built];
      for (const item of items) {
        const spec = item.spec as TimexSpec;
        let start = (item as { start?: number }).start ?? ctx.start;
        let end = (item as { end?: number }).end ?? ctx.end;
        // A sentence-final "a.m." or "Feb. 4." keeps its period only when it is part of the word.
        while (end > start && /\s/.test(text[end - 1])) end--;
        while (start < end && /\s/.test(text[start])) start++;
        if (end > start) found.push({ start, end, spec, order: order++ });
      }
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order);
  const kept: Candidate[] = [];
  const taken = new Uint8Array(text.length + 1); // characters already covered by a longer match
  for (const c of found) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push({ start: c.start, end: c.end, spec: c.spec });
  }
  return kept.filter((c) => c.spec.kind !== 'block').sort((a, b) => a.start - b.start);
}
