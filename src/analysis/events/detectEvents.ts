// Paragraph-level event detection in the TimeML sense: verbs, eventive nouns and
// participial adjectives that denote something that happens or holds. Rides on the
// paragraph's single compromise parse (token tags); pure function of the parse.
import type { ParsedParagraph, Token } from '../parse';
import type { EventClass, Span } from '../types';
import { prepareEventTokens } from './eventFeatures';
import { getEventModel, tagEventTokens } from './eventModel';
import { nounLemma, verbLemma, wordOf } from './lemma';
import { PARTICLES, classOfLemma } from './lexicon';
import { isSpace } from '../letters';

export type EventTense = 'past' | 'present' | 'future' | 'none';

/** Offsets relative to the event's own start, so the candidate can be shifted as a whole. */
export type RelativeSpan = [number, number];

export interface EventCandidate extends Span {
  text: string;
  class: EventClass;
  tense: EventTense;
  /** Sentence span, relative to the paragraph. */
  sentence: Span;
  lemma: string;
  partOfSpeech: 'verb' | 'noun' | 'adjective';
  /** Negated in its verb group ("did not give"): it did not happen. */
  negated: boolean;
  /** Not asserted as happening: under a modal ("may withdraw") or an infinitive complement ("to leave"). */
  irrealis: boolean;
  /** Where the sentence names the doer, the undergoer and the clause, relative to `start`. */
  roles: { agent: RelativeSpan | null; patient: RelativeSpan | null; clause: RelativeSpan };
  /** The event as a short clause, doer first ("dock workers walked off the job"). */
  summary: string;
  /** The doer and the undergoer as written, or null. */
  agentText: string | null;
  patientText: string | null;
}

/** Tokens either side of an event searched for its clause and arguments. */
const WINDOW = 40;

const BE = new Set(['be', 'is', 'was', 'were', 'are', 'been', 'being', 'am', "'s", "'re", "'m"]);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);
const POSSESSIVE_WORDS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', 'the', 'a', 'an']);
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'must', 'can', 'ought']);
const LIGHT_VERB_FORMS = new Set(['does', 'goes', 'says', 'makes', 'takes', 'gives', 'seems', 'comes', 'gets']);
const FUTURE_AUX = new Set(['will', "'ll", 'shall']);
const SUBORDINATORS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'because',
  'while',
  'although',
  'though',
  'if',
  'unless',
  'whereas',
  'since',
  'when',
  'where',
  'and',
  'but',
  'or',
  'so',
  'yet',
]);
/** Prepositions compromise may tag as verbs or adjectives ("Over the past decade", "against"). */
const PREPOSITION_WORDS = new Set(
  (
    'about above across after against along amid among around at before behind below beneath beside between beyond by ' +
    'despite during except for from in inside into near of off on onto out outside over past since through throughout ' +
    'till to toward towards under until upon via with within without'
  ).split(' '),
);
const PREPOSITIONS_BEFORE_PLACE = new Set(['in', 'at', 'from', 'near', 'outside', 'inside', 'into', 'to', 'across', 'throughout']);

