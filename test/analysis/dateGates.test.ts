// Each date rule has a gate: a cheap test that skips the rule for a paragraph where it cannot
// yield a date. A gate must never change what is found. These invented sentences cover every
// rule family, in capitals and in lower case (where case decides), and each is checked against
// a run of every rule without gates.
import * as assert from 'node:assert/strict';
import { findCandidates, RULES } from '../../src/analysis/dates/patterns';
import { generateArticle } from '../fixtures/generateArticle';

const SENTENCES = [
  // calendar: ISO and numeric dates, month and day, day and month, week of, month and year, month
  'The filing, dated 2023-04-17 and 2023-04-17 09:30, was amended on 4/18/23.',
  'Talks resume Friday, Oct. 23, and end Oct 25 or 26; the treaty of March 5, 1946 stands.',
  'TALKS RESUME ON OCT. 23 AND END ON THE 25TH OF OCTOBER',
  'He arrived on the 3rd of May 2021 and left on 12 June.',
  'Shipments for the week of Aug. 7, 2022 were late; in early March the port shut.',
  'Sales fell in September 2019 and in mid-January, and rose last March.',
  'Sales may march higher; the market decided nothing in may or march.',
  // calendar: seasons, years, year ranges, decades, centuries, spelled years
  'Harvests in the spring of 2020 and in summer 2021 were poor; in 1998 it rained.',
  'The 1990-1995 drought, the 2010s, the 1980s and the 21st century; nineteen ninety-eight.',
  'A 1500 troops deployment in the year 2003, a 10-year-old law and a two-years-ago rule.',
  // days: weekdays, today and friends, clock times, noon
  'Last Friday night and on Monday morning, the day before Tuesday, he spoke.',
  'on monday, friday and sunday nothing happened, they said.',
  'Today, tonight, tomorrow morning and yesterday afternoon the rain fell.',
  'The meeting starts at 10:35 a.m. (0735 GMT), at 14:00 and at 3 pm, and at noon.',
  "It ended at six o'clock in the evening, well after midnight and before midday.",
  // relative: references, relative units, weekends, anchored words, ages, quantities, sets
  'Now, currently and in recent years prices rose; these days they fall, as in the past.',
  'Last week, this month, next year and the following quarter; the coming weekend too.',
  'That day, the same week and the previous month were quiet; the 6-year-old boy was fine.',
  'For three years, nearly two months ago, the past 24 hours and another week and a half later.',
  'A five-year plan, a 30-day truce and half a year; for years, over the coming weeks, in recent days.',
  'Prices are reviewed daily, weekly and every other month, twice a year and three times per week.',
  // periods: holidays, fiscal years, parts of periods, seasons, the period, quarters
  'By Christmas, New Year and Easter, and on Election Day and Labor Day, shops close.',
  'In fiscal 2022 and fiscal year 2023, at the end of the year and at the beginning of May.',
  'This winter and last autumn; the latest quarter and the year; the first half and the third quarter.',
  // text with no date at all, and none but lower-case month and weekday words
  'The minister said the talks would go on.',
  'Prices rose sharply and quickly, officials said publicly.',
  'may the march of sunday-school children decide',
];

const strip = (xs: ReturnType<typeof findCandidates>) => JSON.stringify(xs);

describe('date rule gates', () => {
  it('cover every rule family in these sentences (each rule with a gate is exercised)', () => {
    const fired = new Set<string>();
    for (const text of SENTENCES) for (const rule of RULES) if (rule.gate?.test(text)) fired.add(rule.name);
    const gated = RULES.filter((r) => r.gate).map((r) => r.name);
    const missing = gated.filter((name) => !fired.has(name) && !['clock-words'].includes(name));
    assert.deepEqual(missing, []);
  });

  it('never change what is found: each sentence, with and without gates', () => {
    let found = 0;
    for (const text of SENTENCES) {
      const gated = findCandidates(text);
      assert.equal(strip(gated), strip(findCandidates(text, { gates: false })), text);
      found += gated.length;
    }
    assert.ok(found > 60, `only ${found} dates found`);
  });

  it('never change what is found: a generated article, paragraph by paragraph', () => {
    for (const text of generateArticle({ seed: 3, paragraphs: 30 }).split('\n\n'))
      assert.equal(strip(findCandidates(text)), strip(findCandidates(text, { gates: false })), text);
  });

  it('find capitalised month and weekday names in any case after the capital, and skip lower-case ones', () => {
    const month = RULES.find((r) => r.name === 'month')!.gate!;
    const weekday = RULES.find((r) => r.name === 'weekday')!.gate!;
    for (const text of ['in March', 'in MARCH', 'in MaRcH', 'Sept. 4', 'DEC 25']) assert.ok(month.test(text), text);
    for (const text of ['in march', 'they may', 'market', 'decided']) assert.ok(!month.test(text), text);
    for (const text of ['on Friday', 'on FRIDAY', 'WEDNESDAY', 'Sunday']) assert.ok(weekday.test(text), text);
    for (const text of ['on friday', 'sunday-school', 'today']) assert.ok(!weekday.test(text), text);
  });
});
