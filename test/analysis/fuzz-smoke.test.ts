// A small, fixed-seed slice of the fuzz run (npm run test:fuzz has the full 10,000
// inputs): hostile and mutated text never breaks the analysis' invariants.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle, LruParagraphCache } from '../../src/analysis';
import { anyInput, applyMutation, article, mutation } from '../fuzz/arbitraries';
import { analysisViolations } from '../fuzz/invariants';

describe('fuzz smoke: analysis invariants on hostile text', function () {
  this.timeout(120_000);

  it('never throws; spans stay inside the text, match it, and do not overlap within a layer (300 inputs)', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const violations = analysisViolations(text, analyzeArticle(text));
        assert.deepEqual(violations, [], `on ${JSON.stringify(text.slice(0, 300))}`);
      }),
      { numRuns: 300, seed: 20240806 },
    );
  });

  it('a warm paragraph cache gives the same analysis as a fresh one after an edit (50 edits)', () => {
    fc.assert(
      fc.property(article, fc.array(mutation, { minLength: 1, maxLength: 3 }), (original, edits) => {
        const cache = new LruParagraphCache();
        analyzeArticle(original, { cache });
        const edited = edits.reduce(applyMutation, original);
        assert.equal(JSON.stringify(analyzeArticle(edited, { cache })), JSON.stringify(analyzeArticle(edited)));
      }),
      { numRuns: 50, seed: 20240806 },
    );
  });
});
