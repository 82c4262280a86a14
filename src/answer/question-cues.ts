// What a question asks for, beyond its type: facts about the plan itself, attributes the plans may not state,
// a person. All patterns work on folded, lower-cased text so they match with or without diacritics.
import { foldDiacritics } from '../lang/normalize.js';
import { STOPWORDS, foldedContentWords } from '../lang/stopwords.js';
import { DOCUMENT_NUMBER } from '../structure/grammar.js';
import { BOUND_WORDS, foldedLower } from './evidence-cues.js';
import type { AnalyzedQuestion } from './analyze-question.js';
import type { PlanFact } from './compose-answer.js';
import { withoutAsides, type QuestionType } from './question-type.js';


const ISSUE_DATE = /\bban hanh\b|\bky (vao )?ngay\b|\bngay ky\b|\bky khi nao\b|\bissued\b|\bdated\b|\bsigned on\b|\bsigned\b.*\bwhen\b|\bwhen\b.*\bsigned\b|\bdate of (the|this) plan\b/;
const IMPLEMENTS = /\b(thuc hien|trien khai|implements?|carry out|carries out)\b/;
const CHANGES = /\b(thay the|bai bo|sua doi|bo sung|het hieu luc|replaces?|repeals?|amends?|supersedes?)\b/;
/**
 * "có hiệu lực", "hiệu lực thi hành", "takes effect", "came into force" (in any tense) — not ceasing to be in force
 * ("hết hiệu lực").
 */
const IN_FORCE = /(?<!\bhet )\bhieu luc\b|\b(takes?|took|taken|taking) effect\b|\b(comes?|came|coming|goes|went|gone|enters?|entered) into (force|effect)\b|\bin force\b/;
/** "có hiệu lực từ ngày nào", "hiệu lực thi hành khi nào", "when does it take effect". */
const EFFECTIVE = new RegExp(`${IN_FORCE.source}|(?<!\\bto be )\\beffective\\b`);
/** "… ban hành ngày nào", "when was it issued": the date a document bears is what is asked, a cited one's too. */
export const asksIssue = (question: string): boolean => ISSUE_DATE.test(foldedLower(withoutAsides(question)));
/**
 * Who enacts a document, on whose proposal, on what basis, or what it governs: what its enacting formula and its
 * statement of scope answer ("Ai ban hành …", "Thông tư này quy định về những gì", "what does the decree apply to").
 */
const SUBJECT = /\b(ban hanh|theo de nghi|de nghi cua|can cu|pham vi|dieu chinh|ap dung|quy dinh (ve )?(gi|nhung gi|noi dung|van de|viec)|issued?|issues|enacts?|enacted|propos\w*|basis|based on|scope|regulates?|governs?|covers?|appl(y|ies))\b/;
export const asksSubject = (question: string): boolean => SUBJECT.test(foldedLower(question));
/** A question about when a document takes or ceases to take effect: the date a citation bears is its issue, not that. */
const ANY_EFFECT = /\bhieu luc\b|\beffect(ive)?\b|\bin force\b|\bexpires?\b/;
export const asksEffect = (question: string): boolean => ANY_EFFECT.test(foldedLower(question));
/**
 * What the article putting a document in force answers: when it takes effect, what it repeals or replaces, who
 * carries it out ("Bộ trưởng … chịu trách nhiệm thi hành"), what holds in between.
 */
export const asksEntryIntoForce = (question: string): boolean => {
  const folded = foldedLower(question);
  return ANY_EFFECT.test(folded) || CHANGES.test(folded) || /\b(thi hanh|chuyen tiep|implement\w*|enforce\w*|transition\w*|carr(y|ies|ied) out)\b/.test(folded);
};
/** "… ban hành trước", "which was issued first", "takes effect earlier". */
// ("Trước khi Thông tư có hiệu lực, …" sets a time; it orders nothing.)
const ORDER = /\b(truoc(?! (khi|ngay|thoi diem|do|day))|sau cung|som (hon|nhat)|muon (hon|nhat)|first|earlier|earliest|sooner|later|latest|last|cung (mot )?(ngay|thoi diem)|trung ngay|(on )?the same (day|date))\b/;
/** "theo đề nghị của ai", "cơ quan nào đề nghị ban hành", "on whose proposal": who proposed the document. */
const PROPOSER = /\b(theo|xet) de nghi cua (?:[a-z]+ ){0,3}?(ai|[a-z]+ nao)\b|\bon the (proposal|recommendation|request) of (which|whom|what)\b|\b(ai|co quan nao|don vi nao|so nao|bo nao) de nghi\b|\bde nghi ban hanh\b|\bon whose (proposal|recommendation|request)\b|\bproposed by\b|\bat the (proposal|request|recommendation) of\b|\bwho proposed\b|\bproposed (it|the)\b/;
/**
 * "Kế hoạch … được gửi tới những bộ nào?", "QĐ 53/2025/QĐ-UBND được gửi “để báo cáo” tới …", "nơi nhận", "Which ministries is the plan sent to?": whom the document itself
 * is sent to, which its "Nơi nhận" block lists (not where a report it asks for goes).
 */
