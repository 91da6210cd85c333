// One compromise parse per paragraph, shared by every recogniser (entities,
// dates, events), because the parse is the expensive step.
import nlp from 'compromise';
import type { Span } from './types';

export interface Token extends Span {
  text: string;
  /** Lower-cased, punctuation-stripped form from compromise. */
  normal: string;
  tags: ReadonlySet<string>;
  /** Punctuation/whitespace before and after the token, as written. */
  pre: string;
  post: string;
  sentenceIndex: number;
  /** Index within the paragraph's token list. */
  index: number;
}

export interface ParsedParagraph {
  text: string;
  tokens: Token[];
  sentences: Span[];
  /** Token index ranges of each sentence: [first, last+1). */
  sentenceTokens: Array<[number, number]>;
}

// compromise has pathological cases on very long inputs; chunk them so one
// paragraph can never stall the whole analysis.
const MAX_PARSE_CHARS = 20_000;

/**
 * `nlp(text)` minus compromise's last step, the phrase chunker ('chunks'): it only sets
 * `term.chunk`, which nothing here reads, and costs about a tenth of the parse. Every tag is
 * the same as under `nlp(text)`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
function tagWithCompromise(text: string): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
  const world = (nlp as any).world();
  const hooks: string[] | undefined = world?.hooks;
  const fromString = world?.methods?.one?.tokenize?.fromString;
  if (!Array.isArray(hooks) || typeof fromString !== 'function') return nlp(text);
  const setup = compromiseSetup(world, hooks);
  const doc = new setup.View(fromString(text, world));
  if (!text) return doc;
  const one = world.methods.one;
  const stock = one.bulkMatch;
  // Our own rule sweep for these steps only, so any other caller of compromise is untouched.
  if (typeof stock === 'function' && typeof one.cacheDoc === 'function' && typeof one.match === 'function') one.bulkMatch = bulkMatch;
  try {
    doc.compute(setup.steps);
  } finally {
    one.bulkMatch = stock;
  }
  return doc;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
type CompromiseView = new (document: unknown) => any;
let setupCache: { world: object; hooks: string[]; length: number; View: CompromiseView; steps: string[] } | null = null;

/** compromise's document class and its tagging steps minus the chunker: the same for every parse, so found once (again if a plugin changes the steps). */
function compromiseSetup(world: object, hooks: string[]): { View: CompromiseView; steps: string[] } {
  if (setupCache && setupCache.world === world && setupCache.hooks === hooks && setupCache.length === hooks.length) return setupCache;
  const View = nlp('').constructor as CompromiseView;
  setupCache = { world, hooks, length: hooks.length, View, steps: hooks.filter((hook) => hook !== 'chunks') };
  return setupCache;
}

interface SweepRule {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}
interface SweepNet {
  hooks: Record<string, SweepRule[]>;
  always: SweepRule[];
}

interface HookOrder {
  keys: string[];
  /** Hook key → its position in Object.keys order. */
  index: Map<string, number>;
  /** Per key, a number per rule: equal for rules with the same match string (compromise's de-duplication). */
  ids: Int32Array[];
  /** Per rule number, the last sentence that saw it. */
  seen: Int32Array;
  sentence: number;
}

const hookOrder = new WeakMap<object, HookOrder>();

function orderOf(hooks: Record<string, SweepRule[]>): HookOrder {
  let order = hookOrder.get(hooks);
  if (order) return order;
  const keys = Object.keys(hooks);
  const byMatch = new Map<string, number>();
  const ids = keys.map((key) =>
    Int32Array.from(hooks[key], (rule) => {
      let id = byMatch.get(rule.match);
      if (id === undefined) byMatch.set(rule.match, (id = byMatch.size));
      return id;
    }),
  );
  order = { keys, index: new Map(keys.map((key, i) => [key, i])), ids, seen: new Int32Array(byMatch.size).fill(-1), sentence: 0 };
  hookOrder.set(hooks, order);
  return order;
}

