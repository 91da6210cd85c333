// Character-class tests shared by the recognisers, each regular expression made once. The bundler
// turns a `\p{…}` literal into `new RegExp(…)` for Node targets, so a literal written inline
// in a function is built anew on every call (tens of thousands of times per article).
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const ALL_LOWER = /^\p{Ll}+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The first character is an upper-case letter ("Paris", "Élysée"). */
export const startsUpper = (s: string): boolean => UPPER_START.test(s);
/** The first character is a lower-case letter. */
export const startsLower = (s: string): boolean => LOWER_START.test(s);
/** Some character is a letter. */
export const hasLetter = (s: string): boolean => LETTER.test(s);
/** Some character is an upper-case letter (for one character: it is one). */
export const hasUpper = (s: string): boolean => UPPER.test(s);
/** Some character is a lower-case letter (for one character: it is one). */
export const hasLower = (s: string): boolean => LOWER.test(s);
/** Every character is a lower-case letter, and there is one. */
export const allLower = (s: string): boolean => ALL_LOWER.test(s);
/** Some character is a letter or a digit. */
export const hasLetterOrDigit = (s: string): boolean => LETTER_OR_DIGIT.test(s);

/** The UTF-16 code unit is what `\s` matches in a JavaScript regular expression (tested without one, in loops over text). */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
