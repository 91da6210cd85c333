// Date rules for days and times of day: weekdays, "today" and friends, clock times, noon.
import { POD_CODES, POD_RE, TIMEZONE_RE, WEEKDAYS, WEEKDAY_RE } from '../lexicon';
import type { TimexSpec } from '../spec';
import { B, capitalisedGate, clockHour, dayWord, E, isCapitalised, isDayWord, lower, previousWord, type Rule, rx, shiftOf } from './ruleKit';

export const DAY_RULES: Rule[] = [
  {
    // "Friday", "last Friday", "Friday night", "the day before last Tuesday".
    name: 'weekday',
    // The builder rejects a weekday without a capital first.
    gate: capitalisedGate(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
    re: rx(
      `${B}(?:(?<rel>the\\s+day\\s+(?:before|after))\\s+)?(?:(?<shift>last|next|this|coming|past|previous)\\s+)?(?<wd>${WEEKDAY_RE})(?:\\s+(?<pod>${POD_RE}))?(?!\\w)`,
    ),
    build: (g, ctx) => {
      if (!isCapitalised(g.wd)) return null;
      const dayOffset = g.rel ? (/before/i.test(g.rel) ? -1 : 1) : undefined;
      const spec: TimexSpec = {
        kind: 'weekday',
        weekday: WEEKDAYS[lower(g.wd)],
        shift: shiftOf(g.shift),
        pod: g.pod ? POD_CODES[lower(g.pod)] : undefined,
        dayOffset,
      };
      // "Sunday's vote": the day of an event named by the noun, not governed by the sentence's verb.
      if (!g.pod && /^['’]s\b/.test(ctx.text.slice(ctx.end, ctx.end + 3))) {
        spec.possessive = true;
        const lead =
          /\b(ahead\s+of|before|until|till|for|towards?)\s+(?:this\s+)?$/i.exec(ctx.text.slice(Math.max(0, ctx.start - 20), ctx.start))?.[1] ??
          /\b(after|since|following|from)\s+(?:last\s+)?$/i.exec(ctx.text.slice(Math.max(0, ctx.start - 20), ctx.start))?.[1];
        if (lead) spec.lead = /^(?:after|since|following|from)$/i.test(lead) ? 'after' : 'ahead';
      }
      return spec;
    },
  },
  {
    name: 'day-words',
    gate: /today|tonight|tomorrow|yesterday|morning|afternoon|evening|night/i,
    re: rx(
      `${B}(?:(?<rel>the\\s+day\\s+(?:before\\s+yesterday|after\\s+tomorrow))|(?<w>today|tonight|tomorrow|yesterday)(?:\\s+(?<pod>morning|afternoon|evening|night))?|(?<this>this|last)\\s+(?<pod2>morning|afternoon|evening|night))${E}`,
    ),
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
    re: rx(
      `${B}(?<h>\\d{1,2})(?:[:.](?<min>\\d{2}))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)(?!\\w)(?:\\s+(?<tz>${TIMEZONE_RE}))?(?:\\s*(?:,\\s*|on\\s+)?(?<day>${WEEKDAY_RE}|today|tomorrow|yesterday|tonight)(?!\\w))?`,
    ),
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
    re: rx(
      `${B}(?<h>\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:(?<oclock>\\s+o['’]clock)(?:\\s+(?:in\\s+the\\s+(?<pod1>morning|afternoon|evening)|at\\s+night))?|\\s+(?:in\\s+the\\s+(?<pod>morning|afternoon|evening)|at\\s+night))${E}`,
    ),
    build: (g, ctx) => {
      const pod = g.pod ?? g.pod1 ?? (/night/i.test(ctx.text.slice(ctx.start, ctx.end)) ? 'night' : undefined);
      const hour = clockHour(g.h!, pod);
      return hour === null ? null : { kind: 'time', hour, minute: 0 };
    },
  },
  {
    name: 'noon',
    gate: /noon|midday|midnight/i,
    re: rx(
      `${B}(?:(?<day>${WEEKDAY_RE}|today|tomorrow|yesterday)\\s+(?:at\\s+)?)?(?<w>noon|midday|midnight)(?:\\s+(?<day2>${WEEKDAY_RE}|today|tomorrow|yesterday))?${E}`,
    ),
    build: (g, ctx) => {
      if (!g.day && (/^N/.test(g.w!) || previousWord(ctx.text, ctx.start) === 'high')) return null; // "High Noon", "high noon"
      const day = dayWord(g.day ?? g.day2);
      return { kind: 'time', hour: lower(g.w) === 'midnight' ? 24 : 12, minute: 0, day };
    },
  },
];
