// sweepRules replaces compromise's bulk rule sweep in the post-tagger: for any rule net it
// must return exactly what compromise's own sweep returns (the same rules, places and order),
// or null to let compromise run. These rules and sentences are invented to exercise compromise's
// match syntax: optional, greedy, negated and anchored tokens, choices, groups, notIf, ifNo.
import * as assert from 'node:assert/strict';
import nlp from 'compromise';
import { parseParagraph } from '../../src/analysis/parse';
import { sweepRules } from '../../src/analysis/ruleSweep';

const world = (nlp as any).world();
const methods = world.methods;

const SENTENCES = [
  'The quiet harbour reopened on Monday, and the ferries sailed again.',
  "We've said the old bridge isn't safe; they'd rather build a new one.",
  'Maria Okonkwo, the port director, said 3 cranes and 12 trucks were idle.',
  'Very old ships rarely sail, but the brave crews walked slowly to the docks.',
  'THE COUNCIL VOTED TO CLOSE THE NORTH-SOUTH ROAD.',
  'A well-known singer sang two songs in Lyon and Porto last week.',
  'Dock workers and drivers blocked the gates, the company said on Friday.',
  'Is the market open? Prices rose 4.5 percent in March, analysts said.',
  'Her brother, a farmer from Valmere, sells wheat/barley at the market.',
  'They walked, talked and laughed until the last train left the station.',
  'The minister of transport will visit the flooded villages tomorrow.',
  '"It is over," the coach told reporters after the 2-1 defeat.',
  'Run!',
  'Dock workers struck.',
  'The city bus drivers quit, and the harbour pilots resigned.',
  'Only walking slowly, walking carefully, the old man reached home.',
];

/** Invented rules covering the syntax compromise's post-tagger rules use, and then some. */
function inventedRules(): any[] {
  const rules: any[] = [
    { match: '#Noun #Verb' },
    { match: '[#Adjective] #Noun', group: 0 },
    { match: '#Determiner #Adjective? #Noun' },
    { match: '#Adverb? #Verb' },
    { match: '#Adverb? #Adjective? #Noun' },
    { match: '#ProperNoun+ #Verb' },
    { match: '[#Noun+] #Verb', group: 0 },
    { match: '^#Determiner #Noun' },
    { match: '^[#Noun] #Verb', group: 0 },
    { match: '^(#Adverb|#Adjective) #Noun' },
    { match: '#Noun #Verb$' },
    { match: '#Noun [#Adverb]$', group: 0 },
    { match: '#Noun #Adverb? #Verb$' },
    { match: '#Noun #Noun+$' },
    { match: '(a|the) #Noun' },
    { match: '(#Determiner|very) #Adjective' },
    { match: '(the old|a new) #Noun' },
    { match: '(#Noun && @hasComma) #Noun' },
    { match: '(#Noun && !#Pronoun) #Verb' },
    { match: '!#Determiner #Noun' },
    { match: '#Verb !#Determiner' },
    { match: '#Pronoun !#Adverb #Verb' },
    { match: '!not? #Verb #Noun' },
    { match: '. #Verb' },
    { match: '#Noun * #Verb' },
    { match: '#Noun .+ #Noun' },
    { match: '#Value{1,2} #Noun' },
    { match: '#Noun{2,3}' },
    { match: '/^[0-9]+$/ #Plural' },
    { match: '/ing$/ #Adverb' },
    { match: '%Noun|Verb% #Noun' },
    { match: '@hasComma #Noun' },
    { match: '#Noun @hasComma' },
    { match: '#Noun (and|or) #Noun' },
    { match: '[<who>#Person+] #Verb', group: 'who' },
    { match: '#Person+ [<what>#Verb] #Noun?', group: 'what' },
    { match: '#Noun #Verb', notIf: 'is' },
    { match: '#Determiner #Noun', notIf: '(market|station)' },
    { match: '#Adjective #Noun', ifNo: ['#Pronoun', 'rather'] },
    { match: '#Verb #Particle?' },
    { match: 'the #Noun+' },
    { match: '(#Noun|#Adjective)+ #Verb' },
    { match: '#Verb (#Adverb|#Adjective)+' },
    { match: '~walk~ #Adverb' },
    { match: 'we #Verb' },
    { match: 'would #Adverb? #Verb' },
    { match: 'is #Adverb? #Adjective' },
    { match: '#Copula (not|#Adverb)? #Adjective' },
    { match: '#Month #Value?' },
    { match: '#Place and #Place' },
    { match: '[#FirstName] #LastName', group: 0 },
    { match: '#TitleCase+ (said|told)' },
    { match: '#Verb #Noun?' },
    // contractions: a matched first half takes its implicit second half with it
    { match: "we've #PastTense" },
    { match: "isn't #Adjective" },
    { match: "they'd #Adverb #Verb" },
    // a negated last token does not check `$`: compromise drops such a match, yet skips past it
    { match: '#Noun !#Adverb$' },
  ];
  return rules.map((rule, i) => ({ ...rule, tag: 'Noun', reason: `invented-${i}` }));
}

