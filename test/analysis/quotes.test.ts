import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeArticle } from '../../src/analysis';
import { findQuotationSpans, findQuotes } from '../../src/analysis/quotes';
import type { Actor, EntityMention, EntityType, Span } from '../../src/analysis/types';

/** Paragraphs the way segmentation gives them: blocks between blank lines. */
function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function entity(text: string, word: string, type: EntityType, id: string, from = 0): EntityMention {
  const start = text.indexOf(word, from);
  assert.ok(start >= 0, `fixture lacks ${word}`);
  return { start, end: start + word.length, text: word, type, actorId: id, source: 'auto', evidence: 'rule' };
}

function actorsOf(mentions: EntityMention[]): Actor[] {
  const byId = new Map<string, Actor>();
  for (const m of mentions) {
    const a = byId.get(m.actorId) ?? { id: m.actorId, name: m.text, type: m.type, aliases: [], mentions: [], evidence: 'rule' as const };
    a.mentions.push({ start: m.start, end: m.end });
    byId.set(m.actorId, a);
  }
  return [...byId.values()];
}

function quotesIn(text: string, mentions: EntityMention[] = []) {
  return findQuotes(text, paragraphsOf(text), mentions, actorsOf(mentions)).map((q) => ({ ...q, quoted: text.slice(q.start, q.end) }));
}

