// Document-level step: groups mentions into actors and ranks them.
// (Deepened by the entities issue: acronyms, variants, surnames, demonyms.)
import type { Actor, EntityMention, EntityType } from '../types';
import type { EntityCandidate } from './recognizeEntities';

export interface ActorBuildResult {
  entities: EntityMention[];
  actors: Actor[];
}

function actorKey(c: EntityCandidate): string {
  return (c.canonical ?? c.text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** `candidates` carry absolute offsets and are in text order. */
export function buildActors(candidates: EntityCandidate[]): ActorBuildResult {
  const byKey = new Map<string, Actor>();
  const entities: EntityMention[] = [];
  for (const c of candidates) {
    const key = `${c.type}:${actorKey(c)}`;
    let actor = byKey.get(key);
    if (!actor) {
      actor = { id: '', name: c.canonical ?? c.text, type: c.type as EntityType, aliases: [], mentions: [], evidence: c.evidence };
      byKey.set(key, actor);
    }
    if (c.text !== actor.name && !actor.aliases.includes(c.text)) actor.aliases.push(c.text);
    actor.mentions.push({ start: c.start, end: c.end });
    entities.push({ start: c.start, end: c.end, text: c.text, type: c.type, actorId: key, source: 'auto', evidence: c.evidence });
  }
  const actors = rankActors([...byKey.values()]);
  const idOf = new Map<string, string>();
  for (const [key, actor] of byKey) idOf.set(key, actor.id);
  for (const e of entities) e.actorId = idOf.get(e.actorId) ?? e.actorId;
  return { entities, actors };
}

/** Most-mentioned first, then first mention; ids are stable for the same text. */
export function rankActors(actors: Actor[]): Actor[] {
  const ranked = actors.slice().sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
  const used = new Set<string>();
  for (const actor of ranked) {
    const base = `${actor.type}:${actor.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'actor'}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    actor.id = id;
  }
  return ranked;
}
