import type { DeadlineRow, DocumentDuties, Quiz } from '../../learn/create-learning.js';
import type { DocumentSummary } from '../../learn/build-summary.js';
import type { QuizItem } from '../../learn/build-quiz.js';
import type { SourceCitation } from '../../learn/learn-types.js';
import { passagePath } from '../passage-link.js';
import { h } from './dom.js';

// The learning pages (/learn and /learn/:id): summary, deadlines, duties by agency and quiz, read from the
// learning API. Every item links to the passage it was read from, highlighted on the document page.

const QUIZ_SIZE = 5;
const DEADLINES_PAGE = 20;
const DUTIES_PAGE = 10;

interface Paged {
  total: number;
  offset: number;
  limit: number;
  documentsRead: number;
  capped: boolean;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `Máy chủ trả lời lỗi ${response.status}.`);
  return body;
}

/** Where a citation points, as people say it: "VI › 10", else the section ("Phần đầu văn bản"). */
const placeOf = (citation: SourceCitation): string => citation.label ?? citation.section;

/** The citation as officials write it: "Kế hoạch số 2618/KH-UBND ngày 24/3/2022 của …, mục VI › 10". */
const referenceOf = (citation: SourceCitation): string => citation.reference ?? `${citation.docName}, ${placeOf(citation)}`;

/** A link that opens the cited passage highlighted in its document; its title gives the full citation. */
function sourceLink(citation: SourceCitation, text = 'Nguồn'): HTMLAnchorElement {
  return h(
    'a',
    { class: 'learn-source', href: passagePath(citation.docId, citation.start, citation.end), title: referenceOf(citation), 'aria-label': `${text}: ${referenceOf(citation)} (mở đoạn trích)` },
    `${text} · ${placeOf(citation)}`,
  );
}

/** A region's content replaced; `aria-busy` cleared once it is filled. */
function fill(region: HTMLElement, ...children: (Node | null)[]): void {
  region.replaceChildren(...children.filter((child): child is Node => child !== null));
  region.removeAttribute('aria-busy');
}

const failure = (region: HTMLElement, what: string, error: unknown, retry: () => void): void => {
  const again = h('button', { type: 'button', class: 'button button-secondary' }, 'Thử lại');
  again.addEventListener('click', retry);
  fill(region, h('p', { class: 'learn-error', role: 'alert' }, `Không tải được ${what}: ${(error as Error).message} `, again));
};

// ---- Summary -------------------------------------------------------------------------------------------------

