import { answerAsText } from './answer-text.js';
import { copyText } from './clipboard.js';
import type { Turn } from './conversation-store.js';
import { h, icon } from './dom.js';
import { COPY_PATH, DOWNLOAD_PATH, LINK_PATH, PRINT_PATH } from './icons.js';

/** The page that shows a kept answer to anyone with its link. */
export const sharedAnswerUrl = (answerId: string): string => new URL(`/a/${encodeURIComponent(answerId)}`, window.location.origin).href;

/**
 * Copy as text with the citations in full form, download as Word, share a link, print. The Word file and the link
 * need the id the server kept the answer under, so answers from before sharing existed offer copy and print only.
 */
export function answerActions(turn: Turn, { print }: { print(): void }): HTMLElement {
  const status = h('p', { class: 'action-status', role: 'status' });
  const shareLink = h('p', { class: 'share-link', hidden: true });
  const say = (message: string) => {
    status.textContent = message;
  };
  const action = (label: string, path: string, onClick: () => void) => {
    const button = h('button', { type: 'button', class: 'action' }, icon(path), label);
    button.addEventListener('click', onClick);
    return button;
  };

  const copy = action('Sao chép', COPY_PATH, async () => {
    const copied = await copyText(answerAsText(turn));
    say(copied ? 'Đã sao chép câu trả lời kèm nguồn trích dẫn.' : 'Không sao chép được. Anh/chị hãy bôi đen rồi sao chép thủ công.');
  });
  const row = h('div', { class: 'answer-actions', role: 'group', 'aria-label': 'Thao tác với câu trả lời' }, copy);

  if (turn.answerId) {
    const url = sharedAnswerUrl(turn.answerId);
    row.append(
      h('a', { class: 'action', href: `/api/answers/${encodeURIComponent(turn.answerId)}/export.docx`, download: '' }, icon(DOWNLOAD_PATH), 'Tải Word'),
      action('Chia sẻ', LINK_PATH, async () => {
        shareLink.replaceChildren('Liên kết: ', h('a', { href: url }, url));
        shareLink.hidden = false;
        // On a phone the system share sheet reaches Zalo and mail directly.
        if (navigator.share && window.matchMedia('(pointer: coarse)').matches) {
          try {
            await navigator.share({ title: 'Câu trả lời — Hỏi đáp Kế hoạch', url });
            say('Ai có liên kết đều xem được câu trả lời này.');
            return;
          } catch {
            // Dismissed or unavailable: copy instead.
          }
        }
        const copied = await copyText(url);
        say(`${copied ? 'Đã sao chép liên kết. ' : ''}Ai có liên kết đều xem được câu trả lời này.`);
      }),
    );
  }
  row.append(action('In', PRINT_PATH, print));
  return h('div', { class: 'answer-tools' }, row, shareLink, status);
}
