// A user's span is never clamped and saved (issue 12): a span that does not fit
// the text stays in the .ann exactly as written and is reported; a span marked
// where the article on disk has other text waits until the article is saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseBrat, serializeBrat } from '../../src/analysis/annotations';
import { AnnotationStore, shiftDocument } from '../../src/server/annotations/annotationStore';

const ARTICLE = ' date 2024-03-12 The Pentagon said on Tuesday that troops would leave Niger.\n\nOfficials in Niamey met the Sahel Alliance.\n';
const cps = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  return [[...text.slice(0, i)].length, [...text.slice(0, i + needle.length)].length];
};

describe('annotations: spans that no longer fit are kept as written', () => {
  let dir: string;
  let txt: string;
  let ann: string;
  let store: AnnotationStore;
  const uri = 'file:///article';

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-keep-'));
    txt = path.join(dir, 'article.txt');
    ann = path.join(dir, 'article.ann');
    fs.writeFileSync(txt, ARTICLE);
    store = new AnnotationStore({ getWorkspaceFolders: () => [dir], onChanged: () => undefined, log: () => undefined });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shiftDocument leaves a span beyond the end of the text untouched', () => {
    const { doc } = parseBrat('T1\tPerson 5000 5010\tAngela Merkel\n');
    shiftDocument(doc, ARTICLE, ARTICLE.replace('troops', 'French troops'));
    assert.equal(serializeBrat(doc), 'T1\tPerson 5000 5010\tAngela Merkel\n');
  });

  it('a span beyond the end survives an inserted word and a save, and is reported', () => {
    const [a, b] = cps(ARTICLE, 'Niger');
    const original = `T1\tPerson 5000 5010\tAngela Merkel\nT2\tPlace ${a} ${b}\tNiger\n`;
    fs.writeFileSync(ann, original);
    store.open(uri, txt, ARTICLE);
    const typed = ARTICLE.replace('troops', 'French troops');
    store.sync(uri, typed);
    fs.writeFileSync(txt, typed);
    assert.ok(store.saved(uri, typed).ok);
    const [c, d] = cps(typed, 'Niger');
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tPerson 5000 5010\tAngela Merkel\nT2\tPlace ${c} ${d}\tNiger\n`);
    assert.ok(store.issues(uri).some((i) => i.code === 'annotation-out-of-range' && i.id === 'T1'));
  });

  it('after another program edited the article, marking a span neither collapses the old ones nor saves the new one at a wrong place', () => {
    const [a, b] = cps(ARTICLE, 'Niamey');
    const original = `T1\tPlace ${a} ${b}\tNiamey\n`;
    fs.writeFileSync(ann, original);
    store.open(uri, txt, ARTICLE);
    // another program rewrites the article; the editor still shows the old text
    fs.writeFileSync(txt, ' date 2024-03-12 Short note.\n');
    const s = ARTICLE.indexOf('Pentagon');
    const outcome = store.mark(uri, s, s + 8, 'organization');
    assert.ok(outcome.ok, outcome.message);
    assert.match(outcome.message, /when you save the article/);
    assert.equal(fs.readFileSync(ann, 'utf8'), original, 'T1 kept as written, no collapsed T2');
    const waiting = store.issues(uri).find((i) => i.code === 'annotation-unsaved' && i.id === 'T2');
    assert.deepEqual(waiting?.span, { start: s, end: s + 8 }, 'shown on the span in the editor');
    // the user saves the editor's text: now both spans have their place
    fs.writeFileSync(txt, ARTICLE);
    assert.ok(store.saved(uri, ARTICLE).ok);
    const [c, d] = cps(ARTICLE, 'Pentagon');
    assert.equal(fs.readFileSync(ann, 'utf8'), `${original}T2\tOrganization ${c} ${d}\tPentagon\n`);
    assert.ok(!store.issues(uri).some((i) => i.code === 'annotation-unsaved'));
  });

  it('a span the user cut into is saved with its line as written, not clamped', () => {
    const [a, b] = cps(ARTICLE, 'Sahel Alliance');
    const original = `T1\tOrganization ${a} ${b}\tSahel Alliance\n`;
    fs.writeFileSync(ann, original);
    store.open(uri, txt, ARTICLE);
    const cut = ARTICLE.replace('met the Sahel Alliance', 'met Alliance'); // the edit crosses the span's start
    store.sync(uri, cut);
    fs.writeFileSync(txt, cut);
    store.saved(uri, cut);
    assert.equal(fs.readFileSync(ann, 'utf8'), original);
    assert.ok(store.issues(uri).some((i) => i.id === 'T1' && (i.code === 'annotation-stale' || i.code === 'annotation-out-of-range')));
  });
});
