// Temporal expressions: recognition extents, TIMEX3 values, tense anchoring,
// document-level anchoring, the no-article-date case and robustness.
// All sentences are invented for these tests.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { analyzeArticle } from '../../src/analysis/analyzeArticle';
import { recognizeTemporalExpressions } from '../../src/analysis/dates/recognizeDates';
import { resolveDocumentDates } from '../../src/analysis/dates/resolveDocumentDates';
import { readArticleHeader } from '../../src/analysis/metadata';
import { parseParagraph } from '../../src/analysis/parse';
import type { TemporalExpression } from '../../src/analysis/types';

// 2024-08-06 is a Tuesday.
const REF = '2024-08-06';

function datesIn(text: string, referenceDate: string | null = REF): TemporalExpression[] {
  return recognizeTemporalExpressions(parseParagraph(text), { referenceDate });
}

function only(text: string, phrase: string, referenceDate: string | null = REF): TemporalExpression {
  const dates = datesIn(text, referenceDate);
  const found = dates.find((d) => d.text === phrase);
  assert.ok(found, `expected "${phrase}" in ${JSON.stringify(dates.map((d) => d.text))}`);
  assert.strictEqual(text.slice(found.start, found.end), phrase, 'offsets point at the text');
  return found;
}

function documentDates(text: string): TemporalExpression[] {
  const { metadata } = readArticleHeader(text, {});
  const body = text.slice(metadata.bodyStart).replace(/^\s+/, '');
  const offset = text.length - body.length;
  const raw = recognizeTemporalExpressions(parseParagraph(body), { referenceDate: metadata.date }).map((d) => ({
    ...d,
    start: d.start + offset,
    end: d.end + offset,
  }));
  return resolveDocumentDates(raw, metadata);
}

describe('dates: calendar values', () => {
  const cases: Array<[string, string, string, string]> = [
    ['The agency was founded in 1998 by two engineers.', '1998', 'DATE', '1998'],
    ['The accord was signed on Aug. 7, 1998, in a lakeside hotel.', 'Aug. 7, 1998', 'DATE', '1998-08-07'],
    ['The factory shut its gates in August 1998 after a strike.', 'August 1998', 'DATE', '1998-08'],
    ['Exports climbed in the third quarter of 1998, the ministry said.', 'the third quarter of 1998', 'DATE', '1998-Q3'],
    ['Coffee prices collapsed in the 1990s.', '1990s', 'DATE', '199'],
    ['The harbour town grew quickly in the 20th century.', 'the 20th century', 'DATE', '19'],
    ['The committee met on 2021-03-04 to review the budget.', '2021-03-04', 'DATE', '2021-03-04'],
    ['Turnout was low last year, officials said.', 'last year', 'DATE', '2023'],
    ['Ministers met this week to discuss the budget.', 'this week', 'DATE', '2024-W32'],
    ['The dam was finished last summer.', 'last summer', 'DATE', '2023-SU'],
    ['The council voted this morning to close the bridge.', 'this morning', 'TIME', '2024-08-06TMO'],
    ['The ferry left at 10:35 a.m. with forty passengers.', '10:35 a.m.', 'TIME', '2024-08-06T10:35'],
    ['The council met on Thanksgiving Day last year.', 'Thanksgiving Day', 'DATE', '2023-11-23'],
    ['Revenue in fiscal 2022 beat forecasts.', 'fiscal 2022', 'DATE', 'FY2022'],
    ['Profit for the quarter was 4 percent higher.', 'the quarter', 'DATE', '2024-Q2'],
    ["The ferry sails at 7 o'clock in the evening.", "7 o'clock in the evening", 'TIME', '2024-08-06T19:00'],
    ['Harvests failed in early 1997.', 'early 1997', 'DATE', '1997'],
  ];
  for (const [text, phrase, type, value] of cases) {
    it(`"${phrase}" → ${value}`, () => {
      const d = only(text, phrase);
      assert.strictEqual(d.type, type);
      assert.strictEqual(d.value, value);
      assert.ok(d.explanation.length > 0);
    });
  }

  it('marks written-out dates as not relative and relative ones as relative', () => {
    assert.strictEqual(only('The port opened in 1998.', '1998').relative, false);
    assert.strictEqual(only('The port opened last year.', 'last year').relative, true);
  });
});

