import * as assert from 'node:assert/strict';
import { buildDatesTree, dateChildren } from '../../src/extension/model/datesTree';
import { calendarParts, compareTimex } from '../../src/analysis';
import { sampleView } from './fixtures';

describe('extension model: Dates tree', () => {
  it('orders periods by value and puts non-calendar values after them', () => {
    const tree = buildDatesTree(sampleView());
    assert.deepEqual(
      tree.groups.map((g) => g.label),
      ['1990s', '2023', '2024', 'Past, present and future', 'Durations', 'Unresolved'],
    );
  });

  it('groups a year by month, the year-only dates first, days in order', () => {
    const tree = buildDatesTree(sampleView());
    const y2024 = tree.groups.find((g) => g.label === '2024')!;
    assert.equal(y2024.count, 3);
    const march = dateChildren(tree, y2024);
    assert.equal(march.length, 1);
    assert.equal(march[0].nodeType === 'dateGroup' && march[0].label, 'March');
    const inMarch = dateChildren(tree, march[0]).map((n) => n.nodeType === 'date' && n.date.text);
    assert.deepEqual(inMarch, ['in March', 'on Tuesday', '2024-03-15']);
  });

  it('keeps each item linked to its text-order index and parent', () => {
    const tree = buildDatesTree(sampleView());
    const item = tree.byIndex.get(0)!;
    assert.equal(item.date.text, 'last year');
    assert.equal(item.parent.label, '2023');
  });

  it('puts an ISO week in the month of its Monday', () => {
    assert.deepEqual(calendarParts('2024-W20'), { year: 2024, span: 'year', month: 5, day: null }); // Mon 13 May 2024
    assert.deepEqual(calendarParts('2021-W01'), { year: 2021, span: 'year', month: 1, day: null }); // Mon 4 Jan 2021
    assert.deepEqual(calendarParts('2020-W01'), { year: 2019, span: 'year', month: 12, day: null }); // Mon 30 Dec 2019
  });

  it('compares TIMEX values in time order', () => {
    const sorted = ['2024-08-06', 'PRESENT_REF', '2024', null, '2023-12', 'P1Y', '202', 'PAST_REF', '2024-08'].sort(compareTimex);
    assert.deepEqual(sorted, ['202', '2023-12', '2024', '2024-08', '2024-08-06', 'PAST_REF', 'PRESENT_REF', 'P1Y', null]);
  });
});
