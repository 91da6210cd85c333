// The tagger scores features by hashes built without the feature strings
// (staticFeatureHashes); training and the model use featureHash(staticFeatures(...)).
// The two must give the same hashes (scores are sums: order is free), or the tagger silently loses weights.
import * as assert from 'node:assert/strict';
import { prepareTokens, staticFeatureHashes, staticFeatures, wordShape } from '../../src/analysis/entities/features';
import { featureHash, findRow, getShippedModel, parseModel, rowTable, tokenScores, transitionMatrix } from '../../src/analysis/entities/tagger';
import { parseParagraph } from '../../src/analysis/parse';
import { generateArticle } from '../fixtures/generateArticle';

const SAMPLES = [
  'Dock workers at the Port of Valmere stopped work on Monday, union officials said.',
  'HARBOUR WORKERS WALK OUT IN VALMERE AS TALKS STALL',
  'Ilvesen\'s union wants a 9 percent rise; Mr. Randell called it "unrealistic" (again).',
  'Professor Amara Okonkwo of the University of Lagos met al-Rashid and van der Meer in São Paulo.',
  'Zoë Ćirić\u00a0said\u2003“no” — then left for Zürich\u3000on 12 October 2023.',
  'I. B. M. and A.T.&T. fell 3.5% in New York; the U.N. said nothing.',
  'x',
  '',
];

describe('tagger feature hashes', () => {
  const texts = [...SAMPLES, ...generateArticle({ seed: 7, paragraphs: 12 }).split('\n\n')];

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

  it('equal featureHash of every staticFeatures string, for every token', () => {
    let tokens = 0;
    const out: number[] = [];
    for (const text of texts) {
      const p = prepareTokens(parseParagraph(text));
      for (let i = 0; i < p.tokens.length; i++) {
        const features = staticFeatures(p, i);
        assert.deepEqual(sorted(staticFeatureHashes(p, i, out)), sorted(features.map(featureHash)), `"${p.tokens[i].text}" in: ${text.slice(0, 60)}`);
        tokens++;
      }
    }
    assert.ok(tokens > 300, `only ${tokens} tokens checked`);
  });
});

describe('tagger row table', () => {
  it('finds every feature row of the shipped model and nothing for hashes it lacks', () => {
    const model = getShippedModel();
    const table = rowTable(model);
    const rows = new Map<number, number>();
    model.hashes.forEach((hash, r) => rows.set(hash, r * model.labels.length));
    assert.equal(rows.size, model.hashes.length, 'feature hashes are unique');
    for (const [hash, row] of rows) assert.equal(findRow(table, hash), row);
    let absent = 0;
    for (let k = 0; k < 20_000; k++) {
      const hash = featureHash(`not-a-feature-${k}`);
      if (rows.has(hash)) continue;
      assert.equal(findRow(table, hash), -1);
      absent++;
    }
    assert.ok(absent > 19_000);
  });
});

describe('tagger model text', () => {
  // The model is read into typed arrays straight from its base64 (no Map of hashes): the
  // weights, the hashes and every row must come out as training wrote them, whatever the padding.
  function modelText(labels: string[], weights: number[], hashes: number[]): string {
    const w = Buffer.alloc(weights.length * 2);
    weights.forEach((x, k) => w.writeInt16LE(x, 2 * k));
    const h = Buffer.alloc(hashes.length * 4);
    hashes.forEach((x, k) => h.writeUInt32LE(x, 4 * k));
    return `labels ${labels.join(' ')}\n${w.toString('base64')}\n${h.toString('base64')}`;
  }

  for (const rows of [1, 2, 3, 5]) {
    it(`reads ${rows} row(s) of weights and hashes`, () => {
      const labels = ['O', 'B-PER', 'I-PER'];
      const weights = Array.from({ length: rows * labels.length }, (_, k) => ((k % 2 ? -1 : 1) * (k * 7919)) % 32768);
      const hashes = Array.from({ length: rows }, (_, r) => (featureHash(`feature-${r}`) ^ (r << 31)) >>> 0);
      const model = parseModel(modelText(labels, weights, hashes));
      assert.deepEqual(model.labels, labels);
      assert.deepEqual([...model.weights], weights);
      assert.deepEqual([...model.hashes], hashes);
      const table = rowTable(model);
      hashes.forEach((hash, r) => assert.equal(findRow(table, hash), r * labels.length));
      assert.equal(findRow(table, featureHash('absent')), -1);
    });
  }

  it('takes the transition weights from the rows of T=<label>', () => {
    const labels = ['O', 'B-PER', 'I-PER'];
    const model = parseModel(modelText(labels, [0, 0, 0, 5, -6, 7], [featureHash('w=x'), featureHash('T=O')]));
    const matrix = transitionMatrix(model);
    assert.deepEqual([...matrix.slice(0, 3)], [5, -6, -Infinity]);
  });
});

describe('wordShape', () => {
  // The definition: upper-case letters X, lower-case x, ASCII digits d, anything else itself;
  // a run of one class is cut at two characters.
  function reference(word: string): string {
    let shape = '';
    let last = '';
    let run = 0;
    for (const ch of word) {
      const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
      if (c === last) {
        if (++run > 2) continue;
      } else {
        last = c;
        run = 1;
      }
      shape += c;
    }
    return shape;
  }
  it('agrees with the definition on every ASCII character and on non-ASCII words', () => {
    const words = ['McDonald', 'U.N.', 'A.T.&T.', '1990s', 'Zoë', 'ÉLYSÉE', 'Ćirić', 'Δελτα', '٣٤', '１２３', 'Straße', 'ǅemal', '😀x', "O'Neill", '-'];
    for (let c = 0; c < 128; c++) words.push(String.fromCharCode(c), `Ab${String.fromCharCode(c)}9z`);
    for (const word of words) assert.equal(wordShape(word), reference(word), JSON.stringify(word));
  });
});

describe('tagger token scores', () => {
  // The tagger keeps summed weights per word and per tag set; the scores must still be the sum
  // of the weights of staticFeatures' strings, token by token, however often a word recurs and
  // whether it first came in an all-caps line (where its shape comes from the lexicon) or not.
  const texts = [
    'VALMERE PORT WORKERS STRIKE AS UN TALKS STALL IN NEW YORK',
    'Valmere port workers met the UN envoy in New York; the UN said talks would resume.',
    'THE UN AND VALMERE: NEW YORK TALKS',
    ...SAMPLES,
    ...generateArticle({ seed: 9, paragraphs: 8 }).split('\n\n'),
  ];

  it('equal the summed weights of the feature strings, for every scored token, cold and warm', () => {
    const model = getShippedModel();
    const table = rowTable(model);
    const L = model.labels.length;
    let scored = 0;
    for (const round of [1, 2]) {
      for (const text of texts) {
        const p = prepareTokens(parseParagraph(text));
        const { emission, forced } = tokenScores(p, model);
        for (let i = 0; i < p.tokens.length; i++) {
          if (forced[i]) continue;
          const expected = new Array<number>(L).fill(0);
          for (const f of staticFeatures(p, i)) {
            const row = findRow(table, featureHash(f));
            if (row >= 0) for (let c = 0; c < L; c++) expected[c] += model.weights[row + c];
          }
          assert.deepEqual([...emission.subarray(i * L, i * L + L)], expected, `round ${round}: "${p.tokens[i].text}" in: ${text.slice(0, 60)}`);
          scored++;
        }
      }
    }
    assert.ok(scored > 200, `only ${scored} tokens scored`);
  });
});
