import type { Chunk, Citation, DocumentMeta, KnowledgeBase } from '../types.js';
import { formatSection } from '../types.js';
import type { DefinitionSpan } from './find-definition.js';
import type { SignerSpan } from './find-signer.js';
import { capitalise, planName } from './plan-names.js';
import type { Evidence } from './select-evidence.js';

type Language = 'vi' | 'en';

/** Facts about a plan document itself, read off its header, preamble or signature. */
export type PlanFact = 'signer' | 'issue-date' | 'number' | 'legal-basis' | 'period';

export interface AnswerPart {
  docId: string;
  kind: 'passages' | 'signer' | 'definition';
  evidence: Evidence[];
  signer?: SignerSpan;
  definition?: DefinitionSpan;
  /** Said after the quotes, e.g. that a number was left blank. */
  note?: { vi: string; en: string };
  /** 'list': one quote a line (the headings of a section), instead of quotes run together. */
  layout?: 'list';
}

/** A plan the question concerns that does not state what was asked; `fact` names it when it is a plan fact. */
export interface MissingFact {
  docId: string;
  fact?: PlanFact;
}

const FACT_NAME: Record<PlanFact, { vi: string; en: string }> = {
  signer: { vi: 'người ký', en: 'who signed it' },
  'issue-date': { vi: 'ngày ban hành', en: 'its issue date' },
  number: { vi: 'số hiệu', en: 'its number' },
  'legal-basis': { vi: 'căn cứ ban hành', en: 'its legal basis' },
  period: { vi: 'thời gian thực hiện', en: 'its period' },
};

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

/** A heading quoted with the passage under it reads "3. Sở Kế hoạch và Đầu tư: Chủ trì…". */
const quoted = (evidence: Pick<Evidence, 'text' | 'headingLength'>): string => {
  const { text, headingLength } = evidence;
  if (!headingLength) return `“${readable(text)}”`;
  return `“${readable(text.slice(0, headingLength)).replace(/[:.]$/, '')}: ${readable(text.slice(headingLength))}”`;
};

