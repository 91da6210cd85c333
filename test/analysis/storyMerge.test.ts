// Merging actors across articles, on small hand-made digests: what merges, what must not.
import * as assert from 'node:assert/strict';
import {
  analyzeArticle,
  buildStory,
  digestArticle,
  lexiconLineKind,
  compareArticles,
  type EntityType,
  storyActorLookup,
  mergeActorLexiconEdit,
  parseLexicon,
  splitActorLexiconEdit,
  type StoryArticleActor,
  type StoryArticleDigest,
  type StoryArticleQuote,
  upsertLexiconEntry,
} from '../../src/analysis';

function actor(name: string, type: EntityType, mentionCount = 1, aliases: string[] = []): StoryArticleActor {
  return { name, type, aliases, mentionCount, first: { start: 0, end: name.length }, sentence: `${name} did something.` };
}

function digest(id: string, date: string | null, actors: StoryArticleActor[], extra: Partial<StoryArticleDigest> = {}): StoryArticleDigest {
  return { id, title: null, date, actors, events: [], quotes: [], dates: [], ...extra };
}

function quote(text: string, speaker: string | null, speakerText: string | null = speaker, start = 0): StoryArticleQuote {
  return { start, end: start + text.length + 2, text, speaker, speakerType: speaker ? 'person' : null, speakerText };
}

const names = (story: ReturnType<typeof buildStory>) => story.actors.map((a) => a.name).sort();