describe('quotes: finding quotations', () => {
  it("finds straight, curly and ``…'' quotations with their marks", () => {
    const text = 'He said "we will stay" and left. She said “we will go” too. They said ``nobody knows\'\' at the time.';
    assert.deepEqual(
      quotesIn(text).map((q) => q.quoted),
      ['"we will stay"', '“we will go”', "``nobody knows''"],
    );
  });

  it('joins a quotation that runs over paragraphs and reopens with a quote mark', () => {
    const text = '"The first part goes on\n\n"and the second part ends here," the mayor said.\n\nAfter that, nothing.';
    const spans = findQuotationSpans(text, paragraphsOf(text));
    assert.equal(spans.length, 1);
    assert.equal(text.slice(spans[0].start, spans[0].end), '"The first part goes on\n\n"and the second part ends here,"');
  });

  it('ends an unclosed quotation at its paragraph when the next does not reopen', () => {
    const text = 'The chief said "we are ready.\n\nNext paragraph has no quotation.';
    const spans = findQuotationSpans(text, paragraphsOf(text));
    assert.equal(spans.length, 1);
    assert.equal(text.slice(spans[0].start, spans[0].end), '"we are ready.');
  });

  it('finds ‘single’ quotations but not apostrophes, and keeps quotes within quotes inside', () => {
    const text = 'The minister said ‘we won’t leave’ on Monday. Asked again, she said ‘yes’. “He told me ‘never’ twice,” she said. The troops’ base closed.';
    assert.deepEqual(
      quotesIn(text).map((q) => q.quoted),
      ['‘we won’t leave’', '‘yes’', '“He told me ‘never’ twice,”'],
    );
  });

  it('does not take apostrophes for quotation marks', () => {
    assert.deepEqual(quotesIn("The army's base isn't open; the troops' leave ended."), []);
  });

  it('never throws and keeps spans inside the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('"', '“', '”', '`', "'", ' ', '\n', 'a', 'B', '.', ',', 'said', 'the minister'), maxLength: 200 }),
        (text) => {
          const qs = findQuotes(text, paragraphsOf(text), [], []);
          for (const q of qs) assert.ok(0 <= q.start && q.start < q.end && q.end <= text.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('quotes: speakers', () => {
  it('takes the actor named after the quotation ("…," the Pentagon said)', () => {
    const text = '"The base is closed," the Pentagon said.';
    const [q] = quotesIn(text, [entity(text, 'Pentagon', 'organization', 'org:pentagon')]);
    assert.equal(q.speaker, 'org:pentagon');
    assert.equal(q.speakerText, 'the Pentagon');
    assert.equal(text.slice(q.speakerSpan!.start, q.speakerSpan!.end), 'the Pentagon');
  });

  it('reads an inverted attribution (said the minister) up to the comma', () => {
    const text = "``It was a bomb,'' said Interior Minister Ana Ruiz, who asked not to be named.";
    const [q] = quotesIn(text, [entity(text, 'Ana Ruiz', 'person', 'person:ana-ruiz')]);
    assert.equal(q.speaker, 'person:ana-ruiz');
    assert.equal(q.speakerText, 'Interior Minister Ana Ruiz');
  });

  it('keeps abbreviations inside the speaker phrase', () => {
    const text = '"We saw the crater," said a U.S. Embassy official in Nairobi.';
    const [q] = quotesIn(text);
    assert.equal(q.speakerText, 'a U.S. Embassy official in Nairobi');
    assert.equal(q.speaker, null);
  });

  it('takes a speaker introduced before the quotation', () => {
    const text = 'The ministry said in a statement: "Talks will resume."';
    const [q] = quotesIn(text, [entity(text, 'ministry', 'organization', 'org:ministry')]);
    assert.equal(q.speaker, 'org:ministry');
    assert.match(q.speakerText ?? '', /statement/);
  });

  it('gives the speaker phrase when no actor is named', () => {
    const [q] = quotesIn('"Everything went to plan," the joint statement said.');
    assert.equal(q.speaker, null);
    assert.equal(q.speakerText, 'the joint statement');
  });

  it('resolves he/she to the speaker of the quotation before it', () => {
    const text = '"We are safe," said Maria Lopez, a nurse. "The roof held," she said.';
    const quotes = quotesIn(text, [entity(text, 'Maria Lopez', 'person', 'person:maria-lopez')]);
    assert.equal(quotes.length, 2);
    assert.equal(quotes[1].speaker, 'person:maria-lopez');
    assert.equal(quotes[1].speakerText, 'she');
  });

  it('finds the speaker of a quotation standing alone in the sentence before, and carries it on', () => {
    const text = [
      'The handover is complete, the Pentagon said in a joint statement with the ministry.',
      '"The work will go on over the coming weeks."',
      'Some 200 soldiers had been at the base.',
      '"Our troops trained their forces for ten years," the joint statement said.',
      '"The cooperation ensured that the turnover finished early."',
    ].join('\n\n');
    const quotes = quotesIn(text, [entity(text, 'Pentagon', 'organization', 'org:pentagon')]);
    assert.equal(quotes.length, 3);
    for (const q of quotes) {
      assert.match(q.speakerText ?? '', /joint statement/, `speaker of ${q.quoted}`);
      assert.equal(q.speaker, 'org:pentagon', `the statement is the Pentagon's: ${q.quoted}`);
    }
  });

  it('takes the subject of the sentence a quotation sits in', () => {
    const text = "Burton, the committee chairman, said in a release that the ruling was ``a grave mistake for the family.''";
    const [q] = quotesIn(text, [entity(text, 'Burton', 'person', 'person:burton')]);
    assert.equal(q.speaker, 'person:burton');
  });

  it('reads "was quoted as saying" and attributes a quotation over several paragraphs once', () => {
    const text = '"We will rebuild the bridge\n\n"and the road before winter," the governor was quoted as saying.';
    const quotes = quotesIn(text);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].speakerText, 'the governor');
  });

  it('uses the next sentence when the quotation stands alone and nothing precedes it', () => {
    const text = '"Nobody expected the storm."\n\nMayor Tom Reyes said so at dawn on Friday.';
    const [q] = quotesIn(text, [entity(text, 'Tom Reyes', 'person', 'person:tom-reyes')]);
    assert.equal(q.speakerText, 'Mayor Tom Reyes');
    assert.equal(q.speaker, 'person:tom-reyes');
  });
});

describe('quotes: pronouns, role nouns and reporting formulas', () => {
  const person = (text: string, name: string, id: string, from = 0) => entity(text, name, 'person', id, from);

  it('takes "he said" to the man named before, not to the woman quoted before him', () => {
    const text =
      'Anna Kovacs said the rise was alarming. "Every case could have been prevented," she said. Daniel Brooks, a spokesman, spoke later. "There is no vaccine without money," he said.';
    const quotes = quotesIn(text, [person(text, 'Anna Kovacs', 'person:anna-kovacs'), person(text, 'Daniel Brooks', 'person:daniel-brooks')]);
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['person:anna-kovacs', 'person:daniel-brooks'],
    );
  });

  it('skips a nearer person of the other gender for "she said" (first names)', () => {
    const text = 'Councillor Sarah Whitfield met Mayor Robert Hale after the vote. "This library matters to children," she said.';
    const quotes = quotesIn(text, [person(text, 'Sarah Whitfield', 'person:sarah-whitfield'), person(text, 'Robert Hale', 'person:robert-hale')]);
    assert.equal(quotes[0].speaker, 'person:sarah-whitfield');
  });

  it('reads gender from titles (Ms., Mr.)', () => {
    const text = 'Ms. Okoye met Mr. Adeyemi on Friday. "We will appeal the ruling," she said.';
    const quotes = quotesIn(text, [person(text, 'Okoye', 'person:okoye'), person(text, 'Adeyemi', 'person:adeyemi')]);
    assert.equal(quotes[0].speaker, 'person:okoye');
  });

  it('reads gender from a pronoun used of a person earlier', () => {
    const text = 'Okoro Zimba resigned on Monday. He cited his health. His deputy, Mrs. Nwosu, took over the office. "I leave with pride," he said.';
    const quotes = quotesIn(text, [person(text, 'Okoro Zimba', 'person:okoro-zimba'), person(text, 'Nwosu', 'person:nwosu')]);
    assert.equal(quotes[0].speaker, 'person:okoro-zimba');
  });

  it('resolves a role noun to the person introduced with that title', () => {
    const text =
      'Prime Minister Laura Bennett called an early election. The finance minister, Peter Collins, backed the decision. "Our budget is on track," the minister said. "The country needs a mandate," the prime minister said.';
    const quotes = quotesIn(text, [person(text, 'Laura Bennett', 'person:laura-bennett'), person(text, 'Peter Collins', 'person:peter-collins')]);
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['person:peter-collins', 'person:laura-bennett'],
    );
    assert.equal(quotes[0].speakerText, 'the minister', 'the phrase as written is kept');
  });

  it('leaves a body that speaks for itself to itself: "the company said" is not its chief executive', () => {
    const text =
      'Results were weak, said Jane Doe, the company\'s chief executive. "We expect a recovery next year," the company said in a statement. Ana Ruiz, a spokeswoman for the police, spoke too. "Nobody was hurt," the police said.';
    const quotes = quotesIn(text, [person(text, 'Jane Doe', 'person:jane-doe'), person(text, 'Ana Ruiz', 'person:ana-ruiz')]);
    assert.equal(quotes.length, 2);
    for (const q of quotes) assert.equal(q.speaker, null, `${q.quoted}: ${q.speakerText}`);
    assert.equal(quotes[1].speakerText, 'the police');
  });

  it('takes "quoted him as saying" to the man named before', () => {
    const text = 'Interior Minister Ivan Petrov spoke to reporters on Monday. "We will not back down," the Infopress agency quoted him as saying.';
    const quotes = quotesIn(text, [person(text, 'Ivan Petrov', 'person:ivan-petrov')]);
    assert.equal(quotes[0].speaker, 'person:ivan-petrov');
  });

  it('resolves a role noun given after the name ("Torres, the envoy")', () => {
    const text = 'Michael Torres, the United Nations envoy, met both delegations. "Both sides came with serious proposals," the envoy said.';
    const quotes = quotesIn(text, [person(text, 'Michael Torres', 'person:michael-torres')]);
    assert.equal(quotes[0].speaker, 'person:michael-torres');
  });

  it('resolves a role noun whose title the tagger kept inside the name', () => {
    const text = 'Attorney General Mark Ellison said he would appeal. "We are confident," the attorney general told reporters.';
    const quotes = quotesIn(text, [person(text, 'Attorney General Mark Ellison', 'person:mark-ellison')]);
    assert.equal(quotes[0].speaker, 'person:mark-ellison');
  });

  it('does not read a capitalised name as a role ("the Pentagon said" is not its spokesman)', () => {
    const text = 'John Kirby, the Pentagon spokesman, spoke first. "We are watching closely," the Pentagon said.';
    const quotes = quotesIn(text, [person(text, 'John Kirby', 'person:john-kirby')]);
    assert.equal(quotes[0].speaker, null);
    assert.equal(quotes[0].speakerText, 'the Pentagon');
  });

  it('gives "<agency> quoted X as saying" to X, before or after the quotation', () => {
    const text =
      'The agency Infopress quoted Interior Minister Ivan Petrov as saying that "every rescue team is in the field." Later, "the dams are holding," the agency quoted Petrov as saying.';
    const mentions = [
      entity(text, 'Infopress', 'organization', 'org:infopress'),
      person(text, 'Ivan Petrov', 'person:ivan-petrov'),
      person(text, 'Petrov', 'person:ivan-petrov', text.indexOf('agency quoted')),
    ];
    const quotes = quotesIn(text, mentions);
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['person:ivan-petrov', 'person:ivan-petrov'],
    );
  });

  it('reads "X was quoted as saying" and "X told reporters"', () => {
    const text =
      'Governor Elena Markova was quoted as saying: "We have never seen the river this high." "The rain has not stopped," Goran Ilic told reporters.';
    const quotes = quotesIn(text, [person(text, 'Elena Markova', 'person:elena-markova'), person(text, 'Goran Ilic', 'person:goran-ilic')]);
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['person:elena-markova', 'person:goran-ilic'],
    );
  });

  it('reads "according to X" after and before a quotation, and a name in apposition', () => {
    const text =
      '"This is the only language the owners understand," according to Okafor. According to Okafor, "the owners will have to listen." The talks could end "within days", according to one delegate, Maria Santos.';
    const mentions = [
      person(text, 'Okafor', 'person:okafor'),
      person(text, 'Okafor', 'person:okafor', text.indexOf('According')),
      person(text, 'Maria Santos', 'person:maria-santos'),
    ];
    const quotes = quotesIn(text, mentions);
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['person:okafor', 'person:okafor', 'person:maria-santos'],
    );
  });

  it('attributes a quotation that runs on into the next paragraph once, to its speaker', () => {
    const text =
      'Sarah Whitfield opposed the plan. "Closing it saves a small sum and costs a great deal," she said. "It is the only warm place many children have.\n\n"The council will regret this within a year."';
    const quotes = quotesIn(text, [person(text, 'Sarah Whitfield', 'person:sarah-whitfield')]);
    assert.equal(quotes.length, 2);
    assert.match(quotes[1].quoted, /^"It is the only warm place[\s\S]*within a year\."$/);
    assert.equal(quotes[1].speaker, 'person:sarah-whitfield');
  });
});

