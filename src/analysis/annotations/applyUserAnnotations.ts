// User annotations override the automatic entities they overlap; everything
// else stays automatic. (Deepened by the annotations issue.)
import type { EntityCandidate } from '../entities/recognizeEntities';
import type { LexiconEntry, UserAnnotation } from '../types';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function applyUserAnnotations(candidates: EntityCandidate[], user: UserAnnotation[] = [], _lexicon: LexiconEntry[] = []): EntityCandidate[] {
  if (!user.length) return candidates;
  const kept = candidates.filter((c) => !user.some((u) => overlaps(u, c)));
  for (const u of user) {
    if (u.label === 'rejected' || u.label === 'date') continue;
    kept.push({ start: u.start, end: u.end, text: u.text, type: u.label, evidence: 'user' });
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
