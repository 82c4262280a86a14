import type { DocumentMeta } from '../types.js';
import { shortName } from './format-meta.js';

/** Shown on the empty screen; clicking one asks it. A mix of forms officials actually type. */
export const EXAMPLE_QUESTIONS = [
  'Ai được cấp thẻ BHYT?',
  'Khi nào phải gửi báo cáo kết quả thực hiện kế hoạch?',
  'muc tieu cham soc suc khoe nguoi cao tuoi la gi',
  'What are the funding sources for the plan?',
];

export function ChatPage({ documents }: { documents: readonly DocumentMeta[] }) {
  return (
    <div class="chat" data-page="chat">
      <div class="chat-toolbar">
        <h1 class="chat-title">Hỏi đáp về các kế hoạch</h1>
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
      <div id="cite-popover" class="popover" role="tooltip" hidden></div>
      <noscript>
        <p class="notice">Trang hỏi đáp cần bật JavaScript. Anh/chị vẫn có thể xem các văn bản tại mục “Văn bản”.</p>
      </noscript>
    </div>
  );
}
