// `news-lens story [--format json|md] [--date YYYY-MM-DD] [--lexicon FILE] DIR...`
// Reads every article under the folders (the extensions of src/node/articleFiles.ts;
// prose files only when they open with a dateline or front matter), and prints the
// story across them: actors merged across articles, one timeline, quotes by speaker.
// Writes to stdout only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeArticle,
  buildStory,
  digestArticle,
  errorMessage,
  isValidIsoDate,
  lineIndexAt,
  lineTable,
  looksLikeArticle,
  LruParagraphCache,
  plural,
  readArticleHeader,
  type Story,
  type StoryArticleDigest,
  type StoryLexicon,
  PRONOUN,
} from '../analysis';
import { checkText, decodeUtf8Strict, findLexiconFile, listArticleCandidates, loadLexicon } from '../node';
import { toStoryRecord } from './jsonContract';
import { BATCH_PARAGRAPH_CACHE_ENTRIES } from './limits';
import { loadUserLayer } from './userAnnotations';

export const STORY_USAGE = `usage: news-lens story [--format json|md] [--date YYYY-MM-DD] [--lexicon FILE] DIR...

The story across the articles in DIR and its subfolders: actors merged across
articles (bare surnames, acronyms, titles), one timeline of the notable events
by their own dates, and the quotes of each speaker.

  --format json      one JSON object (default; the contract is in
                     docs/cli-json-contract.md)
  --format md        Markdown: actors across articles, timeline, quotes by speaker
  --date YYYY-MM-DD  the date of articles that have no dateline or front matter
                     (an article's own date is kept: the timeline needs it)
  --lexicon FILE     workspace corrections and merges; default:
                     news-lens.lexicon.tsv in DIR or a parent
  Articles are .news and .article files, and .txt, .md, .markdown, .text files
  that open with a dateline (" date 2025-03-02 …") or front matter.

Exit status: 0 when every article was read; 1 when a folder or an article could
not be read or a folder holds no article (the story of the others is still
printed; nothing is printed when there is no article at all); 2 for a usage error.`;

export interface StoryIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processIo: StoryIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

const FORMATS = ['json', 'md'];

export function runStory(argv: string[], io: StoryIo = processIo): number {
  let format = 'json';
  let date: string | undefined;
  let lexiconFile: string | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string): string | null => {
      if (arg.includes('=')) return arg.slice(arg.indexOf('=') + 1);
      const v = argv[++i];
      return v === undefined ? (io.stderr(`news-lens story: ${name} needs a value\n${STORY_USAGE}\n`), null) : v;
    };
    if (arg === '--help' || arg === '-h') {
      io.stdout(`${STORY_USAGE}\n`);
      return 0;
    } else if (arg === '--format' || arg.startsWith('--format=') || arg === '-f') {
      const v = value('--format');
      if (v === null) return 2;
      format = v;
    } else if (arg === '--date' || arg.startsWith('--date=')) {
      const v = value('--date');
      if (v === null) return 2;
      date = v;
    } else if (arg === '--lexicon' || arg.startsWith('--lexicon=')) {
      const v = value('--lexicon');
      if (v === null) return 2;
      lexiconFile = v;
    } else if (arg === '--') {
      dirs.push(...argv.slice(i + 1));
      i = argv.length;
    } else if (arg.startsWith('-')) {
      io.stderr(`news-lens story: unknown option ${arg}\n${STORY_USAGE}\n`);
      return 2;
    } else dirs.push(arg);
  }
  if (!FORMATS.includes(format)) {
    io.stderr(`news-lens story: unknown format "${format}"; choose json or md\n`);
    return 2;
  }
  if (date !== undefined && !isValidIsoDate(date)) {
    io.stderr(`news-lens story: --date "${date}" is not a valid YYYY-MM-DD date\n`);
    return 2;
  }
  if (!dirs.length) {
    io.stderr(`news-lens story: no folder given\n${STORY_USAGE}\n`);
    return 2;
  }

  let failed = 0;
  // The story's lexicon: --lexicon, else the one in the (first) folder or a parent. Its merges and
  // separations join the articles; each article is analysed with its own nearest lexicon, as annotate does.
  let storyLexicon: StoryLexicon | undefined;
  let explicitEntries;
  const lexiconPath =
    lexiconFile !== undefined ? path.resolve(lexiconFile) : (dirs.map((d) => (isDirectory(d) ? findLexiconFile(d) : null)).find(Boolean) ?? null);
  if (lexiconPath) {
    try {
      const loaded = loadLexicon(lexiconPath);
      if (!loaded) throw new Error('no such file');
      storyLexicon = { entries: loaded.entries, separations: loaded.separations, merges: loaded.merges };
      if (lexiconFile !== undefined) explicitEntries = loaded.entries;
      for (const e of loaded.errors) io.stderr(`news-lens story: warning: ${lexiconFile ?? lexiconPath}:${e.line}: ${e.message}\n`);
    } catch (error) {
      io.stderr(`news-lens story: cannot read the lexicon ${lexiconFile ?? lexiconPath}: ${errorMessage(error)}\n`);
      if (lexiconFile !== undefined) return 2;
      failed++;
    }
  }

  const digests: StoryArticleDigest[] = [];
  const lineStarts = new Map<string, Uint32Array>();
  const cache = new LruParagraphCache(BATCH_PARAGRAPH_CACHE_ENTRIES);
  for (const dir of dirs) {
    if (!isDirectory(dir)) {
      io.stderr(`news-lens story: ${dir}: ${fs.existsSync(dir) ? 'not a folder' : 'no such folder'}\n`);
      failed++;
      continue;
    }
    let found = 0;
    for (const candidate of listArticleCandidates(dir)) {
      const text = readArticle(candidate.file, candidate.always, io);
      if (text === undefined) continue; // not an article
      if (text === null) {
        failed++;
        continue;
      }
      found++;
      const user = loadUserLayer(candidate.file, text, explicitEntries);
      for (const w of user.warnings) io.stderr(`news-lens story: warning: ${w}\n`);
      const referenceDate = date && !readArticleHeader(text).metadata.date ? date : undefined;
      const analysis = analyzeArticle(text, { referenceDate, cache, userAnnotations: user.userAnnotations, lexicon: user.lexicon });
      digests.push(digestArticle(candidate.file, text, analysis));
      lineStarts.set(candidate.file, lineTable(text).starts);
    }
    if (!found) {
      io.stderr(
        `news-lens story: no articles in ${dir} (looked for .news and .article files, and .txt, .md, .markdown, .text files that open with a dateline or front matter)\n`,
      );
      failed++;
    }
  }

  if (!digests.length) return failed ? 1 : 0;
  const story = buildStory(digests, { lexicon: storyLexicon });
  const lineOf = (file: string, offset: number) => lineIndexAt(lineStarts.get(file) ?? [0], offset) + 1; // 1-based
  if (format === 'md') io.stdout(renderMarkdown(story, dirs, lineOf));
  else io.stdout(`${JSON.stringify(toStoryRecord(story, lineOf))}\n`);
  return failed ? 1 : 0;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The article's text; undefined when the file is no article (prose without a header); null after saying why it cannot be read. */
