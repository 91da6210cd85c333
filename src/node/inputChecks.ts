// What News Lens refuses to analyse, and why. Shared by the server (diagnostics)
// and the CLI (stderr messages) so both say the same thing about the same input.
// Plain TypeScript; it lives in the Node host layer because only hosts read input.

/** Texts longer than this (UTF-16 code units, ~2 MB) are not analysed: no article is that long, and a log file would stall the editor. */
export const MAX_ANALYSED_CHARS = 2_000_000;

export type InputRefusal = { code: 'binary'; message: string } | { code: 'too-big'; message: string };

/** A refusal for text that should not be analysed, or null when it is fine. */
export function checkText(text: string, maxChars = MAX_ANALYSED_CHARS): InputRefusal | null {
  if (looksBinary(text)) {
    return {
      code: 'binary',
      message: 'This looks like a binary file (it contains NUL characters, or more than 10% of it is undecodable bytes), so News Lens did not analyse it.',
    };
  }
  if (text.length > maxChars) {
    return {
      code: 'too-big',
      message: `This file is ${formatSize(text.length)} characters long, more than the ${formatSize(maxChars)} News Lens analyses, so it was not analysed. Split it into articles.`,
    };
  }
  return null;
}

/** Above this share of U+FFFD the text is mostly undecodable bytes. Scraped news often carries a few (a mis-encoded quote or accent) and must still be analysed. */
export const MAX_REPLACEMENT_SHARE = 0.1;
/** How much of the start of a file the binary checks read (a binary file shows itself early). */
const BINARY_CHECK_SAMPLE = 65_536;

/** NUL characters, or more than 10% U+FFFD replacement characters (bytes that were not valid UTF-8). */
export function looksBinary(text: string): boolean {
  const sample = text.length > BINARY_CHECK_SAMPLE ? text.slice(0, BINARY_CHECK_SAMPLE) : text;
  if (sample.includes('\u0000')) return true;
  let replacements = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) replacements++;
  return replacements / Math.max(1, sample.length) > MAX_REPLACEMENT_SHARE;
}

/** For raw bytes (CLI): NUL bytes or invalid UTF-8 mean binary. Returns the decoded text otherwise. */
export function decodeUtf8Strict(bytes: Uint8Array): { text: string } | { refusal: InputRefusal } {
  const sample = bytes.length > BINARY_CHECK_SAMPLE ? bytes.subarray(0, BINARY_CHECK_SAMPLE) : bytes;
  if (sample.includes(0)) return { refusal: { code: 'binary', message: 'binary file (contains NUL bytes); not analysed' } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { refusal: { code: 'binary', message: 'not valid UTF-8 text (binary file?); not analysed' } };
  }
}

function formatSize(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} million` : n.toLocaleString('en-US');
}