export function detectEvents(parsed: ParsedParagraph): EventCandidate[] {
  const out: EventCandidate[] = [];
  const tokens = parsed.tokens;
  const prepared = prepareEventTokens(parsed);
  const model = getEventModel();
  const labels = tagEventTokens(prepared, model);
  parsed.sentenceTokens.forEach(([first, last], sentenceIndex) => {
    const sentence = parsed.sentences[sentenceIndex];
    if (!sentence) return;
    let lastAgent: Span | null = null;
    let lastTense: EventTense | null = null;
    for (let i = first; i < last; i++) {
      if (!labels[i]) continue;
      const found = shapeOf(tokens, i, first, last, prepared.lemmas[i], prepared.pos[i], model.labels[labels[i]] as EventClass);
      const t = tokens[i];
      const isNoun = found.partOfSpeech === 'noun';
      // Clauses and phrases are looked for within a window, so run-on "sentences" stay linear.
      const lo = Math.max(first, i - WINDOW);
      const hi = Math.min(last, i + WINDOW + 1);
      const clause = isNoun ? nounWindow(tokens, i, lo, hi) : clauseAround(tokens, i, lo, hi);
      const roles = isNoun ? nounRoles(tokens, i, clause) : verbRoles(tokens, i, clause, found.passive, first);
      let tense: EventTense = isNoun ? 'none' : tenseOf(tokens, i, first);
      if (tense === 'none' && prepared.pos[i] === 'V-past' && !verbGroup(tokens, i, first).length) tense = 'past';
      if (found.partOfSpeech === 'verb') {
        // "US troops have trained X and supported Y": the second verb shares subject and tense.
        const coordinated = isCoordinated(tokens, i, lo);
        if (coordinated && tense === 'none' && lastTense) tense = lastTense;
        lastTense = tense;
        if (!found.passive) {
          if (!roles.agent && lastAgent && coordinated) roles.agent = lastAgent;
          if (roles.agent) lastAgent = roles.agent;
        }
      }
      const rel = (s: Span | null): RelativeSpan | null => (s ? [s.start - t.start, s.end - t.start] : null);
      const phrase = (s: (Span & { phrase?: Span }) | null) => (s ? cleanPhrase(parsed.text.slice((s.phrase ?? s).start, (s.phrase ?? s).end)) || null : null);
      out.push({
        start: t.start,
        end: t.end,
        text: t.text,
        class: found.class,
        tense,
        sentence,
        lemma: found.lemma,
        partOfSpeech: found.partOfSpeech,
        // "made no mention of": a noun under "no" did not happen either.
        negated: isNoun ? i > first && wordOf(tokens[i - 1]) === 'no' : isNegated(tokens, i, first),
        irrealis: !isNoun && isIrrealis(tokens, i, first),
        roles: {
          agent: rel(roles.agent),
          patient: rel(roles.patient),
          clause: [tokens[clause[0]].start - t.start, tokens[clause[1] - 1].end - t.start],
        },
        summary: summaryOf(parsed.text, tokens, i, clause, roles, found, first, last),
        agentText: phrase(roles.agent),
        patientText: phrase(roles.patient),
      });
    }
  });
  return out;
}

interface Classified {
  lemma: string;
  class: EventClass;
  partOfSpeech: 'verb' | 'noun' | 'adjective';
  passive: boolean;
}

/**
 * Part of speech, lemma and voice of a token the model marked as an event. compromise reads
 * some nouns as verbs ("the police", "Canadian engineers"); the checks below put them back.
 */
function shapeOf(tokens: Token[], i: number, first: number, last: number, lemma: string, pos: string, cls: EventClass): Classified {
  const t = tokens[i];
  const tags = t.tags;
  const word = wordOf(t);
  const prev = i > first ? tokens[i - 1] : undefined;
  const next = i + 1 < last ? tokens[i + 1] : undefined;
  const asNoun = (): Classified => ({
    lemma: tags.has('Plural') || /s$/.test(word) ? nounLemma(word) : word,
    class: cls,
    partOfSpeech: 'noun',
    passive: false,
  });
  if (tags.has('Verb')) {
    if (
      prev &&
      (prev.tags.has('Determiner') || prev.tags.has('Possessive') || POSSESSIVE_WORDS.has(wordOf(prev))) &&
      !tags.has('Gerund') &&
      !tags.has('Participle') &&
      !tags.has('PastTense')
    )
      return asNoun();
    if (
      tags.has('PresentTense') &&
      !tags.has('Gerund') &&
      prev &&
      (prev.tags.has('Demonym') || prev.tags.has('Value') || (prev.tags.has('Adjective') && !prev.tags.has('Adverb') && !prev.tags.has('Comparative')))
    )
      return asNoun();
    return { lemma, class: cls, partOfSpeech: 'verb', passive: isPassive(tokens, i, first) };
  }
  // Verbs compromise read as nouns, recognised when the features were prepared ("prices rose", "are training").
  if (pos.startsWith('V')) return { lemma: pos === 'V-ger' ? verbLemma(word, new Set(['Gerund'])) : lemma, class: cls, partOfSpeech: 'verb', passive: false };
  if (tags.has('Adjective') || tags.has('Adverb')) {
    const verbish = /(ed|en|wn)$/.test(word) ? verbLemma(word, new Set(['Participle'])) : word;
    // With an object it is a verb after all: "built roads and trained Chad's police".
    if (next && !/[,;.]/.test(t.post) && (next.tags.has('ProperNoun') || next.tags.has('Determiner') || next.tags.has('Possessive')) && verbish !== word) {
      return { lemma: verbish, class: cls, partOfSpeech: 'verb', passive: false };
    }
    return { lemma: verbish, class: cls, partOfSpeech: 'adjective', passive: verbish !== word };
  }
  return asNoun();
}

