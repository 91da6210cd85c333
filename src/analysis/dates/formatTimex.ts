// TIMEX3 values in readable form for inlay hints, hovers and the Dates tree:
// "2023", "Fri 7 Aug 1998", "August 1998", "3 months", "the past", "weekly".
// Unknown shapes come back unchanged: a hint must never be blank or throw.
import { MONTH_NAMES, MONTH_SHORT, WEEKDAY_NAMES, WEEKDAY_SHORT } from './lexicon';

const REFS: Record<string, string> = { PAST_REF: 'the past', PRESENT_REF: 'now', FUTURE_REF: 'the future' };
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const UNITS: Record<string, [string, string]> = {
  Y: ['year', 'years'],
  M: ['month', 'months'],
  W: ['week', 'weeks'],
  D: ['day', 'days'],
  H: ['hour', 'hours'],
  TM: ['minute', 'minutes'],
  S: ['second', 'seconds'],
  DE: ['decade', 'decades'],
  CE: ['century', 'centuries'],
};
const SET_WORDS: Record<string, string> = { PT1H: 'hourly', P1D: 'daily', P1W: 'weekly', P2W: 'fortnightly', P1M: 'monthly', P3M: 'quarterly', P1Y: 'yearly' };

export function formatTimexValue(value: string, type?: string): string;
export function formatTimexValue(value: string | null | undefined, type?: string): string | null;
export function formatTimexValue(value: string | null | undefined, type?: string): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  try {
    return format(text.trim(), type) ?? text;
  } catch {
    return text;
  }
}

function format(value: string, type?: string): string | null {
  if (REFS[value]) return REFS[value];
  if (value.startsWith('P')) {
    if (type === 'SET') return SET_WORDS[value] ?? (formatDuration(value) ? `every ${formatDuration(value)!.replace(/^1 /, '')}` : null);
    return formatDuration(value);
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?|T(MO|MI|AF|EV|NI|DT))?$/.exec(value);
  if (m) {
    const day = formatDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!day) return null;
    if (m[4]) return `${day}, ${m[4]}:${m[5]}`;
    if (m[6]) return `${day}, ${PARTS_OF_DAY[m[6]]}`;
    return day;
  }
  m = /^(\d{4})-(\d{2})(?:-XX)?$/.exec(value);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-W(\d{1,2})(-WE)?$/.exec(value);
  if (m) {
    const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
    if (m[3]) {
      const saturday = new Date(Date.UTC(monday.y, monday.m - 1, monday.d + 5));
      return `weekend of ${formatDay(saturday.getUTCFullYear(), saturday.getUTCMonth() + 1, saturday.getUTCDate())}`;
    }
    return `week of ${formatDay(monday.y, monday.m, monday.d)}`;
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2]]} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if (/^\d{4}(?:-XX(?:-XX)?)?$/.test(value)) return value.slice(0, 4);
  m = /^FY(\d{4})$/.exec(value);
  if (m) return `fiscal ${m[1]}`;
  m = /^(\d{3})X?$/.exec(value);
  if (m) return `the ${m[1]}0s`;
  m = /^(\d{2})XX$/.exec(value);
  if (m) return `the ${m[1]}00s`;
  m = /^(\d{2})$/.exec(value);
  if (m) return `the ${ordinal(Number(m[1]) + 1)} century`;
  m = /^XXXX-WXX-([1-7])$/.exec(value);
  if (m) return `every ${WEEKDAY_NAMES[Number(m[1]) % 7]}`;
  if (value === 'XXXX-WXX-WE') return 'every weekend';
  m = /^T(MO|AF|EV|NI)$/.exec(value);
  if (m && type === 'SET') return `every ${PARTS_OF_DAY[m[1]]}`;
  return null;
}

function formatDay(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${WEEKDAY_SHORT[date.getUTCDay()]} ${d} ${MONTH_SHORT[mo - 1]} ${y}`;
}

function isoWeekMonday(year: number, week: number): { y: number; m: number; d: number } {
  const jan4 = new Date(Date.UTC(2000, 0, 4));
  jan4.setUTCFullYear(year);
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (week - 1) * 7 * 86_400_000);
  return { y: monday.getUTCFullYear(), m: monday.getUTCMonth() + 1, d: monday.getUTCDate() };
}

function formatDuration(value: string): string | null {
  const m = /^P(?:(\d+(?:\.\d+)?|X)(Y|M|W|D|DE|CE))?(?:T(?:(\d+(?:\.\d+)?|X)H)?(?:(\d+(?:\.\d+)?|X)M)?(?:(\d+(?:\.\d+)?|X)S)?)?$/.exec(value);
  if (!m || (!m[1] && !m[3] && !m[4] && !m[5])) return null;
  const parts: string[] = [];
  if (m[1]) parts.push(amount(m[1], UNITS[m[2]]));
  if (m[3]) parts.push(amount(m[3], UNITS.H));
  if (m[4]) parts.push(amount(m[4], UNITS.TM));
  if (m[5]) parts.push(amount(m[5], UNITS.S));
  return parts.join(' ');
}

function amount(n: string, [one, many]: [string, string]): string {
  if (n === 'X') return many;
  return `${n} ${Number(n) === 1 ? one : many}`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
