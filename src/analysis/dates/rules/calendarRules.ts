// Date rules for calendar dates and periods: ISO and numeric dates, month and day,
// weeks, months, seasons, years, year ranges, decades and centuries.
import { DAY_RE, MONTH_LOOSE_RE, MONTH_RE, POSITION_MOD_RE, SEASON_CODES, SEASON_RE, WEEKDAYS, WEEKDAY_RE, YEAR_RE, positionMod } from '../lexicon';
import type { TimexSpec } from '../spec';
import {
  B,
  dayNumber,
  E,
  from,
  isCapitalised,
  lower,
  modifiesNoun,
  MONTH_GATE,
  MONTH_LEADS,
  monthNumber,
  nextWord,
  ONES_WORDS,
  previousWord,
  QUANTITY_NOUNS,
  type Rule,
  rx,
  shiftOf,
  spelledYear,
  TEEN_WORDS,
  TENS_WORDS,
  until,
} from './ruleKit';

export const CALENDAR_RULES: Rule[] = [
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
    re: rx(
      `${B}(?:(?<shift>last|next|this)\\s+)?(?:(?<wd>${WEEKDAY_RE})\\s*,?\\s+)?(?<mon>${MONTH_LOOSE_RE})\\s*(?<day>${DAY_RE})(?![\\d:.,]\\d)(?:\\s*,?\\s*(?<year>${YEAR_RE}))?(?!\\w)(?:(?<and>\\s+(?:and|or|to|through)\\s+|-)(?<day2>${DAY_RE})(?![\\w:]|\\.\\d))?`,
    ),
    build: (g, ctx) => {
      if (!isCapitalised(g.mon)) return null;
      const month = monthNumber(g.mon!);
      const day = dayNumber(g.day!);
      if (!month || day < 1 || day > 31) return null;
      const spec: TimexSpec = g.year
        ? { kind: 'absolute', type: 'DATE', value: `${g.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` }
        : {
            kind: 'monthDay',
            month,
            day,
            shift: shiftOf(g.shift),
            weekday: g.wd ? WEEKDAYS[lower(g.wd)] : undefined,
            attributive: modifiesNoun(ctx) || undefined,
          };
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
      if (['about', 'some', 'nearly', 'around', 'approximately', 'than', 'flight', 'route', 'room', 'no', 'number', 'resolution', 'highway'].includes(prev))
        return null;
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
    re: rx(
      `${B}(?:(?<hi>eighteen|nineteen|twenty)[\\s-]+(?:(?<oh>oh|o)[\\s-]+(?<ones>${ONES_WORDS})|(?<teen>${TEEN_WORDS})|(?<tens>${TENS_WORDS})(?:[\\s-]+(?<ones2>${ONES_WORDS}))?)|two\\s+thousand(?:\\s+and)?\\s+(?<small>${ONES_WORDS}|${TEEN_WORDS}|twenty(?:[\\s-]+${ONES_WORDS})?))${E}`,
    ),
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
];
