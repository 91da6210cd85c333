// Words of English temporal expressions: regex fragments and their meanings.
// Fragments are plain strings so the patterns file can compose them (HeidelTime style).

export const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Full month names, or abbreviations that carry a period ("Aug.", "Sept."). */
export const MONTH_RE =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.)';
/** Also abbreviations without the period, only safe before a day number or a year ("Aug 7"). */
export const MONTH_LOOSE_RE =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)';
export const WEEKDAY_RE = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
export const DAY_RE = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
export const YEAR_RE = '(?:1[6-9]\\d\\d|20\\d\\d)';
export const POD_RE = '(?:morning|afternoon|evening|night|overnight)';
export const SEASON_RE = '(?:spring|summer|fall|autumn|winter)';
export const TIMEZONE_RE = '(?:[ECMP][SD]T|GMT|UTC)';

const SMALL: Record<string, number> = {
  zero: 0,
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  a: 1,
  an: 1,
  single: 1,
  dozen: 12,
  'a dozen': 12,
  hundred: 100,
  'a hundred': 100,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** Vague quantities: TIMEX3 writes them with X ("PXY"). */
const VAGUE = /^(?:a few|few|several|a couple of|couple of|a couple|many|some|dozens of|hundreds of|thousands of)$/;

const UNIT_NUMBER = '(?:one|two|three|four|five|six|seven|eight|nine)';
export const NUMBER_RE =
  '(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+\\d/\\d)?' +
  '|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]' +
  UNIT_NUMBER +
  ')?' +
  '|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen' +
  '|a\\s+dozen|a\\s+hundred|a\\s+few|a\\s+couple\\s+of|a\\s+couple|couple\\s+of|several|few|many|dozens\\s+of|hundreds\\s+of|an|a|single)' +
  '(?:\\s+and\\s+a\\s+half)?';

/** Parses a NUMBER_RE match: a number, or 'X' for vague quantities; null when not a number. */
export function parseNumber(raw: string): number | 'X' | null {
  let text = raw
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(\d),(?=\d{3})/g, '$1')
    .trim();
  let extra = 0;
  if (text.endsWith(' and a half')) {
    extra = 0.5;
    text = text.slice(0, -' and a half'.length);
  }
  if (VAGUE.test(text)) return 'X';
  const fraction = /^(\d+) (\d)\/(\d)$/.exec(text);
  if (fraction) return Number(fraction[1]) + Number(fraction[2]) / Number(fraction[3]) + extra;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) + extra;
  if (text in SMALL) return SMALL[text] + extra;
  const compound = /^(\w+)(?:[ -](\w+))?$/.exec(text);
  if (compound && compound[1] in TENS) {
    const unit = compound[2] ? SMALL[compound[2]] : 0;
    if (unit === undefined || unit > 9) return null;
    return TENS[compound[1]] + unit + extra;
  }
  return null;
}

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century';
export const UNIT_RE = '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)';

export function parseUnit(raw: string): Unit | null {
  const text = raw.toLowerCase();
  if (text.startsWith('centur')) return 'century';
  const base = text.replace(/s$/, '') as Unit;
  return ['second', 'minute', 'hour', 'day', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade'].includes(base) ? base : null;
}

export const SEASON_CODES: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
export const POD_CODES: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI' };

/** Modifiers before a quantity or date that TimeML keeps inside the extent, with their TIMEX3 mod. */
export const QUANTITY_MODS: Record<string, string> = {
  'more than': 'MORE_THAN',
  'less than': 'LESS_THAN',
  'fewer than': 'LESS_THAN',
  'at least': 'EQUAL_OR_MORE',
  'at most': 'EQUAL_OR_LESS',
  'no more than': 'EQUAL_OR_LESS',
  'up to': 'EQUAL_OR_LESS',
  over: 'MORE_THAN',
  under: 'LESS_THAN',
  nearly: 'LESS_THAN',
  almost: 'LESS_THAN',
};
export const QUANTITY_MOD_RE = '(?:more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|at\\s+most|no\\s+more\\s+than|up\\s+to|over|under)';

export const POSITION_MODS: Record<string, string> = { early: 'START', late: 'END', mid: 'MID', middle: 'MID', beginning: 'START', start: 'START', end: 'END' };
/** "early", "late", "mid-", "the end of", … before a month, year or week. */
export const POSITION_MOD_RE = '(?:(?:early|late)[\\s-]+|mid-?\\s*|the\\s+(?:beginning|start|middle|end)\\s+of\\s+)';

export function positionMod(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const word = /(early|late|mid|middle|beginning|start|end)/i.exec(raw);
  return word ? POSITION_MODS[word[1].toLowerCase()] : undefined;
}

export const SETS: Record<string, string> = {
  hourly: 'PT1H',
  daily: 'P1D',
  nightly: 'P1D',
  weekly: 'P1W',
  biweekly: 'P2W',
  fortnightly: 'P2W',
  monthly: 'P1M',
  quarterly: 'P3M',
  yearly: 'P1Y',
  annually: 'P1Y',
  annual: 'P1Y',
};