function isPassive(tokens: Token[], i: number, first: number): boolean {
  const t = tokens[i];
  if (!t.tags.has('Participle') && !t.tags.has('PastTense')) return false;
  for (let j = i - 1; j >= first && j >= i - 3; j--) {
    const w = wordOf(tokens[j]);
    if (BE.has(w) || w === 'get' || w === 'got') return true;
    if (!tokens[j].tags.has('Adverb') && !tokens[j].tags.has('Negative')) return false;
  }
  return false;
}

/** The auxiliaries, adverbs and negation before a verb ("may still have", "did not"). */
function verbGroup(tokens: Token[], i: number, first: number): Token[] {
  const group: Token[] = [];
  for (let j = i - 1; j >= first && j >= i - 5; j--) {
    const t = tokens[j];
    const w = wordOf(t);
    if (!(t.tags.has('Auxiliary') || t.tags.has('Adverb') || t.tags.has('Negative') || t.tags.has('Modal') || BE.has(w) || HAVE.has(w))) break;
    group.push(t);
  }
  return group;
}

function tenseOf(tokens: Token[], i: number, first: number): EventTense {
  // Read the verb group: "will be withdrawn", "has withdrawn", "had been seen", "may have left".
  const words = verbGroup(tokens, i, first).map(wordOf);
  if (words.some((w) => FUTURE_AUX.has(w))) return 'future';
  if (words.some((w) => MODALS.has(w))) return 'none'; // hypothetical: "may have left", "could withdraw"
  // The auxiliary nearest the verb's start carries the tense ("has been", "is being").
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k];
    if (w === 'has' || w === 'have' || w === 'had' || w === 'was' || w === 'were' || w === 'did' || w === "'ve" || w === "'d") return 'past';
    if (w === 'is' || w === 'are' || w === 'am' || w === 'does' || w === 'do' || w === "'s" || w === "'re" || w === "'m") return 'present';
  }
  const tags = tokens[i].tags;
  if (tags.has('PastTense')) return 'past';
  if (tags.has('PresentTense')) return 'present';
  if (tags.has('FutureTense')) return 'future';
  return 'none';
}

function isIrrealis(tokens: Token[], i: number, first: number): boolean {
  const group = verbGroup(tokens, i, first);
  if (group.some((t) => MODALS.has(wordOf(t)))) return true;
  const before = i - group.length - 1;
  return before >= first && wordOf(tokens[before]) === 'to';
}

/** "did not give", "never arrived", "hasn't left". */
function isNegated(tokens: Token[], i: number, first: number): boolean {
  return verbGroup(tokens, i, first).some((t) => t.tags.has('Negative') || /^(not|never|n't|no)$/.test(wordOf(t)) || /n['’]t$/i.test(t.text));
}

function isCoordinated(tokens: Token[], i: number, first: number): boolean {
  let j = i - 1;
  while (j >= first && (tokens[j].tags.has('Adverb') || tokens[j].tags.has('Auxiliary') || tokens[j].tags.has('Negative'))) j--;
  return j >= first && ['and', 'or', 'but', 'then'].includes(wordOf(tokens[j]));
}

