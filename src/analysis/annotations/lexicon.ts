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
// the brat synonyms ORG, LOC, GPE… are accepted too). Two more kinds are for the
// story across articles only, and the per-article analysis never sees them:
//
//   Brenner<TAB>Same<TAB>Tomas Brenner     (the actor named "Brenner" is Tomas Brenner)
//   Smith<TAB>Separate<TAB>Adam Smith      ("Smith" is not the same actor as "Adam Smith")
//
// (`Distinct` is accepted for Separate.) A story merge is not written as a canonical
// name ("Brenner<TAB>Person<TAB>Tomas Brenner"): that line would also tag the "Brenner"
// inside "Paul Brenner" in every article. Lines starting with # are
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

/** A story-only line: the actor named `text` is the actor named `into`, across the story. */
export interface LexiconMerge {
  text: string;
  into: string;
}

export interface LexiconParseResult {
  /** What the per-article analysis applies. */
  entries: LexiconEntry[];
  errors: LexiconError[];
  /** Story-only "X<TAB>Separate<TAB>Y" lines, which `entries` never holds. */
  separations: LexiconSeparation[];
  /** Story-only "X<TAB>Same<TAB>Y" lines, which `entries` never holds; one per text. */
  merges: LexiconMerge[];
}

const SEPARATE_KINDS = new Set(['separate', 'distinct']);
const SAME_KINDS = new Set(['same']);

function isSameKind(kind: string | undefined): boolean {
  return !!kind && SAME_KINDS.has(kind.trim().toLowerCase());
}

function isStoryKind(kind: string | undefined): boolean {
  return isSeparateKind(kind) || isSameKind(kind);
}

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
  const merges = new Map<string, LexiconMerge>();
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
    if (text && isSameKind(kind)) {
      if (!canonical) errors.push({ line, message: `"${kind}" needs the name of the actor it is, e.g. "Brenner<TAB>Same<TAB>Tomas Brenner"` });
      else if (canonical === text) errors.push({ line, message: `"${text}" is the same as itself; the line does nothing` });
      else {
        if (columns.length > 3 && columns.slice(3).some(Boolean)) errors.push({ line, message: 'extra columns after the name are ignored' });
        if (merges.has(text)) errors.push({ line, message: `"${text}" is merged twice; this later line wins` });
        merges.set(text, { text, into: canonical });
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
  return { entries: [...entries.values()], errors, separations: [...separations.values()], merges: [...merges.values()] };
}

/**
 * What one line of a lexicon file is. A writer that refuses to append to a file that is
 * not a lexicon should accept `separation` lines as well as `entry` lines.
 */
export function lexiconLineKind(raw: string): 'blank' | 'comment' | 'entry' | 'separation' | 'merge' | 'invalid' {
  if (typeof raw !== 'string' || raw.trim() === '') return 'blank';
  if (raw.trimStart().startsWith('#')) return 'comment';
  const parsed = parseLexicon(raw);
  if (parsed.entries.length === 1) return 'entry';
  if (parsed.separations.length === 1) return 'separation';
  if (parsed.merges.length === 1) return 'merge';
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
    return columns[0] === text && !isStoryKind(columns[1]);
  });
  if (index >= 0) lines[index] = formatted;
  else {
    if (!lines.length) lines.push(...HEADER);
    lines.push(formatted);
  }
  return lines.join(eol) + eol;
}

/**
 * The lexicon after "merge the actor `from` into `into`" across the story: a line
 * `from<TAB>Same<TAB>into` (replacing an earlier Same line for `from`), and any Separate or
 * Same line between the two the other way round goes. The per-article analysis is left as
 * it was. Every other line stays as written. Null when there is nothing to write: empty or
 * multi-line names, the same name twice, or the merge already written.
 * (`type` is accepted for callers that have it; a Same line needs none.)
 */
export function mergeActorLexiconEdit(content: string, from: { name: string; type?: EntityType }, into: { name: string; type?: EntityType }): string | null {
  const text = cleanName(from?.name);
  const target = cleanName(into?.name);
  if (!text || !target || text === target) return null;
  const current = typeof content === 'string' ? content : '';
  if (parseLexicon(current).merges.some((m) => m.text === text && m.into === target)) return null;
  const kept = removeStoryLines(
    current,
    (line) => (line.text === text && (line.same || line.other === target)) || (line.text === target && line.other === text),
  );
  return appendLine(kept, `${text}\tSame\t${target}`, !current.trim());
}

/**
 * The lexicon after "split `name` from `from`": a Separate line; a Same line between the
 * two goes, and a canonical name of one for the other (an earlier merge written as a kind
 * line) is dropped, keeping the kind. Null when the names are empty, multi-line or the
 * same, or when the split is already written.
 */
export function splitActorLexiconEdit(content: string, name: string, from: string): string | null {
  const text = cleanName(name);
  const other = cleanName(from);
  if (!text || !other || text === other) return null;
  let current = typeof content === 'string' ? content : '';
  const parsed = parseLexicon(current);
  if (parsed.separations.some((s) => (s.text === text && s.from === other) || (s.text === other && s.from === text))) return null;
  for (const e of parsed.entries) {
    if ((e.text === text && e.canonical === other) || (e.text === other && e.canonical === text))
      current = upsertLexiconEntry(current, { text: e.text, label: e.label });
  }
  current = removeStoryLines(current, (line) => line.same && ((line.text === text && line.other === other) || (line.text === other && line.other === text)));
  return appendLine(current, `${text}\tSeparate\t${other}`, !(typeof content === 'string' && content.trim()));
}

function cleanName(name: unknown): string | null {
  if (typeof name !== 'string' || /[\t\r\n]/.test(name)) return null;
  return name.trim() || null;
}

/** `header`: the file is new, so it gets the explanatory comment lines first. */
function appendLine(content: string, line: string, header: boolean): string {
  const eol = /\r\n/.test(content) ? '\r\n' : '\n';
  const lines = content ? content.split(/\r\n|\n|\r/) : [];
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (header && !lines.length) lines.push(...HEADER);
  lines.push(line);
  return lines.join(eol) + eol;
}

/** The content without the Same and Separate lines `drop` picks; the other lines as written. */
function removeStoryLines(content: string, drop: (line: { text: string; other: string; same: boolean }) => boolean): string {
  if (!content) return content;
  const eol = /\r\n/.test(content) ? '\r\n' : '\n';
  const lines = content.split(/\r\n|\n|\r/);
  const kept = lines.filter((raw) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return true;
    const [text, kind, other] = splitColumns(raw);
    return !(isStoryKind(kind) && drop({ text, other: other ?? '', same: isSameKind(kind) }));
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
