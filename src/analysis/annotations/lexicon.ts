// The workspace lexicon: corrections that apply to every article ("always treat
// 'Air Base 201' as Place"). A plain tab-separated file the user can read, edit
// and commit, `news-lens.lexicon.tsv`:
//
//   # text<TAB>kind[<TAB>canonical name]
//   Air Base 201<TAB>Place
//   AFRICOM<TAB>Organization<TAB>United States Africa Command
//   the Sahel<TAB>Rejected
//
// Kinds: Person, Organization, Place, Nationality, Rejected (case-insensitive;
// the brat synonyms ORG, LOC, GPE… are accepted too). One more kind is for the
// story across articles only, and the per-article analysis never sees it:
//
//   Smith<TAB>Separate<TAB>Adam Smith      ("Smith" is not the same actor as "Adam Smith")
//
// (`Distinct` is accepted as a synonym.) Lines starting with # are
// comments. Matching is case-sensitive on whole words. Columns may also be
// separated by two or more spaces, for editors that turn tabs into spaces.
import type { EntityType, LexiconEntry, Span } from '../types';
import { BRAT_TYPE, labelOfBratType } from './brat';

export const LEXICON_FILE_NAME = 'news-lens.lexicon.tsv';

export interface LexiconError {
  line: number;
  message: string;
}

/** A story-only line: the actor named `text` is never merged with the actor named `from`. */
export interface LexiconSeparation {
  text: string;
  from: string;
}

export interface LexiconParseResult {
  /** What the per-article analysis applies. */
  entries: LexiconEntry[];
  errors: LexiconError[];
  /** Story-only "X<TAB>Separate<TAB>Y" lines, which `entries` never holds. */
  separations: LexiconSeparation[];
}

const SEPARATE_KINDS = new Set(['separate', 'distinct']);
const ENTITY_KINDS: ReadonlySet<string> = new Set<EntityType>(['person', 'organization', 'place', 'nationality']);

function isSeparateKind(kind: string | undefined): boolean {
  return !!kind && SEPARATE_KINDS.has(kind.trim().toLowerCase());
}

function splitColumns(raw: string): string[] {
  return (raw.includes('\t') ? raw.split('\t') : raw.split(/ {2,}/)).map((c) => c.trim());
}

export function parseLexicon(content: string): LexiconParseResult {
  const entries = new Map<string, LexiconEntry>();
  const errors: LexiconError[] = [];
  const separations = new Map<string, LexiconSeparation>();
  const lines = (typeof content === 'string' ? content : '').replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const columns = splitColumns(raw);
    const [text, kind, canonical] = columns;
    if (text && isSeparateKind(kind)) {
      if (!canonical) errors.push({ line, message: `"${kind}" needs the name it is distinct from, e.g. "Smith<TAB>Separate<TAB>Adam Smith"` });
      else if (canonical === text) errors.push({ line, message: `"${text}" cannot be separate from itself` });
      else {
        if (columns.length > 3 && columns.slice(3).some(Boolean)) errors.push({ line, message: 'extra columns after the name are ignored' });
        separations.set(`${text}\u0000${canonical}`, { text, from: canonical });
      }
      return;
    }
    if (!text || !kind) {
      errors.push({ line, message: 'expected "text<TAB>kind", e.g. "Air Base 201<TAB>Place"' });
      return;
    }
    const label = labelOfBratType(kind);
    if (!label || label === 'date') {
      errors.push({ line, message: `"${kind}" is not a kind the lexicon knows (Person, Organization, Place, Nationality, Rejected)` });
      return;
    }
    if (columns.length > 3 && columns.slice(3).some(Boolean)) errors.push({ line, message: 'extra columns after the canonical name are ignored' });
    if (entries.has(text)) errors.push({ line, message: `"${text}" is listed twice; this later line wins` });
    const entry: LexiconEntry = { text, label: label as EntityType | 'rejected' };
    if (canonical && label !== 'rejected') entry.canonical = canonical;
    entries.set(text, entry);
  });
  return { entries: [...entries.values()], errors, separations: [...separations.values()] };
}

/**
 * What one line of a lexicon file is. A writer that refuses to append to a file that is
 * not a lexicon should accept `separation` lines as well as `entry` lines.
 */
export function lexiconLineKind(raw: string): 'blank' | 'comment' | 'entry' | 'separation' | 'invalid' {
  if (typeof raw !== 'string' || raw.trim() === '') return 'blank';
  if (raw.trimStart().startsWith('#')) return 'comment';
  const parsed = parseLexicon(raw);
  if (parsed.entries.length === 1) return 'entry';
  if (parsed.separations.length === 1) return 'separation';
  return 'invalid';
}

function formatEntry(entry: LexiconEntry): string {
  const kind = BRAT_TYPE[entry.label];
  return entry.canonical ? `${entry.text}\t${kind}\t${entry.canonical}` : `${entry.text}\t${kind}`;
}

const HEADER = [
  '# News Lens lexicon: corrections applied to every article in this folder and below.',
  '# One per line: text<TAB>kind[<TAB>canonical name]. Kinds: Person, Organization, Place, Nationality, Rejected.',
];