describe('dates: durations, references and sets', () => {
  const cases: Array<[string, string, string, string]> = [
    ['The talks lasted three months before collapsing.', 'three months', 'DURATION', 'P3M'],
    ['Delegates sat through a two-hour session.', 'two-hour', 'DURATION', 'PT2H'],
    ['The ban has been in force for more than a year.', 'more than a year', 'DURATION', 'P1Y'],
    ['Rents have doubled over the past decade.', 'the past decade', 'DURATION', 'P10Y'],
    ['Rescuers worked through the last twenty four hours without rest.', 'the last twenty four hours', 'DURATION', 'PT24H'],
    ['The pilots rested for 5 1/2 hours.', '5 1/2 hours', 'DURATION', 'PT5H30M'],
    ['The mayor is now under pressure.', 'now', 'DATE', 'PRESENT_REF'],
    ['Such storms were rare in the past.', 'the past', 'DATE', 'PAST_REF'],
    ['Planners worry about the future of the canal.', 'the future', 'DATE', 'FUTURE_REF'],
    ['The council publishes a weekly bulletin.', 'weekly', 'SET', 'P1W'],
    ['The market opens every Friday in the square.', 'every Friday', 'SET', 'XXXX-WXX-5'],
    ['The mill ran three shifts a day.', 'a day', 'SET', 'P1D'],
    ['The envoy stays a month in the capital.', 'a month', 'DURATION', 'P1M'],
  ];
  for (const [text, phrase, type, value] of cases) {
    it(`"${phrase}" → ${type} ${value}`, () => {
      const d = only(text, phrase);
      assert.strictEqual(d.type, type);
      assert.strictEqual(d.value, value);
    });
  }

  it('records the modifier of "more than a year"', () => {
    assert.strictEqual(only('The ban has lasted more than a year.', 'more than a year').mod, 'MORE_THAN');
  });
});

describe('dates: extents the TimeML way', () => {
  it('finds "the coming weeks" in "over the coming weeks", leaving out the preposition', () => {
    const d = only('Prices are expected to rise over the coming weeks.', 'the coming weeks');
    assert.strictEqual(d.type, 'DURATION');
    assert.strictEqual(d.value, 'PXW');
  });

  it('tags "recently" in "until recently" as PAST_REF, with "until" as a signal outside the extent', () => {
    const dates = datesIn('The base was, until recently, run by foreign troops.');
    assert.deepStrictEqual(
      dates.map((d) => [d.text, d.value]),
      [['recently', 'PAST_REF']],
    );
  });

  it('keeps "later" inside "two days later" but leaves "after" outside "two days after"', () => {
    assert.ok(datesIn('Two days later, the strike ended.').some((d) => d.text === 'Two days later'));
    const after = datesIn('The strike ended two days after the vote.');
    assert.deepStrictEqual(
      after.map((d) => d.text),
      ['two days'],
    );
  });

  it('does not tag ages, the modal "may" or the verb "march"', () => {
    assert.deepStrictEqual(datesIn('The 6-year-old boy may march with his 25 years old uncle.'), []);
  });

  it('splits a year range into its two years', () => {
    assert.deepStrictEqual(
      datesIn('The drought of 1991-93 emptied the reservoirs.').map((d) => [d.text, d.value]),
      [
        ['1991', '1991'],
        ['93', '1993'],
      ],
    );
  });

  it('records "early" as the START mod', () => {
    assert.strictEqual(only('Harvests failed in early 1997.', 'early 1997').mod, 'START');
  });

  it('splits "April 24 and 25" into two dates', () => {
    const dates = datesIn('The summit will be held on April 24 and 25.');
    assert.deepStrictEqual(
      dates.map((d) => [d.text, d.value]),
      [
        ['April 24', '2025-04-24'],
        ['25', '2025-04-25'],
      ],
    );
  });
});

describe('dates: anchoring by tense', () => {
  it('puts "Friday" in a past-tense sentence on the Friday before the article date', () => {
    const d = only('The minister resigned Friday after a week of protests.', 'Friday');
    assert.strictEqual(d.value, '2024-08-02');
    assert.match(d.explanation, /past tense: the Friday before the article date 2024-08-06/);
  });

  it('puts "Friday" in a future-tense sentence on the Friday after it', () => {
    assert.strictEqual(only('The minister will resign Friday, aides said.', 'Friday').value, '2024-08-09');
  });

  it('reads the article date itself when the weekday matches it', () => {
    assert.strictEqual(only('Crowds gathered Tuesday outside the court.', 'Tuesday').value, '2024-08-06');
  });

  it('resolves "in March" to the plausible March by tense', () => {
    assert.strictEqual(only('The plant closed in March after losses.', 'March').value, '2024-03');
    assert.strictEqual(only('The plant will reopen in March under new owners.', 'March').value, '2025-03');
  });

  it('takes the year in which a written weekday matches the date', () => {
    // 26 Oct 2023 was a Thursday; 26 Oct 2024 is a Saturday.
    assert.strictEqual(only('The paper ran an editorial on Thursday, Oct. 26.', 'Thursday, Oct. 26').value, '2023-10-26');
  });

  it('resolves "last Friday" and "next Monday" without looking at tense', () => {
    assert.strictEqual(only('The vote is last Friday news.', 'last Friday').value, '2024-08-02');
    assert.strictEqual(only('The vote was moved to next Monday.', 'next Monday').value, '2024-08-12');
  });
});

