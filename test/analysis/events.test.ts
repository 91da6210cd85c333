import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../src/analysis';
import { detectEvents, type EventCandidate } from '../../src/analysis/events/detectEvents';
import { linkEvents } from '../../src/analysis/events/linkEvents';
import { parseParagraph } from '../../src/analysis/parse';
import type { ArticleMetadata, EntityMention, EntityType, TemporalExpression } from '../../src/analysis/types';

function events(text: string): EventCandidate[] {
  return detectEvents(parseParagraph(text));
}

function eventTexts(text: string): string[] {
  return events(text).map((e) => e.text);
}

function find(list: EventCandidate[], word: string): EventCandidate {
  const e = list.find((x) => x.text === word);
  assert.ok(e, `expected an event "${word}" in ${JSON.stringify(list.map((x) => x.text))}`);
  return e;
}

function slice(text: string, e: EventCandidate, rel: [number, number] | null): string | null {
  return rel ? text.slice(e.start + rel[0], e.start + rel[1]) : null;
}

describe('events: detection (TimeML triggers)', () => {
  it('finds verbs and eventive nouns, not auxiliaries, copulas or particles', () => {
    const text = 'The army has withdrawn its troops after the coup, and the withdrawal was completed on time, officials said.';
    const found = eventTexts(text);
    for (const w of ['withdrawn', 'coup', 'withdrawal', 'completed', 'said']) assert.ok(found.includes(w), `missing ${w} in ${found}`);
    for (const w of ['has', 'was', 'army', 'troops', 'officials', 'time']) assert.ok(!found.includes(w), `${w} is not an event`);
  });

  it('tags nominal events but not nouns of trade like shares and sales', () => {
    const found = eventTexts('Shares of the company fell 3 percent after the arrest of its chief, and sales were flat.');
    assert.ok(found.includes('arrest'), `missing arrest in ${found}`);
    assert.ok(found.includes('fell'), `missing fell in ${found}`);
    assert.ok(!found.includes('Shares') && !found.includes('sales'), `shares and sales are not events: ${found}`);
    assert.ok(!eventTexts('Investors bought shares in the company.').includes('shares'));
  });

  it('finds a change of value even where compromise reads the verb as a noun ("rose"), and a measured "loss"', () => {
    const rose = find(events('Prices rose 4 percent on Monday.'), 'rose');
    assert.equal(rose.class, 'OCCURRENCE');
    assert.equal(rose.lemma, 'rise');
    assert.equal(rose.partOfSpeech, 'verb');
    assert.equal(rose.tense, 'past');
    assert.equal(find(events('The bank posted a loss of $3 billion.'), 'loss').partOfSpeech, 'noun');
    // Not every noun before a number is a verb: "the glass shell of the tower".
    assert.ok(!eventTexts('Debris shattered the glass shell of the 22-story tower.').includes('shell'));
  });

  it('skips connective participles and phrasal particles', () => {
    const found = eventTexts('Dozens were hurt, including two children, according to the police, and rescuers pulled survivors out.');
    assert.ok(!found.includes('including'));
    assert.ok(!found.includes('according'));
    assert.ok(!found.includes('out'));
    assert.ok(found.includes('hurt') && found.includes('pulled'));
  });

  it('assigns TimeML classes', () => {
    const list = events('The minister said the rebels tried to flee, wanted to negotiate, began talks and saw the convoy.');
    assert.equal(find(list, 'said').class, 'REPORTING');
    assert.equal(find(list, 'tried').class, 'I_ACTION');
    assert.equal(find(list, 'wanted').class, 'I_STATE');
    assert.equal(find(list, 'began').class, 'ASPECTUAL');
    assert.equal(find(list, 'saw').class, 'PERCEPTION');
    assert.equal(find(list, 'flee').class, 'OCCURRENCE');
  });

  it('reads tense from the verb group', () => {
    const list = events('Troops have left the base, more will withdraw next week and some are leaving now.');
    assert.equal(find(list, 'left').tense, 'past');
    assert.equal(find(list, 'withdraw').tense, 'future');
    assert.equal(find(list, 'leaving').tense, 'present');
  });

  it('finds agent and patient regions, including passives and coordinated verbs', () => {
    const text = 'The rebels attacked the convoy. The convoy was attacked by the rebels. Engineers have built roads and trained the police.';
    const list = events(text);
    const [active, passive] = list.filter((e) => e.text === 'attacked');
    assert.equal(slice(text, active, active.roles.agent), 'The rebels');
    assert.equal(slice(text, active, active.roles.patient), 'the convoy');
    assert.equal(slice(text, passive, passive.roles.agent), 'the rebels');
    assert.equal(slice(text, passive, passive.roles.patient), 'The convoy');
    const trained = find(list, 'trained');
    assert.equal(slice(text, trained, trained.roles.agent), 'Engineers');
    assert.equal(trained.tense, 'past');
  });

  it('finds the possessor as agent and the of-phrase as patient of a nominal event', () => {
    const text = "The junta's expulsion of French troops shocked Paris.";
    const expulsion = find(events(text), 'expulsion');
    assert.equal(slice(text, expulsion, expulsion.roles.agent), "The junta's");
    assert.equal(slice(text, expulsion, expulsion.roles.patient), 'French troops');
  });

  it('is pure: offsets are relative to the paragraph and the same text gives the same events', () => {
    const text = 'Rebels seized the town on Monday.';
    const a = events(text);
    const b = events(text);
    assert.deepEqual(a, b);
    for (const e of a) assert.equal(text.slice(e.start, e.end), e.text);
    const shifted = events('Earlier, ' + text);
    assert.equal(find(shifted, 'seized').start - find(a, 'seized').start, 'Earlier, '.length);
  });

  it('never throws on odd input', () => {
    for (const text of ['', ' ', '\u0000\u0001', '"""', '….', '🎖️🎖️ 🇳🇪', 'a'.repeat(5000), 'Said said said, said.']) {
      assert.doesNotThrow(() => events(text));
    }
  });
});

