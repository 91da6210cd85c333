// The one Markdown escaper (src/protocol md), used by the server's hovers and the
// client's tooltips: names and sentences from an article must show as written.
import * as assert from 'node:assert/strict';
import { md } from '../../src/protocol';

describe('md: text shown literally in Markdown', () => {
  it('puts a backslash before every character Markdown or VS Code gives a meaning to', () => {
    const specials = '\\`*_{}[]()#+-.!|<>~$';
    const escaped = md(specials);
    assert.equal(escaped, [...specials].map((c) => `\\${c}`).join(''));
  });

  it('keeps words, digits, quotes and non-ASCII letters as they are, and turns line breaks into spaces', () => {
    assert.equal(md('Ana Kervella said "no" in Brest 2024'), 'Ana Kervella said "no" in Brest 2024');
    assert.equal(md('Zürich\r\nŁódź\nKraków'), 'Zürich Łódź Kraków');
  });

  it('escapes the syntax a name could smuggle into a hover: links, icons, emphasis, HTML', () => {
    assert.equal(md('[x](command:evil)'), '\\[x\\]\\(command:evil\\)');
    assert.equal(md('$(zap) *bold* <b>'), '\\$\\(zap\\) \\*bold\\* \\<b\\>');
    assert.equal(md('1. list - item # head ~~gone~~'), '1\\. list \\- item \\# head \\~\\~gone\\~\\~');
  });
});
