import { DOCUMENT_TYPES } from '../structure/grammar.js';
import { DeleteDialog } from './delete-dialog.js';

const LEVELS = ['quốc gia', 'tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường'];

/** A labelled text field of the metadata dialog; its name is the manifest field it corrects. */
function Field({ name, label, hint, type = 'text' }: { name: string; label: string; hint?: string; type?: string }) {
  const id = `meta-${name}`;
  return (
    <div class="admin-field">
      <label for={id}>{label}</label>
      <input id={id} name={name} type={type} autocomplete="off" maxlength={1000} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint ? (
        <span id={`${id}-hint`} class="admin-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The administration page (/admin, only with ADMIN_TOKEN): a login form, then uploads by drag and drop with a
 * progress line per file, the documents with their metadata, replacement, correction and deletion, the feedback
 * received and the audit log. The script (client/admin.ts) fills it from /api/admin.
 */
export function AdminPage() {
  return (
    <div class="page page-wide admin">
      <h1>Quản trị kho văn bản</h1>
      <noscript>
        <p class="notice">Trang quản trị cần bật JavaScript.</p>
      </noscript>

      <section id="admin-login" class="admin-section" aria-labelledby="admin-login-title" hidden>
        <h2 id="admin-login-title">Đăng nhập</h2>
        <form id="login-form" class="admin-login">
          <label for="admin-token">Mã quản trị (ADMIN_TOKEN)</label>
          <input id="admin-token" name="token" type="password" autocomplete="current-password" required />
          <button type="submit" class="button button-primary">
            Đăng nhập
          </button>
          <p id="login-error" class="admin-error" role="alert"></p>
        </form>
      </section>

      <div id="admin-main" hidden>
        <p class="admin-bar">
          <span id="admin-session" class="muted"></span>
          <button id="logout" type="button" class="button button-secondary">
            Đăng xuất
          </button>
        </p>

        <section class="admin-section" aria-labelledby="upload-title">
          <h2 id="upload-title">Tải văn bản lên</h2>
          <div id="drop-zone" class="drop-zone">
            <p>Kéo và thả tệp vào đây (PDF, Word .docx, văn bản .txt hoặc .md), hoặc</p>
            <button id="upload-pick" type="button" class="button button-secondary">
              Chọn tệp…
            </button>
            <input id="upload-input" class="visually-hidden" type="file" multiple accept=".pdf,.docx,.txt,.md" tabindex={-1} aria-hidden="true" />
            <p class="admin-hint">Văn bản scan được nhận dạng chữ (OCR). Một tệp đã có trong kho sẽ không được thêm lần hai.</p>
          </div>
          <input id="replace-input" class="visually-hidden" type="file" accept=".pdf,.docx,.txt,.md" tabindex={-1} aria-hidden="true" />
          <ul id="upload-list" class="upload-list" aria-label="Tiến độ tải lên và xử lý"></ul>
        </section>

        <section class="admin-section" aria-labelledby="documents-title">
          <h2 id="documents-title">Văn bản trong kho</h2>
          <form id="documents-search" class="admin-search" role="search">
            <label for="documents-query">Tìm theo tên, số hiệu, địa phương</label>
            <input id="documents-query" type="search" maxlength={200} />
            <button type="submit" class="button button-secondary">
              Tìm
            </button>
          </form>
          <p id="documents-count" class="muted" role="status"></p>
          <div class="table-scroll">
            <table class="admin-table" aria-describedby="documents-count">
              <thead>
                <tr>
                  <th scope="col">Văn bản</th>
                  <th scope="col">Loại</th>
                  <th scope="col">Số hiệu</th>
                  <th scope="col">Ngày ban hành</th>
                  <th scope="col">Địa phương</th>
                  <th scope="col">OCR</th>
                  <th scope="col">Ngày thêm</th>
                  <th scope="col">
                    <span class="visually-hidden">Thao tác</span>
                  </th>
                </tr>
              </thead>
              <tbody id="documents-body"></tbody>
            </table>
          </div>
          <nav class="admin-pager" aria-label="Trang danh sách văn bản">
            <button id="documents-prev" type="button" class="button button-secondary">
              Trang trước
            </button>
            <button id="documents-next" type="button" class="button button-secondary">
              Trang sau
            </button>
          </nav>
        </section>

        <section class="admin-section" aria-labelledby="feedback-title">
          <h2 id="feedback-title">Phản hồi của người dùng</h2>
          <div class="admin-search">
            <label for="feedback-rating">Đánh giá</label>
            <select id="feedback-rating">
              <option value="">Tất cả</option>
              <option value="up">Hữu ích</option>
              <option value="down">Chưa đúng</option>
            </select>
            <a id="feedback-export" class="button button-secondary" href="/api/admin/feedback/export.csv" download>
              Tải về (CSV)
            </a>
          </div>
          <ul id="feedback-list" class="feedback-list" aria-live="polite"></ul>
          <button id="feedback-more" type="button" class="button button-secondary" hidden>
            Xem thêm
          </button>
        </section>

        <section class="admin-section" aria-labelledby="audit-title">
          <h2 id="audit-title">Nhật ký quản trị</h2>
          <div class="table-scroll">
            <table class="admin-table">
              <thead>
                <tr>
                  <th scope="col">Thời điểm</th>
                  <th scope="col">Thao tác</th>
                  <th scope="col">Văn bản</th>
                  <th scope="col">Từ địa chỉ</th>
                </tr>
              </thead>
              <tbody id="audit-body"></tbody>
            </table>
          </div>
        </section>
      </div>

      <dialog id="meta-dialog" class="dialog dialog-wide" aria-labelledby="meta-dialog-title">
        <form id="meta-form" method="dialog" class="dialog-form">
          <h2 id="meta-dialog-title" tabindex={-1}>
            Sửa thông tin văn bản
          </h2>
          <p id="meta-dialog-doc" class="dialog-lead"></p>
          <p class="dialog-lead">Thông tin sửa ở đây được dùng thay cho thông tin đọc từ văn bản. Để trống một ô: đọc lại từ văn bản.</p>
          <div class="admin-fields">
            <Field name="title" label="Trích yếu (tiêu đề)" />
            <div class="admin-field">
              <label for="meta-type">Loại văn bản</label>
              <select id="meta-type" name="type">
                <option value="">(đọc từ văn bản)</option>
                {DOCUMENT_TYPES.map((entry) => (
                  <option value={entry.type}>{entry.type}</option>
                ))}
              </select>
            </div>
            <Field name="number" label="Số hiệu" hint="Ví dụ: 77/KH-UBND" />
            <Field name="issuedDate" label="Ngày ban hành" hint="NNNN-TT-NN, hoặc NNNN-TT khi không ghi ngày" />
            <Field name="issuer" label="Cơ quan ban hành" />
            <Field name="locality" label="Địa phương" hint="Ví dụ: Tỉnh Cao Bằng" />
            <div class="admin-field">
              <label for="meta-level">Cấp</label>
              <select id="meta-level" name="level">
                <option value="">(đọc từ văn bản)</option>
                {LEVELS.map((level) => (
                  <option value={level}>{level}</option>
                ))}
              </select>
            </div>
            <Field name="province" label="Tỉnh, thành phố" />
            <Field name="signer" label="Người ký" />
            <Field name="period" label="Giai đoạn" hint="Ví dụ: 2021-2025" />
            <Field name="effectiveDate" label="Ngày có hiệu lực" hint="NNNN-TT-NN" />
          </div>
          <p id="meta-error" class="admin-error" role="alert"></p>
          <div class="dialog-actions">
            <button value="cancel" formnovalidate class="button button-secondary">
              Hủy
            </button>
            <button value="save" class="button button-primary">
              Lưu
            </button>
          </div>
        </form>
      </dialog>

      <DeleteDialog title="Xóa văn bản?" />
    </div>
  );
}
