// TIMEX3 values for people ("2023", "Friday, 14 March 2025", "3 weeks").
// Local fallback until src/analysis/dates/formatTimex.ts lands; then delete this.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const REFS: Record<string, string> = { PAST_REF: 'the past', PRESENT_REF: 'the present', FUTURE_REF: 'the future' };
const DURATION_UNITS: Record<string, [string, string]> = {
  Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'],
  H: ['hour', 'hours'], MIN: ['minute', 'minutes'], S: ['second', 'seconds'],
  DE: ['decade', 'decades'], CE: ['century', 'centuries'], Q: ['quarter', 'quarters'],
};

export function formatTimexValue(value: string | null | undefined, type?: string): string | null {
  if (!value) return null;
  try {
    return format(value, type) ?? value;
  } catch {
    return value;
  }
}

function format(value: string, type?: string): string | null {
  if (REFS[value]) return REFS[value];
  if (value.startsWith('P')) {
    const d = formatDuration(value);
    return d && type === 'SET' ? `every ${d.replace(/^1 /, '')}` : d;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})|T(MO|MI|AF|EV|NI|DT))?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1) return null;
    const day = `${WEEKDAYS[date.getUTCDay()]}, ${d} ${MONTHS[mo - 1]} ${y}`;
    if (m[4]) return `${day}, ${m[4]}:${m[5]}`;
    if (m[6]) return `${day}, ${PARTS_OF_DAY[m[6]]}`;
    return day;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value);
  if (m) return `${value.endsWith('-WE') ? 'weekend of ' : ''}week ${Number(m[2])} of ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2]]} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if (/^\d{4}$/.test(value)) return value;
  m = /^(\d{3})X$/.exec(value);
  if (m) return `the ${m[1]}0s`;
  m = /^(\d{2})(?:XX)?$/.exec(value);
  if (m) return `the ${ordinal(Number(m[1]) + 1)} century`;
  m = /^XXXX-WXX-([1-7])$/.exec(value);
  if (m) return `every ${WEEKDAYS[Number(m[1]) % 7]}`;
  return null;
}

function formatDuration(value: string): string | null {
  const m = /^P(?:(\d+(?:\.\d+)?|X)(Y|M|W|D|DE|CE|Q))?(?:T(\d+(?:\.\d+)?|X)(H|M|S))?$/.exec(value);
  if (!m || (!m[1] && !m[3])) return null;
  const parts: string[] = [];
  if (m[1]) parts.push(amount(m[1], DURATION_UNITS[m[2]]));
  if (m[3]) parts.push(amount(m[3], DURATION_UNITS[m[4] === 'M' ? 'MIN' : m[4]]));
  return parts.join(' ');
}

function amount(n: string, [one, many]: [string, string]): string {
  if (n === 'X') return `some ${many}`;
  return `${n} ${Number(n) === 1 ? one : many}`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
