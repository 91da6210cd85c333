import * as assert from 'node:assert/strict';
import { isCalendarDate, todayIso } from '../../src/extension/model/articleDateEdit';

describe('extension model: Set Article Date input', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    for (const ok of ['2024-08-06', '2024-02-29', '2000-02-29', '1999-12-31']) assert.ok(isCalendarDate(ok), ok);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-8-6', '06/08/2024', '2024-08-06T00:00', ''])
      assert.ok(!isCalendarDate(bad), bad);
  });

  it('offers today in local time', () => {
    assert.equal(todayIso(new Date(2024, 0, 5, 23, 59)), '2024-01-05');
    assert.ok(isCalendarDate(todayIso()));
  });
});
