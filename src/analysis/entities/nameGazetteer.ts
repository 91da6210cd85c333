// Proper names from WordNet (scripts/build-name-gazetteer.mjs): groups, locations and persons
// that the tagger's training news never saw. A feature for the tagger, never a decision.
import { rememberBounded } from '../boundedCache';
import { WORDNET_NAMES } from './data/wordnetNames.generated';
import { lowerBoundLine } from './sortedLines';

export interface NameEntry {
  words: string[];
  /** Classes of the name, sorted: o (group), l (location), p (person), e.g. "lp" for "washington". */
  classes: string;
}

// The table is one line a name, "name<TAB>classes", sorted by name, and is searched where it
// lies: the names that start with a word are consecutive lines, found by binary search when
// the word first comes up (a Map of all 15,000 names cost milliseconds and garbage at every start-up).
const MAX_REMEMBERED = 20_000;
const remembered = new Map<string, NameEntry[]>();

/** The names whose first word is `word`, longest first. */
function namesStartingWith(word: string): NameEntry[] {
  return remembered.get(word) ?? rememberBounded(remembered, MAX_REMEMBERED, word, findNames(WORDNET_NAMES, word));
}

export function findNames(text: string, word: string): NameEntry[] {
  const found: NameEntry[] = [];
  const longer = `${word} `;
  for (let lineStart = lowerBoundLine(text, word, '\t'); lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let tab = text.indexOf('\t', lineStart);
    if (tab < 0 || tab > lineEnd) tab = lineEnd;
    const name = text.slice(lineStart, tab);
    if (name !== word && !name.startsWith(longer)) break;
    found.push({ words: name.split(' '), classes: text.slice(Math.min(tab + 1, lineEnd), lineEnd) });
    lineStart = lineEnd + 1;
  }
  if (found.length > 1) found.sort((a, b) => b.words.length - a.words.length);
  return found;
}

const INSIDE = new Set(['of', 'the', 'and', 'de', 'du', 'da', 'al', 'el', 'for', 'in', 'on', 'y', 'la', 'le']);

// "B-lp" and "I-lp" for classes "lp": the few class sets, each made once.
const positionTags = new Map<string, [string, string]>();
function positionTag(classes: string, inside: number): string {
  let tags = positionTags.get(classes);
  if (!tags) positionTags.set(classes, (tags = [`B-${classes}`, `I-${classes}`]));
  return tags[inside];
}

/**
 * Longest WordNet name matches over normalised words, left to right: "B-o", "I-o", "B-lp"…
 * per token, or ''. A match opens on a capitalised word or a name particle ("al-Qaeda").
 */
export function matchNames(words: string[], capitalised: boolean[]): string[] {
  const out = new Array<string>(words.length).fill('');
  let i = 0;
  while (i < words.length) {
    const candidates = capitalised[i] || INSIDE.has(words[i]) ? namesStartingWith(words[i]) : undefined;
    let matched = 0;
    if (candidates) {
      for (const entry of candidates) {
        const n = entry.words.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = words[i + k] === entry.words[k] && (capitalised[i + k] || INSIDE.has(words[i + k]));
        if (!ok || !(capitalised[i] || n > 1)) continue;
        for (let k = 0; k < n; k++) out[i + k] = positionTag(entry.classes, k ? 1 : 0);
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}
