import * as assert from 'node:assert/strict';
import { planArticleDateEdit, readArticleHeader, type TextReplacement } from '../../src/analysis';

/** Applies edits back to front, as an editor would. */
function apply(text: string, edits: TextReplacement[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}
function set(text: string, date: string, newHeader: 'frontmatter' | 'dateline' = 'dateline', eol?: '\n' | '\r\n'): string {
  const plan = planArticleDateEdit(text, date, { newHeader, eol });
  if ('error' in plan) throw new Error(plan.error);
  return apply(text, plan.edits);
}

describe('analysis: Set Article Date edit', () => {
  it('replaces only the value of an existing dateline, keeping the rest of the line', () => {
    const text = ' date 2024-08-06 Dockers in Lorient walked out on Tuesday.\n\nMore text.';
    const plan = planArticleDateEdit(text, '2024-03-15', { newHeader: 'dateline' });
    assert.ok(!('error' in plan));
    assert.deepEqual(plan.edits, [{ start: 6, end: 16, newText: '2024-03-15' }]);
    const out = apply(text, plan.edits);
    assert.equal(out, ' date 2024-03-15 Dockers in Lorient walked out on Tuesday.\n\nMore text.');
    assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
  });

  it('repairs a malformed dateline, keeping the keyword as written', () => {
    assert.equal(set('Date 2024-13-45 Text follows.', '2024-01-05'), 'Date 2024-01-05 Text follows.');
    assert.equal(set('DATE 06/08/2024 Text follows.', '2024-01-05'), 'DATE 2024-01-05 Text follows.');
  });

  it('keeps a BOM and CRLF line endings around an existing dateline', () => {
    const out = set('\uFEFF date 2020-01-01 Text.\r\n\r\nMore.', '2024-03-15');
    assert.equal(out, '\uFEFF date 2024-03-15 Text.\r\n\r\nMore.');
    assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
  });

  it('updates a front-matter date, keeping its quotes and the other keys', () => {
    const text = '---\ntitle: Strike\ndate: "2023-01-01"\nsource: wire\n---\nBody.';
    const out = set(text, '2024-03-15', 'frontmatter');
    assert.equal(out, '---\ntitle: Strike\ndate: "2024-03-15"\nsource: wire\n---\nBody.');
    assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
  });

  it('changes only the calendar date of a front-matter timestamp', () => {
    const out = set("---\ndate: '2023-01-01T09:30:00Z'\n---\nBody.", '2024-03-15', 'frontmatter');
    assert.equal(out, "---\ndate: '2024-03-15T09:30:00Z'\n---\nBody.");
    assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
  });

  it('replaces an unreadable front-matter date whole', () => {
    const out = set('---\ndate: next Tuesday\n---\nBody.', '2024-03-15', 'frontmatter');
    assert.equal(out, '---\ndate: 2024-03-15\n---\nBody.');
  });

  it('fills an empty front-matter date after the colon', () => {
    for (const line of ['date:', 'date: ', 'date:  ']) {
      const out = set(`---\ntitle: Strike\n${line}\n---\nBody.`, '2024-03-15', 'frontmatter');
      assert.match(out, /^---\ntitle: Strike\ndate: +2024-03-15 *\n---\nBody\.$/, JSON.stringify(out));
      assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
    }
  });

  it('finds the value of "date: date…" after the colon, not in the key', () => {
    const out = set('---\ndate: date-unknown\n---\nBody.', '2024-03-15', 'frontmatter');
    assert.equal(out, '---\ndate: 2024-03-15\n---\nBody.');
  });

  it("adds a date key to front matter that has none, with the text's line ending", () => {
    const out = set('---\r\ntitle: Strike\r\n---\r\nBody.', '2024-03-15', 'frontmatter');
    assert.equal(out, '---\r\ndate: 2024-03-15\r\ntitle: Strike\r\n---\r\nBody.');
    assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
  });

  it('adds front matter to Markdown and a dateline to other files, without touching the text', () => {
    const md = set('# Strike in Lorient\n\nText.', '2024-03-15', 'frontmatter');
    assert.equal(md, '---\ndate: 2024-03-15\n---\n# Strike in Lorient\n\nText.');
    assert.equal(readArticleHeader(md).metadata.date, '2024-03-15');
    const txt = set('\uFEFFDockers walked out.', '2024-03-15');
    assert.equal(txt, '\uFEFFdate 2024-03-15\nDockers walked out.');
    assert.equal(readArticleHeader(txt).metadata.date, '2024-03-15');
    const prose = set('Date night was fun.', '2024-03-15');
    assert.equal(prose, 'date 2024-03-15\nDate night was fun.');
    assert.equal(set('', '2024-03-15'), 'date 2024-03-15\n');
  });

  it("uses the requested line ending, else the text's own", () => {
    assert.equal(set('One.\r\nTwo.', '2024-03-15'), 'date 2024-03-15\r\nOne.\r\nTwo.');
    assert.equal(set('One line only.', '2024-03-15', 'dateline', '\r\n'), 'date 2024-03-15\r\nOne line only.');
    assert.equal(set('One.\nTwo.', '2024-03-15', 'frontmatter', '\r\n'), '---\r\ndate: 2024-03-15\r\n---\r\nOne.\nTwo.');
  });

  it('refuses an invalid date with a message, and never throws', () => {
    for (const bad of ['2024-02-30', '2024-3-5', 'tomorrow', '', ' 2024-03-15']) {
      const plan = planArticleDateEdit('text', bad, { newHeader: 'dateline' });
      assert.ok('error' in plan, bad);
      assert.match(plan.error, /YYYY-MM-DD/);
    }
    assert.ok('error' in planArticleDateEdit(undefined as unknown as string, '2024-03-15', { newHeader: 'dateline' }));
    assert.ok('error' in planArticleDateEdit('text', null as unknown as string, { newHeader: 'dateline' }));
  });
});