/** A noun event's own phrase: its modifiers and what follows up to the next verb or comma ("a coup last year"). */
function nounWindow(tokens: Token[], i: number, first: number, last: number): [number, number] {
  let from = i;
  while (from > first && isNpToken(tokens[from - 1]) && !/[,;:]/.test(tokens[from - 1].post)) from--;
  let to = i + 1;
  if (/[,;:]/.test(tokens[i].post)) return [from, to];
  while (to < last && !(tokens[to].tags.has('Verb') && !tokens[to].tags.has('Adjective') && !isNpToken(tokens[to]))) {
    to++;
    if (/[,;:]/.test(tokens[to - 1].post)) break;
  }
  return [from, to];
}

/** Token range [from, to) of the clause holding token i. */
function clauseAround(tokens: Token[], i: number, first: number, last: number): [number, number] {
  let from = i;
  while (from > first && !endsClause(tokens, from - 1, tokens[from])) from--;
  let to = i + 1;
  while (to < last && !endsClause(tokens, to - 1, tokens[to])) to++;
  return [from, to];
}

function endsClause(tokens: Token[], j: number, next: Token): boolean {
  const post = tokens[j].post;
  if (/[;:—–"“”()]|''|``/.test(post) || /["“”(]|``/.test(next.pre)) return true;
  const nextWord = wordOf(next);
  if (/,/.test(post) && (SUBORDINATORS.has(nextWord) || next.tags.has('Gerund') || next.tags.has('Conjunction'))) return true;
  return nextWord !== 'and' && nextWord !== 'or' && SUBORDINATORS.has(nextWord) && !/,/.test(post) && nextWord !== 'so';
}

const NP_TAGS = ['Noun', 'ProperNoun', 'Determiner', 'Adjective', 'Possessive', 'Value', 'Acronym', 'Pronoun'];
const isNpToken = (t: Token) =>
  !PREPOSITION_WORDS.has(wordOf(t)) &&
  !t.tags.has('Preposition') &&
  (t.tags.has('Verb')
    ? // compromise reads some plural nouns as verbs ("Canadian engineers have built").
      t.tags.has('PresentTense') && !t.tags.has('Gerund') && !t.tags.has('Auxiliary') && /^[a-z]{3,}[^s]s$/.test(wordOf(t)) && !LIGHT_VERB_FORMS.has(wordOf(t))
    : NP_TAGS.some((x) => t.tags.has(x)));

/** Prepositions that also open a clause: "ended after workers accepted", "closed until the storm passed". */
const CLAUSE_OPENING_PREPOSITIONS = new Set(['after', 'before', 'since', 'until', 'till']);

/**
 * A noun-phrase word, or a noun compromise read as a bare verb after a determiner or a
 * determiner and a noun ("the strike", "the ferry strike in Lisbon ended").
 */
function isNounInPhrase(tokens: Token[], k: number, from: number): boolean {
  const t = tokens[k];
  if (isNpToken(t)) return true;
  if (!t.tags.has('Verb') || ['Auxiliary', 'Modal', 'Gerund', 'PastTense', 'Participle', 'Copula'].some((tag) => t.tags.has(tag))) return false;
  const before = k - 1 >= from ? tokens[k - 1] : undefined;
  if (!before || /[,;:]/.test(before.post)) return false;
  if (before.tags.has('Determiner') || before.tags.has('Possessive')) return true;
  const twoBefore = k - 2 >= from ? tokens[k - 2] : undefined;
  return before.tags.has('Noun') && !before.tags.has('Pronoun') && !!twoBefore && twoBefore.tags.has('Determiner');
}

/** The noun phrase ending just before token `end` (exclusive), with "of/in" attachments. */
function npBefore(tokens: Token[], end: number, from: number): (Span & { phrase?: Span }) | null {
  let j = end - 1;
  // Skip the auxiliaries, adverbs and negation of the verb group.
  while (
    j >= from &&
    (tokens[j].tags.has('Auxiliary') ||
      tokens[j].tags.has('Adverb') ||
      tokens[j].tags.has('Negative') ||
      tokens[j].tags.has('Modal') ||
      BE.has(wordOf(tokens[j])) ||
      HAVE.has(wordOf(tokens[j])) ||
      TIME_ADVERBS.has(wordOf(tokens[j])))
  )
    j--;
  if (j >= from && ['who', 'which', 'that'].includes(wordOf(tokens[j]))) j--;
  let k = j;
  while (k >= from && isNpToken(tokens[k]) && (k === j || !/[,;:]/.test(tokens[k].post))) k--;
  if (k === j) return null;
  let start = k + 1;
  let headEnd = j;
  // "leaders in the country told": the subject is the head before the prepositional attachment.
  // Not across "after/before/until…": "on Friday after the company agreed" has the company agree.
  while (
    k - 1 >= from &&
    (tokens[k].tags.has('Preposition') || PREPOSITION_WORDS.has(wordOf(tokens[k]))) &&
    !CLAUSE_OPENING_PREPOSITIONS.has(wordOf(tokens[k])) &&
    isNounInPhrase(tokens, k - 1, from) &&
    !/[,;:]/.test(tokens[k - 1].post)
  ) {
    headEnd = k - 1;
    let m = k - 1;
    while (m >= from && isNounInPhrase(tokens, m, from) && !/[,;:]/.test(tokens[m].post)) m--;
    start = m + 1;
    k = m;
  }
  // The head names the doer; the whole phrase ("the city council of Lyon") is what a reader sees.
  return { start: tokens[start].start, end: tokens[headEnd].end, phrase: { start: tokens[start].start, end: tokens[j].end } };
}

/** The noun phrase starting at token `start`, optionally through "of" attachments. */
function npAfter(tokens: Token[], start: number, to: number): Span | null {
  let j = start;
  while (j < to && (tokens[j].tags.has('Adverb') || tokens[j].tags.has('Particle') || (PARTICLES.has(wordOf(tokens[j])) && !isNpToken(tokens[j])))) j++;
  // A pronoun is a whole phrase ("says it represents": "represents" is not part of it);
  // a possessive one opens a longer phrase ("his speech").
  if (j < to && tokens[j].tags.has('Pronoun') && !POSSESSIVE_PRONOUNS.has(wordOf(tokens[j]))) return { start: tokens[j].start, end: tokens[j].end };
  // A date or duration is when, not what ("warned two weeks ago", "met Monday").
  if (j < to && (tokens[j].tags.has('Date') || (tokens[j].tags.has('Value') && j + 1 < to && tokens[j + 1].tags.has('Date')))) return null;
  let k = j;
  // A pronoun after the first word opens the next clause ("arrives in the United States it …").
  while (k < to && isNpToken(tokens[k]) && !(k > j && tokens[k].tags.has('Pronoun') && !POSSESSIVE_PRONOUNS.has(wordOf(tokens[k])))) {
    k++;
    if (/[,;:]/.test(tokens[k - 1].post)) break;
  }
  if (k === j) return null;
  // After "of" a bare verb form is a noun compromise misread ("exports of maize").
  const inOfPhrase = (t: Token) =>
    isNpToken(t) || (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('PastTense') && !t.tags.has('Participle') && !t.tags.has('Auxiliary'));
  while (k + 1 < to && wordOf(tokens[k]) === 'of' && inOfPhrase(tokens[k + 1]) && !/[,;:]/.test(tokens[k - 1].post)) {
    k++;
    while (k < to && inOfPhrase(tokens[k])) {
      k++;
      if (/[,;:]/.test(tokens[k - 1].post)) break;
    }
  }
  return { start: tokens[j].start, end: tokens[k - 1].end };
}

function byPhrase(tokens: Token[], i: number, to: number): Span | null {
  for (let j = i + 1; j < to - 1; j++) if (wordOf(tokens[j]) === 'by') return npAfter(tokens, j + 1, to);
  return null;
}

function verbRoles(tokens: Token[], i: number, clause: [number, number], passive: boolean, sentenceFirst: number) {
  const [from, to] = clause;
  const groupStart = i - verbGroup(tokens, i, from).length;
  // "German manufacturers, who rely on the port, warned": the subject is before the relative clause.
  const relative = groupStart > sentenceFirst && /,/.test(tokens[groupStart - 1].post) ? relativeClauseStart(tokens, groupStart - 1, sentenceFirst) : -1;
  let subject = relative > sentenceFirst ? npBefore(tokens, relative, sentenceFirst) : npBefore(tokens, i, from);
  // "said Joana Ferreira, who leads the union": the doer is the phrase the relative clause hangs on.
  if (!subject && from > sentenceFirst && wordOf(tokens[from]) === 'who' && /,/.test(tokens[from - 1].post) && groupStart <= from + 1) {
    subject = npBefore(tokens, from, sentenceFirst);
  }
  if (!subject && tokens[i].tags.has('Verb') && classOfLemma(verbLemma(wordOf(tokens[i]), tokens[i].tags)) === 'REPORTING') {
    // Inverted attribution: '…," said the official.' (not '"…," she said on Thursday')
    subject = i + 1 < to && !PREPOSITION_WORDS.has(wordOf(tokens[i + 1])) ? npAfter(tokens, i + 1, to) : null;
    return { agent: subject, patient: null };
  }
  if (passive) return { agent: byPhrase(tokens, i, to), patient: subject };
  let object = PREPOSITIONS_BEFORE_PLACE.has(wordOf(tokens[i + 1] ?? tokens[i])) ? null : npAfter(tokens, i + 1, to);
  // "said automation had cut…", "says it represents…": the phrase is the subject of a clause, not an object.
  if (object) {
    let after = i + 1;
    while (after < to && tokens[after].start < object.end) after++;
    const next = after < to ? tokens[after] : undefined;
    if (
      next &&
      !/[,;:.]/.test(tokens[after - 1].post) &&
      next.tags.has('Verb') &&
      !next.tags.has('Gerund') &&
      !next.tags.has('Participle') &&
      !next.tags.has('Infinitive')
    )
      object = null;
  }
  return { agent: subject, patient: object };
}

/** Index of the "who/which" opening a comma-bounded relative clause that ends at token `end`, or -1. */
function relativeClauseStart(tokens: Token[], end: number, sentenceFirst: number): number {
  for (let k = end - 1; k > sentenceFirst && k >= end - WINDOW; k--) {
    if (!/,/.test(tokens[k - 1].post)) continue;
    return ['who', 'which'].includes(wordOf(tokens[k])) ? k : -1;
  }
  return -1;
}

function nounRoles(tokens: Token[], i: number, clause: [number, number]) {
  const [from, to] = clause;
  // "Niger's ouster of American troops", "the Pentagon's decision", "an attack by rebels on …".
  let agent: Span | null = null;
  let patient: Span | null = null;
  for (let j = i - 1; j >= from && j >= i - 4; j--) {
    if (tokens[j].tags.has('Possessive') || /'s?$/.test(tokens[j].text)) {
      const np = npBefore(tokens, j + 1, from);
      agent = np ?? { start: tokens[j].start, end: tokens[j].end };
      break;
    }
    if (!isNpToken(tokens[j])) break;
  }
  const by = i + 1 < to && wordOf(tokens[i + 1]) === 'by' ? npAfter(tokens, i + 2, to) : null;
  if (by) agent = agent ?? by;
  if (i + 1 < to && (wordOf(tokens[i + 1]) === 'of' || wordOf(tokens[i + 1]) === 'on' || wordOf(tokens[i + 1]) === 'against'))
    patient = npAfter(tokens, i + 2, to);
  return { agent, patient };
}

/**
 * A phrase as a reader sees it: one line, without quotation marks or dangling punctuation. One
 * pass over the characters (this runs for every phrase of every event); the same result as
 *   text.replace(/``|''|[“”"]/g, '').replace(/\s+/g, ' ').replace(/^[\s,;:.#*>\-–—(]+|[\s,;:\-–—(]+$/g, '')
 *     .replace(/^(?:and|but|or|then|who|which|that)\s+/i, '').trim()
 * which a test checks.
 */
export function cleanPhrase(text: string): string {
  // Quotation marks out and every run of white space one space, in one pass.
  let out = '';
  let copied = 0; // text[copied, k) is still to be appended
  let changed = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    let skip = 0;
    let replacement = '';
    if ((c === 0x60 || c === 0x27) && text.charCodeAt(k + 1) === c)
      skip = 2; // `` or ''
    else if (c === 0x201c || c === 0x201d || c === 0x22)
      skip = 1; // “ ” "
    else if (isSpace(c)) {
      let e = k + 1;
      for (let step = 1; step > 0; e += step) step = e >= text.length ? 0 : isSpace(text.charCodeAt(e)) ? 1 : isQuoteAt(text, e);
      // Quotation marks inside a run of spaces go first, so the run is one run (as after the first replace).
      if (e - k === 1 && c === 0x20) continue;
      skip = e - k;
      replacement = ' ';
    }
    if (!skip) continue;
    out += text.slice(copied, k) + replacement;
    copied = k + skip;
    k += skip - 1;
    changed = true;
  }
  let s = changed ? out + text.slice(copied) : text;
  // Dangling punctuation off both ends.
  let start = 0;
  while (start < s.length && LEADING_JUNK.has(s.charCodeAt(start))) start++;
  let end = s.length;
  while (end > start && TRAILING_JUNK.has(s.charCodeAt(end - 1))) end--;
  if (start > 0 || end < s.length) s = s.slice(start, end);
  // A connective that opens the phrase ("and", "who") with white space after it.
  const opener = OPENING_CONNECTIVE.exec(s);
  if (opener) s = s.slice(opener[0].length);
  return s.trim();
}

