// First honest entity recogniser: runs of proper nouns that compromise tags as
// person, organisation or place. (Deepened by the entities issue.)
import type { ParsedParagraph, Token } from '../parse';
import type { EntityEvidence, EntityType, Span } from '../types';

/** An entity found in one paragraph; offsets are relative to the paragraph. */
export interface EntityCandidate extends Span {
  text: string;
  type: EntityType;
  evidence: EntityEvidence;
  /** A normalised key that names the actor when it differs from the text ("United States" for "US"). */
  canonical?: string;
}

function kindOf(token: Token): EntityType | null {
  if (token.tags.has('Person')) return 'person';
  if (token.tags.has('Organization')) return 'organization';
  if (token.tags.has('Place')) return 'place';
  if (token.tags.has('Demonym')) return 'nationality';
  return null;
}

export function recognizeEntities(parsed: ParsedParagraph): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  const { tokens, text } = parsed;
  let i = 0;
  while (i < tokens.length) {
    const type = kindOf(tokens[i]);
    if (!type) { i++; continue; }
    let j = i + 1;
    while (j < tokens.length && kindOf(tokens[j]) === type && tokens[j - 1].post.trim() === '' && tokens[j].sentenceIndex === tokens[i].sentenceIndex) j++;
    const start = tokens[i].start;
    let end = tokens[j - 1].end;
    let surface = text.slice(start, end);
    if (/['’]s$/.test(surface)) { end -= 2; surface = surface.slice(0, -2); }
    out.push({ start, end, text: surface, type, evidence: 'model' });
    i = j;
  }
  return out;
}
