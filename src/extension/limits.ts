// The client's timings, in one place (milliseconds).
export const DELAYS_MS = {
  /** Quiet time after the cursor moves before the sidebar follows it. */
  cursorFollow: 150,
  /** Quiet time before the sidebar asks the server for an article's view again. */
  viewFetch: 60,
  /** After a settings change: time for the server to re-analyse before the views refresh anyway (a missed notification). */
  settingsRefresh: 400,
  /** After writing the article date: time for the server to see the edit before the views refresh. */
  dateEditRefresh: 300,
  /** How long a status bar message stays. */
  statusMessage: 5000,
  /** How long the status bar message of an annotation command (mark, remove, export, import) stays. */
  annotationMessage: 4000,
  /** Lets the tree render a kind group switched back on before revealing it. */
  treeReveal: 50,
} as const;

/** Comparison reports kept readable at once (each is a read-only document; the oldest goes first). */
export const COMPARE_REPORTS_KEPT = 20;
