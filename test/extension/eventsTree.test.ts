import * as assert from 'node:assert/strict';
import { buildEventsTree, eventChildren, EventsTreeNode, isNotable, NO_EVENT_FILTER } from '../../src/extension/model/eventsTree';
import { sampleView } from './fixtures';

function texts(tree: ReturnType<typeof buildEventsTree>): string[] {
  const out: string[] = [];
  const walk = (nodes: EventsTreeNode[]) => nodes.forEach((n) => (n.nodeType === 'event' ? out.push(n.event.text) : walk(eventChildren(tree, n))));
  walk(eventChildren(tree));
  return out;
}

describe('extension model: Events timeline', () => {
  it('shows only notable events by default: with an actor and a date, not reporting, unless the server says otherwise', () => {
    const view = sampleView();
    assert.deepEqual(view.events.map(isNotable), [true, false, true, false, false, false]);
    const tree = buildEventsTree(view);
    assert.deepEqual(texts(tree), ['closed', 'strike']);
    assert.equal(tree.total, 6);
    assert.equal(tree.notable, 2);
  });

  it('groups by year, month and day in time order', () => {
    const tree = buildEventsTree(sampleView(), { ...NO_EVENT_FILTER, showAll: true });
    assert.deepEqual(tree.groups.map((g) => g.label), ['2023', '2024', 'Undated']);
    const y2024 = tree.groups[1];
    const march = eventChildren(tree, y2024)[0];
    assert.equal(march.nodeType === 'eventGroup' && march.label, 'March');
    const days = eventChildren(tree, march).map((d) => d.nodeType === 'eventGroup' && d.label);
    assert.deepEqual(days, ['Tue 12 March 2024', 'Fri 15 March 2024']);
    assert.deepEqual(texts(tree), ['closed', 'strike', 'said', 'talks', 'reopen', 'blockade']);
  });

  it('filters by class and by actor; an actor filter shows all of its events', () => {
    const view = sampleView();
    assert.deepEqual(texts(buildEventsTree(view, { ...NO_EVENT_FILTER, showAll: true, classes: ['REPORTING'] })), ['said']);
    assert.deepEqual(texts(buildEventsTree(view, { ...NO_EVENT_FILTER, actorId: 'org:harbour-authority' })), ['closed', 'said', 'reopen']);
    assert.deepEqual(texts(buildEventsTree(view, { ...NO_EVENT_FILTER, actorId: 'org:dockers-union' })), ['strike', 'blockade']);
  });
});