describe('story: merging actors across articles', () => {
  it('merges a title-stripped name, a bare surname with one full name, and an acronym with its full name', () => {
    const story = buildStory([
      digest('a', '2023-07-27', [actor('General Abdourahamane Tchiani', 'person'), actor('United Nations', 'organization', 2)]),
      digest('b', '2023-07-28', [actor('Tchiani', 'person', 3), actor('UN', 'organization')]),
      digest('c', '2023-07-29', [actor('Abdourahamane Tchiani', 'person'), actor('Economic Community of West African States', 'organization')]),
      digest('d', '2023-07-30', [actor('ECOWAS', 'organization', 2), actor('U.N.', 'organization')]),
    ]);
    const tchiani = story.actors.find((a) => a.key === 'person:abdourahamane tchiani')!;
    assert.ok(tchiani, 'one merged Tchiani');
    assert.equal(tchiani.name, 'Abdourahamane Tchiani', 'the canonical name has no title');
    assert.deepEqual(
      tchiani.appearances.map((p) => p.articleId),
      ['a', 'b', 'c'],
    );
    assert.equal(tchiani.mentionCount, 5);
    assert.deepEqual(
      story.actors.find((a) => a.name === 'United Nations')!.appearances.map((p) => p.name),
      ['United Nations', 'UN', 'U.N.'],
    );
    assert.deepEqual(
      story.actors.find((a) => a.key === 'organization:economic community of west african states')!.appearances.map((p) => p.articleId),
      ['c', 'd'],
    );
    assert.deepEqual(names(story), ['Abdourahamane Tchiani', 'Economic Community of West African States', 'United Nations']);
  });

  it('never guesses: a surname two people share, initials two names share, stay apart', () => {
    const story = buildStory([
      digest('a', '2024-01-01', [actor('Adam Smith', 'person'), actor('National Union', 'organization')]),
      digest('b', '2024-01-02', [actor('John Smith', 'person'), actor('Nordic Utilities', 'organization')]),
      digest('c', '2024-01-03', [actor('Smith', 'person'), actor('NU', 'organization')]),
    ]);
    assert.deepEqual(names(story), ['Adam Smith', 'John Smith', 'NU', 'National Union', 'Nordic Utilities', 'Smith']);
  });

  it('a person never merges with a place or an organisation; an organisation and a place of one name do', () => {
    const story = buildStory([
      digest('a', '2024-01-01', [actor('Jordan', 'place', 3), actor('Niger', 'organization')]),
      digest('b', '2024-01-02', [actor('Jordan', 'person'), actor('Niger', 'place', 2)]),
      digest('c', '2024-01-03', [actor('Michael Jordan', 'person')]),
    ]);
    const jordans = story.actors
      .filter((a) => /Jordan/.test(a.name))
      .map((a) => `${a.type}:${a.name}:${a.articleCount}`)
      .sort();
    assert.deepEqual(jordans, ['person:Michael Jordan:2', 'place:Jordan:1'], 'the person Jordan goes to Michael Jordan, not to the country');
    const niger = story.actors.filter((a) => a.name === 'Niger');
    assert.equal(niger.length, 1);
    assert.equal(niger[0].type, 'place', 'the type most mentions have');
    assert.equal(niger[0].key, 'place:niger');
  });

  it('a nationality mention counts for its place', () => {
    const story = buildStory([digest('a', '2024-01-01', [actor('Niger', 'place', 1)]), digest('b', '2024-01-02', [actor('Niger', 'nationality', 4)])]);
    assert.equal(story.actors.length, 1);
    assert.equal(story.actors[0].type, 'place');
  });

  it('a nationality with no place behind it ("European") stays a nationality, never a place', () => {
    const story = buildStory([digest('a', '2024-01-01', [actor('European', 'nationality', 2)]), digest('b', '2024-01-02', [actor('European', 'nationality')])]);
    assert.equal(story.actors.length, 1);
    assert.equal(story.actors[0].type, 'nationality');
    assert.equal(story.actors[0].articleCount, 2);
  });

  it('a lexicon merge joins what the rules keep apart, a Separate line splits what they join', () => {
    const docs = [
      digest('a', '2024-01-01', [actor('Adam Smith', 'person')]),
      digest('b', '2024-01-02', [actor('John Smith', 'person')]),
      digest('c', '2024-01-03', [actor('Smith', 'person')]),
    ];
    const merged = buildStory(docs, { lexicon: [{ text: 'Smith', label: 'person', canonical: 'Adam Smith' }] });
    assert.deepEqual(
      merged.actors.find((a) => a.name === 'Adam Smith')!.appearances.map((p) => p.articleId),
      ['a', 'c'],
    );
    const twoDocs = [digest('a', '2024-01-01', [actor('Adam Smith', 'person')]), digest('c', '2024-01-03', [actor('Smith', 'person')])];
    assert.equal(buildStory(twoDocs).actors.length, 1, 'one Smith: merged');
    const split = buildStory(twoDocs, { lexicon: parseLexicon('Smith\tSeparate\tAdam Smith\n') });
    assert.deepEqual(names(split), ['Adam Smith', 'Smith']);
    const across = buildStory([
      digest('a', '2024-01-01', [actor('Nordvik Hydro', 'organization', 3)]),
      digest('b', '2024-01-02', [actor('Kessler Hydro', 'person')]),
    ]);
    assert.equal(across.actors.length, 2, 'without the Same line they are two actors');
    const user = buildStory(
      [digest('a', '2024-01-01', [actor('Nordvik Hydro', 'organization', 3)]), digest('b', '2024-01-02', [actor('Kessler Hydro', 'person')])],
      { lexicon: parseLexicon('Kessler Hydro\tSame\tNordvik Hydro\n') },
    );
    assert.deepEqual(
      user.actors.map((a) => [a.name, a.type, a.articleCount]),
      [['Nordvik Hydro', 'organization', 2]],
      "the user's Same line joins them; the type most mentions have",
    );
    const rejected = buildStory(twoDocs, { lexicon: parseLexicon('Smith\tRejected\n') });
    assert.deepEqual(names(rejected), ['Adam Smith']);
  });

  it('orders appearances by article date (undated last) and speakers by quotes', () => {
    const story = buildStory([
      digest('z-undated', null, [actor('Ines Duval', 'person')], { quotes: [quote('We will rebuild', 'Ines Duval')] }),
      digest('late', '2024-05-02', [actor('Duval', 'person')], { quotes: [quote('The bridge is safe', 'Duval'), quote('No comment', null, 'a spokesman')] }),
      digest('early', '2024-05-01', [actor('Ines Duval', 'person')], {
        quotes: [quote('Nothing is decided', null, 'A spokesman'), quote('Ask the mayor', null, 'he')],
      }),
    ]);
    assert.deepEqual(
      story.articles.map((a) => a.id),
      ['early', 'late', 'z-undated'],
    );
    assert.deepEqual(
      story.actors[0].appearances.map((p) => p.articleId),
      ['early', 'late', 'z-undated'],
    );
    assert.deepEqual(
      story.speakers.map((s) => [s.name, s.quotes.length]),
      [
        ['Ines Duval', 2],
        ['A spokesman', 2],
        ['Unattributed', 1],
      ],
    );
    assert.deepEqual(
      story.speakers[0].quotes.map((q) => q.articleId),
      ['late', 'z-undated'],
    );
  });

  it("orders the timeline by the event's own date, then the article's, undated last, stably", () => {
    const ev = (text: string, date: string | null, start: number) => ({
      start,
      end: start + text.length,
      text,
      class: 'OCCURRENCE' as const,
      summary: text,
      date,
      agent: null,
      sentence: { start, end: start + 10 },
    });
    const story = buildStory([
      digest('undated', null, [], { events: [ev('vanished', null, 0), ev('fled', '2024-02', 20)] }),
      digest('march', '2024-03-10', [], { events: [ev('voted', null, 0), ev('signed', '2024-01-05', 30), ev('met', '2024-W10', 50)] }),
      digest('feb', '2024-02-20', [], { events: [ev('marched', null, 0), ev('talked', 'PAST_REF', 10)] }),
    ]);
    assert.deepEqual(
      story.timeline.map((e) => `${e.text}@${e.sortDate}`),
      ['signed@2024-01-05', 'fled@2024-02', 'marched@2024-02-20', 'talked@2024-02-20', 'met@2024-W10', 'voted@2024-03-10', 'vanished@null'],
    );
  });

  it('builds the story of 1,000 generated articles correctly', () => {
    const surnames = ['Okafor', 'Lindgren', 'Moreau', 'Haddad', 'Brennan', 'Takeda', 'Alvarez', 'Petrova'];
    const docs: StoryArticleDigest[] = [];
    const expectedMentions = new Map<string, number>();
    const expectedArticles = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const s = surnames[Math.floor(i / 2) % surnames.length];
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
      // Odd articles write the bare surname, even ones the full name with a title; every one has the acronym or the full name.
      const person = i % 2 ? actor(s, 'person', 2) : actor(`Minister Ana ${s}`, 'person', 1);
      const org = i % 3 ? actor('Regional Water Agency', 'organization') : actor('RWA', 'organization', 2);
      const place = actor(`Town${i % 50}`, 'place');
      expectedMentions.set(s, (expectedMentions.get(s) ?? 0) + person.mentionCount);
      expectedArticles.set(s, (expectedArticles.get(s) ?? 0) + 1);
      docs.push(
        digest(`article-${String(i).padStart(4, '0')}`, `2024-${month}-${day}`, [person, org, place], {
          quotes: [quote(`Statement ${i}`, person.name, person.name, 5)],
          events: [
            {
              start: 1,
              end: 5,
              text: 'met',
              class: 'OCCURRENCE',
              summary: `${s} met`,
              date: i % 4 ? null : `2023-12-${day}`,
              agent: person.name,
              sentence: { start: 0, end: 20 },
            },
          ],
        }),
      );
    }
    const story = buildStory(docs);
    assert.equal(story.articles.length, 1000);
    assert.equal(story.actors[0].name, 'Regional Water Agency');
    assert.equal(story.actors[0].articleCount, 1000);
    for (const s of surnames) {
      const a = story.actors.find((x) => x.name === `Ana ${s}`)!;
      assert.equal(a.articleCount, expectedArticles.get(s), `Ana ${s}`);
      assert.equal(a.mentionCount, expectedMentions.get(s), 'mentions summed');
      assert.ok(a.aliases.includes(s) && a.aliases.includes(`Minister Ana ${s}`));
    }
    assert.equal(story.actors.length, 1 + surnames.length + 50);
    assert.equal(story.timeline.length, 1000);
    assert.ok(
      story.timeline.slice(0, 250).every((e) => e.date !== null),
      'the 250 events with their own (earlier) date come first',
    );
    const keys = story.timeline.map((e) => e.sortDate!);
    for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1] <= keys[i]);
    assert.equal(story.speakers.length, surnames.length);
    assert.equal(
      story.speakers.reduce((n, s) => n + s.quotes.length, 0),
      1000,
    );
  });
});

