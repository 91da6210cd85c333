// The editor-shaped questions (src/analysis/queries): what is at an offset, what an
// actor is linked to, and the name keys. Hover, references, code actions, entityAt
// and the workspace index all answer through these.
import { inStartOrder, SortedSpans } from '../../src/analysis/queries/lookup';
import * as assert from 'node:assert/strict';
import { actorKey, AnalysisLookup, analyzeArticle, compactName, dateValueOfPhrase, linkedDates, linkedEvents, sameName, spanAt } from '../../src/analysis';

const text = [
  ' date 2024-08-06 The mayor of Lorient, Ana Kervella, said on Monday that the port would reopen next week.',
  '',
  '"We will not wait for Paris," Kervella told reporters in Lorient.',
  '',
].join('\n');
const analysis = analyzeArticle(text);
const lookup = new AnalysisLookup(analysis);
const at = (word: string, delta = 0) => text.indexOf(word) + delta;

describe('analysis queries: what is at an offset', () => {
  it('finds the dateline, then an entity, then a date, then the quotation around the offset', () => {
    const all = { dateline: true, quotes: true };
    assert.equal(lookup.itemAt(at('2024-08-06'), all)?.kind, 'dateline');
    const entity = lookup.itemAt(at('Kervella'), all);
    assert.equal(entity?.kind, 'entity');
    assert.equal(entity?.kind === 'entity' && entity.actor?.type, 'person');
    const date = lookup.itemAt(at('Monday'), all);
    assert.equal(date?.kind === 'date' && date.date.text, 'Monday');
    assert.equal(lookup.itemAt(at('not wait'), all)?.kind, 'quote');
    assert.equal(lookup.itemAt(at('reporters'), all), null);
  });

  it('leaves out the dateline and quotations unless asked, and looks through kinds turned off', () => {
    assert.equal(lookup.itemAt(at('2024-08-06'))?.kind ?? null, null);
    assert.equal(lookup.itemAt(at('not wait')), null);
    assert.equal(lookup.itemAt(at('Kervella'), { shown: (kind) => kind !== 'person' }), null);
    assert.equal(lookup.itemAt(at('Monday'), { shown: (kind) => kind !== 'date' }), null);
  });

  it('counts a cursor just after the last character as on the span, and prefers a span that contains it', () => {
    const spans = [
      { start: 0, end: 4 },
      { start: 4, end: 9 },
      { start: 12, end: 12 },
    ];
    assert.equal(spanAt(spans, 4), spans[1]);
    assert.equal(spanAt(spans, 9), spans[1]);
    assert.equal(spanAt(spans, 12), undefined, 'an empty span is never under the cursor');
    assert.equal(spanAt(spans, 10), undefined);
  });
});

describe('analysis queries: linked events and dates, name keys', () => {
  it('links an actor to the events it takes part in and the dates in its sentences', () => {
    const mayor = analysis.actors.find((a) => a.name.includes('Kervella'));
    assert.ok(mayor, 'the fixture has the mayor as an actor');
    const dates = linkedDates(analysis, lookup.mentionsOf(mayor.id)).map((d) => d.text);
    assert.ok(dates.includes('Monday'), `dates: ${dates.join(', ')}`);
    const events = linkedEvents(analysis, mayor.id);
    for (const e of events) assert.ok(e.actors.includes(mayor.id) || e.place === mayor.id);
    const keys = events.map((e) => `${(e.lemma ?? e.text).toLowerCase()}|${e.date ?? ''}`);
    assert.equal(new Set(keys).size, keys.length, 'one event per word and date');
  });

  it('keys actors by kind and words, and compares written names without case or punctuation', () => {
    assert.equal(actorKey('organization', 'U.N. Security  Council'), 'organization:u n security council');
    assert.notEqual(actorKey('place', 'Georgia'), actorKey('person', 'Georgia'));
    assert.equal(compactName('U.S.'), 'us');
    assert.ok(sameName('U.S.', 'us'));
    assert.ok(!sameName('U.S.', 'U.K.'));
  });
});

describe('analysis queries: the value of a phrase marked as a date', () => {
  it('reads an absolute date whatever the article date', () => {
    assert.equal(dateValueOfPhrase('6 August 2024', null), '2024-08-06');
    assert.equal(dateValueOfPhrase('  6 August 2024 ', '2019-01-01'), '2024-08-06');
  });

  it('reads a relative date against the article date', () => {
    assert.equal(dateValueOfPhrase('yesterday', '2024-08-06'), '2024-08-05');
    assert.equal(dateValueOfPhrase('yesterday', '2023-03-01'), '2023-02-28');
  });

  it('gives no value when no date stands for most of the phrase', () => {
    assert.equal(dateValueOfPhrase('the harbour master', '2024-08-06'), null);
    assert.equal(dateValueOfPhrase('the harbour master who retired in 2019 after a long career', '2024-08-06'), null);
    assert.equal(dateValueOfPhrase('', '2024-08-06'), null);
  });
});

describe('queries: the span at an offset by binary search', () => {
  it('SortedSpans.at finds what spanAt finds in the whole list, with nested, touching and empty spans', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: random(12) }, () => {
        const start = random(40);
        return { start, end: start + random(8) };
      }).sort((a, b) => a.start - b.start);
      const sorted = new SortedSpans(spans);
      for (let offset = -1; offset <= 50; offset++) assert.equal(sorted.at(offset), spanAt(spans, offset), `offset ${offset} in ${JSON.stringify(spans)}`);
    }
  });

  it('SortedSpans.overlappingInto gives what overlapping gives, into a reused list', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 2, end: 30 },
      { start: 10, end: 12 },
      { start: 12, end: 12 },
      { start: 20, end: 25 },
    ];
    const sorted = new SortedSpans(spans);
    const reused: Array<{ start: number; end: number }> = [{ start: 99, end: 99 }];
    for (const region of [
      { start: 0, end: 0 },
      { start: 11, end: 12 },
      { start: 26, end: 40 },
      { start: 31, end: 40 },
    ]) {
      assert.deepEqual(sorted.overlappingInto(region, reused), sorted.overlapping(region), JSON.stringify(region));
    }
  });

  it('inStartOrder: a list in start order is given back as is; any other is sorted into a copy, ties keeping their order', () => {
    const inOrder = [
      { start: 1, end: 4, id: 'a' },
      { start: 1, end: 2, id: 'b' },
      { start: 3, end: 5, id: 'c' },
    ];
    assert.equal(inStartOrder(inOrder), inOrder);
    const shuffled = [inOrder[2], inOrder[0], inOrder[1]];
    const sorted = inStartOrder(shuffled);
    assert.notEqual(sorted, shuffled);
    assert.deepEqual(
      sorted.map((s) => s.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      shuffled.map((s) => s.id),
      ['c', 'a', 'b'],
      'the list given is left as it was',
    );
  });
});