describe('dates: the verb that governs the date sets its tense', () => {
  it('reads "set out the plan to cut taxes on Thursday" as past: the noun "plan" is no future cue', () => {
    assert.strictEqual(only('Finance Minister Jane Doe set out the plan to cut taxes on Thursday.', 'Thursday').value, '2024-08-01');
  });

  it('reads the phrasal verb in "has set out the plan on Thursday" as past, not as scheduling', () => {
    assert.strictEqual(only('The minister has set out the plan on Thursday.', 'Thursday').value, '2024-08-01');
  });

  it('reads "announced plans to build a dam on Thursday" as past', () => {
    assert.strictEqual(only('The government announced plans to build a dam on Thursday.', 'Thursday').value, '2024-08-01');
  });

  it('skips a relative clause between the verb and the date', () => {
    assert.strictEqual(only('The minister unveiled the budget, which will raise fuel duty, on Thursday.', 'Thursday').value, '2024-08-01');
  });

  it('still looks ahead when the governing verb is future', () => {
    assert.strictEqual(only('Talks that collapsed last week will resume on Thursday.', 'Thursday').value, '2024-08-08');
    assert.strictEqual(only('The company has scheduled a news conference Thursday to announce the results.', 'Thursday').value, '2024-08-08');
  });

  it('lets an infinitive govern its date: "agreed to meet on Nov. 20" is not placed by "agreed"', () => {
    assert.strictEqual(only('The two sides agreed to meet on Nov. 20 in Geneva.', 'Nov. 20', '2024-11-05').value, '2024-11-20');
  });

  it('reads a verbless fragment cut off after an abbreviation together with the next sentence', () => {
    const text = 'In January, a week after the Roe vs. Wade anniversary, a bomb killed a guard.';
    assert.strictEqual(only(text, 'January', '2024-10-25').value, '2024-01');
  });
});

describe('dates: a day and month without a year', () => {
  it('takes the nearest year when no tense says otherwise', () => {
    // Aug. 7 is 150 days after 2024-03-10 and 216 days before it.
    assert.strictEqual(only('The festival opens each year on Aug. 7.', 'Aug. 7', '2024-03-10').value, '2024-08-07');
  });

  it('puts "the June 30 deadline" in the year it is nearest, even in a past-tense sentence', () => {
    assert.strictEqual(only('Ministers agreed to pay the arrears by the June 30 deadline.', 'June 30', '2024-03-10').value, '2024-06-30');
    assert.strictEqual(only('Lenders demanded payment before the Nov. 20 deadline.', 'Nov. 20', '2024-09-02').value, '2024-11-20');
  });

  it('keeps a past-tense event in the past', () => {
    assert.strictEqual(only('The rebels signed the truce on Nov. 20.', 'Nov. 20', '2024-03-10').value, '2023-11-20');
    assert.strictEqual(only('Police have searched for him since shortly after the Oct. 23 shooting.', 'Oct. 23', '2024-05-06').value, '2023-10-23');
  });
});

describe('dates: possessive weekdays', () => {
  it('reads "Sunday\'s vote" as the Sunday nearest the article date, not a week ahead', () => {
    const d = only("Results of Sunday's vote will be announced on Friday.", 'Sunday');
    assert.strictEqual(d.value, '2024-08-04');
    assert.strictEqual(only("Results of Sunday's vote will be announced on Friday.", 'Friday').value, '2024-08-09');
  });

  it('looks ahead after "ahead of" and back after "after"', () => {
    assert.strictEqual(only("Parties held rallies ahead of Sunday's vote.", 'Sunday').value, '2024-08-11');
    assert.strictEqual(only("Unrest grew after Saturday's match.", 'Saturday', '2024-08-08').value, '2024-08-03');
  });

  it('follows a past-tense verb', () => {
    assert.strictEqual(only("Turnout in Saturday's vote was low.", 'Saturday', '2024-08-08').value, '2024-08-03');
  });
});

