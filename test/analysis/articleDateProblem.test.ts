// An article without a date: its relative dates stay unresolved, and one
// problem says so, with how many and the fix. Sentences invented for these tests.
import * as assert from 'node:assert/strict';
import { analyzeArticle, NO_ARTICLE_DATE } from '../../src/analysis';

const UNDATED = 'The port of Valdora reopened last week. Its director said on Friday that the strike of last year cost the town dearly.\n';

describe('no article date (problems)', () => {
  it('reports unresolved relative dates once, on the first of them, with the count and the fix', () => {
    const a = analyzeArticle(UNDATED);
    assert.equal(a.metadata.date, null);
    const unresolved = a.dates.filter((d) => d.relative && d.value === null);
    assert.ok(unresolved.length >= 2, JSON.stringify(a.dates.map((d) => d.text)));
    const reported = a.problems.filter((p) => p.code === NO_ARTICLE_DATE);
    assert.equal(reported.length, 1);
    const [p] = reported;
    assert.equal(p.severity, 'info');
    assert.deepEqual([p.start, p.end], [unresolved[0].start, unresolved[0].end]);
    assert.ok(p.message.includes(`${unresolved.length} relative dates were left unresolved`), p.message);
    assert.match(p.message, /--date YYYY-MM-DD/);
    assert.match(p.message, /dateline/);
    assert.match(p.message, /front-matter/);
    assert.ok(p.message.includes(`"${unresolved[0].text}"`), 'names the dates');
  });

  it('says nothing when the article has a date, or no relative date needs one', () => {
    assert.deepEqual(
      analyzeArticle(` date 2024-08-06 ${UNDATED}`).problems.filter((p) => p.code === NO_ARTICLE_DATE),
      [],
    );
    assert.deepEqual(analyzeArticle(UNDATED, { referenceDate: '2024-08-06' }).problems, []);
    assert.deepEqual(analyzeArticle('The port of Valdora reopened on 3 March 2021 after a long strike.\n').problems, []);
    assert.deepEqual(analyzeArticle('').problems, []);
  });

  it('one date: singular wording', () => {
    const [p] = analyzeArticle('The port of Valdora reopened yesterday.\n').problems.filter((x) => x.code === NO_ARTICLE_DATE);
    assert.ok(p, 'reported');
    assert.match(p.message, /1 relative date was left unresolved \("yesterday"\)/);
  });
});
