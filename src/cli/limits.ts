// The CLI's cache sizes, in one place.

/** Paragraph results shared across the files of one `annotate` or `story` run (articles of one outlet repeat boilerplate). */
export const BATCH_PARAGRAPH_CACHE_ENTRIES = 5000;
/** Paragraph results shared across a `--stdin` stream: bounded, so a long stream cannot grow it. */
export const STREAM_PARAGRAPH_CACHE_ENTRIES = 2000;
