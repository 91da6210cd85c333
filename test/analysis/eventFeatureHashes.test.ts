// The event tagger scores a token's word-context features by hashes built without the strings
// (wordContextHashes); training and the model use featureHash(wordContextFeatures(...)). They must
// agree, or the tagger silently loses weights.
import * as assert from 'node:assert/strict';
import { featureHash } from '../../src/analysis/entities/tagger';
import { contextShape, prepareEventTokens, wordContextFeatures, wordContextHashes } from '../../src/analysis/events/eventFeatures';
import { parseParagraph } from '../../src/analysis/parse';
import { generateArticle } from '../fixtures/generateArticle';

const SAMPLES = [
  'Dock workers at the Port of Valmere stopped work on Monday, union officials said.',
  'The minister was expected to announce the withdrawal of 300 troops; talks had stalled.',
  'Prices rose 5 percent after the strike, and the company reported a loss of $2 million.',
  'Zoë Ćirić said “no” — then left for Zürich on 12 October 2023.',
  'Strikes. Protests! Elections?',
];

describe('event feature hashes', () => {
  it('equal featureHash of every wordContextFeatures string, in order, for every token', () => {
    const texts = [...SAMPLES, ...generateArticle({ seed: 5, paragraphs: 10 }).split('\n\n')];
    const hashes: number[] = [];
    let tokens = 0;
    for (const text of texts) {
      const p = prepareEventTokens(parseParagraph(text));
      for (let i = 0; i < p.tokens.length; i++) {
        const shape = contextShape(p, i);
        const features = wordContextFeatures(p, i, [], shape);
        assert.deepEqual(wordContextHashes(p, i, hashes, shape), features.map(featureHash), `"${p.tokens[i].text}" in: ${text.slice(0, 60)}`);
        tokens++;
      }
    }
    assert.ok(tokens > 300, `only ${tokens} tokens checked`);
  });

  it('gives two tokens the same context-shape key only when their shape features agree', () => {
    const byKey = new Map<number | string, string>();
    for (const text of [...SAMPLES, ...generateArticle({ seed: 6, paragraphs: 10 }).split('\n\n')]) {
      const p = prepareEventTokens(parseParagraph(text));
      for (let i = 0; i < p.tokens.length; i++) {
        const s = contextShape(p, i);
        const post = p.tokens[i].post;
        const described = [s.prevPos, p.pos[i], s.nextPos, s.left, s.comp, i === p.sentenceFirst[i], /[,;:.]/.test(post), !/\S/.test(post)].join(' ');
        const seen = byKey.get(s.key);
        if (seen !== undefined) assert.equal(described, seen, `key ${s.key}`);
        else byKey.set(s.key, described);
      }
    }
    assert.ok(byKey.size > 20);
  });
});
