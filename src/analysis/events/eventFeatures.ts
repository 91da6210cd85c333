// Features of the event-trigger model (scripts/train-event-model.mjs trains on them, the
// run-time tagger reads them): one token at a time, from the paragraph's compromise parse.
// Per-token values (word, lemma, coarse part of speech) are computed once per paragraph.
import type { ParsedParagraph, Token } from '../parse';
import type { EventClass } from '../types';
import eventiveNouns from './data/eventiveNouns.json';
import { irregularPastInfinitive, nounLemma, verbLemma, wordOf } from './lemma';
import { classOfLemma, classOfNoun } from './lexicon';
import { fnvDone, fnvMix, fnvMixBar, fnvPrefix } from '../entities/features';

// Made once: the bundler builds a `\p{…}` literal with new RegExp wherever it is written.
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;

/** Model labels: not an event, or the event's TimeML class. */
export const EVENT_LABELS = ['O', 'OCCURRENCE', 'REPORTING', 'STATE', 'I_ACTION', 'I_STATE', 'ASPECTUAL', 'PERCEPTION'] as const;
export type EventLabel = (typeof EVENT_LABELS)[number];

/** WordNet-derived: word → [eventive share 0..100, first sense kind, derived from a verb 0|1]. */
const NOUNS = eventiveNouns as unknown as Record<string, [number, string, number]>;

export interface PreparedEventTokens {
  tokens: Token[];
  words: string[];
  lemmas: string[];
  /** Coarse part of speech from compromise's tags (V-past, N-pl, ADJ, …). */
  pos: string[];
  /** False for tokens that can never be triggers (punctuation, determiners, names, numbers…). */
  candidate: boolean[];
  /** First and last+1 token of each token's sentence. */
  sentenceFirst: number[];
  sentenceEnd: number[];
}

const AUX_BE = new Set(['be', 'is', 'was', 'were', 'are', 'been', 'being', 'am', "'s", "'re", "'m"]);
const AUX_HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);

function coarsePos(t: Token, word: string): string {
  const tags = t.tags;
  if (!/[a-z]/.test(word)) return tags.has('Value') ? 'NUM' : 'PUNCT';
  if (tags.has('Value') || tags.has('Date') || tags.has('Month') || tags.has('WeekDay')) return 'NUM';
  if (tags.has('Pronoun')) return 'PRON';
  if (tags.has('Determiner')) return 'DET';
  if (tags.has('Preposition')) return 'PREP';
  if (tags.has('Conjunction')) return 'CONJ';
  if (tags.has('Modal')) return 'MOD';
  if (AUX_BE.has(word)) return 'BE';
  if (AUX_HAVE.has(word)) return tags.has('Auxiliary') ? 'HAVE-aux' : 'HAVE';
  if (tags.has('Auxiliary')) return 'AUX';
  if (tags.has('Negative')) return 'NEG';
  if (tags.has('ProperNoun') || tags.has('Person') || tags.has('Place') || tags.has('Organization')) return 'NP';
  if (tags.has('Verb')) {
    if (tags.has('Gerund')) return 'V-ger';
    if (tags.has('Participle')) return 'V-part';
    if (tags.has('PastTense')) return 'V-past';
    if (tags.has('Infinitive')) return 'V-inf';
    if (tags.has('PresentTense')) return 'V-pres';
    return 'V';
  }
  if (tags.has('Noun')) return tags.has('Plural') ? 'N-pl' : 'N';
  if (tags.has('Adjective')) return 'ADJ';
  if (tags.has('Adverb')) return 'ADV';
  return 'X';
}

/** Suffixes that turn a verb into a noun of its action ("withdrawal", "election", "shipment"). */
const NOMINALISATION = /(tion|sion|ment|al|ure|ance|ence|age|ing|ery|ade|sal|ism)$/;
const SUBJECT_HEAD = new Set(['N', 'N-pl', 'NP', 'PRON']);
/** Words that follow a verb of change but rarely a noun ("rose to", "fell by", "rose from"). */
const AFTER_VERB = new Set(['to', 'by', 'from', 'after', 'as', 'above', 'below', 'sharply', 'again']);
const NEVER_TRIGGER = new Set(['PUNCT', 'NUM', 'PRON', 'DET', 'PREP', 'CONJ', 'MOD', 'AUX', 'NEG', 'NP']);