function mention(text: string, word: string, type: EntityType, actorId: string, from = 0): EntityMention {
  const start = text.indexOf(word, from);
  assert.ok(start >= 0, `fixture lacks ${word}`);
  return { start, end: start + word.length, text: word, type, actorId, source: 'auto', evidence: 'rule' };
}

function timex(text: string, words: string, value: string): TemporalExpression {
  const start = text.indexOf(words);
  return { start, end: start + words.length, text: words, type: 'DATE', value, relative: true, explanation: 'test' };
}

const META: ArticleMetadata = { date: '2025-03-14', dateSource: 'dateline', dateSpan: null, title: null, source: null, bodyStart: 0, format: 'dateline' };

describe('events: linking actors, place and date', () => {
  const text =
    'Canada has withdrawn its engineers from its last camp in Chad. Chad expelled Canadian troops after a coup last year. Canada will return next spring.';
  const entities = [
    mention(text, 'Canada', 'place', 'place:canada'),
    mention(text, 'Chad', 'place', 'place:chad'),
    mention(text, 'Chad', 'place', 'place:chad', text.indexOf('. Chad')),
    mention(text, 'Canadian', 'nationality', 'place:canada'),
    mention(text, 'Canada', 'place', 'place:canada', text.indexOf('. Canada')),
  ];
  const dates = [timex(text, 'last year', '2024')];
  const linked = linkEvents(events(text), entities, dates, META);
  const get = (w: string) => {
    const e = linked.find((x) => x.text === w);
    assert.ok(e, `no event ${w}`);
    return e;
  };

  it('names the agent first, then the patient, as actor ids', () => {
    assert.deepEqual(get('withdrawn').actors, ['place:canada']);
    assert.deepEqual(get('expelled').actors, ['place:chad', 'place:canada']);
  });

  it('attaches the place named in the clause', () => {
    assert.equal(get('withdrawn').place, 'place:chad');
  });

  it('dates an event only by a date expression that governs it; the article date stays apart', () => {
    assert.equal(get('coup').date, '2024');
    assert.equal(get('coup').dateSource, 'expression');
    assert.equal(get('withdrawn').date, null, 'no date in the text: not the article date');
    assert.equal(get('withdrawn').dateSource, null);
    assert.equal(get('withdrawn').articleDate, '2025-03-14', 'a past event had happened by the article date');
    assert.equal(get('return').date, null);
    assert.equal(get('return').articleDate, null, 'a future event did not happen by the article date');
  });

  it('marks as notable the events with an actor, not bare speech verbs', () => {
    assert.equal(get('withdrawn').notable, true);
    assert.equal(get('coup').place, 'place:chad', 'a place named close by in the sentence');
    assert.equal(get('coup').notable, true, 'a coup in a named place belongs on the timeline');
    const said = linkEvents(
      events('Canada said the camp was empty.'),
      [mention('Canada said the camp was empty.', 'Canada', 'place', 'place:canada')],
      [],
      META,
    );
    assert.equal(said.find((e) => e.text === 'said')?.notable, false);
  });

  it('does not put negated or hypothetical events on the timeline', () => {
    const t = 'Canada did not withdraw its troops. Canada may have left the camp.';
    const ms = [mention(t, 'Canada', 'place', 'place:canada'), mention(t, 'Canada', 'place', 'place:canada', 10)];
    const list = linkEvents(events(t), ms, [], META);
    const withdraw = list.find((e) => e.text === 'withdraw');
    const left = list.find((e) => e.text === 'left');
    assert.ok(withdraw && left);
    assert.equal(withdraw.notable, false);
    assert.equal(left.tense, 'none');
    assert.equal(left.date, null);
    assert.equal(left.articleDate, null, 'a hypothetical event takes no article date');
  });

  it('works with no entities or dates at all', () => {
    const bare = linkEvents(events(text), [], [], { ...META, date: null });
    assert.ok(bare.length > 0);
    for (const e of bare) {
      assert.deepEqual(e.actors, []);
      assert.equal(e.date, null);
      assert.equal(e.notable, false);
    }
  });
});

