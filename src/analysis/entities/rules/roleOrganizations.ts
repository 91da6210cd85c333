// Organisations named by role: "Niger's defence ministry", "the Nigerien army".
import type { PreparedTokens } from '../features';
import { getGazetteer } from '../gazetteer';
import type { EntityCandidate } from '../recognizeEntities';
import { startsLower } from '../../letters';

// Bare "government" or "army" after a country is too common and too vague to highlight;
// a named body ("defence ministry", "foreign ministry", "interior ministry") is not.
const ROLE_HEADS = new Set(['ministry', 'embassy', 'department', 'commission']);

/**
 * Organisations named by role: "Niger's defence ministry", "the Nigerien army".
 * The span is the role phrase; its canonical name carries the country.
 */
export function roleOrganizations(p: PreparedTokens, text: string, candidates: EntityCandidate[]): EntityCandidate[] {
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
    while (k < p.tokens.length && k < j + 3 && startsLower(p.tokens[k].text) && !ROLE_HEADS.has(p.lower[k])) k++;
    if (k >= p.tokens.length || !ROLE_HEADS.has(p.lower[k]) || p.tokens[k].sentenceIndex !== p.tokens[last].sentenceIndex) continue;
    if (k === j && p.lower[k] !== 'embassy') continue; // "Niger's ministry" names no body
    if (candidates.some((o) => o.start >= p.tokens[j].start && o.start < p.tokens[k].end)) continue;
    const start = p.tokens[j].start;
    const end = p.tokens[k].end;
    const country = getGazetteer().countries.get(c.countryCode)?.name ?? c.text;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      type: 'organization',
      evidence: 'rule',
      canonical: `${country} ${text.slice(start, end).toLowerCase()}`,
    });
  }
  return out;
}
