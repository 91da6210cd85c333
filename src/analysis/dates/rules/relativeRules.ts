// Date rules for relative references, offsets, durations and sets: "recently", "two
// weeks ago", "for three years", "every month"; and the blockers ("6-year-old").
import {
  NUMBER_RE,
  POD_CODES,
  QUANTITY_MODS,
  QUANTITY_MOD_RE,
  SEASON_CODES,
  SETS,
  UNIT_RE,
  WEEKDAYS,
  parseNumber,
  parseUnit,
  positionMod,
  type Unit,
} from '../lexicon';
import { agoSpec, B, durationValue, E, from, lower, previousWord, type Rule, rx, shiftOf, UNIT_GATE, until } from './ruleKit';

export const RELATIVE_RULES: Rule[] = [
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
    re: rx(
      `${B}(?:(?<the>the)\\s+)?(?:(?<pm>early|late|mid)[\\s-]+)?(?<rel>this\\s+past|this\\s+coming|last|this|next|past|previous|coming|following|preceding|current|upcoming)\\s+(?<unit>week|month|year|quarter|decade|century|weekend|spring|summer|fall|autumn|winter)${E}`,
    ),
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
    re: rx(
      `${B}(?:(?<adv>earlier|later)\\s+)?(?:(?<that>that|the\\s+same|that\\s+same)\\s+(?<unit>day|night|morning|afternoon|evening|week|month|year)|the\\s+(?<rel>next|following|previous|preceding)\\s+(?<unit2>day|night|morning|afternoon|evening))${E}`,
    ),
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
    re: rx(
      `${B}(?:(?<qm>${QUANTITY_MOD_RE})\\s+)?(?:(?<approx>nearly|almost|about|around|some|roughly|approximately)\\s+)?(?:(?<the>the)\\s+)?(?:(?<rel>past|last|next|coming|first|previous|following|final|recent|other)\\s+)?(?<num>${NUMBER_RE})\\s+(?:(?:more|additional|straight|consecutive|full|long|whole|extra|short)\\s+)?(?<unit>${UNIT_RE})(?<half>\\s+and\\s+a\\s+half)?(?:\\s+(?<dir>ago|earlier|later|from\\s+now|hence|before|after|back))?(?![\\w-])`,
    ),
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
        if (
          /(?:\d|%|\b(?:million|billion|trillion|percent|times|once|twice|[a-z]{2,}s))\s+$/i.test(before) &&
          !/\b(?:was|is|has|had|for|in|within|than|over|about|after|before|lasts?|took|takes)\s+$/i.test(before)
        ) {
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
    re: rx(
      `${B}(?:(?<num>${NUMBER_RE})-)?(?<unit>second|minute|hour|day|week|month|year|decade|century|seconds|minutes|hours|days|weeks|months|years|decades)(?<long>-long)?(?![\\w-])`,
    ),
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
    // Every match holds one of these plurals.
    gate: /seconds|minutes|hours|days|weeks|months|years|decades|centuries/i,
    re: rx(
      `${B}(?:(?<lead>for|over|within|during|in|throughout)\\s+)?(?<the>the\\s+)?(?:(?<adj>past|last|next|coming|recent|following|previous)\\s+)?(?<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:\\s+(?<ago>ago))?${E}`,
    ),
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
    // Every match holds one of these words (not just any "-ly" adverb).
    gate: /hourly|daily|nightly|weekly|monthly|quarterly|yearly|annually|every|each|once|twice|times/i,
    re: rx(
      `${B}(?:(?<w>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually)|(?:every|each)\\s+(?:(?<other>other|single)\\s+)?(?<unit>day|week|month|year|hour|minute|morning|afternoon|evening|night|weekend|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))|(?<freq>once|twice|(?:${NUMBER_RE})\\s+times)\\s+(?:a|an|per|each|every)\\s+(?<unit2>day|week|month|year|hour|minute|decade))${E}`,
    ),
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
];
