// fast-check generators of hostile article text: random Unicode, lone and paired
// surrogates, CRLF and bare CR, NUL bytes, very long lines, malformed datelines,
// Markdown and HTML, and mutations of generated articles.
import fc from 'fast-check';
import { generateArticle, generateParagraph, seededRandom } from '../fixtures/generateArticle';

/** Any UTF-16 code unit, lone surrogates included. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Characters that stress offsets: astral (surrogate pairs), lone halves, NUL, line breaks, BOM, combining marks, RTL. */
export const nastyChar = fc.constantFrom(
  '\u0000',
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '\t',
  '\uFEFF',
  '\u200B',
  '\u200D',
  '\uD83D\uDE00',
  '👩‍👩‍👧',
  '𝕏',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDFFF',
  'e\u0301',
  '\u202E',
  'ﷺ',
  '٣',
  '"',
  '“',
  '”',
  '«',
  '»',
  "'",
  '’',
  '(',
  ')',
  '.',
  '...',
  '…',
  '-',
  '—',
  '/',
  '#',
  '*',
  '<',
  '>',
  '&',
  '|',
  'İ',
  'ß',
  'ﬁ',
  'Σ',
  '中',
  'の',
  '。',
  '？',
  '！',
  'ᄀ',
  '\u0964',
);

export const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: codeUnit, maxLength: 300 }),
  fc.string({ unit: nastyChar, maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

const word = fc.constantFrom(
  'President',
  'Amara',
  'Okonkwo',
  'France',
  'Paris',
  'the',
  'United',
  'Nations',
  'said',
  'on',
  'Monday',
  'March',
  '3,',
  '2024',
  'yesterday',
  'French',
  'Kenyan',
  'troops',
  'announced',
  '"We',
  'will',
  'leave,"',
  'she',
  'told',
  'reporters.',
  'next',
  'week',
  'US',
  'Mr.',
  'Dr.',
  "O'Brien's",
  'al-Bashir',
  'since',
  '1999',
  'in',
  'May',
  'June',
  '12',
  "o'clock",
  'last',
  'year',
  'NATO',
  'EU',
  '2024-08-06',
  '06/08/2024',
  'tomorrow',
);
export const wordSalad = fc
  .array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: fc.string({ unit: nastyChar, maxLength: 3 }) }), { maxLength: 80 })
  .map((ws) => ws.join(' '));

export const malformedDateline = fc
  .tuple(
    fc.constantFrom(' date ', 'date ', 'DATE\t', ' date  ', '\uFEFF date ', 'date', ' date\u00a0', ' Date: '),
    fc.oneof(
      fc.constantFrom(
        '2024-13-45',
        '2024-02-30',
        '0000-00-00',
        '9999-99-99',
        '24-8-6',
        '2024/08/06',
        '2024.08.06',
        '06-08-2024',
        '2024-8',
        '-1-1-1',
        '2024-08-06T12:00',
        '２０２４-０８-０６',
        '2024-08-06\u0000',
        '',
      ),
      fc.string({ unit: nastyChar, maxLength: 12 }),
      fc.tuple(fc.integer({ min: -99, max: 99999 }), fc.integer({ min: -9, max: 99 }), fc.integer({ min: -9, max: 99 })).map(([y, m, d]) => `${y}-${m}-${d}`),
    ),
    wordSalad,
  )
  .map(([a, b, c]) => `${a}${b} ${c}`);

export const frontMatter = fc
  .tuple(
    fc.constantFrom('---\n', '---\r\n', '\uFEFF---\n', '--- \n'),
    fc.array(fc.constantFrom('date: 2024-05-01', 'date: "2024-02-30"', 'title: Strike', "source: 'Wire'", 'date:', 'date: yesterday', ': :', 'tags: [a, b]'), {
      maxLength: 5,
    }),
    fc.constantFrom('---\n', '', '---', '----\n'),
    wordSalad,
  )
  .map(([open, lines, close, body]) => `${open}${lines.join('\n')}\n${close}${body}`);

