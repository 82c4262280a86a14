// What kind of answer a question wants, from cue phrases (typed with or without diacritics, or in English).
import { foldDiacritics } from '../lang/normalize.js';
import { DOCUMENT_TYPES } from '../structure/grammar.js';
import { isAccented } from './term-stats.js';
import { compilePhrase, createPhraseIndex, findIndexed, findPhrase, hasPhrase, prepareText, type PhraseIndex, type PreparedText, type QuestionLanguage } from './detect-language.js';

export type QuestionType =
  | 'count'
  | 'deadline'
  | 'date'
  | 'who'
  | 'signer'
  | 'legal-basis'
  | 'document'
  | 'target'
  | 'percent'
  | 'list'
  | 'funding'
  | 'definition'
  | 'yes-no'
  | 'general';

/** A date asked: when something happens, or by when it is due. */
export const isDateType = (type: string): boolean => type === 'date' || type === 'deadline';

/** Most specific first: the answerer reads the first type as the main intent. */
const ORDER: readonly QuestionType[] = [
  'signer',
  'legal-basis',
  'document',
  'deadline',
  'date',
  'percent',
  'count',
  'funding',
  'target',
  'list',
  'who',
  'definition',
  'yes-no',
];

type CueTable = Partial<Record<QuestionType, readonly string[]>>;

const VI_CUES: CueTable = {
  signer: ['ai ký', 'người ký', 'ký', 'ký tên', 'ký ban hành', 'chữ ký'],
  'legal-basis': ['căn cứ', 'cơ sở pháp lý', 'theo quyết định nào', 'theo văn bản nào', 'thực hiện quyết định nào'],
  // Not "chương trình nào": a programme is as often what a body runs or teaches ("bồi dưỡng những chương trình nào")
  // as a document that is cited.
  document: [
    'quyết định nào', 'chỉ thị nào', 'kế hoạch nào', 'thông tư nào', 'văn bản nào', 'nghị định nào', 'nghị quyết nào', 'công văn nào',
    'luật nào', 'số hiệu', 'số mấy', 'số bao nhiêu',
  ],
  deadline: ['thời hạn', 'hạn chót', 'trước ngày', 'khi nào phải', 'hạn nộp', 'chậm nhất', 'hạn gửi', 'hạn báo cáo', 'trước thời điểm'],
  date: [
    'ngày nào', 'khi nào', 'bao giờ', 'lúc nào', 'thời gian nào', 'năm nào', 'tháng nào', 'ngày bao nhiêu', 'ngày mấy', 'thời điểm nào',
    'ngày ban hành', 'ban hành ngày',
  ],
  percent: ['bao nhiêu phần trăm', 'phần trăm', 'tỷ lệ', 'tỉ lệ', 'mấy phần trăm'],
  count: ['bao nhiêu', 'mấy', 'số lượng', 'tổng số', 'có bao nhiêu'],
  funding: ['kinh phí', 'ngân sách', 'nguồn vốn', 'nguồn kinh phí', 'ai chi trả', 'ai trả tiền', 'nguồn lực tài chính', 'tiền đâu'],
  target: ['mục tiêu', 'chỉ tiêu', 'phấn đấu', 'mục đích'],
  list: [
    'những gì', 'gồm', 'bao gồm', 'gồm những', 'các nhiệm vụ', 'các giải pháp', 'các hoạt động', 'các nội dung', 'nhiệm vụ gì', 'nội dung gì',
    'hoạt động gì', 'giải pháp gì', 'liệt kê', 'kể tên', 'những nhiệm vụ', 'những giải pháp', 'những hoạt động', 'những đối tượng',
  ],
  who: [
    'ai', 'cơ quan nào', 'sở nào', 'đơn vị nào', 'phòng nào', 'ngành nào', 'bộ nào', 'cấp nào', 'người nào', 'đối tượng nào',
    'chịu trách nhiệm', 'chủ trì', 'trách nhiệm của', 'những ai', 'đầu mối', 'cơ quan đầu mối',
    // "Báo cáo về đâu?", "gửi đâu?": to which body.
    'về đâu', 'gửi đâu', 'nộp đâu', 'nộp ở đâu',
  ],
  definition: ['nghĩa là gì', 'có nghĩa là', 'được hiểu là', 'viết tắt', 'hiểu thế nào', 'định nghĩa'],
  'yes-no': ['phải không', 'hay không', 'đúng không', 'có phải', 'hay chưa'],
};