function summaryView(summary: DocumentSummary): Node[] {
  const nodes: Node[] = [];
  // The title is the page's heading: its source goes with the document's name, the other facts in a grid.
  const title = summary.facts.find((fact) => fact.key === 'title');
  const facts = summary.facts.filter((fact) => fact !== title);
  nodes.push(h('p', { class: 'learn-doc-name' }, summary.document.name, ' ', title ? sourceLink(title.citation) : null));
  if (facts.length > 0) {
    nodes.push(
      h(
        'dl',
        { class: 'learn-facts' },
        ...facts.map((fact) => h('div', { class: 'learn-fact' }, h('dt', {}, fact.label), h('dd', {}, h('span', { class: 'learn-fact-value' }, fact.value), ' ', sourceLink(fact.citation)))),
      ),
    );
  }
  nodes.push(h('h3', {}, 'Mục tiêu'));
  nodes.push(
    summary.objectives.length > 0
      ? h('ul', { class: 'learn-list' }, ...summary.objectives.map((objective) => h('li', {}, h('span', { class: 'learn-tag' }, objective.heading), ' ', objective.text, ' ', sourceLink(objective.citation))))
      : h('p', { class: 'muted' }, 'Văn bản không có mục “Mục tiêu” nêu mục tiêu chung.'),
  );
  nodes.push(h('h3', {}, 'Chỉ tiêu cụ thể'));
  nodes.push(
    summary.targets.length > 0
      ? h(
          'ol',
          { class: 'learn-list learn-targets' },
          ...summary.targets.map((target) =>
            h(
              'li',
              {},
              h('strong', { class: 'learn-figure' }, target.figures.map((figure) => figure.text).join(' · ')),
              target.period ? h('span', { class: 'learn-tag' }, `Giai đoạn ${target.period}`) : null,
              ' ',
              target.text,
              ' ',
              sourceLink(target.citation),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Văn bản không nêu chỉ tiêu có con số trong mục “Mục tiêu”.'),
  );
  nodes.push(h('h3', {}, 'Cơ quan và nhiệm vụ trong văn bản này'));
  nodes.push(
    summary.duties.length > 0
      ? h(
          'div',
          { class: 'learn-bodies' },
          ...summary.duties.map((duty) =>
            h(
              'details',
              { class: 'learn-body' },
              h('summary', {}, duty.body, h('span', { class: 'muted' }, ` (${duty.tasks.length} nhiệm vụ)`)),
              h('ul', { class: 'learn-list' }, ...duty.tasks.map((task) => h('li', {}, task.text, ' ', sourceLink(task.citation)))),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Văn bản không có phần “Tổ chức thực hiện” giao nhiệm vụ theo từng cơ quan.'),
  );
  return nodes;
}

function loadSummary(region: HTMLElement, docId: string): void {
  getJson<DocumentSummary>(`/api/documents/${encodeURIComponent(docId)}/summary`)
    .then((summary) => {
      fill(region, ...summaryView(summary));
      // The document's bodies are the suggestions of the duties lookup.
      const suggestions = document.getElementById('duties-bodies');
      suggestions?.replaceChildren(...summary.duties.map((duty) => h('option', { value: duty.body })));
    })
    .catch((error: unknown) => failure(region, 'bản tóm tắt', error, () => loadSummary(region, docId)));
}

// ---- Deadlines -----------------------------------------------------------------------------------------------

const cell = (label: string, ...content: (Node | string | null)[]) => h('td', { 'data-label': label }, ...content.map((item) => item ?? '—'));

function deadlineRow(row: DeadlineRow, withDocument: boolean): HTMLTableRowElement {
  return h(
    'tr',
    {},
    withDocument ? cell('Văn bản', h('a', { href: `/learn/${encodeURIComponent(row.docId)}` }, row.docName)) : null,
    cell('Nội dung', row.what ?? (row.kind === 'report' ? 'Báo cáo' : null)),
    cell('Đơn vị thực hiện', row.by ?? null),
    cell('Gửi đến', row.to ?? null),
    cell('Thời hạn', h('strong', {}, row.when)),
    cell('Căn cứ', sourceLink(row.citation)),
  );
}

function loadDeadlines(region: HTMLElement, docId: string | undefined): void {
  const withDocument = docId === undefined;
  const headers = [...(withDocument ? ['Văn bản'] : []), 'Nội dung', 'Đơn vị thực hiện', 'Gửi đến', 'Thời hạn', 'Căn cứ'];
  const body = h('tbody', {});
  const table = h('table', { class: 'learn-table' }, h('caption', { class: 'visually-hidden' }, 'Thời hạn báo cáo và thực hiện'), h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))), body);
  const status = h('p', { class: 'muted', role: 'status' });
  const more = h('button', { type: 'button', class: 'button button-secondary', hidden: true }, 'Xem thêm');
  const load = (offset: number): void => {
    const query = new URLSearchParams({ limit: String(DEADLINES_PAGE), offset: String(offset) });
    if (docId) query.set('docId', docId);
    more.disabled = true;
    getJson<Paged & { deadlines: DeadlineRow[] }>(`/api/deadlines?${query}`)
      .then((page) => {
        if (offset === 0) fill(region, ...(page.total > 0 ? [h('div', { class: 'learn-table-wrap' }, table), status, more] : [status]));
        body.append(...page.deadlines.map((row) => deadlineRow(row, withDocument)));
        const shown = body.children.length;
        status.textContent =
          page.total === 0
            ? 'Không thấy thời hạn báo cáo hay hạn hoàn thành nào trong văn bản.'
            : `${shown} / ${page.total} thời hạn${page.capped ? ` (đã đọc ${page.documentsRead} văn bản liên quan nhất)` : ''}.`;
        more.hidden = shown >= page.total;
        more.disabled = false;
        more.onclick = () => load(shown);
      })
      .catch((error: unknown) => failure(region, 'các thời hạn', error, () => loadDeadlines(region, docId)));
  };
  load(0);
}

// ---- Duties by agency ----------------------------------------------------------------------------------------

function dutiesView(group: DocumentDuties): HTMLElement {
  return h(
    'article',
    { class: 'learn-duties-doc' },
    h('h3', {}, h('a', { href: `/learn/${encodeURIComponent(group.docId)}` }, group.docName)),
    ...group.bodies.flatMap((body) => [
      h('h4', {}, body.body, ' ', sourceLink(body.heading)),
      h('ul', { class: 'learn-list' }, ...body.tasks.map((task) => h('li', {}, task.text, ' ', sourceLink(task.citation)))),
    ]),
  );
}

function setUpDuties(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('#duties-body')!;
  const status = document.getElementById('duties-status')!;
  const results = document.getElementById('duties-results')!;
  const more = h('button', { type: 'button', class: 'button button-secondary', hidden: true }, 'Xem thêm văn bản');
  const search = (body: string, offset: number): void => {
    status.textContent = 'Đang tìm…';
    more.disabled = true;
    getJson<Paged & { documents: DocumentDuties[] }>(`/api/duties?${new URLSearchParams({ body, limit: String(DUTIES_PAGE), offset: String(offset) })}`)
      .then((page) => {
        if (offset === 0) results.replaceChildren();
        results.append(...page.documents.map(dutiesView));
        results.append(more);
        const shown = offset + page.documents.length;
        status.textContent =
          page.total === 0
            ? `Không thấy văn bản nào giao nhiệm vụ cho “${body}” trong phần tổ chức thực hiện.`
            : `${page.total} văn bản giao nhiệm vụ cho “${body}”${page.total > shown ? `, đang hiện ${shown}` : ''}${page.capped ? ` (đã đọc ${page.documentsRead} văn bản liên quan nhất)` : ''}.`;
        more.hidden = shown >= page.total;
        more.disabled = false;
        more.onclick = () => search(body, shown);
      })
      .catch((error: unknown) => {
        status.textContent = `Không tìm được: ${(error as Error).message}`;
      });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = input.value.trim();
    if (body) search(body, 0);
  });
}

// ---- Quiz ----------------------------------------------------------------------------------------------------

function quizItemView(item: QuizItem, index: number): HTMLElement {
  const name = `quiz-${index}`;
  const feedback = h('div', { class: 'quiz-feedback', role: 'status', tabindex: -1, hidden: true });
  const inputs: HTMLInputElement[] = [];
  const options = item.options.map((option, optionIndex) => {
    const input = h('input', { type: 'radio', name, value: String(optionIndex), id: `${name}-${optionIndex}` });
    inputs.push(input);
    return h('label', { class: 'quiz-option', for: `${name}-${optionIndex}` }, input, h('span', {}, option));
  });
  const fieldset = h('fieldset', { class: 'quiz-options' }, h('legend', {}, h('span', { class: 'quiz-number' }, `Câu ${index + 1}. `), item.question), ...options);
  fieldset.addEventListener('change', (event) => {
    const chosen = Number((event.target as HTMLInputElement).value);
    const right = chosen === item.correct;
    options[item.correct].classList.add('is-right');
    if (!right) options[chosen].classList.add('is-wrong');
    for (const input of inputs) input.disabled = true;
    feedback.replaceChildren(
      h('p', { class: right ? 'quiz-verdict quiz-verdict-right' : 'quiz-verdict quiz-verdict-wrong' }, right ? 'Đúng! ' : 'Chưa đúng. ', item.explanation),
      h('blockquote', { class: 'citation-quote' }, item.citation.quote),
      h('p', { class: 'quiz-source' }, h('span', {}, `${referenceOf(item.citation)}. `), sourceLink(item.citation, 'Mở đoạn này trong văn bản')),
    );
    feedback.hidden = false;
    feedback.focus();
  });
  return h('li', { class: 'quiz-item' }, fieldset, feedback);
}

function loadQuiz(region: HTMLElement, docId: string, again: HTMLButtonElement, seed: number): void {
  region.setAttribute('aria-busy', 'true');
  getJson<Quiz>(`/api/quiz?${new URLSearchParams({ docId, n: String(QUIZ_SIZE), seed: String(seed) })}`)
    .then((quiz) => {
      fill(region, quiz.items.length > 0 ? h('ol', { class: 'quiz' }, ...quiz.items.map(quizItemView)) : h('p', { class: 'muted' }, 'Văn bản chưa đủ chỉ tiêu, thời hạn hay nhiệm vụ để đặt câu hỏi.'));
      again.hidden = quiz.items.length === 0;
      again.onclick = () => loadQuiz(region, docId, again, seed + 1);
    })
    .catch((error: unknown) => failure(region, 'câu hỏi', error, () => loadQuiz(region, docId, again, seed)));
}

// ---- Start ---------------------------------------------------------------------------------------------------

const learnPage = document.getElementById('learn');
const docId = learnPage?.dataset.docId;
const summary = document.getElementById('learn-summary');
if (summary && docId) loadSummary(summary, docId);
const deadlines = document.getElementById('learn-deadlines');
if (deadlines) loadDeadlines(deadlines, deadlines.dataset.docId);
const dutiesForm = document.getElementById('duties-form');
if (dutiesForm instanceof HTMLFormElement) setUpDuties(dutiesForm);
const quiz = document.getElementById('learn-quiz');
const again = document.getElementById('quiz-again');
if (quiz && docId && again instanceof HTMLButtonElement) loadQuiz(quiz, docId, again, 1);