/** Length of a quotation mark the first replace drops at text[k] (`` '' “ ” "), or 0. */
function isQuoteAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if ((c === 0x60 || c === 0x27) && text.charCodeAt(k + 1) === c) return 2;
  return c === 0x201c || c === 0x201d || c === 0x22 ? 1 : 0;
}

const codes = (chars: string) => new Set([...chars].map((ch) => ch.charCodeAt(0)));
// After the white space is one space, the only white space left is ' '.
const LEADING_JUNK = codes(' ,;:.#*>-–—(');
const TRAILING_JUNK = codes(' ,;:-–—(');
const OPENING_CONNECTIVE = /^(?:and|but|or|then|who|which|that)\s+/i;

/** Index of the token holding paragraph offset `offset`, searched within [from, to). */
function tokenAt(tokens: Token[], offset: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (tokens[k].end > offset) return k;
  return to - 1;
}

const MAX_SUMMARY_TOKENS = 14;
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Adverbs compromise may tag as adjectives between a subject and its verb ("the union later criticised"). */
const TIME_ADVERBS = new Set(['later', 'earlier', 'then', 'also', 'already', 'now', 'again', 'still', 'once', 'soon']);
/** Particles that complete a verb rather than open a phrase ("walked off", "pulled out", "broke down"). */
const VERB_PARTICLES = new Set(['off', 'out', 'up', 'down', 'back', 'away', 'apart', 'aside']);

