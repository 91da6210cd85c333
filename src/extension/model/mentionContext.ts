// A mention shown in its context for tree labels: "…troops left Air Base 201 in Agadez…"
// with the mention's characters marked, so TreeItemLabel.highlights can bold them.

export interface ContextLabel {
  label: string;
  /** [start, end) of the mention inside `label`. */
  highlight: [number, number];
}

/**
 * `before` is how much left context to keep: little, because a sidebar is narrow
 * and cuts labels on the right, so the mention must come early in the label.
 */
export function mentionContext(lineText: string, start: number, end: number, width = 48, before = 14): ContextLabel {
  const s = Math.max(0, Math.min(start, lineText.length));
  const e = Math.max(s, Math.min(end, lineText.length));
  const mention = lineText.slice(s, e);
  const room = Math.max(0, width - mention.length);
  const leftRoom = Math.min(before, Math.ceil(room / 2));
  let left = s - leftRoom;
  let right = e + (room - leftRoom);
  // Give unused room on one side to the other.
  if (left < 0) {
    right = Math.min(lineText.length, right - left);
    left = 0;
  }
  // Room left over at the line end is not given to the left: the mention stays early.
  if (right > lineText.length) right = lineText.length;
  // Cut at word boundaries so the label does not start mid-word.
  if (left > 0) {
    const sp = lineText.indexOf(' ', left);
    if (sp !== -1 && sp < s) left = sp + 1;
  }
  if (right < lineText.length) {
    const sp = lineText.lastIndexOf(' ', right);
    if (sp >= e) right = sp;
  }
  const lead = (left > 0 ? '\u2026' : '') + lineText.slice(left, s).replace(/\s+/g, ' ');
  const after = lineText.slice(e, right).replace(/\s+/g, ' ') + (right < lineText.length ? '\u2026' : '');
  const label = `${lead.trimStart()}${mention}${after.trimEnd()}`;
  const hs = lead.trimStart().length;
  return { label, highlight: [hs, hs + mention.length] };
}
