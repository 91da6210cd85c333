// Which file names can hold an article: the one list the server's detection, the workspace
// walk and the file watcher share.

/** Always articles: the `news-article` language's own extensions. */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.news', '.article'];
/** Prose files that are articles when they open with a dateline or front matter. */
export const PROSE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.text'];

/** The file watcher's glob for every extension above. */
export const ARTICLE_FILES_GLOB = `**/*.{${[...ARTICLE_EXTENSIONS, ...PROSE_EXTENSIONS].map((e) => e.slice(1)).join(',')}}`;

/** `ext` is lower case with its dot, as `path.extname` gives it. */
export const isArticleExtension = (ext: string): boolean => ARTICLE_EXTENSIONS.includes(ext);
export const isProseExtension = (ext: string): boolean => PROSE_EXTENSIONS.includes(ext);
