import * as assert from 'node:assert/strict';
import { HIGHLIGHT_KINDS, normalizeSettings } from '../../src/protocol';
import { normaliseSettings } from '../../src/extension/model/settings';
import { serverSettings } from '../../src/server/settings';

describe('settings: one normaliser for the client and the server', () => {
  it('reads the section as VS Code nests it and as it is flattened, and drops what it does not know', () => {
    const nested = normalizeSettings({
      highlightStyle: 'marker',
      kinds: ['date', 'person', 'bogus', 'person'],
      inlayHints: { enabled: false },
      sidebar: { followCursor: false },
      statusBar: { enabled: true },
      articleDate: ' 2024-08-06 ',
      articleGlobs: ['articles/**/*.txt', '', 3],
    });
    assert.deepEqual(nested, {
      highlightStyle: 'marker',
      kinds: ['person', 'date'],
      articleDate: '2024-08-06',
      articleGlobs: ['articles/**/*.txt'],
      inlayHints: false,
      followCursor: false,
      statusBar: true,
    });
    const flat = normalizeSettings({ highlightStyle: 'neon', inlayHints: false, followCursor: false });
    assert.equal(flat.highlightStyle, 'semantic');
    assert.deepEqual(flat.kinds, [...HIGHLIGHT_KINDS]);
    assert.equal(flat.inlayHints, false);
    assert.equal(flat.followCursor, false);
    assert.equal(flat.statusBar, true);
    assert.deepEqual(normalizeSettings('nonsense'), normalizeSettings({}));
  });

  it('gives the client and the server the same kinds for the same raw settings', () => {
    for (const kinds of [undefined, [], ['place'], ['nationality', 'organization', 'x'], 'person']) {
      const raw = { kinds };
      assert.deepEqual([...normaliseSettings(raw).kinds], serverSettings(raw).kinds, JSON.stringify(raw));
    }
  });
});
