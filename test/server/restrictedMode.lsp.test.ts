// Restricted Mode over LSP (built server): in an untrusted workspace the client
// says so in initializationOptions, and the server writes no .ann and no lexicon
// until the client reports that the user trusted the workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceTrustNotification } from '../../src/protocol';
import { AnnotationCommands } from '../../src/protocol/annotations';
import { fileUri, TestClient } from './lspClient';

const ARTICLE = ' date 2025-02-03 The Kettle Committee met in Tavira on Monday. Ana Quintas chaired it.\n';

describe('Restricted Mode: nothing is written until the workspace is trusted (built server)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-untrusted-'));
    ({ client } = await TestClient.start({ workspaceFolder: dir, initializationOptions: { workspaceTrusted: false } }));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to write .ann and lexicon while untrusted, with a clear message, and writes once trusted', async () => {
    const txt = path.join(dir, 'story.txt');
    const ann = path.join(dir, 'story.ann');
    const lexicon = path.join(dir, 'news-lens.lexicon.tsv');
    fs.writeFileSync(txt, ARTICLE);
    const uri = fileUri(txt);
    await client.open(uri, ARTICLE, 'plaintext');
    const s = ARTICLE.indexOf('Tavira');
    const mark = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', {
      command: AnnotationCommands.mark,
      arguments: [{ uri, start: s, end: s + 6, label: 'place' }],
    });
    assert.equal(mark.ok, false);
    assert.match(mark.message, /not trusted \(Restricted Mode\)/);
    const lex = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', {
      command: AnnotationCommands.addToLexicon,
      arguments: [{ uri, text: 'Kettle Committee', label: 'organization' }],
    });
    assert.equal(lex.ok, false);
    assert.match(lex.message, /not trusted/);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(fs.existsSync(ann), false, 'no .ann written while untrusted');
    assert.equal(fs.existsSync(lexicon), false, 'no lexicon written while untrusted');

    await client.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
    // the mark made in Restricted Mode was kept in memory and is written now
    for (const until = Date.now() + 5000; Date.now() < until && !fs.existsSync(ann);) await new Promise((r) => setTimeout(r, 20));
    assert.match(fs.readFileSync(ann, 'utf8'), /^T1\tPlace \d+ \d+\tTavira\n$/);
    const again = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', {
      command: AnnotationCommands.addToLexicon,
      arguments: [{ uri, text: 'Kettle Committee', label: 'organization' }],
    });
    assert.ok(again.ok, again.message);
    assert.match(fs.readFileSync(lexicon, 'utf8'), /Kettle Committee\tOrganization\n$/);
    await client.close(uri);
  });
});

describe('Restricted Mode is declared in package.json', () => {
  it('supports untrusted workspaces only in a limited way, and says what is limited', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.match(untrusted.description, /writes nothing to disk/);
    assert.match(untrusted.description, /\.ann/);
  });
});
