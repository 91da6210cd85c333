// Property-based tests of the language service over hostile and mutated text.
// Run with `npm run test:fuzz`; FUZZ_SEED=n replays a run.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle, LruParagraphCache } from '../../src/analysis';
import { generateArticle } from '../fixtures/generateArticle';
import { anyInput, applyMutation, article, longLine, mutation, nastyChar } from './arbitraries';
import { countInput, fuzzSeed } from './inputCount';
import { analysisViolations, comparable } from './invariants';

const RUNS = Number(process.env.FUZZ_ANALYSIS_RUNS ?? 7500);
const EDIT_RUNS = Number(process.env.FUZZ_EDIT_RUNS ?? 500);
// The CI slice (npm run test:fuzz:ci) leaves out the 1 MB inputs (about 100 s); npm run test:fuzz runs them.
const LARGE = process.env.FUZZ_LARGE_INPUTS !== '0';
const itLarge = LARGE ? it : it.skip;

function analyseChecked(text: string, options = {}) {
  let analysis;
  try {
    analysis = analyzeArticle(text, options);
  } catch (error) {
    throw new Error(`analyzeArticle threw on ${JSON.stringify(text.slice(0, 200))}…: ${error instanceof Error ? error.stack : error}`);
  }
  const violations = analysisViolations(text, analysis);
  if (violations.length) throw new Error(`invariants broken on ${JSON.stringify(text.slice(0, 300))}:\n${violations.slice(0, 10).join('\n')}`);
  return analysis;
}

describe('fuzz: analysis', function () {
  this.timeout(0);

  it(`never throws, keeps spans inside the text and a layer's spans apart (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        countInput('analysis invariants');
        analyseChecked(text);
      }),
      { numRuns: RUNS, seed: fuzzSeed(), endOnFailure: true },
    );
  });

  it(`re-analysis with a warm paragraph cache equals a fresh analysis after any edit (${EDIT_RUNS} edits)`, () => {
    fc.assert(
      fc.property(article, fc.array(mutation, { minLength: 1, maxLength: 3 }), (original, edits) => {
        countInput('cached re-analysis after an edit', 1);
        const cache = new LruParagraphCache();
        analyzeArticle(original, { cache });
        const edited = edits.reduce(applyMutation, original);
        const incremental = analyseChecked(edited, { cache });
        const fresh = analyzeArticle(edited);
        assert.equal(comparable(incremental), comparable(fresh));
      }),
      { numRuns: EDIT_RUNS, seed: fuzzSeed(), endOnFailure: true },
    );
  });

  itLarge('analyses 1 MB lines (plain prose, and prose laced with hostile characters)', () => {
    const plain = longLine(7, 1_000_000);
    const laced = fc.sample(fc.string({ unit: nastyChar, minLength: 2000, maxLength: 2000 }), { numRuns: 1, seed: 7 })[0];
    const hostile = ` date 2024-02-30 ${plain.slice(0, 500_000)}${laced}${plain.slice(500_000)}`.slice(0, 1_000_000);
    for (const text of [plain, hostile]) {
      countInput('1 MB lines');
      const a = analyseChecked(text);
      assert.ok(a.entities.length > 0, 'a 1 MB line of news prose still yields entities');
    }
  });

  itLarge('analyses a 1 MB article of short paragraphs and a CRLF article with NUL bytes', () => {
    const big = generateArticle({ seed: 5, targetChars: 1_000_000 });
    const nul = generateArticle({ seed: 6, paragraphs: 30, newline: '\r\n' }).replace(/ the /g, ' the\u0000');
    for (const text of [big, nul]) {
      countInput('large and NUL articles');
      const a = analyseChecked(text);
      assert.ok(a.paragraphs.length > 1);
    }
  });
});
