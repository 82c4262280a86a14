import { matchKey } from '../lang/normalize.js';
import type { DocumentMeta } from '../types.js';
import { formatIssuedDate } from './format-meta.js';
import { DutiesForm } from './learn-duties-form.js';

/** Documents listed at once, at most: a province may hold thousands; the search narrows them. */
const MAX_LISTED = 50;

/**
 * The learning mode's start page: pick a document to learn (searched by title, number or place), look up an agency's
 * tasks in every document, and see the deadlines across documents.
 */
export function LearnIndexPage({ catalogue, query }: { catalogue: readonly DocumentMeta[]; query: string }) {
  const words = matchKey(query).split(/\s+/u).filter(Boolean);
  const matching = words.length === 0 ? catalogue : catalogue.filter((meta) => words.every((word) => matchKey([meta.title, meta.number, meta.locality, meta.issuer].join(' ')).includes(word)));
  const listed = matching.slice(0, MAX_LISTED);
  return (
    <div class="page learn">
      <h1>Tự học văn bản</h1>
      <p class="lead">
        Dành cho cán bộ mới: tóm tắt từng văn bản, các thời hạn báo cáo, nhiệm vụ của từng cơ quan và câu hỏi ôn tập. Mọi nội dung đều trích nguyên văn và
        có liên kết tới đoạn văn bản gốc.
      </p>
      <noscript>
        <p class="notice">Phần nhiệm vụ theo cơ quan và bảng thời hạn cần bật JavaScript.</p>
      </noscript>

      <section class="learn-section" aria-labelledby="chon-van-ban">
        <h2 id="chon-van-ban">Chọn văn bản để học</h2>
        <form class="learn-form" method="get" action="/learn" role="search">
          <label for="learn-query">Tìm theo tên, số hiệu hoặc địa phương</label>
          <div class="learn-form-row">
            <input id="learn-query" name="q" type="search" value={query} maxlength={100} placeholder="Ví dụ: Khánh Hòa" />
            <button type="submit" class="button button-secondary">
              Tìm
            </button>
          </div>
        </form>
        <p class="muted" id="learn-count">
          {matching.length === 0
            ? 'Không có văn bản nào khớp.'
            : matching.length > listed.length
              ? `Hiện ${listed.length} trong ${matching.length} văn bản; gõ thêm từ để thu hẹp.`
              : `${matching.length} văn bản.`}
        </p>
        <ul class="doc-list learn-doc-list" aria-labelledby="chon-van-ban">
          {listed.map((meta) => (
            <li class="doc-card">
              <h3 class="doc-card-title">
                <a href={`/learn/${encodeURIComponent(meta.id)}`}>{meta.title}</a>
              </h3>
              <p class="doc-card-issuer">{[meta.number, meta.issuedDate ? formatIssuedDate(meta.issuedDate) : undefined, meta.issuer].filter(Boolean).join(' · ')}</p>
            </li>
          ))}
        </ul>
      </section>

      <section class="learn-section" aria-labelledby="nhiem-vu-title">
        <h2 id="nhiem-vu-title">Nhiệm vụ theo cơ quan</h2>
        <DutiesForm />
      </section>

      <section class="learn-section" aria-labelledby="thoi-han-title">
        <h2 id="thoi-han-title">Thời hạn trong các văn bản</h2>
        <div id="learn-deadlines" aria-busy="true">
          <p class="muted learn-status">Đang tải các thời hạn…</p>
        </div>
      </section>
    </div>
  );
}
