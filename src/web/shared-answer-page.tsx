import type { ArchivedAnswer } from '../store/answer-archive.js';
import { splitAnswer } from './client/answer-parts.js';
import { formatAnsweredAt } from './format-answered-at.js';
import type { ReferencedCitation } from './format-citation.js';
import { passagePath } from './passage-link.js';

const sameQuestion = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** One answer as it was given, for anyone with its link: question, answer, and citations that open the highlighted passage. */
export function SharedAnswerPage({ answer }: { answer: ArchivedAnswer<ReferencedCitation> }) {
  const byNumber = new Map(answer.citations.map((citation) => [citation.n, citation]));
  const parts = splitAnswer(answer.answer, new Set(byNumber.keys()));
  const heading = answer.answered ? 'Nguồn trích dẫn' : 'Các đoạn gần nhất đã tìm thấy';
  return (
    <div class="page shared-answer">
      <nav class="breadcrumb" aria-label="Vị trí">
        <a href="/">Hỏi đáp</a> <span aria-hidden="true">›</span> <span>Câu trả lời được chia sẻ</span>
      </nav>
      <h1>Câu trả lời được chia sẻ</h1>
      <p class="shared-answer-when">
        Trả lời lúc {formatAnsweredAt(answer.createdAt)}, {answer.answeredBy === 'llm' ? 'do mô hình ngôn ngữ viết từ các đoạn trích nguyên văn bên dưới.' : 'trích nguyên văn từ các văn bản.'}
      </p>
      <div class="turn">
        <div class="bubble bubble-question">
          <span class="visually-hidden">Câu hỏi: </span>
          <p class="question-text">{answer.question}</p>
        </div>
        <div class={answer.answered ? 'bubble bubble-answer' : 'bubble bubble-answer answer-abstain'}>
          {sameQuestion(answer.standaloneQuestion, answer.question) ? null : (
            <p class="rewrite">
              Đã hiểu câu hỏi là: <q>{answer.standaloneQuestion}</q>
            </p>
          )}
          {answer.answered ? null : <p class="answer-label">Không tìm thấy thông tin trong các kế hoạch</p>}
          <div class="answer-text">
            {parts.map((part) => {
              if (part.kind === 'text') return part.text;
              const citation = byNumber.get(part.n)!;
              return (
                <a class="chip" href={passagePath(citation.docId, citation.start, citation.end)} aria-label={`Trích dẫn ${citation.n}: ${citation.reference}`}>
                  {String(citation.n)}
                </a>
              );
            })}
          </div>
          {answer.citations.length > 0 ? (
            <section class="citations" aria-label={heading}>
              <h2 class="citations-title">{heading}</h2>
              <ol class="citation-list">
                {answer.citations.map((citation) => (
                  <li value={citation.n}>
                    <a class="citation-doc" href={passagePath(citation.docId, citation.start, citation.end)}>
                      {citation.reference}
                    </a>
                    {citation.section ? <span class="citation-section">{citation.section}</span> : null}
                    <blockquote class="citation-quote">{citation.quote}</blockquote>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </div>
      </div>
      <p class="shared-answer-actions">
        <a class="button button-secondary" href={`/api/answers/${answer.id}/export.docx`} download>
          Tải về Word (.docx)
        </a>{' '}
        <a class="button button-primary" href="/">
          Đặt câu hỏi khác
        </a>
      </p>
    </div>
  );
}
