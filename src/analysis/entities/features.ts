// Token features for the entity tagger. Shared by run time and by
// scripts/train-entity-model.mjs, so the model sees the same features in both.
import type { ParsedParagraph, Token } from '../parse';
import { type GazetteerEntry, gazetteerEntriesOf, type GazetteerKind, matchGazetteer, normalizeWord, stripPossessive } from './gazetteer';
import { isTitleWord } from './titles';
import { wordCluster } from './wordClusters';
import { matchNames } from './nameGazetteer';
import { hasLetter, hasLower, hasUpper, isSpace, startsUpper } from '../letters';
import { rememberBounded } from '../boundedCache';

/** compromise tags worth a feature; the rest are noise for names. */
const USEFUL_TAGS = [
  'Person',
  'FirstName',
  'LastName',
  'MaleName',
  'FemaleName',
  'Honorific',
  'Organization',
  'Place',
  'Country',
  'City',
  'Region',
  'Demonym',
  'ProperNoun',
  'Acronym',
  'Abbreviation',
  'Verb',
  'Adjective',
  'Preposition',
  'Determiner',
  'Value',
  'Date',
  'Month',
  'WeekDay',
  'Pronoun',
  'Conjunction',
  'Plural',
  'Possessive',
  'Adverb',
  'SportsTeam',
  'Company',
  'School',
];

/** Per-paragraph token facts that the features read. */
export interface PreparedTokens {
  tokens: Token[];
  /** Token text without a possessive ending. */
  words: string[];
  lower: string[];
  shapes: string[];
  /** Written as a name: capitalised, or judged so in an all-caps headline. */
  capitalised: boolean[];
  tags: string[][];
  /** Gazetteer position and kind ("B-country", "I-city") or ''. */
  gazetteer: string[];
  gazetteerKind: Array<GazetteerKind | null>;
  gazetteerIso: string[];
  /** The token's sentence is written in capitals (a headline or dateline). */
  allCaps: boolean[];
  sentenceStart: boolean[];
  /** Position in a run of capitalised words (B, I, E or S for a single word) and the run's length, or ''. */
  runPosition: string[];
  /** Word-cluster path of the lower-cased word (wordClusters.ts), or ''. */
  clusters: string[];
  /** WordNet proper-name match ("B-o", "I-lp") or '' (nameGazetteer.ts). */
  names: string[];
  /** `tags` as a bit set: bit k for USEFUL_TAGS[k] (tagMaskOf). */
  tagMasks: number[];
  /** The word titles a person (isTitleWord). */
  titleWords: boolean[];
}

export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    // ASCII without the regular expressions (most characters); the same classes as below.
    const c =
      code < 128
        ? code >= 65 && code <= 90
          ? 'X'
          : code >= 97 && code <= 122
            ? 'x'
            : code >= 48 && code <= 57
              ? 'd'
              : ch
        : hasUpper(ch)
          ? 'X'
          : hasLower(ch)
            ? 'x'
            : ch;
    if (c === last) {
      if (++run > 2) continue;
    } else {
      last = c;
      run = 1;
    }
    shape += c;
  }
  return shape;
}

/** What prepareTokens reads off a token's text alone; news repeats its words, so it is kept per text. */
interface WordFacts {
  word: string;
  lower: string;
  shape: string;
  startsUpper: boolean;
  hasLetter: boolean;
  cluster: string;
  title: boolean;
  /** Gazetteer entries that start with `lower` (looked up once per word: the table is large). */
  places: GazetteerEntry[] | undefined;
}

const wordFacts = new Map<string, WordFacts>();
const WORD_FACTS_MAX = 20_000;

function factsOf(text: string): WordFacts {
  const known = wordFacts.get(text);
  if (known) return known;
  const word = stripPossessive(text);
  const lower = normalizeWord(word);
  return rememberBounded(wordFacts, WORD_FACTS_MAX, text, {
    word,
    lower,
    shape: wordShape(word),
    startsUpper: startsUpper(word),
    hasLetter: hasLetter(word),
    cluster: wordCluster(word.toLowerCase()) || wordCluster(lower),
    title: isTitleWord(word),
    places: gazetteerEntriesOf(lower),
  });
}

const TAG_BIT = new Map(USEFUL_TAGS.map((tag, k) => [tag, 1 << k]));
const ACRONYM_BIT = TAG_BIT.get('Acronym')!;
const tagLists = new Map<number, string[]>();

