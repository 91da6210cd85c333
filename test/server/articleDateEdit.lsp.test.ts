// newsLens/articleDateEdit over stdio: the server computes the "Set Article Date"
// edits for the open document version; applying them gives the dated article.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ArticleDateEditParams, type ArticleDateEditResult, ArticleDateEditRequest, type ArticleView } from '../../src/protocol';
import { SERVER_JS, TestClient } from './lspClient';

describe('language server: newsLens/articleDateEdit', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async function () {
    assert.ok(fs.existsSync(SERVER_JS), 'dist/server.js is missing: run npm run build');
    ({ client } = await TestClient.start());
  });
  after(async () => client?.stop());
  afterEach(() =>
    assert.deepEqual(
      client.logs.filter((l) => /failed|unexpected/.test(l)),
      [],
      'no handler failed',
    ),
  );

  const ask = (params: Partial<ArticleDateEditParams>) => client.request<ArticleDateEditResult>(ArticleDateEditRequest.method, params);

  /** Opens `text`, asks for the edit and returns the text with the edits applied. */
  async function setDate(uri: string, text: string, date: string, languageId: string, eol?: '\n' | '\r\n'): Promise<string> {
    await client.open(uri, text, languageId);
    const result = await ask({ uri, date, eol });
    assert.ok(!('error' in result), 'error' in result ? result.error : '');
    assert.equal(result.version, 1);
    assert.ok(result.description.includes(date));
    return TextDocument.applyEdits(TextDocument.create(uri, languageId, 1, text), result.edits);
  }

  it('changes only the value of an existing dateline, and the analysis then reads the new date', async () => {
    const uri = 'file:///tmp/news-lens-date/harbour.news';
    const text = ' date 2023-11-02 Port workers in Gdynia voted on Monday to end a strike.\n\nThe union said talks resume next week.\n';
    const out = await setDate(uri, text, '2024-05-20', 'news-article');
    assert.equal(out, text.replace('2023-11-02', '2024-05-20'));
    await client.replace(uri, out);
    const view = await client.request<ArticleView | null>('newsLens/articleAnalysis', { uri });
    assert.equal(view?.metadata.date, '2024-05-20');
    assert.equal(view?.metadata.dateSource, 'dateline');
  });

  it('adds front matter to a Markdown file without a header, keeping the BOM first', async () => {
    const text = '\uFEFF# Ferry service resumes\r\n\r\nThe operator said on Friday that crossings restart.\r\n';
    const out = await setDate('file:///tmp/news-lens-date/ferry.md', text, '2024-02-29', 'markdown', '\r\n');
    assert.equal(out, '\uFEFF---\r\ndate: 2024-02-29\r\n---\r\n# Ferry service resumes\r\n\r\nThe operator said on Friday that crossings restart.\r\n');
  });

  it("adds a dateline to a plain-text file, in the text's own line ending when none is given", async () => {
    const text = 'Café owners in Québec protested a new tax — the second time this year.\r\nMore text.';
    const out = await setDate('file:///tmp/news-lens-date/tax.txt', text, '2024-03-15', 'plaintext');
    assert.equal(out, `date 2024-03-15\r\n${text}`);
  });

  it('updates a front-matter date in place, with ranges in UTF-16 positions', async () => {
    const text = '---\ntitle: "Ünïcode 😀 headline"\ndate: 2021-06-01\n---\nBody.\n';
    const out = await setDate('file:///tmp/news-lens-date/emoji.md', text, '2024-07-04', 'markdown');
    assert.equal(out, text.replace('2021-06-01', '2024-07-04'));
  });

  it('answers with a clear error for an invalid date, an unopened document or garbage parameters', async () => {
    const uri = 'file:///tmp/news-lens-date/invalid.news';
    await client.open(uri, ' date 2024-01-01 Text.', 'news-article');
    const invalid = await ask({ uri, date: '2024-02-30' });
    assert.ok('error' in invalid && /YYYY-MM-DD/.test(invalid.error));
    const closed = await ask({ uri: 'file:///tmp/news-lens-date/never-opened.news', date: '2024-01-01' });
    assert.ok('error' in closed && /not open/.test(closed.error));
    for (const params of [null, {}, { uri: 42, date: [] }, { uri, date: { year: 2024 } }]) {
      const result = await client.request<ArticleDateEditResult>(ArticleDateEditRequest.method, params);
      assert.ok(result && 'error' in result, JSON.stringify(params));
    }
  });

  it('refuses to write into a binary file', async () => {
    const uri = 'file:///tmp/news-lens-date/blob.txt';
    await client.open(uri, 'PK\u0003\u0004\u0000\u0000binary', 'plaintext');
    const result = await ask({ uri, date: '2024-01-01' });
    assert.ok('error' in result && /binary/.test(result.error));
  });
});