export const markdown = fc
  .array(
    fc.oneof(
      wordSalad.map((s) => `# ${s}`),
      wordSalad.map((s) => `> ${s}`),
      wordSalad.map((s) => `* ${s}\n* ${s}`),
      wordSalad.map((s) => `**${s}** _${s}_ [link](https://example.org/${encodeURIComponent(s.slice(0, 10).replace(/[\uD800-\uDFFF]/g, ''))})`),
      wordSalad.map((s) => '```\n' + s + '\n```'),
      wordSalad.map((s) => `| a | b |\n|---|---|\n| ${s} | x |`),
      wordSalad,
    ),
    { maxLength: 8 },
  )
  .map((blocks) => blocks.join('\n\n'));

export const html = fc
  .array(
    fc.oneof(
      wordSalad.map((s) => `<p>${s}</p>`),
      wordSalad.map((s) => `<a href="/x?q=1&amp;r=2">${s}</a>`),
      fc.constant('<script>var date = "2024-01-01";</script>'),
      fc.constant('<!-- date 2024-08-06 -->'),
      wordSalad.map((s) => `<div class="byline">By ${s}</div>`),
      fc.constant('&nbsp;&mdash;&#8220;&#x1F600;'),
      fc.constant('<p>unclosed <b>tag'),
    ),
    { maxLength: 10 },
  )
  .map((parts) => `<html><body>${parts.join('\n')}</body></html>`);

/** A generated article from a seed, in LF or CRLF, with or without a dateline. */
export const article = fc
  .record({ seed: fc.integer({ min: 1, max: 1_000_000 }), paragraphs: fc.integer({ min: 1, max: 8 }), crlf: fc.boolean(), dated: fc.boolean() })
  .map(({ seed, paragraphs, crlf, dated }) => generateArticle({ seed, paragraphs, newline: crlf ? '\r\n' : '\n', date: dated ? '2024-05-14' : null }));

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'crlf' }
  | { kind: 'bareCr' }
  | { kind: 'nul'; at: number }
  | { kind: 'splitSurrogate'; at: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'dateline'; value: string };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(unicodeText, wordSalad) }).map((m) => ({ ...m, at: m.at })),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'bareCr' as const }),
  fc.record({ kind: fc.constant('nul' as const), at: position }),
  fc.record({ kind: fc.constant('splitSurrogate' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 500 }) }),
  fc.record({
    kind: fc.constant('dateline' as const),
    value: fc.oneof(fc.constantFrom('2024-02-30', '2024-8-6', 'yesterday', '', '2024-08-06'), fc.string({ unit: nastyChar, maxLength: 6 })),
  }),
) as fc.Arbitrary<Mutation>;

export function applyMutation(text: string, m: Mutation): string {
  const at = (f: number) => Math.floor(f * (text.length + 1));
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at(m.at as number)) + m.text + text.slice(at(m.at as number));
    case 'delete': {
      const i = at(m.at as number);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bareCr':
      return text.replace(/\r?\n/g, '\r');
    case 'nul':
      return text.slice(0, at(m.at as number)) + '\u0000' + text.slice(at(m.at as number));
    case 'splitSurrogate': {
      // Insert an emoji, then cut between its halves, leaving two lone surrogates around the cut.
      const i = at(m.at as number);
      return text.slice(0, i) + '\uD83D' + text.slice(i) + '\uDE00';
    }
    case 'duplicate': {
      const i = at(m.at as number);
      return text.slice(0, i) + text.slice(i, i + m.length) + text.slice(i);
    }
    case 'dateline':
      return text.replace(/^\s*date\s+\S+/i, ` date ${m.value}`);
  }
}

export const mutatedArticle = fc.tuple(article, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, ms]) => ms.reduce(applyMutation, text));

/** Every kind of input, weighted toward the realistic ones. */
export const anyInput = fc.oneof(
  { weight: 4, arbitrary: mutatedArticle },
  { weight: 2, arbitrary: article },
  { weight: 2, arbitrary: unicodeText },
  { weight: 2, arbitrary: wordSalad },
  { weight: 2, arbitrary: malformedDateline },
  { weight: 1, arbitrary: frontMatter },
  { weight: 1, arbitrary: markdown },
  { weight: 1, arbitrary: html },
);

/** A single line of about `chars` characters with no line break (deterministic from the seed). */
export function longLine(seed: number, chars: number): string {
  const rand = seededRandom(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    const p = generateParagraph(rand, 6);
    parts.push(p);
    n += p.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}
