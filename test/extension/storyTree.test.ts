// The Story view and the comparison report as plain data (no VS Code): groups, labels,
// what each leaf opens, the split/merge pick lists, and the Markdown of a comparison.
import * as assert from 'node:assert/strict';
import { comparisonMarkdown } from '../../src/extension/model/compareMarkdown';
import {
  appearanceNodes,
  articleLabel,
  articleLookup,
  buildStoryTree,
  eventNodes,
  fileNameOf,
  isExpandable,
  mergeCandidates,
  quoteNodes,
  splitCandidates,
  type StoryActorNode,
  type StoryEventNode,
} from '../../src/extension/model/storyTree';
import type { ArticleComparisonView, StoryAppearanceView, StoryEventView, StoryOutline } from '../../src/protocol';
import { range } from './fixtures';

const A = 'file:///news/tejo/01-strike.news';
const B = 'file:///news/tejo/02%20talks.news';

const articles = [
  { uri: A, title: 'Ferry crews strike', date: '2025-04-07' },
  { uri: B, title: null, date: '2025-04-09' },
];
const joana = { key: 'person:joana ferreira', name: 'Joana Ferreira', type: 'person' as const, aliases: ['J. Ferreira'], articleCount: 2, mentionCount: 3 };
const appearances: StoryAppearanceView[] = [
  {
    uri: A,
    title: 'Ferry crews strike',
    articleDate: '2025-04-07',
    name: 'Joana Ferreira',
    mentionCount: 2,
    range: range(2, 60, 74),
    sentence: 'said Joana Ferreira',
  },
  { uri: B, title: null, articleDate: '2025-04-09', name: 'Ferreira', mentionCount: 1, range: range(2, 0, 8), sentence: 'Ferreira said' },
];
const events: StoryEventView[] = [
  {
    uri: A,
    articleDate: '2025-04-07',
    sortDate: '2025-04-07',
    date: '2025-04-07',
    text: 'walked',
    class: 'OCCURRENCE',
    summary: 'Ferry crews walked off the job',
    agent: null,
    range: range(0, 31, 37),
    sentenceRange: range(0, 16, 120),
  },
  {
    uri: B,
    articleDate: '2025-04-09',
    sortDate: '2025-04-09',
    date: null,
    text: 'queued',
    class: 'OCCURRENCE',
    summary: 'Commuters queued for buses',
    agent: null,
    range: range(4, 10, 16),
    sentenceRange: range(4, 0, 50),
  },
];
const speaker = { id: 'actor:person:joana ferreira', actorKey: 'person:joana ferreira', name: 'Joana Ferreira', quoteCount: 2, articleCount: 2 };

function outline(extra: Partial<StoryOutline> = {}): StoryOutline {
  return {
    folder: 'file:///news/tejo',
    indexing: false,
    articles,
    actors: [
      joana,
      { key: 'organization:tejo ferry company', name: 'Tejo Ferry Company', type: 'organization', aliases: [], articleCount: 1, mentionCount: 1 },
      { key: 'person:paulo mendes', name: 'Paulo Mendes', type: 'person', aliases: [], articleCount: 1, mentionCount: 1 },
    ],
    timeline: events,
    days: [
      { date: '2025-04-07', count: 1 },
      { date: '2025-04-09', count: 1 },
    ],
    eventCount: 2,
    speakers: [speaker],
    ...extra,
  };
}

