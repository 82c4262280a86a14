import { emptyScope, scopeSize, type Scope } from './conversation-store.js';
import { h, icon } from './dom.js';
import { CLOSE_PATH } from './icons.js';

// Type-only: erased when bundled for the browser.
import type { DocumentMeta } from '../../types.js';

type Listed = Pick<DocumentMeta, 'id' | 'title' | 'type' | 'number' | 'province' | 'locality'>;

// A long collection lists the documents matching the search, not all of them.
const DOCUMENTS_SHOWN = 40;

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
// As the server reads it: a document without a type was read before types were, and is a plan.
const typeOf = (doc: Listed): string => doc.type ?? 'Kế hoạch';
const byName = (a: string, b: string): number => a.localeCompare(b, 'vi');

/** Documents that pass a scope, by the server's rule: each kind narrows, the values of one kind add up. */
function passing(documents: readonly Listed[], scope: Scope): Listed[] {
  const ids = new Set(scope.docIds);
  const places = new Set(scope.places.map(fold));
  const types = new Set(scope.types.map(fold));
  return documents.filter(
    (doc) =>
      (ids.size === 0 || ids.has(doc.id)) &&
      (places.size === 0 || [doc.province, doc.locality].some((place) => place !== undefined && places.has(fold(place)))) &&
      (types.size === 0 || types.has(fold(typeOf(doc)))),
  );
}

function counted(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => byName(a, b));
}

export interface ScopePickerOptions {
  /** Short document names by id, from the page. */
  documentNames: Readonly<Record<string, string>>;
  scope(): Scope;
  change(scope: Scope): void;
}

/**
 * The chips above the composer that limit a conversation to some places, types or documents, and the dialog that
 * picks them. The document list is fetched the first time the dialog opens.
 */
export function createScopePicker({ documentNames, scope, change }: ScopePickerOptions): { render(): void } {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const chips = byId<HTMLUListElement>('scope-chips');
  const edit = byId<HTMLButtonElement>('scope-edit');
  const dialog = byId<HTMLDialogElement>('scope-dialog');
  const loading = byId<HTMLParagraphElement>('scope-loading');
  const placeBox = byId<HTMLDivElement>('scope-places');
  const typeBox = byId<HTMLDivElement>('scope-types');
  const docBox = byId<HTMLDivElement>('scope-docs');
  const search = byId<HTMLInputElement>('scope-search');
  const more = byId<HTMLParagraphElement>('scope-docs-more');
  const count = byId<HTMLParagraphElement>('scope-count');
  const apply = byId<HTMLButtonElement>('scope-apply');
  const clear = byId<HTMLButtonElement>('scope-clear');

  let documents: Listed[] | undefined;
  let draft: Scope = emptyScope();
  const nameOf = (id: string): string => documentNames[id] ?? id;

  const chip = (kind: string, label: string, without: () => Scope): HTMLLIElement => {
    const remove = h('button', { type: 'button', class: 'scope-chip-remove', 'aria-label': `Bỏ giới hạn ${kind.toLowerCase()} ${label}`, title: 'Bỏ' }, icon(CLOSE_PATH));
    remove.addEventListener('click', () => {
      change(without());
      edit.focus();
    });
    return h('li', { class: 'scope-chip' }, h('span', { class: 'visually-hidden' }, `${kind}: `), h('span', { class: 'scope-chip-text', title: `${kind}: ${label}` }, label), remove);
  };

  function render(): void {
    const current = scope();
    const without = (key: keyof Scope, value: string) => () => ({ ...current, [key]: current[key].filter((v) => v !== value) });
    const items = [
      ...current.places.map((place) => chip('Địa phương', place, without('places', place))),
      ...current.types.map((type) => chip('Loại', type, without('types', type))),
      ...current.docIds.map((id) => chip('Văn bản', nameOf(id), without('docIds', id))),
    ];
    chips.replaceChildren(...(items.length > 0 ? items : [h('li', { class: 'scope-chip scope-chip-all' }, 'Mọi văn bản')]));
    edit.textContent = scopeSize(current) > 0 ? 'Sửa phạm vi…' : 'Giới hạn phạm vi…';
  }

  const option = (key: keyof Scope, value: string, label: Node | string, hint?: string): HTMLLabelElement => {
    const box = h('input', { type: 'checkbox', value });
    box.checked = draft[key].includes(value);
    box.addEventListener('change', () => {
      draft = { ...draft, [key]: box.checked ? [...draft[key], value] : draft[key].filter((v) => v !== value) };
      showCount();
    });
    return h('label', { class: 'scope-option' }, box, h('span', { class: 'scope-option-text' }, label, hint ? h('span', { class: 'scope-option-hint' }, hint) : null));
  };

  function showCount(): void {
    if (!documents) return;
    const n = passing(documents, draft).length;
    const unlimited = scopeSize(draft) === 0;
    count.textContent = unlimited ? `Không giới hạn: mọi văn bản (${documents.length}).` : n === 0 ? 'Không có văn bản nào thuộc phạm vi này.' : `Phạm vi gồm ${n} văn bản.`;
    count.classList.toggle('scope-count-empty', !unlimited && n === 0);
    apply.disabled = !unlimited && n === 0;
  }

  function showDocuments(): void {
    if (!documents) return;
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    const text = (doc: Listed) => fold([nameOf(doc.id), doc.number, doc.title, typeOf(doc)].filter(Boolean).join(' '));
    const chosen = documents.filter((doc) => draft.docIds.includes(doc.id));
    const matching = documents.filter((doc) => !draft.docIds.includes(doc.id) && words.every((word) => text(doc).includes(word)));
    const shown = [...chosen, ...matching.slice(0, DOCUMENTS_SHOWN)];
    docBox.replaceChildren(...shown.map((doc) => option('docIds', doc.id, nameOf(doc.id), [typeOf(doc), doc.number].filter(Boolean).join(' '))));
    const hidden = matching.length - Math.min(matching.length, DOCUMENTS_SHOWN);
    more.textContent = hidden > 0 ? `Còn ${hidden} văn bản khác: gõ để tìm.` : shown.length === 0 ? 'Không có văn bản nào khớp.' : '';
  }

  function fill(): void {
    if (!documents) return;
    placeBox.replaceChildren(
      ...counted(documents.flatMap((doc) => (doc.province ? [doc.province] : []))).map(([place, n]) => option('places', place, place, `${n} văn bản`)),
    );
    typeBox.replaceChildren(...counted(documents.map(typeOf)).map(([type, n]) => option('types', type, type, `${n} văn bản`)));
    showDocuments();
    showCount();
  }

  async function load(): Promise<void> {
    if (documents) return;
    loading.textContent = 'Đang tải danh sách văn bản…';
    try {
      const response = await fetch('/api/documents');
      if (!response.ok) throw new Error(String(response.status));
      documents = ((await response.json()) as { documents: Listed[] }).documents;
      loading.textContent = '';
    } catch {
      loading.textContent = 'Không tải được danh sách văn bản. Vui lòng đóng lại rồi thử lại.';
    }
  }

  edit.addEventListener('click', async () => {
    draft = { ...scope() };
    search.value = '';
    dialog.returnValue = '';
    dialog.showModal();
    await load();
    fill();
  });
  search.addEventListener('input', showDocuments);
  clear.addEventListener('click', () => {
    draft = emptyScope();
    fill();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'apply' && documents) change(draft);
    edit.focus();
  });

  return { render };
}
