// The client's timings, in one place.

/** Quiet time after the cursor moves before the sidebar follows it. */
export const CURSOR_FOLLOW_DELAY_MS = 150;
/** Quiet time before the sidebar asks the server for an article's view again. */
export const VIEW_FETCH_DELAY_MS = 60;
/** After a settings change: time for the server to re-analyse before the views refresh anyway (a missed notification). */
export const SETTINGS_REFRESH_DELAY_MS = 400;
/** After writing the article date: time for the server to see the edit before the views refresh. */
export const DATE_EDIT_REFRESH_DELAY_MS = 300;
/** How long a status bar message stays. */
export const STATUS_MESSAGE_MS = 5000;
/** Lets the tree render a kind group switched back on before revealing it. */
export const TREE_REVEAL_DELAY_MS = 50;
