// The story across articles on our own four invented articles (test/fixtures/story):
// a dam contract in Valmora, a protest, an inquiry, a release. They hold a bare surname
// ("Varga") and the full name with a title, an acronym ("OBA"), a quote of one speaker
// worded differently in two articles, an event with its own date, and a surname three
// people share ("Brenner").
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, buildStory, compareArticles, digestArticle, parseLexicon, type StoryArticleDigest } from '../../src/analysis';

const DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'story');

function digests(): StoryArticleDigest[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.news'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(DIR, f), 'utf8');
      return digestArticle(f, text, analyzeArticle(text));
    });
}

describe('story across articles (fixture articles)', () => {
  const all = digests();
  const byId = (id: string) => all.find((d) => d.id.startsWith(id))!;

  it('digests an article: date, actors with their first sentence, notable events, quotes without marks', () => {
    const d = byId('01');
    assert.equal(d.date, '2025-03-02');
    const varga = d.actors.find((a) => a.name === 'Lidia Varga');
    assert.ok(varga, 'Lidia Varga is an actor');
    assert.equal(varga.type, 'person');
    assert.match(varga.sentence, /^Energy Minister Lidia Varga said the dam/);
    const text = fs.readFileSync(path.join(DIR, d.id), 'utf8');
    assert.equal(text.slice(varga.first.start, varga.first.end), 'Lidia Varga');
    const signed = d.events.find((e) => e.text === 'signed');
    assert.ok(signed, 'the signing is a notable event');
    assert.equal(signed.date, '2025-02-28', '"on Friday" before 2 March 2025');
    assert.ok(text.slice(signed.sentence.start, signed.sentence.end).startsWith('The government of Valmora signed'));
    assert.deepEqual(
      d.quotes.map((q) => [q.text, q.speaker, q.speakerType]),
      [['This dam will light up the north within three years', 'Lidia Varga', 'person']],
    );
    assert.ok(d.dates.some((x) => x.text === 'Friday' && x.value === '2025-02-28' && x.type === 'DATE'));
  });

  it('merges a bare surname, an acronym and a name across articles, and ranks by articles then mentions', () => {
    const story = buildStory(all);
    const varga = story.actors.find((a) => a.name === 'Lidia Varga')!;
    assert.ok(varga, 'Lidia Varga merged');
    assert.equal(varga.key, 'person:lidia varga');
    assert.deepEqual(
      varga.appearances.map((p) => [p.articleId.slice(0, 2), p.name]),
      [
        ['01', 'Lidia Varga'],
        ['02', 'Varga'],
        ['03', 'Lidia Varga'],
      ],
    );
    assert.ok(varga.aliases.includes('Varga'));
    const oba = story.actors.find((a) => a.name === 'Orin Basin Authority')!;
    assert.ok(oba.aliases.includes('OBA'), 'OBA ↔ Orin Basin Authority');
    assert.equal(oba.articleCount, 3);
    assert.ok(!story.actors.some((a) => a.name === 'OBA'));
    assert.equal(story.actors[0].name, 'Nordvik Hydro', 'in all four articles');
    for (let i = 1; i < story.actors.length; i++) {
      const [p, q] = [story.actors[i - 1], story.actors[i]];
      assert.ok(p.articleCount > q.articleCount || (p.articleCount === q.articleCount && p.mentionCount >= q.mentionCount), `${p.name} before ${q.name}`);
    }
    assert.deepEqual(
      story.articles.map((a) => a.date),
      ['2025-03-02', '2025-03-05', '2025-03-10', '2025-03-12'],
    );
  });

  it('keeps a surname three people share apart from all of them', () => {
    const story = buildStory(all);
    const bare = story.actors.find((a) => a.name === 'Brenner');
    assert.ok(bare, 'the bare "Brenner" of the protest article stays its own actor');
    assert.deepEqual(
      bare.appearances.map((p) => p.articleId.slice(0, 2)),
      ['02'],
    );
    for (const full of ['Tomas Brenner', 'Paul Brenner', 'Anna Brenner']) {
      const actor = story.actors.find((a) => a.name === full);
      assert.ok(actor, full);
      assert.ok(!actor.appearances.some((p) => p.articleId.startsWith('02')), `${full} is not in the protest article`);
    }
  });

  it("puts the timeline in the order of the events' own dates, not the articles'", () => {
    const story = buildStory(all);
    const first = story.timeline[0];
    assert.equal(first.text, 'paid', 'the deposit of 20 February, told in the article of 10 March, comes first');
    assert.equal(first.sortDate, '2025-02-20');
    assert.ok(first.articleId.startsWith('03'));
    const keys = story.timeline.map((e) => e.sortDate ?? '9999');
    assert.deepEqual(keys, [...keys].sort());
    const undated = story.timeline.find((e) => e.date === null)!;
    assert.equal(undated.sortDate, undated.articleDate, "an event without its own date is placed at its article's date");
  });

  it('groups quotes by the merged speaker across articles', () => {
    const story = buildStory(all);
    assert.equal(story.speakers[0].name, 'Lidia Varga');
    assert.equal(story.speakers[0].actorKey, 'person:lidia varga');
    assert.deepEqual(
      story.speakers[0].quotes.map((q) => q.articleId.slice(0, 2)),
      ['01', '02'],
    );
  });

  it('compares two articles: actors through the merging, dates by value, the speaker whose words changed', () => {
    const c = compareArticles(byId('01'), byId('02'));
    assert.ok(
      c.actors.inBoth.some((p) => p.a.name === 'Lidia Varga' && p.b.name === 'Varga'),
      'bare "Varga" in B is Lidia Varga in A',
    );
    assert.ok(c.actors.inBoth.some((p) => p.a.name === 'Orin Basin Authority' && p.b.name === 'OBA'));
    assert.ok(c.actors.onlyInA.some((a) => a.name === 'Ministry of Water'));
    assert.ok(c.actors.onlyInB.some((a) => a.name === 'Brenner'));
    assert.deepEqual(
      c.quotes.differing.map((d) => [d.speaker, d.a.text, d.b.text]),
      [['Lidia Varga', 'This dam will light up the north within three years', 'This dam will light up the whole north within two years']],
    );
    assert.deepEqual(c.quotes.onlyInA, []);
    assert.deepEqual(c.quotes.onlyInB, []);
    assert.ok(c.dates.onlyInA.some((d) => d.text === 'Friday'));
    assert.ok(c.dates.onlyInB.some((d) => d.text === 'Wednesday'));
  });

  it('follows a merge and a split written in the lexicon', () => {
    // The user knows the bare "Brenner" of the protest article is Tomas Brenner…
    const merged = buildStory(all, { lexicon: parseLexicon('Brenner\tSame\tTomas Brenner\n') });
    const tomas = merged.actors.find((a) => a.name === 'Tomas Brenner')!;
    assert.deepEqual(
      tomas.appearances.map((p) => p.articleId.slice(0, 2)),
      ['02', '04'],
    );
    assert.ok(!merged.actors.some((a) => a.name === 'Brenner'));
    assert.ok(merged.actors.some((a) => a.name === 'Paul Brenner') && merged.actors.some((a) => a.name === 'Anna Brenner'), 'the other Brenners stay');
    // A canonical name in a kind line merges too (written by hand or by "Always treat…").
    const canonical = buildStory(all, { lexicon: parseLexicon('OBA\tOrganization\tOrin Basin Authority\nVarga\tPerson\tLidia Varga\n') });
    assert.equal(canonical.actors.find((a) => a.name === 'Lidia Varga')!.articleCount, 3);
    // …and that the Varga of the protest article is somebody else.
    const split = buildStory(all, { lexicon: parseLexicon('Varga\tSeparate\tLidia Varga\n') });
    assert.deepEqual(
      split.actors.find((a) => a.name === 'Lidia Varga')!.appearances.map((p) => p.articleId.slice(0, 2)),
      ['01', '03'],
    );
    assert.deepEqual(
      split.actors.find((a) => a.name === 'Varga')!.appearances.map((p) => p.articleId.slice(0, 2)),
      ['02'],
    );
  });
});