export function composeAnswer(args: {
  parts: readonly AnswerPart[];
  language: Language;
  knowledge: KnowledgeBase;
  missing?: readonly MissingFact[];
  /** A line said before the answer (e.g. that the province's own plan is not in the collection). */
  preface?: string;
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
  const planOf = (docId: string) => planName(metaOf(docId), language);

  const passagesText = (part: AnswerPart): string => {
    const quotes = part.evidence.map((evidence) => `${quoted(evidence)} ${cite(evidence)}`).join('; ');
    return part.note ? `${quotes} (${part.note[language]})` : quotes;
  };
  const signerText = (part: AnswerPart, standalone: boolean): string => {
    const signer = part.signer!;
    const title = signer.title ? ` (${signer.title})` : '';
    const marker = cite(part.evidence[0]);
    const plan = planOf(part.docId);
    if (language === 'en') return standalone ? `The ${plan} plan was signed by ${signer.name}${title} ${marker}` : `signed by ${signer.name}${title} ${marker}`;
    return standalone ? `Kế hoạch của ${plan} do ${signer.name}${title} ký ${marker}` : `${signer.name}${title} ký ${marker}`;
  };
  const definitionText = (part: AnswerPart): string => {
    const { term, expansion, how } = part.definition!;
    const evidence = part.evidence[0];
    const marker = cite(evidence);
    const plan = planOf(part.docId);
    if (how === 'defined') {
      return language === 'en'
        ? `${term} stands for “${expansion}”, as defined in the ${plan} plan ${marker}`
        : `${term} là viết tắt của “${expansion}”, theo định nghĩa trong kế hoạch của ${plan} ${marker}`;
    }
    if (how === 'used') {
      return language === 'en'
        ? `${term} is the usual abbreviation of “${expansion}”; the plans use it without spelling it out, e.g. the ${plan} plan: ${quoted(evidence)} ${marker}`
        : `${term} là chữ viết tắt thông dụng của “${expansion}”; các kế hoạch dùng mà không giải nghĩa, ví dụ kế hoạch của ${plan}: ${quoted(evidence)} ${marker}`;
    }
    return language === 'en'
      ? `The ${plan} plan gives this name to what precedes it: ${quoted(evidence)} ${marker}`
      : `Kế hoạch của ${plan} dùng tên gọi “${term}” cho: ${quoted(evidence)} ${marker}`;
  };
  const listText = (part: AnswerPart): string => part.evidence.map((evidence) => `\n  • ${quoted(evidence)} ${cite(evidence)}`).join('');
  const partText = (part: AnswerPart, standalone: boolean): string =>
    part.kind === 'definition'
      ? definitionText(part)
      : part.kind === 'signer'
        ? signerText(part, standalone)
        : part.layout === 'list'
          ? listText(part)
          : passagesText(part);

  const byDoc = new Map<string, AnswerPart[]>();
  for (const part of parts) byDoc.set(part.docId, [...(byDoc.get(part.docId) ?? []), part]);

  const lines: string[] = args.preface ? [args.preface] : [];
  if (byDoc.size === 1) {
    const [[docId, docParts]] = byDoc;
    const lead = language === 'en' ? `According to the ${planOf(docId)} plan: ` : `Theo kế hoạch của ${planOf(docId)}: `;
    for (const part of docParts) {
      const standalone = part.kind !== 'passages';
      lines.push(standalone ? `${partText(part, true)}.` : part.layout === 'list' ? `${lead.trimEnd()}${partText(part, false)}` : `${lead}${partText(part, false)}.`);
    }
  } else if (byDoc.size > 1) {
    lines.push(language === 'en' ? 'The plans answer this separately:' : 'Theo từng kế hoạch:');
    for (const [docId, docParts] of byDoc) {
      const listed = docParts.some((part) => part.layout === 'list');
      lines.push(`- ${capitalise(planOf(docId))}:${listed ? '' : ' '}${docParts.map((part) => partText(part, false)).join('; ')}${listed ? '' : '.'}`);
    }
  }
  for (const { docId, fact } of args.missing ?? []) {
    const plan = planOf(docId);
    if (language === 'en') lines.push(fact ? `The ${plan} plan does not state ${FACT_NAME[fact].en}.` : `The ${plan} plan does not address this.`);
    else lines.push(fact ? `Kế hoạch của ${plan} không ghi ${FACT_NAME[fact].vi}.` : `Kế hoạch của ${plan} không đề cập nội dung này.`);
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
  /** The plan facts that were asked for, when the plans in scope do not state them. */
  facts?: readonly PlanFact[];
}): string {
  const { language, metas } = args;
  const covered = metas.map((meta) => planName(meta, language)).join(', ');
  const missing = args.missingPlaces ?? [];
  const scoped = args.scopeMetas ?? [];
  const facts = args.facts ?? [];
  const fact = facts.length > 0 ? { vi: facts.map((name) => FACT_NAME[name].vi).join(' và '), en: facts.map((name) => FACT_NAME[name].en).join(' or ') } : null;
  if (language === 'en') {
    const lead =
      missing.length > 0
        ? `The documents contain no plan for ${missing.join(', ')}, so I cannot answer this.`
        : scoped.length > 0
          ? `The ${scoped.map((meta) => planName(meta, 'en')).join(' and ')} plan does not state ${fact?.en ?? 'this'}.`
          : 'The documents do not answer this question.';
    return `${lead} The collection holds the plans of: ${covered}. Try asking about a target, task, funding, a body's duties or a reporting deadline in one of these plans.`;
  }
  const lead =
    missing.length > 0
      ? `Kho tài liệu chưa có kế hoạch của ${missing.join(', ')}, nên không thể trả lời câu hỏi này.`
      : scoped.length > 0
        ? `Kế hoạch của ${scoped.map((meta) => planName(meta, 'vi')).join(' và ')} không ghi ${fact?.vi ?? 'thông tin này'}.`
        : 'Các tài liệu hiện có không trả lời được câu hỏi này.';
  return `${lead} Kho tài liệu gồm các kế hoạch của: ${covered}. Bạn có thể hỏi cụ thể hơn về mục tiêu, nhiệm vụ, kinh phí, trách nhiệm của từng cơ quan hoặc thời hạn báo cáo trong một kế hoạch.`;
}
