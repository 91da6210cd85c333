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
/** Links to other articles in a hover's "also in" line; the rest are counted (the Story view lists them all). */
export const MAX_ALSO_IN_LINKS = 5;

// The workspace index and its stories.
/** Bounds so a huge folder (a home directory opened by mistake) cannot eat the server. */
export const WORKSPACE_SCAN_MAX_FILES = 20_000;
export const WORKSPACE_SCAN_MAX_DEPTH = 12;
/** From this many files a scan analyses in worker threads (starting one costs ~100 ms and a copy of the models). */
export const WORKER_MIN_FILES = 50;
/** Worker threads a scan uses at most by default (one less than the cores, up to this). */
export const INDEX_WORKERS_DEFAULT_MAX = 4;
/** Worker threads at most even when NEWS_LENS_INDEX_WORKERS asks for more (each holds a copy of the models). */
export const INDEX_WORKERS_MAX = 8;
/** How often a scan updates its progress report at most. */
export const INDEX_PROGRESS_REPORT_MS = 200;
/** How soon after a change the stories asked for are rebuilt (a burst of edits costs one build). */
export const STORY_REBUILD_MS = 100;
/** The same while a scan is still adding articles (each build would be outdated at once). */
export const STORY_REBUILD_WHILE_INDEXING_MS = 3000;
/** Stories kept built at once: the workspace's and a handful of folders'. */
export const STORIES_KEPT = 8;
