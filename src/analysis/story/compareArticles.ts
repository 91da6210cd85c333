// Two articles on one story side by side, as a fact-checker reads them: the actors,
// dates and quotes one has and the other lacks, and the quotes of one speaker whose
// words differ.
//
// Quotes are compared on their words only: case, quote marks, punctuation and spacing
// are ignored. A quote whose words appear, in order, inside the other article's quote
// of the same words counts as the same quote (an outlet quoting part of a sentence is
// no misquote). Two quotes of the same speaker that share at least half the words of
// the shorter are "differing" (the same remark, reported differently); quotes that
// share less are different remarks, listed as only in A or only in B.
import type { ArticleComparison, StoryArticleDate, StoryArticleDigest, StoryArticleQuote } from './types';
import { mergeActors, type StoryLexicon } from './mergeActors';
import { speakerGroup } from './buildStory';

export interface CompareOptions {
  lexicon?: StoryLexicon;
}

/** Share of the shorter quote's words the other must hold for the two to be one remark reported differently. */
const SAME_REMARK = 0.5;

/** Never throws; a missing part of a digest counts as empty. */
export function compareArticles(a: StoryArticleDigest, b: StoryArticleDigest, options: CompareOptions = {}): ArticleComparison {
  const actorsA = Array.isArray(a?.actors) ? a.actors : [];
  const actorsB = Array.isArray(b?.actors) ? b.actors : [];
  const merge = mergeActors([actorsA, actorsB], options?.lexicon);

  const actors: ArticleComparison['actors'] = { onlyInA: [], onlyInB: [], inBoth: [] };
  for (const m of merge.actors) {
    const inA = m.members.filter((x) => x.article === 0).map((x) => x.actor);
    const inB = m.members.filter((x) => x.article === 1).map((x) => x.actor);
    if (inA.length && inB.length) actors.inBoth.push({ a: mostMentioned(inA), b: mostMentioned(inB) });
    else if (inA.length) actors.onlyInA.push(...inA);
    else actors.onlyInB.push(...inB);
  }
  const byPosition = (x: { first: { start: number } }, y: { first: { start: number } }) => (x.first?.start ?? 0) - (y.first?.start ?? 0);
  actors.onlyInA.sort(byPosition);
  actors.onlyInB.sort(byPosition);
  actors.inBoth.sort((x, y) => byPosition(x.a, y.a));

  const datesA = Array.isArray(a?.dates) ? a.dates.filter(Boolean) : [];
  const datesB = Array.isArray(b?.dates) ? b.dates.filter(Boolean) : [];
  const keysA = new Set(datesA.map(dateKey));
  const keysB = new Set(datesB.map(dateKey));
  const dates = {
    onlyInA: uniqueBy(
      datesA.filter((d) => !keysB.has(dateKey(d))),
      dateKey,
    ),
    onlyInB: uniqueBy(
      datesB.filter((d) => !keysA.has(dateKey(d))),
      dateKey,
    ),
  };

  const quotes = compareQuotes(
    (Array.isArray(a?.quotes) ? a.quotes : []).filter(Boolean),
    (Array.isArray(b?.quotes) ? b.quotes : []).filter(Boolean),
    (q) => speakerGroup(q, (name) => merge.keyOf(0, name)),
    (q) => speakerGroup(q, (name) => merge.keyOf(1, name)),
  );
  return { a: String(a?.id ?? ''), b: String(b?.id ?? ''), actors, dates, quotes };
}

type SpeakerOf = (q: StoryArticleQuote) => { id: string; name: string } | null;

function compareQuotes(quotesA: StoryArticleQuote[], quotesB: StoryArticleQuote[], speakerA: SpeakerOf, speakerB: SpeakerOf): ArticleComparison['quotes'] {
  const wordsA = quotesA.map((q) => quoteWordList(q.text));
  const wordsB = quotesB.map((q) => quoteWordList(q.text));
  const matchedA = new Set<number>();
  const matchedB = new Set<number>();
  // The same words (or a part of them, in order), whoever said them.
  const byText = new Map<string, number[]>();
  wordsB.forEach((w, j) => {
    const key = w.join(' ');
    if (!byText.has(key)) byText.set(key, []);
    byText.get(key)!.push(j);
  });
  wordsA.forEach((w, i) => {
    const exact = byText.get(w.join(' '))?.find((j) => !matchedB.has(j));
    if (exact !== undefined) {
      matchedA.add(i);
      matchedB.add(exact);
    }
  });
  wordsA.forEach((w, i) => {
    if (matchedA.has(i)) return;
    const j = wordsB.findIndex((v, j) => !matchedB.has(j) && w.length && v.length && (containsRun(v, w) || containsRun(w, v)));
    if (j >= 0) {
      matchedA.add(i);
      matchedB.add(j);
    }
  });

  // The same speaker, the same remark, different words.
  const differing: ArticleComparison['quotes']['differing'] = [];
  const pairs: Array<{ i: number; j: number; overlap: number; speaker: string }> = [];
  quotesA.forEach((qa, i) => {
    if (matchedA.has(i)) return;
    const sa = speakerA(qa);
    if (!sa) return;
    quotesB.forEach((qb, j) => {
      if (matchedB.has(j)) return;
      const sb = speakerB(qb);
      if (!sb || sb.id !== sa.id) return;
      const overlap = wordOverlap(wordsA[i], wordsB[j]);
      if (overlap >= SAME_REMARK) pairs.push({ i, j, overlap, speaker: sa.name });
    });
  });
  pairs.sort((x, y) => y.overlap - x.overlap || x.i - y.i || x.j - y.j);
  for (const p of pairs) {
    if (matchedA.has(p.i) || matchedB.has(p.j)) continue;
    matchedA.add(p.i);
    matchedB.add(p.j);
    differing.push({ speaker: p.speaker, a: quotesA[p.i], b: quotesB[p.j] });
  }
  differing.sort((x, y) => x.a.start - y.a.start);
  return {
    onlyInA: quotesA.filter((_, i) => !matchedA.has(i)),
    onlyInB: quotesB.filter((_, j) => !matchedB.has(j)),
    differing,
  };
}

/** The quote's words for comparison: lower case, letters and digits only. */
export function quoteWordList(text: string): string[] {
  return String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** True when `part` occurs as a run of consecutive words in `whole`. */
function containsRun(whole: string[], part: string[]): boolean {
  if (part.length > whole.length) return false;
  outer: for (let s = 0; s + part.length <= whole.length; s++) {
    for (let k = 0; k < part.length; k++) if (whole[s + k] !== part[k]) continue outer;
    return true;
  }
  return false;
}

/** Share of the shorter quote's distinct words that the other quote holds too. */
function wordOverlap(x: string[], y: string[]): number {
  const sx = new Set(x);
  const sy = new Set(y);
  if (!sx.size || !sy.size) return 0;
  let common = 0;
  for (const w of sx) if (sy.has(w)) common++;
  return common / Math.min(sx.size, sy.size);
}

/** Dates compare by value; an unresolved one by its text. */
function dateKey(d: StoryArticleDate): string {
  return d.value
    ? `${d.type}:${d.value}`
    : `${d.type}:text:${String(d.text ?? '')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim()}`;
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function mostMentioned<T extends { mentionCount: number }>(xs: T[]): T {
  return xs.reduce((best, x) => (x.mentionCount > best.mentionCount ? x : best));
}
