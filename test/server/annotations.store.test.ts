// The annotation store against real files in a temp folder: what is written,
// when, and what is never overwritten.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnnotationStore } from '../../src/server/annotations/annotationStore';
import { annPathFor, findLexiconFile, writeFileAtomic } from '../../src/node';

const ARTICLE = ' date 2024-03-12 🎖️ The Pentagon said on Tuesday that troops would leave Niger.\n\nOfficials in Niamey met the Sahel Alliance.\n';
const cps = (text: string, needle: string, from = 0) => {
  const i = text.indexOf(needle, from);
  return [[...text.slice(0, i)].length, [...text.slice(0, i + needle.length)].length];
};

describe('annotations: store and files', () => {
  let dir: string;
  let txt: string;
  let ann: string;
  let changed: string[];
  let store: AnnotationStore;
  const uri = 'file:///article';

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-ann-'));
    txt = path.join(dir, 'article.txt');
    ann = path.join(dir, 'article.ann');
    fs.writeFileSync(txt, ARTICLE);
    changed = [];
    store = new AnnotationStore({ getWorkspaceFolders: () => [dir], onChanged: (u) => changed.push(u), log: () => undefined });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const leftovers = () => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('puts article.ann beside article.txt, with the same base name', () => {
    assert.equal(annPathFor('/a/b/article.txt'), '/a/b/article.ann');
    assert.equal(annPathFor('/a/b/report.v2.news'), '/a/b/report.v2.ann');
    assert.equal(annPathFor('/a/b/NOTES'), '/a/b/NOTES.ann');
  });

  it('marks a span and writes it in code points, atomically, with no temp file left', () => {
    store.open(uri, txt, ARTICLE);
    const s = ARTICLE.indexOf('Pentagon');
    const outcome = store.mark(uri, s, s + 8, 'organization');
    assert.ok(outcome.ok, outcome.message);
    const [a, b] = cps(ARTICLE, 'Pentagon');
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tOrganization ${a} ${b}\tPentagon\n`);
    assert.notEqual(a, s, 'the emoji makes code points differ from UTF-16');
    assert.deepEqual(leftovers(), []);
    assert.deepEqual(changed, [uri]);
    const inputs = store.analysisInputs(uri, ARTICLE);
    assert.deepEqual(
      inputs.userAnnotations.map((u) => [u.start, u.end, u.label]),
      [[s, s + 8, 'organization']],
    );
  });

  it('stores a date value as a brat note', () => {
    store.open(uri, txt, ARTICLE);
    const s = ARTICLE.indexOf('on Tuesday');
    assert.ok(store.mark(uri, s, s + 10, 'date', '2024-03-12').ok);
    const content = fs.readFileSync(ann, 'utf8');
    assert.match(content, /^T1\tDate \d+ \d+\ton Tuesday\n#1\tAnnotatorNotes T1\t2024-03-1\d\n$/);
  });

  it('never writes a malformed .ann, and reports its line', () => {
    const bad = 'T1\tOrganization 20 28\tPentagon\nT2\tPlace 1O 12\tbroken\n';
    fs.writeFileSync(ann, bad);
    store.open(uri, txt, ARTICLE);
    const issues = store.issues(uri);
    assert.equal(issues[0].code, 'ann-malformed');
    assert.match(issues[0].message, /article\.ann line 2/);
    assert.deepEqual(
      store.annErrors(uri)!.errors.map((e) => e.line),
      [2],
    );
    const s = ARTICLE.indexOf('Niger');
    const outcome = store.mark(uri, s, s + 5, 'place');
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /line 2/);
    store.saved(uri, ARTICLE.replace('troops', 'soldiers'));
    store.close(uri);
    assert.equal(fs.readFileSync(ann, 'utf8'), bad);
  });

  it('reports a span that no longer matches after an outside edit, keeps it, and moves it on request', () => {
    const [a, b] = cps(ARTICLE, 'Pentagon');
    const original = `T1\tOrganization ${a} ${b}\tPentagon\n#1\tAnnotatorNotes T1\tchecked\n`;
    fs.writeFileSync(ann, original);
    const edited = ARTICLE.replace('The Pentagon', 'Officials at the Pentagon');
    fs.writeFileSync(txt, edited); // edited in another program
    store.open(uri, txt, edited);
    const issue = store.issues(uri).find((i) => i.code === 'annotation-stale')!;
    assert.ok(issue, JSON.stringify(store.issues(uri)));
    assert.equal(issue.line, 1);
    assert.equal(store.analysisInputs(uri, edited).userAnnotations.length, 0);
    // saving without touching it keeps the line exactly as it was
    store.saved(uri, edited);
    assert.equal(fs.readFileSync(ann, 'utf8'), original);
    assert.equal(edited.slice(issue.relocation!.start, issue.relocation!.end), 'Pentagon');
    assert.ok(store.relocate(uri, 'T1', issue.relocation!.start, issue.relocation!.end).ok);
    const [c, d] = cps(edited, 'Pentagon');
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tOrganization ${c} ${d}\tPentagon\n#1\tAnnotatorNotes T1\tchecked\n`);
  });

  it('moves spans with editor edits and writes them when the article is saved', () => {
    const [a, b] = cps(ARTICLE, 'Niger');
    fs.writeFileSync(ann, `T1\tPlace ${a} ${b}\tNiger\n`);
    store.open(uri, txt, ARTICLE);
    const typed = ARTICLE.replace('The Pentagon', 'The US Pentagon');
    store.sync(uri, typed);
    const s = typed.indexOf('Niger');
    assert.deepEqual(
      store.analysisInputs(uri, typed).userAnnotations.map((u) => [u.start, u.end]),
      [[s, s + 5]],
    );
    // not saved yet: the file still describes the saved text
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tPlace ${a} ${b}\tNiger\n`);
    fs.writeFileSync(txt, typed);
    store.saved(uri, typed);
    const [c, d] = cps(typed, 'Niger');
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tPlace ${c} ${d}\tNiger\n`);
  });

  it('a decision made with unsaved edits is written in the coordinates of the saved text', () => {
    store.open(uri, txt, ARTICLE);
    const typed = ARTICLE.replace('The Pentagon', 'Yesterday the Pentagon');
    store.sync(uri, typed);
    const s = typed.indexOf('Niger');
    assert.ok(store.mark(uri, s, s + 5, 'place').ok);
    const [a, b] = cps(ARTICLE, 'Niger');
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tPlace ${a} ${b}\tNiger\n`);
  });

  it('a span deleted in the editor is reported and kept, and comes back with undo', () => {
    const [a, b] = cps(ARTICLE, 'Niamey');
    fs.writeFileSync(ann, `T1\tPlace ${a} ${b}\tNiamey\n`);
    store.open(uri, txt, ARTICLE);
    const cut = ARTICLE.replace('Officials in Niamey met', 'Officials met');
    store.sync(uri, cut);
    assert.equal(store.issues(uri)[0].code, 'annotation-stale');
    store.close(uri); // closed without saving: nothing lost
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tPlace ${a} ${b}\tNiamey\n`);
    store.open(uri, txt, ARTICLE);
    store.sync(uri, cut);
    store.sync(uri, ARTICLE);
    assert.deepEqual(store.issues(uri), []);
    assert.equal(store.annotations(uri).length, 1);
  });

  it('re-reads a .ann changed by another program before writing, so its lines survive', () => {
    store.open(uri, txt, ARTICLE);
    const s = ARTICLE.indexOf('Pentagon');
    assert.ok(store.mark(uri, s, s + 8, 'organization').ok);
    const [a, b] = cps(ARTICLE, 'Sahel Alliance');
    const external = fs.readFileSync(ann, 'utf8') + `T2\tOrganization ${a} ${b}\tSahel Alliance\nR1\tPartOf Arg1:T1 Arg2:T2\n`;
    fs.writeFileSync(ann, external);
    fs.utimesSync(ann, new Date(), new Date(Date.now() + 5000)); // make sure the change is seen even on coarse clocks
    const n = ARTICLE.indexOf('Niger');
    assert.ok(store.mark(uri, n, n + 5, 'place').ok);
    const after = fs.readFileSync(ann, 'utf8');
    assert.ok(after.startsWith(external), after);
    assert.match(after, /T3\tPlace \d+ \d+\tNiger\n$/);
  });

  it('keeps lines it does not manage and ids referenced elsewhere', () => {
    const [a, b] = cps(ARTICLE, 'Niger');
    const original = `T1\tGPE ${a} ${b}\tNiger\nA1\tVerified T1\nT2\tEvent 0 4\tdate\n`;
    fs.writeFileSync(ann, original);
    store.open(uri, txt, ARTICLE);
    assert.equal(store.annotations(uri)[0].label, 'place'); // another tool's type name is understood
    assert.equal(store.remove(uri, 'T1').ok, false);
    const s = ARTICLE.indexOf('Niger');
    assert.ok(store.mark(uri, s, s + 5, 'nationality').ok);
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tNationality ${a} ${b}\tNiger\nA1\tVerified T1\nT2\tEvent 0 4\tdate\n`);
  });

  it('tracks one .ann for one article only (article.txt and article.md share a base name)', () => {
    const md = path.join(dir, 'article.md');
    fs.writeFileSync(md, ARTICLE);
    store.open(uri, txt, ARTICLE);
    store.open('file:///article-md', md, ARTICLE);
    assert.equal(store.isOpen('file:///article-md'), false);
    const s = ARTICLE.indexOf('Niger');
    assert.equal(store.mark('file:///article-md', s, s + 5, 'place').ok, false);
  });

  it('closing an article after the .ann changed on disk does not write over it', () => {
    const [a, b] = cps(ARTICLE, 'Niger');
    fs.writeFileSync(ann, `T1\tPlace ${a} ${b}\tNiger\n`);
    store.open(uri, txt, ARTICLE);
    store.sync(uri, ARTICLE.replace('The Pentagon', 'The US Pentagon')); // unsaved edit moves the span in memory
    const theirs = `T1\tPlace ${a} ${b}\tNiger\nT2\tPerson 0 1\tx\n`;
    fs.writeFileSync(ann, theirs);
    fs.utimesSync(ann, new Date(), new Date(Date.now() + 5000));
    store.close(uri);
    assert.equal(fs.readFileSync(ann, 'utf8'), theirs);
  });

  it('refuses to write through a symlinked .ann, and says so', () => {
    const real = path.join(dir, 'real.ann');
    fs.writeFileSync(real, '');
    fs.symlinkSync(real, ann);
    store.open(uri, txt, ARTICLE);
    const s = ARTICLE.indexOf('Niger');
    const outcome = store.mark(uri, s, s + 5, 'place');
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /symbolic link/);
    assert.ok(fs.lstatSync(ann).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), '');
  });

  it('leaves the old file intact when a write fails', () => {
    fs.writeFileSync(ann, 'T1\tPlace 1 2\td\n');
    // the module object itself, not the namespace copy, so files.ts sees the failure
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself (see above)
    const nodeFs = require('node:fs') as typeof fs;
    const rename = nodeFs.renameSync;
    nodeFs.renameSync = () => {
      throw new Error('disk full');
    };
    try {
      assert.throws(() => writeFileAtomic(ann, 'T1\tPerson 1 2\td\n', { root: dir }), /disk full/);
    } finally {
      nodeFs.renameSync = rename;
    }
    assert.equal(fs.readFileSync(ann, 'utf8'), 'T1\tPlace 1 2\td\n');
    assert.deepEqual(leftovers(), []);
  });

  it('sets canonical names for rename and merge, one line per surface text', () => {
    store.open(uri, txt, ARTICLE);
    const p = ARTICLE.indexOf('Pentagon');
    const outcome = store.setCanonical(uri, [{ start: p, end: p + 8, text: 'Pentagon' }], 'organization', 'US Department of Defense');
    assert.ok(outcome.ok);
    assert.match(fs.readFileSync(ann, 'utf8'), /^T1\tOrganization \d+ \d+\tPentagon\n#1\tAnnotatorNotes T1\tcanonical: US Department of Defense\n$/);
    assert.equal(store.analysisInputs(uri, ARTICLE).userAnnotations[0].canonical, 'US Department of Defense');
  });

  it('imports a brat file made elsewhere only where it overwrites nothing', () => {
    store.open(uri, txt, ARTICLE);
    const [a, b] = cps(ARTICLE, 'Sahel Alliance');
    const imported = `T7\tORG ${a} ${b}\tSahel Alliance\n`;
    assert.equal(store.importAnn(uri, 'T1 broken').ok, false);
    assert.ok(store.importAnn(uri, imported).ok);
    assert.equal(fs.readFileSync(ann, 'utf8'), imported);
    assert.equal(store.annotations(uri)[0].text, 'Sahel Alliance');
    const again = store.importAnn(uri, `T1\tPlace 0 1\tx\n`);
    assert.equal(again.ok, false);
    assert.equal(fs.readFileSync(ann, 'utf8'), imported);
  });

  it('adds lexicon entries to the nearest lexicon file, creating one at the workspace folder', () => {
    const sub = path.join(dir, 'desk', 'sahel');
    fs.mkdirSync(sub, { recursive: true });
    const deep = path.join(sub, 'story.txt');
    fs.writeFileSync(deep, ARTICLE);
    store.open('file:///deep', deep, ARTICLE);
    const outcome = store.addToLexicon('file:///deep', { text: 'Air Base 201', label: 'place' });
    assert.ok(outcome.ok, outcome.message);
    const lexicon = path.join(dir, 'news-lens.lexicon.tsv');
    assert.equal(outcome.file, lexicon);
    assert.ok(fs.readFileSync(lexicon, 'utf8').endsWith('Air Base 201\tPlace\n'));
    assert.equal(findLexiconFile(sub), lexicon);
    assert.deepEqual(store.analysisInputs('file:///deep', ARTICLE).lexicon, [{ text: 'Air Base 201', label: 'place' }]);
    store.addToLexicon('file:///deep', { text: 'Sahel', label: 'rejected' });
    assert.match(fs.readFileSync(lexicon, 'utf8'), /Air Base 201\tPlace\nSahel\tRejected\n$/);
  });
});
