// The server's timings and cache sizes, in one place: what the editor feels
// (debounce, slices, budgets) and what memory holds (caches, result caps).

/** How long after a keystroke the analysis starts: typing bursts collapse into one run. */
export const ANALYSIS_DEBOUNCE_MS = 200;
/** Articles shorter than this are analysed in one go: it takes well under a frame's worth of typing latency. */
export const BACKGROUND_THRESHOLD_CHARS = 30_000;
/** How long one slice of background analysis may hold the event loop before yielding. */
export const SLICE_MS = 15;
/** How long a visible-range answer may analyse before answering with what it has (the rest follows with a refresh). */
export const WINDOW_BUDGET_MS = 250;
/** Paragraph results kept per open document (an edit re-analyses only the paragraphs it touched). */
export const DOCUMENT_PARAGRAPH_CACHE_ENTRIES = 2000;
/** A long article grows its cache to twice its paragraphs (this version and the next) plus this slack. */
export const PARAGRAPH_CACHE_SLACK = 100;
/** Workspace symbols answered at most per query. */
export const MAX_WORKSPACE_SYMBOLS = 500;
