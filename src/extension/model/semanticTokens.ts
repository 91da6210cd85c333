// Client-side filtering of semantic tokens (LSP relative encoding: 5 integers per
// token: deltaLine, deltaStartChar, length, tokenType, modifiers). Dropping a token
// means folding its deltas into the next kept one, so the rest stay in place.

export function filterSemanticTokenData(data: ArrayLike<number>, keepType: (tokenType: number) => boolean): Uint32Array {
  const out: number[] = [];
  let line = 0;
  let char = 0;
  let lastKeptLine = 0;
  let lastKeptChar = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const deltaLine = data[i];
    line += deltaLine;
    char = deltaLine === 0 ? char + data[i + 1] : data[i + 1];
    if (!keepType(data[i + 3])) continue;
    const outDeltaLine = line - lastKeptLine;
    out.push(outDeltaLine, outDeltaLine === 0 ? char - lastKeptChar : char, data[i + 2], data[i + 3], data[i + 4]);
    lastKeptLine = line;
    lastKeptChar = char;
  }
  return Uint32Array.from(out);
}

/** Decodes to absolute positions; used by tests and for debugging. */
export function decodeSemanticTokens(data: ArrayLike<number>): { line: number; char: number; length: number; type: number; modifiers: number }[] {
  const tokens = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    tokens.push({ line, char, length: data[i + 2], type: data[i + 3], modifiers: data[i + 4] });
  }
  return tokens;
}