describe('quotes: scare quotes', () => {
  it('does not list a short quoted phrase with no speech verb', () => {
    assert.deepEqual(quotesIn('Residents described the clean-up as a "nightmare".'), []);
    assert.deepEqual(quotesIn('Critics called the plan a “false economy” on Monday.'), []);
  });

  it('keeps short quoted phrases that someone is said to have said', () => {
    assert.equal(quotesIn('The mayor said the damage was "a disgrace".').length, 1);
    assert.equal(quotesIn('The talks could end "within days", according to one delegate.').length, 1);
  });

  it('keeps longer quotations and whole quoted sentences without a speech verb', () => {
    assert.equal(quotesIn('"We will rebuild every house in this valley."').length, 1);
    assert.equal(quotesIn('"Enough."').length, 1);
  });
});

describe('quotes: an article built like the user example', () => {
  const text = [
    ' date 2025-03-14 Canada has withdrawn its engineers from its last camp in Chad, the Canadian government has said.',
    "The departure from Camp Meridian in Abeche is finished, the government said in a joint statement with Chad's interior ministry.",
    '"The handover of the camp ... will go on over the next month to make sure the transfer is orderly."',
    "Chad's expulsion of Canadian troops after a coup last year has wide consequences.",
    '"For eight years, Canadian engineers have built roads and trained Chad\'s police," the joint statement said.',
    '"The close partnership meant that the departure ended early and without incident."',
  ].join('\n\n');

  it('finds three quotations, all attributed to the joint statement', () => {
    const a = analyzeArticle(text);
    assert.equal(a.quotes.length, 3);
    for (const q of a.quotes) assert.match(q.speakerText ?? '', /joint statement/);
    const speakers = new Set(a.quotes.map((q) => q.speaker));
    assert.equal(speakers.size, 1, 'one speaker for all three');
  });
});

const SEED = path.resolve(__dirname, '../../../../shared/data/seed/niger-withdrawal.txt');

describe('quotes: the user example (when present)', function () {
  before(function () {
    if (!fs.existsSync(SEED)) this.skip();
  });

  it('has three quotations attributed to the joint statement', () => {
    const a = analyzeArticle(fs.readFileSync(SEED, 'utf8'));
    assert.equal(a.quotes.length, 3);
    for (const q of a.quotes) assert.match(q.speakerText ?? '', /joint statement/);
  });
});
