// analyzeActors (the workspace index's cheaper path) must find exactly the actors
// analyzeArticle finds: same ids, names, aliases and mentions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../src/analysis';
import { analyzeActors } from '../../src/analysis/analyzeActors';
import { generateArticle } from '../fixtures/generateArticle';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');

describe('analyzeActors (actors only)', () => {
  const articles: Array<[string, string]> = [
    ...fs
      .readdirSync(SAMPLES)
      .filter((f) => /\.(news|md|txt)$/.test(f))
      .map((f): [string, string] => [f, fs.readFileSync(path.join(SAMPLES, f), 'utf8')]),
    ...[1, 2, 3, 4, 5, 6].map((seed): [string, string] => [
      `generated-${seed}`,
      generateArticle({ seed, paragraphs: 4, date: seed % 2 ? '2024-05-14' : null, newline: seed === 3 ? '\r\n' : '\n' }),
    ]),
    ['front matter', '---\ndate: 2025-02-03\ntitle: Drought in Kenya\n---\nFarmers near Nairobi said the Kenya Meteorological Department warned them.\n'],
    ['empty', ''],
  ];
  for (const [name, text] of articles) {
    it(`${name}: the same actors and metadata as analyzeArticle`, () => {
      const full = analyzeArticle(text);
      const only = analyzeActors(text);
      assert.deepEqual(only.actors, full.actors);
      assert.deepEqual(only.metadata, full.metadata);
      if (name !== 'empty') assert.ok(only.actors.length > 0);
    });
  }
  it('with user annotations and a lexicon, and never throws on odd input', () => {
    const text = ' date 2024-08-06 Officials of Harbourline met Ana Silva in Porto.\n';
    const s = text.indexOf('Harbourline');
    const options = {
      userAnnotations: [{ start: s, end: s + 11, label: 'organization' as const, text: 'Harbourline' }],
      lexicon: [{ text: 'Porto', label: 'place' as const }],
    };
    assert.deepEqual(analyzeActors(text, options).actors, analyzeArticle(text, options).actors);
    assert.deepEqual(analyzeActors(undefined as unknown as string).actors, []);
  });
});
