// The long-article scheduler: a background warm must leave nothing for the full
// analysis to redo, it must stop soon after its work goes stale, and the visible
// range must answer within its time budget.
import * as assert from 'node:assert/strict';
import { analyzeArticle, LruParagraphCache, type ParagraphCache } from '../../src/analysis';
import { splitParagraphs } from '../../src/analysis/segmentation';
import { analyseWindow, warmParagraphCache } from '../../src/server/scheduler';
import { generateArticle } from '../fixtures/generateArticle';

/** A cache that counts what the analysis stores in it (a store = a paragraph analysed). */
class CountingCache implements ParagraphCache {
  readonly inner = new LruParagraphCache(100_000);
  stores = 0;
  get(key: string): unknown {
    return this.inner.get(key);
  }
  set(key: string, value: unknown): void {
    this.stores++;
    this.inner.set(key, value);
  }
}

describe('scheduler: background warm and the visible range', function () {
  this.timeout(120_000);
  const text = generateArticle({ seed: 77, paragraphs: 30 });
  const crlf = generateArticle({ seed: 78, paragraphs: 12, newline: '\r\n' });

  for (const [name, article] of [
    ['LF', text],
    ['CRLF', crlf],
  ] as const) {
    it(`warming the cache leaves nothing for the full analysis to redo (${name}, dateline lead included)`, async () => {
      assert.match(article, /^ ?date \d{4}-\d\d-\d\d /, 'the fixture starts with a dateline');
      const cache = new CountingCache();
      assert.equal(await warmParagraphCache(article, { cache, isStale: () => false }), true);
      const warmed = cache.stores;
      assert.ok(warmed > 5);
      const full = analyzeArticle(article, { cache });
      assert.equal(cache.stores, warmed, 'the full analysis analysed paragraphs the warm had already done');
      assert.deepEqual(full, analyzeArticle(article), 'a warmed cache changes nothing in the result');
    });
  }

  it('warms only the paragraphs of a range when asked, and stops when stale', async () => {
    const spans = splitParagraphs(text, 0);
    const range = { start: spans[10].start, end: spans[12].end };
    const cache = new CountingCache();
    assert.equal(await warmParagraphCache(text, { cache, isStale: () => false, only: range }), true);
    assert.equal(cache.stores, 3);
    // A clock where every paragraph takes a whole slice: the work yields after each one, sees
    // that it is stale and stops, instead of analysing the rest and then reporting staleness.
    let clock = 0;
    const slow = () => (clock += 1_000);
    const stale = new CountingCache();
    let staleAfter = 2;
    assert.equal(await warmParagraphCache(text, { cache: stale, isStale: () => --staleAfter < 0, now: slow }), false);
    assert.ok(stale.stores >= 1 && stale.stores <= 3, `stopped early: ${stale.stores} of ${spans.length} paragraphs stored`);
    const fresh = new CountingCache();
    assert.equal(await warmParagraphCache(text, { cache: fresh, isStale: () => false, now: slow }), true);
    assert.equal(fresh.stores, spans.length, 'not stale: every paragraph, however many slices');
  });

  it('answers a window within its budget: at least its first paragraph, and says when it is partial', () => {
    const spans = splitParagraphs(text, 0);
    const window = { start: spans[3].start, end: spans[8].end };
    const inside = (s: { start: number; end: number }, from: number, to: number) => s.start >= from && s.end <= to;

    const partial = analyseWindow(text, window, { cache: new LruParagraphCache() }, 0);
    assert.equal(partial.complete, false);
    assert.ok(partial.analysis.entities.length > 0, 'the first paragraph of the window has entities');
    for (const e of partial.analysis.entities) assert.ok(inside(e, spans[3].start, spans[3].end), `entity ${e.text} outside the first paragraph`);

    const whole = analyseWindow(text, window, { cache: new LruParagraphCache() });
    assert.equal(whole.complete, true);
    for (const e of whole.analysis.entities) assert.ok(inside(e, window.start, window.end), `entity ${e.text} outside the window`);
    assert.ok(
      whole.analysis.entities.some((e) => e.start >= spans[8].start),
      'the last paragraph of the window is analysed',
    );
    // Offsets are into the full text.
    for (const e of whole.analysis.entities) assert.equal(text.slice(e.start, e.end), e.text);
  });
});
