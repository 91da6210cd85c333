// Regressions from the fuzz run. The worst input it found: one 1 MB line. Every
// per-paragraph step treated it as one paragraph, and steps that scan all mentions
// per event or per candidate went quadratic (minutes, with the editor frozen).
// Over-long paragraphs are now cut into sentence-aligned, content-defined pieces.
import * as assert from 'node:assert/strict';
import { analyzeArticle, LruParagraphCache } from '../../src/analysis';
import { splitParagraphs } from '../../src/analysis/segmentation';
import { longLine } from '../fuzz/arbitraries';
import { analysisViolations } from '../fuzz/invariants';

describe('fuzz regressions: one very long line', function () {
  this.timeout(120_000);
  const line = longLine(7, 1_000_000);

  it('is cut into bounded, sentence-aligned pieces that cover all its text', () => {
    const pieces = splitParagraphs(line);
    assert.ok(pieces.length > 50, `only ${pieces.length} pieces`);
    let covered = 0;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      assert.ok(p.end - p.start <= 16_000, `piece ${i} has ${p.end - p.start} characters`);
      if (i > 0) {
        assert.ok(p.start >= pieces[i - 1].end, 'pieces overlap');
        assert.equal(line.slice(pieces[i - 1].end, p.start).trim(), '', 'text lost between pieces');
        assert.match(line.slice(pieces[i - 1].start, pieces[i - 1].end), /[.!?…]["'”’)\]]*$/, 'a piece does not end at a sentence end');
      }
      covered += p.end - p.start;
    }
    assert.ok(covered >= line.trim().length - pieces.length, 'pieces do not cover the line');
  });

  it('an edit in the middle changes only the pieces around it, so the cache keeps the rest', () => {
    const before = splitParagraphs(line).map((p) => line.slice(p.start, p.end));
    const edited = `${line.slice(0, 500_000)} An inserted sentence names Amara Okonkwo. ${line.slice(500_000)}`;
    const after = splitParagraphs(edited).map((p) => edited.slice(p.start, p.end));
    const kept = new Set(before);
    const changed = after.filter((p) => !kept.has(p)).length;
    assert.ok(changed <= 3, `${changed} of ${after.length} pieces changed`);
  });

  it('a long line analyses with every invariant kept, and a cached re-analysis equals a fresh one', () => {
    const text = ` date 2024-03-01 ${line.slice(0, 60_000)}`;
    const cache = new LruParagraphCache();
    const a = analyzeArticle(text, { cache });
    assert.deepEqual(analysisViolations(text, a), []);
    assert.ok(a.paragraphs.length > 3 && a.entities.length > 50);
    assert.equal(JSON.stringify(analyzeArticle(text, { cache })), JSON.stringify(a));
  });
});

// FUZZ_SEED=-817515681 broke "entities never overlap": a name carried over a
// particle ("al-") cut into the next span, giving nested entities [2,15) and [13,15).
describe('fuzz regressions: a name extended over a particle into the next name', () => {
  const minimal = Buffer.concat([Buffer.from([0xef, 0xb7, 0xba, 0x20]), Buffer.from("') al-Br F EU-n", 'utf8')]).toString('utf8');

  it('the minimal input (bytes EF B7 BA 20, then ") al-Br F EU-n") gives no overlapping entities', () => {
    const analysis = analyzeArticle(minimal);
    assert.deepEqual(analysisViolations(minimal, analysis), []);
  });

  it('the same shape inside a sentence keeps every invariant', () => {
    for (const text of [
      `Officials said ${minimal} on Monday.`,
      "Reports named Abu al-Br F EU-n and Jama'a al-Nusra F UN-x.",
      ` date 2024-03-01 ${minimal}\n\n${minimal}`,
    ]) {
      assert.deepEqual(analysisViolations(text, analyzeArticle(text)), [], text);
    }
  });
});