export function prepareEventTokens(parsed: ParsedParagraph): PreparedEventTokens {
  const tokens = parsed.tokens;
  const n = tokens.length;
  const words = new Array<string>(n);
  const lemmas = new Array<string>(n);
  const pos = new Array<string>(n);
  const candidate = new Array<boolean>(n);
  const sentenceFirst = new Array<number>(n);
  const sentenceEnd = new Array<number>(n);
  for (const [first, last] of parsed.sentenceTokens) {
    for (let i = first; i < last; i++) {
      sentenceFirst[i] = first;
      sentenceEnd[i] = last;
    }
  }
  for (let i = 0; i < n; i++) {
    words[i] = wordOf(tokens[i]);
    pos[i] = coarsePos(tokens[i], words[i]);
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const word = words[i];
    // compromise reads some irregular past tenses as nouns ("prices rose 5 percent"): a noun
    // right after the subject's head and before a number, an adverb or "to/by/from" is the verb.
    if (
      pos[i] === 'N' &&
      i > sentenceFirst[i] &&
      SUBJECT_HEAD.has(pos[i - 1]) &&
      i + 1 < sentenceEnd[i] &&
      (pos[i + 1] === 'NUM' || pos[i + 1] === 'ADV' || AFTER_VERB.has(words[i + 1]))
    ) {
      const inf = irregularPastInfinitive(word);
      if (inf) {
        pos[i] = 'V-past';
        candidate[i] = true;
        lemmas[i] = inf;
        continue;
      }
    }
    // A progressive compromise reads as a noun: "some are training recruits".
    if (pos[i] === 'N' && /ing$/.test(word) && i > sentenceFirst[i] && pos[i - 1] === 'BE' && tokens[i - 1].tags.has('Auxiliary')) pos[i] = 'V-ger';
    const p = pos[i];
    // A capitalised word inside a sentence is (part of) a name, whatever compromise says.
    candidate[i] = !NEVER_TRIGGER.has(p) && !(i > (sentenceFirst[i] ?? 0) && CAPITALISED_WORD.test(t.text));
    lemmas[i] = !candidate[i]
      ? word
      : p.startsWith('V') || (p === 'ADJ' && /(ed|en|wn)$/.test(word))
        ? verbLemma(word, t.tags)
        : p === 'N-pl'
          ? nounLemma(word)
          : word;
  }
  return { tokens, words, lemmas, pos, candidate, sentenceFirst, sentenceEnd };
}

/** WordNet's entry for a noun: [eventive share 0..100, first sense kind, derived from a verb 0|1]. */
export function wordnetEntry(lemma: string, word: string): [number, string, number] | undefined {
  return NOUNS[lemma] ?? NOUNS[word];
}

function wordnetFeatures(lemma: string, word: string, out: string[]): void {
  const entry = NOUNS[lemma] ?? NOUNS[word];
  if (!entry) {
    out.push('wn=none');
    return;
  }
  const share = entry[0] >= 90 ? 'hi' : entry[0] >= 60 ? 'mid' : entry[0] >= 30 ? 'lo' : 'min';
  out.push(`wn=${share}`, `wnk=${entry[1]}`, `wnks=${entry[1]}${share}`, `wnd=${entry[2]}`, `wnx=${entry[1]}${share}${entry[2]}`);
}

/** What follows within a few tokens: "to", "that", a gerund, an object, or nothing. */
function complementOf(p: PreparedEventTokens, i: number): string {
  const end = Math.min(p.sentenceEnd[i], i + 4);
  for (let j = i + 1; j < end; j++) {
    const w = p.words[j];
    if (/[,;:.]/.test(p.tokens[j - 1].post)) return 'punct';
    if (w === 'to' || w === 'that' || w === 'for' || w === 'from' || w === 'on' || w === 'of') return w;
    if (p.pos[j] === 'V-ger') return 'ger';
    if (p.pos[j] === 'N' || p.pos[j] === 'N-pl' || p.pos[j] === 'NP' || p.pos[j] === 'PRON') return 'obj';
    if (p.pos[j].startsWith('V')) return 'verb';
  }
  return 'none';
}