function describeMatches(list: any[]): string[] {
  return list.map((m) => `${m.match} @${m.pointer.join(':')}`);
}

describe('sweepRules (the post-tagger rule sweep)', () => {
  it('finds exactly what compromise sweeps find for invented rules of every syntax', () => {
    const net = methods.one.buildNet(inventedRules(), world);
    const matched = new Set<string>();
    let total = 0;
    // several rounds: after a few hundred clauses the sweep re-files its rules by what it has seen
    for (let round = 0; round < 8; round++)
      for (const text of SENTENCES) {
        // the post-tagger sweeps comma-separated clauses; the whole sentences are swept here too
        const docs = (nlp(text) as any).docs;
        for (const document of [docs, methods.two.quickSplit(docs)]) {
          const stock = methods.one.bulkMatch(document, net, methods, {});
          const ours = sweepRules(document, net, methods, world.model.one.tagSet);
          assert.ok(ours, 'the index accepts the net');
          assert.deepEqual(describeMatches(ours), describeMatches(stock), text);
          for (const m of stock) matched.add(m.match);
          total += stock.length;
        }
      }
    // the sentences must exercise the rules, or this test proves nothing
    assert.ok(total > 8 * 150, `only ${total} matches`);
    assert.ok(matched.size >= 40, `only ${matched.size} of the rules matched: ${[...matched].join(' | ')}`);
  });

  it('finds exactly what compromise finds with its own post-tagger rules', () => {
    let net: any = null;
    const stockSweep = methods.one.bulkMatch;
    let compared = 0;
    methods.one.bulkMatch = function (document: any, given: any, m: any, opts: any) {
      const stock = stockSweep.call(this, document, given, m, opts);
      if (Object.keys(given.hooks).length > 500) net = given;
      const ours = sweepRules(document, given, m, world.model.one.tagSet);
      assert.ok(ours, 'the index accepts the net');
      assert.deepEqual(describeMatches(ours), describeMatches(stock));
      compared += stock.length;
      return stock;
    };
    try {
      for (const text of SENTENCES) nlp(text);
    } finally {
      methods.one.bulkMatch = stockSweep;
    }
    assert.ok(net, "compromise's post-tagger net was seen");
    assert.ok(compared > 20, `only ${compared} matches compared`);
  });

  it('leaves a net it cannot index to compromise', () => {
    const rules = methods.one.buildNet([{ match: '#Noun #Verb', tag: 'Noun' }], world);
    const twin = { ...rules.hooks['#Noun'][0] };
    const odd = { hooks: { '#Noun': [rules.hooks['#Noun'][0]], '#Verb': [twin] }, always: [] };
    assert.equal(sweepRules((nlp('Ships sail.') as any).docs, odd, methods), null);
  });

  it('is what parseParagraph runs, in place of compromise sweep', () => {
    const stockSweep = methods.one.bulkMatch;
    let calls = 0;
    methods.one.bulkMatch = function (...args: any[]) {
      calls++;
      return stockSweep.apply(this, args);
    };
    try {
      for (const text of SENTENCES) parseParagraph(text);
    } finally {
      methods.one.bulkMatch = stockSweep;
    }
    assert.equal(calls, 0);
  });

  it('gives parseParagraph the tags of a plain compromise parse on these sentences', () => {
    for (const text of SENTENCES) {
      const doc = nlp(text) as any;
      const stock = (doc.docs as any[]).flat().map((t: any) => [t.text, [...t.tags].sort().join(',')]);
      const ours = parseParagraph(text).tokens.map((t) => [t.text, [...t.tags].sort().join(',')]);
      assert.deepEqual(
        ours.map(([, tags]) => tags),
        stock.filter(([word]) => word).map(([, tags]) => tags),
        text,
      );
    }
  });
});
