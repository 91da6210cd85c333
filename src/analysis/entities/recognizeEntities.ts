// Paragraph-level entity recognition: a learned tagger over compromise's
// tokens (tagger.ts), a gazetteer of maintained place data (gazetteer.ts), and
// rules for what neither covers well (facilities, acronyms, organisations named
// by role, titles, possessives). Pure function of the parsed paragraph.
import type { ParsedParagraph } from '../parse';
import type { EntityEvidence, EntityType, Span } from '../types';
import { type PreparedTokens, prepareTokens } from './features';
import { getGazetteer, stripPossessive } from './gazetteer';
import { tagTokens, type TaggerModel } from './tagger';
import { isTitleWord } from './titles';

/** An entity found in one paragraph; offsets are relative to the paragraph. */
export interface EntityCandidate extends Span {
  text: string;
  type: EntityType;
  evidence: EntityEvidence;
  /** A normalised key that names the actor when it differs from the text ("United States" for "US"). */
  canonical?: string;
  /** For a nationality: the ISO 3166-1 alpha-2 code of its country; for a country: its own code. */
  countryCode?: string;
  /** The full name this mention abbreviates, when the text says so ("…, known as JNIM", "(JNIM)"). */
  expansion?: string;
  /** The kind comes from the context (a team in a match report), not from the name: it does not share an actor with the same name of another kind. */
  contextKind?: boolean;
}

export interface RecognizeOptions {
  /** A tagger model other than the shipped one (used when measuring a held-out build). */
  model?: TaggerModel;
}

// MISC (nationalities, events, works) is a class of the tagger so it can tell "German" from
// "Germany"; only its nationalities and the groups it names are shown (spansFromLabels).
const KIND: Record<string, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'place' };

interface RawSpan {
  first: number;
  /** Token index after the span. */
  last: number;
  type: EntityType;
  evidence: EntityEvidence;
  countryCode?: string;
  canonical?: string;
  contextKind?: boolean;
}

export function recognizeEntities(parsed: ParsedParagraph, options: RecognizeOptions = {}): EntityCandidate[] {
  if (!parsed.tokens.length) return [];
  const p = prepareTokens(parsed);
  const labels = tagTokens(p, options.model);
  let spans = spansFromLabels(p, labels);
  spans = extendOverParticles(p, labels, spans);
  spans = applyDatelineRule(p, spans);
  spans = applyResultsRule(p, parsed.text, spans);
  spans = applyMatchRule(p, parsed.text, spans);
  spans = addGazetteerSpans(p, spans);
  spans = applyListRule(p, parsed.text, spans);
  spans = applyBylineRule(p, parsed.text, spans);
  spans = applyFacilityRule(p, spans);
  spans = applyAssemblyRule(p, spans);
  spans = joinMissionNames(p, spans);
  spans = trimTitles(p, spans);
  spans = trimLowercaseEdges(p, spans);
  const candidates = spans.map((s) => toCandidate(p, parsed.text, s)).filter((c): c is EntityCandidate => c !== null);
  linkAcronyms(p, parsed.text, candidates);
  candidates.push(...roleOrganizations(p, parsed.text, candidates));
  return candidates.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Punctuation between tokens j-1 and j that no name runs across ("Kenya (AP) —", "Mali, Niger"). */
function breaksName(p: PreparedTokens, j: number): boolean {
  return /[,;:()[\]"“”!?—–/|]/.test(p.tokens[j - 1].post + p.tokens[j].pre) || /\n/.test(p.tokens[j - 1].post);
}

const GROUP_NOUNS = new Set(['group', 'militia', 'movement', 'network', 'faction']);

// Party members in the plural name their party ("the Social Democrats", "the Free Democrats").
const PARTY_MEMBERS = new Set(['democrats', 'republicans', 'socialists', 'conservatives', 'liberals', 'greens', 'communists', 'nationalists', 'unionists', 'federalists']);

/** Whether WordNet names tokens [first, last), exactly, as a group ("al-Qaida", "Taleban"). */
function wordnetGroup(p: PreparedTokens, first: number, last: number): boolean {
  if (!p.names[first]?.startsWith('B-') || !p.names[first].includes('o')) return false;
  if (last < p.tokens.length && p.names[last].startsWith('I-')) return false;
  for (let k = first + 1; k < last; k++) if (!p.names[k].startsWith('I-')) return false;
  return true;
}

/**
 * Whether a name the tagger filed as miscellaneous [first, last) names a body after all: the
 * noun after it does ("the Islamic State group"), or it is a party by its members ("the Social Democrats").
 */
function namesGroup(p: PreparedTokens, first: number, last: number): boolean {
  const sameSentence = last < p.tokens.length && p.tokens[last].sentenceIndex === p.tokens[first].sentenceIndex;
  if (sameSentence && GROUP_NOUNS.has(p.lower[last]) && !p.tags[last - 1].includes('Adjective')) return true;
  return last - first > 1 && PARTY_MEMBERS.has(p.lower[last - 1]);
}

// Lower-case words inside names: "Bank of England", "Trinidad and Tobago", "Stoke-on-Trent".
const NAME_CONNECTORS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'at', 'upon', 'y', 'et', 'des', 'del', 'della', 'dello', 'dei', 'degli', 'do', 'e', 'den', 'het', 'op', 'zu', 'zum', 'zur', '&']);

