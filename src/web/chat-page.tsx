import type { DocumentMeta } from '../types.js';
import { shortName } from './format-meta.js';
import { DeleteDialog } from './delete-dialog.js';

/** Shown on the empty screen; clicking one asks it. A mix of forms officials actually type. */
export const EXAMPLE_QUESTIONS = [
  'Ai được cấp thẻ BHYT?',
  'Khi nào phải gửi báo cáo kết quả thực hiện kế hoạch?',
  'muc tieu cham soc suc khoe nguoi cao tuoi la gi',
  'What are the funding sources for the plan?',
];

/** The chat: conversations kept in the browser on the side, the open one in the middle, its scope above the composer. */
export function ChatPage({ documents }: { documents: readonly DocumentMeta[] }) {
  return (
    <div class="chat-shell">
      <aside class="conversations" aria-labelledby="conversations-title">
        <div class="conversations-head">
          <h2 id="conversations-title" class="conversations-title">
            Cuộc trò chuyện
          </h2>
          <button id="conversations-toggle" type="button" class="button button-secondary conversations-toggle" aria-expanded="false" aria-controls="conversation-list">
            Hiện danh sách
          </button>
        </div>
        <ul id="conversation-list" class="conversation-list"></ul>
        <p class="conversations-note">Lưu trong trình duyệt này.</p>
      </aside>
      <div class="chat" data-page="chat">
        <div class="chat-toolbar">
          <h1 id="chat-title" class="chat-title">
            Hỏi đáp về các kế hoạch
          </h1>
          <button id="new-chat" type="button" class="button button-secondary">
            Cuộc trò chuyện mới
          </button>
        </div>
        <section id="welcome" class="welcome" aria-labelledby="welcome-title">
          <h2 id="welcome-title">Xin chào! Anh/chị cần tra cứu điều gì?</h2>
          <p>
            Đặt câu hỏi bằng tiếng Việt (có hoặc không dấu) hoặc tiếng Anh. Mỗi câu trả lời đều kèm trích dẫn nguyên văn từ kế hoạch, bấm vào số
            trích dẫn để mở đúng đoạn văn bản.
          </p>
          <p class="welcome-scope">
            <span class="welcome-scope-label">Phạm vi:</span> {documents.map((doc) => shortName(doc)).join(' · ')}
          </p>
          <h3 class="examples-title">Câu hỏi gợi ý</h3>
          <ul class="examples">
            {EXAMPLE_QUESTIONS.map((question) => (
              <li>
                <button type="button" class="example" data-question={question}>
                  {question}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <ol
          id="conversation"
          class="conversation"
          aria-label="Cuộc trò chuyện"
          data-document-names={JSON.stringify(Object.fromEntries(documents.map((doc) => [doc.id, shortName(doc)])))}
        ></ol>
        <form id="ask-form" class="composer" novalidate>
          <div class="scope-bar">
            <span id="scope-label" class="scope-label">
              Phạm vi:
            </span>
            <ul id="scope-chips" class="scope-chips" aria-labelledby="scope-label"></ul>
            <button id="scope-edit" type="button" class="scope-edit" aria-haspopup="dialog">
              Giới hạn phạm vi…
            </button>
          </div>
          <label for="question" class="visually-hidden">
            Câu hỏi của anh/chị
          </label>
          <textarea
            id="question"
            name="question"
            rows={2}
            maxlength={1000}
            placeholder="Nhập câu hỏi về các kế hoạch…"
            aria-describedby="composer-hint"
            autocomplete="off"
          ></textarea>
          <button type="submit" id="send" class="button button-primary">
            Gửi
          </button>
          <p id="composer-hint" class="composer-hint">
            Enter để gửi · Shift + Enter để xuống dòng
          </p>
        </form>
      </div>
      <div id="cite-popover" class="popover" role="tooltip" hidden></div>
      <dialog id="scope-dialog" class="dialog dialog-wide" aria-labelledby="scope-dialog-title">
        <form method="dialog" class="dialog-form">
          {/* Focus starts on the title: the first field would open the keyboard on a phone before the options load. */}
          <h2 id="scope-dialog-title" tabindex={-1} autofocus>
            Giới hạn phạm vi trả lời
          </h2>
          <p class="dialog-lead">Các câu hỏi tiếp theo trong cuộc trò chuyện này chỉ được trả lời từ những văn bản đã chọn. Không chọn gì: mọi văn bản.</p>
          <p id="scope-loading" class="dialog-lead" role="status"></p>
          <fieldset class="scope-group">
            <legend>Địa phương</legend>
            <div id="scope-places" class="scope-options"></div>
          </fieldset>
          <fieldset class="scope-group">
            <legend>Loại văn bản</legend>
            <div id="scope-types" class="scope-options"></div>
          </fieldset>
          <fieldset class="scope-group">
            <legend>Văn bản</legend>
            <label for="scope-search" class="visually-hidden">
              Tìm văn bản
            </label>
            <input id="scope-search" type="search" class="scope-search" placeholder="Tìm theo địa phương, số hiệu, tên…" autocomplete="off" />
            <div id="scope-docs" class="scope-options scope-docs"></div>
            <p id="scope-docs-more" class="dialog-lead"></p>
          </fieldset>
          <p id="scope-count" class="scope-count" role="status"></p>
          <div class="dialog-actions">
            <button type="button" id="scope-clear" class="button button-secondary">
              Bỏ chọn tất cả
            </button>
            <button value="cancel" formnovalidate class="button button-secondary">
              Hủy
            </button>
            <button value="apply" id="scope-apply" class="button button-primary">
              Áp dụng
            </button>
          </div>
        </form>
      </dialog>
      <DeleteDialog title="Xóa cuộc trò chuyện?" />
      <noscript>
        <p class="notice">Trang hỏi đáp cần bật JavaScript. Anh/chị vẫn có thể xem các văn bản tại mục “Văn bản”.</p>
      </noscript>
    </div>
  );
}
