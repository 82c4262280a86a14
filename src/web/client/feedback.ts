import type { Turn } from './conversation-store.js';
import { h, icon } from './dom.js';
import { THUMB_PATH } from './icons.js';

async function postFeedback(body: Record<string, unknown>): Promise<boolean> {
  try {
    const response = await fetch('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * A thumb saves the rating at once; a comment may follow and is saved as a second entry for the same answer
 * (its answerId), so a rating is never lost to a comment left unwritten.
 */
export function feedbackBlock(turn: Turn, saved: () => void): HTMLElement {
  const block = h('div', { class: 'feedback' });
  const status = h('p', { class: 'feedback-status', role: 'status' }, turn.feedback ? 'Đã lưu đánh giá. Cảm ơn anh/chị!' : '');
  const commentId = `comment-${turn.id}`;
  const comment = h('textarea', { id: commentId, rows: 2, maxlength: 2000, placeholder: 'Điều gì chưa đúng hoặc còn thiếu?' });
  const submit = h('button', { type: 'submit', class: 'button button-secondary' }, 'Gửi góp ý');
  const commentForm = h(
    'form',
    { class: 'feedback-form', hidden: true },
    h('label', { for: commentId }, 'Góp ý thêm (không bắt buộc)'),
    comment,
    h('div', { class: 'feedback-actions' }, submit),
  );
  const about = () => ({
    question: turn.question,
    answer: turn.answer,
    answerId: turn.answerId,
    citations: turn.citations.slice(0, 20).map(({ n, docId, section, start, end }) => ({ n, docId, section, start, end })),
  });

  const thumbs: HTMLButtonElement[] = [];
  const press = (rating: Turn['feedback']) => {
    for (const thumb of thumbs) thumb.setAttribute('aria-pressed', String(thumb.dataset.rating === rating));
  };
  const thumb = (rating: 'up' | 'down', label: string): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: `thumb thumb-${rating}`, 'aria-pressed': String(turn.feedback === rating), 'aria-label': label, title: label, 'data-rating': rating }, icon(THUMB_PATH));
    button.addEventListener('click', async () => {
      if (block.dataset.sending) return;
      block.dataset.sending = 'true';
      press(rating);
      status.textContent = 'Đang lưu đánh giá…';
      const ok = await postFeedback({ ...about(), rating });
      delete block.dataset.sending;
      if (!ok) {
        press(turn.feedback);
        status.textContent = 'Chưa lưu được đánh giá. Vui lòng bấm lại.';
        return;
      }
      turn.feedback = rating;
      saved();
      status.textContent = 'Đã lưu đánh giá. Cảm ơn anh/chị!';
      commentForm.hidden = Boolean(turn.commented);
    });
    thumbs.push(button);
    return button;
  };

  commentForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = comment.value.trim();
    if (!text || !turn.feedback) {
      status.textContent = 'Anh/chị hãy nhập góp ý trước khi gửi.';
      comment.focus();
      return;
    }
    submit.disabled = true;
    status.textContent = 'Đang gửi góp ý…';
    const ok = await postFeedback({ ...about(), rating: turn.feedback, comment: text });
    submit.disabled = false;
    if (!ok) {
      status.textContent = 'Chưa gửi được góp ý. Vui lòng thử lại.';
      return;
    }
    turn.commented = true;
    saved();
    commentForm.hidden = true;
    status.textContent = 'Đã gửi góp ý. Cảm ơn anh/chị!';
  });

  block.append(
    h('div', { class: 'feedback-row' }, h('span', { class: 'feedback-label' }, 'Câu trả lời có hữu ích không?'), thumb('up', 'Hữu ích'), thumb('down', 'Chưa hữu ích')),
    commentForm,
    status,
  );
  return block;
}
