// Readable TIMEX3 values for inlay hints, hovers and the Dates tree.
import * as assert from 'assert';
import { formatTimexValue } from '../../src/analysis/dates/formatTimex';

describe('formatTimexValue', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['2023', 'DATE', '2023'],
    ['1998-08-07', 'DATE', 'Fri 7 Aug 1998'],
    ['1998-08', 'DATE', 'August 1998'],
    ['1998-08-07T10:35', 'TIME', 'Fri 7 Aug 1998, 10:35'],
    ['1998-08-07TEV', 'TIME', 'Fri 7 Aug 1998, evening'],
    ['1998-W32', 'DATE', 'week of Mon 3 Aug 1998'],
    ['2000-W7', 'DATE', 'week of Mon 14 Feb 2000'],
    ['1998-W32-WE', 'DATE', 'weekend of Sat 8 Aug 1998'],
    ['FY1999', 'DATE', 'fiscal 1999'],
    ['1998-Q3', 'DATE', 'Q3 1998'],
    ['1998-SU', 'DATE', 'summer 1998'],
    ['199X', 'DATE', 'the 1990s'],
    ['199', 'DATE', 'the 1990s'],
    ['19XX', 'DATE', 'the 1900s'],
    ['P3M', 'DURATION', '3 months'],
    ['P1Y', 'DURATION', '1 year'],
    ['P10Y', 'DURATION', '10 years'],
    ['PT2H', 'DURATION', '2 hours'],
    ['PT5H30M', 'DURATION', '5 hours 30 minutes'],
    ['PXW', 'DURATION', 'weeks'],
    ['PAST_REF', 'DATE', 'the past'],
    ['PRESENT_REF', 'DATE', 'now'],
    ['FUTURE_REF', 'DATE', 'the future'],
    ['P1W', 'SET', 'weekly'],
    ['P1D', 'SET', 'daily'],
    ['XXXX-WXX-5', 'SET', 'every Friday'],
  ];
  for (const [value, type, readable] of cases) {
    it(`${value} (${type}) → ${readable}`, () => assert.strictEqual(formatTimexValue(value, type), readable));
  }

  it('returns unknown or invalid values unchanged instead of throwing', () => {
    assert.strictEqual(formatTimexValue('1998-02-31'), '1998-02-31');
    assert.strictEqual(formatTimexValue('gibberish'), 'gibberish');
    assert.strictEqual(formatTimexValue(''), '');
    assert.strictEqual(formatTimexValue(null), null);
  });
});