/**
 * The event as a short clause: the phrase before it (agent; the patient of a passive; a
 * noun's possessor), then its verb group, the trigger and what completes it (object,
 * particle, "to"-infinitive or a prepositional phrase): "coup leaders told US forces to leave".
 */
function summaryOf(
  text: string,
  tokens: Token[],
  i: number,
  clause: [number, number],
  roles: { agent: Span | null; patient: Span | null },
  found: Classified,
  sentenceFirst: number,
  sentenceEnd: number,
): string {
  const [from, to] = clause;
  const isNoun = found.partOfSpeech === 'noun';
  let startTok = i;
  if (isNoun) {
    while (startTok > from && isNpToken(tokens[startTok - 1]) && !/[,;:]/.test(tokens[startTok - 1].post)) startTok--;
  } else {
    startTok = i - verbGroup(tokens, i, Math.max(from, sentenceFirst)).length;
  }
  const before = found.passive ? roles.patient : roles.agent;
  const after = found.passive ? roles.agent : roles.patient;
  let endTok = i;
  // Particles belong to their verb ("walked off", "pulled out").
  while (
    endTok + 1 < to &&
    !/[,;:.]/.test(tokens[endTok].post) &&
    (tokens[endTok + 1].tags.has('Particle') || (!isNoun && VERB_PARTICLES.has(wordOf(tokens[endTok + 1]))))
  )
    endTok++;
  if (after && after.start >= tokens[i].end) endTok = Math.max(endTok, tokenAt(tokens, after.end - 1, i, to));
  if (!isNoun && !/[,;:.]/.test(tokens[endTok].post) && endTok + 1 < to) {
    // A date phrase may sit between the verb and its complement: "voted on Tuesday to close".
    let m = endTok + 1;
    if (PREPOSITION_WORDS.has(wordOf(tokens[m])) && m + 1 < to && tokens[m + 1].tags.has('Date')) {
      m++;
      while (m + 1 < to && tokens[m + 1].tags.has('Date') && !/[,;:.]/.test(tokens[m].post)) m++;
      if (!/[,;:.]/.test(tokens[m].post) && m + 2 < sentenceEnd && wordOf(tokens[m + 1]) === 'to' && tokens[m + 2].tags.has('Verb')) endTok = m;
    }
    const next = wordOf(tokens[endTok + 1]);
    if (next === 'to' && endTok + 2 < sentenceEnd && tokens[endTok + 2].tags.has('Verb')) {
      // "told US forces to leave", "urged both sides to \"find a solution\"" (a quotation may open after "to")
      endTok += 2;
      const object = !/[,;:.]/.test(tokens[endTok].post) ? npAfter(tokens, endTok + 1, sentenceEnd) : null;
      if (object) endTok = tokenAt(tokens, object.end - 1, endTok, sentenceEnd);
    } else if (!after && (tokens[endTok + 1].tags.has('Preposition') || PREPOSITION_WORDS.has(next))) {
      // "fled to Chad", "died in the blast" (but not "ended after workers" of "…after workers accepted")
      const object = npAfter(tokens, endTok + 2, to);
      const objectEnd = object ? tokenAt(tokens, object.end - 1, endTok + 1, to) : -1;
      const opensClause =
        CLAUSE_OPENING_PREPOSITIONS.has(next) &&
        objectEnd + 1 < sentenceEnd &&
        tokens[objectEnd + 1].tags.has('Verb') &&
        !tokens[objectEnd + 1].tags.has('Gerund');
      if (object && !opensClause) endTok = objectEnd;
    } else if (!after && endTok > i && isNpToken(tokens[endTok + 1])) {
      // After a particle: "rescued off the coast"
      const object = npAfter(tokens, endTok + 1, to);
      if (object) endTok = tokenAt(tokens, object.end - 1, endTok + 1, to);
    }
  }
  if (endTok - startTok >= MAX_SUMMARY_TOKENS) endTok = startTok + MAX_SUMMARY_TOKENS - 1;
  const core = cleanPhrase(text.slice(tokens[startTok].start, tokens[endTok].end));
  const leadSpan = before ? ((before as Span & { phrase?: Span }).phrase ?? before) : null;
  const lead = leadSpan && leadSpan.end <= tokens[startTok].start ? cleanPhrase(text.slice(leadSpan.start, leadSpan.end)) : '';
  return lead ? `${lead} ${core}` : core;
}
