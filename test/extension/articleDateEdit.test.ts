import * as assert from 'node:assert/strict';
import { planArticleDateEdit, TextReplacement } from '../../src/extension/model/articleDateEdit';
import { readArticleHeader } from '../../src/analysis/metadata';

function apply(text: string, r: TextReplacement): string {
  return text.slice(0, r.start) + r.newText + text.slice(r.end);
}
function set(text: string, date: string, languageId = 'plaintext', eol: '\n' | '\r\n' = '\n'): string {
  const plan = planArticleDateEdit(text, date, { languageId, eol });
  if ('error' in plan) throw new Error(plan.error);
  return apply(text, plan);
}

describe('extension model: Set Article Date', () => {
  it('replaces only the value of an existing dateline, keeping the rest of the line', () => {
    const text = ' date 2024-08-06 Dockers in Lorient walked out on Tuesday.\n\nMore text.';
    const out = set(text, '2024-03-15');
    assert.equal(out, ' date 2024-03-15 Dockers in Lorient walked out on Tuesday.\n\nMore text.');
    assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
  });

  it('repairs a malformed dateline', () => {
    const out = set('Date 2024-13-45 Text follows.', '2024-01-05');
    assert.equal(out, 'Date 2024-01-05 Text follows.');
  });

  it('updates a front-matter date, keeping its quotes and the other keys', () => {
    const text = '---\ntitle: Strike\ndate: "2023-01-01"\nsource: wire\n---\nBody.';
    const out = set(text, '2024-03-15', 'markdown');
    assert.equal(out, '---\ntitle: Strike\ndate: "2024-03-15"\nsource: wire\n---\nBody.');
    assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
  });

  it('adds a date key to front matter that has none', () => {
    const out = set('---\r\ntitle: Strike\r\n---\r\nBody.', '2024-03-15', 'markdown', '\r\n');
    assert.equal(out, '---\r\ndate: 2024-03-15\r\ntitle: Strike\r\n---\r\nBody.');
    assert.equal(readArticleHeader(out).metadata.date, '2024-03-15');
  });

  it('adds front matter to Markdown and a dateline to other files, without touching the text', () => {
    const md = set('# Strike in Lorient\n\nText.', '2024-03-15', 'markdown');
    assert.equal(md, '---\ndate: 2024-03-15\n---\n# Strike in Lorient\n\nText.');
    assert.equal(readArticleHeader(md).metadata.date, '2024-03-15');
    const txt = set('\uFEFFDockers walked out.', '2024-03-15');
    assert.equal(txt, '\uFEFFdate 2024-03-15\nDockers walked out.');
    assert.equal(readArticleHeader(txt).metadata.date, '2024-03-15');
    const prose = set('Date night was fun.', '2024-03-15');
    assert.ok(prose.endsWith('\nDate night was fun.'));
  });

  it('refuses an invalid date', () => {
    const plan = planArticleDateEdit('text', '2024-02-30', { languageId: 'plaintext', eol: '\n' });
    assert.ok('error' in plan);
  });
});
