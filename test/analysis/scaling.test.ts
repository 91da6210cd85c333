// Linear time for inputs that used to be quadratic (issue 12): many distinct
// names in one article, many spans in one .ann. Each check compares an input
// with one 10x bigger, as a ratio of work (property reads on the inputs, which
// no machine load disturbs: tests never assert timings). Linear work costs about
// 10x, quadratic about 100x; the bound (25x) leaves room for noise.
import * as assert from 'node:assert/strict';
import { applyUserAnnotations, parseBrat, readUserAnnotations } from '../../src/analysis/annotations';
import { buildActors } from '../../src/analysis/entities/buildActors';
import { findQuotes } from '../../src/analysis/quotes';
import type { EntityMention } from '../../src/analysis/types';
import type { EntityCandidate } from '../../src/analysis/entities/recognizeEntities';
import { countingReads, distinctNames, workRatio } from '../fixtures/scaling';

const KINDS = ['person', 'organization', 'place'] as const;

/** An article of about `chars` characters naming a new actor in every sentence, and its entity candidates. */
function manyNames(chars: number): { text: string; candidates: EntityCandidate[] } {
  const names = distinctNames(Math.ceil(chars / 10), 7);
  let text = '';
  const candidates: EntityCandidate[] = [];
  for (let i = 0; text.length < chars; i++) {
    const name = names[i];
    const start = text.length;
    text += `${name} spoke today. `;
    candidates.push({ start, end: start + name.length, text: name, type: KINDS[i % 3], evidence: 'model' });
  }
  return { text, candidates };
}

/** A .ann of `spans` entity spans, each with an AnnotatorNotes line, and its article. */
function manySpans(spans: number): { text: string; ann: string } {
  const names = distinctNames(spans, 3);
  let text = '';
  const lines: string[] = [];
  names.forEach((name, i) => {
    const start = text.length;
    text += `${name} said so. `;
    lines.push(`T${i + 1}\tPerson ${start} ${start + name.length}\t${name}`, `#${i + 1}\tAnnotatorNotes T${i + 1}\tcanonical: ${name}`);
  });
  return { text, ann: lines.join('\n') + '\n' };
}

describe('scaling: linear in the input', function () {
  this.timeout(300_000);

  it('buildActors with many distinct names: 100k characters read the mentions well under 25x as often as 10k (work)', () => {
    const inputs = [manyNames(10_000), manyNames(100_000)];
    const { ratio, small, big } = workRatio((counter, isBig) => {
      const input = inputs[isBig ? 1 : 0];
      buildActors(countingReads(input.candidates, counter), { text: input.text });
    });
    assert.ok(ratio < 25, `${small} reads for 10k, ${big} for 100k (x${ratio.toFixed(1)})`);
  });

  it('reading a .ann with many spans and notes: 30k spans cost well under 25x the work of 3k', () => {
    const inputs = [manySpans(3_000), manySpans(30_000)];
    const { ratio, small, big } = workRatio((counter, isBig) => {
      const input = inputs[isBig ? 1 : 0];
      const doc = parseBrat(input.ann).doc;
      doc.records = countingReads(doc.records, counter);
      const { annotations } = readUserAnnotations(doc, input.text);
      assert.equal(annotations[0].canonical, annotations[0].text);
    });
    assert.ok(ratio < 25, `${small} record reads for 3k spans, ${big} for 30k (x${ratio.toFixed(1)})`);
  });

  it('applying many user spans (and an entity over a date) to the analysis: 30k spans cost well under 25x the work of 3k', () => {
    const userSpans = (input: { text: string; ann: string }) => {
      const { annotations } = readUserAnnotations(parseBrat(input.ann).doc, input.text);
      // every tenth name is also marked as a date of its first word: an entity and a date that overlap both apply
      return annotations.flatMap((a, i) =>
        i % 10 ? [a] : [a, { start: a.start, end: a.start + a.text.indexOf(' '), label: 'date' as const, text: a.text.slice(0, a.text.indexOf(' ')) }],
      );
    };
    const inputs = [manySpans(3_000), manySpans(30_000)].map((input) => ({ text: input.text, user: userSpans(input) }));
    const { ratio, small, big } = workRatio((counter, isBig) => {
      const { text, user } = inputs[isBig ? 1 : 0];
      const result = applyUserAnnotations({ text, bodyStart: 0, entities: [], dates: [], user: countingReads(user, counter) });
      assert.equal(result.entities.length + result.userDates.length, user.length);
    });
    assert.ok(ratio < 25, `${small} span reads for 3k spans, ${big} for 30k (x${ratio.toFixed(1)})`);
  });

  it('quotes attributed by "he said" in one long paragraph: 10x the quotes read the sentences well under 25x as often (work)', () => {
    // One paragraph (no blank lines), a named person, then many '"…," he said.' quotations: each
    // attribution looks back a bounded stretch, not at every sentence before it.
    const quoted = (count: number) => {
      let text = 'Daniel Okafor spoke. ';
      const sentences = [{ start: 0, end: text.length - 1 }];
      for (let i = 0; i < count; i++) {
        const start = text.length;
        text += `"We will hold on number ${i}," he said. `;
        sentences.push({ start, end: text.length - 1 });
      }
      const mentions: EntityMention[] = [
        { start: 0, end: 13, text: 'Daniel Okafor', type: 'person', actorId: 'person:daniel-okafor', source: 'auto', evidence: 'model' },
      ];
      const actors = [
        {
          id: 'person:daniel-okafor',
          name: 'Daniel Okafor',
          type: 'person' as const,
          aliases: [],
          mentions: [{ start: 0, end: 13 }],
          evidence: 'model' as const,
        },
      ];
      return { text, sentences, mentions, actors };
    };
    const inputs = [quoted(1_000), quoted(10_000)];
    const { ratio, small, big } = workRatio((counter, isBig) => {
      const { text, sentences, mentions, actors } = inputs[isBig ? 1 : 0];
      const quotes = findQuotes(text, [{ start: 0, end: text.length, sentences: countingReads(sentences, counter) }], mentions, actors);
      assert.equal(quotes.length, sentences.length - 1);
      assert.equal(quotes[quotes.length - 1].speaker, 'person:daniel-okafor');
    });
    assert.ok(ratio < 25, `${small} sentence reads for 1k quotes, ${big} for 10k (x${ratio.toFixed(1)})`);
  });
});