/** The USEFUL_TAGS a token carries, as a bit set. */
export function tagMaskOf(tags: ReadonlySet<string>): number {
  let mask = 0;
  for (const tag of tags) mask |= TAG_BIT.get(tag) ?? 0;
  return mask;
}

/** The tags of a bit set in USEFUL_TAGS order; one shared array per set (read only). */
function tagList(mask: number): string[] {
  let list = tagLists.get(mask);
  if (!list) {
    list = USEFUL_TAGS.filter((_, k) => mask & (1 << k));
    tagLists.set(mask, list);
  }
  return list;
}

const GAZETTEER_POSITION: Record<GazetteerKind, [string, string]> = {
  country: ['B-country', 'I-country'],
  city: ['B-city', 'I-city'],
  region: ['B-region', 'I-region'],
  demonym: ['B-demonym', 'I-demonym'],
};
// runPosition values: RUN_POSITION[length][0..3] = S, B, I, E followed by the capped length.
const RUN_POSITION = [0, 1, 2, 3, 4].map((length) => ['S', 'B', 'I', 'E'].map((x) => `${x}${length}`));

const CLOSED_CLASS = ['Verb', 'Adjective', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Value', 'Date', 'QuestionWord', 'Modal', 'Copula'];

export function prepareTokens(parsed: ParsedParagraph): PreparedTokens {
  const { tokens } = parsed;
  const n = tokens.length;
  const words = new Array<string>(n);
  const lower = new Array<string>(n);
  const shapes = new Array<string>(n);
  const capitalised = new Array<boolean>(n);
  const tags = new Array<string[]>(n);
  const allCaps = new Array<boolean>(n).fill(false);
  const sentenceStart = new Array<boolean>(n).fill(false);
  for (const [first, last] of parsed.sentenceTokens) {
    if (first < n) sentenceStart[first] = true;
    let letters = 0;
    let upper = 0;
    for (let i = first; i < last; i++) {
      for (const ch of tokens[i].text) {
        const code = ch.charCodeAt(0);
        if (code < 128) {
          if (code >= 65 && code <= 90) {
            letters++;
            upper++;
          } else if (code >= 97 && code <= 122) letters++;
        } else if (hasLetter(ch)) {
          letters++;
          if (hasUpper(ch)) upper++;
        }
      }
    }
    const caps = letters >= 8 && upper / letters > 0.9 && last - first >= 2;
    for (let i = first; i < last; i++) allCaps[i] = caps;
  }
  const tagMasks = new Array<number>(n);
  const titleWords = new Array<boolean>(n);
  const clusters = new Array<string>(n);
  const places = new Array<GazetteerEntry[] | undefined>(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const facts = factsOf(t.text);
    const word = facts.word;
    words[i] = word;
    lower[i] = facts.lower;
    clusters[i] = facts.cluster;
    titleWords[i] = facts.title;
    places[i] = facts.places;
    // In an all-caps line compromise calls every short word an acronym; that says nothing there.
    const mask = allCaps[i] ? tagMaskOf(t.tags) & ~ACRONYM_BIT : tagMaskOf(t.tags);
    tagMasks[i] = mask;
    tags[i] = tagList(mask);
    if (allCaps[i]) {
      // Case says nothing in a headline; judge "name-like" from the lexicon instead.
      const nameLike =
        t.tags.has('ProperNoun') ||
        t.tags.has('Person') ||
        t.tags.has('Place') ||
        t.tags.has('Organization') ||
        (!CLOSED_CLASS.some((tag) => t.tags.has(tag)) && !t.tags.has('Noun'));
      capitalised[i] = nameLike && facts.hasLetter;
      shapes[i] = capitalised[i] ? (word.length <= 4 && t.tags.has('Acronym') ? 'X' : 'Xx') : 'x';
    } else {
      capitalised[i] = facts.startsUpper;
      shapes[i] = facts.shape;
    }
  }
  const gazetteer = new Array<string>(n).fill('');
  const gazetteerKind = new Array<GazetteerKind | null>(n).fill(null);
  const gazetteerIso = new Array<string>(n).fill('');
  for (const m of matchGazetteer(lower, capitalised, places)) {
    for (let i = m.start; i < m.end; i++) {
      gazetteer[i] = GAZETTEER_POSITION[m.entry.kind][i === m.start ? 0 : 1];
      gazetteerKind[i] = m.entry.kind;
      gazetteerIso[i] = m.entry.iso2;
    }
  }
  const runPosition = new Array<string>(n).fill('');
  for (let i = 0; i < n;) {
    if (!capitalised[i]) {
      i++;
      continue;
    }
    let last = i + 1;
    while (last < n && capitalised[last] && tokens[last].sentenceIndex === tokens[i].sentenceIndex && !/[,;:()"“”]/.test(tokens[last - 1].post)) last++;
    const length = Math.min(last - i, 4);
    const positions = RUN_POSITION[length];
    for (let k = i; k < last; k++) runPosition[k] = positions[last - i === 1 ? 0 : k === i ? 1 : k === last - 1 ? 3 : 2];
    i = last;
  }
  const names = matchNames(lower, capitalised);
  return {
    tokens,
    words,
    lower,
    shapes,
    capitalised,
    tags,
    gazetteer,
    gazetteerKind,
    gazetteerIso,
    allCaps,
    sentenceStart,
    runPosition,
    clusters,
    names,
    tagMasks,
    titleWords,
  };
}

function punct(s: string): string {
  return s.replace(/\s+/g, '').slice(0, 3);
}

/** Features of token i that do not depend on earlier decisions. */
export function staticFeatures(p: PreparedTokens, i: number): string[] {
  const f: string[] = ['b'];
  const w = p.lower[i];
  const t = p.tokens[i];
  const sameSentence = (j: number) => j >= 0 && j < p.tokens.length && p.tokens[j].sentenceIndex === t.sentenceIndex;
  const lw = (j: number) => (sameSentence(j) ? p.lower[j] : j < i ? '<s>' : '</s>');
  const sh = (j: number) => (sameSentence(j) ? p.shapes[j] : j < i ? '<s>' : '</s>');
  f.push(`w=${w}`, `s=${p.shapes[i]}`);
  if (w.length > 3) f.push(`x3=${w.slice(-3)}`, `p3=${w.slice(0, 3)}`);
  f.push(`w-1=${lw(i - 1)}`, `w+1=${lw(i + 1)}`, `w-2=${lw(i - 2)}`, `w+2=${lw(i + 2)}`);
  f.push(`s-1=${sh(i - 1)}|${p.shapes[i]}`, `s+1=${p.shapes[i]}|${sh(i + 1)}`);
  f.push(`w-1w=${lw(i - 1)}|${w}`, `ww+1=${w}|${lw(i + 1)}`);
  for (const tag of p.tags[i]) f.push(`t=${tag}`);
  if (sameSentence(i - 1)) for (const tag of p.tags[i - 1]) f.push(`t-1=${tag}`);
  if (sameSentence(i + 1)) for (const tag of p.tags[i + 1]) f.push(`t+1=${tag}`);
  if (p.gazetteer[i]) f.push(`g=${p.gazetteer[i]}`);
  if (sameSentence(i - 1) && p.gazetteer[i - 1]) f.push(`g-1=${p.gazetteer[i - 1]}`);
  if (sameSentence(i + 1) && p.gazetteer[i + 1]) f.push(`g+1=${p.gazetteer[i + 1]}`);
  if (p.sentenceStart[i]) f.push('first');
  if (p.runPosition[i]) f.push(`run=${p.runPosition[i]}`, `runS=${p.runPosition[i]}|${p.shapes[i]}`);
  if (w.length > 2) f.push(`x2=${w.slice(-2)}`);
  if (w.length > 4) f.push(`x4=${w.slice(-4)}`);
  if (sameSentence(i - 1) && isTitleWord(p.words[i - 1]) && p.capitalised[i - 1]) f.push('title-1');
  if (sameSentence(i - 2) && isTitleWord(p.words[i - 2]) && p.capitalised[i - 2] && p.capitalised[i - 1]) f.push('title-2');
  f.push(`s-1s+1=${sh(i - 1)}|${sh(i + 1)}`);
  if (p.allCaps[i]) f.push('caps');
  if (t.text !== p.words[i]) f.push('poss');
  const pre = punct(t.pre);
  const post = punct(t.post);
  if (pre) f.push(`pre=${pre}`);
  if (post) f.push(`post=${post}`);
  if (sameSentence(i - 1)) {
    const pp = punct(p.tokens[i - 1].post);
    if (pp) f.push(`post-1=${pp}`);
  }
  const c = p.clusters[i];
  if (c) f.push(`c1=${c[0]}`, `c2=${c.slice(0, 2)}`, `c3=${c}`, `c3s=${c}|${p.shapes[i]}`);
  else f.push(`c=none|${p.shapes[i]}`);
  if (sameSentence(i - 1) && p.clusters[i - 1]) f.push(`c2-1=${p.clusters[i - 1].slice(0, 2)}`);
  if (sameSentence(i + 1) && p.clusters[i + 1]) f.push(`c2+1=${p.clusters[i + 1].slice(0, 2)}`);
  if (w.length > 1) f.push(`p1=${w[0]}|${p.shapes[i]}`);
  if (w.length > 4) f.push(`p4=${w.slice(0, 4)}`);
  if (p.names[i]) f.push(`wn=${p.names[i]}`);
  if (sameSentence(i - 1) && p.names[i - 1]) f.push(`wn-1=${p.names[i - 1]}`);
  if (sameSentence(i + 1) && p.names[i + 1]) f.push(`wn+1=${p.names[i + 1]}`);
  return f;
}

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];

/** A label may only continue an entity of its own kind. */
export function allowed(label: string, prev: string): boolean {
  if (!label.startsWith('I-')) return true;
  const kind = label.slice(2);
  return prev === `B-${kind}` || prev === `I-${kind}`;
}

const PLAIN_LOWER = /^\p{Ll}+$/u;
// Lower-case words that may open a name ("al Qaida", "de Gaulle", "van Gogh").
const STARTS_NAME = new Set([
  'al',
  'el',
  'ul',
  'bin',
  'ibn',
  'de',
  'da',
  'di',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'du',
  'la',
  'le',
  'ben',
  'abu',
  'ter',
  'arap',
  'wa',
]);
// Lower-case words that sit inside names ("Bank of England", "Trinidad and Tobago").
const INSIDE_NAME = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'de',
  'du',
  'des',
  'del',
  'la',
  'le',
  'y',
  'et',
  'al',
  'el',
  'bin',
  'van',
  'von',
  'der',
  '&',
]);

