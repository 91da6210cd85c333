// The TIMEX3 value of a phrase the user selected and marked as a date.
import { analyzeParagraph } from '../incremental';

/** A recognised date must cover this share of the trimmed phrase to stand for it ("on Monday, he said" is no date). */
const MIN_COVERED_SHARE = 0.6;

/** The TIMEX3 value of a selected date phrase, read with the article's date; null when no date stands for the phrase. */
export function dateValueOfPhrase(phrase: string, referenceDate: string | null): string | null {
  try {
    const found = analyzeParagraph(phrase, referenceDate).dates.find((d) => d.value && d.end - d.start >= phrase.trim().length * MIN_COVERED_SHARE);
    return found?.value ?? null;
  } catch {
    // The analysis contains its own failures; this guards the marking command all the same.
    return null;
  }
}
