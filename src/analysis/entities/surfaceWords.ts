// The words the document-level name propagation (buildActors) reads. Each
// paragraph's words are scanned once and cached with its analysis, so a
// re-analysis after an edit joins the cached lists instead of rescanning the
// whole text; the joined list equals a scan of the whole text (see documentWords).

const INITIALS = /^(?:\p{L}\.)+$/u;

/** Words in text order: lower-case form and offsets. The word itself is `text.slice(start[i], end[i])`. */
export interface WordList {
  readonly lower: readonly string[];
  readonly start: ArrayLike<number>;
  readonly end: ArrayLike<number>;
}

/** A list being built. */
export interface GrowingWordList extends WordList {
  readonly lower: string[];
  readonly start: number[];
  readonly end: number[];
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?/gu;
// The characters a WORD match may contain, as far as one code unit tells (any non-ASCII one might).
const ASCII_WORD_CHAR = /[A-Za-z0-9'.-]/;

export function emptyWordList(): GrowingWordList {
  return { lower: [], start: [], end: [] };
}

/**
 * Appends the words starting in text[from, to), offsets as in `text`. A word
 * never reaches past `to` when `to` is a word boundary (isWordBoundary), so then
 * this reads exactly what a scan of the whole text reads there.
 */
export function scanWords(text: string, from: number, to: number, out: GrowingWordList): GrowingWordList {
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    let word = m[0];
    // A final period is the sentence's, not the word's, except in initials ("U.S.").
    if (word.endsWith('.') && !INITIALS.test(word)) word = word.slice(0, -1);
    // A possessive ending is left out.
    if (/['’]s$/u.test(word)) word = word.slice(0, -2);
    if (!word) continue;
    out.lower.push(word.toLowerCase());
    out.start.push(m.index);
    out.end.push(m.index + word.length);
  }
  WORD.lastIndex = 0;
  return out;
}

/** The words of a whole text. */
export function surfaceWords(text: string): GrowingWordList {
  return scanWords(text, 0, text.length, emptyWordList());
}

/** A list kept in a cache: offsets packed, relative to its text; each distinct word stored once. */
export function compactWordList(words: WordList): WordList {
  return { lower: words.lower.map(shared), start: Int32Array.from(words.start), end: Int32Array.from(words.end) };
}

// Most words recur ("the", "said", a name): the cached lists of a long article share one copy of each.
const sharedWords = new Map<string, string>();
function shared(word: string): string {
  const known = sharedWords.get(word);
  if (known !== undefined) return known;
  if (sharedWords.size > 100_000) sharedWords.clear();
  sharedWords.set(word, word);
  return word;
}

/** No word can contain both text[at - 1] and text[at]: a scan may stop or start at `at` without cutting one. */
export function isWordBoundary(text: string, at: number): boolean {
  return at <= 0 || at >= text.length || !mayBeInWord(text.charCodeAt(at - 1)) || !mayBeInWord(text.charCodeAt(at));
}

function mayBeInWord(code: number): boolean {
  if (code < 128) return ASCII_WORD_CHAR.test(String.fromCharCode(code));
  // Whitespace is never part of a word; anything else non-ASCII (letters, ’, surrogate halves) may be.
  return !/\s/.test(String.fromCharCode(code));
}
