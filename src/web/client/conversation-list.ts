import { conversationTitle, type ConversationState } from './conversation-store.js';
import { h, icon } from './dom.js';
import { DELETE_PATH, EDIT_PATH } from './icons.js';

export interface ConversationListActions {
  open(id: string): void;
  rename(id: string, title: string): void;
  remove(id: string): void;
}

const TITLE_MAX = 80;

function when(at: number): string {
  const date = new Date(at);
  const today = new Date();
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return date.toDateString() === today.toDateString() ? time : `${date.getDate()}/${date.getMonth() + 1}/${date.getFullYear()}`;
}

/**
 * The conversations kept in this browser, most recent first: open one, rename it in place, or delete it after a
 * confirmation. On a phone the list folds away behind a toggle.
 */
export function createConversationList(actions: ConversationListActions): { render(state: ConversationState, busy: boolean): void } {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const list = byId<HTMLUListElement>('conversation-list');
  const toggle = byId<HTMLButtonElement>('conversations-toggle');
  const panel = list.closest('.conversations') as HTMLElement;
  const confirm = byId<HTMLDialogElement>('delete-dialog');
  const confirmText = byId<HTMLParagraphElement>('delete-dialog-text');
  let last: { state: ConversationState; busy: boolean } | undefined;
  let pendingDelete: string | undefined;

  const focusItem = (id: string, part: string) => list.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] ${part}`)?.focus();

  function renameForm(id: string, title: string): HTMLFormElement {
    const inputId = `rename-${id}`;
    const input = h('input', { id: inputId, type: 'text', value: title, maxlength: TITLE_MAX, autocomplete: 'off' });
    const cancel = h('button', { type: 'button', class: 'button button-secondary' }, 'Hủy');
    const form = h(
      'form',
      { class: 'conversation-rename' },
      h('label', { for: inputId, class: 'visually-hidden' }, 'Tên mới của cuộc trò chuyện'),
      input,
      h('div', { class: 'conversation-rename-actions' }, h('button', { type: 'submit', class: 'button button-primary' }, 'Lưu'), cancel),
    );
    const back = () => {
      if (last) render(last.state, last.busy);
      focusItem(id, '.conversation-rename-button');
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      actions.rename(id, input.value.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX));
      focusItem(id, '.conversation-open');
    });
    cancel.addEventListener('click', back);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        back();
      }
    });
    return form;
  }

  function render(state: ConversationState, busy: boolean): void {
    last = { state, busy };
    const items = [...state.conversations].sort((a, b) => b.updatedAt - a.updatedAt);
    list.replaceChildren(
      ...items.map((conversation) => {
        const title = conversationTitle(conversation);
        const questions = conversation.turns.length;
        const current = conversation.id === state.activeId;
        const open = h(
          'button',
          { type: 'button', class: 'conversation-open', 'aria-current': current ? 'true' : undefined, disabled: busy && !current },
          h('span', { class: 'conversation-name' }, title),
          h('span', { class: 'conversation-meta' }, questions > 0 ? `${questions} câu hỏi · ${when(conversation.updatedAt)}` : 'Chưa có câu hỏi'),
        );
        open.addEventListener('click', () => actions.open(conversation.id));
        const rename = h('button', { type: 'button', class: 'icon-button conversation-rename-button', 'aria-label': `Đổi tên: ${title}`, title: 'Đổi tên', disabled: busy }, icon(EDIT_PATH));
        const remove = h('button', { type: 'button', class: 'icon-button conversation-delete-button', 'aria-label': `Xóa: ${title}`, title: 'Xóa', disabled: busy }, icon(DELETE_PATH));
        const item = h('li', { class: current ? 'conversation-item is-current' : 'conversation-item', 'data-id': conversation.id }, open, rename, remove);
        rename.addEventListener('click', () => {
          const form = renameForm(conversation.id, title);
          item.replaceChildren(form);
          const input = form.querySelector('input')!;
          input.focus();
          input.select();
        });
        remove.addEventListener('click', () => {
          pendingDelete = conversation.id;
          confirmText.textContent = `“${title}” cùng các câu trả lời trong đó sẽ bị xóa khỏi trình duyệt này. Các liên kết đã chia sẻ vẫn mở được.`;
          confirm.returnValue = '';
          confirm.showModal();
        });
        return item;
      }),
    );
    const expanded = panel.classList.contains('is-open');
    toggle.textContent = expanded ? 'Ẩn danh sách' : `Hiện danh sách (${items.length})`;
  }

  confirm.addEventListener('close', () => {
    const id = pendingDelete;
    pendingDelete = undefined;
    if (!id) return;
    if (confirm.returnValue === 'delete') {
      actions.remove(id);
      document.getElementById('question')?.focus();
    } else {
      focusItem(id, '.conversation-delete-button');
    }
  });

  toggle.addEventListener('click', () => {
    const open = !panel.classList.contains('is-open');
    panel.classList.toggle('is-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (last) render(last.state, last.busy);
  });

  return { render };
}
