import type { Chunk, Citation, DocumentMeta, KnowledgeBase } from '../types.js';
import { formatSection } from '../types.js';
import type { AnalyzedQuestion } from './analyze-question.js';
import type { DefinitionSpan } from './find-definition.js';
import type { SignerSpan } from './find-signer.js';
import { capitalise, planName } from './plan-names.js';
import type { Evidence } from './select-evidence.js';

export interface AnswerPart {
  docId: string;
  kind: 'passages' | 'signer' | 'definition';
  evidence: Evidence[];
  signer?: SignerSpan;
  definition?: DefinitionSpan;
}

type Language = 'vi' | 'en';

/** Where a passage outside the numbered sections sits, for the citation's section field. */
const KIND_LABEL: Record<Chunk['kind'], string> = {
  header: 'Phần đầu văn bản',
  preamble: 'Căn cứ ban hành',
  body: 'Phần kết',
  signature: 'Chữ ký',
  recipients: 'Nơi nhận',
};

/** The quote as read in running text: one line, conversion markup dropped. Citations keep the exact text. */
const readable = (text: string): string =>
  text
    .replace(/\*\*|\(\*|\*\)|(?<=\s|^)\*|\*(?=\s|$)/g, '')
    .replace(/^\s*\|\s*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-+•]\s+/, '');

const quoted = (text: string): string => `“${readable(text)}”`;

export function composeAnswer(args: {
  parts: readonly AnswerPart[];
  language: Language;
  knowledge: KnowledgeBase;
  question: AnalyzedQuestion;
  /** Plans the question named that have nothing on it. */
  silentDocs?: readonly string[];
}): { answer: string; citations: Citation[] } {
  const { parts, language, knowledge } = args;
  const citations: Citation[] = [];
  const cite = (evidence: Evidence): string => {
    const doc = knowledge.document(evidence.chunk.docId)!;
    const n = citations.length + 1;
    citations.push({
      n,
      docId: doc.meta.id,
      docTitle: doc.meta.title,
      section: evidence.section.length > 0 ? formatSection(evidence.section) : KIND_LABEL[evidence.chunk.kind],
      quote: doc.text.slice(evidence.start, evidence.end),
      start: evidence.start,
      end: evidence.end,
      chunkId: evidence.chunk.id,
      score: Math.round(evidence.score * 1000) / 1000,
    });
    return `[${n}]`;
  };
  const metaOf = (docId: string): DocumentMeta => knowledge.document(docId)!.meta;

  const passagesText = (part: AnswerPart): string => part.evidence.map((evidence) => `${quoted(evidence.text)} ${cite(evidence)}`).join('; ');
  const signerText = (part: AnswerPart, standalone: boolean): string => {
    const signer = part.signer!;
    const title = signer.title ? ` (${signer.title})` : '';
    const marker = cite(part.evidence[0]);
    const plan = planName(metaOf(part.docId), language);
    if (language === 'en') return standalone ? `The ${plan} plan was signed by ${signer.name}${title} ${marker}.` : `signed by ${signer.name}${title} ${marker}`;
    return standalone ? `Kế hoạch của ${plan} do ${signer.name}${title} ký ${marker}.` : `${signer.name}${title} ký ${marker}`;
  };

  const definitionText = (part: AnswerPart): string => {
    const { abbreviation, expansion } = part.definition!;
    const marker = cite(part.evidence[0]);
    const plan = planName(metaOf(part.docId), language);
    return language === 'en'
      ? `${abbreviation} stands for “${expansion}”, as defined in the ${plan} plan ${marker}.`
      : `${abbreviation} là viết tắt của “${expansion}”, theo định nghĩa trong kế hoạch của ${plan} ${marker}.`;
  };

  const lines: string[] = [];
  if (parts.length === 1) {
    const [part] = parts;
    const plan = planName(metaOf(part.docId), language);
    lines.push(
      part.kind === 'definition'
        ? definitionText(part)
        : part.kind === 'signer'
        ? signerText(part, true)
        : language === 'en'
          ? `According to the ${plan} plan: ${passagesText(part)}.`
          : `Theo kế hoạch của ${plan}: ${passagesText(part)}.`,
    );
  } else {
    lines.push(language === 'en' ? 'The plans answer this separately:' : 'Theo từng kế hoạch:');
    for (const part of parts) {
      const plan = capitalise(planName(metaOf(part.docId), language));
      lines.push(`- ${plan}: ${part.kind === 'signer' ? signerText(part, false) : passagesText(part)}.`);
    }
  }
  for (const docId of args.silentDocs ?? []) {
    const plan = planName(metaOf(docId), language);
    lines.push(language === 'en' ? `The ${plan} plan does not address this.` : `Kế hoạch của ${plan} không đề cập nội dung này.`);
  }
  return { answer: lines.join('\n'), citations };
}

export function composeAbstention(args: {
  language: Language;
  metas: readonly DocumentMeta[];
  /** Places the question names that no plan covers. */
  missingPlaces?: readonly string[];
  /** The plans the question was limited to. */
  scopeMetas?: readonly DocumentMeta[];
}): string {
  const { language, metas } = args;
  const covered = metas.map((meta) => planName(meta, language)).join(', ');
  const missing = args.missingPlaces ?? [];
  const scoped = args.scopeMetas ?? [];
  if (language === 'en') {
    const lead =
      missing.length > 0
        ? `The documents contain no plan for ${missing.join(', ')}, so I cannot answer this.`
        : scoped.length > 0
          ? `The ${scoped.map((meta) => planName(meta, 'en')).join(' and ')} plan does not say this.`
          : 'The documents do not answer this question.';
    return `${lead} The collection holds the plans of: ${covered}. Try asking about a target, task, funding, a body's duties or a reporting deadline in one of these plans.`;
  }
  const lead =
    missing.length > 0
      ? `Kho tài liệu chưa có kế hoạch của ${missing.join(', ')}, nên không thể trả lời câu hỏi này.`
      : scoped.length > 0
        ? `Kế hoạch của ${scoped.map((meta) => planName(meta, 'vi')).join(' và ')} không nêu thông tin này.`
        : 'Các tài liệu hiện có không trả lời được câu hỏi này.';
  return `${lead} Kho tài liệu gồm các kế hoạch của: ${covered}. Bạn có thể hỏi cụ thể hơn về mục tiêu, nhiệm vụ, kinh phí, trách nhiệm của từng cơ quan hoặc thời hạn báo cáo trong một kế hoạch.`;
}