const EN_CUES: CueTable = {
  signer: ['who signed', 'signed by', 'signer', 'signatory', 'signed', 'sign', 'signature'],
  'legal-basis': ['legal basis', 'basis', 'pursuant to', 'according to which', 'grounded'],
  document: [
    'which decision', 'which directive', 'which document', 'which plan', 'which circular', 'which decree', 'which resolution', 'which law',
    'what decision', 'what directive', 'what document', 'document number', 'decision number', 'plan number', 'reference number',
  ],
  deadline: ['deadline', 'due', 'by what date', 'by when', 'no later than', 'time limit', 'cutoff', 'must be submitted', 'how soon'],
  date: ['when', 'what date', 'which date', 'what year', 'which year', 'what day', 'what time', 'issued on', 'date'],
  percent: ['what percentage', 'percentage', 'percent', 'what share', 'what proportion', 'proportion', 'rate', 'ratio', 'share of'],
  count: ['how many', 'how much', 'number of', 'count', 'total number', 'amount of'],
  funding: ['funding', 'funded', 'fund', 'funds', 'budget', 'who pays', 'financing', 'finance', 'money', 'pay for'],
  target: ['target', 'targets', 'goal', 'goals', 'aim', 'aims', 'objective', 'objectives'],
  list: ['what are', 'list', 'which tasks', 'what tasks', 'what measures', 'what activities', 'enumerate', 'name the', 'consist of', 'include'],
  who: [
    'who', 'whom', 'which agency', 'which department', 'which body', 'which office', 'which organization', 'which organisation',
    'which unit', 'which authority', 'which ministry', 'responsible', 'in charge', 'which groups', 'which people',
    'focal point', 'lead agency', 'leading agency', 'which agencies', 'which bodies', 'which ministries', 'which departments', 'which committee',
  ],
  definition: ['meaning of', 'mean', 'stand for', 'stands for', 'define', 'definition'],
  'yes-no': [],
};

/** Words holding "máy" (a machine), which typed without diacritics reads as "mấy" (how many). */
export const MACHINE_WORDS = ['máy móc', 'máy tính', 'máy bay', 'máy chủ', 'máy in', 'máy ảnh', 'máy lọc', 'máy phát', 'bộ máy', 'nhà máy', 'xe máy', 'máy kéo', 'máy nông nghiệp', 'máy xúc'];

/** Phrases that contain a cue's syllables but mean something else ("định kỳ" is periodic, not "ký"). */
const BLOCKERS = [
  ...MACHINE_WORDS,
  'định kỳ', 'thời kỳ', 'nhiệm kỳ', 'kỳ họp', 'học kỳ', 'kỳ báo cáo', 'chu kỳ', 'kỹ thuật', 'kỹ năng', 'đăng ký',
  'kỷ luật', 'kỷ niệm', 'kỷ cương', 'kỷ lục', 'kỳ vọng', 'kỳ thi', 'kỳ hạn', 'kỳ cựu', 'kỹ lưỡng',
].map(compilePhrase);

const compileTable = (table: CueTable): PhraseIndex<QuestionType> =>
  createPhraseIndex(ORDER.flatMap((type) => (table[type] ?? []).map((cue) => [cue, type] as const)));

const VI_TABLE = compileTable(VI_CUES);
const EN_TABLE = compileTable(EN_CUES);

const NHUNG = compilePhrase('những');
const NAO = compilePhrase('nào');
const GI = compilePhrase('gì');
const KHONG = compilePhrase('không');
const CHUA = compilePhrase('chưa');
const DA = compilePhrase('đã');
const PERCENT_QUESTION = ['bao nhiêu phần trăm', 'mấy phần trăm', 'how many percent', 'what percentage'].map(compilePhrase);
/**
 * "Dựa trên", "based on" ask a legal basis only when what follows names one ("dựa vào văn bản nào", "based on which
 * decree", "dựa vào đâu"): "vận hành dựa trên những công nghệ nào", "dựa vào quỹ hoặc nguồn vốn nào" ask what a
 * thing rests on, not what it is enacted under. Up to five words on, read with their accents where typed ("đâu" is
 * no "đầu tư").
 */
