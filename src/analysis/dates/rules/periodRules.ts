// Date rules for named periods: holidays, fiscal years, parts of a period ("early
// 2024"), seasons, "the period" and quarters.
import { SEASON_CODES, YEAR_RE, positionMod } from '../lexicon';
import type { TimexSpec } from '../spec';
import { B, E, from, holiday, lower, reportsResults, type Rule, rx, shiftOf } from './ruleKit';

export const PERIOD_RULES: Rule[] = [
  {
    name: 'holidays',
    gate: /thanksgiving|christmas|new year|easter|good friday|election day|independence day|fourth of july|memorial day|labor day|veterans day|halloween|valentine|boxing day/i,
    re: rx(
      `${B}(?:(?<shift>last|next|this)\\s+)?(?<h>Thanksgiving(?:\\s+Day)?|Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year['’]s(?:\\s+(?:Day|Eve))?|Easter(?:\\s+(?:Sunday|Monday|week))?|Good\\s+Friday|Election\\s+Day|Independence\\s+Day|Fourth\\s+of\\s+July|Memorial\\s+Day|Labor\\s+Day|Veterans\\s+Day|Halloween|Valentine['’]s\\s+Day|Boxing\\s+Day)${E}`,
      'gd',
    ),
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
    re: rx(
      `${B}(?:the\\s+(?<part>end|beginning|start|middle)\\s+of\\s+(?:the\\s+|(?<rel>this|last|next|the\\s+current)\\s+)?(?<unit>year|month|week|quarter|decade|century)|(?<ye>year|month)-end)${E}`,
    ),
    build: (g) => {
      const unitWord = lower(g.unit ?? g.ye) as 'year' | 'month' | 'week' | 'quarter' | 'decade' | 'century';
      const shift = shiftOf(lower(g.rel).replace(/^the /, '')) ?? 0;
      return {
        kind: 'offset',
        unit: unitWord,
        amount: shift,
        mod: g.ye ? 'END' : positionMod(g.part),
        how: `${lower(g.part ?? 'end')} of ${g.rel ? lower(g.rel) + ' ' : 'the '}${unitWord}`,
      };
    },
  },
  {
    // "in the spring", "by autumn", "late summer": the season nearest by tense.
    name: 'season',
    gate: /spring|summer|fall|autumn|winter/i,
    re: rx(
      `${B}(?<lead>in|during|by|until|since|through|throughout|over|before|after|for)\\s+(?<the>the\\s+)?(?<pm>(?:early|late|mid)[\\s-]+)?(?<season>spring|summer|autumn|winter|fall)(?!\\s+(?:of\\s+)?(?:\\d|the\\b))${E}`,
    ),
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
    re: rx(
      `${B}(?<lead>for|during|in|earlier\\s+in|later\\s+in|so\\s+far\\s+in|through|of)\\s+(?<the>the\\s+(?:(?<latest>latest|recent|current)\\s+)?(?<unit>quarter|year))(?!\\s+(?:before|after|that|when|in\\s+which|of|ending|ended|earlier|ago|to\\b)|[-\\w])`,
    ),
    build: (g, ctx) => {
      const unit = lower(g.unit);
      if (unit === 'year' && g.latest) return null;
      const spec: TimexSpec =
        unit === 'quarter'
          ? { kind: 'quarter', n: 0, results: reportsResults(ctx) || undefined }
          : { kind: 'offset', unit: 'year', amount: 0, how: 'the year' };
      return { spec, start: from(ctx, 'the') };
    },
  },
  {
    name: 'quarters',
    gate: /quarter|half/i,
    re: rx(
      `${B}(?:the\\s+)?(?<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\\s-](?<q>quarter|half)(?:\\s+of\\s+(?:(?<year>${YEAR_RE})|(?<rel>this|last|next)\\s+year))?${E}`,
    ),
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