/** The verb-group or noun-phrase role of the token, read from what precedes it. */
function leftContext(p: PreparedEventTokens, i: number): string {
  const first = p.sentenceFirst[i];
  let j = i - 1;
  while (j >= first && (p.pos[j] === 'ADV' || p.pos[j] === 'NEG')) j--;
  if (j < first) return 'start';
  const w = p.words[j];
  const q = p.pos[j];
  if (w === 'to') return 'to';
  if (q === 'MOD') return 'modal';
  if (q === 'BE') return 'be';
  if (q === 'HAVE-aux' || q === 'HAVE') return 'have';
  if (q === 'AUX') return w === 'do' || w === 'does' || w === 'did' ? 'do' : 'aux';
  if (q === 'DET') return 'det';
  if (p.tokens[j].tags.has('Possessive') || /'s?$/.test(p.tokens[j].text)) return 'poss';
  if (q === 'ADJ' || q === 'NUM') return 'mod';
  if (q === 'PRON') return 'pron';
  if (q === 'NP' || q === 'N' || q === 'N-pl') return 'noun';
  if (q === 'PREP') return 'prep';
  if (q === 'CONJ') return 'conj';
  if (q.startsWith('V')) return 'verb';
  return q;
}

const coarseOf = (pos: string) => (pos[0] === 'V' ? 'V' : pos[0] === 'N' ? 'N' : pos);

/**
 * Features of the word alone (its form, lemma, part of speech, suffixes, word lists and
 * WordNet): the same for every token with the same word, lemma and part of speech, so the tagger scores them
 * once per distinct word.
 */
export function lexicalFeatures(p: PreparedEventTokens, i: number, out: string[] = []): string[] {
  out.length = 0;
  const word = p.words[i];
  const lemma = p.lemmas[i];
  const pos = p.pos[i];
  const coarse = coarseOf(pos);
  out.push(
    'bias',
    `w=${word}`,
    `l=${lemma}`,
    `p=${pos}`,
    `lp=${lemma}|${coarse}`,
    `s3=${word.slice(-3)}`,
    `s4=${word.slice(-4)}`,
    `s3p=${word.slice(-3)}|${coarse}`,
  );
  if (coarse === 'N') {
    const suffix = NOMINALISATION.exec(lemma);
    if (suffix) out.push(`nom=${suffix[1]}`);
  }
  const cls = lexiconClass(lemma, coarse);
  if (cls !== 'OCCURRENCE') out.push(`lex=${cls}`, `lex=${cls}|${coarse}`);
  wordnetFeatures(lemma, word, out);
  return out;
}

function lexiconClass(lemma: string, coarse: string): EventClass {
  return coarse === 'N' ? classOfNoun(lemma) : classOfLemma(lemma);
}

/** What the context-shape features of token i depend on: tokens with the same key share them. */
interface ContextShape {
  prevPos: string;
  nextPos: string;
  left: string;
  comp: string;
  /** A number when every part has a small id (always, for the values the readers above return), else a string. */
  key: number | string;
}

// Small ids for the values of a shape's parts, one table per kind of part (parts of speech, left
// contexts, complements: each a few dozen at most), so its key is a small integer rather than a
// string built and hashed per token. A value past a table's room gives an id that fails `fits`.
const POS_IDS = new Map<string, number>();
const LEFT_IDS = new Map<string, number>();
const COMP_IDS = new Map<string, number>();
function idIn(ids: Map<string, number>, room: number, value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = ids.size;
    if (id < room) ids.set(value, id);
  }
  return id;
}

function contextShape(p: PreparedEventTokens, i: number): ContextShape {
  const first = p.sentenceFirst[i];
  const end = p.sentenceEnd[i];
  const prevPos = i - 1 >= first ? p.pos[i - 1] : '<s>';
  const nextPos = i + 1 < end ? p.pos[i + 1] : '</s>';
  const left = leftContext(p, i);
  const comp = complementOf(p, i);
  const post = p.tokens[i].post;
  const flags = (i === first ? 1 : 0) | (/[,;:.]/.test(post) ? 2 : 0) | (!/\S/.test(post) ? 4 : 0);
  const a = idIn(POS_IDS, 32, prevPos);
  const b = idIn(POS_IDS, 32, p.pos[i]);
  const c = idIn(POS_IDS, 32, nextPos);
  const d = idIn(LEFT_IDS, 32, left);
  const e = idIn(COMP_IDS, 16, comp);
  // Below 2^27: a small integer, which a Map keys without allocating.
  const key =
    a < 32 && b < 32 && c < 32 && d < 32 && e < 16
      ? ((((flags * 32 + a) * 32 + b) * 32 + c) * 32 + d) * 16 + e
      : `${prevPos}\u0000${p.pos[i]}\u0000${nextPos}\u0000${left}\u0000${comp}\u0000${flags}`;
  return { prevPos, nextPos, left, comp, key };
}

