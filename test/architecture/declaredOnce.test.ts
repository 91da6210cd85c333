// Architecture invariants, checked on the source: the vocabulary and the editor
// queries are declared once (ARCHITECTURE.md, "Architecture invariants"). A second
// copy of any of these is how the layers drifted apart before.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'data' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Where `name` is defined (a function, a const or a class), as paths relative to src/. */
export function definitionsOf(name: string, files: ReadonlyArray<{ file: string; source: string }>): string[] {
  const def = new RegExp(`^(?:export\\s+)?(?:function|const|let|class)\\s+${name}\\b`, 'm');
  return files.filter((f) => def.test(f.source)).map((f) => f.file);
}

/** Places that write the entity kinds out as a list instead of deriving it from src/analysis/kinds.ts. */
export function kindListsIn(files: ReadonlyArray<{ file: string; source: string }>): string[] {
  return files.filter((f) => /'person',\s*'organization',\s*'place',\s*'nationality'/.test(f.source)).map((f) => f.file);
}

const SHARED: Record<string, string> = {
  // the vocabulary
  ENTITY_TYPES: 'analysis/kinds.ts',
  KIND_LABELS: 'analysis/kinds.ts',
  isEntityLabel: 'analysis/kinds.ts',
  md: 'analysis/markdown.ts',
  plural: 'analysis/markdown.ts',
  // the paragraph planner
  planParagraphs: 'analysis/incremental.ts',
  analyzeParagraphJob: 'analysis/incremental.ts',
  splitParagraphs: 'analysis/segmentation.ts',
  // editor queries
  spanAt: 'analysis/queries/lookup.ts',
  sentenceAt: 'analysis/queries/lookup.ts',
  AnalysisLookup: 'analysis/queries/lookup.ts',
  linkedEvents: 'analysis/queries/linked.ts',
  linkedDates: 'analysis/queries/linked.ts',
  actorKey: 'analysis/queries/names.ts',
  compactName: 'analysis/queries/names.ts',
  dateValueOfPhrase: 'analysis/queries/dateValue.ts',
  // TIMEX reading for the timeline
  calendarParts: 'analysis/dates/timeline.ts',
  compareTimex: 'analysis/dates/timeline.ts',
  // error handling
  errorMessage: 'analysis/errors.ts',
  createGuard: 'server/guard.ts',
  // the newsLens.kinds filter, for every server feature
  shownKinds: 'server/shownKinds.ts',
};

describe('architecture: declared once', () => {
  const files = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file).split(path.sep).join('/'), source: fs.readFileSync(file, 'utf8') }));

  for (const [name, home] of Object.entries(SHARED)) {
    it(`${name} is defined in ${home} only`, () => {
      assert.deepEqual(definitionsOf(name, files), [home]);
    });
  }

  it('the entity kinds are listed only in analysis/kinds.ts (and the semantic token legend, a wire format)', () => {
    assert.deepEqual(kindListsIn(files).sort(), ['analysis/kinds.ts', 'protocol/protocol.ts']);
  });

  it('catches a second definition and a written-out kind list (the checks themselves can fail)', () => {
    const copy = [
      { file: 'a.ts', source: 'export function md(text: string) {}' },
      { file: 'b.ts', source: "const md = (s: string) => s;\nconst KINDS = ['person', 'organization', 'place', 'nationality'];" },
    ];
    assert.deepEqual(definitionsOf('md', copy), ['a.ts', 'b.ts']);
    assert.deepEqual(kindListsIn(copy), ['b.ts']);
  });
});
