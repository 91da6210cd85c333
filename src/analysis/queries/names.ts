// Keys for comparing and finding actors by name.
import type { EntityType } from '../types';

/** The key under which an actor is found across articles: kind plus its name in lower case, words kept apart. */
export function actorKey(type: EntityType, name: string): string {
  return `${type}:${name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}`;
}

/** A name with case, spaces and punctuation dropped: "U.S." and "US" are the same written name. */
export function compactName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when two texts write the same name (see compactName). */
export function sameName(a: string, b: string): boolean {
  return compactName(a) === compactName(b);
}
