// What the date rules share: the rule shape, pattern boundaries, and the small readers
// and builders (numbers, words around a match, durations, holidays, clock hours).
import { easterSunday, nthWeekdayOfMonth, type Ymd } from '../calendar';
import { MONTHS, WEEKDAYS, type Unit } from '../lexicon';
import type { TimexSpec } from '../spec';

export type Groups = Record<string, string | undefined>;
export type Indices = Record<string, [number, number] | undefined>;

export interface Rule {
  name: string;
  /** A cheap test the paragraph must pass before the full pattern runs (most paragraphs fail most gates). */
  gate?: RegExp;
  re: RegExp;
  /** Returns the meaning, or null to reject; may narrow the extent by returning start/end. */
  build(
    g: Groups,
    ctx: MatchContext,
  ): TimexSpec | { spec: TimexSpec; start?: number; end?: number } | Array<{ spec: TimexSpec; start: number; end: number }> | null;
}

export interface MatchContext {
  text: string;
  start: number;
  end: number;
  indices: Indices;
}

export const B = '(?<![\\w\\-])'; // start boundary: not inside a word or hyphenated compound
export const E = '(?![\\w])';
export const rx = (source: string, flags = 'gid') => new RegExp(source, flags);

export const isCapitalised = (word: string | undefined) => !!word && /^[A-Z]/.test(word);
export const monthNumber = (raw: string) => MONTHS[raw.toLowerCase().replace(/\.$/, '')];
export const dayNumber = (raw: string) => parseInt(raw, 10);
export const lower = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

export function shiftOf(word: string | undefined): number | undefined {
  switch (lower(word)) {
    case 'last':
    case 'past':
    case 'previous':
      return -1;
    case 'next':
    case 'coming':
    case 'upcoming':
      return 1;
    case 'this':
    case 'current':
      return 0;
    default:
      return undefined;
  }
}