const RECIPIENTS =
  /\bnoi nhan\b|\b(?:ke hoach|van ban|quyet dinh|nghi dinh|thong tu|chi thi|nghi quyet|cong van|kh|qd|nd|tt|ct|nq|cv)\b(?:(?!bao cao|ho so|de xuat|kien nghi)(?:[^?.;]|\.(?=\S)))*\bduoc gui (?:(?:["“][^"”]*["”]|\([^()]*\)) )?(?:toi|den|cho)\b|(?<!\btheo )\b(?:ke hoach|van ban|quyet dinh|nghi dinh|thong tu|chi thi|nghi quyet|cong van|kh|qd|nd|tt|ct|nq|cv)\b(?:(?!bao cao|ho so|de xuat|kien nghi|ket qua|yeu cau|giao|de nghi|chi dao|huong dan)(?:[^?.;,]|\.(?=\S))){0,60}?\b(?:co )?gui (?:toi|den|cho)\b|\b(?:plan|document|decision|decree|circular|directive|resolution)\b(?:(?!reports?\b)(?:[^?.;]|\.(?=\S)))*\b(?:sent|addressed|distributed)\s+to\b|\brecipients?\b/;
/** "Công văn 5348 gửi cho ai?", "kính gửi cơ quan nào": a letter's addressee — unless what is sent is a report or a dossier it asks for. */
const ADDRESSEE = /\bkinh gui\b|\bgui (?:cho|toi|den) (?:ai|nhung ai|co quan nao|nhung co quan nao|don vi nao|nhung don vi nao)\b/;
/** From "gửi cho/tới/đến" to the end: whom something is sent to. */
const SENT_TO_REST = /(?<!\p{L})(?:gửi|gui) (?:cho|tới|toi|đến|den)(?!\p{L}).*$/isu;
const SENT_BY_OTHERS = /\b(?:bao cao|ho so|phan anh|kien nghi|de xuat|ket qua)\b/;
/** "Thay thế những văn bản nào", "which decrees does it repeal": what a document replaces, repeals or amends. */
const ASKS_CHANGES = /\b(thay the|bai bo|sua doi)\b[^?.,;]{0,40}\b(nao|gi)\b|\b(replaces?|repeals?|amends?|supersedes?) (which|what)\b|\b(which|what)\b[^?.,;]{0,60}\b(replace|repeal|amend|supersede)d?\b(?! (by|with))/;
export const asksChanges = (question: string): boolean => ASKS_CHANGES.test(foldedLower(question));

/**
 * "Ai chịu trách nhiệm thi hành Quyết định …?", "who is responsible for implementing the decree": the clause closing a
 * legal document that names those who carry it out ("Bộ trưởng, … chịu trách nhiệm thi hành Quyết định này").
 */
const IMPLEMENTERS = /\bchiu trach nhiem thi hanh\b|\bresponsible for (?:implementing|executing|enforcing|carrying out) (?:the|this) (?:decision|decree|circular|resolution|directive)\b/;
/** "Kế hoạch … thuộc lĩnh vực nào?", "which field does the plan fall under": the field a portal files the document in. */
const FIELD = /\b(thuoc|xep vao|nam trong|la|cua) linh vuc (nao|gi)\b|\blinh vuc cua (van ban|ke hoach|quyet dinh|nghi dinh|thong tu)\b|\b(which|what) (field|sector|subject area|area) (does|do|is|are)\b[^?]*\b(belong|fall|filed|classified|categori[sz]ed)\b|\b(belongs?|falls?) (to|under|in) (which|what) (field|sector|area)\b/;
/** "Biên bản cuộc họp do ai ký", "who signs the contract": a paper the document speaks of is signed, not the document. */
const OTHER_PAPERS = String.raw`bien ban|hop dong|cam ket|don(?! vi)|phieu|bao cao|to trinh|giay (?:xac nhan|de nghi|cam ket)|minutes|contracts?|agreements?|commitments?|applications?|reports?`;
const OTHER_PAPER_SIGNED = new RegExp(String.raw`\b(?:${OTHER_PAPERS})\b[^?.;]*\b(?:ky|sign\w*)\b|\b(?:ky|sign\w*)\b[^?.;]*\b(?:${OTHER_PAPERS})\b`);
const ASKS_SIGNER = /\b(ai|nguoi nao|nguoi ky|who|whom|signer|signed by)\b/;
/** "… luật đó ban hành ngày nào", "when was that law passed": the date of a document the question asks for by type. */
const CITED_DATE = /[,;]?\s*(?:va\s+)?\b(?:(?:luat|van ban|nghi dinh|thong tu|quyet dinh|nghi quyet|chi thi) (?:do|nay|ay|tren)\b.*\b(?:ban hanh|ky|thong qua)|(?:when|what date) (?:was|were|did) (?:that|this|the|these|those) (?:law|decree|circular|decision|resolution|document)s?\b)/;
/** "… căn cứ Luật Cán bộ, công chức ban hành ngày nào": the date of a law the document rests on, named without its number. */
const BASIS_DATE = /\bcan cu (?:vao )?((?:bo luat|luat|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh|chi thi) (?!so\b|nao\b)[a-z ,-]{2,80}?)(?: duoc)?(?: ban hanh| ky| thong qua)?(?: vao)? (?:ngay|nam) nao\b/;
/** The name of the document a question asks the date of among the legal bases, folded words; none when it asks none. */
export const basisDateAsked = (question: string): string[] =>
  (BASIS_DATE.exec(foldedLower(question))?.[1] ?? '').split(/[^a-z0-9]+/).filter((word) => word.length > 0);
/** "Ngày có hiệu lực", "the date": a day asked about; not one bounding the case asked ("trước ngày … có hiệu lực thì …"). */
const NAMES_DAY = /(?<!\b(?:truoc|sau|tu|ke tu|den|toi|before|after|from|until) )\b(ngay|dates?|days?)\b/;
const WHEN = /\b(thang|ngay|nam) (may|nao)\b|\bkhi nao\b|\bbao gio\b|\bluc nao\b|\bwhen\b|\bwhat date\b/;
// Folded, "số kế hoạch" would also match "Sở Kế hoạch và Đầu tư": that form is only trusted with its diacritics.
const NUMBER = /\bso hieu\b|\bky hieu\b|\b(ke hoach|van ban)( [a-z]+){0,3} so may\b|\b(plan|document|reference) number\b|\bnumber of (the|this) plan\b|\bwhat number\b/;
/**
 * "… dẫn Luật Ngân sách nhà nước số hiệu nào?": the number of a document of another type than those asked about,
 * named before it without one — a document they cite, which their legal bases give with its number.
 */
const DOCUMENT_TYPE = String.raw`(?:bo luat|luat|phap lenh|nghi dinh|thong tu|quyet dinh|nghi quyet|chi thi)`;
const CITED_NUMBER = new RegExp(String.raw`\b(${DOCUMENT_TYPE})\b(?:(?!\b${DOCUMENT_TYPE}\b)[^?.;\d]){0,80}?\b(?:so hieu|so may|so bao nhieu)\b`);
/** The document a change acts on, named before the number asked: "thay thế kế hoạch số mấy", "repeals which decision number". */
const CHANGED_NUMBER = new RegExp(String.raw`${CHANGES.source}\s+(?:(?:ke hoach|van ban|${DOCUMENT_TYPE}|plan|document|decision|decree|circular)\s+)(?:[a-z]+\s+){0,3}(?:so (?:may|hieu|nao)|number)\b`);
const NUMBER_ACCENTED = /(?<!\p{L})số (của )?(kế hoạch|văn bản)(?!\p{L})/u;
/** "Kể đủ số hiệu các văn bản đó", "số hiệu của từng văn bản": the numbers of the documents it names, not its own. */
const NUMBERS_OF_OTHERS = /\b(so hieu|ky hieu)( cua)? (cac|nhung|tung)\b/;
/** Words of a general legal-basis question; anything more specific goes through retrieval. */
const LEGAL_BASIS_FRAME = new Set(
  'ke hoach nay cua duoc xay dung ban hanh dua tren vao theo can cu van ban nhung nao gi la cac tai lieu quyet dinh nghi dinh thong tu plan plans this the is are was were based on which what documents document legal basis decision decisions decree circular implement implements issued under tren co so thuc hien de nham liet ke du day du tat ca list all luat nghi quyet chi thi ubnd uy nhan dan tinh thanh pho huyen chinh phu thu tuong bo truong phap ly law laws resolution resolutions directive directives so hieu do neu tung numbers'.split(
    ' ',
  ),
);

/** Words that ask for a document's own signer, date or number rather than name its subject. */
const DOCUMENT_FACT_FRAME = new Set(
  'liet ke du xay dung linh vuc field sector area belong belongs fall falls xep thuoc ky ban hanh hieu luc thi tu ke co ngay thang nam nao ai nguoi do duoc vao khi bao gio so hieu may la gi van ban ke hoach quyet dinh nghi dinh thong tu chi thi nghi quyet nay tren hai giu chuc vu ubnd uy nhan dan chinh phu thu tuong bo truong truoc sau cung som muon hon nhat moi qd nd tt kh nq ct ttlt chu tich pho tu cach thay mat de nghi xet theo gui toi den cho noi nhan sent addressed distributed recipient recipients nhung cac co quan to chuc don bo nganh cap trung uong central level ministries bodies chiu trach nhiem responsible implementing executing enforcing carrying out lan luot respectively each both'.split(
    ' ',
  ),
);
const DOCUMENT_NUMBERS = new RegExp(DOCUMENT_NUMBER.source, 'gu');
/** More subject words than this, beyond the document's own title, and the question is about its content. */
const MAX_SUBJECT_WORDS = 2;
const MAX_SUBJECT_WORDS_BY_NUMBER = 6;

/**
 * The sentences telling a case before the one asking ("Tôi là giáo viên THCS … . Mỗi tuần …?"), if any; typed in
 * lower case, a sentence ends after a word, not after a short abbreviation ("tp. hcm", "v.v.").
 */
const CASE_TOLD = /^.*(?:[.!]\s+(?=\p{Lu})|(?<=\p{L}{3})[.!]\s+(?=\p{Ll}))/su;
export const toldCase = (question: string): string => CASE_TOLD.exec(question)?.[0] ?? '';
/** The sentence asking, after any sentences telling a case. */
export const askingPart = (question: string): string => question.slice(toldCase(question).length);

/**
 * Facts about the document itself that the question asks for, read off its header, preamble or signature.
 * `titles` are those of the documents it may be about: words of the question found there only name the document
 * ("Nghị định về đào tạo công chức do ai ký?"); other subject words mean it asks about content ("… chữ ký số
 * chuyên dùng do cơ quan nào chủ trì?").
 */
export function askedPlanFacts(
  question: string,
  analyzed: AnalyzedQuestion,
  about: { otherDocument: boolean; titles: readonly string[]; types?: readonly string[]; byNumber?: boolean },
): PlanFact[] {
  const { titles } = about;
  if (about.otherDocument) return [];
  // A case told first ("… the decision on him was issued a few weeks later.") is no fact asked of the document.
  const folded = foldedLower(withoutAsides(askingPart(question)));
  // "… thay thế kế hoạch số mấy của tỉnh Tiền Giang cũ, kế hoạch đó ban hành ngày nào": the number and date of what it
  // replaces, which its text states, not its own.
  if (CHANGED_NUMBER.test(folded)) return [];
  // The date of a law it rests on is in its legal bases, not its own date, however many words name the law.
  if (BASIS_DATE.test(folded)) return ['legal-basis'];
  const titleWords = new Set(titles.flatMap((title) => foldedLower(title).split(/[^\p{L}\p{N}]+/u)));
  const places = new Set(analyzed.localities.mentions.flatMap((mention) => foldedLower(mention.name).split(' ')));
  /** The words of a text that are none of: document numbers, digits, function words, the frame, the title, places. */
  const wordsBeyond = (text: string, frame: ReadonlySet<string>, minLength: number): string[] =>
    foldedContentWords(text.replace(DOCUMENT_NUMBERS, ' ')).filter((word) => word.length >= minLength && !/\d/.test(word) && !frame.has(word) && !titleWords.has(word) && !places.has(word));
  // "Which was issued first?", "văn bản nào có hiệu lực trước?": an order of dates asks for the dates, however
  // many words describe the documents ordered.
  const ordered = ORDER.test(folded) && (ISSUE_DATE.test(folded) || EFFECTIVE.test(folded));
  // Documents named by number are described rather than asked about by the words around their numbers.
  const maxSubjectWords = about.byNumber ? MAX_SUBJECT_WORDS_BY_NUMBER : MAX_SUBJECT_WORDS;
  // (The recipients a question names, "… có gửi cho các trường đại học … không", are what it asks of, not its subject.)
  if (!ordered && wordsBeyond(analyzed.searchText.replace(SENT_TO_REST, ''), DOCUMENT_FACT_FRAME, 2).length > maxSubjectWords) return [];
  const facts: PlanFact[] = [];
  const cited = CITED_NUMBER.exec(folded);
  if (cited && !(about.types ?? []).some((type) => foldedLower(type) === cited[1])) return ['legal-basis'];
  // "… căn cứ luật nào, luật đó ban hành ngày nào?": the date of what it rests on, which its legal bases state.
  const citedDate = CITED_DATE.exec(folded);
  if (citedDate && analyzed.types.includes('legal-basis')) {
    return wordsBeyond(question.slice(0, citedDate.index), LEGAL_BASIS_FRAME, 1).length <= 1 ? ['legal-basis'] : [];
  }
  const effective = EFFECTIVE.test(folded) && (analyzed.types.includes('date') || WHEN.test(folded) || ordered || NAMES_DAY.test(folded));
  // "UBND các tỉnh phải ban hành kế hoạch … trước ngày nào?" asks the deadline the document sets, not its own date.
  // ("Issued on the proposal of which minister" asks who proposed it, not when.)
  const issueDate = !effective && !analyzed.types.includes('deadline') && ISSUE_DATE.test(folded) && ((analyzed.types.includes('date') && !PROPOSER.test(folded)) || WHEN.test(folded) || ordered);
  // "Ký ngày nào?" asks when, not who: the signer only when the question asks for a person.
  // ("kỷ niệm", typed without diacritics, is not "ký".)
  if (analyzed.types.includes('signer') && (!issueDate || ASKS_SIGNER.test(folded)) && !/\bky niem\b/.test(folded) && !OTHER_PAPER_SIGNED.test(folded)) facts.push('signer');
  if (issueDate) facts.push('issue-date');
  if (effective) facts.push('effective-date');
  if ((NUMBER.test(folded) && !NUMBERS_OF_OTHERS.test(folded)) || NUMBER_ACCENTED.test(question.normalize('NFC').toLowerCase())) facts.push('number');
  if (PROPOSER.test(folded)) facts.push('proposer');
  if (RECIPIENTS.test(folded) || (ADDRESSEE.test(folded) && !SENT_BY_OTHERS.test(folded))) facts.push('recipients');
  if (IMPLEMENTERS.test(folded)) facts.push('implementers');
  if (FIELD.test(folded)) facts.push('field');
  // Asked for its number, a plan's legal bases (with their own numbers) would only confuse.
  // What a document rests on or implements, not what it replaces or amends (an article says that, not the preamble).
  const basis = analyzed.types.includes('legal-basis') || (analyzed.types.includes('document') && IMPLEMENTS.test(folded));
  if (basis && !CHANGES.test(folded) && !facts.includes('number')) {
    // Asked in English, the words describing the document are matched against its title in their translation.
    if (wordsBeyond(analyzed.language === 'en' ? analyzed.searchText : question, LEGAL_BASIS_FRAME, 1).length <= 1) facts.push('legal-basis');
  }
  return facts;
}


/**
 * Attributes the plans seldom state; a question asking for one needs a passage that states one, or the
 * answer is that the plans don't say ("Số điện thoại của Phòng …?" must not be answered with the Phòng's duties).
 */
const ATTRIBUTES: readonly { asked: RegExp; stated: RegExp }[] = [
  { asked: /\b(so )?dien thoai\b|\bhotline\b|\bphone\b|\btelephone\b/, stated: /\bdien thoai\b|\bhotline\b|\b\d{3,4}[ .-]?\d{3}[ .-]?\d{3,4}\b/ },
  // ("Sửa chữa trụ sở" is about offices, not where one is.)
  { asked: /\bdia chi\b|\baddress\b|\btru so\b[^?.;]*\b(o dau|tai dau|dat o|nam o|nam tai)\b|\bheadquarter/, stated: /\bdia chi\b|\btru so\b|\bso nha\b|\bduong\s+\p{Lu}/u },
  { asked: /\bemail\b|\be-mail\b|\bthu dien tu\b/, stated: /@|\bemail\b|\bthu dien tu\b/ },
  // Where something is or will be ("Where will the centre be built?", "đặt ở đâu"): a passage placing it, not one naming it.
  {
    asked: /\bwhere (is|are|was|were|will)\b[^?]*\b(located|built|based|held|situated|set up|placed|headquartered)\b|\b(dat|xay dung|to chuc|nam|bo tri|dong|dat tru so)\s+(o|tai)\s+(dau|dia diem nao)\b|\b(o|tai) dia diem nao\b/,
    stated: /\b(dia diem|dia chi|tru so|(dat|nam|xay dung|to chuc|bo tri|dong|dien ra) (tai|o)|tai (phu luc|xa|phuong|huyen|tinh|thanh pho|thi xa|quan|khu|hoi truong|so|tru so)\b)/,
  },
  { asked: /\bwebsite\b|\btrang web\b|\bweb site\b/, stated: /https?:|www\.|\btrang (thong tin|web)\b/ },
  { asked: /\bfax\b/, stated: /\bfax\b/ },
  // What a document replaces, repeals or amends is said in those words, never by what it rests on.
  // (Only when the question asks what: "the circular that X replaces" only describes it.)
  { asked: ASKS_CHANGES, stated: /\b(thay the|bai bo|sua doi|het hieu luc)\b/ },
  // When a document takes effect is said with "hiệu lực"; any other date in a passage citing it is another's.
  {
    asked: new RegExp(`${IN_FORCE.source}|\\beffective (from|date|as of)\\b`),
    stated: /\bhieu luc\b|\bap dung (ke )?tu ngay\b/,
  },
  // "Bao lâu một lần", "định kỳ bao lâu", "how often" ask for a frequency, which "định kỳ" alone does not give.
  {
    asked: /\bbao lau (mot|1) lan\b|\bdinh ky (bao lau|may|bao nhieu)\b|\b(may|bao nhieu) lan (mot|moi|trong)\b|\bhow often\b|\bhow frequently\b/,
    stated: /\b(hang|moi) (nam|thang|quy|tuan|ngay)\b|\b\d+ lan\b|\b(mot|hai|ba|bon|sau|\d+) (lan|thang|nam|tuan) (mot|\/) ?lan\b|\bdinh ky (hang|moi|\d+)\b|\b\d+ (thang|nam|tuan)\/lan\b/,
  },
  // When a rule ceases to apply is said in words of ending, never by when it takes effect.
  { asked: /\bhet hieu luc\b|\bexpires?\b|\bcease[sd]? to\b|\bno longer (in force|effective|valid)\b/, stated: /\bhet hieu luc\b|\bbai bo\b|\bcham dut\b|\bthay the\b|\bhet han\b/ },
];

/**
 * Kinds of amount that are not one another: a fee is no fine, an allowance no salary. A figure question naming one
 * ("bị phạt bao nhiêu tiền") is answered only by a passage naming the same kind. Patterns on accented lower-case text;
 * typed without diacritics, only the forms that stay unambiguous ("phat" is also "phát", "luong" also "lượng").
 */
const AMOUNT_KINDS: readonly { accented: RegExp; folded: RegExp | null }[] = [
  { accented: /(?<!\p{L})phạt(?!\p{L})/u, folded: /\b(bi|xu|muc|tien) phat\b|\bphat tien\b/ },
  { accented: /(?<!\p{L})(?<!(?:chi|kinh|miễn) )phí(?!\p{L})/u, folded: /\ble phi\b|\bmuc thu phi\b|\bphi tham dinh\b/ },
  { accented: /(?<!\p{L})lương(?!\p{L})/u, folded: /\b(muc|tien|he so) luong\b|\bluong co so\b/ },
  { accented: /(?<!\p{L})thuế(?!\p{L})/u, folded: null },
  { accented: /(?<!\p{L})phụ cấp(?!\p{L})/u, folded: /\bphu cap\b/ },
  { accented: /(?<!\p{L})trợ cấp(?!\p{L})/u, folded: /\btro cap\b/ },
  { accented: /(?<!\p{L})(?:bồi thường|đền bù)(?!\p{L})/u, folded: /\b(boi thuong|den bu)\b/ },
  { accented: /(?<!\p{L})học bổng(?!\p{L})/u, folded: /\bhoc bong\b/ },
];

/**
 * The kinds of amount a figure question names, as tests for a passage's accented text; empty when it names none.
 * `text` is the question in the documents' language (an English question's translation).
 */
export function askedAmountKinds(text: string): ((passage: string) => boolean)[] {
  const lower = text.normalize('NFC').toLowerCase();
  const folded = foldDiacritics(lower);
  const accented = folded !== lower;
  // Where several kinds are named ("phí dịch vụ chi trả trợ cấp … bao nhiêu"), the one nearest before "bao nhiêu" is asked.
  const asked = /(?<![a-z])(bao nhieu|may)(?![a-z])/.exec(folded)?.index ?? folded.length;
  const named = AMOUNT_KINDS.flatMap((kind) => {
    const pattern = accented ? kind.accented : kind.folded;
    const source = accented ? lower : folded;
    if (!pattern) return [];
    const at = [...source.slice(0, asked).matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].at(-1)?.index;
    return at === undefined ? (pattern.test(source) ? [{ kind, at: -1 }] : []) : [{ kind, at }];
  });
  const nearest = Math.max(...named.map((entry) => entry.at));
  return named.filter((entry) => entry.at === nearest).map(({ kind }) => (passage: string) => kind.accented.test(passage.normalize('NFC').toLowerCase()));
}

/** Kinds of honour a question may name: each is its own, awarded by its own body ("Giấy khen" is no "Bằng khen"). */
const AWARD_KINDS = ['giay khen', 'bang khen', 'co thi dua', 'huan chuong', 'huy chuong', 'ky niem chuong'];

/** The kinds of honour a question names, folded; a passage must name one of them to answer it. */
export const askedAwards = (question: string): string[] => {
  const folded = foldedLower(question);
  return AWARD_KINDS.filter((award) => new RegExp(`\\b${award}\\b`).test(folded));
};

export function askedAttribute(question: string): RegExp | null {
  const folded = foldedLower(question);
  return ATTRIBUTES.find((attribute) => attribute.asked.test(folded))?.stated ?? null;
}

// Vietnamese surnames: a person's name starts with one ("Nguyễn Thị Hồng Vân", "Đinh Văn Thiệu").
// (Surnames that also begin place names — Hà, Cao, Lâm, Giang — are left out so "Hà Nội" is not a person.)
const SURNAMES = 'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Ngô|Dương|Lý|Đinh|Đoàn|Mai|Trịnh|Trương|Lương|Tô|Tạ|Đào|Chu|Lưu|Vương|Triệu|Quách|Kiều|Tăng|Nông|Hứa|Phùng|Diệp|Châu';
const PERSON_NAME = new RegExp(`(?<!\\p{L})(${SURNAMES})(\\s+\\p{Lu}[\\p{Ll}\\p{M}]+){1,4}(?!\\p{L})`, 'u');
/**
 * "Ai là chủ tịch…", "Thủ tướng nào ký…", "who is the director": the answer is a person's name. Not who chairs a
 * council ("ai làm Chủ tịch Hội đồng kỷ luật", "who may chair the council"): the documents name the post that does.
 */
const ASKS_PERSON = /\b(ai|nguoi nao|who|whom)\b.*\b(chu tich(?! hoi dong)|giam doc|truong phong|pho chu tich|bi thu|thu tuong|bo truong|chairman|chairwoman|director|head|minister|governor|mayor)\b|\b(chu tich|giam doc|truong phong|bi thu|thu tuong|bo truong|chairman|director|minister)\b.*\b(la ai|nao ky|ten (la )?gi|who)\b/;

export const asksPerson = (question: string): boolean => ASKS_PERSON.test(foldedLower(question));

/** "Tối đa bao nhiêu", "ít nhất mấy", "at most how many" (read in its translation): a bound is asked, not any figure. */
const ASKS_BOUND = new RegExp(`\\b(?:${BOUND_WORDS.map(foldDiacritics).join('|')})\\b`);
export const asksBound = (question: string): boolean => ASKS_BOUND.test(foldedLower(question));
/** "Do ai làm Trưởng ban?", "ai giữ chức trưởng đoàn": the post asked who holds, folded. */
const ROLE_ASKED = /\b(?:ai|nguoi nao)\s+(?:se\s+)?(?:lam|la|giu chuc|giu|dam nhiem)\s+((?:pho\s+)?(?:truong|chu tich|chu nhiem|to truong|giam doc))(?:\s+(ban|doan|hoi dong|to|nhom|uy ban))?\b/;
/** The post a question asks who holds ("truong ban" of "do ai làm Trưởng ban"), folded; a passage must name it. */
export function askedRole(question: string): string | null {
  const match = ROLE_ASKED.exec(foldedLower(question));
  return match ? [match[1], match[2]].filter(Boolean).join(' ') : null;
}
/** "Ai ký …", "who signed …": a person's name, not the office a document is issued by ("chữ ký số" asks for no one). */
export const asksWhoSigned = (question: string, types: readonly QuestionType[]): boolean => {
  const folded = foldedLower(question);
  return types.includes('signer') && ASKS_SIGNER.test(folded) && !OTHER_PAPER_SIGNED.test(folded);
};
export const namesPerson = (text: string): boolean => PERSON_NAME.test(text);

/**
 * A question about today's market, weather or services ("tỷ giá đô la hôm nay", "giá sầu riêng hôm nay", "cuối tuần
 * này trời có mưa không", "lịch cắt điện ngày mai"): documents state rules and plans, never the day's prices,
 * forecasts or schedules.
 */
const LIVE = /\b(hom nay|ngay mai|bay gio|luc nay|toi nay|tuan nay|today|tomorrow|tonight|right now|this week(end)?)\b/;
const LIVE_SUBJECT = new RegExp(
  [
    String.raw`\b(ty gia|gia (vang|xang|dau|dien|co phieu|bitcoin|usd|do la)|thoi tiet|nhiet do|du bao|chung khoan|vn-?index|xo so|ket qua (bong da|tran|xo so)|exchange rate|price of|gold price|fuel price|petrol|weather|forecast|temperature|stock (price|market)|lottery|score)\b`,
    // The price of anything, said just before the day ("giá sầu riêng hôm nay"); "tham gia", "quốc gia" are no price.
    String.raw`(?<!\b(tham|quoc|chuyen|dan) )\bgia( [a-z]+){1,3} (hom nay|bay gio|luc nay|ngay mai)\b`,
    String.raw`\btroi (co )?(mua|nang|lanh|nong|ret)\b|\b(cat|cup|mat) dien\b|\b(rain|power cut|outage)\b`,
  ].join('|'),
);
export const asksLiveData = (question: string): boolean => {
  const folded = foldedLower(question);
  return LIVE.test(folded) && LIVE_SUBJECT.test(folded);
};

/**
 * "tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt …", "bao nhiêu sản phẩm du lịch thông minh": what a share or a count
 * is of, up to what the question says of it.
 */
const MEASURED_VI = /\b(?:ty le|bao nhieu phan tram|may phan tram|bao nhieu|may)\s+(?:(?:toi da|toi thieu|it nhat|khoang|la|se|phai)\s+)*(.+?)(?=\s+(?:dat|la|phai|duoc dat|theo|trong|den nam|vao nam|nam \d|o|tai|bao nhieu|can|muc tieu|toi da|toi thieu)\b|[,?.;:]|$)/;
/** "what share of female workers who have received vocational training", "how many smart tourism products": translated, what is measured. */
const MEASURED_EN = /\b(?:(?:share|percentage|proportion|per ?cent)\s+of|how many)\s+(?:the\s+)?(.+?)(?=\s+(?:should|must|will|is|are|by|in|under|does|do|did|to be|reach|set)\b|[,?.;:]|$)/;
/** "bao nhiêu tiền", "bao nhiêu kinh phí", "mấy tiết": a unit or an amount, not a thing counted. */
const MEASURED_UNIT = /^(?:tien|kinh phi|von|dong|ty|trieu|nghin|phan tram|tiet|gio|ngay|tuan|thang|nam|lan|km|ha|m2|money|funding|days?|months?|years?|hours?|weeks?|periods?|times)\b/;
const PEOPLE = /^(?:thanh vien|nguoi|members?|people|persons?)\b/;
const NOT_A_THING = /^(?:de|cho|cua|o|tai|trong|vao|khi|neu|thi|va|moi|mot|nhu|theo|to|for|in|of|at|on|per|each|a|an)\b/;
/** What the share or count a question asks for measures, folded; null when it names nothing of two words or more. */
export const measuredPhrase = (question: string, language: 'vi' | 'en', translate: (english: string) => string): string | null => {
  const phrase = language === 'en' ? MEASURED_EN.exec(question.toLowerCase())?.[1] : MEASURED_VI.exec(foldedLower(question))?.[1];
  const text = phrase && (language === 'en' ? foldedLower(translate(phrase)) : phrase);
  // "bao nhiêu để sửa chữa trụ sở": a purpose or a place after "bao nhiêu" names no thing counted.
  // People counted are a unit ("bao nhiêu người có công"), unless the question says what is done for them ("người sau
  // cai nghiện được hỗ trợ tạo việc làm"): a share of those is of that.
  if (!text || MEASURED_UNIT.test(text) || (PEOPLE.test(text) && !/ duoc /.test(text)) || NOT_A_THING.test(text)) return null;
  return text.split(' ').filter((word) => /\p{L}/u.test(word) && !STOPWORDS.has(word)).length >= 2 ? text : null;
};

/** Words before "nào" that ask no thing of their own: "khi nào", "bao giờ", "như thế nào", "loại nào". */
const GENERIC_BEFORE_NAO = new Set(['khi', 'luc', 'the', 'cach', 'bao', 'cai', 'loai', 'nhung', 'cac', 'dau', 'gi', 'hinh', 'thuc', 'muc', 'van', 'de', 'noi', 'dung', 'phan', 'gio']);

/**
 * The word naming what a "which" question asks for, folded: "sông" of "sông nào dài nhất thế giới" — what an answer
 * must name. None for "khi nào", "như thế nào" and the like.
 */
export const askedThing = (question: string): string | null => {
  const word = /(\p{L}+)\s+nao\b/u.exec(foldedLower(question))?.[1];
  return word && !GENERIC_BEFORE_NAO.has(word) && !STOPWORDS.has(word) ? word : null;
};

/**
 * Names the question writes with a capital inside a sentence ("London", "MoMo"), folded, as candidates for something
 * the collection may never mention. Asked in English, only words the glossary left untranslated: "Decree",
 * "Department" are its words. Codes in capitals ("SOC", "BHYT") are abbreviations, read elsewhere.
 */
export const namesAskedAbout = (question: string, untranslated: readonly string[] | null): string[] =>
  [...question.matchAll(/(?<=[\p{L}\p{N},;)]\s+)(\p{Lu}[\p{L}\p{N}]*\p{Ll}[\p{L}\p{N}]*)(?![\p{L}\p{N}])/gu)]
    .map((match) => match[1])
    .filter((name) => name.length >= 3 && /^[A-Za-z]+$/.test(name))
    .map(foldedLower)
    .filter((name) => untranslated === null || untranslated.includes(name));


/** The periods a rate may be asked for, folded, with how documents write them. */
const RATE_PERIODS: Readonly<Record<string, string>> = { ngay: 'ngày', tuan: 'tuần', thang: 'tháng', nam: 'năm', gio: 'giờ', quy: 'quý' };
const PER_PERIOD = /(?<!\p{L})(?:moi|hang|tung)\s+(ngay|tuan|thang|nam|gio|quy)(?!\p{L})/u;
const ONE_PERIOD = /(?<!\p{L})mot\s+(ngay|tuan|thang|nam|gio|quy)(?!\p{L})/u;

/**
 * The period a figure is asked for ("mỗi ngày", "hằng tháng", "per day" once translated), as documents write it:
 * a figure of another period, or of none, does not answer "dạy tối đa bao nhiêu tiết mỗi ngày".
 */
export const ratePeriodAsked = (question: string): string | null => {
  const read = foldedLower(question);
  // After what is asked, "một" says each too: "bao nhiêu đồng cho mỗi học viên một ngày" (not "trong một năm có bao nhiêu đợt").
  const asked = /(?<!\p{L})(?:bao nhieu|may)(?!\p{L})/u.exec(read);
  const period = (PER_PERIOD.exec(read) ?? (asked ? ONE_PERIOD.exec(read.slice(asked.index)) : null))?.[1];
  return period ? RATE_PERIODS[period] : null;
};

/** Where a Vietnamese question asks for a figure: "bao nhiêu", "mấy", "tối đa", "mức nào". */
const FIGURE_CUE = /(?<!\p{L})(?:bao nhieu|may(?= \p{L})|toi da|toi thieu|muc nao)(?!\p{L})/u;
/** "Theo Phụ lục I của QĐ 2629/QĐ-TTg, …", "trong KH 157, …", folded: where a figure is asked, not what of. */
const SUBJECT_FRAME = /^\s*(?:theo|trong|tai|o|can cu|under|in|per)\s[^,]*,\s*/u;
/**
 * The words before the figure a Vietnamese question asks for, in lower case as written, after any case it tells
 * first: what the figure is of ("giáo viên kiêm bí thư đoàn trường thpt được giảm" of "… được giảm bao nhiêu tiết");
 * '' when it asks none.
 */
export function figureSubject(question: string): string {
  const written = withoutAsides(askingPart(question)).normalize('NFC').toLowerCase();
  // Folding keeps each precomposed letter one character: offsets in the folded text are offsets in the written one.
  const asked = foldedLower(written);
  const cue = FIGURE_CUE.exec(asked);
  if (!cue) return '';
  // The sentence asking (a case typed in lower case may come first), without the document or part it is asked of
  // ("Theo Phụ lục I của QĐ 2629, …").
  const start = Math.max(...[...asked.slice(0, cue.index).matchAll(/[.!?:;]\s/gu)].map((match) => match.index! + match[0].length), 0);
  const frame = SUBJECT_FRAME.exec(asked.slice(start))?.[0].length ?? 0;
  return written.slice(start + frame, cue.index);
}

/** "Điều 12", "điều 7", "Article 21", folded; not an article of a document that another rewrites ("Article 21 of Circular 55 as rewritten by …"). */
const NAMED_ARTICLE = /\b(?:dieu|article)\s+(\d+)\b/g;
const AMENDED = /\b(sua doi|bo sung|thay the|rewritten|rewrites|amended|amends|replaced)\b/;
/** The one article a question names in a document ("Theo khoản 2 Điều 7 NĐ 09/2025/NĐ-CP, …"), or null. */
export function namedArticle(question: string): number | null {
  const folded = foldedLower(question);
  const numbers = new Set([...folded.matchAll(NAMED_ARTICLE)].map((match) => Number(match[1])));
  return numbers.size === 1 && !AMENDED.test(folded) ? [...numbers][0] : null;
}
