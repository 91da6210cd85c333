// An editor user opening an article without a date gets one information-level
// diagnostic (the Problems panel says why the inlay hints are missing), not a
// warning per date.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './lspClient';
import { rangeText } from './tokens';

describe('language server: an article without a date', function () {
  this.timeout(180_000);
  let client: TestClient;
  before(async () => {
    ({ client } = await TestClient.start());
  });
  after(async () => client?.stop());

  it('one information diagnostic on the first unresolved date; none once the article has a date', async () => {
    const uri = fileUri(path.join(os.tmpdir(), 'news-lens-undated', 'undated.news'));
    const text = 'Dock workers in Valdora walked out last week.\n\nThe union said on Monday that talks had failed last year.\n';
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].code, 'no-article-date');
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.equal(rangeText(text, diagnostics[0].range), 'last week');
    assert.match(diagnostics[0].message, /Set Article Date/);
    await client.close(uri);
    const dated = fileUri(path.join(os.tmpdir(), 'news-lens-undated', 'dated.news'));
    await client.open(dated, ` date 2024-08-06 ${text}`);
    assert.deepEqual(await client.diagnosticsFor(dated), []);
  });
});