describe('story: comparing two articles', () => {
  it('a bare surname in A is the full name in B; dates by value; quotes only in one, and the same speaker worded differently', () => {
    const a = digest('a', '2023-07-28', [actor('Tchiani', 'person')], {
      dates: [
        { start: 0, end: 6, text: 'Friday', type: 'DATE', value: '2023-07-28' },
        { start: 10, end: 20, text: 'some day', type: 'DATE', value: null },
      ],
      quotes: [
        quote('We acted to save the nation from ruin.', 'Tchiani', 'Tchiani', 0),
        quote('The borders are closed', 'Tchiani', 'Tchiani', 50),
        quote('Calm has returned', null, 'A resident', 90),
      ],
    });
    const b = digest('b', '2023-07-29', [actor('Abdourahamane Tchiani', 'person'), actor('Niamey', 'place')], {
      dates: [
        { start: 0, end: 13, text: '28 July 2023', type: 'DATE', value: '2023-07-28' },
        { start: 20, end: 30, text: 'Some day', type: 'DATE', value: null },
        { start: 40, end: 46, text: 'Sunday', type: 'DATE', value: '2023-07-30' },
      ],
      quotes: [
        quote('"We acted to save the nation," he said', 'Abdourahamane Tchiani', 'he', 0),
        quote('We acted to protect the nation from chaos', 'Abdourahamane Tchiani', 'Abdourahamane Tchiani', 60),
        quote('Flights resume on Monday', null, 'an airline official', 120),
      ],
    });
    // The first B quote, with its marks stripped, is a part of A's first: the same quote.
    b.quotes[0].text = 'We acted to save the nation';
    const c = compareArticles(a, b);
    assert.deepEqual(
      c.actors.inBoth.map((p) => [p.a.name, p.b.name]),
      [['Tchiani', 'Abdourahamane Tchiani']],
    );
    assert.deepEqual(
      c.actors.onlyInB.map((x) => x.name),
      ['Niamey'],
    );
    assert.deepEqual(c.dates.onlyInA, []);
    assert.deepEqual(
      c.dates.onlyInB.map((d) => d.text),
      ['Sunday'],
    );
    // "The borders are closed" and "We acted to protect the nation from chaos" share one word: two remarks, not one reworded.
    assert.deepEqual(c.quotes.differing, []);
    assert.deepEqual(
      c.quotes.onlyInA.map((q) => q.text),
      ['The borders are closed', 'Calm has returned'],
    );
    assert.deepEqual(
      c.quotes.onlyInB.map((q) => q.text),
      ['We acted to protect the nation from chaos', 'Flights resume on Monday'],
    );
  });

  it('the same speaker\'s remark reworded is "differing"; case, marks and spacing are not a difference', () => {
    const a = digest('a', null, [actor('Lidia Varga', 'person')], {
      quotes: [quote('The dam will open in 2027.', 'Lidia Varga'), quote('WE  WILL NOT BACK DOWN', 'Lidia Varga', 'Lidia Varga', 40)],
    });
    const b = digest('b', null, [actor('Varga', 'person')], {
      quotes: [quote('The dam will open in 2029', 'Varga'), quote('“We will not back down”', 'Varga', 'she', 40)],
    });
    const c = compareArticles(a, b);
    assert.deepEqual(
      c.quotes.differing.map((d) => [d.speaker, d.a.text, d.b.text]),
      [['Lidia Varga', 'The dam will open in 2027.', 'The dam will open in 2029']],
    );
    assert.deepEqual(c.quotes.onlyInA, []);
    assert.deepEqual(c.quotes.onlyInB, []);
  });
});

