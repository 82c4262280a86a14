import { memoize } from '../memo-cache.js';
import { escapeRegExp } from '../lang/escape-reg-exp.js';
import { foldDiacritics, matchKey, normalizeVietnamese } from '../lang/normalize.js';
import { STOPWORDS } from '../lang/stopwords.js';
import { PARAGRAPHS, markerLength, matchHeadingLevel } from '../structure/grammar.js';
import { detectLanguage } from './detect-language.js';
import { asksInDong, MACHINE_WORDS, type QuestionType } from './question-type.js';
import { isAccented } from './term-stats.js';

// Patterns over folded, lower-cased text: they recognise what kind of fact a passage states.
const EXPLICIT_DATE = /\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b|\bngay \d{1,2} thang \d{1,2}\b/;
/** A date, a month or quarter, a recurring time, or a year a time field or a completion names ("Thời gian thực hiện: năm 2026"). */
const DATE = /\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b|\bngay \d{1,2} thang \d{1,2}\b|\b(thang|quy) \d{1,2}\b|\bquy [ivx]+\b|\bhang (nam|thang|quy)\b|\bdinh ky\b|\bdot xuat\b|\b(?:thoi gian(?: thuc hien| hoan thanh| trien khai)?|hoan thanh|thuc hien xong|trien khai)\s*(?::|trong|truoc|vao|tu|den|trong nam)?\s*(?:(?:nam|giai doan)\s+)?(?:19|20)\d{2}\b|\b(?:\d+ thang (?:dau|cuoi)|cuoi|giua|dau) nam (?:19|20)\d{2}\b/;
/** A document's number with its code, folded: "118/2008/qd-ttg", "321-kh/tu", "151 /kh-ubnd". */
const CODED_NUMBER = String.raw`\d+\s?[-/][\w/.-]*[a-z][\w/.-]*`;
/** A document cited with its date, folded: "so 118/2008/qd-ttg ngay 27/8/2008", "321-kh/tu ngay 11 thang 4 nam 2025", "28-ct/tw, ngay 25/12/2023". */
const CITED_DATE = new RegExp(`${CODED_NUMBER},?\\s+ngay\\s+\\d{1,2}(?:\\s*\\/\\s*\\d{1,2}(?:\\s*\\/\\s*\\d{2,4})?|\\s+thang\\s+\\d{1,2}(?:\\s+nam\\s+\\d{4})?)`, 'g');
const AFTER_CODED_NUMBER = new RegExp(`(${CODED_NUMBER}),?\\s+$`);
/** The document number a text ends with, folded ("118/2008/qd-ttg"): a date right after it is that document's, not a time asked. */
export const numberAtEnd = (text: string): string | null => AFTER_CODED_NUMBER.exec(matchKey(text))?.[1] ?? null;
/** A time given by an event rather than a date: "ngay khi nước rút", "sau khi có Quy chế của Trung ương". */
const EVENT_TIME = /\b(ngay (sau )?khi|sau khi|truoc khi|ngay lap tuc|ngay sau)\b|\btrong (?:vong |thoi han )?\d+ (?:ngay|thang|gio)(?: lam viec)? (?:ke tu|tu|sau)\b/;
/** "… hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành": dated by the day the document itself takes effect. */
const OWN_EFFECT = /\b(?:tu|ke tu) ngay (?:nghi dinh|thong tu(?: lien tich)?|quyet dinh|nghi quyet|luat|phap lenh|chi thi|quy che|quy dinh|ke hoach) nay co hieu luc\b/;

/** A full date, folded: "ngay 26 thang 6 nam 2025", "26/6/2025". */
const FULL_DATE = /\bngay \d{1,2} thang \d{1,2} nam \d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/g;
/** What a date closes when it is the day an act was passed or takes effect: "… thông qua tại kỳ họp thứ 9 ngày", "có hiệu lực thi hành từ ngày". */
const ENACTED_BEFORE = /\b(?:thong qua|hieu luc)\b[^.;]{0,30}$/;
/**
 * Whether every date a passage gives is the day an act was passed or takes effect ("Luật … được Quốc hội thông qua
 * ngày 26 tháng 6 năm 2025, có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026"): no deadline and no day of anything
 * else the act provides for.
 */
export function datesOnlyEnactment(passage: string): boolean {
  const text = foldedLower(passage);
  const dates = [...text.matchAll(FULL_DATE)];
  return dates.length > 0 && dates.every((date) => ENACTED_BEFORE.test(text.slice(Math.max(0, date.index! - 60), date.index)));
}
/** A question asking when an act was passed or takes effect, folded. */
export const asksEnactment = (question: string): boolean => /\b(thong qua|hieu luc|passed|adopted|takes? effect|in force|effective)\b/.test(foldedLower(question));

