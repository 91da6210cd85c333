// Paragraph-level entity recognition: a learned tagger over compromise's
// tokens (tagger.ts), a gazetteer of maintained place data (gazetteer.ts), and
// rules for what neither covers well (facilities, acronyms, organisations named
// by role, titles, possessives). Pure function of the parsed paragraph.
import type { ParsedParagraph } from '../parse';
import type { EntityEvidence, EntityType, Span } from '../types';
import { type PreparedTokens, prepareTokens } from './features';
import { type GazetteerKind, getGazetteer, stripPossessive } from './gazetteer';
import { tagTokens, type TaggerModel } from './tagger';
import { linkAcronyms } from './rules/acronyms';
import { applyBylineRule, applyDatelineRule, applyListRule, applyMatchRule, applyResultsRule } from './rules/layout';
import { applyAssemblyRule, applyFacilityRule, extendOverParticles, joinMissionNames, trimLowercaseEdges, trimTitles } from './rules/nameShape';
import { roleOrganizations } from './rules/roleOrganizations';
import { breaksName, NAME_PARTICLES, type RawSpan } from './rules/spans';
import { allLower, hasLetter } from '../letters';

// "U.S" as compromise leaves it, the last period in the punctuation after it.
const DOTTED_ABBREVIATION = /^(?:\p{L}\.)+\p{L}$/u;

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

const GROUP_NOUNS = new Set(['group', 'militia', 'movement', 'network', 'faction']);

// Party members in the plural name their party ("the Social Democrats", "the Free Democrats").
const PARTY_MEMBERS = new Set([
  'democrats',
  'republicans',
  'socialists',
  'conservatives',
  'liberals',
  'greens',
  'communists',
  'nationalists',
  'unionists',
  'federalists',
]);

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
const NAME_CONNECTORS = new Set([
  'of',
  'and',
  'the',
  'for',
  'on',
  'in',
  'at',
  'upon',
  'y',
  'et',
  'des',
  'del',
  'della',
  'dello',
  'dei',
  'degli',
  'do',
  'e',
  'den',
  'het',
  'op',
  'zu',
  'zum',
  'zur',
  '&',
]);

function spansFromLabels(p: PreparedTokens, labels: string[]): RawSpan[] {
  const spans: RawSpan[] = [];
  let i = 0;
  while (i < labels.length) {
    if (labels[i] === 'O') {
      i++;
      continue;
    }
    const kind = labels[i].slice(2);
    let j = i + 1;
    // A plain lower-case word other than a connector ("of", "de") never sits inside a name ("Taliban said Sunni").
    while (
      j < labels.length &&
      labels[j] === `I-${kind}` &&
      p.tokens[j].sentenceIndex === p.tokens[i].sentenceIndex &&
      !breaksName(p, j) &&
      !(allLower(p.tokens[j].text) && !NAME_PARTICLES.has(p.lower[j]) && !NAME_CONNECTORS.has(p.lower[j]) && p.tokens[j - 1].post !== '-')
    )
      j++;
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
  // The gazetteer kind all its tokens share, or null.
  let single: GazetteerKind | null = p.gazetteerKind[span.first];
  for (let k = span.first + 1; k < span.last && single !== null; k++) if (p.gazetteerKind[k] !== single) single = null;
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
    if (!kind || covered[i] || !p.gazetteer[i].startsWith('B')) {
      i++;
      continue;
    }
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

function toCandidate(p: PreparedTokens, text: string, s: RawSpan): EntityCandidate | null {
  const start = p.tokens[s.first].start;
  const lastToken = p.tokens[s.last - 1];
  let end = lastToken.start + stripPossessive(lastToken.text).length;
  // "(U.S.)": compromise leaves an abbreviation's last period in the punctuation after it.
  if (DOTTED_ABBREVIATION.test(lastToken.text) && text[end] === '.') end++;
  if (end <= start) return null;
  const surface = text.slice(start, end);
  if (!hasLetter(surface)) return null;
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
