import { formatAnsweredAt } from '../format-answered-at.js';
import { formatIssuedDate } from '../format-meta.js';
import { h } from './dom.js';

// The admin page (/admin): logs in with the admin token once (an httpOnly session cookie follows), then sends
// the session's CSRF token with every change. Uploads go one file at a time, each followed to the end of its job.

const API = '/api/admin';
const POLL_MS = 700;
const DOCUMENTS_PAGE = 25;
const FEEDBACK_PAGE = 20;

interface AdminDocument {
  id: string;
  title: string;
  type?: string;
  number?: string;
  issuedDate?: string;
  locality?: string;
  sourceFile: string;
  ocr: boolean;
  addedAt?: string;
  corrected: string[];
  pendingJob?: string;
  [field: string]: unknown;
}

interface Job {
  jobId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  phase?: 'check' | 'read' | 'ocr' | 'index';
  pages?: { done: number; total: number };
  error?: string;
  docId: string;
}

interface FeedbackRow {
  at: string;
  rating: 'up' | 'down';
  question: string;
  answer: string;
  comment?: string;
  docIds: string[];
}

interface AuditEntry {
  at: string;
  action: string;
  client: string;
  docId?: string;
  file?: string;
  detail?: string;
}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const loginSection = byId<HTMLElement>('admin-login');
const main = byId<HTMLElement>('admin-main');
const loginError = byId<HTMLElement>('login-error');
const uploadList = byId<HTMLUListElement>('upload-list');
const uploadInput = byId<HTMLInputElement>('upload-input');
const replaceInput = byId<HTMLInputElement>('replace-input');
const dropZone = byId<HTMLElement>('drop-zone');
const documentsBody = byId<HTMLTableSectionElement>('documents-body');
const documentsCount = byId<HTMLElement>('documents-count');
const documentsQuery = byId<HTMLInputElement>('documents-query');
const previous = byId<HTMLButtonElement>('documents-prev');
const next = byId<HTMLButtonElement>('documents-next');
const metaDialog = byId<HTMLDialogElement>('meta-dialog');
const metaForm = byId<HTMLFormElement>('meta-form');
const metaError = byId<HTMLElement>('meta-error');
const deleteDialog = byId<HTMLDialogElement>('delete-dialog');
const feedbackRating = byId<HTMLSelectElement>('feedback-rating');
const feedbackList = byId<HTMLUListElement>('feedback-list');
const feedbackMore = byId<HTMLButtonElement>('feedback-more');
const feedbackExport = byId<HTMLAnchorElement>('feedback-export');
const auditBody = byId<HTMLTableSectionElement>('audit-body');

let csrfToken = '';

class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const messageOf = (body: unknown, status: number): string =>
  (body as { error?: { message?: string } } | null)?.error?.message ?? `Máy chủ trả lời lỗi ${status}.`;

/** Signs out of the page when the session has ended on the server (expired, or the server restarted). */
function sessionLost(): void {
  showLogin('Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.');
}

async function api<T>(path: string, { method = 'GET', json }: { method?: string; json?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${API}${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), credentials: 'same-origin' });
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.status === 401 && path !== '/session') sessionLost();
  if (!response.ok) throw new ApiError(messageOf(body, response.status), response.status);
  return body as T;
}

// ---- Login ---------------------------------------------------------------------------------------------------

function showLogin(message = ''): void {
  csrfToken = '';
  main.hidden = true;
  loginSection.hidden = false;
  loginError.textContent = message;
  byId<HTMLInputElement>('admin-token').focus();
}

function start(session: { csrfToken: string; expiresAt: string }): void {
  csrfToken = session.csrfToken;
  loginSection.hidden = true;
  main.hidden = false;
  byId<HTMLElement>('admin-session').textContent = `Đã đăng nhập, đến ${formatAnsweredAt(session.expiresAt)}.`;
  void loadDocuments();
  void loadFeedback(true);
  void loadAudit();
}

byId<HTMLFormElement>('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>('admin-token');
  loginError.textContent = '';
  api<{ csrfToken: string; expiresAt: string }>('/session', { method: 'POST', json: { token: input.value } }).then(
    (session) => {
      input.value = '';
      start(session);
    },
    (error: unknown) => {
      loginError.textContent = (error as Error).message;
    },
  );
});

byId<HTMLButtonElement>('logout').addEventListener('click', () => {
  void api('/session', { method: 'DELETE' }).finally(() => showLogin());
});

// ---- Jobs and uploads ------------------------------------------------------------------------------------------

