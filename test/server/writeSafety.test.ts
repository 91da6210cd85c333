// Attack cases from the security review (issue 12): a hostile repository plants
// links and odd files, a careless user keeps a read-only or Latin-1 .ann. No write
// may leave the workspace folder, go through a link, or change bytes it does not own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnnotationStore } from '../../src/server/annotations/annotationStore';
import { isInside, readTextSnapshot, RefusedWriteError, writeFileAtomic } from '../../src/node';
import { writeToOutDir } from '../../src/cli/outDir';

const ARTICLE = ' date 2024-03-12 The Pentagon said on Tuesday that troops would leave Niger.\n\nOfficials in Niamey met the Sahel Alliance.\n';

describe('write safety: nothing is written outside the workspace or through a link', () => {
  let top: string; // holds the workspace and, beside it, the "home" an attacker aims at
  let workspace: string;
  let home: string;
  let txt: string;
  let ann: string;
  let store: AnnotationStore;
  let folders: string[];
  const uri = 'file:///article';

  beforeEach(() => {
    top = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-safety-'));
    workspace = path.join(top, 'workspace');
    home = path.join(top, 'home');
    fs.mkdirSync(workspace);
    fs.mkdirSync(home);
    txt = path.join(workspace, 'article.txt');
    ann = path.join(workspace, 'article.ann');
    fs.writeFileSync(txt, ARTICLE);
    folders = [workspace];
    store = new AnnotationStore({ getWorkspaceFolders: () => folders, onChanged: () => undefined, log: () => undefined });
  });
  afterEach(() => {
    for (const f of [ann, path.join(workspace, 'news-lens.lexicon.tsv')]) {
      try {
        fs.chmodSync(f, 0o644);
      } catch {
        // not there
      }
    }
    fs.rmSync(top, { recursive: true, force: true });
  });

  const markNiger = () => {
    const s = ARTICLE.indexOf('Niger');
    return store.mark(uri, s, s + 5, 'place');
  };

  it('a lexicon symlinked to ~/.bashrc is never appended to', () => {
    const bashrc = path.join(home, '.bashrc');
    fs.writeFileSync(bashrc, '');
    fs.symlinkSync(bashrc, path.join(workspace, 'news-lens.lexicon.tsv'));
    store.open(uri, txt, ARTICLE);
    const outcome = store.addToLexicon(uri, { text: 'Pentagon', label: 'organization', canonical: '$(touch /tmp/pwned)' });
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /symbolic link/);
    assert.equal(fs.readFileSync(bashrc, 'utf8'), '');
  });

  it('a lexicon file that is not a lexicon is left alone', () => {
    const lexicon = path.join(workspace, 'news-lens.lexicon.tsv');
    const shell = 'export PATH="$HOME/bin:$PATH"\nalias ll=\'ls -l\'\n';
    fs.writeFileSync(lexicon, shell);
    store.open(uri, txt, ARTICLE);
    const outcome = store.addToLexicon(uri, { text: 'Pentagon', label: 'organization' });
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /line 1 is not a lexicon entry/);
    assert.equal(fs.readFileSync(lexicon, 'utf8'), shell);
  });

  it('an .ann symlinked to a valid brat file outside the workspace is not overwritten', () => {
    const outside = path.join(home, 'other.ann');
    fs.writeFileSync(outside, 'T1\tPerson 0 1\tx\n');
    fs.symlinkSync(outside, ann);
    store.open(uri, txt, ARTICLE);
    const outcome = markNiger();
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /symbolic link/);
    assert.equal(fs.readFileSync(outside, 'utf8'), 'T1\tPerson 0 1\tx\n');
    assert.match(store.issues(uri)[0].message, /symbolic link/, 'the refusal is shown, not only returned');
  });

  it('a dangling .ann symlink does not create the file it points at', () => {
    const target = path.join(home, 'created.ann');
    fs.symlinkSync(target, ann);
    store.open(uri, txt, ARTICLE);
    assert.equal(markNiger().ok, false);
    assert.equal(fs.existsSync(target), false);
  });

  it('an article in a linked folder that leads outside the workspace gets no .ann written there', () => {
    const elsewhere = path.join(home, 'articles');
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(elsewhere, 'story.txt'), ARTICLE);
    fs.symlinkSync(elsewhere, path.join(workspace, 'linked'));
    const story = path.join(workspace, 'linked', 'story.txt');
    store.open('file:///story', story, ARTICLE);
    const s = ARTICLE.indexOf('Niger');
    const outcome = store.mark('file:///story', s, s + 5, 'place');
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /outside/);
    assert.deepEqual(fs.readdirSync(elsewhere), ['story.txt']);
  });

  it('an article outside every workspace folder neither reads nor writes a lexicon of a parent folder', () => {
    const parentLexicon = path.join(home, 'news-lens.lexicon.tsv');
    fs.writeFileSync(parentLexicon, 'Sahel\tRejected\n');
    const loose = path.join(home, 'loose');
    fs.mkdirSync(loose);
    const looseText = path.join(loose, 'story.txt');
    fs.writeFileSync(looseText, ARTICLE);
    store.open('file:///loose', looseText, ARTICLE);
    assert.deepEqual(store.analysisInputs('file:///loose', ARTICLE).lexicon, []);
    const outcome = store.addToLexicon('file:///loose', { text: 'Air Base 201', label: 'place' });
    assert.ok(outcome.ok, outcome.message);
    assert.equal(outcome.file, path.join(loose, 'news-lens.lexicon.tsv'));
    assert.equal(fs.readFileSync(parentLexicon, 'utf8'), 'Sahel\tRejected\n');
  });

  it('a read-only .ann stays read-only and unchanged, and the user is told', () => {
    fs.writeFileSync(ann, 'T1\tOrganization 21 29\tPentagon\n');
    fs.chmodSync(ann, 0o444);
    store.open(uri, txt, ARTICLE);
    const outcome = markNiger();
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /read-only/);
    assert.equal(fs.readFileSync(ann, 'utf8'), 'T1\tOrganization 21 29\tPentagon\n');
    assert.equal(fs.statSync(ann).mode & 0o777, 0o444);
  });

  it('keeps the BOM, the Latin-1 bytes of lines it does not change, the mode and the owner', () => {
    const latin1Line = Buffer.concat([Buffer.from('#1\tAnnotatorNotes T1\tcaf', 'ascii'), Buffer.from([0xe9]), Buffer.from(' du commerce\n', 'ascii')]);
    const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('T1\tOrganization 21 29\tPentagon\n', 'ascii'), latin1Line]);
    fs.writeFileSync(ann, original);
    fs.chmodSync(ann, 0o640);
    const canChown = process.getuid?.() === 0;
    if (canChown) fs.chownSync(ann, 4321, 4321);
    store.open(uri, txt, ARTICLE);
    assert.ok(markNiger().ok);
    const after = fs.readFileSync(ann);
    assert.ok(after.subarray(0, original.length).equals(original), `old bytes kept: ${JSON.stringify(after.toString('latin1'))}`);
    assert.match(after.subarray(original.length).toString('utf8'), /^T2\tPlace \d+ \d+\tNiger\n$/);
    const stat = fs.statSync(ann);
    assert.equal(stat.mode & 0o777, 0o640);
    if (canChown) assert.equal(stat.uid, 4321);
  });

  it('writeFileAtomic checks the real path against the root and refuses links', () => {
    assert.throws(() => writeFileAtomic(path.join(home, 'x.ann'), 'T1\tPerson 0 1\tx\n', { root: workspace }), RefusedWriteError);
    assert.throws(() => writeFileAtomic(path.join(workspace, '..', 'home', 'x.ann'), 'x', { root: workspace }), /outside/);
    fs.symlinkSync(path.join(workspace, 'inside.txt'), path.join(workspace, 'link.txt'));
    assert.throws(() => writeFileAtomic(path.join(workspace, 'link.txt'), 'x', { root: workspace }), /symbolic link/);
    assert.deepEqual(fs.readdirSync(home), []);
    writeFileAtomic(path.join(workspace, 'inside.ann'), 'T1\tPerson 0 1\tx\n', { root: workspace });
    assert.equal(fs.readFileSync(path.join(workspace, 'inside.ann'), 'utf8'), 'T1\tPerson 0 1\tx\n');
  });

  it('readTextSnapshot strips the BOM from the text and remembers it', () => {
    fs.writeFileSync(ann, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('T1\tPerson 0 1\tx\n')]));
    const snap = readTextSnapshot(ann)!;
    assert.equal(snap.content, 'T1\tPerson 0 1\tx\n');
    assert.equal(snap.bom, true);
  });

  it('the CLI --out-dir does not write through a link planted in the output folder', () => {
    const out = path.join(workspace, 'out');
    fs.mkdirSync(out);
    const target = path.join(home, 'profile');
    fs.symlinkSync(target, path.join(out, 'article.ann'));
    const error = writeToOutDir(out, txt, 'brat', 'T1\tPerson 0 1\tx\n', ARTICLE);
    assert.match(error ?? '', /symbolic link/);
    assert.equal(fs.existsSync(target), false);
  });
});

describe('isInside: a folder named like ".." is still inside', () => {
  it('tells "../x" from "..drafts/x"', () => {
    const root = path.join(os.tmpdir(), 'ws');
    assert.equal(isInside(root, path.join(root, '..drafts', 'a.ann')), true);
    assert.equal(isInside(root, path.join(root, '..', 'a.ann')), false);
    assert.equal(isInside(root, root), true);
  });
});