describe('dates: TimeML value conventions', () => {
  it('writes ISO weeks with two digits', () => {
    assert.strictEqual(only('Ministers met last week to discuss the budget.', 'last week', '2024-03-01').value, '2024-W08');
  });

  it('writes a decade as its first three digits and a century as two', () => {
    assert.strictEqual(only('The mill thrived in the 1970s.', '1970s').value, '197');
    assert.strictEqual(only('Rents rose this decade.', 'this decade').value, '202');
    assert.strictEqual(only('Rail arrived in the 19th century.', 'the 19th century').value, '18');
  });

  it('tags spelled-out years', () => {
    assert.strictEqual(only('The mill closed in nineteen ninety-six.', 'nineteen ninety-six').value, '1996');
    assert.strictEqual(only('The bridge opened in nineteen oh five.', 'nineteen oh five').value, '1905');
    assert.strictEqual(only('She left in two thousand and one.', 'two thousand and one').value, '2001');
    assert.ok(!datesIn('Nineteen ninety-six people signed.').some((d) => d.value === '1996'));
  });

  it('puts the part of the day on the date: "Thursday night" is 2024-08-01TNI', () => {
    const d = only('Protesters marched through the centre on Thursday night.', 'Thursday night');
    assert.strictEqual(d.value, '2024-08-01TNI');
    assert.strictEqual(d.type, 'DATE');
  });
});

describe('dates: names that look like dates', () => {
  it('does not take "the March of the Mothers" for a month', () => {
    assert.deepEqual(
      datesIn('Thousands joined the March of the Combatant Mothers.').map((d) => d.text),
      [],
    );
    assert.strictEqual(only('The strike began in March of this year.', 'March').value, '2024-03');
  });
});

describe('dates: business news', () => {
  it('reads "the third quarter" of an earnings report as the latest completed one', () => {
    assert.strictEqual(only("Acme's third-quarter profit rises 5 percent.", 'third-quarter', '2024-02-05').value, '2023-Q3');
    assert.strictEqual(only('Net income in the second quarter was $4 million.', 'the second quarter', '2024-08-06').value, '2024-Q2');
  });

  it('keeps an expected quarter ahead', () => {
    assert.strictEqual(only('Acme expects fourth-quarter sales to grow.', 'fourth-quarter', '2024-02-05').value, '2024-Q4');
  });

  it('anchors "year-earlier", "year-ago" and "a year earlier" on the quarter under discussion', () => {
    const dates = documentDates(
      'date 2024-02-05 Net income in the third quarter was $4 million, the company said Thursday, compared with $3 million in the year-earlier period. Sales beat year-ago levels. Margins were wider than a year earlier.',
    );
    const value = (text: string) => dates.find((d) => d.text === text)?.value;
    assert.strictEqual(value('the third quarter'), '2023-Q3');
    assert.strictEqual(value('year-earlier'), '2022-Q3');
    assert.strictEqual(value('year-ago'), '2022-Q3');
    assert.strictEqual(value('a year earlier'), '2022-Q3');
  });
});

describe('dates: relative to other dates in the text', () => {
  it('counts "two days later" from the date before it', () => {
    const dates = documentDates('date 2024-08-06 The ceasefire began on July 20. Two days later, fighting resumed.');
    const later = dates.find((d) => d.text === 'Two days later');
    assert.ok(later);
    assert.strictEqual(later.value, '2024-07-22');
    assert.strictEqual(later.anchor?.from?.text, 'July 20');
    assert.match(later.explanation, /2 days after "July 20"/);
  });

  it('resolves "that same day" and "the next morning" from the last date', () => {
    const dates = documentDates('date 2024-08-06 Talks opened on June 3. Envoys left that same day and returned the next morning.');
    assert.strictEqual(dates.find((d) => d.text === 'that same day')?.value, '2024-06-03');
    assert.strictEqual(dates.find((d) => d.text === 'the next morning')?.value, '2024-06-04TMO');
  });

  it('puts a bare clock time on the day just named before it', () => {
    const dates = documentDates('date 2024-08-06 The storm reached the coast on Friday. Power failed at 10 p.m. across the region.');
    assert.strictEqual(dates.find((d) => d.text === '10 p.m.')?.value, '2024-08-02T22:00');
  });

  it('falls back to the article date when no earlier date is written', () => {
    const dates = documentDates('date 2024-08-06 Two days later, the talks resumed.');
    assert.strictEqual(dates[0].value, '2024-08-08');
    assert.match(dates[0].explanation, /article date/);
  });
});

