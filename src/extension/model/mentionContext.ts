// A mention shown in its context for tree labels: "…troops left Air Base 201 in Agadez…"
// with the mention's characters marked, so TreeItemLabel.highlights can bold them.

export interface ContextLabel {
  label: string;
  /** [start, end) of the mention inside `label`. */
  highlight: [number, number];
}

export function mentionContext(lineText: string, start: number, end: number, width = 60): ContextLabel {
  const s = Math.max(0, Math.min(start, lineText.length));
  const e = Math.max(s, Math.min(end, lineText.length));
  const mention = lineText.slice(s, e);
  const room = Math.max(0, width - mention.length);
  let left = s - Math.ceil(room / 2);
  let right = e + Math.floor(room / 2);
  // Give unused room on one side to the other.
  if (left < 0) { right = Math.min(lineText.length, right - left); left = 0; }
  if (right > lineText.length) { left = Math.max(0, left - (right - lineText.length)); right = lineText.length; }
  // Cut at word boundaries so the label does not start mid-word.
  if (left > 0) { const sp = lineText.indexOf(' ', left); if (sp !== -1 && sp < s) left = sp + 1; }
  if (right < lineText.length) { const sp = lineText.lastIndexOf(' ', right); if (sp >= e) right = sp; }
  const before = (left > 0 ? '\u2026' : '') + lineText.slice(left, s).replace(/\s+/g, ' ');
  const after = lineText.slice(e, right).replace(/\s+/g, ' ') + (right < lineText.length ? '\u2026' : '');
  const label = `${before.trimStart()}${mention}${after.trimEnd()}`;
  const hs = before.trimStart().length;
  return { label, highlight: [hs, hs + mention.length] };
}
