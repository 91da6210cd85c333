// Word clusters (hierarchical k-means over GloVe vectors, scripts/build-word-clusters.mjs):
// the tagger's way of generalising from names it was trained on to names it was not.
import { rememberBounded } from '../boundedCache';
import { WORD_CLUSTERS } from './data/wordClusters.generated';

// The table is one line a word, "word path", sorted by word, and is searched where it lies:
// a Map of its 60,000 words took tens of milliseconds (and as much again in garbage
// collection) at every start-up, and megabytes for the life of the process.
const MAX_REMEMBERED = 20_000;
const remembered = new Map<string, string>();

/** The cluster path of a lower-case word ("nairobi" → "851"), or '' for a word not in the table. */
export function wordCluster(lowerWord: string): string {
  return remembered.get(lowerWord) ?? rememberBounded(remembered, MAX_REMEMBERED, lowerWord, findInSortedLines(WORD_CLUSTERS, lowerWord));
}

/**
 * Binary search over "key value" lines sorted by key (JavaScript string order): the value
 * of `key`, or '' when no line has it. Bounds are always line starts (or one past the end).
 */
export function findInSortedLines(text: string, key: string): string {
  let lo = 0;
  let hi = text.length + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const lineStart = text.lastIndexOf('\n', mid - 1) + 1;
    if (lineStart < lo || lineStart >= hi) return '';
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let space = text.indexOf(' ', lineStart);
    if (space < 0 || space > lineEnd) space = lineEnd;
    const lineKey = text.slice(lineStart, space);
    if (lineKey === key) return text.slice(Math.min(space + 1, lineEnd), lineEnd);
    if (lineKey < key) lo = lineEnd + 1;
    else hi = lineStart;
  }
  return '';
}
