// Direct quotations and their speakers. Document-level: a quotation may run over
// several paragraphs (news convention: no closing mark at the paragraph's end, an
// opening mark on the next), and its speaker may be named in a neighbouring sentence.
import { isTitleWord } from './entities/titles';
import { firstNameGender, titleGender, type Gender } from './gender';
import type { Actor, EntityMention, Quote, Span } from './types';
import { rememberBounded } from './boundedCache';
import { hasLetterOrDigit } from './letters';
import { inStartOrder } from './queries/lookup';

const NOT_NAME_CHARACTERS = /[^\p{L}'-]/gu;

/** `single` marks are ‘…’, used for quotations in some house styles and for quotes within quotes. */
type Mark = Span & { kind: 'open' | 'close' | 'either'; single?: boolean };
type ParagraphLike = Span & { sentences?: Span[] };

const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|stated|states|announced|announces|declared|declares|wrote|writes|' +
  'explained|explains|insisted|insists|warned|warns|noted|notes|asked|asks|replied|replies|argued|argues|' +
  'claimed|claims|continued|continues|recalled|recalls|stressed|stresses|acknowledged|admitted|admits|' +
  'cautioned|predicted|remarked|reported|reports|testified|concluded|quipped|complained|urged|urges|' +
  'emphasized|emphasised|observed|suggested|suggests|conceded|boasted|affirmed|confirmed|confirms|vowed|pledged|tweeted|posted|' +
  '(?:was|were|is|has been) quoted as saying';
/** A speaker phrase: a few words, no sentence punctuation or quote marks. */
const SPEAKER = String.raw`((?:[A-Za-z][\w'’.\-]*|\d[\w.\-]*)(?:\s+(?:[A-Za-z][\w'’.\-]*|\d[\w.\-]*)){0,9}?)`;
const AFTER_SPEAKER_VERB = new RegExp(String.raw`^\s*[,—–-]?\s*${SPEAKER}\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?(${SPEECH_VERBS})\b`, 'i');
/** Where a speaker phrase after its verb ends: punctuation, but not the dot of "U.S." or "P.J.". */
const PHRASE_END = String.raw`(?=[,;:!?]|(?<![A-Z])\.(?:\s|$)|$)`;
const AFTER_VERB_SPEAKER = new RegExp(String.raw`^\s*[,—–-]?\s*(${SPEECH_VERBS})\s+${SPEAKER}\s*${PHRASE_END}`, 'i');
const AFTER_ACCORDING = new RegExp(String.raw`^\s*[,—–-]?\s*according\s+to\s+${SPEAKER}\s*${PHRASE_END}`, 'i');
const BEFORE_SPEAKER_VERB = new RegExp(
  String.raw`${SPEAKER}\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?(${SPEECH_VERBS})\b([^.!?"“”]{0,80})[:,]\s*$`,
  'i',
);
/** The sentence's subject said it: "Burton, the committee's chairman, said in a release he ``…''". */
const SENTENCE_SUBJECT_SAID = new RegExp(
  String.raw`^\s*${SPEAKER}(?:,[^,"“”]{1,100},)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?(${SPEECH_VERBS})\b([^"“”]*)$`,
  'i',
);
/** An attribution anywhere in a sentence: "…, the Pentagon said in a joint statement." */
const SENTENCE_ATTRIBUTION = new RegExp(
  String.raw`(?:^|[,;—–]\s*|\b(?:that|and|but)\s+)${SPEAKER}\s+(?:also\s+|later\s+|has\s+|had\s+|have\s+)?(${SPEECH_VERBS})\b([^"“”]*)$`,
  'i',
);
/** "The agency Infopress quoted Interior Minister Ivan Petrov as saying": the quoted person speaks. */
const QUOTED_AS_SAYING = new RegExp(String.raw`\bquoted\s+${SPEAKER}\s+as\s+(?:saying|telling)\b`, 'i');
/** 'According to Okafor, "…"'. */
const BEFORE_ACCORDING = new RegExp(String.raw`\baccording\s+to\s+${SPEAKER}\s*[,:]\s*$`, 'i');
/** A speech cue anywhere in a sentence: what makes a short quoted phrase a quotation, not a scare quote. */
const SPEECH_CUE = new RegExp(String.raw`\b(?:${SPEECH_VERBS}|according\s+to|quoted|saying|asking|calling\s+for|in\s+the\s+words\s+of)\b`, 'i');
/** A role noun as a speaker: "the prime minister", "the envoy", "the finance minister". */
// Lower-case words only: "the Pentagon" is a name, not a role.
const ROLE_PHRASE = /^(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+((?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*)$/;
const DOCUMENT_PHRASE =
  /\b(?:in|on|through|via)\s+((?:a|an|the|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?(statement|communiqu[eé]|release|interview|letter|report|post|message|speech|briefing|video|broadcast|email|memo)\b(?:\s+with\s+[^,.;]{1,60})?)/i;
const DOCUMENT_HEAD =
  /\b(statement|communiqu[eé]|release|interview|letter|report|post|message|speech|briefing|video|broadcast|email|memo|document|declaration)\b/i;
/** A speaker phrase that is only a pronoun (resolved to whom it stands for, or left unnamed). */
export const PRONOUN = /^(he|she|they|it|we|i)$/i;
const LEADING_WORDS_TO_DROP = /^(?:and|but|so|then|while|as)\s+/i;

export function findQuotes(text: string, paragraphs: ParagraphLike[], entities: EntityMention[], actors: Actor[]): Quote[] {
  const paras = paragraphs.length ? [...paragraphs].sort((a, b) => a.start - b.start) : [{ start: 0, end: text.length }];
  const spans = findQuotationSpans(text, paras);
  const mentions = inStartOrder(entities);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const quotes: Quote[] = [];
  const documentSpeakers = new Map<string, string>(); // "statement" → actor id of whoever issued it
  const genders = personGenders(text, mentions, actorById, paras);
  for (const span of spans) {
    if (isScareQuote(text, span, paras)) continue;
    const attribution = attribute(text, span, paras, quotes, mentions, actorById, documentSpeakers, genders);
    quotes.push({
      start: span.start,
      end: span.end,
      speaker: attribution?.speaker ?? null,
      speakerText: attribution?.speakerText ?? null,
      speakerSpan: attribution?.speakerSpan ?? null,
    });
  }
  return quotes;
}

/** Quotation spans (opening mark to closing mark, inclusive), merged across reopened paragraphs. */
export function findQuotationSpans(text: string, paragraphs: Span[]): Span[] {
  const out: Span[] = [];
  let open: number | null = null;
  let openSingle = false;
  let lastInside = 0;
  paragraphs.forEach((para, p) => {
    const marks = quoteMarks(text, para);
    for (const m of marks) {
      if (open === null) {
        if (m.kind !== 'close') {
          open = m.start;
          openSingle = m.single === true;
        }
        continue;
      }
      // A quotation within the quotation ("He said ‘no’", ‘He said “no”’) belongs to it.
      if ((m.single === true) !== openSingle) continue;
      if (m.kind === 'open') {
        if (m.start === firstNonSpace(text, para) && open < para.start) continue; // reopened in a new paragraph
        // An opening mark inside an open quotation: the earlier one was never closed.
        out.push({ start: open, end: trimEnd(text, open, m.start) });
        open = m.start;
        openSingle = m.single === true;
        continue;
      }
      out.push({ start: open, end: m.end });
      open = null;
    }
    if (open !== null) {
      lastInside = para.end;
      const next = paragraphs[p + 1];
      const reopens = next && startsWithOpeningMark(text, next);
      if (!reopens) {
        out.push({ start: open, end: trimEnd(text, open, lastInside) });
        open = null;
      }
    }
  });
  if (open !== null) out.push({ start: open, end: trimEnd(text, open, lastInside || text.length) });
  return out.filter((s) => s.end - s.start > 2);
}

function quoteMarks(text: string, para: Span): Mark[] {
  const marks: Mark[] = [];
  const re = /``|''|[“”"‘’]/g;
  re.lastIndex = para.start;
  for (let m = re.exec(text); m && m.index < para.end; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const mark = m[0];
    if (mark === '‘' || mark === '’') {
      // ’ is mostly an apostrophe (don’t, troops’): a single mark counts only at a word's edge.
      const before = text[start - 1] ?? ' ';
      const after = text[end] ?? ' ';
      if (mark === '‘' && (start === para.start || /[\s([{—–"“]/.test(before)) && /\S/.test(after)) marks.push({ start, end, kind: 'open', single: true });
      else if (mark === '’' && /\S/.test(before) && !hasLetterOrDigit(after)) marks.push({ start, end, kind: 'close', single: true });
      continue;
    }
    if (mark === '``' || mark === '“') marks.push({ start, end, kind: 'open' });
    else if (mark === '”') marks.push({ start, end, kind: 'close' });
    else if (mark === "''") {
      // Two apostrophes close a `` quotation; inside a word they are something else.
      if (/\w/.test(text[start - 1] ?? '') && /\w/.test(text[end] ?? '')) continue;
      marks.push({ start, end, kind: 'close' });
    } else {
      const before = text[start - 1] ?? ' ';
      const after = text[end] ?? ' ';
      const spaceBefore = start === para.start || /[\s([{—–-]/.test(before);
      const spaceAfter = /[\s,.;:!?)\]}—–]/.test(after) || end >= para.end;
      marks.push({ start, end, kind: spaceBefore && !spaceAfter ? 'open' : !spaceBefore && spaceAfter ? 'close' : 'either' });
    }
  }
  return marks;
}

function firstNonSpace(text: string, para: Span): number {
  let i = para.start;
  while (i < para.end && /\s/.test(text[i])) i++;
  return i;
}

function startsWithOpeningMark(text: string, para: Span): boolean {
  const i = firstNonSpace(text, para);
  return text.startsWith('``', i) || text[i] === '“' || text[i] === '‘' || (text[i] === '"' && /\S/.test(text[i + 1] ?? ''));
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

interface Attribution {
  speaker: string | null;
  speakerText: string | null;
  speakerSpan: Span | null;
}

function attribute(
  text: string,
  q: Span,
  paras: ParagraphLike[],
  earlier: Quote[],
  mentions: EntityMention[],
  actorById: Map<string, Actor>,
  documentSpeakers: Map<string, string>,
  genders: Map<string, Gender>,
): Attribution | null {
  const firstIndex = indexAt(paras, q.start);
  const lastIndex = indexAt(paras, q.end - 1);
  if (firstIndex < 0 || lastIndex < 0) return null;
  const para = paras[lastIndex];
  const firstPara = paras[firstIndex];

  const resolve = (phrase: string, offset: number, rest: string): Attribution | null =>
    speakerFrom(text, phrase, offset, q, mentions, actorById, documentSpeakers, rest, genders, paras);
  const afterEnd = sentenceEndAfter(text, q.end, para.end);
  const after = text.slice(q.end, afterEnd);
  const beforeStart = sentenceStartBefore(text, q.start, firstPara.start);
  const before = text.slice(beforeStart, q.start);

  // 0. "<agency> quoted X as saying": X speaks, not the agency that reports it.
  for (const [part, base] of [
    [after, q.end],
    [before, beforeStart],
  ] as const) {
    const m = QUOTED_AS_SAYING.exec(part);
    if (!m) continue;
    const found = resolve(m[1], base + m.index + m[0].indexOf(m[1], 6), '');
    if (found?.speaker) return withPronounFromPrevious(found, earlier, paras, firstIndex, actorById, genders);
  }

  // 1. Right after the closing mark, in the same sentence: '…," the Pentagon said.'
  for (const re of [AFTER_SPEAKER_VERB, AFTER_VERB_SPEAKER, AFTER_ACCORDING]) {
    const m = re.exec(after);
    if (!m) continue;
    const phrase = re === AFTER_VERB_SPEAKER ? m[2] : m[1];
    const offset = q.end + m.index + m[0].indexOf(phrase, re === AFTER_VERB_SPEAKER ? m[0].indexOf(m[1]) + m[1].length : 0);
    const found = resolve(phrase, offset, after.slice(m[0].length));
    if (found) return withPronounFromPrevious(found, earlier, paras, firstIndex, actorById, genders);
  }

  // 2. Just before the opening mark: 'The ministry said in a statement: "…' or 'According to Okafor, "…'
  const according = BEFORE_ACCORDING.exec(before);
  if (according) {
    const found = resolve(according[1], beforeStart + according.index + according[0].indexOf(according[1], 12), '');
    if (found) return found;
  }
  const b = BEFORE_SPEAKER_VERB.exec(before);
  if (b) {
    const phrase = b[1].replace(LEADING_WORDS_TO_DROP, '');
    const offset = beforeStart + b.index + b[0].indexOf(phrase);
    const found = resolve(phrase, offset, b[3]);
    if (found) return withPronounFromPrevious(found, earlier, paras, firstIndex, actorById, genders);
  }

  // A quotation inside a sentence whose subject said it: 'Holder said that … ``…'''.
  const subject = SENTENCE_SUBJECT_SAID.exec(before);
  if (subject && !/\b(that|which|who)$/i.test(subject[1])) {
    const phrase = subject[1].replace(LEADING_WORDS_TO_DROP, '');
    const offset = beforeStart + subject.index + subject[0].indexOf(subject[1]) + subject[1].indexOf(phrase);
    const found = resolve(phrase, offset, subject[3]);
    if (found) return withPronounFromPrevious(found, earlier, paras, firstIndex, actorById, genders);
  }

  // The quotation stands alone in its sentence (or ends one): look around it.
  const endsSentence = /[.!?]\s*(?:''|["”’])$/.test(text.slice(q.start, q.end));
  const standsAlone = !/[A-Za-z]/.test(before) && (endsSentence || !/^[\s.,!?;:)\]]*[A-Za-z]/.test(after));
  if (!standsAlone) return null;

  // 3. It continues the attributed quotation just before it, in its own paragraph or in the
  //    previous one when nothing but the attribution follows that quotation there.
  const previous = earlier[earlier.length - 1];
  if (previous && (previous.speaker || previous.speakerText)) {
    const prevIndex = indexAt(paras, previous.end - 1);
    const sameParagraph = prevIndex === firstIndex;
    const adjacent =
      prevIndex >= 0 &&
      prevIndex === firstIndex - 1 &&
      !/[.!?]\s+[A-Z]/.test(text.slice(previous.end, Math.min(paras[prevIndex].end, previous.end + ATTRIBUTION_WINDOW)));
    if (sameParagraph || adjacent) return { speaker: previous.speaker, speakerText: previous.speakerText, speakerSpan: previous.speakerSpan ?? null };
  }

  // 4. An attribution in the previous sentence ("…, the Pentagon said in a joint statement."), else the next.
  for (const sentence of [previousSentence(text, q.start, paras), nextSentence(text, q.end, paras)]) {
    if (!sentence) continue;
    const s = text.slice(sentence.start, sentence.end);
    if (/["“”]|``/.test(s)) continue;
    const m = SENTENCE_ATTRIBUTION.exec(s.replace(/[.!?]+\s*$/, ''));
    if (!m) continue;
    const phrase = m[1].replace(LEADING_WORDS_TO_DROP, '');
    const offset = sentence.start + m.index + m[0].indexOf(m[1]) + m[1].indexOf(phrase);
    const found = resolve(phrase, offset, m[3]);
    if (found) return found;
  }
  return null;
}

/** '"…," he said' with no person named before: he is the speaker of the quotation just before. */
function withPronounFromPrevious(
  found: Attribution,
  earlier: Quote[],
  paras: ParagraphLike[],
  index: number,
  actorById: Map<string, Actor>,
  genders: Map<string, Gender>,
): Attribution {
  // Prefer the speaker of the quotation just before over the nearest name: news prose
  // names a speaker once and then says "he said" ("…," said Ana Ruiz. "…," she said).
  if (!found.speakerText || !PRONOUN.test(found.speakerText)) return found;
  const previous = earlier[earlier.length - 1];
  if (!previous?.speaker) return found;
  const personal = /^(he|she|i)$/i.test(found.speakerText);
  const type = actorById.get(previous.speaker)?.type;
  if (type && personal !== (type === 'person')) return found;
  // "she said" after Daniel Okafor's quotation is someone else.
  if (!genderFits(pronounGender(found.speakerText), genders.get(previous.speaker))) return found;
  const prevIndex = indexAt(paras, previous.end - 1);
  return prevIndex === index || prevIndex === index - 1 ? { ...found, speaker: previous.speaker } : found;
}

function speakerFrom(
  text: string,
  rawPhrase: string,
  offset: number,
  q: Span,
  mentions: EntityMention[],
  actorById: Map<string, Actor>,
  documentSpeakers: Map<string, string>,
  rest: string,
  genders: Map<string, Gender> = new Map(),
  paras: ParagraphLike[] = [],
): Attribution | null {
  // "And it said", "The White House quickly said": keep the noun phrase only.
  const phrase = rawPhrase
    .trim()
    .replace(LEADING_WORDS_TO_DROP, '')
    .replace(/\s+[a-z]+ly$/, '');
  if (!phrase || /^(that|this|which|what|who|it is|there)$/i.test(phrase)) return null;
  const at = offset + Math.max(0, rawPhrase.indexOf(phrase));
  const span = { start: at, end: at + phrase.length };
  let speaker = actorIn(mentions, span, actorById);
  // "one delegate, Maria Santos": the name in apposition is the speaker.
  if (!speaker) speaker = appositivePerson(text, span.end, mentions);
  // "quoted him as saying": the object pronoun stands for the same person as "he".
  const pronoun = /^him$/i.test(phrase) ? 'he' : /^her$/i.test(phrase) ? 'she' : phrase;
  if (!speaker && /^(he|she|i)$/i.test(pronoun))
    speaker = personAntecedent(text, mentions, Math.min(q.start, span.start), pronounGender(pronoun), genders, paras);
  else if (!speaker && PRONOUN.test(phrase)) speaker = antecedent(mentions, q.start, 'group');
  // "the prime minister said": whoever the article introduced with that title.
  const role = !speaker ? ROLE_PHRASE.exec(phrase) : null;
  // Only a title names a person ("the minister", "the envoy"); "the company" or "the police" speak for themselves.
  if (role && !DOCUMENT_HEAD.test(phrase) && isTitleWord(role[1].split(/\s+/).pop() ?? '')) speaker = roleHolder(text, role[1], span.start, mentions);
  // "X said in a joint statement": the statement is what speaks; X issued it.
  const doc = DOCUMENT_PHRASE.exec(rest);
  if (doc) {
    const docStart = text.indexOf(doc[1], span.end);
    if (speaker) documentSpeakers.set(doc[2].toLowerCase(), speaker);
    return { speaker, speakerText: doc[1], speakerSpan: docStart >= 0 ? { start: docStart, end: docStart + doc[1].length } : span };
  }
  const head = DOCUMENT_HEAD.exec(phrase);
  if (!speaker && head) speaker = documentSpeakers.get(head[1].toLowerCase()) ?? null;
  else if (speaker && head) documentSpeakers.set(head[1].toLowerCase(), speaker);
  return { speaker, speakerText: phrase, speakerSpan: span };
}

function pronounGender(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  return p === 'he' ? 'male' : p === 'she' ? 'female' : null;
}

/** Unknown on either side fits; only a known mismatch does not. */
function genderFits(wanted: Gender | null, known: Gender | undefined): boolean {
  return !wanted || !known || wanted === known;
}

/**
 * The gender of each person actor, where the text gives it: a title before a mention
 * ("Mr. Brooks"), the first name (compromise's lexicon of first names), or a sentence
 * opening "He …"/"She …" right after a sentence naming only that person.
 */
function personGenders(text: string, mentions: EntityMention[], actorById: Map<string, Actor>, paras: ParagraphLike[]): Map<string, Gender> {
  const byTitle = new Map<string, Gender>();
  const byName = new Map<string, Gender>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const title = titleGender(text.slice(Math.max(0, m.start - 12), m.start)) ?? leadingTitleGender(m.text);
    if (title && !byTitle.has(m.actorId)) byTitle.set(m.actorId, title);
    const first = firstNameOf(actorById.get(m.actorId)?.name ?? m.text);
    const fromName = first ? firstNameGender(first) : null;
    if (fromName && !byName.has(m.actorId)) byName.set(m.actorId, fromName);
  }
  const genders = new Map<string, Gender>([...byName, ...byTitle]);
  // "Daniel Okafor … said X. He added …": a pronoun used of the only person just named.
  for (const para of paras) {
    const sentences = sentencesOf(text, para);
    for (let i = 1; i < sentences.length; i++) {
      // Only a sentence opening with H, S or a space can open with the pronoun: no slice or regex for the rest.
      const opening = text.charCodeAt(sentences[i].start);
      if (opening !== 72 && opening !== 83 && !/\s/.test(text[sentences[i].start])) continue;
      const pronoun = /^\s*(He|She)\b/.exec(text.slice(sentences[i].start, sentences[i].start + 6));
      if (!pronoun) continue;
      const people = new Set(
        mentionsIn(mentions, sentences[i - 1])
          .filter((m) => m.type === 'person')
          .map((m) => m.actorId),
      );
      if (people.size !== 1) continue;
      const [id] = people;
      if (!genders.has(id)) genders.set(id, pronoun[1] === 'He' ? 'male' : 'female');
    }
  }
  return genders;
}

// Pure functions of a name, read for every person mention on every re-analysis: memoised
// (null is a remembered answer, so the lookups test for undefined).
const NAMES_REMEMBERED = 50_000;
const leadingTitles = new Map<string, Gender | null>();
/** The gender a mention's own first word gives as a title ("Mrs Okafor"). */
function leadingTitleGender(mentionText: string): Gender | null {
  const known = leadingTitles.get(mentionText);
  if (known !== undefined) return known;
  return rememberBounded(leadingTitles, NAMES_REMEMBERED, mentionText, titleGender(`${mentionText.split(/\s+/)[0]} `));
}

const firstNames = new Map<string, string | null>();
/** The first name of a full name (after any title, letters only), or null for a name of one word. */
function firstNameOf(fullName: string): string | null {
  const known = firstNames.get(fullName);
  if (known !== undefined) return known;
  const name = fullName.trim();
  const first = name.split(/\s+/).find((w) => !titleGender(`${w} `));
  return rememberBounded(firstNames, NAMES_REMEMBERED, fullName, first && /\s/.test(name) ? first.replace(NOT_NAME_CHARACTERS, '') : null);
}

function mentionsIn(mentions: EntityMention[], span: Span): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = firstStartingFrom(mentions, span.start); i < mentions.length && mentions[i].start < span.end; i++) out.push(mentions[i]);
  return out;
}

/**
 * "he said": the most recent person the text makes a subject, of the pronoun's gender
 * where it is known. Goes back sentence by sentence; in a sentence with several people,
 * the first one named (the subject, in news prose) is taken.
 */
function personAntecedent(
  text: string,
  mentions: EntityMention[],
  before: number,
  gender: Gender | null,
  genders: Map<string, Gender>,
  paras: ParagraphLike[],
): string | null {
  const fits = (m: EntityMention) => m.type === 'person' && m.end <= before && genderFits(gender, genders.get(m.actorId));
  // Back from `before`, sentence by sentence, at most 3,000 characters: each quote's lookup stays
  // bounded however long the article or its paragraphs.
  let sawSentence = false;
  for (let k = indexAt(paras, before - 1); k >= 0; k--) {
    const p = paras[k];
    if (p.start >= before) continue;
    if (before - p.end > 3000) break;
    const sentences = sentencesOf(text, p);
    for (let i = firstStartingFrom(sentences, before) - 1; i >= 0; i--) {
      if (before - sentences[i].end > 3000) return null;
      sawSentence = true;
      const candidates = mentionsIn(mentions, { start: sentences[i].start, end: Math.min(sentences[i].end, before) }).filter(fits);
      if (candidates.length) return candidates[0].actorId;
    }
  }
  if (sawSentence) return null;
  // No sentence spans to go by: the nearest fitting person.
  for (let i = firstStartingFrom(mentions, before + 1) - 1; i >= 0; i--) {
    if (before - mentions[i].end > 3000) break;
    if (fits(mentions[i])) return mentions[i].actorId;
  }
  return null;
}

/** "one delegate, Maria Santos": a person named right after the phrase and a comma. */
function appositivePerson(text: string, end: number, mentions: EntityMention[]): string | null {
  const gap = /^\s*,\s*/.exec(text.slice(end, end + 6));
  if (!gap) return null;
  const at = end + gap[0].length;
  const m = mentions[firstStartingFrom(mentions, at)];
  return m && m.start === at && m.type === 'person' ? m.actorId : null;
}

/**
 * "the prime minister" → the person the article introduced with that title before:
 * "Prime Minister Laura Bennett", "the envoy Michael Torres", "The finance minister,
 * Peter Collins" or "Peter Collins, the finance minister". The latest introduction wins.
 */
function roleHolder(text: string, role: string, before: number, mentions: EntityMention[]): string | null {
  const words = role
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b${words.join('\\s+')}\\b`, 'gi');
  let holder: string | null = null;
  re.lastIndex = Math.max(0, before - 20_000); // keeps a huge article's lookup bounded
  for (let m = re.exec(text); m && m.index < before; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (/^['’]s\b/.test(text.slice(end, end + 3))) continue; // "the minister's aide" names someone else
    // The title inside a person's name as tagged ("Attorney General Mark Ellison").
    const around = mentions[firstStartingFrom(mentions, m.index + 1) - 1];
    if (around && around.start <= m.index && end < around.end && around.type === 'person') {
      holder = around.actorId;
      continue;
    }
    // Title first: "Prime Minister Laura Bennett", "The finance minister, Peter Collins".
    const gap = /^(?:\s*,\s*|\s+)/.exec(text.slice(end, end + 4));
    const next = gap ? mentions[firstStartingFrom(mentions, end + gap[0].length)] : undefined;
    if (gap && next && next.start === end + gap[0].length && next.type === 'person') {
      holder = next.actorId;
      continue;
    }
    // Name first: "Peter Collins, the finance minister".
    const head = text.slice(Math.max(0, m.index - 60), m.index);
    const lead = /,\s*(?:the|a|an|its|their)?\s*(?:[\w'’.-]+\s+){0,4}$/i.exec(head);
    if (!lead) continue;
    const commaAt = m.index - head.length + lead.index;
    const i = firstStartingFrom(mentions, commaAt + 1) - 1;
    if (i >= 0 && mentions[i].end === commaAt && mentions[i].type === 'person') holder = mentions[i].actorId;
  }
  return holder;
}

/** A quoted phrase of one to three words with no speech verb in its sentence is a scare quote ("a 'nightmare'"). */
function isScareQuote(text: string, q: Span, paras: ParagraphLike[]): boolean {
  const inner = text
    .slice(q.start, q.end)
    .replace(/^(?:``|[“"‘'])|(?:''|[”"’'])$/g, '')
    .trim();
  const words = inner.split(/\s+/).filter((w) => hasLetterOrDigit(w));
  if (words.length > 3 || /[.!?]$/.test(inner)) return false;
  const para = paras[Math.max(0, indexAt(paras, q.start))];
  const sentences = para ? sentencesOf(text, para) : [];
  const candidate = sentences[firstStartingFrom(sentences, q.start + 1) - 1];
  const sentence = (candidate && q.start < candidate.end ? candidate : undefined) ?? {
    start: Math.max(para?.start ?? 0, q.start - 200),
    end: Math.min(para?.end ?? text.length, q.end + 200),
  };
  const outside = `${text.slice(Math.max(sentence.start, q.start - 300), q.start)} ${text.slice(q.end, Math.min(Math.max(sentence.end, q.end), q.end + 300))}`;
  return !SPEECH_CUE.test(outside);
}

/** First index in `spans` (sorted by start) whose start is at or after `at`: per-quote lookups stay logarithmic. */
function firstStartingFrom(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function actorIn(mentions: EntityMention[], span: Span, actorById: Map<string, Actor>): string | null {
  const inside: EntityMention[] = [];
  for (let i = firstStartingFrom(mentions, span.start); i < mentions.length && mentions[i].start <= span.end; i++) {
    if (mentions[i].end <= span.end) inside.push(mentions[i]);
  }
  const rank = (m: EntityMention) => (m.type === 'person' ? 0 : m.type === 'organization' ? 1 : 2);
  inside.sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const best = inside[0];
  return best && actorById.has(best.actorId) ? best.actorId : (best?.actorId ?? null);
}

/** The nearest earlier person (for he/she) or organisation (for they/it) before the quotation. */
function antecedent(mentions: EntityMention[], before: number, kind: 'person' | 'group'): string | null {
  // Mentions starting after `before` also end after it: start from the last one that does not.
  for (let i = firstStartingFrom(mentions, before + 1) - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.end > before) continue;
    if (before - m.end > 3000) break;
    if (kind === 'person' ? m.type === 'person' : m.type === 'organization') return m.actorId;
  }
  return null;
}

/** How far around a quotation an attribution is looked for; keeps huge paragraphs linear. */
const ATTRIBUTION_WINDOW = 600;

function sentenceEndAfter(text: string, from: number, limit: number): number {
  const stop = Math.min(limit, from + ATTRIBUTION_WINDOW);
  const re = /(?<![A-Z])\.(?=\s|$)|[!?](?=\s|$)|["“]|``/g;
  const m = re.exec(text.slice(from, stop));
  return m ? from + m.index : stop;
}

function sentenceStartBefore(text: string, from: number, limit: number): number {
  limit = Math.max(limit, from - ATTRIBUTION_WINDOW);
  for (let i = from - 1; i >= limit; i--) {
    if (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? ' ') && i + 1 < from) return i + 1;
    if (text[i] === '”' || text.startsWith("''", i - 1)) return i + 1;
  }
  return limit;
}

const sentenceCache = new WeakMap<ParagraphLike, Span[]>();

function sentencesOf(text: string, para: ParagraphLike): Span[] {
  if (para.sentences && para.sentences.length) return para.sentences;
  const cached = sentenceCache.get(para);
  if (cached) return cached;
  const out: Span[] = [];
  const re = /[^.!?]+[.!?]*["”']?/g;
  const slice = text.slice(para.start, para.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) if (/\S/.test(m[0])) out.push({ start: para.start + m.index, end: para.start + m.index + m[0].length });
  sentenceCache.set(para, out);
  return out;
}

/** Index of the last paragraph starting at or before `at` (paragraphs are sorted), or -1. */
function indexAt(paras: readonly Span[], at: number): number {
  return firstStartingFrom(paras, at + 1) - 1;
}

/** The paragraph holding `at` and its neighbours: attributions are looked for no further. */
function nearbyParagraphs(at: number, paras: ParagraphLike[]): ParagraphLike[] {
  const i = Math.max(0, indexAt(paras, at));
  return paras.slice(Math.max(0, i - 1), i + 2);
}

function previousSentence(text: string, at: number, paras: ParagraphLike[]): Span | null {
  let best: Span | null = null;
  for (const p of nearbyParagraphs(at, paras)) {
    if (p.start >= at) break;
    for (const s of sentencesOf(text, p)) {
      if (s.end > at) break;
      if (at - s.end < ATTRIBUTION_WINDOW && /[A-Za-z]/.test(text.slice(s.start, s.end))) best = s;
    }
  }
  return best && best.end - best.start <= 4 * ATTRIBUTION_WINDOW ? best : null;
}

function nextSentence(text: string, at: number, paras: ParagraphLike[]): Span | null {
  for (const p of nearbyParagraphs(at, paras)) {
    if (p.end <= at) continue;
    for (const s of sentencesOf(text, p)) {
      if (s.start < at) continue;
      if (s.start - at > ATTRIBUTION_WINDOW) return null;
      if (/[A-Za-z]/.test(text.slice(s.start, s.end))) return s.end - s.start <= 4 * ATTRIBUTION_WINDOW ? s : null;
    }
  }
  return null;
}