/** One line of the progress list: a file (or a deletion) followed to the end of its job. */
function progressItem(label: string) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': `Tiến độ: ${label}` });
  const status = h('span', { class: 'upload-status', role: 'status' }, 'Đang chờ…');
  const item = h('li', { class: 'upload-item', 'data-state': 'queued' }, h('span', { class: 'upload-name' }, label), bar, status);
  uploadList.prepend(item);
  return {
    set(state: string, text: string, progress?: number) {
      item.dataset.state = state;
      if (status.textContent !== text) status.textContent = text;
      if (progress === undefined) bar.removeAttribute('value');
      else bar.value = progress;
    },
    link(docId: string, text: string) {
      status.append(' ', h('a', { href: `/docs/${encodeURIComponent(docId)}` }, text));
    },
  };
}
type ProgressItem = ReturnType<typeof progressItem>;

const phaseText = (job: Job): string => {
  if (job.state === 'queued') return 'Đang chờ đến lượt xử lý…';
  if (job.phase === 'ocr' && job.pages) return `Đang nhận dạng chữ (OCR): trang ${job.pages.done}/${job.pages.total}…`;
  if (job.phase === 'check') return 'Đang kiểm tra tệp…';
  if (job.phase === 'read') return 'Đang đọc tệp…';
  return 'Đang lập chỉ mục…';
};

