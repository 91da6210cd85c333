// Word clusters (hierarchical k-means over GloVe vectors, scripts/build-word-clusters.mjs):
// the tagger's way of generalising from names it was trained on to names it was not.
import { WORD_CLUSTERS } from './data/wordClusters.generated';

let clusters: Map<string, string> | null = null;

/** The cluster path of a lower-case word ("nairobi" → "851"), or '' for a word not in the table. */
export function wordCluster(lowerWord: string): string {
  if (!clusters) {
    clusters = new Map();
    for (const line of WORD_CLUSTERS.split('\n')) {
      const space = line.indexOf(' ');
      const path = line.slice(0, space);
      for (const word of line.slice(space + 1).split(' ')) clusters.set(word, path);
    }
  }
  return clusters.get(lowerWord) ?? '';
}
