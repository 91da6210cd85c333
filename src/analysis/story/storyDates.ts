// Ordering TIMEX3 values on a calendar: "2025-03" sorts as 2025-03-01, a week as its
// Monday, a season as its first month. Values that are no calendar point (PAST_REF,
// P3Y) give null: they cannot place an event on a timeline.

const SEASON_MONTH: Record<string, string> = { SP: '03', SU: '06', FA: '09', AU: '09', WI: '12' };

/** A YYYY-MM-DD string that sorts the value, or null. */
export function dateSortKey(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) return mondayOfWeek(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{2})(?!\d)/.exec(value);
  if (m) return `${m[1]}-${m[2]}-01`;
  m = /^(\d{4})-(SP|SU|FA|AU|WI)/.exec(value);
  if (m) return `${m[1]}-${SEASON_MONTH[m[2]]}-01`;
  m = /^(\d{4})-(H|Q)(\d)/.exec(value);
  if (m) return `${m[1]}-${String(1 + (Number(m[3]) - 1) * (m[2] === 'H' ? 6 : 3)).padStart(2, '0')}-01`;
  m = /^(\d{4})(?![\d-])/.exec(value);
  if (m) return `${m[1]}-01-01`;
  return null;
}

/** ISO week `week` of `year` starts on this Monday. */
function mondayOfWeek(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (week - 1) * 7 * 86400000);
  return monday.toISOString().slice(0, 10);
}
