import * as assert from 'node:assert/strict';
import { buildActors, nameKey, propagateNames } from '../../src/analysis/entities/buildActors';
import type { EntityCandidate } from '../../src/analysis/entities/recognizeEntities';
import type { EntityEvidence, EntityType } from '../../src/analysis/types';

/** Candidates laid out in an invented text, with offsets computed from the text itself. */
function layout(text: string, specs: Array<[string, EntityType, Partial<EntityCandidate>?]>): EntityCandidate[] {
  let from = 0;
  return specs.map(([surface, type, extra]) => {
    const start = text.indexOf(surface, from);
    assert.ok(start >= 0, `"${surface}" not in text`);
    from = start + surface.length;
    return { start, end: start + surface.length, text: surface, type, evidence: 'model' as EntityEvidence, ...extra };
  });
}

const actorFor = (result: ReturnType<typeof buildActors>, text: string) => {
  const mention = result.entities.find((e) => e.text === text);
  assert.ok(mention, `no mention "${text}"`);
  return result.actors.find((a) => a.id === mention.actorId)!;
};

describe('actors: grouping mentions', () => {
  it('links an acronym to its expansion, before or after, and names the actor by the expansion', () => {
    const text = 'The Movement for Unity and Jihad in West Africa said on Monday that MUJWA fighters had left. MUJWA denied it.';
    const result = buildActors(
      layout(text, [
        ['Movement for Unity and Jihad in West Africa', 'organization'],
        ['MUJWA', 'organization'],
        ['MUJWA', 'organization'],
      ]),
    );
    assert.equal(result.actors.length, 1);
    assert.equal(result.actors[0].name, 'Movement for Unity and Jihad in West Africa');
    assert.deepEqual(result.actors[0].aliases, ['MUJWA']);
    assert.equal(result.actors[0].mentions.length, 3);
  });

  it('links an acronym the recogniser marked with its expansion', () => {
    const text = "Jama'a Nusrat ul-Islam wa al-Muslimin, known as JNIM, spread south.";
    const cands = layout(text, [
      ["Jama'a Nusrat ul-Islam wa al-Muslimin", 'organization'],
      ['JNIM', 'organization', { expansion: "Jama'a Nusrat ul-Islam wa al-Muslimin" }],
    ]);
    const result = buildActors(cands);
    assert.equal(result.actors.length, 1);
    assert.equal(actorFor(result, 'JNIM').name, "Jama'a Nusrat ul-Islam wa al-Muslimin");
  });

  it('merges spelling variants but keeps similar short names apart', () => {
    const text = 'al-Qaida and al Qaeda and Al-Qaeda; Niger and Nigeria; Austria and Australia.';
    const result = buildActors(
      layout(text, [
        ['al-Qaida', 'organization'],
        ['al Qaeda', 'organization'],
        ['Al-Qaeda', 'organization'],
        ['Niger', 'place'],
        ['Nigeria', 'place'],
        ['Austria', 'place'],
        ['Australia', 'place'],
      ]),
    );
    assert.equal(actorFor(result, 'al-Qaida').id, actorFor(result, 'al Qaeda').id);
    assert.equal(actorFor(result, 'al-Qaida').id, actorFor(result, 'Al-Qaeda').id);
    assert.notEqual(actorFor(result, 'Niger').id, actorFor(result, 'Nigeria').id);
    assert.notEqual(actorFor(result, 'Austria').id, actorFor(result, 'Australia').id);
  });

  it('links a surname to the full name mentioned earlier, but not to two people of that name', () => {
    const text = 'Abdourahamane Tiani spoke. Tiani left. Ali Lamine Zeine and Hassan Zeine met. Zeine said no.';
    const result = buildActors(
      layout(text, [
        ['Abdourahamane Tiani', 'person'],
        ['Tiani', 'person'],
        ['Ali Lamine Zeine', 'person'],
        ['Hassan Zeine', 'person'],
        ['Zeine', 'person'],
      ]),
    );
    assert.equal(actorFor(result, 'Tiani').name, 'Abdourahamane Tiani');
    assert.equal(actorFor(result, 'Tiani').mentions.length, 2);
    const zeine = actorFor(result, 'Zeine');
    assert.notEqual(zeine.id, actorFor(result, 'Ali Lamine Zeine').id);
    assert.notEqual(zeine.id, actorFor(result, 'Hassan Zeine').id);
  });

  it('groups a country with its aliases and demonyms under its common name', () => {
    const text = 'The US and the United States and American troops; Nigerien soldiers.';
    const result = buildActors(
      layout(text, [
        ['US', 'place', { countryCode: 'US', canonical: 'United States' }],
        ['United States', 'place', { countryCode: 'US', canonical: 'United States' }],
        ['American', 'nationality', { countryCode: 'US', canonical: 'United States' }],
        ['Nigerien', 'nationality', { countryCode: 'NE', canonical: 'Niger' }],
      ]),
    );
    const us = actorFor(result, 'US');
    assert.equal(us.name, 'United States');
    assert.equal(us.type, 'place');
    assert.equal(us.nationalityMentions, 1);
    assert.equal(actorFor(result, 'American').id, us.id);
    assert.equal(result.entities.find((e) => e.text === 'American')?.type, 'nationality');
    const niger = actorFor(result, 'Nigerien');
    assert.equal(niger.name, 'Niger');
    assert.equal(niger.type, 'place');
    assert.equal(niger.nationalityMentions, 1);
  });

  it('gives an actor one kind, by majority, with rule evidence outweighing the tagger', () => {
    const text = 'Leeds won. Leeds lost. Leeds 2 Arsenal 1.';
    const cands = layout(text, [
      ['Leeds', 'place'],
      ['Leeds', 'place'],
      ['Leeds', 'organization', { evidence: 'rule' }],
    ]);
    const result = buildActors(cands);
    assert.equal(result.actors.length, 1);
    assert.equal(result.actors[0].type, 'organization');
    assert.ok(result.entities.every((e) => e.type === 'organization'));

    const text2 = 'Mali said. Mali said. Mali FC won.';
    const result2 = buildActors(
      layout(text2, [
        ['Mali', 'place'],
        ['Mali', 'place'],
        ['Mali', 'organization'],
      ]),
    );
    assert.equal(result2.actors[0].type, 'place');
  });

  it('ranks actors by mentions, then by first mention, with stable ids', () => {
    const text = 'Togo, Benin, Benin, Ghana, Ghana, Ghana.';
    const result = buildActors(
      layout(text, [
        ['Togo', 'place'],
        ['Benin', 'place'],
        ['Benin', 'place'],
        ['Ghana', 'place'],
        ['Ghana', 'place'],
        ['Ghana', 'place'],
      ]),
    );
    assert.deepEqual(
      result.actors.map((a) => a.name),
      ['Ghana', 'Benin', 'Togo'],
    );
    assert.deepEqual(
      result.actors.map((a) => a.id),
      ['place:ghana', 'place:benin', 'place:togo'],
    );
    assert.deepEqual(
      buildActors(
        layout(text, [
          ['Togo', 'place'],
          ['Benin', 'place'],
          ['Benin', 'place'],
          ['Ghana', 'place'],
          ['Ghana', 'place'],
          ['Ghana', 'place'],
        ]),
      ),
      result,
    );
  });

  it('copes with no candidates', () => {
    assert.deepEqual(buildActors([]), { entities: [], actors: [] });
  });

  it('normalises names for matching', () => {
    assert.equal(nameKey('U.S.'), 'us');
    assert.equal(nameKey('al-Qaida'), 'al qaida');
    assert.equal(nameKey("Jama'a"), 'jamaa');
  });
});

