// The Story view and the comparison report as plain data (no VS Code): groups, labels,
// what each leaf opens, the split/merge pick lists, and the Markdown of a comparison.
import * as assert from 'node:assert/strict';
import { comparisonMarkdown } from '../../src/extension/model/compareMarkdown';
import { articleLabel, buildStoryTree, childrenOf, fileNameOf, mergeCandidates, splitCandidates, type StoryActorNode, type StoryEventNode } from '../../src/extension/model/storyTree';
import type { ArticleComparisonView, StoryView } from '../../src/protocol';
import { range } from './fixtures';

const A = 'file:///news/tejo/01-strike.news';
const B = 'file:///news/tejo/02%20talks.news';

function story(): StoryView {
  return {
    folder: 'file:///news/tejo',
    indexing: false,
    articles: [
      { uri: A, title: 'Ferry crews strike', date: '2025-04-07' },
      { uri: B, title: null, date: '2025-04-09' },
    ],
    actors: [
      {
        key: 'person:joana ferreira', name: 'Joana Ferreira', type: 'person', aliases: ['Ferreira'], articleCount: 2, mentionCount: 3,
        appearances: [
          { uri: A, title: 'Ferry crews strike', articleDate: '2025-04-07', name: 'Joana Ferreira', mentionCount: 2, range: range(2, 60, 74), sentence: 'said Joana Ferreira' },
          { uri: B, title: null, articleDate: '2025-04-09', name: 'Ferreira', mentionCount: 1, range: range(2, 0, 8), sentence: 'Ferreira said' },
        ],
      },
      { key: 'organization:tejo ferry company', name: 'Tejo Ferry Company', type: 'organization', aliases: [], articleCount: 1, mentionCount: 1, appearances: [{ uri: A, title: 'Ferry crews strike', articleDate: '2025-04-07', name: 'Tejo Ferry Company', mentionCount: 1, range: range(4, 24, 42), sentence: 's' }] },
      { key: 'person:paulo mendes', name: 'Paulo Mendes', type: 'person', aliases: [], articleCount: 1, mentionCount: 1, appearances: [{ uri: B, title: null, articleDate: '2025-04-09', name: 'Paulo Mendes', mentionCount: 1, range: range(0, 3, 15), sentence: 's' }] },
    ],
    timeline: [
      { uri: A, articleDate: '2025-04-07', sortDate: '2025-04-07', date: '2025-04-07', text: 'walked', class: 'OCCURRENCE', summary: 'Ferry crews walked off the job', agent: null, range: range(0, 31, 37), sentenceRange: range(0, 16, 120) },
      { uri: B, articleDate: '2025-04-09', sortDate: '2025-04-09', date: null, text: 'queued', class: 'OCCURRENCE', summary: 'Commuters queued for buses', agent: null, range: range(4, 10, 16), sentenceRange: range(4, 0, 50) },
    ],
    speakers: [
      { actorKey: 'person:joana ferreira', name: 'Joana Ferreira', quotes: [
        { uri: A, articleDate: '2025-04-07', text: 'We will not return', speakerText: 'Joana Ferreira', range: range(2, 1, 20) },
        { uri: B, articleDate: '2025-04-09', text: 'We want safe shifts', speakerText: 'she', range: range(2, 40, 60) },
      ] },
    ],
  };
}