describe('Story view model', () => {
  it('has three groups: ranked actors, the timeline, quotes by speaker; and says what it covers', () => {
    const tree = buildStoryTree(outline());
    assert.deepEqual(
      tree.groups.map((g) => g.label),
      ['Actors', 'Timeline', 'Quotes by speaker'],
    );
    assert.deepEqual(
      tree.groups[0].children.map((c) => (c as StoryActorNode).label),
      ['Joana Ferreira', 'Tejo Ferry Company', 'Paulo Mendes'],
      'the server’s ranking is kept',
    );
    assert.equal(tree.groups[0].children[0].description, '2 articles · 3 mentions');
    assert.equal(tree.summary, '2 articles in tejo');
    assert.equal(buildStoryTree(outline({ folder: null, indexing: true })).summary, '2 articles in the workspace (indexing…)');
    assert.deepEqual(buildStoryTree(null).groups, []);
    assert.ok(tree.groups[0].children.every(isExpandable), 'an actor expands to its articles');
  });

  it('expands an actor into its articles in date order, each opening at the mention, saying how the article writes the name', () => {
    const [first, second] = appearanceNodes(joana, appearances);
    assert.equal(first.label, 'Ferry crews strike');
    assert.equal(first.description, '2025-04-07 · 2 mentions');
    assert.equal(second.label, '02 talks.news', 'untitled: the decoded file name');
    assert.equal(second.description, '2025-04-09 · as “Ferreira” · 1 mention');
    assert.equal(second.uri, B);
    assert.deepEqual(second.range, range(2, 0, 8));
    assert.equal(isExpandable(second), false);
    assert.notEqual(first.id, second.id);
  });

  it('lists a short timeline itself, each event opening at its sentence, and a long one by day', () => {
    const short = buildStoryTree(outline()).groups[1];
    const [walked, queued] = short.children as StoryEventNode[];
    assert.equal(walked.nodeType, 'storyEvent');
    assert.deepEqual(walked.range, range(0, 16, 120), 'the sentence, not just the word');
    assert.equal(walked.description, '2025-04-07 · Ferry crews strike');
    assert.equal(queued.description, '2025-04-09 · (article date) · 02 talks.news');
    const long = buildStoryTree(
      outline({
        timeline: null,
        days: [
          { date: '2025-04-07', count: 140 },
          { date: null, count: 3 },
        ],
        eventCount: 143,
      }),
    ).groups[1];
    assert.equal(long.description, '143 events');
    assert.deepEqual(
      long.children.map((d) => [d.label, d.description]),
      [
        ['2025-04-07', '140 events'],
        ['Undated', '3 events'],
      ],
    );
    assert.ok(long.children.every(isExpandable));
    assert.deepEqual(
      eventNodes(events, articleLookup(articles)).map((e) => e.label),
      ['Ferry crews walked off the job', 'Commuters queued for buses'],
    );
  });

  it('groups quotes under their speaker, across articles', () => {
    const speakers = buildStoryTree(outline()).groups[2].children;
    assert.equal(speakers.length, 1);
    assert.equal(speakers[0].description, '2 quotes · 2 articles');
    const quotes = quoteNodes(
      speaker,
      [
        { uri: A, articleDate: '2025-04-07', text: 'We will not return', speakerText: 'Joana Ferreira', range: range(2, 1, 20) },
        { uri: B, articleDate: '2025-04-09', text: 'We want safe shifts', speakerText: 'she', range: range(2, 40, 60) },
      ],
      articleLookup(articles),
    );
    assert.deepEqual(
      quotes.map((q) => [q.label, q.description]),
      [
        ['“We will not return”', '2025-04-07 · Ferry crews strike'],
        ['“We want safe shifts”', '2025-04-09 · 02 talks.news'],
      ],
    );
  });

  it('offers the names articles write for "Split from…", and other actors (same kind first) for "Merge into…"', () => {
    assert.deepEqual(splitCandidates(joana, appearances), ['Ferreira', 'J. Ferreira']);
    assert.deepEqual(splitCandidates({ ...joana, aliases: [] }, appearances.slice(0, 1)), []);
    assert.deepEqual(
      mergeCandidates(outline(), 'person:joana ferreira').map((a) => a.name),
      ['Paulo Mendes', 'Tejo Ferry Company'],
    );
  });

  it('names files and articles readably', () => {
    assert.equal(fileNameOf('file:///a/b/c%20d.news'), 'c d.news');
    assert.equal(articleLabel({ uri: 'file:///x/y.news', title: null }), 'y.news');
  });
});

describe('comparison report (Markdown)', () => {
  const view: ArticleComparisonView = {
    a: { uri: A, title: 'Ferry crews strike', date: '2025-04-07' },
    b: { uri: B, title: null, date: null },
    actors: {
      onlyInA: [{ name: 'Tagus Ferry Workers Union', type: 'organization', mentionCount: 1, range: range(2, 80, 105), sentence: 's' }],
      onlyInB: [{ name: 'Paulo [Mendes]', type: 'person', mentionCount: 2, range: range(0, 3, 15), sentence: 's' }],
      inBoth: [
        {
          a: { name: 'Joana Ferreira', type: 'person', mentionCount: 1, range: range(2, 0, 1), sentence: 's' },
          b: { name: 'Ferreira', type: 'person', mentionCount: 1, range: range(2, 0, 1), sentence: 's' },
        },
      ],
    },
    dates: { onlyInA: [{ text: 'on Monday', type: 'DATE', value: '2025-04-07', range: range(0, 40, 49) }], onlyInB: [] },
    quotes: {
      onlyInA: [],
      onlyInB: [{ text: 'Talks resume', speaker: null, speakerText: 'a spokesman', range: range(3, 0, 10) }],
      differing: [
        {
          speaker: 'Joana Ferreira',
          a: { text: 'We will not return', speaker: 'Joana Ferreira', speakerText: null, range: range(2, 1, 20) },
          b: { text: 'We want safe shifts', speaker: 'Joana Ferreira', speakerText: 'she', range: range(2, 40, 60) },
        },
      ],
    },
  };
  const text = comparisonMarkdown(view);

  it('lists what is only in one article, each with its line', () => {
    assert.match(text, /### Only in A \(Ferry crews strike\)\n\n- Tagus Ferry Workers Union \*\(line 3\)\* · organization/);
    assert.match(text, /- Paulo \\\[Mendes\\\] \*\(line 1\)\* · person · 2 mentions/, 'names are escaped');
    assert.match(text, /In both: Joana Ferreira \/ Ferreira/);
    assert.match(text, /- on Monday \\\(2025\\-04\\-07\\\) \*\(line 1\)\*/, 'the date text is escaped like every other text');
    assert.match(text, /“Talks resume” \*\(line 4\)\* — a spokesman/);
    assert.match(text, /\*\*A\*\* — Ferry crews strike · 2025-04-07 · `01-strike\.news`/);
    assert.match(text, /\*\*B\*\* — 02 talks\\\.news · undated · `02 talks\.news`/, 'the label is escaped, the file name in its code span is not');
    assert.doesNotMatch(text, /\]\(/, 'no links the preview would show as text');
  });

  it('shows the same speaker’s differing words side by side', () => {
    assert.match(text, /\*\*Joana Ferreira\*\*\n\n- A: “We will not return” \*\(line 3\)\*\n- B: “We want safe shifts” \*\(line 3\)\*/);
  });

  it('says "none" for an empty section rather than leaving it blank', () => {
    assert.match(text, /## Dates\n\n### Only in A\n\n- .*\n\n### Only in B\n\n\*none\*/);
  });
});