const RESTS_ON = /(?<!\p{L})(dựa trên|dựa vào|based on)(?!\p{L})((?:\s+\S+){0,5})/gu;
const RESTS_ON_FOLDED = /\b(dua tren|dua vao|based on)\b((?:\s+\S+){0,5})/g;
// (A document named by its type, in Vietnamese or English, as the document grammar knows them; not a programme, as
// often what a body runs as a document cited.)
const BASIS_WORDS = [
  ...DOCUMENT_TYPES.filter((entry) => entry.type !== 'Chương trình').flatMap((entry) => [entry.type.toLocaleLowerCase('vi'), `${entry.english}s?`]),
  'căn cứ', 'cơ sở pháp lý', 'cơ sở nào', 'cơ sở gì', 'quy định', 'đâu', 'gì', 'regulations?', 'legal', 'what',
];
const wordsPattern = (words: readonly string[]) => new RegExp(`(?<!\\p{L})(?:${words.join('|')})(?!\\p{L})`, 'u');
const NAMES_BASIS = wordsPattern(BASIS_WORDS);
const NAMES_BASIS_FOLDED = wordsPattern(BASIS_WORDS.map(foldDiacritics));
// (With nothing after it, what it rests on was asked before: "Which decision is the plan based on?" Typed with accents,
// "đưa vào chương trình" is no "dựa vào".)
// "Cơ sở nào" alone asks a legal basis of a document resting on it ("kế hoạch được xây dựng dựa trên cơ sở nào"), not
// of a thing done ("việc khai thác … phải dựa trên những cơ sở nào": what it must be grounded in).
const asksBasisRestedOn = (text: PreparedText): boolean => {
  const typedWithAccents = isAccented(text.original);
  const searched = typedWithAccents ? text.lower : text.folded;
  return [...searched.matchAll(typedWithAccents ? RESTS_ON : RESTS_ON_FOLDED)].some((match) => {
    if (!/\p{L}/u.test(match[2])) return true;
    if (!(typedWithAccents ? NAMES_BASIS : NAMES_BASIS_FOLDED).test(match[2])) return false;
    return !ONLY_GROUNDS.test(foldDiacritics(match[2])) || DOCUMENT_RESTING.test(foldDiacritics(searched.slice(0, match.index)));
  });
};
/** What follows "dựa trên" names grounds only ("những cơ sở nào"), no document, rule or legal basis. */
const ONLY_GROUNDS = /^\s+(?:nhung |cac )?co so (?:nao|gi)\b/;
/** A document right before "dựa trên", as what rests on it: "kế hoạch (này) (được xây dựng)", "văn bản số 12 đã ban hành". */
const DOCUMENT_RESTING = new RegExp(`\\b(?:${DOCUMENT_TYPES.map((entry) => foldDiacritics(entry.type.toLocaleLowerCase('vi'))).join('|')}|van ban|plan|document)\\b(?:\\s+\\S+){0,2}?(?:\\s+(?:duoc|da))?(?:\\s+(?:xay dung|ban hanh|lap|soan thao))?\\s*$`);
const REPORTING = ['gửi', 'nộp', 'báo cáo', 'hoàn thành', 'tổng hợp', 'submit', 'send', 'report', 'complete', 'deliver'].map(compilePhrase);
const DEFINITION_WEAK = { vi: ['là gì', 'là sao'].map(compilePhrase), en: ['what is', 'what are', "what's"].map(compilePhrase) };
// (The words between name the document, not a predicate: "what monthly support does Hanoi's Resolution 80 give" asks
// the support; "what is that decision's number" the decision.)
const ASKED_DOCUMENT = /\b(?:which|what)\s+(?:(?:is|are|was|were)\s+)?(?:(?!(?:does|do|did|is|are|was|were|has|have|had|will|would|must|can|could|should|shall|may)\b)[\p{L}'’-]+\s+){1,4}(?:directives?|decisions?|decrees?|circulars?|notices?|resolutions?|laws?|conclusions?|documents?)\b/u;
const EN_YES_NO_START = /^\s*(is|are|does|do|did|can|will|has|have|should|must|was|were)\b/i;
/** "When …?", "… and when must …", "by when", "since when", "… when?": a "when" that asks. */
const INTERROGATIVE_WHEN = /(?:^|[,;:(]\s*|\b(?:and|or|but|by|since|until|from)\s+)when\b|\bwhen\s+(?:is|are|was|were|will|would|does|do|did|must|should|can|could|has|have|had|shall|may)\b|\bwhen\s*[?)]|\bwhen\s*$/;
/**
 * "Which training programmes do the schools organise?", "What food-safety measures does the plan set out?": a
 * wh-word before a plural noun and its verb asks for the items, as "những … nào" does.
 */
const EN_PLURAL_WH = /(?:^|[,;]\s*)(?:which|what)\s+(?:(?!(?:of|in|for|on|at|by)\s)[a-z-]+\s+){0,3}?([a-z-]*[^\Wsui]s)\s+(?:do|does|did|are|were|have|has|must|should|will|can|may|would|could)\b/;
/** The plural noun such a question asks the items of ("measures" of "what food-safety measures does …"), lower-cased. */
export const englishListedNoun = (question: string): string | null => EN_PLURAL_WH.exec(question.toLowerCase())?.[1] ?? null;

/**
 * The question with its asides in brackets blanked out, offsets kept: an aside names what is asked about ("chỉ tiêu
 * (tỷ lệ hồ sơ … đạt) do ai chủ trì", "(ban hành kèm QĐ 2623/QĐ-TTg)"), never what is asked.
 */
export const withoutAsides = (text: string): string => text.replace(/\([^()]*\)/g, (aside) => ' '.repeat(aside.length));

/** "What is the monthly allowance in dong?" asks for an amount in đồng, not what an allowance is; "in Dong Thap" names a place. */
export const asksInDong = (text: string): boolean => /(?<!\p{L})in (?:dong|đồng|VND|vnd)(?!\p{L})/u.test(text);

/** Blanks out blocker phrases so their syllables can't be read as cues. */
function withoutBlockers(text: PreparedText): PreparedText {
  let { lower, folded } = text;
  for (const blocker of BLOCKERS) {
    for (const { start, end } of findPhrase({ ...text, lower, folded }, blocker)) {
      const blank = ' '.repeat(end - start);
      lower = lower.slice(0, start) + blank + lower.slice(end);
      folded = folded.slice(0, start) + blank + folded.slice(end);
    }
  }
  return { ...text, lower, folded };
}

const lastWordEnd = (text: PreparedText): number => text.folded.replace(/[^\p{L}\p{N}]+$/u, '').length;

/** Types a question asks for, most specific first; ['general'] when no cue matches. */
export function detectQuestionTypes(text: string, language: QuestionLanguage): QuestionType[] {
  const prepared = withoutBlockers(prepareText(withoutAsides(text)));
  const found = new Set<QuestionType>();
  for (const { value } of findIndexed(prepared, language === 'vi' ? VI_TABLE : EN_TABLE)) found.add(value);
  // "bao nhiêu %" asks a share; "thiệt hại trên 70%" states the case asked about.
  if (/(?<![\d.,]\s*)%/u.test(prepared.folded)) found.add('percent');
  if (language === 'en' && asksInDong(text)) found.add('count');
  if (asksBasisRestedOn(prepared)) found.add('legal-basis');
  // "Which Prime Minister's directive …": a document asked for, its issuer between.
  if (language === 'en' && ASKED_DOCUMENT.test(prepared.lower)) found.add('document');

  if (language === 'vi') {
    // "những … nào", "những … gì" list; a closing "không" (or "đã … chưa") asks yes or no.
    const nhung = findPhrase(prepared, NHUNG)[0];
    if (nhung && [NAO, GI].some((cue) => findPhrase(prepared, cue).some((m) => m.start > nhung.end))) found.add('list');
    const end = lastWordEnd(prepared);
    if (findPhrase(prepared, KHONG).some((m) => m.end === end)) found.add('yes-no');
    const chua = findPhrase(prepared, CHUA).find((m) => m.end === end);
    if (chua && findPhrase(prepared, DA).some((m) => m.start < chua.start)) found.add('yes-no');
  } else {
    // "What rule applies when documents are digitised?": a "when" opening a clause of the question asks no date; only
    // one asking ("When …?", "… and when must …", "by when") does.
    if (found.has('date') && !INTERROGATIVE_WHEN.test(prepared.lower)) {
      const clauses = { ...prepared, lower: prepared.lower.replace(/\bwhen\b/g, '    '), folded: prepared.folded.replace(/\bwhen\b/g, '    ') };
      if (!findIndexed(clauses, EN_TABLE).some(({ value }) => value === 'date')) found.delete('date');
    }
    if (EN_YES_NO_START.test(prepared.lower) || /^\s*is there|^\s*are there/.test(prepared.lower)) found.add('yes-no');
    if (EN_PLURAL_WH.test(prepared.lower)) found.add('list');
  }

  // "when … report/submit" is about a deadline, not just a date.
  if (found.has('date') && REPORTING.some((cue) => hasPhrase(prepared, cue))) found.add('deadline');
  // "“Thời hạn xử lý kỷ luật” được hiểu là khoảng thời gian nào?": what a term means, whatever times the term names.
  if (found.has('definition')) {
    found.delete('deadline');
    found.delete('date');
  }
  // "bao nhiêu phần trăm" is a percentage, not a count.
  if (PERCENT_QUESTION.some((cue) => hasPhrase(prepared, cue))) found.delete('count');
  // "X là gì?" defines X only when nothing more specific ("mục tiêu là gì?" wants the targets).
  const specific = [...found].filter((t) => t !== 'yes-no');
  if (specific.length === 0 && DEFINITION_WEAK[language].some((cue) => hasPhrase(prepared, cue))) found.add('definition');

  const ordered = ORDER.filter((type) => found.has(type));
  return ordered.length > 0 ? ordered : ['general'];
}
