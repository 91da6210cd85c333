// One compromise parse per paragraph, shared by every recogniser (entities,
// dates, events), because the parse is the expensive step.
import nlp from 'compromise';
import { sweepRules, type SweepNet } from './ruleSweep';
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
 * `term.chunk`, which nothing here reads, and costs about a tenth of the parse. The post-tagger
 * runs its rules through our faster sweep (ruleSweep.ts), which finds the same matches in the
 * same order. Every tag is the same as under `nlp(text)`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
function tagWithCompromise(text: string): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
  const world = (nlp as any).world();
  const hooks: string[] | undefined = world?.hooks;
  const fromString = world?.methods?.one?.tokenize?.fromString;
  if (!Array.isArray(hooks) || typeof fromString !== 'function') return nlp(text);
  const setup = compromiseSetup(world, hooks, fromString);
  const doc = new setup.View(fromString(text, world));
  if (!text) return doc;
  for (const step of setup.steps) {
    if (step === 'postTagger' && setup.net !== null && world.compute.postTagger === setup.postTagger) postTag(doc, world, setup.net);
    else doc.compute(step);
  }
  return doc;
}

/**
 * compromise's post-tagger (compute.postTagger → View.sweep) without the views it builds for
 * every match, which nothing reads: split the sentences at commas, find the rules' matches,
 * apply their tags.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
function postTag(view: any, world: any, net: SweepNet): void {
  const methods = world.methods;
  const document = methods.two.quickSplit(view.docs);
  const found = sweepRules(document, net, methods, world.model?.one?.tagSet) ?? methods.one.bulkMatch(document, net, methods, {});
  methods.one.bulkTagger(found, document, world);
  view.uncache();
  view.unfreeze();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
type CompromiseView = new (document: unknown) => any;
type FromString = (text: string, world: unknown) => unknown;
interface CompromiseSetup {
  world: object;
  hooks: string[];
  length: number;
  View: CompromiseView;
  steps: string[];
  /** The post-tagger's rule net and the compute function it was taken from; null: run compromise's own. */
  net: SweepNet | null;
  postTagger: unknown;
}
let setupCache: CompromiseSetup | null = null;

/** compromise's document class, its tagging steps minus the chunker, and the post-tagger's rules: the same for every parse, so found once (again if a plugin changes the steps). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
function compromiseSetup(world: any, hooks: string[], fromString: FromString): CompromiseSetup {
  if (setupCache && setupCache.world === world && setupCache.hooks === hooks && setupCache.length === hooks.length) return setupCache;
  const View = nlp('').constructor as CompromiseView;
  const postTagger = world.compute?.postTagger;
  const steps = hooks.filter((hook) => hook !== 'chunks');
  setupCache = { world, hooks, length: hooks.length, View, steps, net: postTaggerNet(world, View, fromString), postTagger };
  return setupCache;
}

/**
 * The rule net compromise's post-tagger builds on first use and keeps to itself: caught as it
 * is handed to the rule sweep, on a one-word document.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
function postTaggerNet(world: any, View: CompromiseView, fromString: FromString): SweepNet | null {
  const one = world.methods?.one;
  const two = world.methods?.two;
  if (typeof world.compute?.postTagger !== 'function' || typeof one?.bulkMatch !== 'function' || typeof one?.bulkTagger !== 'function') return null;
  if (typeof one.match !== 'function' || typeof one.cacheDoc !== 'function' || typeof two?.quickSplit !== 'function') return null;
  const stock = one.bulkMatch;
  let net: SweepNet | null = null;
  one.bulkMatch = (_document: unknown, given: SweepNet) => {
    net ??= given;
    return [];
  };
  try {
    const doc = new View(fromString('word', world));
    doc.compute(['index', 'id']);
    world.compute.postTagger(doc);
  } catch {
    net = null;
  } finally {
    one.bulkMatch = stock;
  }
  return net;
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
