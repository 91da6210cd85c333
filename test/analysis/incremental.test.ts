// Re-analysis through the paragraph cache must give what a fresh analysis gives:
// the document-level steps read cached paragraph parts (their words for the name
// propagation, their spans moved to document offsets), never a stale or shifted copy.
import * as assert from 'node:assert/strict';
import { analyzeArticle, LruParagraphCache, planParagraphs } from '../../src/analysis';
import { surfaceWords } from '../../src/analysis/entities/surfaceWords';
import { analyzeParagraphJob, documentWords } from '../../src/analysis/incremental';

const ARTICLE = [
  // the lead shares its line with the dateline: its words start after it
  ' date 2024-03-04 NAIROBI - Amara Okonkwo, the finance minister, met the Kenyan envoy Jonas Lindqvist on Monday.',
  'Okonkwo said the talks with Northwind Shipping would resume next week.',
  'OKONKWO TO MEET LINDQVIST AGAIN',
  'Lindqvist told reporters in Nairobi that Northwind Shipping had not signed anything.',
  'Two days later, Okonkwo left for Geneva.',
].join('\n\n');

const fresh = (text: string) => JSON.stringify(analyzeArticle(text));

/** Each edit applied to the article in turn, re-analysed through one warm cache. */
function editsThroughCache(edits: Array<(paragraphs: string[]) => void>): Array<{ text: string; cached: string }> {
  const cache = new LruParagraphCache();
  analyzeArticle(ARTICLE, { cache });
  const paragraphs = ARTICLE.split('\n\n');
  return edits.map((edit) => {
    edit(paragraphs);
    const text = paragraphs.join('\n\n');
    return { text, cached: JSON.stringify(analyzeArticle(text, { cache })) };
  });
}

describe('incremental re-analysis: an edit gives the fresh analysis', () => {
  it('the article finds names by propagation (a surname alone, a name in capitals), so the edits below test it', () => {
    const { entities } = analyzeArticle(ARTICLE);
    const okonkwo = entities.filter((e) => /^okonkwo$/i.test(e.text));
    assert.ok(okonkwo.length >= 3, JSON.stringify(entities));
    assert.ok(
      entities.some((e) => e.evidence === 'rule'),
      'some mention is found only by the document-level propagation',
    );
  });

  it('editing, inserting and deleting paragraphs: every re-analysis equals a fresh one', () => {
    const results = editsThroughCache([
      (p) => {
        p[1] = p[1].replace('next week', 'on Friday, Lindqvist said');
      },
      (p) => {
        p.splice(2, 0, 'Jonas Lindqvist and Amara Okonkwo shook hands in Nairobi.');
      },
      (p) => {
        p[0] = p[0].replace('Amara Okonkwo', 'Hana Takeda');
      }, // the full name goes: "Okonkwo" alone no longer names her
      (p) => {
        p.splice(1, 1);
      },
      (p) => {
        p[p.length - 1] += ' Takeda stayed.';
      },
    ]);
    for (const { text, cached } of results) assert.equal(cached, fresh(text), text);
  });

  it('re-analysing the same text twice through the cache changes nothing (cached parts are not altered)', () => {
    const cache = new LruParagraphCache();
    const first = JSON.stringify(analyzeArticle(ARTICLE, { cache }));
    const edited = ARTICLE.replace('Two days later', 'Three days later');
    analyzeArticle(edited, { cache });
    assert.equal(JSON.stringify(analyzeArticle(ARTICLE, { cache })), first);
    assert.equal(first, fresh(ARTICLE));
  });

  it('one cached paragraph at many offsets (repeated, then moved) gives the fresh analysis each time', () => {
    // A paragraph's results are kept shifted to the offsets it was met at: more offsets than are kept, and back again.
    const repeated = 'Lindqvist told reporters in Nairobi that Northwind Shipping had not signed anything.';
    const cache = new LruParagraphCache();
    const texts = [ARTICLE, `${ARTICLE}\n\n${Array(6).fill(repeated).join('\n\n')}`, `Okonkwo spoke first.\n\n${ARTICLE}`, ARTICLE];
    const analyses = texts.map((text) => analyzeArticle(text, { cache }));
    const results = analyses.map((analysis) => JSON.stringify(analysis));
    texts.forEach((text, i) => assert.equal(results[i], fresh(text), text));
    // A later analysis leaves an earlier one as it was: shared parts are never altered.
    analyses.forEach((analysis, i) => assert.equal(JSON.stringify(analysis), results[i]));
  });

  it('a huge paragraph cut into pieces inside a word still gives the fresh analysis', () => {
    const text = `Amara Okonkwo arrived. ${'Okonkwo'.repeat(2_500)} Okonkwo left.\n\nOkonkwo returned.`;
    const cache = new LruParagraphCache();
    analyzeArticle(text, { cache });
    const edited = text.replace('Okonkwo returned', 'Okonkwo returned to Nairobi');
    assert.equal(JSON.stringify(analyzeArticle(edited, { cache })), fresh(edited));
  });
});

describe('incremental re-analysis: the document words from cached paragraphs', () => {
  const layouts: Record<string, string> = {
    'blank lines': ARTICLE,
    CRLF: ARTICLE.replace(/\n/g, '\r\n'),
    'bare CR': ARTICLE.replace(/\n/g, '\r'),
    'front matter': `---\ntitle: Okonkwo in Nairobi\ndate: 2024-03-04\n---\n${ARTICLE.replace(/^ date \S+ /, '')}`,
    'a dateline on its own line': `date 2024-03-04\n\n${ARTICLE.replace(/^ date \S+ /, '')}`,
    'dateline ending in a dash': 'GENEVA -Okonkwo spoke.\n\nOkonkwo left.',
    'hard-wrapped lines': 'Amara Okonkwo met\nJonas Lindqvist.\n   \nLindqvist’s aide spoke.',
  };
  for (const [name, text] of Object.entries(layouts)) {
    it(`equal the words of the whole text (${name})`, () => {
      const plan = planParagraphs(text);
      const joined = documentWords(
        plan,
        plan.jobs.map((job) => analyzeParagraphJob(plan, job)),
      );
      const whole = surfaceWords(text);
      // undefined means "scan the whole text instead", which is right by definition; these layouts never need it
      assert.ok(joined, 'joined from the paragraphs');
      assert.deepEqual({ lower: [...joined.lower], start: [...Array.from(joined.start)], end: [...Array.from(joined.end)] }, whole);
    });
  }

  it('are not joined where a piece of an over-long paragraph cuts a word', () => {
    const text = `Okonkwo ${'x'.repeat(20_000)} left.`;
    const plan = planParagraphs(text);
    assert.ok(plan.jobs.length > 1, 'the paragraph is cut into pieces');
    assert.equal(
      documentWords(
        plan,
        plan.jobs.map((job) => analyzeParagraphJob(plan, job)),
      ),
      undefined,
    );
  });
});
