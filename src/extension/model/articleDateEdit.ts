// "Set Article Date", client side: what the input box offers and accepts. The
// edit itself is computed by the server (newsLens/articleDateEdit), which reads
// the header with the analysis' own reader.

/** Today's date as YYYY-MM-DD in local time, the default offered by the command. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no).
 * Only for instant feedback while typing: the extension may not import the
 * analysis, and the server checks the date again before planning the edit.
 */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Day 0 of the next month is the last day of this one.
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
