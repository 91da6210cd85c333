import * as assert from 'node:assert/strict';
import { buildQuotesList, shortenForLabel, speakerLabel } from '../../src/extension/model/quotesList';
import { statusSummary } from '../../src/extension/model/statusSummary';
import { mentionContext } from '../../src/extension/model/mentionContext';
import { highlightLayers, normaliseSettings } from '../../src/extension/model/settings';
import { sampleView } from './fixtures';

describe('extension model: quotes, status bar, labels, settings', () => {
  it('lists quotations with their speaker, falling back to the phrase', () => {
    const [q] = buildQuotesList(sampleView());
    assert.equal(speakerLabel(q.quote), 'Ana Kervella');
    assert.equal(speakerLabel({ ...q.quote, speaker: null, speakerName: null }), 'the mayor');
    assert.equal(speakerLabel({ ...q.quote, speaker: null, speakerName: null, speakerText: null }), 'unattributed');
  });

  it('shortens long quotations at a word boundary', () => {
    const long = 'The harbour will stay closed until the ministry guarantees that every docker keeps a contract for the season';
    const short = shortenForLabel(long, 50);
    assert.ok(short.length <= 50, short);
    assert.ok(short.endsWith('\u2026'));
    assert.ok(long.startsWith(short.slice(0, -1)));
  });

  it('summarises counts of the enabled kinds with codicons, and says when highlighting is off', () => {
    const view = sampleView();
    const all = normaliseSettings({}).kinds;
    assert.equal(statusSummary(view.counts, all, true).text, '$(eye) $(person) 1 $(organization) 5 $(location) 4 $(globe) 1 $(calendar) 8');
    const some = normaliseSettings({ kinds: ['place', 'date'] }).kinds;
    const s = statusSummary(view.counts, some, false);
    assert.equal(s.text, '$(eye-closed) $(location) 4 $(calendar) 8');
    assert.ok(s.lines.includes('People: 1 (hidden)'));
  });

  it('cuts a mention out of its line with the mention marked', () => {
    const line = 'Officials said the Port of Lorient Harbour Authority would reopen the quay on Monday after the strike.';
    const start = line.indexOf('Port');
    const end = start + 'Port of Lorient Harbour Authority'.length;
    const { label, highlight } = mentionContext(line, start, end, 50);
    assert.equal(label.slice(highlight[0], highlight[1]), 'Port of Lorient Harbour Authority');
    assert.ok(label.length <= 55, label);
    // Narrow sidebars cut labels on the right, so the mention comes early.
    const far = mentionContext(line, line.indexOf('Monday'), line.indexOf('Monday') + 6);
    assert.ok(far.highlight[0] <= 16, far.label);
    assert.equal(far.label.slice(far.highlight[0], far.highlight[1]), 'Monday');
    const edge = mentionContext('Lorient is quiet.', 0, 7, 60);
    assert.deepEqual(edge, { label: 'Lorient is quiet.', highlight: [0, 7] });
  });

  it('normalises settings and derives the highlight layers', () => {
    const s = normaliseSettings({ highlightStyle: 'neon', kinds: ['person', 'bogus'], inlayHints: false });
    assert.equal(s.highlightStyle, 'semantic');
    assert.deepEqual([...s.kinds], ['person']);
    assert.equal(s.inlayHints, false);
    assert.deepEqual(highlightLayers('both', true), { semantic: true, marker: true });
    assert.deepEqual(highlightLayers('marker', true), { semantic: false, marker: true });
    assert.deepEqual(highlightLayers('semantic', false), { semantic: false, marker: false });
    assert.deepEqual(highlightLayers('off', true), { semantic: false, marker: false });
  });
});
