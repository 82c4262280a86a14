/** Removes earlier highlights, putting their text back in place. */
export function clearHighlights(root: HTMLElement): void {
  for (const mark of root.querySelectorAll('mark.quote-mark')) mark.replaceWith(...mark.childNodes);
  root.normalize();
}

/**
 * Wraps the characters [start, end) of `root`'s text in <mark> elements, one per text node the span crosses
 * (headings are separate elements). The page renders the original text verbatim, so text offsets are quote offsets.
 */
export function highlightRange(root: HTMLElement, start: number, end: number): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const targets: { node: Text; from: number; to: number }[] = [];
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    const from = Math.max(start, offset) - offset;
    const to = Math.min(end, offset + length) - offset;
    if (from < to) targets.push({ node, from, to });
    offset += length;
    if (offset >= end) break;
  }
  return targets.map(({ node, from, to }) => {
    const middle = node.splitText(from);
    middle.splitText(to - from);
    const mark = document.createElement('mark');
    mark.className = 'quote-mark';
    middle.replaceWith(mark);
    mark.append(middle);
    return mark;
  });
}