/** The article a heading opens, read by the document grammar ("Điều 2. Nguyên tắc xử lý kỷ luật" → 2), or null. */
export function articleNumber(heading: string): number | null {
  const match = matchHeadingLevel(heading.replace(/^[\s*_#]+/u, ''));
  return match?.level.id === 'article' ? Number(match.number) : null;
}

/** Whether a passage is dated by the day its own document takes effect, which the document states elsewhere. */
export const datedByOwnEffect = (passage: string): boolean => OWN_EFFECT.test(foldedLower(passage));
/** "Trước ngày", "chậm nhất", "hoàn thành trong năm 2025", "hoàn thành trước quý III/2026": when something is due. */
const DEADLINE = /\btruoc ngay\b|\bthoi han\b|\bhang nam\b|\bdinh ky\b|\bhang quy\b|\bcham nhat\b|\bhoan thanh (?:(?:trong|truoc|vao|ngay|xong)\s+)?(?:nam|quy|thang) (?:\d|[ivx]+\b)/;
const NUMBER = /\d/;
const PERCENT = /\d\s*%|\bphan tram\b/;
/** A text lowered for target cues, leaving out the name of a "Chương trình mục tiêu quốc gia": a kind of programme, not a target. */
const targetText = (text: string): string => normalizeVietnamese(text).toLowerCase().replace(/mục tiêu quốc gia/gu, ' ');
/** "Đạt" (reach) is read with its accents: folded, it is also "đặt" (set) and "đất" (land). */
const REACH = /(?<!\p{L})đạt(?!\p{L})/u;
const namesTarget = (text: string): boolean => REACH.test(text) || /\b(muc tieu|chi tieu|phan dau|toi thieu)/.test(foldDiacritics(text));
// A law is cited by its name and date ("Luật Tổ chức chính quyền địa phương ngày 16/6/2025"), not by number.
const DOCUMENT_REFERENCE =
  /\b(quyet dinh|chi thi|nghi quyet|nghi dinh|thong tu|ke hoach|cong van|chuong trinh|luat|phap lenh|ket luan|thong bao|huong dan)\s+(so\s+)?\d+|\d+\/\d{4}\/|\d+\/(qd|kh|ct|nq|nd|tt|ld)|\d+\/[a-z]{2,4}-[a-z&]{2,}|\d+-[a-z]{2,4}\/[a-z]{2,}|(?<!phap )\b(bo luat|luat|hien phap|phap lenh)\s(?!nay\b)[^;.]{3,120}?\sngay\s+\d/;
/**
 * A law cited by its name alone ("theo quy định của Luật Ngân sách nhà nước, Luật Đầu tư công"): read with its
 * capitals, which tell a law's name from the word "luật" in running text ("pháp luật", "luật này").
 */
const NAMED_LAW = /(?<!\p{L})(?:Bộ luật|Luật) (?!này(?!\p{L}))\p{Lu}/u;
/** A body that can do or be asked of: a department, a committee, "cơ quan … có thẩm quyền", a unit, an enterprise. */
const BODY = /\b(so|phong|uy ban|ubnd|hdnd|trung tam|bao hiem xa hoi|bhxh|bo|mat tran|mttq|cong an|ban|hoi|co quan|don vi|chinh phu|thu tuong|cuc|chi cuc|kho bac|van phong|hoc vien|vien|doanh nghiep)\b/;
// An amount: "6.227.000.000đ", "500.000 đồng", "2 tỷ đồng" — not a list number ("2. Đóng góp…").
const MONEY = /(?<![\d.,])\d+(?:[.,]\d{3})*(?:,\d+)?\s*((trieu|ty|nghin|ngan)\s+)?(dong|d)\b|\bvnd\b/;
// Figures that are not quantities: dates, document numbers, years and periods.
const NOT_A_QUANTITY = /\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b|\d+\s*\/\s*[a-z]|\b(nam|giai doan|tu|den)\s+\d{4}(\s*-\s*\d{4})?\b|\b\d{4}\s*-\s*\d{4}\b|\b(so|ngay|thang|quy)\s+\d+/g;
/** A range of years ("2021 - 2025", "đến năm 2030"); with a year alone ("năm 2025"), what may be a period. */
const YEAR_RANGE = /\b(19|20)\d{2}\s*-\s*(19|20)\d{2}\b|\b(den|toi) nam (19|20)\d{2}\b/;
const PERIOD = new RegExp(`${YEAR_RANGE.source}|\\bnam (19|20)\\d{2}\\b`);
const FROM_TO = /\btu (ngay|thang|nam|quy)\b.{0,40}?\bden (het )?(ngay|thang|nam|quy)\b|\b(19|20)\d{2} (va cac nam tiep theo|tro di)\b/;
const TERM_OF_OFFICE = /\b(nhiem ky|khoa [ivxlc]+)\s*(19|20)\d{2}\s*-\s*(19|20)\d{2}\b/g;
// Where money comes from: a budget, capital ("vốn"), a sponsor, aid, a public-private partnership — or a fund
// ("Quỹ phát triển khoa học và công nghệ"), read accented, since "quy" folded is also "quy định".
const FUNDING = /\bkinh phi\b|\bngan sach\b|\bvon\b|\bxa hoi hoa\b|\bnguon (luc|tai tro)\b|\b(tai tro|vien tro|ppp|doi tac cong tu)\b/;
const FUND = /(?<!\p{L})quỹ(?!\p{L})/iu;

/** Lower-cased, folded and on one line: the form every cue below is written for. */
// Every rule about a passage reads it folded, for every question that retrieves it: folded once.
export const foldedLower = memoize((text: string): string => matchKey(text).replace(/\s+/g, ' '), 20_000);

/** Words that set a bound on a figure: the most or the least ("tối đa 02 tiết", "ít nhất 24 tháng"). */
export const BOUND_WORDS = ['tối đa', 'tối thiểu', 'không quá', 'không vượt quá', 'ít nhất', 'nhiều nhất', 'không dưới'] as const;

/**
 * The day a date question asks for, if it asks for one: "trước ngày nào", "by what date" a time limit's day ('day'),
 * which a yearly rule without one does not give; with "hằng năm", every year's day ('yearly'), which a date that
 * happens once ("31/12/2025") is not; "ngày nào", "what date" a point of the calendar ('calendar'), which "hằng năm"
 * or "định kỳ" alone does not name; "năm nào", "what year" a year ('year').
 */
export type AskedDay = 'day' | 'yearly' | 'calendar' | 'year' | null;
export function askedDay(question: string): AskedDay {
  const folded = foldedLower(question);
  if (/\b(truoc|cham nhat|han chot|han cuoi|den han)( la| vao)? ngay (nao|may|bao nhieu)\b|\bby what (date|day)\b|\bno later than what\b/.test(folded)) {
    return /\b(hang nam|moi nam|annually|every year|each year|yearly)\b/.test(folded) ? 'yearly' : 'day';
  }
  if (/\bngay (nao|may|bao nhieu)\b|\b(what|which) (date|day)\b/.test(folded)) return 'calendar';
  // "Năm nào", "in what year": a year, which "trước ngày 20 hằng tháng" does not name.
  return /\bnam nao\b|\b(what|which) year\b/.test(folded) ? 'year' : null;
}
const CALENDAR = new RegExp(`${EXPLICIT_DATE.source}|\\b(thang|quy) \\d{1,2}\\b`);
/** A date with its year: once, not every year. */
const DATED_ONCE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b|\bngay \d{1,2} thang \d{1,2} nam \d{4}\b/;
const YEARLY = /\b(hang|moi) nam\b|\bdinh ky\b/;

/** Whether the question asks for the date a cited document bears, given the citation ("84/2020/nd-cp ngay 17 thang 7"). */
export type CitedAsked = (citation: string) => boolean;

/**
 * The text without the dates cited documents bear ("Nghị định số 37/2025/NĐ-CP ngày 26/02/2025"): such a date names
 * the document, it is no time limit and no date of any event — unless the question asks when that document was issued.
 */
const ownDates = (text: string, citedAsked: CitedAsked): string => text.replace(CITED_DATE, (citation) => (citedAsked(citation) ? citation : ' '));

/**
 * How well a passage carries the kind of fact a question type asks for: 1 when it clearly does,
 * 0 when it clearly cannot answer, 0.5 when the type gives no signal.
 */
export function typeFit(
  type: QuestionType | 'period' | 'duration',
  passage: string,
  sectionPath: string,
  dates: { citedAsked: CitedAsked; day: AskedDay } = { citedAsked: () => false, day: null },
): number {
  const text = foldedLower(passage);
  const section = foldedLower(sectionPath);
  switch (type) {
    case 'deadline':
    case 'date': {
      const own = ownDates(text, dates.citedAsked);
      // Its date is the document's date of effect, quoted beside it (shape).
      if (OWN_EFFECT.test(own) && !EXPLICIT_DATE.test(own)) return 1;
      // A yearly day is not given by a date that happens once, unless the passage also says it recurs.
      if (dates.day === 'yearly' && DATED_ONCE.test(own) && !YEARLY.test(own)) return 0.1;
      if (dates.day === 'calendar') return CALENDAR.test(own) ? 1 : EVENT_TIME.test(own) ? 0.6 : 0.1;
      if (dates.day === 'year') return /\b(19|20)\d{2}\b/.test(own) ? 1 : 0.1;
      if (dates.day) return EXPLICIT_DATE.test(own) ? 1 : 0.1;
      if (type === 'date') return DATE.test(own) ? 1 : EVENT_TIME.test(own) ? 0.6 : 0.1;
      return EXPLICIT_DATE.test(own) ? 1 : DEADLINE.test(own) || DATE.test(own) || EVENT_TIME.test(own) ? 0.6 : 0.1;
    }
    case 'count':
      return NUMBER.test(text.replace(NOT_A_QUANTITY, ' ')) ? 1 : 0.1;
    case 'percent':
      return PERCENT.test(text) ? 1 : NUMBER.test(text) ? 0.4 : 0.1;
    case 'target':
      return namesTarget(targetText(`${sectionPath} ${passage}`)) ? 1 : PERCENT.test(text) ? 0.7 : NUMBER.test(text.replace(NOT_A_QUANTITY, ' ')) ? 0.3 : 0.1;
    case 'document':
    case 'legal-basis':
      return DOCUMENT_REFERENCE.test(text) || NAMED_LAW.test(passage) ? 1 : 0.1;
    case 'who':
      return BODY.test(text) || BODY.test(section) ? 1 : 0.3;
    case 'period':
      // A span from one time to another, or a range of years (not a term of office: "nhiệm kỳ 2026 - 2031"), is a
      // period; a year alone only may be one.
      return FROM_TO.test(text) || YEAR_RANGE.test(text.replace(TERM_OF_OFFICE, ' ')) ? 1 : PERIOD.test(text) ? 0.6 : 0.1;
    case 'duration':
      return DURATION.test(text) ? 1 : 0.1;
    case 'funding':
      // The section on funding lists the sources; a passing mention of "kinh phí" elsewhere is weaker.
      return FUNDING.test(section) ? 1 : FUNDING.test(text) || FUND.test(passage.normalize('NFC')) || MONEY.test(text) ? 0.7 : 0.1;
    default:
      return 0.5;
  }
}

/** "(Theo đề nghị của …;) Bộ trưởng Bộ Tài chính ban hành Thông tư quy định …": a legal document's enacting formula. */
const ENACTING_FORMULA =
  /^\W*(?:theo de nghi cua [^;]*;\s*)?(?:bo truong|thu tuong|chinh phu|uy ban nhan dan|ubnd|thong doc|chu tich|hoi dong nhan dan)\b[^.;]{0,150}?\bban hanh (?:nghi dinh|thong tu(?: lien tich)?|quyet dinh|nghi quyet|chi thi)\b/;
/** "1. Thông tư này quy định …": its statement of scope. */
const SCOPE_STATEMENT = /^\W*(?:\d+\.\s*)?(?:nghi dinh|thong tu(?: lien tich)?|quyet dinh|nghi quyet|quy che|quy dinh|luat) nay quy dinh\b/;

/**
 * Where a legal document restates what it is about — its enacting formula ("Bộ trưởng Bộ Tài chính ban hành Thông tư
 * quy định mức thu … phí thẩm định …") or its statement of scope ("1. Thông tư này quy định mức thu, chế độ thu, nộp
 * phí …") — it holds the words of any question on it, and says only who enacts it and what it governs.
 */
export const restatesSubject = (text: string): boolean => {
  const folded = foldedLower(text.replace(/[*_]/g, ' '));
  return ENACTING_FORMULA.test(folded) || SCOPE_STATEMENT.test(folded);
};

/** A document's dateline, "Hà Nội, ngày 29 tháng 11 năm 2025": the day it was signed, read as a document fact, never as evidence. */
export const isDateline = (text: string): boolean =>
  /^[^a-z0-9]*[a-z][a-z .-]{1,40}, ngay\s+(?:(?:\d{1,2}|\.+)\s+)?thang\s+(?:(?:\d{1,2}|\.+)\s+)?nam\s+\d{4}[^a-z0-9]*$/.test(foldedLower(text.replace(/[*_|]/g, ' ')).trim());

/** A title line set in capitals, no figure in it: "QUY CHẾ", "TIẾP NHẬN, XỬ LÝ PHẢN ÁNH KIẾN NGHỊ TRÊN ỨNG DỤNG". */
export const isCapitalTitle = (text: string): boolean => {
  const plain = text.replace(/[*_#]/g, '').trim();
  return plain.length <= 300 && !/[\d|]/u.test(plain) && /\p{Lu}{2}/u.test(plain) && !/\p{Ll}/u.test(plain);
};

/** Whether a text refers to another document by number ("Quyết định số 1942/QĐ-TTg", "Kế hoạch số 02/KH-UBND"). */
export const citesDocument = (text: string): boolean => DOCUMENT_REFERENCE.test(foldedLower(text));

// A particular body named in a question: "Sở Y tế", "phòng Tài chính", "UBND xã" — but not "cơ sở y tế".
const BODY_MENTION =
  /(?<!co |[-/])\b(so (y te|lao dong|tai chinh|ke hoach|noi vu|giao duc|van hoa|thong tin|tu phap|khoa hoc|nong nghiep|tai nguyen|xay dung|cong thuong|giao thong|ngoai vu|ldtbxh|khdt|gd&dt|gddt|kh&cn|khcn|nn&ptnt|nn&mt|tn&mt|vhttdl|tt&tt|gtvt)|phong (lao dong|tai chinh|y te|van hoa|giao duc|noi vu|ldtbxh|gd&dt)|ubnd|uy ban|trung tam [a-z]+|bao hiem xa hoi|bhxh|van phong|mat tran|mttq|hoi (nguoi|cuu|chu thap|lien hiep|phu nu|nong dan)|cong an|buu dien|kho bac|ngan hang (nha nuoc|chinh sach)|bo chi huy|bo doi bien phong|dai phat thanh|department|committee|centre|center|social security|front)\b/;
/** Short forms of bodies' names, read as their long forms wherever a body is named. */
const BODY_SHORT_FORMS: readonly [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban'],
  [/\bldtbxh\b/g, 'lao dong'],
  [/\bkhdt\b/g, 'ke hoach'],
  [/\bbhxh\b/g, 'bao hiem xa hoi'],
  [/\bmttq\b/g, 'mat tran'],
  [/\bgd&?dt\b/g, 'giao duc'],
  [/\bkh&?cn\b/g, 'khoa hoc'],
  [/\bnn&(ptnt|mt)\b/g, 'nong nghiep'],
  [/\btn&mt\b/g, 'tai nguyen'],
  [/\bvhttdl\b/g, 'van hoa'],
  [/\btt&tt\b/g, 'thong tin'],
  [/\bgtvt\b/g, 'giao thong'],
];
const longForms = (text: string): string => BODY_SHORT_FORMS.reduce((form, [short, long]) => form.replace(short, long), foldedLower(text));

/** Whether a text names a particular body, in Vietnamese or English. */
/** A text as bodies are found in it: folded, but "số" (a number, "kinh tế số") is no "Sở" where the text is accented. */
const bodyText = (text: string): string => foldedLower(text.replace(/(?<!\p{L})số(?!\p{L})/giu, ' # '));
export const namesParticularBody = (text: string): boolean => BODY_MENTION.test(bodyText(text));
const BODY_MENTIONS = new RegExp(BODY_MENTION.source, 'g');
/** English words for a body ("department", "committee"): never in a Vietnamese heading, so they name no particular one. */
const ENGLISH_BODY = /^(department|committee|centre|center|social security|front)$/;
/** The particular bodies a text names, in long form ("so noi vu", "uy ban"). */
export const particularBodies = (text: string): string[] =>
  [...bodyText(text).matchAll(BODY_MENTIONS)].map((match) => longForms(match[0])).filter((body) => !ENGLISH_BODY.test(body));

/**
 * The body a question makes the actor: the first it names that is not the issuer, the recipient or a partner
 * ("của UBND tỉnh", "cho Sở LĐTBXH", "với Sở Y tế"): "UBND các huyện … phải gửi báo cáo cho Sở LĐTBXH" → "uy ban".
 */
export const actingBody = (text: string): string | null => {
  const folded = bodyText(text);
  const match = [...folded.matchAll(BODY_MENTIONS)].find((found) => !/\b(cua|cho|ve|voi|den|toi|theo|tu)\s+(cac\s+)?$/.test(folded.slice(0, found.index)));
  return match ? longForms(match[0]) : null;
};

/** Whether a heading names one of the bodies: "5. Sở Nội vụ" names "so noi vu"; a heading for "Sở Kế hoạch và Đầu tư" does not. */
export const headingNamesBody = (heading: string, bodies: readonly string[]): boolean => isBodyHeading(heading) && bodies.some((body) => longForms(heading).includes(body));

// A heading that is a body's name: "2. Sở Y tế", "8. Đề nghị Bảo hiểm xã hội tỉnh", "9. UBND các phường, xã", or a legal
// document's "Điều 9. Trách nhiệm của Ủy ban nhân dân cấp tỉnh", "b) Nhiệm vụ, quyền hạn của Sở Tư pháp".
const BODY_HEADING = /^(de nghi\s+|(?:trach nhiem|nhiem vu(?:,? (?:va )?quyen han)?) cua (?:cac\s+)?)?(so|phong|uy ban|ubnd|trung tam|bao hiem xa hoi|bhxh|van phong|hoi|mat tran|mttq|cac (co quan|co so|so|phong|don vi|phong ban)|ban|bo|cong an|dai|ngan hang (?:nha nuoc|chinh sach)|kho bac|buu dien)\b/;
/** The heading's marker ("2.", "a)", "Điều 9.") is the grammar's; what follows it names the body. */
export const isBodyHeading = (title: string): boolean => BODY_HEADING.test(foldedLower(title.slice(markerLength(title)).trim()));

/**
 * How a text says who leads: "chủ trì", "cơ quan đầu mối", "chịu trách nhiệm chính", a task card's "Cơ quan thực hiện:
 * …", or who a council's chair or a board's head is ("Chủ tịch Hội đồng là …", "Trưởng ban").
 */
const LEADS = /\bchu tri\b|\bdau moi\b|\bchiu trach nhiem chinh\b|\b(co quan|don vi) thuc hien\b|\bchu tich hoi dong\b|\btruong ban\b|\bleads?\b/;
export const saysWhoLeads = (text: string): boolean => LEADS.test(foldedLower(text));
/** The most a task's own section runs: "c) Hoạt động 3 — Nội dung: … — Cơ quan thực hiện: Sở … chủ trì". */
const MAX_TASK_SECTION_CHARS = 1_600;
/**
 * Of a passage that is part of a task whose own small section says who leads it ("- Nội dung: Tuyên truyền …", then
 * "- Cơ quan thực hiện: + Sở Văn hóa và Thể thao chủ trì"), the span of that line after it; null for any other.
 */
export function taskLeadLine(item: { end: number; section: readonly string[]; chunk: { start: number; section: readonly string[]; text: string } }): { start: number; end: number } | null {
  const { chunk } = item;
  if (item.section.length === 0 || chunk.section.at(-1) !== item.section.at(-1) || chunk.text.length > MAX_TASK_SECTION_CHARS) return null;
  const from = Math.max(0, item.end - chunk.start);
  // The paragraphs after the passage in its section: blank lines or list markers start them.
  for (const match of chunk.text.slice(from).matchAll(PARAGRAPHS)) {
    const paragraph = match[0].trimEnd();
    if (!saysWhoLeads(paragraph) || namedBody(paragraph.replace(/^[\s*_]*[-–•+]\s*/u, '')) === null) continue;
    const start = chunk.start + from + match.index!;
    return { start, end: start + paragraph.length };
  }
  return null;
}

/**
 * "Cơ quan nào chủ trì …", "which agency leads …": the question asks which body acts — not who benefits, nor the
 * recipient of a body it names ("UBND huyện báo cáo cho ai"), nor the partners ("cơ quan phối hợp"), nor a
 * person ("Trưởng ban là ai", "ai giữ chức …").
 */
export const asksActingBody = (question: string): boolean =>
  asksWhichBody(question) &&
  !asksBeneficiaries(question) &&
  !namesParticularBody(question) &&
  !/\b(?:voi|cho|ve|den|toi|gui|nop) (?:nhung |cac )?(?:ai|(?:co quan|don vi|so|bo|ben) nao)\b|\bphoi hop\b|\bla ai\b|\bgiu chuc\b|\bwho (?:is|was)\b|\b(?:to|with|from) whom\b|\b(?:report|send|submit|work)s? (?:\w+ ){0,3}?(?:to|with)\b|\b(?:coordinat|cooperat|partner|assist|support)/.test(foldedLower(question));

/** What may open a body's name before what it does: "Đề nghị Bảo hiểm xã hội tỉnh", "Trách nhiệm của Sở Tư pháp". */
const BODY_PREFIX = /^(?:de nghi|(?:trach nhiem|nhiem vu(?:,? (?:va )?quyen han)?) cua)\s+/;
/** The longest a body's name runs. */
const MAX_BODY_CHARS = 120;

/**
 * The body a passage names as the one acting, as the passage writes it: the cell of a table row that is a body's
 * name ("4 | Ứng dụng công nghệ số … | Sở Văn hoá Thể thao du lịch | …"), the body heading the passage opens with
 * ("7. Sở Nội vụ: Chủ trì …"), the subject of its duty ("Công an tỉnh chủ trì …") or its line in charge ("Đơn vị chủ
 * trì: Sở Y tế"); null when it names none so.
 */
export function namedBody(text: string): string | null {
  const line = text.replace(/\s+/g, ' ').trim();
  const folded = foldedLower(line);
  if (folded.length !== line.length) return null;
  const spanOf = (start: number, end: number): string => {
    const prefix = BODY_PREFIX.exec(folded.slice(start))?.[0].length ?? 0;
    return line.slice(start + prefix, end).replace(/^[\s*_]+|[\s*_:.,;–-]+$/gu, '');
  };
  // A name is capitalised, and so is the word after a head that is a common word too ("Số lượng", "Bổ sung", "Ban
  // hành", "Hội nghị", "Phòng, chống" are none).
  const isName = (start: number, end: number): boolean => {
    if (end - start > MAX_BODY_CHARS || !BODY_HEADING.test(folded.slice(start, end).trim())) return false;
    const name = spanOf(start, end);
    const head = /^(so|bo|ban|hoi|dai|phong|trung tam|van phong) (\S)/.exec(foldedLower(name));
    return /^\p{Lu}/u.test(name) && (!head || /\p{Lu}|\d/u.test(name.charAt(head[0].length - 1)));
  };
  if (line.includes('|')) {
    let start = 0;
    for (const cell of line.split('|')) {
      const lead = cell.length - cell.trimStart().length;
      if (isName(start + lead, start + cell.trimEnd().length)) return spanOf(start + lead, start + cell.trimEnd().length);
      start += cell.length + 1;
    }
    return null;
  }
  const opening = /^[\s*_]*/u.exec(line)![0].length;
  const start = opening + markerLength(line.slice(opening));
  const from = start + (/^[\s*_]*/u.exec(line.slice(start))![0].length);
  const heading = /^[^:.;]{2,120}?(?=[\s*_]*:)/u.exec(folded.slice(from));
  if (heading && isName(from, from + heading[0].length)) return spanOf(from, from + heading[0].length);
  // A heading quoted on its own: "9. Ủy ban nhân dân các huyện, thị xã, thành phố".
  const whole = spanOf(from, line.length);
  if (!/[:;.]/u.test(whole) && whole.split(' ').length <= 12 && !/\b(?:chu tri|phoi hop|voi|trach nhiem|nhiem vu|thuc hien)\b/.test(foldedLower(whole)) && isName(from, line.length)) return whole;
  const subject = DUTY_CLAUSE.exec(folded.slice(from))?.[1];
  if (subject !== undefined && isName(from, from + subject.length) && !/\b(?:voi|cho|cung|phoi hop)\b/.test(subject)) return spanOf(from, from + subject.length);
  const inCharge = /\b(?:don vi|co quan) chu tri(?: thuc hien)?\s*[*_]*:\s*[*_]*/.exec(folded);
  if (inCharge) {
    const at = inCharge.index + inCharge[0].length;
    const end = at + (/^[^;.|(]*/.exec(folded.slice(at))![0].trimEnd().length);
    if (isName(at, end)) return spanOf(at, end);
  }
  return null;
}

/**
 * "1. Bộ trưởng Bộ Công an có trách nhiệm …": a clause that opens with a body and its duty is that body's, whatever
 * heading it sits under; with no body given, any body's.
 */
const DUTY = String.raw`(?:(?:co|chiu) trach nhiem|co nhiem vu|chu tri)\b`;
const DUTY_CLAUSE = new RegExp(String.raw`^([^.]{2,120}?)\s${DUTY}`);
/** "Cơ quan thực hiện:", "Đơn vị chủ trì:": an item's field naming who carries it out, read as its clause's opening. */
const ACTOR_LABEL = /^(?:co quan|don vi)(?:, (?:co quan|don vi))? (?:thuc hien|chu tri)[\s*_]*:[\s*_]*/;
export const opensWithDutyOf = (text: string, bodies: readonly string[]): boolean => {
  const clause = foldedLower(text.slice(markerLength(text)).replace(/^[\s*_]+/u, '').trim()).replace(ACTOR_LABEL, '');
  const subject = DUTY_CLAUSE.exec(clause)?.[1];
  // "Các đơn vị phối hợp với Sở Y tế chịu trách nhiệm …" is not the Sở Y tế's duty.
  if (subject !== undefined && isBodyHeading(subject) && !/\b(?:voi|cho|cung|phoi hop)\b/.test(subject) && (bodies.length === 0 || bodies.some((body) => longForms(subject).includes(body)))) return true;
  // "Điều 2. Ủy ban nhân dân các tỉnh … căn cứ tình hình thực tế để quyết định …; đồng thời, chịu trách nhiệm …",
  // "- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân …": the body the clause opens with is the
  // subject of what its sentence says it does.
  const opening = BODY_MENTION.exec(clause);
  return opening?.index === 0 && bodies.some((body) => longForms(opening[0]).includes(body));
};

/**
 * "vai trò chủ trì, chủ công, nòng cốt của lực lượng Công an", "trách nhiệm của Sở Y tế": a role said to be a body's.
 * (Not "chức năng, nhiệm vụ … của Sở Xây dựng", the title of the act that sets them.)
 */
const ROLE_OF = /\b(?:vai tro|trach nhiem)\b[^.;:]{0,60}?\bcua (?:cac )?(?:luc luong )?/g;

/**
 * Whether a passage says, anywhere in it, what role or duty one of the bodies asked about has: a question on a body's
 * role is answered by "… xác định rõ vai trò chủ trì, chủ công, nòng cốt của lực lượng Công an tham mưu …" whatever
 * the section is headed.
 */
export const namesRoleOf = (text: string, bodies: readonly string[]): boolean => {
  const folded = foldedLower(text);
  return [...folded.matchAll(ROLE_OF)].some((match) => {
    const named = BODY_MENTION.exec(folded.slice(match.index + match[0].length));
    return named?.index === 0 && bodies.some((body) => longForms(named[0]).includes(body));
  });
};

/** A table column naming the body in charge: "Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan chủ trì theo dõi, đánh giá". */
const IN_CHARGE = /\bchu tri\b/;
const cellsOf = (row: string): string[] => row.split('|').map((cell) => cell.trim());
/**
 * Whether a table row gives the task or the figure to one of the bodies in its header's column of the one in charge
 * ("… | % | 100% | Văn phòng Chính phủ" under "… | Cơ quan chủ trì theo dõi, đánh giá"); a row whose cells do not line
 * up with the header, anywhere in it. No header with such a column, no such row.
 */
export const rowInChargeOf = (row: string, header: string | undefined, bodies: readonly string[]): boolean => {
  if (!header || bodies.length === 0) return false;
  const columns = cellsOf(header);
  const column = columns.findIndex((cell) => IN_CHARGE.test(foldedLower(cell)));
  if (column < 0) return false;
  const cells = cellsOf(row);
  return particularBodies(cells.length === columns.length ? cells[column] : row).some((body) => bodies.includes(body));
};

/** Years a text names ("đến năm 2030", "2021 - 2025" gives 2021 and 2025). */
export const yearsIn = (text: string): number[] => [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((match) => Number(match[0]));

/** The year inside a document number ("05/2025/TT-BGDĐT"): it names a document, not a time. */
const NUMBER_YEAR = /\d+\s*\/\s*(19|20)\d{2}\s*\//g;

/** Years a question asks about, those of document numbers left out. */
export const askedYears = (question: string): number[] => yearsIn(question.replace(NUMBER_YEAR, ' '));

/**
 * Whether a passage speaks of other years than those asked: "Năm 2025 đạt 60%" does not answer a question about
 * 2030, nor does a passage naming no year under "Định hướng đến năm 2035". A passage that names no year under
 * headings that name none, or under a heading whose years hold an asked year, is not ruled out.
 */
export function statesOtherYears(text: string, section: readonly string[], asked: readonly number[]): boolean {
  const bySection = sectionYears(section, asked);
  if (asked.length === 0 || bySection === 'match') return false;
  const times = timesIn(text);
  if (!namesTimes(times)) return bySection === 'mismatch';
  return !asked.some((year) => holdsYear(times, year));
}

/**
 * Whether a figure that names no year, under headings naming none, is by its document's title for other years than
 * those asked: a plan "… đến năm 2030" sets no target for 2027, and a circular on the programmes of 2021 - 2025
 * gives no amount for 2026 - 2030. A target is for the end of its document's span; another figure for any year in it.
 */
export function titleOtherYears(text: string, section: readonly string[], title: string, asked: readonly number[], target: boolean): boolean {
  if (asked.length === 0 || namesTimes(timesIn(text)) || sectionYears(section, asked) !== 'neutral') return false;
  const times = timesIn(title);
  // A target that no text around it dates is for no year asked.
  if (!namesTimes(times)) return target;
  return !asked.some((year) => holdsYear(times, year, target));
}

/**
 * Whether a passage, its headings or its document (title, year of issue) speak of a year asked: over the whole
 * collection, "Who won the 2022 World Cup?" is not answered by a page on football in other years.
 */
export function holdsAskedYear(text: string, section: readonly string[], title: string, issuedDate: string | undefined, asked: readonly number[]): boolean {
  const times = timesIn(`${section.join(' ')} ${text} ${title}`);
  return asked.some((year) => holdsYear(times, year) || issuedDate?.startsWith(String(year)));
}

const SPAN = /\b((?:19|20)\d{2})\s*(?:-|–|den|toi)\s*(?:(?:het\s+)?nam\s+)?((?:19|20)\d{2})\b/g;
interface Times {
  spans: [number, number][];
  points: number[];
}

/** The times a text sets: spans of years ("giai đoạn 2026 - 2030") and single years ("đến năm 2035", "năm 2025"). */
function timesIn(text: string): Times {
  const folded = foldedLower(text).replace(NUMBER_YEAR, ' ');
  const spans = [...folded.matchAll(SPAN)].map((match): [number, number] => [Number(match[1]), Number(match[2])]);
  const points = yearsIn(folded.replace(SPAN, ' '));
  return { spans, points };
}

/**
 * "Mục tiêu đến năm 2030" sits under "b) Giai đoạn 2026 - 2030", not under "a) Giai đoạn 2021 - 2025", a review
 * of 2016 - 2020 or "Định hướng đến năm 2035": 'match' when a heading's years hold an asked year, 'mismatch' when
 * they hold none, 'neutral' when no heading states years (or the question names none).
 */
export function sectionYears(section: readonly string[], askedYears: readonly number[]): 'match' | 'mismatch' | 'neutral' {
  if (askedYears.length === 0) return 'neutral';
  const times = timesIn(section.join('\n'));
  if (!namesTimes(times)) return 'neutral';
  return askedYears.some((year) => holdsYear(times, year)) ? 'match' : 'mismatch';
}

const namesTimes = ({ spans, points }: Times): boolean => spans.length > 0 || points.length > 0;
/** Whether a text's times hold a year: one it names, or one inside a span of it (for a target, the span's end). */
const holdsYear = ({ spans, points }: Times, year: number, target = false): boolean =>
  points.includes(year) || spans.some(([from, to]) => (target ? year === to : year >= from && year <= to));

/**
 * Whether a document is of other years than a question names (`asked`, as `askedYears` reads them): "kế hoạch … năm
 * 2018 số mấy" is not about a plan issued in 2022 whose title names 2022 - 2025.
 */
export function documentOfOtherYears(asked: readonly number[], title: string, issuedDate: string | undefined): boolean {
  if (asked.length === 0) return false;
  const times = timesIn(title);
  const issued = issuedDate ? Number(issuedDate.slice(0, 4)) : null;
  return !asked.some((year) => year === issued || holdsYear(times, year));
}

/** "Kế hoạch gồm những phần nào?", "nhiệm vụ, giải pháp gồm những nhóm nào?", "what are the main tasks": answered from the outline. */
export const asksStructure = (question: string): boolean => {
  const found = /\b(gom|co) (nhung|cac|may|bao nhieu) (phan|muc(?! tieu)|nhom|noi dung chinh|nhiem vu|giai phap|linh vuc)\b|\b(bo cuc|cau truc|muc luc)\b|\bnhung (phan|muc|nhom) nao\b|\bwhat (are|were) the (main |key )?(parts|sections|chapters|components|tasks and solutions|groups of tasks)\b|\b(structure|outline) of\b|\bwhat does (the|this) plan (cover|contain)\b/.exec(foldedLower(question));
  // "… có những nhiệm vụ nào đến năm 2026 mới bắt đầu": the items of one time, which its outline does not tell.
  return found !== null && !TIME_BOUND.test(foldedLower(question).slice(found.index + found[0].length));
};
/** A year or a day bounding what is asked: "đến năm 2026", "trong năm 2025", "trước ngày 15", "by 2030". */
const TIME_BOUND = /\b(nam|by|in|until|before) (19|20)\d\d\b|\b(truoc|sau|den) ngay\b|\bthang \d/;

/** "Kế hoạch nào…", "những địa phương nào…", "which plans…": the question asks which of the plans, not which legal document. */
export const asksWhichPlan = (question: string): boolean =>
  /^\s*(nhung |cac )?(ke hoach|dia phuong|noi|tinh|huyen|thanh pho) nao\b|\bwhich (plans?|localit(y|ies)|provinces?|places?)\b/.test(foldedLower(question));

/** "Giai đoạn nào", "thời gian thực hiện", "what period": the answer is a span of years. */
export const asksPeriod = (question: string): boolean =>
  /\bgiai doan nao\b|\bthoi gian (thuc hien|nao)\b|\bthoi ky nao\b|\b(tu|den) nam nao\b|\btu (khi nao|bao gio|luc nao|thang nao) den (khi nao|bao gio|luc nao|thang nao)\b|\b(what|which) (period|years)\b|\btime ?frame\b|\bfrom when\b/.test(foldedLower(question));

/** "Trong bao lâu", "mấy tháng", "how long", "within how many days": the answer is a length of time. */
// ("Bao lâu một lần", "định kỳ bao lâu" ask how often, not how long.)
export const asksDuration = (question: string): boolean =>
  /(?<!\bdinh ky )\b(trong )?bao lau\b(?! (mot|1) lan)|(?<!\bdinh ky )\b(may|bao nhieu) (ngay|thang|nam|gio|tuan)\b|\bhow long\b|\bhow many (days|months|years|hours|weeks)\b/.test(foldedLower(question));

const ENGLISH_TIME_UNITS: Readonly<Record<string, string>> = { day: 'ngay', month: 'thang', year: 'nam', hour: 'gio', week: 'tuan' };

/** "Trong bao nhiêu năm", "mấy tháng", "how many days": the unit a length of time is asked in ("bao lâu" names none). */
export const askedDurationUnit = (question: string): string | null => {
  const found = /\b(?:may|bao nhieu) (ngay|thang|nam|gio|tuan)\b|\bhow many (day|month|year|hour|week)s?\b/.exec(foldedLower(question));
  return found ? (found[1] ?? ENGLISH_TIME_UNITS[found[2]]) : null;
};

/** A length of time in one unit, as `DURATION` reads any: built once per unit, not per passage. */
const durationIn = memoize((unit: string): RegExp => new RegExp(`\\b\\d+\\s*${unit}\\b(?!\\s*\\d)`), 100);

/** Whether a passage states a length of time in `unit` (folded): "05 năm", "07 ngày làm việc". */
export const statesDurationIn = (unit: string, passage: string): boolean => durationIn(unit).test(foldedLower(passage));

/**
 * Whether a passage lists other cases of what a phrase of the question names, and not that case: "tuyến đường biển,
 * đường hàng không" for "tuyến đường bộ" — two phrases or more opening with the same word as one the question uses,
 * side by side in an enumeration, where the question's phrase is not.
 * `asked` are the question's two-word phrases, `held` the passage's terms (in the same form: folded or not).
 */
export function listsOtherCases(asked: readonly string[], held: ReadonlySet<string>, passage: string): boolean {
  const text = foldedLower(passage);
  const pairs = [...held].filter((term) => term.split(' ').length === 2);
  // "đường biển, đường hàng không": one right after the other, a comma, "và" or "hoặc" between them.
  const follows = (one: string, two: string): boolean => new RegExp(`${escapeRegExp(foldedLower(one))}[^.;:]{0,60}?(?:,|\\bva\\b|\\bhoac\\b)\\s*(?:[^.;:,]{0,20}\\s)?${escapeRegExp(foldedLower(two))}`).test(text);
  return asked.some((phrase) => {
    if (held.has(phrase)) return false;
    const [head, tail] = phrase.split(' ');
    const others = pairs.filter((pair) => {
      const [first, second] = pair.split(' ');
      return first === head && second !== tail && /\p{L}/u.test(second) && !STOPWORDS.has(second) && !asked.includes(pair);
    });
    return others.filter((one) => others.some((two) => two !== one && (follows(one, two) || follows(two, one)))).length >= 2;
  });
}

/**
 * Whether a passage states its figures only in other clauses than the one saying what the question asks about:
 * "Phấn đấu 100% cơ sở cai nghiện công lập …; trên 70% xã, phường …; đảm bảo công tác cai nghiện tự nguyện tại gia
 * đình, cộng đồng đạt hiệu quả" gives no share for "bao nhiêu phần trăm … cai nghiện tự nguyện tại gia đình". Clauses
 * part at ";". `termsOf` gives a clause's terms, `weights` the question's, `states` whether a clause states a figure
 * asked. What two clauses share ("cai nghiện ma túy") tells them apart no more than it ties either to the question.
 */
export function figureInOtherClause(passage: string, termsOf: (clause: string) => ReadonlySet<string>, weights: ReadonlyMap<string, number>, states: (clause: string) => boolean): boolean {
  const clauses = passage.split(/;\s*/u).filter((clause) => /\p{L}{2}/u.test(clause));
  if (clauses.length < 2) return false;
  const terms = clauses.map(termsOf);
  const weightOf = (own: ReadonlySet<string>, other: ReadonlySet<string>) => [...weights].reduce((sum, [term, weight]) => sum + (own.has(term) && !other.has(term) ? weight : 0), 0);
  const stating = clauses.flatMap((clause, index) => (states(clause) ? [index] : []));
  if (stating.length === 0 || stating.length === clauses.length) return false;
  // "Công an tỉnh; Sở Tài chính; … mỗi đơn vị đề nghị không quá 01 tập thể": short items share the clause after them.
  return clauses.some((clause, best) => !stating.includes(best) && clause.trim().split(/\s+/u).length >= MIN_CLAUSE_WORDS && stating.every((index) => weightOf(terms[index], terms[best]) < OTHER_CLAUSE_SHARE * weightOf(terms[best], terms[index])));
}
/**
 * The clause of a sentence setting one value per case that gives the value of the case asked: "Giáo viên trường phổ
 * thông dân tộc bán trú tiểu học là 21 tiết, giáo viên trường … nội trú trung học cơ sở là 17 tiết, …" read for
 * "trường … nội trú cấp THCS". Clauses part at "," or ";" after any head ending in ":"; those stating a value
 * (`states`) are the cases when there are two or more and most of each one's words are shared by all of them (cases
 * of one thing, not a value and its cap). The question names a case by its own pairs of words that some case holds
 * and not all; the clause holding every one of them answers. `undefined` when the passage sets no such values, the
 * question names no case or asks several ("… thạc sĩ và … tiến sĩ lần lượt đạt bao nhiêu", "trưởng phòng hoặc phó
 * trưởng phòng"), null when no clause is of the case asked.
 */
export function caseClause(passage: string, termsOf: (clause: string) => ReadonlySet<string>, question: string, states: (clause: string) => boolean): string | null | undefined {
  // (The head a list of cases follows, "Định mức … như sau: giáo viên …", is none of them.)
  const colon = passage.indexOf(':');
  const separator = passage.search(CASE_SEPARATOR);
  const cases = passage.slice(colon >= 0 && colon < separator ? colon + 1 : 0).split(CASE_SEPARATOR).filter(states);
  if (cases.length < 2) return undefined;
  const terms = cases.map(termsOf);
  const shared = new Set([...terms[0]].filter((term) => terms.every((own) => own.has(term))));
  // (Counted in words: the pairs of words and the figures around each value differ from case to case.)
  const words = (own: ReadonlySet<string>) => [...own].filter((term) => !term.includes(' ') && /^\p{L}+$/u.test(term));
  if (terms.some((own) => words(own).length === 0 || words(own).filter((term) => shared.has(term)).length < CASE_SHARED_SHARE * words(own).length)) return undefined;
  // (Named in pairs of words: "trung" of "trung bình" names no "trung học".)
  const named = [...termsOf(question)].filter((term) => term.includes(' ') && !shared.has(term) && terms.some((own) => own.has(term)));
  if (named.length === 0) return undefined;
  const answering = cases.find((_, index) => named.every((term) => terms[index].has(term)));
  if (answering !== undefined) return answering;
  // Two cases the question joins with "và", "hoặc" or a comma are both asked.
  const only = terms.map((own, index) => named.filter((term) => own.has(term) && !terms.some((other, at) => at !== index && other.has(term))));
  const text = foldedLower(question);
  const joined = (one: string, two: string) => new RegExp(`${escapeRegExp(foldedLower(one))}[^.?;]{0,80}?(?:,|\\b(?:va|hoac|and|or)\\b)[^.?;]{0,80}?${escapeRegExp(foldedLower(two))}`).test(text);
  const several = RESPECTIVELY.test(text) || only.some((mine, index) => only.some((theirs, at) => at !== index && mine.some((one) => theirs.some((two) => joined(one, two)))));
  return several ? undefined : null;
}
/** What parts the cases of one sentence: "…, giáo viên …", "…; …". */
const CASE_SEPARATOR = /[,;]\s+/u;
/** "Lần lượt", "respectively": a question asking the values of several cases in turn, folded. */
const RESPECTIVELY = /\b(lan luot|respectively)\b/;
/** Clauses are cases of one thing when each shares this much of its terms with all the others. */
const CASE_SHARED_SHARE = 0.5;

/** A clause stating a figure is about something else when what only it holds of the question weighs less than this share of what only the other holds. */
const OTHER_CLAUSE_SHARE = 0.5;
const MIN_CLAUSE_WORDS = 6;

/** "12 tháng", "24 giờ", "05 ngày làm việc": a length of time — not the day and month of a date ("ngày 24 tháng 07"). */
const DURATION = /\b\d+\s*(ngay|thang|nam|gio|tuan|days?|months?|years?|hours?|weeks?)\b(?!\s*\d)/;

/** "Lấy tiền ở đâu", "nguồn kinh phí", "how is it funded": the answer is the plan's funding sources. */
export const asksFunding = (question: string): boolean =>
  /\b(lay tien|tien (o|tu) dau|nguon (tien|kinh phi|von)|(tien|kinh phi|von)\b.*\b(tu|o) (dau|nguon nao)|(tien|kinh phi|von)\b.*\b(nhung|cac) nguon|funded|funding|budget|who pays|paid for|source of (money|funds))\b/.test(foldedLower(question));

/** "Chủ trì những hoạt động nào", "được giao phụ trách việc gì": the tasks a body leads, the body given. */
export const asksLedTasks = (question: string): boolean =>
  /\b(?:chu tri|phu trach|duoc giao)(?: (?:thuc hien|lam))? (?:(?:nhung|cac) )?(?:nhom )?(?:nhiem vu|hoat dong|viec|cong viec|noi dung|linh vuc) (?:gi|nao)\b/.test(foldedLower(question));

/** "Nhiệm vụ gì", "làm gì", "làm những việc gì", "nhiệm vụ giao cho …", "what does … do": the answer is a body's list of duties. */
export const asksDuties = (question: string): boolean =>
  /\bnhiem vu gi\b|\bnhiem vu (?:duoc )?giao cho\b|\blam (?:nhung |cac )?(?:viec|cong viec) (?:gi|nao)\b|\bnhiem vu cua\b|\b(?:is|are) tasked with\b|\blam gi\b|\btrach nhiem gi\b|\bvai tro (chinh )?(gi|nhu the nao|the nao)\b|\bso sanh vai tro\b|\bwhat role\b|\bduoc giao (chu tri )?(nhung |cac )?(viec|cong viec)? ?(gi|nao)\b|\bde nghi lam gi\b|\bwhat (does|do|must|should) .+ do\b|\bwhat (is|are) .+ (assigned|asked|tasked|required|expected) to do\b|\bwhat (does|do) .+ expect (of|from)\b|\bduties\b|\bresponsib(le|ilit)|\b(tasks?|roles?) of\b/.test(foldedLower(question));

/** "bao nhiêu", "mấy", "how much": a question asking a figure, whatever else it asks. */
export const asksHowMuch = (question: string): boolean =>
  /\bbao nhieu\b|\bhow (much|many|long)\b|\bwhat (share|percentage|percent|proportion|amount|rate)\b/.test(foldedLower(question)) || /mấy/u.test(question.toLowerCase());

/** "Ai", "cơ quan nào", "which department": the question asks which body, whatever else it names. */
export const asksWhichBody = (question: string): boolean =>
  /\bai\b|\b(?:co quan|don vi|so|bo|phong|nganh|cap|ban|to chuc|luc luong) nao\b|\bwho(?:m)?\b|\bwhich (?:agency|agencies|department|departments|body|bodies|unit|units|ministry|ministries|office|authority|organi[sz]ation)\b/.test(foldedLower(question));

/**
 * "Ai được cấp thẻ BHYT", "những ai được hỗ trợ", "who gets …", "who is entitled to …": who benefits is usually several
 * groups, each in its own passage — a list, not one body. ("Ai được giao chủ trì …" asks for the body assigned.)
 */
export const asksBeneficiaries = (question: string): boolean =>
  /\b(nhung )?ai(?: (?:o|tai) [a-z ]{2,30}?)? (duoc|se duoc|thi duoc)\b(?! (giao|phan cong|cu|uy quyen|chi dinh|de nghi|yeu cau|bo nhiem|trieu tap|moi|huy dong)\b)|\bwho (gets?|receives?|is entitled|are entitled|qualif(y|ies)|is eligible|are eligible|benefits?)\b/.test(foldedLower(question));

/** Words after "bao nhiêu" that are not what is counted ("bao nhiêu năm" asks a duration, "bao nhiêu lần" a frequency). */
const NOT_UNITS = ['la', 'thi', 'con', 'duoc', 'nam'];

/** Units a "how many X" question expects next to the number, folded; money and percent have their own forms. */
const UNIT_SYNONYMS: Record<string, RegExp> = {
  tien: MONEY,
  kinh: MONEY,
  von: MONEY,
  dong: MONEY,
  ty: MONEY,
  trieu: MONEY,
  'phan tram': PERCENT,
};
/** Whether a unit asks for an amount of money ("bao nhiêu tiền", "bao nhiêu đồng", "bao nhiêu kinh phí"). */
export const isMoneyUnit = (unit: string): boolean => UNIT_SYNONYMS[unit] === MONEY;
const PEOPLE_GROUP = /\b(nguoi|tre em|nkt|nct|doi tuong|thuong binh|cu|people|children|elderly|persons?)\b/;
// Words that count people: "bao nhiêu cụ" is answered by "98 người", "bao nhiêu đối tượng" by "55 ngàn trường hợp".
const PEOPLE_UNITS = ['nguoi', 'cu', 'doi', 'doi tuong', 'truong', 'truong hop', 'tre', 'tre em', 'me', 'luot', 'thuong binh', 'benh binh', 'nkt', 'nct'];
const peopleUnit = (units: readonly string[]) => new RegExp(`\\d[\\d.,]*\\s*((ngan|nghin|trieu|tram)\\s+)?(${units.join('|')})\\b`);
const PEOPLE_UNIT = peopleUnit(PEOPLE_UNITS);
/** A count of visits ("23.000 lượt người cao tuổi được khám") says how often, not how many people. */
const PEOPLE_NOT_VISITS = peopleUnit(PEOPLE_UNITS.filter((unit) => unit !== 'luot'));

/** "What (monthly) allowance / fee / fine …": one amount of money asked for by its kind. */
const ENGLISH_AMOUNT = /\bwhat\s+(?:is\s+the\s+|are\s+the\s+|was\s+the\s+)?(?:[a-z-]+\s+){0,2}(?:allowance|salary|wage|fee|fine|subsidy|stipend|bonus|price|cost|compensation)\b(?!s)/i;

/** "How many X Y Z does/are/in …": the words counted, up to the verb, a preposition or the end. */
const ENGLISH_COUNTED =
  /\bhow many\s+((?:[a-z-]+\s+){0,4}?[a-z-]+)(?=\s+(?:does|do|did|are|is|was|were|will|would|should|must|can|could|have|has|had|got|get|in|of|for|under|at|with|by|per|on|to|from|that|which|who|there)\b|\s*[?,.]|\s*$)/i;

const MACHINES = new RegExp(`\\b(?:${MACHINE_WORDS.map(foldedLower).join('|')})\\b`, 'g');
/** Folded text without the words holding "máy" ("may moc" is machinery, not "mấy móc"). */
const withoutMachines = (folded: string): string => folded.replace(MACHINES, ' ');

/**
 * The unit a "bao nhiêu X" / "mấy X" question asks about, folded ("nguoi", "dong", …). English "how many X"
 * is read through `translate`, the glossary.
 */
export function askedUnit(question: string, translate?: (english: string) => string): string | null {
  const english = translate && /\bhow (many|much)\s+([a-z]+(?:\s+[a-z]+)?)/i.exec(question);
  if (english) {
    // The thing counted is the last noun before the verb or a preposition: "how many science and technology
    // enterprises does …" counts enterprises (Vietnamese puts that head first), unless the glossary reads the words
    // as one phrase ("teaching periods" → "tiết dạy").
    const counted = ENGLISH_COUNTED.exec(question)?.[1];
    // The glossary may read the counted words with the next ones as one phrase: "periods per week" are "tiết/tuần",
    // where "periods" alone are "giai đoạn".
    const phrase = counted ?? english[2];
    const next = new RegExp(`${escapeRegExp(phrase)}((?:\\s+[a-z-]+){1,2})`, 'i').exec(question)?.[1] ?? '';
    const alone = translate(phrase);
    const read = next ? translate(`${phrase}${next}`) : alone;
    const whole = read.startsWith(alone) ? alone : read;
    const head = counted ? translate(counted.split(/\s+/).at(-1)!) : '';
    const unit = askedUnit(`bao nhiêu ${head && whole.includes(head) ? head : whole}`);
    // "How much support / funding is paid" asks for money, unless what follows is a measure ("how much land" → ha).
    // ("By how much" asks for a change, a share as often as an amount.)
    return english[1].toLowerCase() === 'much' && !/\bby how much\b/i.test(question) && (unit === null || !/^(ha|m2|km|tan|kg|lit|gio|ngay|thang|nam|phan tram)$/.test(unit)) ? 'tien' : unit;
  }
  // "What monthly allowance will the architect receive?", "What is the fee for …?": an amount of money, asked in
  // English without "how much" ("what allowances" or "what kind of fee" asks kinds, not an amount).
  if (translate && ENGLISH_AMOUNT.test(question) && !/\bwhat (kinds?|types?|sorts?) of\b/i.test(question)) return 'tien';
  // The Vietnamese words asking a number are read in Vietnamese only: "may eat them" asks no "mấy".
  if (translate && detectLanguage(question) === 'en') return null;
  const folded = foldedLower(question);
  // "Nơi nào có nhiều người khuyết tật hơn?": a comparison of how many people.
  if (/\b(nhieu|it)\b.*\b(hon|nhat)\b|\bso voi\b|\b(more|fewer|most|fewest)\b/.test(folded) && PEOPLE_GROUP.test(folded)) return 'nguoi';
  // "Bao nhiêu kinh phí / ngân sách / vốn" asks for an amount of money, whatever the first word says.
  if (/\b(bao nhieu|may) (kinh phi|ngan sach|nguon von|von|tien)\b/.test(folded)) return 'tien';
  // The first content word after "bao nhiêu": "bao nhiêu và chiếm bao nhiêu phần trăm" asks for a percentage.
  // Typed with diacritics, only "mấy" asks: folded, "bộ máy quản lý" would ask for "quản".
  // (Typed with diacritics, a function word is told as written: folded, "để" is "đề" too.)
  const asking = isAccented(question)
    ? [...question.normalize('NFC').toLowerCase().matchAll(/(?<!\p{L})(?:bao nhiêu|mấy)\s+(phần trăm|\p{L}+)/gu)].filter((found) => !STOPWORDS.has(found[1])).map((found) => foldedLower(found[1]))
    : [...withoutMachines(folded).matchAll(/\b(?:bao nhieu|may)\s+(phan tram|[a-z]+)/g)].map((found) => found[1]);
  const unit = asking.find((candidate) => !STOPWORDS.has(candidate) && !NOT_UNITS.includes(candidate));
  // "Số tiền / mức trợ cấp … là bao nhiêu?", "giá bao nhiêu" ask for an amount of money even without a unit after
  // "bao nhiêu" ("quốc gia … bao nhiêu" does not).
  if (!unit && /\b(so tien|bao nhieu tien|gia (?:ca |ban |ve |thue )?(?:la |khoang )?(?=bao nhieu)|chi phi|hoc phi|vien phi|muc (tien|ho tro|tro cap|chi|thu|phi|phat|luong)|tien (thuong|ho tro|phat|luong|cong|an|hoc)|(le )?phi (tham dinh|cap|dang ky)|tong kinh phi|kinh phi|ngan sach|budget|money|vnd|allowance|cost|fee)\b/.test(folded) && (/\b(bao nhieu|how much|total|amount|in vnd)\b/.test(folded) || asksInDong(question))) return 'tien';
  // "Số người có công … là bao nhiêu?": the unit is what "số" counts.
  // ("thiểu số", "chỉ số", "hệ số", "cơ sở" hold "số" folded but count nothing.)
  const counted = /\b(?<!(?:thieu|chi|he|da|ty|tan|doi|chu|con|ky|co) )(?:tong so|so luong|so)\s+(?!hieu|dien|lieu|ke|van|quyet)([a-z]+)/.exec(folded);
  // After "tỷ lệ", "trong tổng số người …" is what a share is taken of, not what is counted.
  const ofShare = counted && /\b(ty le|ti le)\b/.test(folded.slice(0, counted.index));
  if (!unit && counted && !ofShare && !STOPWORDS.has(counted[1]) && /\bbao nhieu\b/.test(folded)) return counted[1];
  return unit ?? null;
}

// Years and document numbers never count things ("đến năm 2030, cụ thể như sau" states no "cụ").
const YEARS_AND_REFERENCES = /\b(19|20)\d{2}\b|\d+\s*\/\s*[a-z]/g;

/** Whether a passage states a number of the asked unit (e.g. "2.226 người", "500.000 đồng"). */
export function statesUnit(unit: string, passage: string): boolean {
  const text = foldedLower(passage).replace(YEARS_AND_REFERENCES, ' ');
  const special = UNIT_SYNONYMS[unit];
  if (special) return special.test(text);
  if (PEOPLE_UNITS.includes(unit)) return (unit === 'luot' ? PEOPLE_UNIT : PEOPLE_NOT_VISITS).test(text);
  // A length of time stands right after its number ("30 ngày"), not words later ("01 tháng 7 năm 2025 và từ ngày").
  if (TIME_UNITS.includes(unit)) return statesDurationIn(unit, passage);
  // A share answers for an amount ("50% của mức lương") but is no count ("10% cơ sở" does not say how many cơ sở);
  // an item number ("1. Kinh phí") is neither.
  const share = SHARE_UNITS.includes(unit) ? '(%\\s*)?' : '';
  return new RegExp(`\\d[\\d.,]*\\s*${share}([a-z]+\\s+){0,3}${unit}\\b`).test(text.replace(ITEM_NUMBER, ' '));
}

/** Units of time, folded: "bao nhiêu ngày" asks a number of days. */
const TIME_UNITS = ['ngay', 'thang', 'tuan', 'gio', 'phut'];

/** Units of an amount rather than a count: a percentage of them is an answer. */
const SHARE_UNITS = ['luong', 'tien', 'kinh', 'von', 'phi', 'ngan', 'muc', 'chi', 'thu', 'dien'];

const ITEM_NUMBER = /(^|\n)\s*\d+(\.\d+)*[.)]\s/g;

/** "Hiện nay", "hiện có", "currently": the question asks how things stand, not what is aimed for. */
export const asksCurrentState = (question: string): boolean => /\b(hien nay|hien co|hien tai|hien dang|currently|at present|right now|as of now)\b/.test(foldedLower(question));

/** A passage that sets a target ("Phấn đấu đến năm 2030 … đạt 1.700 ha") rather than reporting a fact. */
export const statesTarget = (text: string): boolean => {
  const lower = targetText(text);
  return /(?<!\p{L})đạt\s+(?:(?:ít nhất|tối thiểu|trên)\s+)?\d/u.test(lower) || /\b(phan dau|muc tieu|chi tieu|den nam (19|20)\d{2}|it nhat \d)/.test(foldDiacritics(lower));
};

/** "(Kèm theo Quyết định số 2629/QĐ-TTg ngày … của Thủ tướng Chính phủ)": the caption of an attached instrument, no content. */
export const isAttachmentCaption = (text: string): boolean => /^\(?\s*(ban hanh\s+)?kem theo\b[^()]*\)?[.\s]*$/.test(foldedLower(text.replace(/[*_|]/g, ' ').trim()));

/** What a list question asks the items of, when it opens with it, is named in at most this many words. */
export const MAX_HEAD_WORDS = 6;
/** Where the thing a list question asks for ends: "nguyên tắc khen thưởng | trong phong trào …", "… | gồm những gì". */
const HEAD_END = /\b(trong|cua|o|tai|ve|theo|cho|doi voi|gom|bao gom|la|duoc|can|phai|co|nhung|cac|nao|gi|khi|va)\b/;

/**
 * The words of what a list question asks the items of, when it opens with it: "nguyên tắc khen thưởng trong phong
 * trào thi đua … gồm những gì" → nguyen, tac, khen, thuong. A section headed by them is the list asked for.
 */
export function listHead(question: string): string[] {
  const words = openingWords(question);
  return words.length >= 2 && words.length <= MAX_HEAD_WORDS ? words : [];
}

/**
 * The words a question opens with up to the first word ending what it asks of, after a "Theo <document>," it may
 * open with: "Theo KH 157, phương án triển khai phong trào thi đua … gồm những bước nào" → phuong, an, trien, khai,
 * phong, trao, thi, dua, … (what it asks the items of is some of their first words).
 */
export function openingWords(question: string): string[] {
  const folded = foldedLower(question).replace(/^[^a-z0-9]+/, '').replace(/^theo\s[^,]{1,60},\s*/, '');
  const end = folded.search(HEAD_END);
  return (end < 0 ? folded : folded.slice(0, end)).split(/[^a-z0-9]+/).filter(Boolean);
}

/** A table's unit stated once above it: "*Đơn vị: Triệu đồng*", "Đơn vị tính: người" (global: read with matchAll). */
export const UNIT_CAPTION = /đơn vị(?: tính)?\s*:\s*([\p{L} ]{2,20}?)\s*[*_)\n]/giu;
/** The same caption, found once (not global: `exec` and `test` keep no position between calls). */
export const A_UNIT_CAPTION = new RegExp(UNIT_CAPTION.source, 'iu');
/** A table's unit caption is read for its rows this far below it (a table of one cell a line runs long). */
export const MAX_CAPTION_DISTANCE = 8_000;
