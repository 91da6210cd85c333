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
// the brat synonyms ORG, LOC, GPE… are accepted too). Lines starting with # are
// comments. Matching is case-sensitive on whole words. Columns may also be
// separated by two or more spaces, for editors that turn tabs into spaces.
import type { EntityType, LexiconEntry, Span } from '../types';
import { BRAT_TYPE, labelOfBratType } from './brat';

export const LEXICON_FILE_NAME = 'news-lens.lexicon.tsv';

export interface LexiconError {
  line: number;
  message: string;
}

export interface LexiconParseResult {
  entries: LexiconEntry[];
  errors: LexiconError[];
}

export function parseLexicon(content: string): LexiconParseResult {
  const entries = new Map<string, LexiconEntry>();
  const errors: LexiconError[] = [];
  const lines = (typeof content === 'string' ? content : '').replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const columns = (raw.includes('\t') ? raw.split('\t') : raw.split(/ {2,}/)).map((c) => c.trim());
    const [text, kind, canonical] = columns;
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
  return { entries: [...entries.values()], errors };
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
    const first = (raw.includes('\t') ? raw.split('\t') : raw.split(/ {2,}/))[0].trim();
    return first === text;
  });
  if (index >= 0) lines[index] = formatted;
  else {
    if (!lines.length) lines.push(...HEADER);
    lines.push(formatted);
  }
  return lines.join(eol) + eol;
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