function spansFromLabels(p: PreparedTokens, labels: string[]): RawSpan[] {
  const spans: RawSpan[] = [];
  let i = 0;
  while (i < labels.length) {
    if (labels[i] === 'O') { i++; continue; }
    const kind = labels[i].slice(2);
    let j = i + 1;
    // A plain lower-case word other than a connector ("of", "de") never sits inside a name ("Taliban said Sunni").
    while (j < labels.length && labels[j] === `I-${kind}` && p.tokens[j].sentenceIndex === p.tokens[i].sentenceIndex && !breaksName(p, j) &&
      !(/^\p{Ll}+$/u.test(p.tokens[j].text) && !NAME_PARTICLES.has(p.lower[j]) && !NAME_CONNECTORS.has(p.lower[j]) && p.tokens[j - 1].post !== '-')) j++;
    // In an all-caps headline the tagger has no case to go by: keep only what the lexicon calls a name.
    let nameLike = true;
    for (let k = i; k < j; k++) if (p.allCaps[k] && !p.capitalised[k] && !NAME_PARTICLES.has(p.lower[k])) nameLike = false;
    if (nameLike) {
      const raw: RawSpan = { first: i, last: j, type: KIND[kind], evidence: 'model' };
      // WordNet's groups ("Taleban") before the nationality-like ending; then nationalities
      // ("Polish group" is Polish people) before a noun that calls the name a body.
      if (kind === 'MISC' && wordnetGroup(p, i, j)) spans.push({ ...raw, type: 'organization' });
      else {
        const span = classifyGpe(p, raw, kind === 'MISC');
        if (kind !== 'MISC' || span.type === 'nationality') spans.push(span);
        else if (namesGroup(p, i, j)) spans.push({ ...raw, type: 'organization' });
      }
    }
    i = j;
  }
  return spans;
}

/** Settles place vs nationality from the gazetteer; MISC spans the gazetteer does not know are judged by form. */
function classifyGpe(p: PreparedTokens, span: RawSpan, isGpe: boolean): RawSpan {
  const kinds = new Set<string | null>();
  for (let k = span.first; k < span.last; k++) kinds.add(p.gazetteerKind[k]);
  const single = kinds.size === 1 ? [...kinds][0] : null;
  const iso = p.gazetteerIso[span.first];
  if (single === 'demonym' && p.gazetteer[span.first].startsWith('B') && (isGpe || span.type === 'place')) {
    return { ...span, type: 'nationality', countryCode: iso, evidence: 'gazetteer' };
  }
  if (single === 'country' && span.type !== 'person') return { ...span, type: 'place', countryCode: iso };
  if (isGpe && /(?:an|ans|ese|ish|i|is|ch)$/i.test(p.words[span.last - 1])) return { ...span, type: 'nationality' };
  return span;
}

