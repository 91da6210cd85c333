// Grammatical gender of people named in an article, for resolving "he said" / "she said":
// a title ("Mr.", "Mrs.") says it outright; else the first name, looked up in compromise's
// lexicon of male and female first names (a table lookup, not another parse).
import nlp from 'compromise';

export type Gender = 'male' | 'female';

let firstNames: Record<string, string> | null = null;

function lexicon(): Record<string, string> {
  if (firstNames) return firstNames;
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compromise's internals have no types
    firstNames = ((nlp as any).model?.().one?.lexicon ?? {}) as Record<string, string>;
  } catch {
    firstNames = {};
  }
  return firstNames;
}

/** Gender of a first name according to compromise's lexicon, or null when it does not say. */
export function firstNameGender(name: string): Gender | null {
  const tag = lexicon()[name.toLowerCase()];
  return tag === 'MaleName' ? 'male' : tag === 'FemaleName' ? 'female' : null;
}

const MALE_TITLE = /\b(?:Mr|Sir|Lord|King|Prince|Duke|Baron|Count|Father|Brother|Monsignor)\.?\s*$/;
const FEMALE_TITLE = /\b(?:Mrs|Ms|Miss|Madam|Madame|Mme|Lady|Queen|Princess|Duchess|Baroness|Countess|Dame|Sister)\.?\s*$/;

/** Gender from a title just before a name ("Mrs. Okafor"), or null. */
export function titleGender(textBefore: string): Gender | null {
  if (MALE_TITLE.test(textBefore)) return 'male';
  if (FEMALE_TITLE.test(textBefore)) return 'female';
  return null;
}