/**
 * A plain lower-case word that neither opens a name nor follows a name word cannot be part
 * of one: it is tagged O without scoring (most tokens; the tagger's main saving). Training
 * applies the same rule, so the model never relies on scoring such words.
 */
export function outsideAnyName(p: PreparedTokens, i: number): boolean {
  if (p.allCaps[i] || !PLAIN_LOWER.test(p.tokens[i].text) || STARTS_NAME.has(p.lower[i])) return false;
  if (p.sentenceStart[i] || i === 0) return true;
  const prev = p.tokens[i - 1].text;
  return !(p.capitalised[i - 1] || INSIDE_NAME.has(p.lower[i - 1]) || /\d/.test(prev)) || /[,;:()"“”]/.test(p.tokens[i - 1].post);
}

// ---- The same features as staticFeatures, as their 32-bit FNV-1a hashes (tagger.ts featureHash),
// built without making the strings. Run time only scores features, and the model stores their
// hashes, so hashing the bytes as they are produced gives the same ids with no per-token strings.
// staticFeatures stays the definition (training uses it); a test checks the two agree.

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function mix(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}
function mixRange(h: number, s: string, from: number, to: number): number {
  for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}
const BAR = 0x7c; // '|'
const mixBar = (h: number) => Math.imul(h ^ BAR, FNV_PRIME);
const done = (h: number) => h >>> 0;
const prefix = (s: string) => mix(FNV_OFFSET, s);

/** 32-bit FNV-1a of a feature name: the id the model stores for it. */
export const featureHash = (feature: string): number => done(prefix(feature));

/** The pieces of featureHash, for other feature builders that hash as they build (events). */
export { mix as fnvMix, mixBar as fnvMixBar, done as fnvDone, prefix as fnvPrefix };

const H = {
  b: done(prefix('b')),
  w: prefix('w='),
  s: prefix('s='),
  x3: prefix('x3='),
  p3: prefix('p3='),
  wm1: prefix('w-1='),
  wp1: prefix('w+1='),
  wm2: prefix('w-2='),
  wp2: prefix('w+2='),
  sm1: prefix('s-1='),
  sp1: prefix('s+1='),
  wm1w: prefix('w-1w='),
  wwp1: prefix('ww+1='),
  g: prefix('g='),
  gm1: prefix('g-1='),
  gp1: prefix('g+1='),
  first: done(prefix('first')),
  run: prefix('run='),
  runS: prefix('runS='),
  x2: prefix('x2='),
  x4: prefix('x4='),
  title1: done(prefix('title-1')),
  title2: done(prefix('title-2')),
  sm1sp1: prefix('s-1s+1='),
  caps: done(prefix('caps')),
  poss: done(prefix('poss')),
  pre: prefix('pre='),
  post: prefix('post='),
  postm1: prefix('post-1='),
  c1: prefix('c1='),
  c2: prefix('c2='),
  c3: prefix('c3='),
  c3s: prefix('c3s='),
  cnone: prefix('c=none|'),
  c2m1: prefix('c2-1='),
  c2p1: prefix('c2+1='),
  p1: prefix('p1='),
  p4: prefix('p4='),
  wn: prefix('wn='),
  wnm1: prefix('wn-1='),
  wnp1: prefix('wn+1='),
};
const tagHashes = (p: string) => new Map(USEFUL_TAGS.map((tag) => [tag, done(prefix(`${p}${tag}`))]));
const TAG = tagHashes('t=');
const TAG_BEFORE = tagHashes('t-1=');
const TAG_AFTER = tagHashes('t+1=');

/** `h` extended by punct(s) (whitespace dropped, first 3 code units), or 0 when punct(s) is empty. */
function mixPunct(h: number, s: string): number {
  let kept = 0;
  for (let k = 0; k < s.length && kept < 3; k++) {
    const c = s.charCodeAt(k);
    if (isSpace(c)) continue;
    h = Math.imul(h ^ c, FNV_PRIME);
    kept++;
  }
  return kept ? done(h) : 0;
}

/**
 * Hashes of staticFeatures(p, i), written into `out` (cleared first) so a caller can reuse one
 * array for every token. The same features, grouped for the tagger's caches rather than in
 * staticFeatures' order (scores are sums, so order does not matter): those of the word alone,
 * then the tags, then the context.
 */
export function staticFeatureHashes(p: PreparedTokens, i: number, out: number[]): number[] {
  out.length = 0;
  lexicalFeatureHashes(p.lower[i], p.shapes[i], p.clusters[i], out);
  tagFeatureHashes(p, i, out);
  return contextFeatureHashes(p, i, out);
}

/**
 * The features of staticFeatures that read only the token's own word, shape and cluster,
 * appended to `out`. For a token outside an all-caps line all three follow from `words[i]`,
 * so the tagger keeps their summed weights per word.
 */
export function lexicalFeatureHashes(w: string, shape: string, c: string, out: number[]): number[] {
  out.push(H.b, done(mix(H.w, w)), done(mix(H.s, shape)));
  if (w.length > 3) out.push(done(mixRange(H.x3, w, w.length - 3, w.length)), done(mixRange(H.p3, w, 0, 3)));
  if (w.length > 2) out.push(done(mixRange(H.x2, w, w.length - 2, w.length)));
  if (w.length > 4) out.push(done(mixRange(H.x4, w, w.length - 4, w.length)));
  if (c) {
    out.push(done(mixRange(H.c1, c, 0, 1)), done(mixRange(H.c2, c, 0, Math.min(2, c.length))), done(mix(H.c3, c)), done(mix(mixBar(mix(H.c3s, c)), shape)));
  } else out.push(done(mix(H.cnone, shape)));
  if (w.length > 1) out.push(done(mix(mixBar(mixRange(H.p1, w, 0, 1)), shape)));
  if (w.length > 4) out.push(done(mixRange(H.p4, w, 0, 4)));
  return out;
}

/** Which tag features: the token's own (`t=`), the one before's (`t-1=`), the one after's (`t+1=`). */
export const enum TagPosition {
  Self = 0,
  Before = 1,
  After = 2,
}
const TAG_HASHES = [TAG, TAG_BEFORE, TAG_AFTER];

/** The tag features of a token's tag bit set (tagMaskOf) at one position, appended to `out`. */
export function tagMaskHashes(mask: number, position: TagPosition, out: number[]): number[] {
  const hashes = TAG_HASHES[position];
  for (let k = 0; k < USEFUL_TAGS.length; k++) if (mask & (1 << k)) out.push(hashes.get(USEFUL_TAGS[k])!);
  return out;
}

function tagFeatureHashes(p: PreparedTokens, i: number, out: number[]): void {
  const { tokens } = p;
  const sentence = tokens[i].sentenceIndex;
  tagMaskHashes(p.tagMasks[i], TagPosition.Self, out);
  if (i > 0 && tokens[i - 1].sentenceIndex === sentence) tagMaskHashes(p.tagMasks[i - 1], TagPosition.Before, out);
  if (i + 1 < tokens.length && tokens[i + 1].sentenceIndex === sentence) tagMaskHashes(p.tagMasks[i + 1], TagPosition.After, out);
}

/** The features of staticFeatures that read the neighbours or the token's place, appended to `out`. */
export function contextFeatureHashes(p: PreparedTokens, i: number, out: number[]): number[] {
  const { tokens, lower, shapes } = p;
  const n = tokens.length;
  const t = tokens[i];
  // Neighbours in the same sentence; outside it the words and shapes read <s> before, </s> after.
  // (No closures here: this runs for every scored token, and each closure is an allocation.)
  const sentence = t.sentenceIndex;
  const before = i >= 1 && tokens[i - 1].sentenceIndex === sentence;
  const before2 = i >= 2 && tokens[i - 2].sentenceIndex === sentence;
  const after = i + 1 < n && tokens[i + 1].sentenceIndex === sentence;
  const after2 = i + 2 < n && tokens[i + 2].sentenceIndex === sentence;
  const w = lower[i];
  const shape = shapes[i];
  const wPrev = before ? lower[i - 1] : '<s>';
  const wNext = after ? lower[i + 1] : '</s>';
  const sPrev = before ? shapes[i - 1] : '<s>';
  const sNext = after ? shapes[i + 1] : '</s>';
  out.push(
    done(mix(H.wm1, wPrev)),
    done(mix(H.wp1, wNext)),
    done(mix(H.wm2, before2 ? lower[i - 2] : '<s>')),
    done(mix(H.wp2, after2 ? lower[i + 2] : '</s>')),
  );
  out.push(done(mix(mixBar(mix(H.sm1, sPrev)), shape)), done(mix(mixBar(mix(H.sp1, shape)), sNext)));
  out.push(done(mix(mixBar(mix(H.wm1w, wPrev)), w)), done(mix(mixBar(mix(H.wwp1, w)), wNext)));
  if (p.gazetteer[i]) out.push(done(mix(H.g, p.gazetteer[i])));
  if (before && p.gazetteer[i - 1]) out.push(done(mix(H.gm1, p.gazetteer[i - 1])));
  if (after && p.gazetteer[i + 1]) out.push(done(mix(H.gp1, p.gazetteer[i + 1])));
  if (p.sentenceStart[i]) out.push(H.first);
  const run = p.runPosition[i];
  if (run) out.push(done(mix(H.run, run)), done(mix(mixBar(mix(H.runS, run)), shape)));
  if (before && p.titleWords[i - 1] && p.capitalised[i - 1]) out.push(H.title1);
  if (before2 && p.titleWords[i - 2] && p.capitalised[i - 2] && p.capitalised[i - 1]) out.push(H.title2);
  out.push(done(mix(mixBar(mix(H.sm1sp1, sPrev)), sNext)));
  if (p.allCaps[i]) out.push(H.caps);
  if (t.text !== p.words[i]) out.push(H.poss);
  const pre = mixPunct(H.pre, t.pre);
  const post = mixPunct(H.post, t.post);
  if (pre) out.push(pre);
  if (post) out.push(post);
  if (before) {
    const pp = mixPunct(H.postm1, tokens[i - 1].post);
    if (pp) out.push(pp);
  }
  if (before && p.clusters[i - 1]) out.push(done(mixRange(H.c2m1, p.clusters[i - 1], 0, Math.min(2, p.clusters[i - 1].length))));
  if (after && p.clusters[i + 1]) out.push(done(mixRange(H.c2p1, p.clusters[i + 1], 0, Math.min(2, p.clusters[i + 1].length))));
  if (p.names[i]) out.push(done(mix(H.wn, p.names[i])));
  if (before && p.names[i - 1]) out.push(done(mix(H.wnm1, p.names[i - 1])));
  if (after && p.names[i + 1]) out.push(done(mix(H.wnp1, p.names[i + 1])));
  return out;
}