/** Countries, cities and demonyms the tagger left out, when written as names. */
function addGazetteerSpans(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const covered = new Uint8Array(p.tokens.length);
  for (const s of spans) covered.fill(1, s.first, s.last);
  const added: RawSpan[] = [];
  let i = 0;
  while (i < p.tokens.length) {
    const kind = p.gazetteerKind[i];
    if (!kind || covered[i] || !p.gazetteer[i].startsWith('B')) { i++; continue; }
    let j = i + 1;
    while (j < p.tokens.length && p.gazetteer[j].startsWith('I')) j++;
    let free = true;
    for (let k = i; k < j; k++) if (covered[k]) free = false;
    // A lone city or region name is ambiguous (Mesa, Nice, Reading); trust the tagger there.
    if (free && (kind === 'country' || kind === 'demonym')) {
      const type: EntityType = kind === 'demonym' ? 'nationality' : 'place';
      added.push({ first: i, last: j, type, evidence: 'gazetteer', countryCode: p.gazetteerIso[i] });
    }
    i = j;
  }
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

/** Replaces the spans that overlap tokens [first, last) with `span`. */
function override(spans: RawSpan[], span: RawSpan): RawSpan[] {
  return [...spans.filter((s) => s.last <= span.first || s.first >= span.last), span].sort((a, b) => a.first - b.first);
}

/**
 * A dateline opening a paragraph ("NAIROBI, Kenya (AP) —", "LONDON 1996-08-30"):
 * the capitalised place words before the comma, date or agency are places.
 */
function applyDatelineRule(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const n = p.tokens.length;
  const isCaps = (k: number) => k < n && /^\p{Lu}[\p{Lu}.'-]+$/u.test(p.tokens[k].text);
  // A line all in capitals is a headline ("TENNIS - SPAIN, U.S. TEAMS OPEN"), not a dateline.
  if (!n || p.allCaps[0]) return spans;
  let end = 0;
  while (end < 4 && isCaps(end) && (end === 0 || !breaksName(p, end))) end++;
  if (end === 0 || end >= n || isCaps(end) && !breaksName(p, end)) return spans;
  const next = p.tokens[end];
  // What separates the place from the rest: compromise puts "(" in the next token's `pre`.
  const after = p.tokens[end - 1].post + next.pre;
  const datelike = /^\d{4}-\d\d-\d\d$/.test(next.text) || next.tags.has('Date') || next.tags.has('Month');
  if (!/^[,:]/.test(after) && !datelike && !/^\s*\(/.test(after)) return spans;
  let out = override(spans, { first: 0, last: end, type: 'place', evidence: 'rule', countryCode: p.gazetteerKind[0] === 'country' ? p.gazetteerIso[0] : undefined });
  // "GENEVA (Reuters) -": the agency in brackets.
  if (/^\s*\($/.test(after) && p.capitalised[end] && /^\)/.test(next.post)) out = override(out, { first: end, last: end + 1, type: 'organization', evidence: 'rule' });
  // "NAIROBI, Kenya (AP)": the region or country after the comma, and the agency.
  if (/^,/.test(after) && next && p.capitalised[end]) {
    let k = end + 1;
    while (k < n && p.capitalised[k] && !breaksName(p, k)) k++;
    out = override(out, { first: end, last: k, type: 'place', evidence: 'rule', countryCode: p.gazetteerKind[end] === 'country' ? p.gazetteerIso[end] : undefined });
    if (k < n && /^\(/.test(p.tokens[k].pre) && /^[A-Z]{2,5}$/.test(p.tokens[k].text)) out = override(out, { first: k, last: k + 1, type: 'organization', evidence: 'rule' });
  }
  return out;
}

/**
 * Sports results and tables: "Arsenal 0 Leeds 2", "Leeds 3 2 1 0 6 2 7". The
 * names there are teams (organisations), even when named after their city.
 */
function applyResultsRule(p: PreparedTokens, text: string, spans: RawSpan[]): RawSpan[] {
  if (!/\d/.test(text)) return spans;
  const NAME = String.raw`\p{Lu}[\p{L}.'&-]*(?: (?:\p{Lu}[\p{L}.'&-]*|de|of|and))*`;
  const result = new RegExp(String.raw`^\s*(${NAME})\s+\d{1,3}\s+(${NAME})\s+\d{1,3}\b`, 'u');
  const table = new RegExp(String.raw`^\s*(?:\d{1,2}\.?\s+)?(${NAME})(?:\s+\d{1,3}){3,}\s*$`, 'u');
  let out = spans;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const m = result.exec(line) ?? table.exec(line);
    if (m) {
      for (const name of m.slice(1).filter(Boolean)) {
        const at = lineStart + line.indexOf(name, name === m[1] ? 0 : line.indexOf(m[1]) + m[1].length);
        const first = p.tokens.findIndex((t) => t.start === at);
        if (first < 0) continue;
        let last = first;
        while (last < p.tokens.length && p.tokens[last].end <= at + name.length) last++;
        if (last > first) out = override(out, { first, last, type: 'organization', evidence: 'rule' });
      }
    }
    lineStart += line.length + 1;
  }
  return out;
}

/** Token range [first, last) exactly covering the characters [start, end) of the paragraph, or null. */
function tokensOfChars(p: PreparedTokens, start: number, end: number): { first: number; last: number } | null {
  const first = p.tokens.findIndex((t) => t.start >= start && t.start < end);
  if (first < 0 || p.tokens[first].start !== start) return null;
  let last = first;
  while (last < p.tokens.length && p.tokens[last].start < end) last++;
  return { first, last };
}

// Words that make a byline's last part an organisation rather than a name or a role.
const MEDIA_WORDS = /\b(?:Press|News|Times|Post|Reuters|AFP|AP|Agency|Service|Journal|Herald|Tribune|Guardian|Network|Media|Wire|Gazette|Observer|Telegraph|Daily|Weekly|Radio|Television|TV|Magazine|Review|Bureau|Chronicle|Independent|Bloomberg|Xinhua|Agence|Presse)\b/u;
// A byline's role part names no one: "Staff Writers", "Special Correspondent".
const BYLINE_ROLES = /\b(?:staff|writers?|reporters?|correspondents?|editors?|special|contributors?|columnists?|photographers?|desk|in)\b/iu;
const BYLINE_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|al|el|bin|le|la))*`;

/**
 * A byline line: "By Jane Okafor, Associated Press", "By JANE OKAFOR and Tom Reyes / Staff
 * Writers". The names are people (in capitals too); a trailing news outlet is an organisation;
 * a role ("Staff Writers") is nothing.
 */
function applyBylineRule(p: PreparedTokens, text: string, spans: RawSpan[]): RawSpan[] {
  const line = new RegExp(String.raw`^([ \t]*By[ \t]+)(.{3,160})$`, 'gmu');
  let out = spans;
  for (const m of text.matchAll(line)) {
    const bodyStart = m.index! + m[1].length;
    const body = m[2].replace(/\s+$/u, '');
    // Parts: names joined by "and", "&" or commas, then an outlet or role after a comma, slash, bar or dash.
    const parts: Array<{ text: string; at: number; sep: string }> = [];
    const splitter = /\s*(,|\/|\||—|–|\s-\s|\band\b|&)\s*/gu;
    let from = 0;
    let sep = '';
    for (const s of body.matchAll(splitter)) {
      parts.push({ text: body.slice(from, s.index), at: from, sep });
      sep = s[1].trim();
      from = s.index! + s[0].length;
    }
    parts.push({ text: body.slice(from), at: from, sep });
    const nameOnly = new RegExp(`^${BYLINE_NAME}$`, 'u');
    if (!parts.length || !nameOnly.test(parts[0].text)) continue;
    let afterOutletSeparator = false;
    const found: RawSpan[] = [];
    let ok = true;
    for (const [k, part] of parts.entries()) {
      if (/^[/|—–-]$/.test(part.sep)) afterOutletSeparator = true;
      const trimmed = part.text.replace(/[.]$/u, '');
      if (!trimmed) continue;
      const outlet = MEDIA_WORDS.test(trimmed) || /^[A-Z]{2,5}$/.test(trimmed) && k > 0;
      if (!outlet && (afterOutletSeparator || BYLINE_ROLES.test(trimmed))) {
        if (BYLINE_ROLES.test(trimmed)) continue;
      }
      if (!nameOnly.test(trimmed)) { ok = k > 0; break; }
      const range = tokensOfChars(p, bodyStart + part.at, bodyStart + part.at + trimmed.length);
      if (!range) continue;
      const words = trimmed.split(/\s+/u).length;
      if (outlet) found.push({ ...range, type: 'organization', evidence: 'rule' });
      else if (!afterOutletSeparator && words >= 2 && words <= 4) found.push({ ...range, type: 'person', evidence: 'rule' });
      else if (afterOutletSeparator || k === parts.length - 1 && part.sep === ',') found.push({ ...range, type: 'organization', evidence: 'rule' });
    }
    if (!ok || !found.some((s) => s.type === 'person')) continue;
    for (const s of found) out = override(out, s);
  }
  return out;
}

const MATCH_VERBS = new Set(['beat', 'beats', 'defeated', 'defeat', 'defeats', 'drew', 'draw', 'thrashed', 'edged', 'routed', 'hammered', 'stunned', 'edge', 'host', 'hosts', 'hosted', 'face', 'faces', 'faced', 'v', 'vs', 'versus', 'against', 'overcame', 'knocked', 'eliminated', 'trounced', 'outplayed']);
const CLUB_WORDS = new Set(['manager', 'coach', 'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'captain', 'fans', 'supporters', 'squad', 'forward', 'boss', 'chairman', 'club', 'side', 'team', 'players', 'player', 'keeper']);
const SPORTS_CUES = /\b(?:\d{1,2}-\d{1,2}|goals?|league|cup|match|season|fixture|kick-off|half-time|penalty|stadium|relegation|derby|premier|championship|scored|equaliser|equalizer)\b/iu;

/**
 * Clubs named after their city in running text: "Liverpool beat Chelsea 2-1", "Leeds manager
 * Tom Reyes". In a sentence about a match, a city or unclassified name that plays or owns
 * players is a team (organisation); "in Liverpool" stays a place. Countries keep their kind
 * (national sides are conventionally places), and so do people ("Federer beat Nadal").
 */
function applyMatchRule(p: PreparedTokens, text: string, spans: RawSpan[]): RawSpan[] {
  if (!SPORTS_CUES.test(text)) return spans;
  const n = p.tokens.length;
  const sportySentence = new Set<number>();
  for (const [first, last] of sentenceRangesOf(p)) {
    if (first >= last) continue;
    const sentence = text.slice(p.tokens[first].start, p.tokens[last - 1].end);
    if (SPORTS_CUES.test(sentence)) sportySentence.add(p.tokens[first].sentenceIndex);
  }
  const spanAt = new Map<number, RawSpan>();
  for (const s of spans) spanAt.set(s.first, s);
  const convertible = (s: RawSpan | undefined) => !!s && (s.type === 'place' || s.type === 'organization') && p.gazetteerKind[s.first] !== 'country' && p.gazetteerKind[s.first] !== 'demonym';
  // A name at token i: an existing span, or a capitalised run the tagger left out.
  const nameAt = (i: number): RawSpan | undefined => {
    const s = spanAt.get(i);
    if (s) return s;
    if (i < 0 || i >= n || !p.capitalised[i] || p.allCaps[i] || p.sentenceStart[i] && p.tags[i].some((t) => t === 'Determiner' || t === 'Pronoun')) return undefined;
    if (spans.some((o) => o.first <= i && i < o.last)) return undefined;
    let last = i + 1;
    while (last < n && p.capitalised[last] && !breaksName(p, last) && p.tokens[last].sentenceIndex === p.tokens[i].sentenceIndex) last++;
    return { first: i, last, type: 'organization', evidence: 'rule' };
  };
  // Known to name a city, region or club: at least one side of "X beat Y" must be.
  const clubLike = (s: RawSpan) => s.type === 'place' || s.type === 'organization' && spanAt.has(s.first) ||
    p.gazetteerKind[s.first] === 'city' || p.gazetteerKind[s.first] === 'region' || p.tags[s.first].includes('SportsTeam') || p.tags[s.first].includes('Organization');
  const endingAt = (j: number): RawSpan | undefined => spans.find((s) => s.last === j) ?? (j > 0 && p.capitalised[j - 1] && !spans.some((o) => o.first < j && j <= o.last) ? nameAt(firstOfRunEndingAt(p, j)) : undefined);
  const teams: RawSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (!sportySentence.has(p.tokens[i].sentenceIndex)) continue;
    const w = p.lower[i];
    if (MATCH_VERBS.has(w)) {
      // "X beat Y": both sides are teams when at least one of them is a city or club.
      const left = endingAt(i);
      let j = i + 1;
      if ((w === 'drew' || w === 'draw') && p.lower[j] === 'with') j++;
      const right = nameAt(j);
      if (!left || !right || p.tokens[left.first].sentenceIndex !== p.tokens[i].sentenceIndex) continue;
      const sides = [left, right];
      // A country on either side makes it a match between nations; two people, between players.
      if (sides.some((s) => s.type !== 'person' && !convertible(s) && spanAt.has(s.first))) continue;
      if (!sides.some((s) => clubLike(s))) continue;
      if (sides.some((s) => s.type === 'person' && s.last - s.first > 1)) continue;
      teams.push(...sides);
    } else if (CLUB_WORDS.has(w) && p.tokens[i - 1]?.post.trim() === '') {
      // "Leeds manager", "Arsenal's striker"
      const left = endingAt(i);
      if (left && convertible(left) || left && !spanAt.has(left.first) && left.last - left.first === 1) teams.push(left);
    }
  }
  let out = spans;
  for (const t of teams) {
    // "in Liverpool": a preposition of place before the name keeps it a place.
    const before = p.lower[t.first - 1];
    if (before && /^(?:in|at|near|from|to|into|across|outside|around)$/.test(before)) continue;
    out = override(out, { first: t.first, last: t.last, type: 'organization', evidence: 'rule', contextKind: true });
  }
  return out;
}

function firstOfRunEndingAt(p: PreparedTokens, j: number): number {
  let i = j - 1;
  while (i > 0 && p.capitalised[i - 1] && !breaksName(p, i) && p.tokens[i - 1].sentenceIndex === p.tokens[j - 1].sentenceIndex && !p.sentenceStart[i]) i--;
  return i;
}

function sentenceRangesOf(p: PreparedTokens): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let first = 0;
  for (let i = 1; i <= p.tokens.length; i++) {
    if (i === p.tokens.length || p.tokens[i].sentenceIndex !== p.tokens[first].sentenceIndex) { out.push([first, i]); first = i; }
  }
  return out;
}

/**
 * Lists: bulleted or numbered lines ("- Mali") and comma lists ("Ghana, Togo and Benin").
 * Items of one list are of one kind: a capitalised item the tagger missed or typed
 * differently takes the kind the other items agree on (at least two of them, none dissenting).
 */
function applyListRule(p: PreparedTokens, text: string, spans: RawSpan[]): RawSpan[] {
  const lists: Array<Array<{ first: number; last: number }>> = [];
  // Bulleted or numbered lines whose whole content is a short name.
  const bullet = /^[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+(\p{Lu}[^\n]{0,60}?)[ \t]*[.;,]?[ \t]*$/gmu;
  let current: Array<{ first: number; last: number }> = [];
  let currentCue: EntityType | undefined;
  const cues = new Map<Array<{ first: number; last: number }>, EntityType>();
  const bulleted = new Set<Array<{ first: number; last: number }>>();
  const push = () => { if (current.length) { lists.push(current); bulleted.add(current); if (currentCue) cues.set(current, currentCue); } current = []; };
  let lastEnd = -2;
  for (const m of text.matchAll(bullet)) {
    const start = m.index! + m[0].indexOf(m[1]);
    const range = tokensOfChars(p, start, start + m[1].length);
    const lineStart = m.index!;
    if (current.length && !/^\n\s*$/.test(text.slice(lastEnd, lineStart) || '\n')) push();
    if (!current.length) currentCue = listCue(text.slice(Math.max(0, lineStart - 80), lineStart));
    if (range && range.last - range.first <= 5 && allNameWords(p, range.first, range.last)) current.push(range);
    lastEnd = m.index! + m[0].length;
  }
  push();
  // Comma lists: three or more capitalised runs joined by commas and a final "and"/"or".
  const runs: Array<{ first: number; last: number }> = [];
  for (let i = 0; i < p.tokens.length;) {
    if (!p.capitalised[i] || p.allCaps[i]) { i++; continue; }
    let last = i + 1;
    while (last < p.tokens.length && p.capitalised[last] && !breaksName(p, last) && p.tokens[last].sentenceIndex === p.tokens[i].sentenceIndex) last++;
    runs.push({ first: i, last });
    i = last;
  }
  let list: Array<{ first: number; last: number }> = [];
  const close = () => { if (list.length >= 3) lists.push(list); list = []; };
  for (const run of runs) {
    const prev = list[list.length - 1];
    const byComma = prev && prev.last === run.first && /^,\s*$/.test(p.tokens[run.first - 1].post);
    const byAnd = prev && prev.last === run.first - 1 && /^(?:and|or)$/.test(p.lower[run.first - 1]) && /^,?\s+$/.test(p.tokens[run.first - 2].post);
    if (byComma) { list.push(run); continue; }
    if (byAnd) { list.push(run); close(); continue; }
    close();
    list.push(run);
  }
  list = [];
  let out = spans;
  for (const items of lists) {
    // A lead-in that says what is listed ("Groups named:", "came from:") settles the kind of every item.
    const cue = cues.get(items);
    if (cue) {
      for (const it of items) out = override(out, { first: it.first, last: it.last, type: cue, evidence: 'rule' });
      continue;
    }
    // A bulleted item is one name: pieces of one kind inside it become the whole item ("Ade" + "Okafor").
    if (bulleted.has(items)) {
      for (const it of items) {
        const inside = out.filter((s) => s.first >= it.first && s.last <= it.last);
        if (inside.length && inside.every((s) => s.type === inside[0].type) && !out.some((s) => s.first < it.first && s.last > it.first || s.first < it.last && s.last > it.last)) {
          out = override(out, { first: it.first, last: it.last, type: inside[0].type, evidence: inside[0].evidence });
        }
      }
    }
    const found = items.map((it) => out.find((s) => s.first === it.first && s.last === it.last));
    const kinds = found.map((s) => s?.type);
    const counts = new Map<EntityType, number>();
    for (const k of kinds) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    const [kind, agreeing] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    if (!kind || agreeing < 2) continue;
    // A list is of one kind: a lone single-word dissenter the tagger guessed ("Bamako, Mopti and
    // Segou" with Segou as a person) follows the others; a real mix ("Merkel, Macron and Spain") has no such majority.
    if (counts.size > 1) {
      if (agreeing * 3 < items.length * 2 || items.length - agreeing > 1) continue;
      const dissenter = found.findIndex((s) => s && s.type !== kind);
      const s = found[dissenter]!;
      if (s.evidence !== 'model' || s.last - s.first !== 1) continue;
      out = override(out, { ...s, type: kind });
    }
    items.forEach((it, k) => {
      if (kinds[k]) return;
      if (out.some((s) => s.first < it.last && it.first < s.last)) return; // a partial span: do not guess
      out = override(out, { first: it.first, last: it.last, type: kind, evidence: 'rule' });
    });
  }
  return out;
}

const LIST_PLACE_PREPOSITION = /\b(?:from|in|to|at)$/iu;
const LIST_CUES: Array<[RegExp, EntityType]> = [
  [/\b(?:countries|nations|cities|towns|villages|regions|provinces|states|districts|capitals|places|destinations)\b/iu, 'place'],
  [/\b(?:groups|organi[sz]ations|parties|companies|firms|agencies|clubs|teams|banks|unions|movements|militias|outlets|sponsors)\b/iu, 'organization'],
  [/\b(?:people|victims|candidates|members|ministers|players|officials|speakers|winners|nominees|suspects|signatories|panellists|panelists|authors)\b/iu, 'person'],
];

/** The kind a list's lead-in line announces ("The victims came from:" → place), if any. */
function listCue(before: string): EntityType | undefined {
  const line = /([^\n]*):\s*$/u.exec(before);
  if (!line) return undefined;
  const lead = line[1].trim();
  if (LIST_PLACE_PREPOSITION.test(lead)) return 'place';
  const found = LIST_CUES.filter(([pattern]) => pattern.test(lead)).map(([, kind]) => kind);
  return found.length === 1 ? found[0] : undefined;
}

function allNameWords(p: PreparedTokens, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (!p.capitalised[k] && !NAME_PARTICLES.has(p.lower[k]) && !/^(?:of|and|the)$/.test(p.lower[k])) return false;
  return true;
}

const FACILITY_HEADS = new Set(['base', 'airbase', 'airport', 'airfield', 'barracks', 'camp', 'prison', 'port', 'harbor', 'harbour', 'stadium', 'dam', 'bridge', 'hospital', 'station']);

/**
 * Named facilities ("Air Base 201", "Camp Lemonnier", "Agadez airport" stays a city):
 * capitalised words ending in a facility head, optionally numbered, are one place.
 */
function applyFacilityRule(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  const n = p.tokens.length;
  const used = new Uint8Array(n);
  const facilities: RawSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (!p.capitalised[i] || p.allCaps[i] || !FACILITY_HEADS.has(p.lower[i])) continue;
    let first = i;
    while (first > 0 && p.capitalised[first - 1] && p.tokens[first - 1].sentenceIndex === p.tokens[i].sentenceIndex && !/[,;:()"]/.test(p.tokens[first - 1].post) && !(p.sentenceStart[first - 1] && p.tags[first - 1].includes('Determiner'))) first--;
    let last = i + 1;
    const numbered = last < n && /^\d+[A-Za-z]?$/.test(p.tokens[last].text) && !/[,.;]/.test(p.tokens[i].post);
    if (numbered) last++;
    const named = first < i || numbered || (last < n && p.capitalised[last] && p.tokens[last].sentenceIndex === p.tokens[i].sentenceIndex);
    if (!named) continue;
    if (!numbered && first === i) {
      // "Camp Lemonnier": head first, name after.
      while (last < n && p.capitalised[last] && p.tokens[last].sentenceIndex === p.tokens[i].sentenceIndex && !/[,;:()"]/.test(p.tokens[last - 1].post)) last++;
    }
    facilities.push({ first, last, type: 'place', evidence: 'rule' });
    used.fill(1, first, last);
    i = last - 1;
  }
  for (const s of spans) {
    let overlapping = false;
    for (let k = s.first; k < s.last; k++) if (used[k]) overlapping = true;
    if (!overlapping) out.push(s);
  }
  return [...out, ...facilities].sort((a, b) => a.first - b.first);
}

// Words for a parliament or council in the languages news borrows them from ("Lok Sabha",
// "Verkhovna Rada", "Loya Jirga"): a name ending in one names a body, not the land it sits in.
const ASSEMBLY_WORDS = new Set(['sabha', 'majlis', 'knesset', 'duma', 'bundestag', 'bundesrat', 'sejm', 'storting', 'riksdag', 'folketing', 'eduskunta', 'althing', 'oireachtas', 'rada', 'jirga', 'shura', 'cortes', 'khural', 'hluttaw', 'assembly', 'parliament', 'congress', 'senate']);

/** A name ending in an assembly word is an organisation ("the Lok Sabha adjourned"). */
function applyAssemblyRule(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  return spans.map((s) => (s.type === 'place' && ASSEMBLY_WORDS.has(p.lower[s.last - 1]) ? { ...s, type: 'organization', evidence: 'rule' } : s));
}

// Heads of names that go on with "in" and a place: "United Nations Mission in South Sudan",
// "Interim Force in Lebanon", "Organization for Security and Co-operation in Europe".
const IN_PLACE_HEADS = new Set(['mission', 'force', 'cooperation', 'co-operation', 'operation']);

/** An organisation ending in a mission-like head, then "in", then a place, is one name. */
function joinMissionNames(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (b && a.type === 'organization' && b.type === 'place' && a.last - a.first >= 2 && b.first === a.last + 1 &&
      p.lower[a.last] === 'in' && IN_PLACE_HEADS.has(p.lower[a.last - 1]) && !breaksName(p, a.last) && !breaksName(p, b.first)) {
      out.push({ ...a, last: b.last });
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** "President Mohamed Bazoum" → the name only; a span of titles alone is dropped. */
function trimTitles(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (const s of spans) {
    if (s.type !== 'person') { out.push(s); continue; }
    let first = s.first;
    while (first < s.last && isTitleWord(p.words[first])) first++;
    if (first < s.last) out.push({ ...s, first });
  }
  return out;
}

// Name particles that may open or sit inside a name in lower case (al-Qaida, de Gaulle, van Gogh).
const NAME_PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'de', 'da', 'di', 'dos', 'das', 'van', 'von', 'der', 'du', 'la', 'le', 'ben', 'abu', 'wa', 'arap', 'ter']);

const isLowerWord = (p: PreparedTokens, k: number) => /^\p{Ll}/u.test(p.words[k]) && !NAME_PARTICLES.has(p.lower[k]);

/** "east Africa", "Islamic State group": lower-case words at either edge are context, not name. */
function trimLowercaseEdges(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (const s of spans) {
    let first = s.first;
    let last = s.last;
    // "The" opens place names ("The Hague", "The Oval") but not organisations' ("The World Health Organization").
    while (first < last && (isLowerWord(p, first) || p.lower[first] === 'the' && s.type === 'organization' && last - first > 1)) first++;
    // A lower-case part joined by a hyphen belongs to the name ("Kang Young-hoon").
    const hyphenated = (k: number) => k > first && p.tokens[k - 1].post === '-';
    while (last > first && !hyphenated(last - 1) && (isLowerWord(p, last - 1) || NAME_PARTICLES.has(p.lower[last - 1]) && p.tokens[last - 1].post.trim() !== '-')) last--;
    if (first >= last) continue;
    if (last - first === 1 && NOT_A_NAME_ALONE.has(p.lower[first])) continue;
    out.push({ ...s, first, last });
  }
  return out;
}

// Capitalised words that qualify a name but name nothing alone ("Western nations").
const NOT_A_NAME_ALONE = new Set(['western', 'eastern', 'northern', 'southern', 'central', 'the', 'islamic', 'federal', 'national']);

/**
 * Long Arabic-origin names that the tagger cuts short ("Jama'a" of "Jama'a Nusrat
 * ul-Islam wa al-Muslimin"): carry the span over capitalised words and name
 * particles that the tagger left outside any entity, up to punctuation.
 */
function extendOverParticles(p: PreparedTokens, labels: string[], spans: RawSpan[]): RawSpan[] {
  const extended = spans.map((s) => {
    let last = s.last;
    let sawParticle = false;
    for (;;) {
      if (last >= p.tokens.length || p.tokens[last].sentenceIndex !== p.tokens[s.first].sentenceIndex) break;
      // After a particle, a name the tagger split off belongs to this one ("Daniel arap Moi").
      if (labels[last] !== 'O' && !(sawParticle && p.capitalised[last])) break;
      if (p.tokens[last - 1].post.trim() !== '' && p.tokens[last - 1].post.trim() !== '-') break;
      if (p.tokens[last - 1].text !== p.words[last - 1]) break; // a possessive ends the name
      if (NAME_PARTICLES.has(p.lower[last]) && last + 1 < p.tokens.length && (p.capitalised[last + 1] || NAME_PARTICLES.has(p.lower[last + 1]))) {
        sawParticle = true;
        last++;
        continue;
      }
      if (p.capitalised[last] && !p.allCaps[last]) { last++; continue; }
      break;
    }
    // Only a run that crossed a particle is trusted as one name.
    while (last > s.last && !p.capitalised[last - 1]) last--;
    return last > s.last && sawParticle ? { ...s, last } : s;
  });
  // An extension that cuts into another span without covering it is not one name: keep the tagger's span (entities never overlap).
  const cutsInto = (s: RawSpan, k: number) => extended.some((o, m) => m !== k && o.first < s.last && s.first < o.last && !(s.first <= o.first && o.last <= s.last));
  return extended
    .map((s, k) => (s !== spans[k] && cutsInto(s, k) ? spans[k] : s))
    .filter((s, k, all) => !all.some((o, m) => m !== k && o.first <= s.first && s.last <= o.last && o.last - o.first > s.last - s.first));
}

function toCandidate(p: PreparedTokens, text: string, s: RawSpan): EntityCandidate | null {
  const start = p.tokens[s.first].start;
  const lastToken = p.tokens[s.last - 1];
  let end = lastToken.start + stripPossessive(lastToken.text).length;
  // "(U.S.)": compromise leaves an abbreviation's last period in the punctuation after it.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(lastToken.text) && text[end] === '.') end++;
  if (end <= start) return null;
  const surface = text.slice(start, end);
  if (!/\p{L}/u.test(surface)) return null;
  const candidate: EntityCandidate = { start, end, text: surface, type: s.type, evidence: s.evidence };
  if (s.contextKind) candidate.contextKind = true;
  const gazetteer = getGazetteer();
  if (s.type === 'nationality' && s.countryCode) {
    candidate.countryCode = s.countryCode;
    candidate.canonical = gazetteer.countries.get(s.countryCode)?.name;
  } else if (s.type === 'place') {
    const iso = s.countryCode ?? gazetteer.countryByName.get(p.lower.slice(s.first, s.last).join(' '));
    if (iso && p.gazetteerKind[s.first] === 'country') {
      candidate.countryCode = iso;
      candidate.canonical = gazetteer.countries.get(iso)?.name;
    }
  }
  return candidate;
}

const ACRONYM = /^[A-Z][A-Z0-9&.-]{1,9}$/;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'et']);

/** Whether an acronym abbreviates the words of tokens [first, last): "JNIM", "ECOWAS", "IAEA". */
function abbreviates(p: PreparedTokens, first: number, last: number, acronym: string): boolean {
  const parts: string[] = [];
  for (let k = first; k < last; k++) parts.push(...p.words[k].split('-').filter(Boolean));
  const letters = acronym.replace(/[.&-]/g, '');
  const capitals = parts.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  const all = parts.map((w) => w[0].toUpperCase()).join('');
  return capitals === letters || all === letters;
}

/** Token index of the last word of a name that ends right before token `end` (exclusive), reading back. */
function nameStartsBefore(p: PreparedTokens, end: number, acronym: string): number | null {
  const sentence = p.tokens[end - 1]?.sentenceIndex;
  for (let first = end - 1; first >= 0 && first >= end - 12; first--) {
    const t = p.tokens[first];
    if (t.sentenceIndex !== sentence) break;
    if (first < end - 1 && breaksName(p, first + 1)) break;
    const word = p.words[first];
    const ok = /^\p{Lu}/u.test(word) || NAME_PARTICLES.has(p.lower[first]) || CONNECTORS.has(p.lower[first]);
    if (!ok) break;
    if (/^\p{Lu}/u.test(word) && abbreviates(p, first, end, acronym)) return first;
  }
  return null;
}

/**
 * "Jama'a Nusrat ul-Islam wa al-Muslimin, known as JNIM" and "… (ECOWAS)": the
 * acronym names the same actor as the full name before it. The full name is
 * completed or found from the acronym's letters when the tagger cut it short or
 * missed it, and an expansion with an acronym is no person.
 */
function linkAcronyms(p: PreparedTokens, text: string, candidates: EntityCandidate[]): void {
  for (let i = 1; i < p.tokens.length; i++) {
    const t = p.tokens[i];
    if (!ACRONYM.test(t.text) || !/[A-Z]{2}/.test(t.text) || p.allCaps[i]) continue;
    const parenthesised = /\($/.test(t.pre) || /\(\s*$/.test(p.tokens[i - 1].post);
    const knownAs = i >= 3 && /^(?:known|called)$/.test(p.lower[i - 2]) && p.lower[i - 1] === 'as';
    if (!parenthesised && !knownAs) continue;
    const nameEnd = parenthesised ? i : i - 2; // exclusive token index
    const first = nameStartsBefore(p, nameEnd, t.text);
    let expansion: EntityCandidate | undefined;
    if (first !== null) {
      const start = p.tokens[first].start;
      const last = p.tokens[nameEnd - 1];
      const end = last.start + stripPossessive(last.text).length;
      const overlapping = candidates.filter((c) => c.start < end && start < c.end);
      const kind = overlapping.find((c) => c.type === 'place' || c.type === 'organization')?.type ?? 'organization';
      for (const c of overlapping) candidates.splice(candidates.indexOf(c), 1);
      expansion = { start, end, text: text.slice(start, end), type: kind, evidence: overlapping.length ? overlapping[0].evidence : 'rule' };
      candidates.push(expansion);
    } else {
      expansion = [...candidates].reverse().find((c) => c.end <= t.start && t.start - c.end <= 20 && c.text !== t.text);
      if (!expansion || expansion.text.split(/\s+/).length < 2) continue;
    }
    if (expansion.type === 'person' || expansion.type === 'nationality') expansion.type = 'organization';
    const existing = candidates.find((c) => c.start === t.start);
    if (existing) {
      existing.type = expansion.type;
      existing.expansion = expansion.text;
    } else {
      candidates.push({ start: t.start, end: t.end, text: t.text, type: expansion.type, evidence: 'rule', expansion: expansion.text });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
}

// Bare "government" or "army" after a country is too common and too vague to highlight;
// a named body ("defence ministry", "foreign ministry", "interior ministry") is not.
const ROLE_HEADS = new Set(['ministry', 'embassy', 'department', 'commission']);

/**
 * Organisations named by role: "Niger's defence ministry", "the Nigerien army".
 * The span is the role phrase; its canonical name carries the country.
 */
function roleOrganizations(p: PreparedTokens, text: string, candidates: EntityCandidate[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'place' && c.type !== 'nationality') continue;
    if (!c.countryCode) continue;
    const idx = p.tokens.findIndex((t) => t.start <= c.start && c.start < t.end);
    let last = idx;
    while (last + 1 < p.tokens.length && p.tokens[last + 1].start < c.end) last++;
    const possessive = c.type === 'place' && p.tokens[last].text !== p.words[last];
    if (c.type === 'place' && !possessive) continue;
    // Up to two lower-case modifiers, then the role head: "defence ministry", "armed forces" is not a body.
    const j = last + 1;
    let k = j;
    while (k < p.tokens.length && k < j + 3 && /^\p{Ll}/u.test(p.tokens[k].text) && !ROLE_HEADS.has(p.lower[k])) k++;
    if (k >= p.tokens.length || !ROLE_HEADS.has(p.lower[k]) || p.tokens[k].sentenceIndex !== p.tokens[last].sentenceIndex) continue;
    if (k === j && p.lower[k] !== 'embassy') continue; // "Niger's ministry" names no body
    if (candidates.some((o) => o.start >= p.tokens[j].start && o.start < p.tokens[k].end)) continue;
    const start = p.tokens[j].start;
    const end = p.tokens[k].end;
    const country = getGazetteer().countries.get(c.countryCode)?.name ?? c.text;
    out.push({ start, end, text: text.slice(start, end), type: 'organization', evidence: 'rule', canonical: `${country} ${text.slice(start, end).toLowerCase()}` });
  }
  return out;
}
