// A two-part question ("… có hiệu lực từ ngày nào và thay thế những thông tư nào?", "… which agency leads it, and
// when is it due?") is answered part by part: each part asks its own slot.
import { foldDiacritics } from '../lang/normalize.js';
import { PLACE_PAIRS } from '../lang/vietnam-places.js';
import { detectLanguage } from './detect-language.js';
import { isAccented } from './term-stats.js';

/** Words that ask something, folded. "không"/"chưa"/"chứ" only ask at the end of a part ("… có … không?"). */
const ASKING = /\b(nao|gi|bao nhieu|bao lau|ai|o dau|dau|may|the nao|ra sao|khi nao|what|which|when|who|whom|how|where|why|whether)\b/;
const CLOSING = /\b(khong|chua|chu|thi sao)\s*$/;
/** The same, as written with diacritics: folded, "bộ máy" would ask "mấy". */
const ASKING_ACCENTED = /(?<!\p{L})(nào|gì|bao nhiêu|bao lâu|ai|ở đâu|đâu|mấy|thế nào|ra sao|khi nào|what|which|when|who|whom|how|where|why|whether)(?!\p{L})/u;
const CLOSING_ACCENTED = /(?<!\p{L})(không|chưa|chứ|thì sao)\s*$/u;
/** A second part that is an English yes-no question ("…, and did they sign as chairman?"): an auxiliary opens it. */
const OPENS_YES_NO = /^(?:and\s+)?(?:does|do|did|is|are|was|were|has|have|had|must|should|will|can|could|would|may)\s+\p{L}/iu;
/**
 * Where a question may fall into two: "và", "còn", ";", "and", between two sentences, or a comma after "… không" —
 * written with diacritics or without.
 */
const SEPARATORS = /\s*(?:,\s*(?:và|va|còn|con|đồng thời|dong thoi|and|also)\s+|\s+(?:và|va|and)\s+|;\s+|\?\s+|,\s+)/giu;
/** "Can Tho's plan …" opens with a place, not with the auxiliary "can". */
const opensWithPlace = (text: string): boolean =>
  PLACE_PAIRS.has(foldDiacritics(text).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).slice(0, 2).join(' '));
/** What opens an English clause of its own: a wh-word or an auxiliary, after a preposition or not. */
const OPENS_CLAUSE = /^(?:(?:in|for|at|under|by|from|to|with|on)\s+)?(?:what|which|who|whom|whose|when|where|why|how|if|does|do|did|is|are|was|were|has|have|had|must|should|will|can|could|would|may)\b/iu;
/** An English question of its own after a comma: "what" or "how", which never open a relative clause. */
const OWN_QUESTION = /^(?:what|how)\s+\p{L}/iu;
/** "…, ai đọc trích ngang …", "…, cơ quan nào phối hợp": a Vietnamese part opening with what it asks is a question of its own. */
const OPENS_ASKING_ACCENTED = /^(?:ai|bao nhiêu|bao lâu|khi nào|bao giờ|ở đâu|mấy|(?:\p{L}+\s+){1,2}nào)(?!\p{L})/u;
const OPENS_ASKING = /^(?:ai|bao nhieu|bao lau|khi nao|bao gio|o dau|may|(?:[a-z]+\s+){1,2}nao)\b/;
/** A question has at most this many parts: more are read as one. */
const MAX_PARTS = 3;
/** Words of a clause that says what it asks of in words of its own ("UBND tỉnh phải làm những việc gì"). */
const MIN_CLAUSE_WORDS = 5;
/** Words of a subject of its own before a part's predicate ("hạn gửi kết quả rà soát | là khi nào"). */
const MIN_SUBJECT_WORDS = 4;

const folded = (text: string): string => foldDiacritics(text.normalize('NFC').toLowerCase()).replace(/[?.!\s]+$/u, '');
const lower = (text: string): string => text.normalize('NFC').toLowerCase().replace(/[?.!\s]+$/u, '');
const asksIn = (text: string, accented: boolean): boolean =>
  accented ? ASKING_ACCENTED.test(lower(text)) || CLOSING_ACCENTED.test(lower(text)) : ASKING.test(folded(text)) || CLOSING.test(folded(text));
const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const ALL_ASKING_ACCENTED = new RegExp(ASKING_ACCENTED.source, 'gu');
const ALL_ASKING = new RegExp(ASKING.source, 'g');
/** How many words follow the last word a text asks with. */
const wordsAfterAsking = (text: string, accented: boolean): number => {
  const read = accented ? lower(text) : folded(text);
  const last = [...read.matchAll(accented ? ALL_ASKING_ACCENTED : ALL_ASKING)].at(-1);
  return last ? wordCount(read.slice(last.index! + last[0].length)) : 0;
};

