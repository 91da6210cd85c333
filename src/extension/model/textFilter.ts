// The filter box semantics: case- and accent-insensitive, every word must match
// somewhere ("burkina fas" finds "Burkina Faso"; "qaeda" finds "al-Qaida" via its alias).

export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[-\u2010-\u2015]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a query into folded words; an empty query matches everything. */
export function queryTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded ? folded.split(' ') : [];
}

export function matchesAllTerms(terms: readonly string[], haystacks: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const folded = haystacks.map(foldForSearch).join(' \u0000 ');
  return terms.every((t) => folded.includes(t));
}
