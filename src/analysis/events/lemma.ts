// Lemmas from compromise's own inflection models (no second parse: these are
// pure string transforms over the model compromise already loaded).
import nlp from 'compromise';
import { rememberBounded } from '../boundedCache';
import type { Token } from '../parse';

interface Transforms {
  verb: { toInfinitive(word: string, model: unknown, tense?: string): string };
  noun: { toSingular(word: string, model: unknown): string };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
let world: { model: any; transform: Transforms } | null | undefined;

function getWorld() {
  if (world !== undefined) return world;
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
    const w = (nlp as any).world();
    world = { model: w.model, transform: w.methods.two.transform as Transforms };
  } catch {
    world = null; // fall back to the surface form
  }
  return world;
}

const VERB_TENSES = ['Gerund', 'Participle', 'PastTense', 'PresentTense'] as const;

/**
 * compromise's inflection transforms rebuild lookup tables on each call; news repeats its
 * words, so results are remembered (bounded).
 */
const MAX_REMEMBERED = 20_000;
const verbLemmas = new Map<string, string>();
const nounLemmas = new Map<string, string>();
const remember = (cache: Map<string, string>, key: string, value: string) => rememberBounded(cache, MAX_REMEMBERED, key, value);

/** Infinitive of a verb form ("withdrawn" → "withdraw"); the word itself when unknown. */
export function verbLemma(word: string, tags?: ReadonlySet<string>): string {
  const tense = tags ? (VERB_TENSES.find((t) => tags.has(t)) ?? '') : '';
  const key = `${word}\u0000${tense}`;
  return verbLemmas.get(key) ?? remember(verbLemmas, key, computeVerbLemma(word, tags));
}

function computeVerbLemma(word: string, tags?: ReadonlySet<string>): string {
  const w = getWorld();
  const lower = word.toLowerCase();
  if (!w) return lower;
  try {
    let tense: string | undefined = tags ? VERB_TENSES.find((t) => tags.has(t)) : undefined;
    if (!tense) {
      if (/ing$/.test(lower)) tense = 'Gerund';
      else if (/(ed|en|wn)$/.test(lower)) tense = 'PastTense';
      else if (/s$/.test(lower)) tense = 'PresentTense';
    }
    if (!tense) return lower;
    let inf = w.transform.verb.toInfinitive(lower, w.model, tense);
    // Regular participles ("injured") are only in the past-tense model, irregular ones ("withdrawn") only in the participle one.
    if (inf === lower && (tense === 'Participle' || tense === 'PastTense')) {
      inf = w.transform.verb.toInfinitive(lower, w.model, tense === 'Participle' ? 'PastTense' : 'Participle');
    }
    return typeof inf === 'string' && inf ? inf : lower;
  } catch {
    return lower;
  }
}

/** Singular of a noun form ("bombings" → "bombing"). */
export function nounLemma(word: string): string {
  return nounLemmas.get(word) ?? remember(nounLemmas, word, computeNounLemma(word));
}

function computeNounLemma(word: string): string {
  const w = getWorld();
  const lower = word.toLowerCase();
  if (!w || !/s$/.test(lower)) return lower;
  try {
    const s = w.transform.noun.toSingular(lower, w.model);
    return typeof s === 'string' && s ? s : lower;
  } catch {
    return lower;
  }
}

/** The token's word without surrounding apostrophes or punctuation compromise may keep. */
export function wordOf(t: Token): string {
  const source = t.normal || t.text;
  const known = words.get(source);
  if (known !== undefined) return known;
  return rememberBounded(words, MAX_WORDS, source, trimToLetterOrDigit(source.toLowerCase()));
}

// The events code asks for a token's word many times over; news repeats its words.
const words = new Map<string, string>();
const MAX_WORDS = 20_000;

const isAsciiLetterOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** `s` without leading and trailing characters other than a-z and 0-9 (as `replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')`). */
export function trimToLetterOrDigit(s: string): string {
  let start = 0;
  while (start < s.length && !isAsciiLetterOrDigit(s.charCodeAt(start))) start++;
  let end = s.length;
  while (end > start && !isAsciiLetterOrDigit(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * The infinitive when `word` is an irregular past tense that compromise also knows as a
 * noun ("rose" → "rise", "fell" → "fall"); null otherwise. Regular "-ed" forms are not
 * ambiguous this way, and stripping their ending would invent words ("need" → "nee").
 */
export function irregularPastInfinitive(word: string): string | null {
  const w = getWorld();
  const lower = word.toLowerCase();
  if (!w || /ed$/.test(lower) || !/^[a-z]+$/.test(lower)) return null;
  try {
    const inf = w.transform.verb.toInfinitive(lower, w.model, 'PastTense');
    return typeof inf === 'string' && inf && inf !== lower && w.model?.one?.lexicon?.[inf] !== undefined ? inf : null;
  } catch {
    return null;
  }
}