// An invented article built like the user's example: dateline, a withdrawal, a coup
// "last year", a quotation running on from an attribution, one attributed after it, one alone.
const ARTICLE = [
  ' date 2025-03-14 Canada has withdrawn its engineers from its last camp in Chad, the foreign ministry has said. The pullout comes two years after army officers in the country asked them to go.',
  "The departure of Canadian engineers and equipment from Camp Meridian in Abeche is finished, the foreign ministry said in a joint statement with Chad's interior ministry.",
  '"The handover of the camp ... will go on between Canadian and Chadian officials over the next month to make sure the transfer is orderly."',
  'About 300 engineers had been posted at the Abeche camp, in eastern Chad.',
  "Chad's expulsion of Canadian troops after a coup last year has wide consequences for Canada because it leaves the region without a western partner.",
  '"For eight years, Canadian engineers have built roads and trained Chad\'s police," the joint statement said.',
  '"The close partnership between Canada and the Chadian authorities meant that the departure ended early and without incident."',
].join('\n\n');

describe('events: an article built like the user example', () => {
  const analysis = analyzeArticle(ARTICLE);
  const canada = analysis.actors.find((a) => a.name === 'Canada');

  it('makes the withdrawal an event of Canada, reported by the article date', () => {
    const withdrawn = analysis.events.find((e) => e.text === 'withdrawn');
    assert.ok(withdrawn);
    assert.ok(canada, 'Canada is an actor');
    assert.equal(withdrawn.agent, canada.id);
    assert.equal(withdrawn.date, null);
    assert.equal(withdrawn.articleDate, '2025-03-14');
    assert.equal(withdrawn.notable, true);
  });

  it('anchors the coup to the year before', () => {
    const coup = analysis.events.find((e) => e.text === 'coup');
    assert.ok(coup);
    assert.equal(coup.date, '2024');
  });

  it('gives every event a sentence that contains it', () => {
    for (const e of analysis.events) {
      assert.ok(e.sentence.start <= e.start && e.end <= e.sentence.end, `${e.text} outside its sentence`);
      assert.equal(ARTICLE.slice(e.start, e.end), e.text);
    }
  });
});