/**
 * The same matches, in the same order, as compromise's bulk rule sweep (which its post-tagger
 * runs over every sentence), found faster: compromise tests every word and tag its rules hook
 * on (thousands) against each sentence; this looks up each word and tag of the sentence (tens)
 * among the hooks and sorts the hits back into compromise's order. Candidates are then checked
 * exactly as compromise checks them: every needed word present, no excluded one, enough wanted
 * ones, enough words; the always-tried rules follow; each is matched with compromise's matcher.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
function bulkMatch(this: unknown, document: any[][], net: SweepNet, methods: any, opts: { matchOne?: boolean } = {}): any[] {
  const caches: Array<Set<string>> = methods.one.cacheDoc(document);
  const order = orderOf(net.hooks);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
  const results: any[] = [];
  for (let n = 0; n < document.length; n++) {
    const have = caches[n];
    const hits: number[] = [];
    for (const item of have) {
      const at = order.index.get(item);
      if (at !== undefined) hits.push(at);
    }
    hits.sort((a, b) => a - b);
    if (order.sentence >= 0x3fffffff) {
      order.seen.fill(-1);
      order.sentence = 0;
    }
    const sentence = ++order.sentence;
    const rules: SweepRule[] = [];
    for (const at of hits) {
      const list = net.hooks[order.keys[at]];
      const ids = order.ids[at];
      for (let r = 0; r < list.length; r++) {
        if (order.seen[ids[r]] === sentence) continue;
        order.seen[ids[r]] = sentence;
        const rule = list[r];
        if (!rule.needs.every((need) => have.has(need))) continue;
        if (rule.ifNo !== undefined && rule.ifNo.some((no) => have.has(no))) continue;
        if (rule.wants.length > 0 && countPresent(rule.wants, have, rule.minWant) < rule.minWant) continue;
        rules.push(rule);
      }
    }
    for (const rule of net.always) rules.push(rule);
    const words = document[n].length;
    for (const rule of rules) {
      if (words < rule.minWords) continue;
      const found = methods.one.match([document[n]], rule);
      if (found.ptrs.length === 0) continue;
      for (const pointer of found.ptrs) {
        pointer[0] = n;
        results.push(Object.assign({}, rule, { pointer }));
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
}

export function parseParagraph(text: string): ParsedParagraph {
  const tokens: Token[] = [];
  const sentences: Span[] = [];
  const sentenceTokens: Array<[number, number]> = [];
  for (const chunk of chunkText(text, MAX_PARSE_CHARS)) {
    parseChunk(text, chunk, tokens, sentences, sentenceTokens);
  }
  return { text, tokens, sentences, sentenceTokens };
}

function parseChunk(whole: string, chunk: Span, tokens: Token[], sentences: Span[], sentenceTokens: Array<[number, number]>): void {
  const slice = whole.slice(chunk.start, chunk.end);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
  let doc: any;
  try {
    doc = tagWithCompromise(slice);
    doc.compute('offset');
  } catch {
    // A library failure must not lose the paragraph: fall back to one sentence, no tokens.
    sentences.push(chunk);
    sentenceTokens.push([tokens.length, tokens.length]);
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
  for (const sentence of doc.docs as any[]) {
    const first = tokens.length;
    for (const term of sentence) {
      const offset = term.offset;
      if (!offset || typeof offset.start !== 'number') continue;
      const start = chunk.start + offset.start;
      const end = Math.min(start + offset.length, chunk.end);
      if (end <= start) continue;
      tokens.push({
        text: whole.slice(start, end),
        normal: String(term.normal ?? term.text ?? '').toLowerCase(),
        tags: term.tags instanceof Set ? term.tags : new Set<string>(),
        pre: String(term.pre ?? ''),
        post: String(term.post ?? ''),
        sentenceIndex: sentences.length,
        start,
        end,
        index: tokens.length,
      });
    }
    if (tokens.length === first) continue;
    const last = tokens[tokens.length - 1];
    const sEnd = Math.min(chunk.end, last.end + trailingPunctuation(last.post));
    // compromise ends a sentence after an initial ("W. Athey", "J. Adams"); a name is not cut there.
    if (first > 0 && sentences.length && endsWithInitial(tokens[first - 1]) && /^\p{Lu}/u.test(tokens[first].text)) {
      for (let k = first; k < tokens.length; k++) tokens[k].sentenceIndex = sentences.length - 1;
      sentences[sentences.length - 1].end = sEnd;
      sentenceTokens[sentenceTokens.length - 1][1] = tokens.length;
      continue;
    }
    const sStart = tokens[first].start - leadingPunctuation(tokens[first].pre);
    sentences.push({ start: Math.max(chunk.start, sStart), end: sEnd });
    sentenceTokens.push([first, tokens.length]);
  }
}

/** A single capital letter followed by a period: an initial, not the end of a sentence. */
function endsWithInitial(token: Token): boolean {
  return /^\p{Lu}$/u.test(token.text) && /^\.\s/.test(token.post);
}

function leadingPunctuation(pre: string): number {
  const m = /[^\s]*$/.exec(pre);
  return m ? m[0].length : 0;
}

function trailingPunctuation(post: string): number {
  const m = /^[^\s]*/.exec(post);
  return m ? m[0].length : 0;
}

/** Splits at whitespace near `max` chars so chunks never cut a word. */
export function chunkText(text: string, max: number): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const sentenceBreak = text.lastIndexOf('. ', end);
      const space = text.lastIndexOf(' ', end);
      const cut = sentenceBreak > start + max / 2 ? sentenceBreak + 1 : space > start + max / 2 ? space : end;
      end = cut;
    }
    spans.push({ start, end });
    start = end;
  }
  return spans;
}

/** How many of `words` are in `have`, counting no further than `enough`. */
function countPresent(words: readonly string[], have: ReadonlySet<string>, enough: number): number {
  let found = 0;
  for (let i = 0; i < words.length && found < enough; i++) if (have.has(words[i])) found++;
  return found;
}
