import type { DocumentMeta } from '../types.js';
import { shortName } from './format-meta.js';
import { DutiesForm } from './learn-duties-form.js';

/**
 * A document's learning page for new staff: its summary, deadlines, duties by agency and a quiz, each item with a
 * link to the passage it was read from. The sections are filled by the learning script from /api; the page says so
 * when scripts are off.
 */
export function LearnPage({ meta }: { meta: DocumentMeta }) {
  const docPath = `/docs/${encodeURIComponent(meta.id)}`;
  return (
    <div class="page learn" id="learn" data-doc-id={meta.id}>
      <nav class="breadcrumb" aria-label="Vị trí">
        <a href="/learn">Tự học</a> <span aria-hidden="true">›</span> <span>{shortName(meta)}</span>
      </nav>
      <header class="doc-header">
        <h1>{meta.title}</h1>
        <p class="lead">
          Bản tóm tắt để học nhanh. Mỗi nội dung đều kèm liên kết “Nguồn” mở đúng đoạn văn bản đã trích, được tô sáng. <a href={docPath}>Đọc toàn văn</a>
        </p>
        <nav class="learn-tabs" aria-label="Các phần của trang">
          <a href="#tom-tat">Tóm tắt</a>
          <a href="#thoi-han">Thời hạn</a>
          <a href="#nhiem-vu">Nhiệm vụ theo cơ quan</a>
          <a href="#on-tap">Câu hỏi ôn tập</a>
        </nav>
      </header>
      <noscript>
        <p class="notice">Trang tự học cần bật JavaScript để tải nội dung. Bạn vẫn có thể <a href={docPath}>đọc toàn văn</a>.</p>
      </noscript>

      <section id="tom-tat" class="learn-section" aria-labelledby="tom-tat-title">
        <h2 id="tom-tat-title">Tóm tắt</h2>
        <div id="learn-summary" aria-busy="true">
          <p class="muted learn-status">Đang tải bản tóm tắt…</p>
        </div>
      </section>

      <section id="thoi-han" class="learn-section" aria-labelledby="thoi-han-title">
        <h2 id="thoi-han-title">Thời hạn báo cáo và thực hiện</h2>
        <div id="learn-deadlines" data-doc-id={meta.id} aria-busy="true">
          <p class="muted learn-status">Đang tải các thời hạn…</p>
        </div>
      </section>

      <section id="nhiem-vu" class="learn-section" aria-labelledby="nhiem-vu-title">
        <h2 id="nhiem-vu-title">Nhiệm vụ theo cơ quan</h2>
        <p class="muted">Chọn hoặc gõ tên một cơ quan để xem mọi nhiệm vụ được giao cho cơ quan đó trong tất cả các văn bản.</p>
        <DutiesForm />
      </section>

      <section id="on-tap" class="learn-section" aria-labelledby="on-tap-title">
        <h2 id="on-tap-title">Câu hỏi ôn tập</h2>
        <p class="muted">Chọn một đáp án để xem đáp án đúng và đoạn văn bản làm căn cứ.</p>
        <div id="learn-quiz" data-doc-id={meta.id} aria-busy="true">
          <p class="muted learn-status">Đang tạo câu hỏi…</p>
        </div>
        <p>
          <button type="button" id="quiz-again" class="button button-secondary" hidden>
            Bộ câu hỏi khác
          </button>
        </p>
      </section>
    </div>
  );
}