/**
 * The question's parts: where both sides of a separator ask something, the first part and the parts of the rest
 * (at most three in all), else the question alone.
 */
export function splitQuestion(question: string, most = MAX_PARTS): string[] {
  if (most < 2) return [question];
  const [first, rest] = splitOnce(question);
  if (rest === undefined) return [first];
  const [next, ...others] = splitQuestion(rest, most - 1);
  return [first, withEllipsis(next, first), ...others];
}

function splitOnce(question: string): [string, string?] {
  const accented = isAccented(question);
  const asks = (text: string): boolean => asksIn(text, accented);
  const ending = /[?]\s*$/.test(question) ? '?' : '';
  for (const match of question.matchAll(SEPARATORS)) {
    const left = question.slice(0, match.index).trim();
    const right = question.slice(match.index! + match[0].length).trim();
    const bareComma = match[0].trim() === ',';
    // The second part, with what it leaves to the first, as a sentence.
    const second = () => withContext(right, left, accented).replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
    // A bare comma separates two questions after "… không", or before a short tail that asks ("…, thời gian khi nào").
    // So does one before an English question of its own ("…, what result is expected, and by when?"), not before a
    // clause that may be relative ("the council, which reviews …"), and one before a Vietnamese part opening with
    // what it asks ("… ai tuyên bố lý do, ai đọc trích ngang …").
    // (Only after a first part saying what it asks of in words of its own, "ai tuyên bố lý do cuộc họp": "cơ quan nào
    // chủ trì, cơ quan nào phối hợp thực hiện …" shares what follows.)
    // ("AI", artificial intelligence, asks no one.)
    const opensAsking = (accented ? OPENS_ASKING_ACCENTED.test(lower(right)) : OPENS_ASKING.test(folded(right))) && !/^\p{Lu}{2,}(?!\p{L})/u.test(right) && wordsAfterAsking(left, accented) >= 3;
    // So does one between two clauses each saying what it asks of in words of its own, the first closing with what it
    // asks ("… có hiệu lực từ khi nào, chủ tịch UBND các xã có phải thi hành không", "… phải làm những việc gì, hạn gửi
    // kết quả là khi nào"); not after a bare "cơ quan nào", nor before a part leaning on the first ("…, mỗi việc do ai
    // chủ trì", "…, trong thời hạn bao lâu"). Only in the sentence asking ("Tôi là chuyên viên, không giữ chức vụ gì,
    // sắp bị …. Theo NĐ 172 …" tells a case), and after a frame the second part is asked in ("Theo QĐ 2623, …").
    const closesAsking = wordsAfterAsking(left, accented) === 0 && wordCount(left.slice(left.lastIndexOf(',') + 1)) >= MIN_CLAUSE_WORDS && wordsBeforePredicate(right) >= MIN_SUBJECT_WORDS && !/[.!?]\s+\S/u.test(right) && FRAME.test(left);
    if (bareComma && !(accented ? CLOSING_ACCENTED.test(lower(left)) : CLOSING.test(folded(left))) && wordCount(right) > 4 && !OWN_QUESTION.test(right) && !(opensAsking && asks(left)) && !(closesAsking && asks(left))) continue;
    // "… những bệnh A và những bệnh B nào?": two lists sharing the closing "nào"/"gì".
    const sharedAsk = !bareComma && /^(những|nhung)\s/iu.test(right) && /(?<!\p{L})(những|nhung)\s/iu.test(left) && !asks(left) && asks(right);
    const closing = sharedAsk ? (accented ? /(?<!\p{L})(nào|gì)(?!\p{L})/u.exec(lower(right)) : /\b(nao|gi)\b/.exec(folded(right)))?.[0] : undefined;
    if (closing && wordCount(left) >= 3) {
      // (The second list is of what the first part says before its own: "… cảnh báo nguy cơ | những bệnh B nào?")
      const before = left.slice(0, [...left.matchAll(/(?<!\p{L})(?:những|nhung)\s/giu)].at(-1)!.index).trim();
      return [`${left.replace(/[?,;\s]+$/u, '')} ${closing}${ending}`, wordCount(before) >= 2 ? `${before} ${right}` : second()];
    }
    // "… chỉ tiêu A và chỉ tiêu B do cơ quan nào chủ trì?": two subjects under one head sharing the predicate.
    const predicate = !bareComma && !asks(left) && asks(right) ? sharedPredicate(left, right, accented) : undefined;
    if (predicate && wordCount(left) >= 3) return [`${left.replace(/[?,;\s]+$/u, '')} ${predicate}${ending}`, second()];
    // Two sentences each closed by a question mark are two questions, whatever words they ask with ("…? Còn nếu … thì sao?").
    if (match[0].trim() === '?' && wordCount(left) >= 3 && wordCount(right) >= 2 && /\?\s*$/.test(right)) {
      return [`${left}?`, second()];
    }
    // A bare English "and" joins two questions only where a new clause opens after it: "what share of people and
    // businesses …, and what share of …" splits at ", and what", not inside "people and businesses".
    if (/^\s+and\s+$/iu.test(match[0]) && (!OPENS_CLAUSE.test(right) || opensWithPlace(right))) continue;
    // ("Does the plan consider …, and does it mention …?": two English yes-no questions; "…, and in what way?" asks
    // about the first.)
    // (What the right asks is asked in its own sentence: "… trước ngày nào theo KH 174 và theo KH 153? Mỗi nơi gửi về
    // đâu?" asks its first question of both plans.)
    const rightSentence = match[0].trim() === '?' ? right : right.replace(/\?\s.*$/su, '');
    // (… nor what a heading before a colon asks of both: "… khác nhau thế nào: theo NĐ 171, các bộ và UBND tỉnh …".)
    const leftOwn = left.replace(COLON_FRAME, '');
    if (wordCount(left) >= 3 && wordCount(right) >= 2 && (asks(leftOwn) || (OPENS_YES_NO.test(left) && OPENS_YES_NO.test(right))) && (asks(rightSentence) || (OPENS_YES_NO.test(right) && !opensWithPlace(right))) && !asksNumberThenDate(left, right)) {
      // (Only "which directive and which notice does …" shares a predicate: parts set apart by commas each have their own.)
      const first = /^\s+and\s+$/iu.test(match[0]) ? withPredicate(left.replace(/[?,;\s]+$/u, ''), right) : left.replace(/[?,;\s]+$/u, '');
      return [`${first}${ending}`, second()];
    }
  }
  return [question];
}