describe('story: merge and split in the workspace lexicon', () => {
  const OLD = '# my corrections\nAir Base 201\tPlace\nAFRICOM\tOrganization\tUnited States Africa Command\n';

  it('old lexicon files parse exactly as before, and Separate lines never reach the per-article entries', () => {
    const before = parseLexicon(OLD);
    assert.deepEqual(before.entries, [
      { text: 'Air Base 201', label: 'place' },
      { text: 'AFRICOM', label: 'organization', canonical: 'United States Africa Command' },
    ]);
    assert.deepEqual(before.errors, []);
    assert.deepEqual(before.separations, []);
    const withSplit = parseLexicon(`${OLD}Smith\tSeparate\tAdam Smith\nSmith\tPerson\nTchiani  distinct  Ali Tchiani\n`);
    assert.deepEqual(
      withSplit.entries.map((e) => e.text),
      ['Air Base 201', 'AFRICOM', 'Smith'],
    );
    assert.deepEqual(withSplit.separations, [
      { text: 'Smith', from: 'Adam Smith' },
      { text: 'Tchiani', from: 'Ali Tchiani' },
    ]);
    assert.deepEqual(withSplit.errors, [], 'a Separate line and a kind line for one text are no duplicate');
    assert.deepEqual(
      parseLexicon('Smith\tSeparate\n').errors.map((e) => e.line),
      [1],
    );
    assert.deepEqual(parseLexicon('Smith\tSeparate\n').entries, []);
    assert.deepEqual(['', '# x', 'Air Base 201\tPlace', 'Smith\tSeparate\tAdam Smith', 'Smith\tSeparate', 'echo hi'].map(lexiconLineKind), [
      'blank',
      'comment',
      'entry',
      'separation',
      'invalid',
      'invalid',
    ]);
  });

  it('the per-article analysis never sees a Separate line', () => {
    const text = ' date 2024-01-02 Adam Smith met the press in Lagos. Smith said the talks would go on.\n';
    const plain = analyzeArticle(text);
    const withSplit = analyzeArticle(text, { lexicon: parseLexicon('Smith\tSeparate\tAdam Smith\n').entries });
    assert.deepEqual(withSplit.entities, plain.entities);
    assert.deepEqual(withSplit.actors, plain.actors);
  });

  it('merge: writes a Same line, replacing an earlier one and removing a Separate line between the two; every other line stays', () => {
    const start = `${OLD}Hoffmann\tSeparate\tMaria Hoffmann\nHoffmann\tSame\tKarl Hoffmann\n`;
    const edited = mergeActorLexiconEdit(start, { name: 'Hoffmann', type: 'person' }, { name: 'Maria Hoffmann', type: 'person' })!;
    assert.equal(edited, `${OLD}Hoffmann\tSame\tMaria Hoffmann\n`);
    const parsed = parseLexicon(edited);
    assert.deepEqual(parsed.separations, []);
    assert.deepEqual(parsed.merges, [{ text: 'Hoffmann', into: 'Maria Hoffmann' }]);
    assert.deepEqual(parsed.entries, parseLexicon(OLD).entries, 'the per-article entries are unchanged');
    assert.equal(mergeActorLexiconEdit(edited, { name: 'Hoffmann' }, { name: 'Maria Hoffmann' }), null, 'already merged');
    assert.equal(
      mergeActorLexiconEdit('', { name: 'UN' }, { name: 'United Nations', type: 'organization' }),
      '# News Lens lexicon: corrections applied to every article in this folder and below.\n# One per line: text<TAB>kind[<TAB>canonical name]. Kinds: Person, Organization, Place, Nationality, Rejected.\nUN\tSame\tUnited Nations\n',
    );
    assert.equal(mergeActorLexiconEdit(OLD, { name: 'A\tB' }, { name: 'C', type: 'person' }), null);
    assert.equal(mergeActorLexiconEdit(OLD, { name: 'Same', type: 'person' }, { name: 'Same', type: 'person' }), null);
    // Merging back the other way round replaces the first merge rather than making a loop.
    assert.equal(mergeActorLexiconEdit('A\tSame\tB\n', { name: 'B' }, { name: 'A' }), 'B\tSame\tA\n');
  });

  it('a Same line merges in the story only: "Brenner" inside "Paul Brenner" is left alone in every article', () => {
    const text = ' date 2024-01-02 Paul Brenner met Tomas Brenner in Lagos. Brenner said the talks would go on.\n';
    const lexicon = parseLexicon('Brenner\tSame\tTomas Brenner\n');
    assert.deepEqual(analyzeArticle(text, { lexicon: lexicon.entries }).actors, analyzeArticle(text).actors);
    assert.deepEqual(lexiconLineKind('Brenner\tSame\tTomas Brenner'), 'merge');
  });

  it('split: adds a Separate line and undoes an earlier merge of the two (a Same line, or a canonical name keeping its kind); CRLF kept', () => {
    const merged = 'Hoffmann\tPerson\tMaria Hoffmann\r\nAir Base 201\tPlace\r\n';
    const split = splitActorLexiconEdit(merged, 'Hoffmann', 'Maria Hoffmann')!;
    assert.equal(split, 'Hoffmann\tPerson\r\nAir Base 201\tPlace\r\nHoffmann\tSeparate\tMaria Hoffmann\r\n');
    assert.equal(splitActorLexiconEdit(split, 'Maria Hoffmann', 'Hoffmann'), null, 'already separate');
    // Round trip: merge again drops the Separate line and writes the merge.
    const again = mergeActorLexiconEdit(split, { name: 'Hoffmann', type: 'person' }, { name: 'Maria Hoffmann', type: 'person' })!;
    assert.equal(again, 'Hoffmann\tPerson\r\nAir Base 201\tPlace\r\nHoffmann\tSame\tMaria Hoffmann\r\n');
    assert.equal(
      splitActorLexiconEdit(again, 'Hoffmann', 'Maria Hoffmann'),
      'Hoffmann\tPerson\r\nAir Base 201\tPlace\r\nHoffmann\tSeparate\tMaria Hoffmann\r\n',
    );
    // upsertLexiconEntry leaves a Separate or Same line for the same text alone.
    assert.equal(
      upsertLexiconEntry('Smith\tSeparate\tAdam Smith\nSmith\tSame\tJo Smith\n', { text: 'Smith', label: 'person' }),
      'Smith\tSeparate\tAdam Smith\nSmith\tSame\tJo Smith\nSmith\tPerson\n',
    );
  });

  it('the lexicon edits drive buildStory: split, then merge back', () => {
    const docs = [digest('a', '2024-01-01', [actor('Maria Hoffmann', 'person')]), digest('b', '2024-01-02', [actor('Hoffmann', 'person')])];
    assert.equal(buildStory(docs).actors.length, 1);
    const split = splitActorLexiconEdit('', 'Hoffmann', 'Maria Hoffmann')!;
    assert.equal(buildStory(docs, { lexicon: parseLexicon(split) }).actors.length, 2);
    const merged = mergeActorLexiconEdit(split, { name: 'Hoffmann', type: 'person' }, { name: 'Maria Hoffmann', type: 'person' })!;
    assert.equal(buildStory(docs, { lexicon: parseLexicon(merged) }).actors.length, 1);
  });
});