describe('Story view model', () => {
  it('has three groups: ranked actors, the timeline, quotes by speaker; and says what it covers', () => {
    const tree = buildStoryTree(story());
    assert.deepEqual(tree.groups.map((g) => g.label), ['Actors', 'Timeline', 'Quotes by speaker']);
    assert.deepEqual(tree.groups[0].children.map((c) => (c as StoryActorNode).label), ['Joana Ferreira', 'Tejo Ferry Company', 'Paulo Mendes'], 'the server’s ranking is kept');
    assert.equal(tree.groups[0].children[0].description, '2 articles · 3 mentions');
    assert.equal(tree.summary, '2 articles in tejo');
    assert.equal(buildStoryTree({ ...story(), folder: null, indexing: true }).summary, '2 articles in the workspace (indexing…)');
    assert.deepEqual(buildStoryTree(null).groups, []);
  });

  it('expands an actor into its articles in date order, each opening at the mention, saying how the article writes the name', () => {
    const tree = buildStoryTree(story());
    const ferreira = tree.groups[0].children[0] as StoryActorNode;
    const articles = childrenOf(ferreira);
    assert.equal(articles.length, 2);
    const [first, second] = articles as Array<Extract<ReturnType<typeof childrenOf>[number], { nodeType: 'appearance' }>>;
    assert.equal(first.label, 'Ferry crews strike');
    assert.equal(second.label, '02 talks.news', 'untitled: the decoded file name');
    assert.equal(second.description, '2025-04-09 · as “Ferreira” · 1 mention');
    assert.equal(second.uri, B);
    assert.deepEqual(second.range, range(2, 0, 8));
    const all = tree.groups.flatMap((g) => [g, ...childrenOf(g), ...childrenOf(g).flatMap(childrenOf)]);
    assert.equal(all.length, 3 + 3 + 4 + 2 + 1 + 2, 'groups, actors, appearances, events, speakers, quotes');
    assert.equal(new Set(all.map((n) => n.id)).size, all.length, 'every node id is unique');
  });

  it('opens a timeline event at its sentence, and marks an event placed only by its article’s date', () => {
    const events = childrenOf(buildStoryTree(story()).groups[1]) as StoryEventNode[];
    assert.deepEqual(events[0].range, range(0, 16, 120));
    assert.equal(events[0].description, '2025-04-07 · Ferry crews strike');
    assert.equal(events[1].description, '2025-04-09 · (article date) · 02 talks.news');
  });

  it('groups quotes under their speaker, across articles', () => {
    const speakers = childrenOf(buildStoryTree(story()).groups[2]);
    assert.equal(speakers.length, 1);
    assert.equal(speakers[0].description, '2 quotes · 2 articles');
    const quotes = childrenOf(speakers[0]);
    assert.deepEqual(quotes.map((q) => (q as { label: string }).label), ['“We will not return”', '“We want safe shifts”']);
  });

  it('offers the names an article writes for "Split from…", and other actors (same kind first) for "Merge into…"', () => {
    const view = story();
    assert.deepEqual(splitCandidates(view.actors[0]), ['Ferreira']);
    assert.deepEqual(splitCandidates(view.actors[1]), []);
    assert.deepEqual(mergeCandidates(view, 'person:joana ferreira').map((a) => a.name), ['Paulo Mendes', 'Tejo Ferry Company']);
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
      inBoth: [{ a: { name: 'Joana Ferreira', type: 'person', mentionCount: 1, range: range(2, 0, 1), sentence: 's' }, b: { name: 'Ferreira', type: 'person', mentionCount: 1, range: range(2, 0, 1), sentence: 's' } }],
    },
    dates: { onlyInA: [{ text: 'on Monday', type: 'DATE', value: '2025-04-07', range: range(0, 40, 49) }], onlyInB: [] },
    quotes: {
      onlyInA: [],
      onlyInB: [{ text: 'Talks resume', speaker: null, speakerText: 'a spokesman', range: range(3, 0, 10) }],
      differing: [{ speaker: 'Joana Ferreira', a: { text: 'We will not return', speaker: 'Joana Ferreira', speakerText: null, range: range(2, 1, 20) }, b: { text: 'We want safe shifts', speaker: 'Joana Ferreira', speakerText: 'she', range: range(2, 40, 60) } }],
    },
  };
  const text = comparisonMarkdown(view);

  it('lists what is only in one article, with links that open it at the line', () => {
    assert.match(text, /### Only in A \(Ferry crews strike\)\n\n- \[Tagus Ferry Workers Union\]\(file:\/\/\/news\/tejo\/01-strike\.news#L3\) · organization/);
    assert.match(text, /- \[Paulo \\\[Mendes\\\]\]\(file:\/\/\/news\/tejo\/02%20talks\.news#L1\) · person · 2 mentions/, 'names are escaped');
    assert.match(text, /In both: Joana Ferreira \/ Ferreira/);
    assert.match(text, /\[on Monday \(2025-04-07\)\]/);
    assert.match(text, /“Talks resume” — a spokesman/);
    assert.match(text, /\*\*B\*\* — \[02 talks\.news\]\([^)]*\) · undated/);
  });

  it('shows the same speaker’s differing words side by side', () => {
    assert.match(text, /\*\*Joana Ferreira\*\*\n\n- A: “We will not return” \(\[open\]\(file:\/\/\/news\/tejo\/01-strike\.news#L3\)\)\n- B: “We want safe shifts”/);
  });

  it('says "none" for an empty section rather than leaving it blank', () => {
    assert.match(text, /## Dates\n\n### Only in A\n\n- .*\n\n### Only in B\n\n\*none\*/);
  });
});