/** Heads that name what a comparison sets side by side (documents, places): "kế hoạch A và kế hoạch B có gì khác". */
const COMPARED_HEAD = /^(?:kế hoạch|quyết định|nghị định|thông tư|văn bản|tỉnh|thành phố|huyện|ke hoach|quyet dinh|nghi dinh|thong tu|van ban|tinh|thanh pho|huyen)$/iu;

/**
 * The predicate a second subject shares with the first, when both open with the same head ("chỉ tiêu A và chỉ tiêu B
 * do cơ quan nào chủ trì" → "do cơ quan nào chủ trì"): the part of the right from where its predicate starts.
 */
function sharedPredicate(left: string, right: string, accented: boolean): string | undefined {
  const head = /^(\p{L}+\s+\p{L}+)\s/u.exec(right)?.[1];
  if (!head || COMPARED_HEAD.test(head) || !new RegExp(`(?<!\\p{L})${head}(?!\\p{L})`, 'iu').test(left)) return undefined;
  const asking = (accented ? ASKING_ACCENTED.exec(lower(right)) : ASKING.exec(folded(right)))?.index;
  const start = [...right.matchAll(PREDICATE)].map((match) => match.index!).filter((index) => asking !== undefined && index < asking).at(-1);
  return start === undefined ? undefined : right.slice(start).trim().replace(/[?\s]+$/u, '');
}

/** "… kết luận số mấy, ban hành ngày nào": a cited document's number and date, both read off one citation. */
const ASKS_NUMBER = /\b(so may|so bao nhieu|so hieu (la )?gi|so nao|what number|which number)\s*$/;
const ASKS_DATE = /^(va\s+)?(duoc\s+)?(ban hanh|ky)?\s*(vao\s+)?ngay (nao|may)\b|^(and\s+)?(what|which) date\b|^(and\s+)?when\b/;
// ("Kế hoạch … là kế hoạch số mấy, ban hành ngày nào" names its subject before "là": each part is asked of it.)
const asksNumberThenDate = (left: string, right: string): boolean => ASKS_NUMBER.test(folded(left)) && ASKS_DATE.test(folded(right)) && !/\b(la|is|are)\b/.test(folded(left));

/** "…, and which in Huu Lung district?": a second part that is only its wh-word and a place or time phrase. */
const ELLIPTIC = /^(?:and\s+)?(?:which|what|who)\s+((?:in|for|at|under)\s+[^?]+?)\s*\??$/iu;
/** The first part's closing place or time phrase, which an elliptic second part replaces. */
const CLOSING_PHRASE = /\s(?:in|for|at|under)\s[^,]*$/iu;