/** Follows a job until it ends; true when it is done. */
async function follow(jobId: string, item: ProgressItem, doneText: string): Promise<boolean> {
  for (;;) {
    const job = await api<Job>(`/jobs/${encodeURIComponent(jobId)}`);
    if (job.state === 'done') {
      item.set('done', doneText, 1);
      return true;
    }
    if (job.state === 'failed') {
      item.set('failed', `Lỗi: ${job.error ?? 'không rõ nguyên nhân'}. Kho văn bản giữ nguyên.`, 0);
      return false;
    }
    item.set(job.state, phaseText(job), job.progress);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Sends one file with its byte progress (fetch cannot report an upload's progress). */
function send(file: File, docId: string | undefined, item: ProgressItem): Promise<{ status: number; body: { jobId?: string; docId: string; duplicate?: boolean; error?: { message: string } } }> {
  const form = new FormData();
  form.set('file', file, file.name);
  if (docId) form.set('docId', docId);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${API}/documents`);
    request.setRequestHeader('x-csrf-token', csrfToken);
    request.setRequestHeader('accept', 'application/json');
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) item.set('uploading', `Đang tải lên: ${Math.round((100 * event.loaded) / event.total)}%`, event.loaded / event.total);
    });
    request.addEventListener('load', () => resolve({ status: request.status, body: request.response ?? { docId: '', error: { message: `Máy chủ trả lời lỗi ${request.status}.` } } }));
    request.addEventListener('error', () => reject(new Error('Mất kết nối tới máy chủ.')));
    request.send(form);
  });
}

let uploads: Promise<unknown> = Promise.resolve();

/** Queues a file: uploads go one at a time, each followed until its document is in the collection. */
function upload(file: File, docId?: string): void {
  const item = progressItem(docId ? `${file.name} (thay cho ${docId})` : file.name);
  uploads = uploads.then(async () => {
    try {
      item.set('uploading', 'Đang tải lên…', 0);
      const { status, body } = await send(file, docId, item);
      if (status === 401) return sessionLost();
      if (status >= 400 || !body.docId) return item.set('failed', `Lỗi: ${body.error?.message ?? status}`, 0);
      if (body.duplicate || !body.jobId) {
        item.set('done', 'Nội dung này đã có trong kho, không thêm lần nữa:', 1);
        return item.link(body.docId, body.docId);
      }
      if (await follow(body.jobId, item, docId ? 'Đã thay tệp:' : 'Đã thêm vào kho:')) item.link(body.docId, body.docId);
      await Promise.all([loadDocuments(), loadAudit()]);
    } catch (error) {
      item.set('failed', `Lỗi: ${(error as Error).message}`, 0);
    }
  });
}

byId<HTMLButtonElement>('upload-pick').addEventListener('click', () => uploadInput.click());
uploadInput.addEventListener('change', () => {
  for (const file of uploadInput.files ?? []) upload(file);
  uploadInput.value = '';
});

let replacing: string | undefined;
replaceInput.addEventListener('change', () => {
  const file = replaceInput.files?.[0];
  if (file && replacing) upload(file, replacing);
  replaceInput.value = '';
  replacing = undefined;
});

for (const type of ['dragenter', 'dragover']) {
  dropZone.addEventListener(type, (event) => {
    event.preventDefault();
    dropZone.classList.add('drop-zone-active');
  });
}
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('drop-zone-active'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('drop-zone-active');
  for (const file of event.dataTransfer?.files ?? []) upload(file);
});

// ---- Documents -----------------------------------------------------------------------------------------------

let offset = 0;

/** A table cell; its column's name is shown before it where the table becomes cards (phones). */
const cell = (text: string | undefined, label?: string) => h('td', { 'data-label': label }, text || '—');

function actionButton(text: string, label: string, onClick: () => void, disabled: boolean): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': label, disabled }, text);
  button.addEventListener('click', onClick);
  return button;
}

function documentRow(doc: AdminDocument): HTMLTableRowElement {
  const busy = doc.pendingJob !== undefined;
  const name = doc.number ?? doc.title;
  return h(
    'tr',
    { 'data-doc-id': doc.id },
    h('td', {}, h('a', { href: `/docs/${encodeURIComponent(doc.id)}` }, doc.title), h('span', { class: 'admin-file' }, doc.sourceFile), doc.corrected.length > 0 ? h('span', { class: 'admin-file' }, `Đã sửa: ${doc.corrected.length} trường`) : null),
    cell(doc.type, 'Loại'),
    cell(doc.number, 'Số hiệu'),
    cell(doc.issuedDate && formatIssuedDate(doc.issuedDate), 'Ngày ban hành'),
    cell(doc.locality, 'Địa phương'),
    cell(doc.ocr ? 'Có' : undefined, 'OCR'),
    cell(doc.addedAt && formatAnsweredAt(doc.addedAt), 'Ngày thêm'),
    h(
      'td',
      { class: 'admin-actions' },
      busy
        ? h('span', { class: 'muted' }, 'Đang xử lý…')
        : h(
            'span',
            { class: 'admin-actions-row' },
            actionButton('Sửa', `Sửa thông tin: ${name}`, () => editMetadata(doc), busy),
            actionButton('Thay tệp', `Thay tệp: ${name}`, () => {
              replacing = doc.id;
              replaceInput.click();
            }, busy),
            actionButton('Xóa', `Xóa: ${name}`, () => confirmDelete(doc), busy),
          ),
    ),
  );
}

async function loadDocuments(): Promise<void> {
  const query = new URLSearchParams({ q: documentsQuery.value.trim(), offset: String(offset), limit: String(DOCUMENTS_PAGE) });
  try {
    const page = await api<{ total: number; documents: AdminDocument[] }>(`/documents?${query}`);
    documentsBody.replaceChildren(...page.documents.map(documentRow));
    const last = Math.min(offset + DOCUMENTS_PAGE, page.total);
    documentsCount.textContent = page.total === 0 ? 'Không có văn bản nào.' : `${offset + 1}–${last} trong ${page.total} văn bản.`;
    previous.disabled = offset === 0;
    next.disabled = last >= page.total;
  } catch (error) {
    documentsCount.textContent = `Không tải được danh sách: ${(error as Error).message}`;
  }
}

byId<HTMLFormElement>('documents-search').addEventListener('submit', (event) => {
  event.preventDefault();
  offset = 0;
  void loadDocuments();
});
previous.addEventListener('click', () => {
  offset = Math.max(0, offset - DOCUMENTS_PAGE);
  void loadDocuments();
});
next.addEventListener('click', () => {
  offset += DOCUMENTS_PAGE;
  void loadDocuments();
});

/** Runs a job the page asked for from a dialog, with a line in the progress list. */
async function runJob(label: string, request: () => Promise<{ jobId: string }>, doneText: string): Promise<void> {
  const item = progressItem(label);
  try {
    const { jobId } = await request();
    await follow(jobId, item, doneText);
  } catch (error) {
    item.set('failed', `Lỗi: ${(error as Error).message}`, 0);
  }
  await Promise.all([loadDocuments(), loadAudit()]);
}

let editing: AdminDocument | undefined;

function editMetadata(doc: AdminDocument): void {
  editing = doc;
  byId<HTMLElement>('meta-dialog-doc').textContent = `${doc.title} (${doc.sourceFile})`;
  metaError.textContent = '';
  for (const control of metaForm.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
    control.value = typeof doc[control.name] === 'string' ? (doc[control.name] as string) : '';
  }
  metaDialog.returnValue = '';
  metaDialog.showModal();
  byId<HTMLElement>('meta-dialog-title').focus();
}

metaDialog.addEventListener('close', () => {
  const doc = editing;
  editing = undefined;
  if (!doc || metaDialog.returnValue !== 'save') return;
  // Only what was changed: a field emptied is read from the text again (null).
  const changes: Record<string, string | null> = {};
  for (const control of metaForm.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
    const before = typeof doc[control.name] === 'string' ? (doc[control.name] as string) : '';
    const value = control.value.trim();
    if (value !== before) changes[control.name] = value === '' ? null : value;
  }
  if (Object.keys(changes).length === 0) return;
  void runJob(`Sửa thông tin: ${doc.title}`, () => api(`/documents/${encodeURIComponent(doc.id)}`, { method: 'PATCH', json: changes }), 'Đã lưu thông tin.');
});

let deleting: AdminDocument | undefined;

function confirmDelete(doc: AdminDocument): void {
  deleting = doc;
  byId<HTMLElement>('delete-dialog-text').textContent = `“${doc.title}” (${doc.sourceFile}) sẽ bị gỡ khỏi kho: không còn được dùng để trả lời, và tệp gốc bị xóa.`;
  deleteDialog.returnValue = '';
  deleteDialog.showModal();
}

deleteDialog.addEventListener('close', () => {
  const doc = deleting;
  deleting = undefined;
  if (!doc || deleteDialog.returnValue !== 'delete') return;
  void runJob(`Xóa: ${doc.title}`, () => api(`/documents/${encodeURIComponent(doc.id)}`, { method: 'DELETE' }), 'Đã xóa khỏi kho.');
});

// ---- Feedback and audit ----------------------------------------------------------------------------------------

let feedbackOffset = 0;

function feedbackItem(row: FeedbackRow): HTMLLIElement {
  const answer = row.answer.length > 300 ? `${row.answer.slice(0, 300)}…` : row.answer;
  return h(
    'li',
    { class: 'feedback-item' },
    h('p', { class: 'feedback-head' }, h('span', { class: `feedback-rating feedback-${row.rating}` }, row.rating === 'up' ? 'Hữu ích' : 'Chưa đúng'), ` ${formatAnsweredAt(row.at)}`),
    h('p', { class: 'feedback-question' }, row.question),
    row.comment ? h('p', { class: 'feedback-comment' }, `Góp ý: ${row.comment}`) : null,
    h('details', {}, h('summary', {}, 'Câu trả lời đã nhận'), h('p', {}, answer), row.docIds.length > 0 ? h('p', { class: 'muted' }, `Trích dẫn: ${row.docIds.join(', ')}`) : null),
  );
}

async function loadFeedback(fresh: boolean): Promise<void> {
  if (fresh) feedbackOffset = 0;
  const rating = feedbackRating.value;
  const query = new URLSearchParams({ offset: String(feedbackOffset), limit: String(FEEDBACK_PAGE), ...(rating ? { rating } : {}) });
  feedbackExport.href = `${API}/feedback/export.csv${rating ? `?rating=${rating}` : ''}`;
  try {
    const page = await api<{ items: FeedbackRow[]; more: boolean }>(`/feedback?${query}`);
    const items = page.items.map(feedbackItem);
    if (fresh) feedbackList.replaceChildren(...items);
    else feedbackList.append(...items);
    if (fresh && items.length === 0) feedbackList.replaceChildren(h('li', { class: 'muted' }, 'Chưa có phản hồi nào.'));
    feedbackOffset += page.items.length;
    feedbackMore.hidden = !page.more;
  } catch (error) {
    feedbackList.replaceChildren(h('li', { class: 'admin-error' }, `Không tải được phản hồi: ${(error as Error).message}`));
  }
}

feedbackRating.addEventListener('change', () => void loadFeedback(true));
feedbackMore.addEventListener('click', () => void loadFeedback(false));

const ACTIONS: Record<string, string> = {
  login: 'Đăng nhập',
  'login-failed': 'Đăng nhập sai mã',
  logout: 'Đăng xuất',
  upload: 'Tải lên',
  replace: 'Thay tệp',
  'update-metadata': 'Sửa thông tin',
  delete: 'Xóa',
  'job-done': 'Xử lý xong',
  'job-failed': 'Xử lý lỗi',
  'export-feedback': 'Tải phản hồi',
};

async function loadAudit(): Promise<void> {
  try {
    const { entries } = await api<{ entries: AuditEntry[] }>('/audit?limit=50');
    auditBody.replaceChildren(
      ...entries.map((entry) =>
        h(
          'tr',
          {},
          cell(formatAnsweredAt(entry.at), 'Thời điểm'),
          h('td', { title: entry.detail, 'data-label': 'Thao tác' }, ACTIONS[entry.action] ?? entry.action),
          cell([entry.docId, entry.file && `(${entry.file})`].filter(Boolean).join(' '), 'Văn bản'),
          cell(entry.client, 'Từ địa chỉ'),
        ),
      ),
    );
  } catch {
    // The table stays as it was; the next action reloads it.
  }
}

// ---- Start ---------------------------------------------------------------------------------------------------------

api<{ csrfToken?: string; expiresAt?: string }>('/session').then(
  (session) => (session.csrfToken && session.expiresAt ? start({ csrfToken: session.csrfToken, expiresAt: session.expiresAt }) : showLogin()),
  () => showLogin(),
);
