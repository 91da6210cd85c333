// Text for Markdown (hover cards, tree tooltips, the CLI's Markdown): one escaper for
// every layer. A leaf module (no imports), so the extension gets it through
// src/protocol without bundling the analysis.
/**
 * Escapes text so Markdown (hover cards, tree tooltips) shows it literally, inline:
 * every ASCII punctuation CommonMark or VS Code gives a meaning to (emphasis, code,
 * links, headings, lists, tables, strikethrough, `$(icon)`, HTML) gets a backslash,
 * and a line break becomes a space.
 */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&').replace(/\r?\n/g, ' ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