/**
 * Adds an entry, or replaces the line for the same text, leaving every other
 * line (comments included) exactly as written.
 */
export function upsertLexiconEntry(content: string, entry: LexiconEntry): string {
  if (/[\t\r\n]/.test(entry.text) || !entry.text.trim()) throw new Error('a lexicon entry must be one line of text without tabs');
  const eol = /\r\n/.test(content) ? '\r\n' : '\n';
  const lines = content ? content.split(/\r\n|\n|\r/) : [];
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const text = entry.text.trim();
  const formatted = formatEntry({ ...entry, text });
  const index = lines.findIndex((raw) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return false;
    const columns = splitColumns(raw);
    return columns[0] === text && !isSeparateKind(columns[1]);
  });
  if (index >= 0) lines[index] = formatted;
  else {
    if (!lines.length) lines.push(...HEADER);
    lines.push(formatted);
  }
  return lines.join(eol) + eol;
}

/**
 * The lexicon after "merge the actor `from` into `into`" across the story: any Separate
 * line between the two names goes, and `from` gets `into` as its canonical name (typed as
 * `into`), which also merges the two within each article. Every other line stays as written.
 * Null when the request makes no sense (empty or multi-line names, the same name twice).
 */
export function mergeActorLexiconEdit(content: string, from: { name: string; type?: EntityType }, into: { name: string; type: EntityType }): string | null {
  const text = cleanName(from?.name);
  const canonical = cleanName(into?.name);
  if (!text || !canonical || !into || !ENTITY_KINDS.has(into.type)) return null;
  if (text === canonical && from.type === into.type) return null;
  const kept = removeSeparations(typeof content === 'string' ? content : '', text, canonical);
  return upsertLexiconEntry(kept, text === canonical ? { text, label: into.type } : { text, label: into.type, canonical });
}

/**
 * The lexicon after "split `name` from `from`": a Separate line, and `name` loses a
 * canonical name of `from` it had from an earlier merge (its kind stays). Null when
 * the names are empty, multi-line or the same, or when the line is already there.
 */
export function splitActorLexiconEdit(content: string, name: string, from: string): string | null {
  const text = cleanName(name);
  const other = cleanName(from);
  if (!text || !other || text === other) return null;
  let current = typeof content === 'string' ? content : '';
  const parsed = parseLexicon(current);
  if (parsed.separations.some((s) => (s.text === text && s.from === other) || (s.text === other && s.from === text))) return null;
  for (const e of parsed.entries) {
    // An earlier "merge X into Y" of either name into the other is undone, keeping the kind.
    if ((e.text === text && e.canonical === other) || (e.text === other && e.canonical === text)) current = upsertLexiconEntry(current, { text: e.text, label: e.label });
  }
  const eol = /\r\n/.test(current) ? '\r\n' : '\n';
  const lines = current ? current.split(/\r\n|\n|\r/) : [];
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (!lines.length) lines.push(...HEADER);
  lines.push(`${text}\tSeparate\t${other}`);
  return lines.join(eol) + eol;
}

function cleanName(name: unknown): string | null {
  if (typeof name !== 'string' || /[\t\r\n]/.test(name)) return null;
  return name.trim() || null;
}

/** The content without Separate lines between the two names (either way round). */
function removeSeparations(content: string, a: string, b: string): string {
  if (!content) return content;
  const eol = /\r\n/.test(content) ? '\r\n' : '\n';
  const lines = content.split(/\r\n|\n|\r/);
  const kept = lines.filter((raw) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return true;
    const [text, kind, other] = splitColumns(raw);
    return !(isSeparateKind(kind) && ((text === a && other === b) || (text === b && other === a)));
  });
  return kept.length === lines.length ? content : kept.join(eol);
}

export interface LexiconMatch extends Span {
  entry: LexiconEntry;
}

const compiled = new WeakMap<readonly LexiconEntry[], { re: RegExp; byText: Map<string, LexiconEntry> } | null>();

function compile(entries: readonly LexiconEntry[]) {
  let c = compiled.get(entries);
  if (c !== undefined) return c;
  const byText = new Map<string, LexiconEntry>();
  for (const e of entries) if (e && typeof e.text === 'string' && e.text.trim()) byText.set(e.text.trim(), e);
  if (!byText.size) c = null;
  else {
    // Longest first, so "Air Base 201" wins over "Air Base".
    const alternatives = [...byText.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    c = { re: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'gu'), byText };
  }
  compiled.set(entries, c);
  return c;
}

/** Whole-word, case-sensitive, leftmost-longest occurrences of lexicon entries in `text` from `from`. */
export function findLexiconMatches(text: string, entries: readonly LexiconEntry[], from = 0): LexiconMatch[] {
  const c = compile(entries);
  if (!c) return [];
  const out: LexiconMatch[] = [];
  c.re.lastIndex = from;
  for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
    const entry = c.byText.get(m[0]);
    if (entry) out.push({ start: m.index, end: m.index + m[0].length, entry });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); // `-` must not be escaped under the u flag
}
