import * as assert from 'node:assert/strict';
import { type GoldDocument, scoreDocuments, type SystemDocument } from '../../src/cli/evalScoring';
import { systemOutputFor } from '../../src/cli/eval';

const doc = (id: string, system: Partial<SystemDocument>): [string, SystemDocument] => [id, { id, entities: [], dates: [], events: [], ...system }];

describe('news-lens eval scoring', () => {
  it('counts entities by exact span and type, conlleval style', () => {
    const gold: GoldDocument[] = [
      {
        id: 'a',
        text: 'Ada Lovelace met Babbage in London.',
        entities: [
          { start: 0, end: 12, type: 'person' },
          { start: 17, end: 24, type: 'person' },
          { start: 28, end: 34, type: 'place' },
        ],
      },
    ];
    const system = new Map([
      doc('a', {
        entities: [
          { start: 0, end: 12, type: 'person' },
          { start: 17, end: 24, type: 'organization' },
          { start: 28, end: 34, type: 'place' },
          { start: 0, end: 3, type: 'nationality' },
        ],
      }),
    ]);
    const scores = scoreDocuments(gold, system);
    assert.equal(scores.ner?.tp, 2);
    assert.equal(scores.ner?.sys, 3, 'nationality is not a scored kind');
    assert.equal(scores.ner?.gold, 3);
    assert.equal(scores.nerByType?.person.tp, 1);
    assert.equal(scores.nerByType?.organization.sys, 1);
    assert.ok(Math.abs((scores.ner?.f ?? 0) - 2 / 3) < 1e-9);
  });

  it('does not count a system entity that only overlaps an ignored gold span', () => {
    const gold: GoldDocument[] = [
      { id: 'a', text: 'French troops left Paris.', entities: [{ start: 19, end: 24, type: 'place' }], ignore: [{ start: 0, end: 6, type: 'gpe' }] },
    ];
    const scores = scoreDocuments(
      gold,
      new Map([
        doc('a', {
          entities: [
            { start: 0, end: 6, type: 'place' },
            { start: 19, end: 24, type: 'place' },
          ],
        }),
      ]),
    );
    assert.equal(scores.ner?.sys, 1);
    assert.equal(scores.ner?.p, 1);
  });

  it('scores TIMEX3 strict, relaxed and value separately', () => {
    const gold: GoldDocument[] = [
      {
        id: 'd',
        text: 'It happened last year and on Friday.',
        timex: [
          { start: 12, end: 21, type: 'DATE', value: '2023' },
          { start: 26, end: 35, type: 'DATE', value: '2024-08-02' },
        ],
      },
    ];
    const system = new Map([
      doc('d', {
        dates: [
          { start: 12, end: 21, type: 'DATE', value: '2023' },
          { start: 29, end: 35, type: 'DATE', value: '2024-08-09' },
        ],
      }),
    ]);
    const t = scoreDocuments(gold, system).timex!;
    assert.equal(t.strict.tp, 1);
    assert.equal(t.relaxed.tp, 2);
    assert.equal(t.value.tp, 1);
    assert.equal(t.typeAccuracy, 1);
  });

  it('scores event triggers with class accuracy', () => {
    const gold: GoldDocument[] = [
      {
        id: 'e',
        text: 'Troops withdrew, officials said.',
        events: [
          { start: 7, end: 15, class: 'OCCURRENCE' },
          { start: 27, end: 31, class: 'REPORTING' },
        ],
      },
    ];
    const ev = scoreDocuments(
      gold,
      new Map([
        doc('e', {
          events: [
            { start: 7, end: 15, class: 'OCCURRENCE' },
            { start: 27, end: 31, class: 'OCCURRENCE' },
          ],
        }),
      ]),
    ).events!;
    assert.equal(ev.relaxed.f, 1);
    assert.equal(ev.classAccuracy, 0.5);
  });

  it('uses the gold document date when the text has no dateline', () => {
    const withDct = systemOutputFor({ id: 'x', text: 'The ministry reported the figures last year.', dct: '2010-05-04' });
    const lastYear = withDct.dates.find((d) => /last year/.test('The ministry reported the figures last year.'.slice(d.start, d.end)));
    assert.equal(lastYear?.value, '2009');
  });
});
