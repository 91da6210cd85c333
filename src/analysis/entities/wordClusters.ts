// Word clusters (hierarchical k-means over GloVe vectors, scripts/build-word-clusters.mjs):
// the tagger's way of generalising from names it was trained on to names it was not.
import { rememberBounded } from '../boundedCache';
import { WORD_CLUSTERS } from './data/wordClusters.generated';
import { lowerBoundLine } from './sortedLines';

// The table is one line a word, "word path", sorted by word, and is searched where it lies:
// a Map of its 60,000 words took tens of milliseconds (and as much again in garbage
// collection) at every start-up, and megabytes for the life of the process.
const MAX_REMEMBERED = 20_000;
const remembered = new Map<string, string>();

/** The cluster path of a lower-case word ("nairobi" → "851"), or '' for a word not in the table. */
export function wordCluster(lowerWord: string): string {
  return remembered.get(lowerWord) ?? rememberBounded(remembered, MAX_REMEMBERED, lowerWord, findInSortedLines(WORD_CLUSTERS, lowerWord));
}

/** The value of `key` in "key value" lines sorted by key, or '' when no line has it. */
export function findInSortedLines(text: string, key: string): string {
  const lineStart = lowerBoundLine(text, key, ' ');
  if (lineStart >= text.length) return '';
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  let space = text.indexOf(' ', lineStart);
  if (space < 0 || space > lineEnd) space = lineEnd;
  return text.slice(lineStart, space) === key ? text.slice(Math.min(space + 1, lineEnd), lineEnd) : '';
}
