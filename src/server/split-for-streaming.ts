/** Splits an answer into word-aligned pieces for streaming; the pieces concatenate to the input. */
export function splitForStreaming(text: string, pieceLength = 32): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const token of text.match(/\S+\s*|\s+/g) ?? []) {
    if (current.length > 0 && current.length + token.length > pieceLength) {
      pieces.push(current);
      current = '';
    }
    current += token;
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}