/** An elliptic second part asked as the first part, of its own place or time ("Which office leads it in Huu Lung district?"). */
function withEllipsis(right: string, left: string): string {
  const phrase = ELLIPTIC.exec(right)?.[1];
  const stem = left.replace(/[?\s]+$/u, '');
  return phrase && CLOSING_PHRASE.test(stem) ? `${stem.replace(CLOSING_PHRASE, ` ${phrase}`)}?` : right;
}

/** An English auxiliary where a wh-question's predicate starts: "which notice | does the plan implement". */
const AUXILIARY = /\b(?:does|do|did|is|are|was|were|has|have|had|must|should|will|can|may)\b/i;

/**
 * "Which directive and which notice does the plan implement?": a first part that is only its wh-phrase takes the
 * second part's predicate ("Which directive does the plan implement?").
 */
function withPredicate(left: string, right: string): string {
  if (!/^(which|what)\b/i.test(left) || !/^(which|what)\b/i.test(right) || AUXILIARY.test(left)) return left;
  const sentence = right.split(/\?\s+/u)[0];
  const predicate = AUXILIARY.exec(sentence);
  return predicate ? `${left} ${sentence.slice(predicate.index).replace(/[?\s]+$/u, '')}` : left;
}

/** "Theo Kế hoạch 980/KH-UBND, …", "Under Decree 09/2025/ND-CP, …": an opening frame that holds for both parts. */
// (Also after sentences telling a case: "A case is complicated … . Under Decree 172/2025/ND-CP, …".)
const FRAME = /(?:^|[.!]\s+)((?:theo|trong|tại|căn cứ|under|in|at|according to)\s[^,.]{3,}?),\s+/iu;
/** "Kế hoạch 980 về phòng thủ dân sự: …": a heading-like frame before a colon. */
const COLON_FRAME = /^([^:?]{3,100}):\s+/u;
/** Where a wh-question's predicate starts ("… cấp tỉnh | do cơ quan nào chủ trì"): what comes before is its subject. */
const PREDICATE = /\s(?:do|là|được|phải|có|sẽ|thuộc|gồm|cần|la|duoc|phai|co|se|thuoc|gom|can)\s/giu;
/** The first of them (`PREDICATE` finds them all). */
const FIRST_PREDICATE = new RegExp(PREDICATE.source, 'iu');
/** A document named by number at the start of a question: a few words, then the number with its code. */
const DOCUMENT_FIRST = /^((?:[\p{L}.]+\s+){1,3}(?:số\s+)?\d+(?:\s*\/\s*[\p{L}\p{N}&-]+)+)/u;
/** A second part that starts with its verb ("… và hoàn thành khi nào?", "…, sẽ tập huấn bao nhiêu người?") has no subject of its own. */
// (A part that is only its asking words, "…, ngày nào?", has no subject either.)
const SUBJECTLESS = /^(?:(?:căn cứ|can cu|dựa (?:vào|trên)|dua (?:vao|tren))\s+(?:theo\s+)?(?:luật|quy định|văn bản|điều|luat|quy dinh|van ban|dieu)\s+(?:nào|nao|gì|gi)\b|(?:ngày|ngay|năm|nam|tháng|thang)\s+(?:nào|nao|mấy|may)\s*\??\s*$|(?:khi nào|khi nao|bao giờ|bao gio|ở đâu|o dau)\s*\??\s*$|(?:sẽ|phải|được|đã|cần|có|do|thì|hoàn thành|hoàn tất|xong|thực hiện|kéo dài|áp dụng|ban hành|ký|se|phai|duoc|da|can|co|thi|hoan thanh|hoan tat|thuc hien|keo dai|ap dung|ban hanh|ky)\s|(?:thời gian|thời hạn|thoi gian|thoi han)\s+(?:khi|là|la|bao)\b)/iu;

/** A second part opening with what a body does ("… phải ngăn chặn … và phối hợp với lực lượng nào"): subjectless when the first part's subject ends at its predicate. */
const OPENS_DOING = /^(?:phối hợp|chủ trì|tham mưu|gửi|nộp|triển khai|phoi hop|chu tri|tham muu|gui|nop|trien khai)\s/iu;
/** A yes-no question's closing "không", and the "có" that opens what it asks ("có được … không"). */
const YES_NO_END = /\s+(?:không|khong)\s*\??\s*$/iu;
const YES_NO_OPENING = /(?<!\p{L})(?:có|co)\s+(?=(?:được|duoc|phải|phai|bị|bi|cần|can)\s)/iu;

