// Small helpers for hover Markdown (md and plural are shared with the client, in src/protocol).
import { md } from '../protocol';

export { md, plural } from '../protocol';

/** Trims a sentence to a readable length, cutting at a word boundary. */
export function clip(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function commandLink(label: string, command: string, args: unknown[], tooltip = label): string {
  return `[${md(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${tooltip.replace(/"/g, "'")}")`;
}
