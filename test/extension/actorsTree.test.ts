import * as assert from 'node:assert/strict';
import { actorMatchesFilter, buildActorsTree, childrenOf, findMention, parentOf } from '../../src/extension/model/actorsTree';
import { sampleView } from './fixtures';

describe('extension model: Actors tree', () => {
  it('groups actors by kind in a fixed kind order, most mentioned first', () => {
    const tree = buildActorsTree(sampleView());
    assert.deepEqual(
      tree.groups.map((g) => g.kind),
      ['person', 'organization', 'place'],
    );
    const orgs = tree.groups.find((g) => g.kind === 'organization')!;
    assert.deepEqual(
      orgs.actors.map((a) => a.actor.name),
      ['Port of Lorient Harbour Authority', 'Dockers\u2019 Union'],
    );
    assert.equal(orgs.mentionTotal, 5);
    const places = tree.groups.find((g) => g.kind === 'place')!;
    assert.deepEqual(
      places.actors.map((a) => a.actor.name),
      ['Brest', 'Lorient'],
    );
  });

  it('lists mentions in text order as children, and walks back up with parentOf', () => {
    const tree = buildActorsTree(sampleView());
    const lorient = tree.byActorId.get('place:lorient')!;
    const kids = childrenOf(tree, lorient);
    assert.deepEqual(
      kids.map((k) => k.nodeType === 'mention' && k.mention.text),
      ['Lorient', 'Breton'],
    );
    assert.equal(parentOf(kids[1]), lorient);
    assert.equal(parentOf(lorient)?.nodeType, 'kind');
    assert.equal(parentOf(parentOf(lorient)!), undefined);
  });

  it('gives every node a unique id (TreeView requires it)', () => {
    const tree = buildActorsTree(sampleView());
    const ids: string[] = [];
    const walk = (nodes: ReturnType<typeof childrenOf>) =>
      nodes.forEach((n) => {
        ids.push(n.id);
        walk(childrenOf(tree, n));
      });
    walk(childrenOf(tree));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('filters by name or alias, ignoring case, accents and curly apostrophes', () => {
    const view = sampleView();
    assert.deepEqual(
      buildActorsTree(view, 'plha').groups.flatMap((g) => g.actors.map((a) => a.actor.id)),
      ['org:harbour-authority'],
    );
    assert.deepEqual(
      buildActorsTree(view, "DOCKERS' union").groups.flatMap((g) => g.actors.map((a) => a.actor.id)),
      ['org:dockers-union'],
    );
    assert.ok(actorMatchesFilter({ ...view.actors[0], name: 'Société Générale', aliases: [] }, 'societe gen'));
    const none = buildActorsTree(view, 'nobody here');
    assert.equal(none.groups.length, 0);
    assert.equal(none.shownActors, 0);
    assert.equal(none.totalActors, 5);
  });

  it('finds the node of the mention the server names under the cursor, only while the filter shows it', () => {
    const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
    const tree = buildActorsTree(sampleView());
    assert.equal(findMention(tree, 'org:harbour-authority', range(2, 4, 8))?.index, 1);
    assert.equal(findMention(tree, 'place:lorient', range(2, 30, 36))?.mention.type, 'nationality');
    assert.equal(findMention(tree, 'org:harbour-authority', range(2, 4, 9)), undefined, 'another range is another mention');
    assert.equal(findMention(buildActorsTree(sampleView(), 'Brest'), 'org:harbour-authority', range(2, 4, 8)), undefined);
  });

  it('is empty without an article', () => {
    assert.deepEqual(buildActorsTree(null).groups, []);
  });
});
