import { parsePassageHash } from '../passage-link.js';
import { clearHighlights, highlightRange } from './highlight-range.js';

const text = document.getElementById('doc-text') as HTMLElement;
const status = document.getElementById('highlight-status') as HTMLElement;
const toc = document.getElementById('toc-details') as HTMLDetailsElement | null;
// A link from a citation lands far below the header's note: the status repeats that the text is incomplete.
const excerpt = document.getElementById('excerpt-note') !== null;

/** Highlights the passage named by `#q-<start>-<end>` and brings it into view. */
function showQuotedPassage(): void {
  const range = parsePassageHash(window.location.hash);
  if (!range) return;
  clearHighlights(text);
  const marks = highlightRange(text, range.start, range.end);
  if (marks.length === 0) {
    status.textContent = 'Không tìm thấy đoạn trích dẫn trong văn bản này.';
    status.hidden = false;
    return;
  }
  const first = marks[0];
  first.id = 'quote';
  first.tabIndex = -1;
  status.textContent = `Đoạn được trích dẫn đã được tô sáng.${excerpt ? ' Lưu ý: văn bản này là bản trích, không phải toàn văn.' : ''}`;
  status.hidden = false;
  first.scrollIntoView({ block: 'center' });
  first.focus({ preventScroll: true });
}

// On a phone the outline would push the text far down: start it folded.
if (toc && window.matchMedia('(max-width: 60rem)').matches) toc.open = false;

window.addEventListener('hashchange', showQuotedPassage);
showQuotedPassage();
