// A hand-built ArticleView for an invented article, shaped like the server's answer.
// Dates and events are placed on the timeline as the server places them (laidOut).
import { datePlace, eventPlace, timelineOrder, timexCategory } from '../../src/analysis';
import type { ActorView, ArticleView, DateView, EventView, MentionView, QuoteView } from '../../src/protocol';
import { withViewOrder } from '../../src/server/sidebarView';

export function range(line: number, start: number, end: number, endLine = line) {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

function mention(line: number, start: number, text: string, type: MentionView['type'] = 'organization'): MentionView {
  return { range: range(line, start, start + text.length), text, type, source: 'auto', evidence: 'rule' };
}

function actor(id: string, name: string, type: ActorView['type'], mentions: MentionView[], aliases: string[] = [], extra: Partial<ActorView> = {}): ActorView {
  return {
    id,
    name,
    type,
    aliases,
    evidence: 'gazetteer',
    mentions,
    mentionCount: mentions.length,
    nationalityMentions: 0,
    firstMentionSentence: null,
    rank: 0,
    order: 0,
    ...extra,
  };
}

function date(line: number, start: number, text: string, value: string | null, type: DateView['type'] = 'DATE'): DateView {
  return {
    range: range(line, start, start + text.length),
    text,
    type,
    value,
    readable: value,
    mod: null,
    relative: false,
    explanation: 'test',
    category: 'calendar',
    groups: [],
    order: 0,
  };
}

function event(line: number, start: number, text: string, cls: string, actors: string[], dateValue: string | null, extra: Partial<EventView> = {}): EventView {
  return {
    range: range(line, start, start + text.length),
    text,
    class: cls,
    actors,
    actorNames: actors.map((a) => a.toUpperCase()),
    summary: text,
    agent: actors[0] ?? null,
    agentName: actors[0]?.toUpperCase() ?? null,
    agentText: null,
    patient: null,
    patientName: null,
    place: null,
    placeName: null,
    date: dateValue,
    dateReadable: dateValue,
    dateSource: dateValue ? 'expression' : null,
    articleDate: null,
    articleDateReadable: null,
    tense: 'past',
    sentenceRange: range(line, 0, 80),
    sentence: `${text} sentence`,
    notable: actors.length > 0 && cls !== 'REPORTING',
    groups: [],
    order: 0,
    ...extra,
  };
}

/** Offsets standing in for positions (lines are short in this fixture). */
const offsetOf = (p: { line: number; character: number }) => p.line * 1000 + p.character;

/** The view with its actors ordered and its dates and events placed on the timeline, as the server's sidebar mapper does. */
export function laidOut(view: ArticleView): ArticleView {
  const datePlaces = view.dates.map((d) => datePlace(d.value, d.type));
  const dateOrder = timelineOrder(
    view.dates.map((d, i) => ({ value: d.value, rank: datePlaces[i].rank, start: offsetOf(d.range.start), end: offsetOf(d.range.end) })),
  );
  const eventPlaces = view.events.map((e) => eventPlace(e.date, e.articleDate, e.articleDateReadable));
  const eventOrder = timelineOrder(
    view.events.map((e, i) => ({ value: e.date, rank: eventPlaces[i].rank, start: offsetOf(e.range.start), end: offsetOf(e.range.end) })),
  );
  return {
    ...view,
    actors: withViewOrder(view.actors),
    dates: view.dates.map((d, i) => ({ ...d, category: timexCategory(d.value, d.type), groups: datePlaces[i].groups, order: dateOrder[i] })),
    events: view.events.map((e, i) => ({ ...e, groups: eventPlaces[i].groups, order: eventOrder[i] })),
  };
}

export function sampleView(): ArticleView {
  const harbour = actor(
    'org:harbour-authority',
    'Port of Lorient Harbour Authority',
    'organization',
    [mention(0, 20, 'Port of Lorient Harbour Authority'), mention(2, 4, 'PLHA'), mention(4, 10, 'the authority')],
    ['PLHA'],
  );
  const union = actor('org:dockers-union', 'Dockers\u2019 Union', 'organization', [mention(1, 0, 'Dockers\u2019 Union'), mention(3, 12, 'union')]);
  const lorient = actor('place:lorient', 'Lorient', 'place', [mention(0, 2, 'Lorient', 'place'), mention(2, 30, 'Breton', 'nationality')], [], {
    nationalityMentions: 1,
  });
  const mayor = actor('person:ana-kervella', 'Ana Kervella', 'person', [mention(3, 0, 'Ana Kervella', 'person')]);
  const brest = actor('place:brest', 'Brest', 'place', [mention(5, 3, 'Brest', 'place'), mention(6, 3, 'Brest', 'place'), mention(7, 3, 'Brest', 'place')]);
  const quote: QuoteView = {
    range: range(3, 20, 60),
    text: '\u201CWe will not unload a single ship,\u201D',
    speaker: 'person:ana-kervella',
    speakerName: 'Ana Kervella',
    speakerText: 'the mayor',
  };
  return laidOut({
    uri: 'file:///articles/lorient.news',
    version: 3,
    metadata: {
      date: '2024-03-15',
      dateReadable: 'Fri 15 March 2024',
      dateSource: 'dateline',
      dateRange: range(0, 1, 16),
      title: null,
      source: null,
      format: 'dateline',
    },
    actors: [union, lorient, harbour, mayor, brest],
    dates: [
      date(2, 40, 'last year', '2023'),
      date(1, 30, 'on Tuesday', '2024-03-12'),
      date(4, 0, 'for three weeks', 'P3W', 'DURATION'),
      date(4, 30, 'recently', 'PAST_REF'),
      date(5, 10, 'in March', '2024-03'),
      date(6, 10, 'the 1990s', '199'),
      date(7, 10, 'some day', null),
      date(0, 1, '2024-03-15', '2024-03-15'),
    ],
    events: [
      event(1, 10, 'strike', 'OCCURRENCE', ['org:dockers-union'], '2024-03-12'),
      event(2, 10, 'said', 'REPORTING', ['org:harbour-authority'], '2024-03-15'),
      event(3, 10, 'closed', 'OCCURRENCE', ['org:harbour-authority'], '2023'),
      event(4, 10, 'talks', 'OCCURRENCE', [], '2024-03-15'),
      event(5, 10, 'blockade', 'OCCURRENCE', ['org:dockers-union'], null),
      event(6, 10, 'reopen', 'OCCURRENCE', ['org:harbour-authority'], '2024-03-15', { notable: false }),
    ],
    quotes: [quote],
    counts: { person: 1, organization: 5, place: 4, nationality: 1, date: 8 },
    problems: [],
  });
}
