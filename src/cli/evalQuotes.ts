// Quote attribution scoring for `news-lens eval --quotes GOLD.json`.
// The gold file lists article files (paths relative to it) and, per article, the
// quotations it holds, each located by a phrase it contains, with the speaker's name:
//   {"articles": [{"file": "a.news",
//                  "quotes": [{"contains": "We have waited", "speaker": "Daniel Okafor"},
//                             {"contains": "Closing it", "through": "within a year", "speaker": "…"}],
//                  "notQuotes": ["nightmare"]}]}
// A gold quote is found when one system quotation covers its `contains` phrase (and its
// `through` phrase: a quotation running on into the next paragraph must be one quotation);
// its speaker is right when the speaker actor's name or one of its aliases is the gold
// name (possibly after a title), or the gold name's surname when that is all the actor has.
// `notQuotes` are scare quotes: listing one as a quotation counts against precision.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, type ArticleAnalysis } from '../analysis';
import { prf, type Prf } from './evalScoring';

export interface QuoteGoldItem {
  contains: string;
  through?: string;
  speaker: string;
}

export interface QuoteGoldArticle {
  file: string;
  quotes: QuoteGoldItem[];
  notQuotes?: string[];
}

export interface QuoteMiss {
  file: string;
  contains: string;
  expected: string;
  /** The speaker found, `null` when the quotation had none, `undefined` when the quotation was not found. */
  found?: string | null;
}

export interface QuoteScores {
  articles: number;
  /** Gold quotations found as one system quotation. */
  detection: Prf;
  /** Share of gold quotations found with the right speaker. */
  attributionAccuracy: number;
  attributed: number;
  /** Scare quotes listed as quotations. */
  scareQuotesListed: number;
  misses: QuoteMiss[];
}

/** Reads and checks a quote gold file; throws an Error with a readable message. */
export function readQuoteGold(goldPath: string): QuoteGoldArticle[] {
  const raw = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as { articles?: unknown };
  if (!raw || !Array.isArray(raw.articles)) throw new Error('expected an object with an "articles" array');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field below
  return raw.articles.map((a: any, i: number) => {
    if (!a || typeof a.file !== 'string' || !Array.isArray(a.quotes)) throw new Error(`article ${i + 1} needs "file" and "quotes"`);
    for (const q of a.quotes) {
      if (!q || typeof q.contains !== 'string' || typeof q.speaker !== 'string') throw new Error(`a quote of ${a.file} needs "contains" and "speaker"`);
    }
    return { file: a.file, quotes: a.quotes, notQuotes: Array.isArray(a.notQuotes) ? a.notQuotes.filter((s: unknown) => typeof s === 'string') : [] };
  });
}

export function scoreQuotes(articles: QuoteGoldArticle[], baseDir: string): QuoteScores {
  let goldCount = 0;
  let systemCount = 0;
  let found = 0;
  let attributed = 0;
  let scare = 0;
  const misses: QuoteMiss[] = [];
  for (const article of articles) {
    const text = fs.readFileSync(path.resolve(baseDir, article.file), 'utf8');
    const analysis = analyzeArticle(text);
    systemCount += analysis.quotes.length;
    goldCount += article.quotes.length;
    const used = new Set<number>();
    for (const gold of article.quotes) {
      const at = text.indexOf(gold.contains);
      const through = gold.through ? text.indexOf(gold.through, Math.max(0, at)) : at;
      const index = at < 0 || through < 0 ? -1 : analysis.quotes.findIndex((q) => q.start <= at && through + (gold.through ?? gold.contains).length <= q.end);
      if (index < 0) {
        misses.push({ file: article.file, contains: gold.contains, expected: gold.speaker });
        continue;
      }
      // Two gold entries in one system quotation count the quotation once for precision.
      if (!used.has(index)) found++;
      used.add(index);
      const speaker = speakerName(analysis, analysis.quotes[index]);
      if (speakerMatches(analysis, analysis.quotes[index], gold.speaker)) attributed++;
      else misses.push({ file: article.file, contains: gold.contains, expected: gold.speaker, found: speaker });
    }
    for (const phrase of article.notQuotes ?? []) {
      const at = text.indexOf(phrase);
      if (at >= 0 && analysis.quotes.some((q) => q.start <= at && at < q.end)) scare++;
    }
  }
  return {
    articles: articles.length,
    detection: prf(found, systemCount, goldCount),
    attributionAccuracy: goldCount ? attributed / goldCount : 0,
    attributed,
    scareQuotesListed: scare,
    misses,
  };
}

function speakerName(analysis: ArticleAnalysis, quote: ArticleAnalysis['quotes'][number]): string | null {
  const actor = quote.speaker ? analysis.actors.find((a) => a.id === quote.speaker) : undefined;
  return actor?.name ?? quote.speakerText ?? null;
}

function speakerMatches(analysis: ArticleAnalysis, quote: ArticleAnalysis['quotes'][number], expected: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N} ]/gu, '')
      .replace(/\s+/g, ' ')
      .trim();
  const want = norm(expected);
  const actor = quote.speaker ? analysis.actors.find((a) => a.id === quote.speaker) : undefined;
  if (!actor) return false;
  // A full name is right, also with a title the tagger kept in it ("Attorney General Mark
  // Ellison"); so is the bare surname when the actor was only ever called that.
  const names = [actor.name, ...actor.aliases].map(norm);
  return names.some((n) => n === want || n.endsWith(` ${want}`)) || (names.length === 1 && want.endsWith(` ${names[0]}`));
}

export function formatQuoteScores(scores: QuoteScores, name: string): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const d = scores.detection;
  const lines = [
    `${name}: ${scores.articles} articles`,
    'Quotes',
    `  detection      P ${pct(d.p).padStart(5)}  R ${pct(d.r).padStart(5)}  F1 ${pct(d.f).padStart(5)}   (gold ${d.gold}, system ${d.sys})`,
    `  attribution    ${pct(scores.attributionAccuracy)}   (${scores.attributed} of ${d.gold} with the right speaker)`,
    `  scare quotes listed as quotations: ${scores.scareQuotesListed}`,
  ];
  for (const miss of scores.misses) {
    const got = miss.found === undefined ? 'quotation not found' : `speaker ${miss.found === null ? 'none' : JSON.stringify(miss.found)}`;
    lines.push(`  miss ${miss.file}: "${miss.contains}…" expected ${JSON.stringify(miss.expected)}, ${got}`);
  }
  return lines.join('\n');
}