export function previousWord(text: string, start: number): string {
  const m = /([A-Za-z']+)[^A-Za-z']*$/.exec(text.slice(Math.max(0, start - 30), start));
  return m ? m[1].toLowerCase() : '';
}

export function nextWord(text: string, end: number): string {
  const m = /^\s*([A-Za-z']+)/.exec(text.slice(end, end + 30));
  return m ? m[1] : '';
}

// Before a bare month name these words make it a date ("in March", "since May");
// without one, "may" and "march" are a modal and a verb.
export const MONTH_LEADS = new Set([
  'in',
  'since',
  'until',
  'till',
  'by',
  'of',
  'during',
  'through',
  'throughout',
  'before',
  'after',
  'from',
  'to',
  'between',
  'and',
  'or',
  'on',
  'each',
  'every',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'the',
  'that',
  'end',
  'beginning',
  'start',
  'middle',
  'around',
  'as',
  'for',
]);
// Nouns that make a four-digit number a quantity, not a year ("1500 troops").
export const QUANTITY_NOUNS =
  /^(?:people|persons|troops|soldiers|men|women|children|dollars|euros|pounds|yen|miles|kilometers|kilometres|meters|metres|feet|tons|tonnes|votes|workers|students|members|cases|deaths|acres|hectares|rounds|pages|points|barrels|shares|units|cars|homes|houses|jobs|times|calories|square|cubic)$/i;

export function durationValue(amount: number | 'X', unit: Unit): string {
  if (amount === 'X') {
    const x: Record<Unit, string> = {
      second: 'PTXS',
      minute: 'PTXM',
      hour: 'PTXH',
      day: 'PXD',
      week: 'PXW',
      fortnight: 'PXW',
      month: 'PXM',
      quarter: 'PXM',
      year: 'PXY',
      decade: 'PXY',
      century: 'PXY',
    };
    return x[unit];
  }
  // Whole multiples of a larger unit keep TimeML's conventions: a decade is P10Y.
  const scaled: Record<Unit, [number, string, boolean]> = {
    second: [1, 'S', true],
    minute: [1, 'M', true],
    hour: [1, 'H', true],
    day: [1, 'D', false],
    week: [1, 'W', false],
    fortnight: [2, 'W', false],
    month: [1, 'M', false],
    quarter: [3, 'M', false],
    year: [1, 'Y', false],
    decade: [10, 'Y', false],
    century: [100, 'Y', false],
  };
  const [factor, letter, isTime] = scaled[unit];
  const n = amount * factor;
  if (Number.isInteger(n)) return `P${isTime ? 'T' : ''}${n}${letter}`;
  // Fractions go down one unit: 5 1/2 hours = PT5H30M, 1.5 years = P18M.
  const whole = Math.floor(n);
  const down: Record<string, [string, number, boolean]> = {
    H: ['M', 60, true],
    M: isTime ? ['S', 60, true] : ['D', 30, false],
    D: ['H', 24, true],
    W: ['D', 7, false],
    Y: ['M', 12, false],
    S: ['S', 1, true],
  };
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
export function holiday(name: string): Holiday | null {
  const n = lower(name).replace(/[’]/g, "'");
  const fixed = (m: number, d: number): Holiday => ({ dateIn: (y) => ({ y, m, d }) });
  if (n.startsWith('thanksgiving')) return { dateIn: (y) => nthWeekdayOfMonth(y, 11, 4, 4) };
  if (n === 'christmas eve') return fixed(12, 24);
  if (n.startsWith('christmas')) return fixed(12, 25);
  if (n === "new year's eve") return fixed(12, 31);
  if (n.startsWith("new year's")) return fixed(1, 1);
  // Holy Week ends on Easter Sunday: its Saturday fixes the ISO week.
  if (n === 'easter week')
    return {
      dateIn: (y) => {
        const e = easterSunday(y);
        return e.d > 1 ? { ...e, d: e.d - 1 } : { y, m: 3, d: 31 };
      },
      week: true,
    };
  if (n === 'easter monday')
    return {
      dateIn: (y) => {
        const e = easterSunday(y);
        return { ...e, d: e.d + 1 > 31 ? e.d : e.d + 1 };
      },
    };
  if (n.startsWith('easter')) return { dateIn: easterSunday };
  if (n === 'good friday')
    return {
      dateIn: (y) => {
        const e = easterSunday(y);
        return e.d > 2 ? { ...e, d: e.d - 2 } : { y, m: 3, d: 29 + e.d };
      },
    };
  if (n === 'election day')
    return {
      dateIn: (y) => {
        const mon = nthWeekdayOfMonth(y, 11, 1, 1);
        return { y, m: 11, d: mon.d + 1 };
      },
    };
  if (n === 'independence day' || n === 'fourth of july') return fixed(7, 4);
  if (n === 'memorial day') return { dateIn: (y) => nthWeekdayOfMonth(y, 5, 1, -1) };
  if (n === 'labor day') return { dateIn: (y) => nthWeekdayOfMonth(y, 9, 1, 1) };
  if (n === 'veterans day') return fixed(11, 11);
  if (n === 'halloween') return fixed(10, 31);
  if (n === "valentine's day") return fixed(2, 14);
  if (n === 'boxing day') return fixed(12, 26);
  return null;
}

const SMALL_HOURS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

export function clockHour(raw: string, meridiem: string | undefined): number | null {
  const h = SMALL_HOURS[lower(raw)] ?? parseInt(raw, 10);
  if (!Number.isFinite(h) || h > 24) return null;
  const m = lower(meridiem).replace(/\W/g, '');
  if (m.startsWith('p') || m === 'afternoon' || m === 'evening' || m === 'night') return h < 12 ? h + 12 : h;
  if ((m.startsWith('a') || m === 'morning') && h === 12) return 0;
  if (m && h > 12) return null;
  return h;
}

export function dayWord(word: string | undefined, pod?: string): TimexSpec | undefined {
  const w = lower(word);
  if (!w) return undefined;
  if (w in WEEKDAYS) return { kind: 'weekday', weekday: WEEKDAYS[w], pod };
  const amount = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
  return { kind: 'offset', unit: 'day', amount, pod: w === 'tonight' ? 'NI' : pod, how: w };
}

// Nouns of scheduled events: "the June 30 deadline" names a date whose year is not set by
// the sentence's tense ("agreed to pay by the June 30 deadline").
const SCHEDULED_NOUNS =
  /^(?:deadline|target|vote|votes|election|elections|poll|polls|referendum|runoff|summit|meeting|meetings|talks|hearing|trial|launch|ceremony|visit|conference|session|inauguration|debate|date|start|opening|handover|withdrawal|expiry|expiration|cutoff|cut-off)$/i;

/** "the June 30 deadline", "by the Nov. 20 meeting": a date naming a scheduled event. */
export function modifiesNoun(ctx: MatchContext): boolean {
  const lead = /\b(by|before|until|till|for|ahead\s+of)?\s*\b(?:the|an?|its|their|his|her|our|this)\s+$/i.exec(
    ctx.text.slice(Math.max(0, ctx.start - 20), ctx.start),
  );
  const next = /^\s+([a-z][a-z-]*)/.exec(ctx.text.slice(ctx.end, ctx.end + 30))?.[1];
  if (!lead || !next) return false;
  return SCHEDULED_NOUNS.test(next) || (!!lead[1] && /(?:line|date|time|target)$/i.test(next));
}

// Financial results: "third-quarter profit rose", "net income in the quarter".
const RESULTS_WORDS =
  /\b(?:profits?|earnings|revenues?|net\s+income|(?:net|operating)\s+loss(?:es)?|sales|per\s+share|results|operating\s+income|margins?|dividends?|turnover)\b/i;

/** Whether the sentence around a match reports financial results. */
export function reportsResults(ctx: MatchContext): boolean {
  const before = ctx.text.slice(Math.max(0, ctx.start - 200), ctx.start);
  const after = ctx.text.slice(ctx.end, ctx.end + 200);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const sentenceEnd = after.search(/\.(?:\s|$)/);
  return RESULTS_WORDS.test(before.slice(sentenceStart + 1) + ' ' + (sentenceEnd < 0 ? after : after.slice(0, sentenceEnd)));
}

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const ONES_WORDS = `(?:${ONES.join('|')})`;
export const TEEN_WORDS = `(?:${TEENS.join('|')})`;
export const TENS_WORDS = `(?:${TENS.join('|')})`;

export function spelledYear(g: Groups): number | null {
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
export function from(ctx: MatchContext, group: string): number {
  return ctx.indices[group]?.[0] ?? ctx.start;
}
export function until(ctx: MatchContext, group: string): number {
  return ctx.indices[group]?.[1] ?? ctx.end;
}

/**
 * A capital letter then the rest of a month name's first three letters in any case ("March",
 * "MAY", "Sept."). The rules gated by it reject a month without a capital (isCapitalised) before
 * anything else, so a paragraph without one ("may", "market", "decided") yields nothing from them.
 */
export const MONTH_GATE = capitalisedGate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
export const UNIT_GATE = /second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur/i;

/** Any of `words` with a capital first letter and the rest in any case (as a rule's /i pattern matches them). */
export function capitalisedGate(words: string[]): RegExp {
  const forms = words.map((w) => w[0].toUpperCase() + [...w.slice(1)].map((c) => `[${c}${c.toUpperCase()}]`).join(''));
  return new RegExp(forms.join('|'));
}

/** Weekday names count only capitalised; "today" and friends in any case. */
export function isDayWord(word: string): boolean {
  return !(lower(word) in WEEKDAYS) || isCapitalised(word);
}

/** "two months ago" → the month two before the article date; granularity follows the unit. */
export function agoSpec(unit: Unit, amount: number, sign: number, mod: string | undefined): TimexSpec {
  const how = `${amount} ${unit}${amount === 1 ? '' : 's'} ${sign < 0 ? 'before' : 'after'}`;
  const m = mod === 'MORE_THAN' ? (sign < 0 ? 'BEFORE' : 'AFTER') : mod === 'LESS_THAN' ? (sign < 0 ? 'AFTER' : 'BEFORE') : undefined;
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
      return { kind: 'offset', unit: 'day', amount: 0, mod: m, how };
    case 'day':
      return { kind: 'offset', unit: 'day', amount: sign * Math.round(amount), mod: m, how };
    case 'week':
    case 'fortnight':
      return { kind: 'offset', unit: 'week', amount: sign * Math.round(amount * (unit === 'fortnight' ? 2 : 1)), mod: m, how };
    case 'month':
      return { kind: 'offset', unit: 'month', amount: sign * Math.round(amount), mod: m, how };
    case 'quarter':
      return { kind: 'offset', unit: 'quarter', amount: sign * Math.round(amount), mod: m, how };
    case 'year':
      return { kind: 'offset', unit: 'year', amount: sign * Math.round(amount), mod: m, how };
    case 'decade':
      return { kind: 'offset', unit: 'year', amount: sign * Math.round(amount * 10), mod: m, how };
    case 'century':
      return { kind: 'offset', unit: 'year', amount: sign * Math.round(amount * 100), mod: m, how };
  }
}
