// Calendar arithmetic for TIMEX3 values, in UTC so results never depend on the
// machine's time zone. Months are 1-based, weekdays 0 = Sunday … 6 = Saturday.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

export function parseIsoDate(value: string | null | undefined): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isValidDay(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function toUtc(date: Ymd): Date {
  const t = new Date(Date.UTC(2000, date.m - 1, date.d));
  t.setUTCFullYear(date.y); // Date.UTC maps years 0–99 to 1900+
  return t;
}

function fromUtc(t: Date): Ymd {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  const t = toUtc(date);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** Adds months, clamping the day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Ymd, months: number): Ymd {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

export function weekday(date: Ymd): number {
  return toUtc(date).getUTCDay();
}

/** Days from a to b (b − a). */
export function dayDiff(a: Ymd, b: Ymd): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: Ymd): { year: number; week: number } {
  const t = toUtc(date);
  const dayNr = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - dayNr + 3); // the Thursday of this week
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(2000, 0, 4));
  jan4.setUTCFullYear(year);
  const week = 1 + Math.round(((t.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return { year, week };
}

export function formatDay(date: Ymd): string {
  return `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function formatYear(y: number): string {
  return pad(y, 4);
}

export function formatWeek(date: Ymd): string {
  const { year, week } = isoWeek(date);
  // TimeML writes ISO weeks with two digits ("1998-W08").
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The nth (1-based; −1 = last) given weekday of a month. */
export function nthWeekdayOfMonth(y: number, m: number, wd: number, n: number): Ymd {
  if (n > 0) {
    const first = weekday({ y, m, d: 1 });
    return { y, m, d: 1 + ((wd - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastDay = daysInMonth(y, m);
  const last = weekday({ y, m, d: lastDay });
  return { y, m, d: lastDay - ((last - wd + 7) % 7) };
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}
