import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle } from '../../src/analysis';
import {
  CodePointIndex,
  applyUserAnnotations,
  canonicalFromNote,
  diffAsEdit,
  findLexiconMatches,
  parseBrat,
  parseLexicon,
  readUserAnnotations,
  removeTextBound,
  serializeBrat,
  setSpanDecision,
  shiftSpans,
  shiftSpansThroughChange,
  toBrat,
  toConll,
  toJsonl,
  upsertLexiconEntry,
} from '../../src/analysis/annotations';
import type { EntityCandidate } from '../../src/analysis/entities/recognizeEntities';
import type { TemporalExpression } from '../../src/analysis/types';

// An invented article with astral characters before the names, so UTF-16 and code point offsets differ.
const ARTICLE = ' date 2024-03-12 🎖️ The Pentagon said on Tuesday that 𝒜 troops would leave Niger.\n\nOfficials in Niamey 🇳🇪 met the Sahel Alliance.\n';

describe('annotations: code point offsets', () => {
  it('counts an emoji as one code point and two UTF-16 units', () => {
    const text = 'a😀b';
    const index = new CodePointIndex(text);
    assert.equal(index.codePointLength, 3);
    assert.equal(index.toCodePoint(3), 2); // before "b"
    assert.equal(index.toUtf16(2), 3);
    assert.equal(index.toUtf16(3), 4);
    assert.equal(index.toUtf16(4), null);
    assert.equal(index.isBoundary(2), false); // inside the pair
    assert.equal(index.toCodePoint(2), 1); // floors to the pair's start
  });

  it('matches Python string indices for flags, math letters and CJK', () => {
    const text = 'x 🇳🇪 𝒜 中文 y';
    // Python: [c for c in s] → 'x',' ','🇳','🇪',' ','𝒜',' ','中','文',' ','y'
    const index = new CodePointIndex(text);
    assert.equal(index.codePointLength, 11);
    assert.equal(index.toUtf16(10), text.length - 1);
    assert.equal(text.slice(index.toUtf16(5)!, index.toUtf16(6)!), '𝒜');
  });

  it('treats a lone surrogate as one code point and never fails', () => {
    const text = 'a\uD800b\uDC00c😀';
    const index = new CodePointIndex(text);
    assert.equal(index.codePointLength, 6);
    assert.equal(index.toUtf16(5), 5);
  });

  it('round-trips every code point boundary of random Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const index = new CodePointIndex(text);
        assert.equal(index.codePointLength, [...text].length);
        for (let cp = 0; cp <= index.codePointLength; cp++) {
          const u = index.toUtf16(cp)!;
          assert.equal(index.toCodePoint(u), cp);
          assert.equal([...text.slice(0, u)].length, cp);
        }
      }),
      { numRuns: 300 },
    );
  });
});

const ANN =
  [
    'T1\tOrganization 22 30\tPentagon',
    '#1\tAnnotatorNotes T1\tcanonical: United States Department of Defense | checked by the desk',
    'T2\tDate 31 41\ton Tuesday',
    '#2\tAnnotatorNotes T2\t2024-03-12',
    'T3\tGPE 77 82\tNiger',
    'R1\tLocated Arg1:T1 Arg2:T3',
    'A1\tConfidence T3 High',
    '',
    'T4\tEvent 60 65\tleave',
    'N1\tReference T3 Wikidata:Q1032\tNiger',
    '*\tEquiv T3 T3',
    'T5\tRejected 103 108\tSahel',
    'T6\tPerson 0 1;2 3\tx y',
  ].join('\n') + '\n';