describe('dates: without an article date', () => {
  it('leaves relative dates unresolved and says how to set the date', () => {
    const d = only('Turnout was low last year.', 'last year', null);
    assert.strictEqual(d.value, null);
    assert.strictEqual(d.relative, true);
    assert.match(d.explanation, /no date/);
    assert.match(d.explanation, /date YYYY-MM-DD/);
    assert.match(d.explanation, /date:/);
    assert.match(d.explanation, /newsLens\.articleDate/);
  });

  it('still resolves dates written in full', () => {
    assert.strictEqual(only('The port opened on March 5, 1946.', 'March 5, 1946', null).value, '1946-03-05');
  });

  it('leaves "two days later" unresolved when nothing anchors it', () => {
    const dates = documentDates('Two days later, the talks resumed.');
    assert.strictEqual(dates[0].value, null);
    assert.match(dates[0].explanation, /newsLens\.articleDate/);
  });
});

describe('dates: through analyzeArticle', () => {
  it('resolves body dates against the dateline and does not report the dateline itself', () => {
    const text = ' date 2024-08-06 The garrison left last year. Officials said Friday that the last convoy had gone.\n';
    const analysis = analyzeArticle(text);
    const byText = new Map(analysis.dates.map((d) => [d.text, d]));
    assert.strictEqual(byText.get('last year')?.value, '2023');
    assert.strictEqual(byText.get('Friday')?.value, '2024-08-02');
    assert.ok(!analysis.dates.some((d) => d.text.includes('2024-08-06')), 'the dateline is metadata');
    for (const d of analysis.dates) assert.strictEqual(text.slice(d.start, d.end), d.text);
  });
});

describe('dates: robustness', () => {
  const nasty = [
    '',
    ' ',
    '\u0000\u0001\u0002 binary \uFFFD\uFFFD',
    'Friday'.repeat(5000),
    '1998 '.repeat(3000),
    'on Aug. 99, 1998 at 77:99 p.m. in the 13th month of 0000-00-00',
    'the day before the day before last Tuesday after next',
    'Émigrés returned 🎉 on 7 août; 二〇二四年 — naïve “last year”.',
    'Line one\r\nLine two last week\r\n',
    'more than than than a a a year year ago ago',
    '5 1/0 hours and 1/2/3/4 and 31/31/31',
  ];
  for (const text of nasty) {
    it(`never throws on ${JSON.stringify(text.slice(0, 40))}`, () => {
      for (const ref of [REF, null, 'not-a-date', '2024-02-30']) {
        const dates = recognizeTemporalExpressions(parseParagraph(text), { referenceDate: ref });
        for (const d of dates) {
          assert.ok(d.start >= 0 && d.end <= text.length && d.start < d.end);
          assert.strictEqual(text.slice(d.start, d.end), d.text);
        }
        const { metadata } = readArticleHeader(text, {});
        assert.doesNotThrow(() => resolveDocumentDates(dates, metadata));
      }
    });
  }

  it('keeps expressions inside the text, in order and without overlap, for any mix of date words', () => {
    const words = [
      'last',
      'next',
      'the',
      'past',
      'Friday',
      'March',
      'May',
      '12',
      '1998',
      'years',
      'ago',
      'later',
      'more',
      'than',
      'a',
      'year',
      'weekly',
      'now',
      'early',
      'Aug.',
      ',',
      '.',
      '-',
      'two',
      'days',
      'after',
      'that',
      'same',
      'day',
      'a.m.',
      '10:35',
      'until',
      'recently',
      'fiscal',
      'quarter',
      'of',
      '\n',
      'é',
      '🎉',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), fc.constantFrom(REF, null), (tokens, ref) => {
        const text = tokens.join(' ');
        const dates = recognizeTemporalExpressions(parseParagraph(text), { referenceDate: ref });
        let previousEnd = 0;
        for (const d of dates) {
          assert.ok(d.start >= previousEnd && d.start < d.end && d.end <= text.length);
          assert.strictEqual(text.slice(d.start, d.end), d.text);
          assert.ok(['DATE', 'TIME', 'DURATION', 'SET'].includes(d.type));
          if (ref === null && d.relative && !d.anchor) assert.strictEqual(d.value, null);
          previousEnd = d.end;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('survives a parse with no tokens', () => {
    const dates = recognizeTemporalExpressions({ text: 'They met last Friday.', tokens: [], sentences: [], sentenceTokens: [] }, { referenceDate: REF });
    assert.strictEqual(dates[0]?.value, '2024-08-02');
  });
});
