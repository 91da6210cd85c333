// What a recognised temporal expression means, before it is resolved against the
// article date. Patterns produce these; normalise.ts turns them into TIMEX3 values.
import type { TimexType } from '../types';
import type { Ymd } from './calendar';

export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export type TimexSpec =
  /** Written in full ("Aug. 7, 1998", "1990s", "July 1997"): no resolution needed. */
  | { kind: 'absolute'; type: TimexType; value: string; mod?: string }
  /** PRESENT_REF, PAST_REF, FUTURE_REF. */
  | { kind: 'ref'; value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  | { kind: 'duration'; value: string; mod?: string }
  | { kind: 'set'; value: string; freq?: string }
  /** "Aug. 7": the year comes from the article date and the tense. */
  | { kind: 'monthDay'; month: number; day: number; shift?: number; week?: boolean; weekday?: number; attributive?: boolean }
  /** "March", "last October", "late November". */
  | { kind: 'month'; month: number; shift?: number; mod?: string }
  /** "Friday", "last Friday", "Friday night", "the day before last Tuesday". */
  | { kind: 'weekday'; weekday: number; shift?: number; pod?: string; dayOffset?: number; mod?: string; possessive?: boolean; lead?: 'ahead' | 'after' }
  /** Counted from the article date: today (day 0), last year (year −1), two months ago (month −2). */
  | { kind: 'offset'; unit: CalendarUnit; amount: number; mod?: string; pod?: string; how: string }
  | { kind: 'season'; season: string; shift?: number; year?: number; mod?: string }
  /** A holiday whose date is computed per year (Thanksgiving, Easter). */
  | { kind: 'holiday'; name: string; dateIn: (year: number) => Ymd; week?: boolean; shift?: number }
  /** `results`: the sentence reports financial results, so the quarter is the latest completed one. */
  | { kind: 'quarter'; half?: boolean; n: number; year?: number; shift?: number; results?: boolean }
  /** "the weekend": the one before or after the article date, by tense. */
  | { kind: 'weekend'; shift?: number }
  /** A clock time; the day comes from a date in the same sentence or the article date. */
  | { kind: 'time'; hour: number; minute: number; day?: TimexSpec }
  /** Counted from another date in the text ("two days later", "that same day"); resolved document-level. */
  | { kind: 'anchored'; unit: 'day' | 'week' | 'month' | 'year'; amount: number; pod?: string; fallback: 'DATE' | 'DURATION' }
  /** Matches that must not be tagged (ages like "6-year-old", the modal "may"). */
  | { kind: 'block' };

export interface Candidate {
  start: number;
  end: number;
  spec: TimexSpec;
}