// The user's own example is not in the repository; check it when it is on this machine.
const SEED = path.resolve(__dirname, '../../../../shared/data/seed/niger-withdrawal.txt');

describe('events: the user example (when present)', function () {
  before(function () {
    if (!fs.existsSync(SEED)) this.skip();
  });

  it('has the withdrawal as a US event on 2024-08-06 and the coup in 2023', () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const a = analyzeArticle(text);
    const us = a.actors.find((x) => /^(US|United States)$/.test(x.name) || x.aliases.includes('US'));
    assert.ok(us, 'the US is an actor');
    const withdrawn = a.events.find((e) => e.text === 'withdrawn');
    assert.ok(withdrawn && withdrawn.actors.includes(us.id), 'withdrawn has the US as actor');
    assert.equal(withdrawn.date ?? withdrawn.articleDate, '2024-08-06');
    assert.equal(a.events.find((e) => e.text === 'coup')?.date, '2023');
  });
});

describe('events: clauses a reader understands (agent, patient, summary, notable)', () => {
  const TEXT = [
    'date 2024-08-06',
    '',
    'Coup leaders in Niger told US forces to leave the country. The ministry suspended exports of maize on Tuesday. The army attacked Mali in the night. France was ordered by Niger to withdraw its troops.',
    '',
    'Niger made no mention of the talks. The vote comes after the coup. Dock workers walked off the job in Rotterdam. Niger said the camp was empty.',
  ].join('\n');
  const a = analyzeArticle(TEXT);
  const get = (word: string) => {
    const e = a.events.find((x) => x.text === word);
    assert.ok(e, `no event "${word}" in ${JSON.stringify(a.events.map((x) => x.text))}`);
    return e;
  };

  it('takes the agent from the subject, not from any actor in the sentence', () => {
    const told = get('told');
    assert.notEqual(told.agent, 'place:united-states', 'the object of "told" is not its agent');
    assert.equal(told.agentText, 'Coup leaders in Niger');
    const attacked = get('attacked');
    assert.equal(attacked.agent, null, '"the army" is no actor, and Mali is the object');
    assert.equal(attacked.agentText, 'The army');
  });

  it('names the patient: the object, or the subject of a passive', () => {
    assert.equal(get('told').patient, 'place:united-states');
    assert.equal(get('told').patientText, 'US forces');
    assert.equal(get('attacked').patient, 'place:mali');
    const ordered = get('ordered');
    assert.equal(ordered.agent, 'place:niger', 'the "by" phrase of a passive is its agent');
    assert.equal(ordered.patient, 'place:france');
    assert.equal(get('suspended').patientText, 'exports of maize');
  });

  it('sums each event up as a short clause, doer first', () => {
    assert.equal(get('told').summary, 'Coup leaders in Niger told US forces to leave the country');
    assert.equal(get('suspended').summary, 'The ministry suspended exports of maize');
    assert.equal(get('walked').summary, 'Dock workers walked off the job');
    assert.equal(get('attacked').summary, 'The army attacked Mali');
  });

  it('finds the doer across "after", a noun read as a verb, and a relative clause', () => {
    const b = analyzeArticle(
      [
        'date 2025-04-12',
        '',
        'The ferry strike in Brellin ended on Friday after the Ostmark Ferry Company agreed to hire new crews. The port reopened after a storm closed it for two days.',
        '',
        '"We stay out," said Joana Ferreira, who leads the Ostmark Ferry Workers Union. The strike at the mine ended after workers accepted a pay offer.',
      ].join('\n'),
    );
    const summaries = b.events.map((e) => e.summary);
    assert.ok(summaries.includes('the Ostmark Ferry Company agreed to hire new crews'), `"Friday after …" is no doer: ${JSON.stringify(summaries)}`);
    assert.ok(summaries.includes('a storm closed it'), JSON.stringify(summaries));
    assert.ok(summaries.includes('The ferry strike in Brellin ended'), `the strike ended, not the town: ${JSON.stringify(summaries)}`);
    assert.ok(summaries.includes('Joana Ferreira leads the Ostmark Ferry Workers Union'), JSON.stringify(summaries));
    assert.ok(summaries.includes('The strike at the mine ended'), `"after workers" opens a clause, it completes nothing: ${JSON.stringify(summaries)}`);
    assert.ok(summaries.includes('workers accepted a pay offer'), JSON.stringify(summaries));
  });

  it('dates an event by the date expression that governs it, and no other', () => {
    const suspended = get('suspended');
    assert.equal(suspended.date, '2024-08-06', '"on Tuesday" in an article of Tuesday 6 August 2024');
    assert.equal(suspended.dateSource, 'expression');
    assert.ok(suspended.dateSpan && TEXT.slice(suspended.dateSpan.start, suspended.dateSpan.end) === 'Tuesday');
    const walked = get('walked');
    assert.equal(walked.date, null, 'the text gives the walkout no date');
    assert.equal(walked.articleDate, '2024-08-06');
  });

  it('reads the "of" phrase of a nominal event as its patient, even a plural compromise reads as a verb', () => {
    const b = analyzeArticle('date 2024-08-06\n\nThe withdrawal of US forces from Niger is complete.');
    const withdrawal = b.events.find((e) => e.text === 'withdrawal');
    assert.ok(withdrawal);
    assert.equal(withdrawal.summary, 'The withdrawal of US forces');
    assert.equal(withdrawal.patient, 'place:united-states');
    assert.equal(withdrawal.agent, null);
  });

  it('ends a clause on a whole phrase: a possessive pronoun opens one, a subject pronoun starts the next clause', () => {
    const b = analyzeArticle('date 2024-08-06\n\nCastro demanded his return. Gonzalez arrived in Miami it seems.');
    assert.equal(b.events.find((e) => e.text === 'demanded')?.summary, 'Castro demanded his return');
    assert.equal(b.events.find((e) => e.text === 'arrived')?.summary, 'Gonzalez arrived in Miami');
  });

  it('reads on through a date phrase to the complement', () => {
    const b = analyzeArticle('date 2023-06-20\n\nThe council of Lyon voted on Tuesday to close two roads.');
    const voted = b.events.find((e) => e.text === 'voted');
    assert.ok(voted);
    assert.equal(voted.summary, 'The council of Lyon voted on Tuesday to close two roads');
    assert.equal(voted.agent, null, 'the head of "the council of Lyon" is the council, not Lyon');
  });

  it('does not count a clause that says neither who nor what as notable', () => {
    const b = analyzeArticle('date 2024-08-06\n\nThis effort in Niger ended badly. Niger is looking to expand into Benin.');
    const bare = b.events.filter((e) => !e.agentText && !e.patientText && e.date === null);
    assert.ok(bare.length > 0, `expected a bare event in ${JSON.stringify(b.events.map((e) => e.summary))}`);
    for (const e of bare) assert.equal(e.notable, false, `${e.summary} says neither who nor what`);
  });

  it('does not count light verbs, negated nouns or bare speech as notable', () => {
    for (const e of a.events) {
      if (['made', 'comes', 'said'].includes(e.text)) assert.equal(e.notable, false, `${e.text} is not notable on its own`);
    }
    const mention = a.events.find((e) => e.text === 'mention');
    if (mention) assert.equal(mention.notable, false, '"made no mention" did not happen');
    assert.equal(get('told').notable, true, 'a directive ("told X to leave") is news');
    assert.equal(get('attacked').notable, true);
    assert.equal(get('walked').notable, true, 'in a named place');
  });
});