describe('annotations: brat standoff', () => {
  it('reads every kind of brat line and writes the file back byte for byte', () => {
    const { doc, errors } = parseBrat(ANN);
    assert.deepEqual(errors, []);
    assert.equal(serializeBrat(doc), ANN);
    const crlf = ANN.replace(/\n/g, '\r\n');
    assert.equal(serializeBrat(parseBrat(crlf).doc), crlf);
  });

  it('never throws on any input, and a valid file survives a write back line for line', () => {
    const line = fc.oneof(
      fc.constantFrom(
        'T1\tPerson 0 5\tAlice',
        '#1\tAnnotatorNotes T1\tnote',
        'R1\tRel Arg1:T1 Arg2:T1',
        'A1\tFlag T1',
        '*\tEquiv T1 T1',
        '',
        'T2\tX 1 2;3 4\ta b',
      ),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const content = lines.join('\n');
        const { doc, errors } = parseBrat(content);
        const out = serializeBrat(doc);
        if (!errors.length && !/[\r\uFEFF]/.test(content)) assert.equal(out.replace(/\n$/, ''), content.replace(/\n$/, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('reports malformed lines with their line numbers', () => {
    const bad = 'T1\tPerson 0 5\tAlice\nT2 Person 6 9 Bob\nT3\tPerson x 9\tBob\nT1\tPlace 1 2\tl\n#1\tAnnotatorNotes T9\tmissing\nQ1\tfoo\nT4\tPlace 9 3\tz\n';
    const { errors } = parseBrat(bad);
    const lines = errors.map((e) => e.line);
    assert.deepEqual(lines, [2, 3, 4, 5, 6, 7]);
    assert.match(errors.find((e) => e.line === 4)!.message, /used twice/);
    assert.match(errors.find((e) => e.line === 5)!.message, /T9/);
  });

  it('converts code point offsets to the text and applies imported types (ORG, GPE…)', () => {
    const text = ARTICLE;
    const index = new CodePointIndex(text);
    const cp = (needle: string) => [index.toCodePoint(text.indexOf(needle)), index.toCodePoint(text.indexOf(needle) + needle.length)];
    const [ps, pe] = cp('Pentagon');
    const [ns, ne] = cp('Niger');
    const ann = `T1\tORG ${ps} ${pe}\tPentagon\nT2\tGPE ${ns} ${ne}\tNiger\nT3\tEvent ${ns} ${ne}\tNiger\n`;
    const { annotations, issues } = readUserAnnotations(parseBrat(ann).doc, text);
    assert.deepEqual(
      annotations.map((a) => [a.label, text.slice(a.start, a.end)]),
      [
        ['organization', 'Pentagon'],
        ['place', 'Niger'],
      ],
    );
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'annotation-unknown-type');
    // a JS-offset file would be wrong: the emoji before it shifts code points
    assert.notEqual(ps, text.indexOf('Pentagon'));
  });

  it('reports a span whose text no longer matches, with where the text is now, and keeps it in the file', () => {
    const text = ARTICLE;
    const index = new CodePointIndex(text);
    const start = index.toCodePoint(text.indexOf('Pentagon')) - 3; // the article was edited elsewhere
    const ann = `T1\tOrganization ${start} ${start + 8}\tPentagon\n`;
    const { doc } = parseBrat(ann);
    const { annotations, issues } = readUserAnnotations(doc, text);
    assert.equal(annotations.length, 0);
    assert.equal(issues[0].code, 'annotation-stale');
    assert.equal(issues[0].line, 1);
    assert.equal(text.slice(issues[0].relocation!.start, issues[0].relocation!.end), 'Pentagon');
    assert.equal(serializeBrat(doc), ann);
  });

  it('records decisions: retypes the same span, replaces overlapping ones, keeps referenced ones', () => {
    const { doc } = parseBrat(ANN);
    const id = setSpanDecision(doc, { start: 22, end: 30, label: 'place', text: 'Pentagon', canonical: 'The Pentagon' });
    assert.equal(id, 'T1');
    let out = serializeBrat(doc);
    assert.match(out, /^T1\tPlace 22 30\tPentagon$/m);
    assert.match(out, /^#1\tAnnotatorNotes T1\tcanonical: The Pentagon \| checked by the desk$/m); // the comment survives
    // T3 is referenced by R1, A1, N1 and *: overlapping it must not remove it
    setSpanDecision(doc, { start: 77, end: 83, label: 'place', text: 'Niger.' });
    out = serializeBrat(doc);
    assert.match(out, /^T3\tGPE 77 82\tNiger$/m);
    assert.equal(removeTextBound(doc, 'T3'), false);
    // T5 (Rejected) is not referenced: a decision over it replaces it
    setSpanDecision(doc, { start: 100, end: 115, label: 'organization', text: 'the Sahel Allia' });
    out = serializeBrat(doc);
    assert.doesNotMatch(out, /Rejected/);
    assert.match(out, /^T8\tOrganization 100 115\tthe Sahel Allia$/m);
    // lines News Lens does not manage are untouched
    for (const line of [
      'R1\tLocated Arg1:T1 Arg2:T3',
      'A1\tConfidence T3 High',
      'T4\tEvent 60 65\tleave',
      'N1\tReference T3 Wikidata:Q1032\tNiger',
      '*\tEquiv T3 T3',
      'T6\tPerson 0 1;2 3\tx y',
    ]) {
      assert.ok(out.includes(line), line);
    }
    assert.deepEqual(parseBrat(out).errors, []);
  });

  it('stores a date value as the note and a canonical name as "canonical:"', () => {
    const { doc } = parseBrat('');
    const id = setSpanDecision(doc, { start: 5, end: 14, label: 'date', text: 'last year', value: '2023' });
    setSpanDecision(doc, { start: 20, end: 22, label: 'place', text: 'US', canonical: 'United States' });
    assert.equal(
      serializeBrat(doc),
      `T1\tDate 5 14\tlast year\n#1\tAnnotatorNotes ${id}\t2023\nT2\tPlace 20 22\tUS\n#2\tAnnotatorNotes T2\tcanonical: United States\n`,
    );
    assert.equal(canonicalFromNote('canonical: United States | typo?'), 'United States');
    assert.equal(canonicalFromNote('just a comment'), null);
    assert.throws(() => setSpanDecision(doc, { start: 0, end: 3, label: 'person', text: 'a\nb' }));
  });
});

describe('annotations: lexicon', () => {
  it('parses the TSV, reporting bad lines by number', () => {
    const { entries, errors } = parseLexicon(
      '# comment\nAir Base 201\tPlace\nAFRICOM\tORG\tUnited States Africa Command\n\nthe Sahel  Rejected\nFoo\tDate\nBar\nAFRICOM\tOrganization\n',
    );
    assert.deepEqual(
      entries.map((e) => [e.text, e.label, e.canonical]),
      [
        ['Air Base 201', 'place', undefined],
        ['AFRICOM', 'organization', undefined],
        ['the Sahel', 'rejected', undefined],
      ],
    );
    assert.deepEqual(
      errors.map((e) => e.line),
      [6, 7, 8],
    );
  });

  it('adds or replaces one line and keeps everything else as written', () => {
    const before = '# my notes\nAir Base 201\tPlace\r\n';
    const after = upsertLexiconEntry(before, { text: 'Air Base 201', label: 'organization' });
    assert.equal(after, '# my notes\r\nAir Base 201\tOrganization\r\n');
    const added = upsertLexiconEntry('', { text: 'Wagner', label: 'organization', canonical: 'Wagner Group' });
    assert.match(added, /^# News Lens lexicon/);
    assert.ok(added.endsWith('Wagner\tOrganization\tWagner Group\n'));
  });

  it('matches whole words, longest first, case-sensitively', () => {
    const entries = parseLexicon('Air Base\tPlace\nAir Base 201\tPlace\nbase\tRejected\n').entries;
    const text = 'Air Base 201 and Air Base 2010, Air Basement, air base';
    const found = findLexiconMatches(text, entries).map((m) => text.slice(m.start, m.end));
    assert.deepEqual(found, ['Air Base 201', 'Air Base', 'base']); // not inside "Air Basement"
  });
});

function candidate(text: string, needle: string, type: EntityCandidate['type'], from = 0): EntityCandidate {
  const start = text.indexOf(needle, from);
  return { start, end: start + needle.length, text: needle, type, evidence: 'model' };
}

describe('annotations: applying the user layer', () => {
  const text = 'The Sahel Alliance met at Air Base 201 in Agadez on Tuesday. Sahel leaders spoke.';
  const auto = [
    candidate(text, 'Sahel', 'place'),
    candidate(text, 'Air Base', 'organization'),
    candidate(text, 'Agadez', 'place'),
    candidate(text, 'Sahel', 'place', 30),
  ];
  const date: TemporalExpression = {
    start: text.indexOf('201'),
    end: text.indexOf('201') + 3,
    text: '201',
    type: 'DATE',
    value: '0201',
    relative: false,
    explanation: '',
  };

  it('lets a user span override every automatic span it overlaps, entities and dates', () => {
    const s = text.indexOf('Air Base 201');
    const r = applyUserAnnotations({
      text,
      bodyStart: 0,
      entities: auto,
      dates: [date],
      user: [{ start: s, end: s + 12, label: 'place', text: 'Air Base 201' }],
    });
    assert.deepEqual(
      r.entities.map((e) => [e.text, e.type, e.evidence]),
      [
        ['Sahel', 'place', 'model'],
        ['Air Base 201', 'place', 'user'],
        ['Agadez', 'place', 'model'],
        ['Sahel', 'place', 'model'],
      ],
    );
    assert.deepEqual(r.dates, []);
  });

  it('removes what the user rejected and keeps everything else automatic', () => {
    const s = text.indexOf('Agadez');
    const r = applyUserAnnotations({ text, bodyStart: 0, entities: auto, dates: [date], user: [{ start: s, end: s + 6, label: 'rejected', text: 'Agadez' }] });
    assert.deepEqual(
      r.entities.map((e) => e.text),
      ['Sahel', 'Air Base', 'Sahel'],
    );
    assert.equal(r.dates.length, 1);
  });

  it('reports a stale user span instead of applying it', () => {
    const r = applyUserAnnotations({
      text,
      bodyStart: 0,
      entities: auto,
      dates: [],
      user: [
        { start: 0, end: 8, label: 'person', text: 'Pentagon' },
        { start: 500, end: 510, label: 'person', text: 'x' },
      ],
    });
    assert.equal(r.entities.length, auto.length);
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['user-annotation-stale', 'user-annotation-out-of-range'],
    );
  });

  it('applies lexicon entries everywhere, below the user and over the automatic layer', () => {
    const lexicon = parseLexicon('Air Base 201\tPlace\nthe Sahel\tRejected\nSahel Alliance\tOrganization\n').entries;
    const r = applyUserAnnotations({ text, bodyStart: 0, entities: auto, dates: [date], lexicon });
    assert.deepEqual(
      r.entities.map((e) => [e.text, e.type, e.evidence]),
      [
        ['Sahel Alliance', 'organization', 'lexicon'],
        ['Air Base 201', 'place', 'lexicon'],
        ['Agadez', 'place', 'model'],
        ['Sahel', 'place', 'model'],
      ],
    );
    const s = text.indexOf('Air Base 201');
    const withUser = applyUserAnnotations({
      text,
      bodyStart: 0,
      entities: auto,
      dates: [],
      lexicon,
      user: [{ start: s, end: s + 8, label: 'organization', text: 'Air Base' }],
    });
    assert.ok(withUser.entities.some((e) => e.text === 'Air Base' && e.evidence === 'user'));
    assert.ok(!withUser.entities.some((e) => e.text === 'Air Base 201'));
  });

  it('a rejected lexicon entry removes only automatic spans inside it', () => {
    const lexicon = parseLexicon('The Sahel\tRejected\n').entries;
    const r = applyUserAnnotations({ text, bodyStart: 0, entities: [candidate(text, 'Sahel Alliance', 'organization')], dates: [], lexicon });
    assert.equal(r.entities.length, 1);
    const r2 = applyUserAnnotations({ text, bodyStart: 0, entities: [candidate(text, 'Sahel', 'place')], dates: [], lexicon });
    assert.equal(r2.entities.length, 0);
  });

  it('through analyzeArticle: user entities and dates carry source "user", canonical names merge actors', () => {
    const article = ' date 2024-03-12 The Defense Department said on Tuesday that the Pentagon would act. Pentagon staff agreed.\n';
    const dd = article.indexOf('Defense Department');
    const p1 = article.indexOf('Pentagon');
    const tue = article.indexOf('on Tuesday');
    const result = analyzeArticle(article, {
      userAnnotations: [
        { start: dd, end: dd + 18, label: 'organization', text: 'Defense Department', canonical: 'Pentagon' },
        { start: p1, end: p1 + 8, label: 'organization', text: 'Pentagon' },
        { start: tue, end: tue + 10, label: 'date', text: 'on Tuesday', value: '2024-03-12' },
      ],
    });
    const users = result.entities.filter((e) => e.source === 'user');
    assert.deepEqual(
      users.map((e) => e.text),
      ['Defense Department', 'Pentagon'],
    );
    assert.ok(result.entities.filter((e) => e.source === 'auto').every((e) => e.evidence !== 'user'));
    const actor = result.actors.find((a) => a.name === 'Pentagon')!;
    assert.ok(actor.aliases.includes('Defense Department'), JSON.stringify(result.actors));
    // the second, automatic "Pentagon" (if found) joins the same actor
    const second = result.entities.find((e) => e.start === article.lastIndexOf('Pentagon'));
    if (second) assert.equal(second.actorId, actor.id);
    const userDate = result.dates.find((d) => d.start === tue)!;
    assert.equal(userDate.value, '2024-03-12');
    assert.equal(result.dates.filter((d) => d.start < tue + 10 && tue < d.end).length, 1);
  });

  it('gives automatic mentions with the same text and kind the canonical name the user chose', () => {
    const t = 'Harbour Office said no. The Harbour Office later agreed.';
    const autos = [candidate(t, 'Harbour Office', 'organization', 10)];
    const r = applyUserAnnotations({
      text: t,
      bodyStart: 0,
      entities: autos,
      dates: [],
      user: [{ start: 0, end: 14, label: 'organization', text: 'Harbour Office', canonical: 'Port Authority' }],
    });
    assert.deepEqual(
      r.entities.map((e) => [e.start, e.canonical, e.evidence]),
      [
        [0, 'Port Authority', 'user'],
        [t.indexOf('Harbour Office', 10), 'Port Authority', 'model'],
      ],
    );
  });

  it('never throws on nonsense user input', () => {
    const result = analyzeArticle('Some text.', {
      userAnnotations: [null as any, { start: NaN, end: 3, label: 'person', text: 'Som' }, { start: 0, end: 4, label: 'bogus' as any, text: 'Some' }],
      lexicon: [{ text: '', label: 'place' }, null as any],
    });
    assert.ok(Array.isArray(result.entities));
  });
});

describe('annotations: moving spans with edits', () => {
  const span = { start: 10, end: 18 }; // "Pentagon" in "Yesterday Pentagon said"

  it('moves with edits before it and ignores edits after it', () => {
    assert.deepEqual(pick(shiftSpans([span], [{ start: 0, end: 0, text: 'Early ' }])), [16, 24, 'moved']);
    assert.deepEqual(pick(shiftSpans([span], [{ start: 0, end: 6, text: '' }])), [4, 12, 'moved']);
    assert.deepEqual(pick(shiftSpans([span], [{ start: 20, end: 22, text: 'xyz' }])), [10, 18, 'same']);
  });

  it('does not grow when typing right after it, moves when typing right before it', () => {
    assert.deepEqual(pick(shiftSpans([span], [{ start: 18, end: 18, text: "'s" }])), [10, 18, 'same']);
    assert.deepEqual(pick(shiftSpans([span], [{ start: 10, end: 10, text: 'the ' }])), [14, 22, 'moved']);
  });

  it('follows an edit inside it', () => {
    assert.deepEqual(pick(shiftSpans([span], [{ start: 12, end: 13, text: 'nn' }])), [10, 19, 'edited']);
    assert.deepEqual(pick(shiftSpans([span], [{ start: 10, end: 18, text: 'Defense Department' }])), [10, 28, 'edited']);
  });

  it('reports, and keeps, a span an edit cuts into or removes', () => {
    assert.deepEqual(pick(shiftSpans([span], [{ start: 5, end: 12, text: '' }])), [5, 11, 'damaged']);
    assert.deepEqual(pick(shiftSpans([span], [{ start: 15, end: 25, text: 'X' }])), [10, 15, 'damaged']);
    assert.deepEqual(pick(shiftSpans([span], [{ start: 0, end: 30, text: '' }])), [0, 0, 'damaged']);
    assert.deepEqual(pick(shiftSpans([span], [{ start: 10, end: 18, text: '' }])), [10, 10, 'damaged']);
  });

  it('applies several edits in order, like LSP content changes', () => {
    const r = shiftSpans(
      [span],
      [
        { start: 0, end: 0, text: 'ab' },
        { start: 0, end: 1, text: '' },
        { start: 30, end: 30, text: 'z' },
      ],
    );
    assert.deepEqual(pick(r), [11, 19, 'moved']);
  });

  it('shifts through a whole-text change, finding spans between multi-cursor edits', () => {
    const before = 'A said. The Pentagon agreed. B said.';
    const after = 'AA said. The Pentagon agreed. BB said.';
    const s = before.indexOf('Pentagon');
    const [r] = shiftSpansThroughChange(before, after, [{ start: s, end: s + 8, text: 'Pentagon' }]);
    assert.equal(after.slice(r.start, r.end), 'Pentagon');
    assert.equal(r.status, 'moved');
    assert.deepEqual(diffAsEdit('a😀b', 'a😁b'), { start: 1, end: 3, text: '😁' });
  });

  it('finds a span again when an undo brings its text back', () => {
    const original = 'Yesterday the Pentagon said so.';
    const cut = 'Yesterday  said so.';
    const s = original.indexOf('Pentagon');
    const [gone] = shiftSpansThroughChange(original, cut, [{ start: s, end: s + 12, text: 'the Pentagon' }]);
    assert.equal(gone.status, 'damaged');
    const [back] = shiftSpansThroughChange(cut, original, [{ start: gone.start, end: gone.end, text: 'the Pentagon' }]);
    assert.deepEqual([back.start, back.end], [s - 4, s + 8]);
  });

  it('keeps every span inside the new text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ a: fc.nat(60), b: fc.nat(60), t: fc.string({ maxLength: 5 }) }), { maxLength: 5 }), (text, raw) => {
        let current = text;
        const edits = raw.map(({ a, b, t }) => {
          const start = Math.min(a, b, current.length);
          const end = Math.min(Math.max(a, b), current.length);
          current = current.slice(0, start) + t + current.slice(end);
          return { start, end, text: t };
        });
        const spans = [];
        for (let i = 0; i + 2 <= text.length; i += 3) spans.push({ start: i, end: i + 2 });
        for (const r of shiftSpans(spans, edits)) {
          assert.ok(r.start >= 0 && r.start <= r.end && r.end <= current.length);
          if (r.status === 'same' || r.status === 'moved') assert.equal(current.slice(r.start, r.end), text.slice(r.original.start, r.original.end));
        }
      }),
      { numRuns: 500 },
    );
  });
});

function pick(r: ReturnType<typeof shiftSpans>): [number, number, string] {
  return [r[0].start, r[0].end, r[0].status];
}

describe('annotations: export formats', () => {
  const text = ARTICLE;
  const pentagon = text.indexOf('Pentagon');
  const niger = text.indexOf('Niger');
  const analysis = analyzeArticle(text, {
    userAnnotations: [
      { start: pentagon, end: pentagon + 8, label: 'organization', text: 'Pentagon' },
      { start: niger, end: niger + 5, label: 'place', text: 'Niger' },
      { start: text.indexOf('Sahel Alliance'), end: text.indexOf('Sahel Alliance') + 14, label: 'organization', text: 'Sahel Alliance' },
      { start: text.indexOf('Niamey'), end: text.indexOf('Niamey') + 6, label: 'rejected', text: 'Niamey' },
    ],
  });

  it('brat: code point offsets that point at the same text in Python', () => {
    const ann = toBrat(text, analysis, {
      userAnnotations: [{ start: text.indexOf('Niamey'), end: text.indexOf('Niamey') + 6, label: 'rejected', text: 'Niamey' }],
    });
    const { doc, errors } = parseBrat(ann);
    assert.deepEqual(errors, []);
    const chars = [...text];
    for (const t of doc.records) if (t.kind === 'T') assert.equal(chars.slice(t.fragments[0].start, t.fragments[0].end).join(''), t.text);
    assert.match(ann, /\tOrganization \d+ \d+\tPentagon\n/);
    assert.match(ann, /\tRejected \d+ \d+\tNiamey\n/);
    assert.match(ann, /AnnotatorNotes T\d+\t2024-03-12/); // "on Tuesday" → its value, as a note
    const line = ann.split('\n').find((l) => l.endsWith('\tPentagon'))!;
    assert.equal(Number(line.split('\t')[1].split(' ')[1]), [...text.slice(0, pentagon)].length);
  });

  it('conll: one token and its BIO tag per line, blank lines between sentences', () => {
    const conll = toConll(text, analysis);
    const lines = conll.split('\n');
    assert.equal(lines[0], '-DOCSTART- O');
    assert.ok(lines.includes('Pentagon B-ORG'));
    assert.ok(lines.includes('Sahel B-ORG') && lines.includes('Alliance I-ORG'));
    assert.ok(lines.includes('Niger B-LOC'));
    assert.ok(lines.includes('Niamey O'));
    assert.ok(lines.includes('Tuesday I-DATE') || lines.includes('Tuesday B-DATE'));
    assert.ok(!lines.some((l) => l.startsWith('date ')), 'the dateline is not an article sentence');
    for (const l of lines) assert.ok(l === '' || /^\S+ (O|[BI]-(PER|ORG|LOC|NAT|DATE))$/.test(l), l);
    assert.ok(conll.includes('. O\n\n')); // sentences separated by blank lines
    // I- only continues the same kind
    lines.forEach((l, i) => {
      if (/ I-/.test(l)) assert.match(lines[i - 1], new RegExp(`[BI]-${l.split('-')[1]}$`));
    });
  });

  it('jsonl: doccano/Prodigy records with code point offsets', () => {
    const record = JSON.parse(toJsonl(text, analysis));
    assert.equal(record.text, text);
    const chars = [...text];
    const spans = record.entities.map(([s, e, l]: [number, number, string]) => [chars.slice(s, e).join(''), l]);
    assert.deepEqual(spans.filter(([, l]: string[]) => l !== 'DATE').slice(0, 2), [
      ['Pentagon', 'ORG'],
      ['Niger', 'LOC'],
    ]);
    assert.ok(!spans.some(([t]: string[]) => t === 'Niamey'));
  });
});