/**
 * Features of the token's grammatical surroundings (neighbouring parts of speech, its place
 * in a verb group or noun phrase, what follows it): shared by tokens with the same shape key.
 */
export function shapeFeatures(p: PreparedEventTokens, i: number, out: string[] = [], shape: ContextShape = contextShape(p, i)): string[] {
  out.length = 0;
  const pos = p.pos[i];
  const coarse = coarseOf(pos);
  const { prevPos, nextPos, left, comp } = shape;
  out.push(
    `pp=${prevPos}`,
    `np=${nextPos}`,
    `ppp=${prevPos}|${pos}`,
    `pnp=${pos}|${nextPos}`,
    `left=${left}`,
    `left=${left}|${coarse}`,
    `comp=${comp}|${coarse}`,
  );
  const post = p.tokens[i].post;
  // Compound modifier: a noun before another noun names a kind of thing ("bombing suspect").
  if ((pos === 'N' || pos === 'N-pl') && (nextPos === 'N' || nextPos === 'N-pl') && !/\S/.test(post)) out.push('compound');
  if (/[,;:.]/.test(post)) out.push('punctAfter');
  if (i === p.sentenceFirst[i]) out.push('first');
  return out;
}

/** Features pairing the token's word with its neighbours' words or its context. */
export function wordContextFeatures(p: PreparedEventTokens, i: number, out: string[] = [], shape: ContextShape = contextShape(p, i)): string[] {
  out.length = 0;
  const lemma = p.lemmas[i];
  const first = p.sentenceFirst[i];
  const end = p.sentenceEnd[i];
  const prevWord = i - 1 >= first ? p.words[i - 1] : '<s>';
  const nextWord = i + 1 < end ? p.words[i + 1] : '</s>';
  const { left, comp } = shape;
  out.push(`pw=${prevWord}`, `nw=${nextWord}`, `left=${left}|${lemma}`, `comp=${comp}|${lemma}`, `nwl=${nextWord}|${lemma}`);
  const cls = lexiconClass(lemma, coarseOf(p.pos[i]));
  if (cls !== 'OCCURRENCE') out.push(`lex=${cls}|${comp}`);
  return out;
}

const H = {
  pw: fnvPrefix('pw='),
  nw: fnvPrefix('nw='),
  left: fnvPrefix('left='),
  comp: fnvPrefix('comp='),
  nwl: fnvPrefix('nwl='),
  lex: fnvPrefix('lex='),
};

/** featureHash of each wordContextFeatures string, in the same order, built without the strings. */
export function wordContextHashes(p: PreparedEventTokens, i: number, out: number[], shape: ContextShape = contextShape(p, i)): number[] {
  out.length = 0;
  const lemma = p.lemmas[i];
  const first = p.sentenceFirst[i];
  const end = p.sentenceEnd[i];
  const prevWord = i - 1 >= first ? p.words[i - 1] : '<s>';
  const nextWord = i + 1 < end ? p.words[i + 1] : '</s>';
  const { left, comp } = shape;
  out.push(
    fnvDone(fnvMix(H.pw, prevWord)),
    fnvDone(fnvMix(H.nw, nextWord)),
    fnvDone(fnvMix(fnvMixBar(fnvMix(H.left, left)), lemma)),
    fnvDone(fnvMix(fnvMixBar(fnvMix(H.comp, comp)), lemma)),
    fnvDone(fnvMix(fnvMixBar(fnvMix(H.nwl, nextWord)), lemma)),
  );
  const cls = lexiconClass(lemma, coarseOf(p.pos[i]));
  if (cls !== 'OCCURRENCE') out.push(fnvDone(fnvMix(fnvMixBar(fnvMix(H.lex, cls)), comp)));
  return out;
}

export { contextShape, type ContextShape };

/** All features of token i (what training sees): the word's own, then its context. */
export function eventFeatures(p: PreparedEventTokens, i: number, out: string[] = []): string[] {
  const shape = contextShape(p, i);
  const lexical = lexicalFeatures(p, i, []);
  const shaped = shapeFeatures(p, i, [], shape);
  wordContextFeatures(p, i, out, shape);
  out.push(...shaped, ...lexical);
  return out;
}

export function labelClass(label: string): EventClass | null {
  return label === 'O' ? null : (label as EventClass);
}
