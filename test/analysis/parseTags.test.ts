// parseParagraph runs compromise's tagging with two speed-ups (no phrase chunker, a faster
// rule sweep in the post-tagger). The tags the recognisers read must be exactly what a plain
// `nlp(text)` gives, and compromise itself must be left as it was for other callers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import nlp from 'compromise';
import { parseParagraph } from '../../src/analysis/parse';
import { generateArticle } from '../fixtures/generateArticle';

const REPO = path.resolve(__dirname, '..', '..', '..');

function stockTags(text: string): string[][] {
  const doc = nlp(text) as any;
  doc.compute('offset');
  return (doc.docs as any[]).flat().map((term: any) => [term.text, [...term.tags].sort().join(',')]);
}

describe('parseParagraph tags', () => {
  const dir = path.join(REPO, 'test', 'fixtures', 'golden');
  const paragraphs = [
    ...fs
      .readdirSync(dir)
      .filter((f) => /\.(news|md|txt)$/.test(f))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/)),
    ...generateArticle({ seed: 3, paragraphs: 25 }).split('\n\n'),
    "I'd've said no, but they're sure it isn't over: the U.S.-led talks resume at 9 a.m. on Jan. 5.",
  ].filter((p) => p.trim());

  it('are the tags of a plain compromise parse, token by token', () => {
    let tokens = 0;
    for (const text of paragraphs) {
      const ours = parseParagraph(text).tokens.map((t) => [t.text, [...t.tags].sort().join(',')]);
      const stock = stockTags(text).filter(([t]) => t);
      assert.deepEqual(
        ours.map(([, tags]) => tags),
        stock.map(([, tags]) => tags),
        text.slice(0, 80),
      );
      tokens += ours.length;
    }
    assert.ok(tokens > 1000, `only ${tokens} tokens`);
  });

  it('leaves compromise as it was for other callers', () => {
    const world = (nlp as any).world();
    const before = world.methods.one.bulkMatch;
    parseParagraph('The minister of Valmere resigned on Friday.');
    assert.equal(world.methods.one.bulkMatch, before);
    assert.ok(world.hooks.includes('chunks'));
    assert.equal((nlp('The port reopened.') as any).docs[0][1].chunk, 'Noun');
  });
});