function readArticle(file: string, always: boolean, io: StoryIo): string | null | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (!always) return undefined;
    io.stderr(`news-lens story: cannot read ${file}: ${errorMessage(error)}\n`);
    return null;
  }
  const decoded = decodeUtf8Strict(bytes);
  if ('refusal' in decoded) {
    if (!always) return undefined;
    io.stderr(`news-lens story: ${file}: ${decoded.refusal.message}\n`);
    return null;
  }
  if (!always && !looksLikeArticle(decoded.text)) return undefined;
  const refusal = checkText(decoded.text);
  if (refusal) {
    io.stderr(`news-lens story: ${file}: ${refusal.message}\n`);
    return null;
  }
  return decoded.text;
}

// ---- Markdown ----

function renderMarkdown(story: Story, dirs: string[], lineOf: (file: string, offset: number) => number): string {
  const out: string[] = [];
  const dated = story.articles.filter((a) => a.date).map((a) => a.date!);
  out.push(`# Story: ${dirs.join(', ')}`, '');
  out.push(
    `${plural(story.articles.length, 'article')}${dated.length ? `, ${dated[0]} to ${dated[dated.length - 1]}` : ''}; ${plural(story.actors.length, 'actor')}, ${plural(story.timeline.length, 'notable event')}, ${story.speakers.reduce((n, s) => n + s.quotes.length, 0)} quotes.`,
    '',
  );

  out.push('## Articles', '');
  for (const a of story.articles) out.push(`- ${a.date ?? 'undated'}: ${code(a.id)}${a.title ? ` ${mdLine(a.title)}` : ''}`);
  out.push('');

  out.push('## Actors across articles', '');
  if (!story.actors.length) out.push('No actors.', '');
  for (const a of story.actors) {
    const also = a.aliases.length ? `; also ${a.aliases.map(mdLine).join(', ')}` : '';
    out.push(`- **${mdLine(a.name)}** (${a.type}${also}): ${plural(a.articleCount, 'article')}, ${plural(a.mentionCount, 'mention')}`);
    for (const p of a.appearances)
      out.push(
        `  - ${p.articleDate ?? 'undated'} ${code(`${p.articleId}:${lineOf(p.articleId, p.first.start)}`)}${p.name !== a.name ? ` as ${mdLine(p.name)}` : ''}: ${mdLine(p.sentence)}`,
      );
  }
  out.push('');

  out.push('## Timeline', '', "Notable events by their own date; an event the text gives no date is placed at its article's date.", '');
  if (!story.timeline.length) out.push('No notable events.');
  for (const e of story.timeline) {
    const when = e.sortDate ?? 'undated';
    const source = e.date ? '' : ' (article date)';
    out.push(`- ${when}${source}: ${mdLine(e.summary)} (${code(`${e.articleId}:${lineOf(e.articleId, e.start)}`)})`);
  }
  out.push('');

  out.push('## Quotes by speaker', '');
  if (!story.speakers.length) out.push('No quotes.', '');
  for (const s of story.speakers) {
    out.push(`### ${mdLine(s.name)} (${plural(s.quotes.length, 'quote')})`, '');
    for (const q of s.quotes) {
      // The phrase that names the speaker in this article, when it says more than the name ("a Nordvik Hydro spokesman"); not "she".
      const phrase = q.speakerText && q.speakerText !== s.name && !PRONOUN.test(q.speakerText) ? ` (${mdLine(q.speakerText)})` : '';
      out.push(`- ${q.articleDate ?? 'undated'} ${code(`${q.articleId}:${lineOf(q.articleId, q.start)}`)}: “${mdLine(q.text)}”${phrase}`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/**
 * Text safe inside a Markdown line: no markup characters acting as markup, one line. Narrower
 * than the shared `md` (no backslash before "." or "-") so the raw .md file stays readable.
 */
function mdLine(s: string): string {
  return String(s ?? '')
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function code(s: string): string {
  const clean = String(s).replace(/\s+/g, ' ');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}
