import * as assert from 'node:assert/strict';
import { buildEventsTree, eventChildren, eventLabel, EventsTreeNode, isNotable, NO_EVENT_FILTER } from '../../src/extension/model/eventsTree';
import { laidOut, sampleView } from './fixtures';

function texts(tree: ReturnType<typeof buildEventsTree>): string[] {
  const out: string[] = [];
  const walk = (nodes: EventsTreeNode[]) => nodes.forEach((n) => (n.nodeType === 'event' ? out.push(n.event.text) : walk(eventChildren(tree, n))));
  walk(eventChildren(tree));
  return out;
}

describe('extension model: Events timeline', () => {
  it('shows only notable events by default: with an actor, not reporting, unless the server says otherwise', () => {
    const view = sampleView();
    assert.deepEqual(view.events.map(isNotable), [true, false, true, false, true, false]);
    const tree = buildEventsTree(view);
    assert.deepEqual(texts(tree), ['closed', 'strike', 'blockade']);
    assert.equal(tree.total, 6);
    assert.equal(tree.notable, 3);
  });

  it('labels an event with its clause, the doer first', () => {
    const base = sampleView().events[0];
    const told = { ...base, text: 'told', summary: 'coup leaders told US forces to leave', agent: null, agentName: null, agentText: 'coup leaders' };
    assert.equal(eventLabel(told), 'Coup leaders told US forces to leave');
    const ordered = {
      ...base,
      text: 'ordered',
      summary: 'France was ordered by Niger to withdraw its troops',
      agent: 'place:niger',
      agentName: 'Niger',
      agentText: 'Niger',
    };
    assert.equal(eventLabel(ordered), 'Niger: France was ordered by Niger to withdraw its troops', 'a passive: the doer leads');
    const walked = { ...base, text: 'walked', summary: 'Dock workers walked off the job', agent: null, agentName: null, agentText: 'Dock workers' };
    assert.equal(eventLabel(walked), 'Dock workers walked off the job');
    const tree = buildEventsTree(laidOut({ ...sampleView(), events: [walked] }));
    const day = eventChildren(tree, eventChildren(tree, tree.groups[0])[0])[0];
    assert.equal(day.nodeType === 'eventGroup' && day.label, 'Tue 12 March 2024');
    const row = eventChildren(tree, day)[0];
    assert.equal(row.nodeType === 'event' && eventLabel(row.event), 'Dock workers walked off the job');
  });

  it('keeps events the text does not date apart from the dated ones, under the article date they were reported by', () => {
    const view = sampleView();
    const reported = {
      ...view.events[4],
      date: null,
      dateReadable: null,
      dateSource: null,
      articleDate: '2024-03-15',
      articleDateReadable: 'Fri 15 March 2024',
    };
    const tree = buildEventsTree(laidOut({ ...view, events: [view.events[0], reported] }));
    assert.deepEqual(
      tree.groups.map((g) => g.label),
      ['2024', 'Reported by Fri 15 March 2024'],
    );
    assert.deepEqual(texts(tree), ['strike', 'blockade']);
  });

  it('groups by year, month and day in time order', () => {
    const tree = buildEventsTree(sampleView(), { ...NO_EVENT_FILTER, showAll: true });
    assert.deepEqual(
      tree.groups.map((g) => g.label),
      ['2023', '2024', 'Undated'],
    );
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
