// The index maps a closed article's offsets to LSP positions with one number per line
// (LineStarts) instead of keeping the text: it must agree with the editor's TextDocument.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineStarts } from '../../src/server/positions';

describe('LineStarts: positions without the text', () => {
  const texts = [
    '',
    'one line',
    ' date 2025-04-07 Lead.\n\nSecond paragraph.\n',
    'crlf line\r\nnext\r\n\r\nlast',
    'old mac\rline\rend',
    'mixed\r\n\n\rtail “quoted” é 😀 after',
  ];

  it('gives the same position as the editor for every offset, past the end included', () => {
    for (const text of texts) {
      const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
      const lines = new LineStarts(text);
      for (let offset = -2; offset <= text.length + 2; offset++) {
        assert.deepEqual(lines.positionAt(offset), doc.positionAt(offset), `${JSON.stringify(text)} @ ${offset}`);
      }
    }
  });

  it('maps a position on a line back to its offset', () => {
    const text = 'crlf line\r\nnext\r\n\r\nlast';
    const lines = new LineStarts(text);
    assert.equal(lines.offsetAt({ line: 1, character: 2 }), text.indexOf('xt'));
    assert.equal(lines.offsetAt({ line: 3, character: 0 }), text.indexOf('last'));
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.indexOf('last'), 'past the last line: the last line');
  });
});