describe('story: finding an article actor in the story (hovers)', () => {
  it('by the name the article gives it, also when two of its actors merged', () => {
    const story = buildStory([
      digest('a', '2024-01-01', [actor('Adam Smith', 'person', 2), actor('Smith', 'person')]),
      digest('b', '2024-01-02', [actor('Smith', 'person', 3)]),
    ]);
    const find = storyActorLookup(story);
    assert.equal(find('b', 'Smith')?.name, 'Adam Smith');
    assert.equal(find('a', 'Smith')?.name, 'Adam Smith');
    assert.equal(find('a', 'Adam Smith')?.articleCount, 2);
    assert.equal(find('c', 'Smith'), undefined);
  });
});

describe('story: bad input never throws', () => {
  it('digestArticle, buildStory, compareArticles and mergeActorLexiconEdit on malformed input', () => {
    const bad = (x: unknown) => x as any;
    const empty = digestArticle('x', bad(null), bad({}));
    assert.deepEqual(empty, { id: 'x', title: null, date: null, actors: [], events: [], quotes: [], dates: [] });
    const odd = digestArticle(
      'y',
      'Some text',
      bad({
        actors: [{ id: 'a', name: 'A', mentions: [{ start: 5, end: 2 }] }, null],
        events: [null, { notable: true }],
        quotes: [{ start: 0, end: 4 }],
        paragraphs: [null],
      }),
    );
    assert.equal(odd.actors.length, 0);
    assert.deepEqual(
      odd.quotes.map((q) => q.text),
      ['Some'],
    );
    const story = buildStory(
      bad([
        null,
        3,
        {
          id: 'z',
          date: 'not a date',
          actors: [null, { name: '' }, { name: 'Lagos', type: 'place', mentionCount: 1, first: { start: 0, end: 5 }, sentence: '' }],
          events: null,
          quotes: [null],
        },
      ]),
    );
    assert.deepEqual(story.articles, [{ id: 'z', title: null, date: null }]);
    assert.deepEqual(
      story.actors.map((a) => a.name),
      ['Lagos'],
    );
    assert.doesNotThrow(() => compareArticles(bad(undefined), bad({ id: 'b', actors: null })));
    assert.doesNotThrow(() => buildStory(bad(undefined), bad({ lexicon: { entries: 'x', separations: [null, { text: 1 }] } })));
    assert.equal(mergeActorLexiconEdit(bad(null), bad(null), bad(null)), null);
    assert.equal(mergeActorLexiconEdit('', { name: 'X' }, bad({ name: 'Y\nZ', type: 'date' })), null);
    assert.equal(splitActorLexiconEdit(bad(undefined), bad(5), 'Y'), null);
  });
});
