// `news-lens eval [--gold FILE.jsonl] [--quotes GOLD.json] [--set NAME] [--out SYSTEM.jsonl] [--json]`
// Runs the analysis over a gold set (one JSON document a line, the format of
// the project's dev sets) and prints P/R/F1 per kind. Users can run it on their
// own gold data; `--out` writes the system output for an independent scorer.
// `--quotes` scores quote attribution on a quote gold file (see evalQuotes.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, readArticleHeader } from '../analysis';
import { formatQuoteScores, readQuoteGold, scoreQuotes } from './evalQuotes';
import { formatScores, type GoldDocument, scoreDocuments, type SystemDocument } from './evalScoring';

const USAGE = 'usage: news-lens eval [--gold FILE.jsonl] [--quotes GOLD.json] [--set NAME] [--out SYSTEM.jsonl] [--json]';

export function systemOutputFor(doc: GoldDocument): SystemDocument {
  // The gold's document creation time stands in when the text has no dateline.
  const hasOwnDate = readArticleHeader(doc.text).metadata.date !== null;
  const resolved = analyzeArticle(doc.text, !hasOwnDate && doc.dct ? { referenceDate: doc.dct } : {});
  return {
    id: doc.id,
    entities: resolved.entities.map((e) => ({ start: e.start, end: e.end, type: e.type })),
    dates: resolved.dates.map((d) => ({ start: d.start, end: d.end, type: d.type, value: d.value })),
    events: resolved.events.map((e) => ({ start: e.start, end: e.end, class: e.class })),
  };
}

export async function runEval(argv: string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const goldPath = arg('--gold');
  const quotesPath = arg('--quotes');
  if ((!goldPath && !quotesPath) || argv.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return goldPath || quotesPath ? 0 : 2;
  }
  if (!goldPath) return runQuoteEval(quotesPath!, argv.includes('--json'));
  let gold: GoldDocument[];
  try {
    gold = fs
      .readFileSync(goldPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => {
        try {
          return JSON.parse(l) as GoldDocument;
        } catch {
          throw new Error(`line ${i + 1} is not valid JSON`);
        }
      });
  } catch (error) {
    process.stderr.write(`news-lens eval: cannot read gold file ${goldPath}: ${(error as Error).message}\n`);
    return 1;
  }
  const system = new Map<string, SystemDocument>();
  for (const doc of gold) system.set(doc.id, systemOutputFor(doc));
  const out = arg('--out');
  if (out) fs.writeFileSync(out, [...system.values()].map((d) => JSON.stringify(d)).join('\n') + '\n');
  const scores = scoreDocuments(gold, system);
  const setName = arg('--set') ?? path.basename(goldPath, '.jsonl');
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify({ set: setName, ...scores })}\n` : `${formatScores(scores, setName)}\n`);
  return quotesPath ? runQuoteEval(quotesPath, argv.includes('--json')) : 0;
}

function runQuoteEval(quotesPath: string, json: boolean): number {
  let scores;
  try {
    scores = scoreQuotes(readQuoteGold(quotesPath), path.dirname(quotesPath));
  } catch (error) {
    process.stderr.write(`news-lens eval: cannot score quotes from ${quotesPath}: ${(error as Error).message}\n`);
    return 1;
  }
  const name = path.basename(quotesPath, '.json');
  process.stdout.write(json ? `${JSON.stringify({ set: name, quotes: scores })}\n` : `${formatQuoteScores(scores, name)}\n`);
  return 0;
}