/**
 * The second part with what it leaves to the first: the subject of a wh-question when the second part has none
 * ("việc X do ai chủ trì và hoàn thành khi nào" → "việc X hoàn thành khi nào"), else the first part's opening frame;
 * and the places it asks of each of.
 */
function withContext(right: string, left: string, accented: boolean): string {
  return withPlaces(withBody(withFrame(right, left, accented), left), left);
}

/** The body an English question asks about: "the Department of Construction (Sở Xây dựng)", "the Ministry of Finance". */
const ASKED_BODY = /\b(?:the\s+)?((?:Department|Ministry|Office|Committee|Centre|Center)\s+of\s+\p{Lu}[\p{L}&' -]*?(?:\s*\([^()]*\))?)(?=\s+(?:assigned|asked|tasked|required|expected|is|are|do|does|must|should|in|under|to)\b)/u;

/** "…, and what is it asked to do in plan 174?": a later English part's "it" that acts is the body the first part asks about. */
function withBody(part: string, left: string): string {
  const body = ASKED_BODY.exec(left)?.[1];
  const acting = /\b(?:is|does|do|must|should|will)\s+(it)\s+(?:asked|assigned|tasked|required|expected|responsible|do|have|lead|coordinate|handle)\b/.exec(part);
  return body && acting && !ASKED_BODY.test(part) ? `${part.slice(0, acting.index)}${acting[0].replace(/\bit\b/, `the ${body}`)}${part.slice(acting.index + acting[0].length)}` : part;
}

/** "mỗi tỉnh", "từng nơi", "each", "both": a part asking of each of what the first part names. */
const EACH = /(?<!\p{L})(?:mỗi|moi|từng|tung|cả hai|ca hai|each|both)(?!\p{L})/iu;
/** A place's name of two capitalised syllables or more ("Lạng Sơn", "Thừa Thiên Huế"). */
const CAPITALISED_NAME = /(?<!\p{L})\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)+/gu;

/**
 * "… Lạng Sơn or Cao Bằng, and how much did each receive?": a part asking of each of the places the first part
 * names, which it does not repeat, names them after it ("… how much did each receive (Lạng Sơn, Cao Bằng)").
 */
function withPlaces(part: string, left: string): string {
  if (!EACH.test(part)) return part;
  const places = [...left.matchAll(CAPITALISED_NAME)].map((match) => match[0]).filter((name) => opensWithPlace(name) && !part.includes(name));
  return places.length >= 2 ? `${part.replace(/[?\s]+$/u, '')} (${places.join(', ')})?` : part;
}

/** How many words a part says before its first predicate word ("do", "là", "phải" …); 0 when it has none. */
const wordsBeforePredicate = (part: string): number => {
  const predicate = FIRST_PREDICATE.exec(` ${part}`);
  return predicate ? wordCount(part.slice(0, predicate.index)) : 0;
};

/** The second part with the first part's subject or opening frame, when it has none of its own. */
function withFrame(right: string, left: string, accented: boolean): string {
  const firstAsking = (accented ? ASKING_ACCENTED.exec(lower(left)) : ASKING.exec(folded(left)))?.index;
  const cuts = firstAsking === undefined ? [] : [...left.matchAll(PREDICATE)].map((match) => match.index!).filter((index) => index < firstAsking);
  if ((SUBJECTLESS.test(right) || (OPENS_DOING.test(right) && cuts.length > 0)) && firstAsking !== undefined && detectLanguage(left) === 'vi') {
    // Else a document the first part opens with ("Thông tư 111/2025/TT-BTC quy định gì và có hiệu lực khi nào?"),
    // else all it says before asking ("Sở Y tế lập quy chế gì, và xong khi nào?" → "Sở Y tế lập quy chế xong khi nào?").
    const subject = cuts.length > 0 ? left.slice(0, cuts.at(-1)).trim() : (DOCUMENT_FIRST.exec(left)?.[1] ?? left.slice(0, firstAsking).trim());
    if (wordCount(subject) >= 2) return `${subject} ${right}`;
  }
  // "UBND cấp xã có được tự quyết định khen thưởng không, căn cứ theo luật nào?": a yes-no first part says all the second asks about.
  const yesNo = YES_NO_END.exec(left);
  if (SUBJECTLESS.test(right) && yesNo && detectLanguage(left) === 'vi') return `${left.slice(0, yesNo.index).replace(YES_NO_OPENING, '').trim()} ${right}`;
  const frame = FRAME.exec(left)?.[1];
  if (frame && !FRAME.test(right)) return `${frame}, ${right.replace(/^and\s+/iu, '')}`;
  const heading = COLON_FRAME.exec(left)?.[1];
  return heading && !COLON_FRAME.test(right) ? `${heading}: ${right}` : right;
}