describe('actors: names found once are found everywhere', () => {
  it('adds later exact mentions the recogniser missed, and not inside longer names or the header', () => {
    const text = 'Islamic State claimed it. Later, Islamic State fighters and the Islamic State Sahel Province moved.';
    const first: EntityCandidate = { start: 0, end: 13, text: 'Islamic State', type: 'organization', evidence: 'model' };
    const added = propagateNames([first], text);
    assert.deepEqual(
      added.map((c) => text.slice(c.start, c.end)),
      ['Islamic State'],
    );
    assert.equal(added[0].start, text.indexOf('Islamic State', 1));
    assert.equal(added[0].evidence, 'rule');
    assert.deepEqual(propagateNames([first], text, text.length), []);
  });

  it("adds a surname of a person named in full, never over the user's own spans", () => {
    const text = 'Hama Amadou spoke. Amadou left. Amadou returned.';
    const person: EntityCandidate = { start: 0, end: 11, text: 'Hama Amadou', type: 'person', evidence: 'model' };
    const reserved = [{ start: text.lastIndexOf('Amadou'), end: text.lastIndexOf('Amadou') + 6 }];
    const result = buildActors([person], { text, reserved });
    assert.deepEqual(
      result.entities.map((e) => e.text),
      ['Hama Amadou', 'Amadou'],
    );
    assert.equal(result.actors.length, 1);
    assert.equal(result.actors[0].mentions.length, 2);
  });
});
