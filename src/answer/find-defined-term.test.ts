import { describe, expect, it } from 'vitest';
import type { Chunk } from '../types.js';
import { definesTerm, findDefinedTerm, markedTermsDefined, termsAskedAbout } from './find-defined-term.js';

const TEXT = `**Điều
3. Giải thích từ ngữ**

Trong Quy chế này các từ ngữ sau đây được hiểu như sau:

1*. *Phản ánh hiện trường
là phản ánh kiến nghị có hình ảnh hoặc video.

2. Phản ánh của doanh nghiệp
là phản ánh về các hành vi cản trở hoạt động
kinh doanh của doanh nghiệp.

**Điều 4. Quyền lợi**

1. Công chức là nữ được hưởng quyền lợi khác.

**Điều 5. Thời hiệu, thời hạn xử lý kỷ luật**

1. Thời hiệu xử lý kỷ luật là thời hạn mà khi hết thời hạn đó thì người vi phạm không bị xử lý kỷ luật.

2. Thời hạn xử lý kỷ luật là khoảng thời gian từ khi phát hiện vi phạm.

**Điều 6. Thời hạn tạm đình chỉ công tác**

1. Việc tạm đình chỉ thực hiện theo quy định tại Điều 2 Nghị định này.

2. Thời hạn tạm đình chỉ công tác đối với cán bộ, công chức là khoảng thời gian không quá 15 ngày.
`;
const chunk: Chunk = { id: 'd#0', docId: 'd', section: [], kind: 'body', start: 0, end: TEXT.length, text: TEXT };
const knowledge = { chunksWithWords: async () => [chunk] };
const textOf = async () => TEXT;
const quoteOf = async (term: string) => {
  const span = await findDefinedTerm(knowledge, textOf, term);
  return span && TEXT.slice(span.start, span.end);
};

describe('termsAskedAbout', () => {
  it('reads the term a question asks the meaning of: quoted, in brackets, or the whole of a short question', () => {
    expect(termsAskedAbout('Trong quy chế của tỉnh, "phản ánh của doanh nghiệp" là gì?')).toEqual(['phan anh cua doanh nghiep']);
    expect(termsAskedAbout("What counts as an 'on-site report' (phản ánh hiện trường)?")).toContain('phan anh hien truong');
    expect(termsAskedAbout('Phản ánh hiện trường là gì?')).toEqual(['phan anh hien truong']);
    expect(termsAskedAbout('Ai ký quy chế?')).toEqual([]);
    // The document it is asked of is no part of the term.
    expect(termsAskedAbout('Theo NĐ 172/2025/NĐ-CP, thời hiệu xử lý kỷ luật là gì?')).toEqual(['thoi hieu xu ly ky luat']);
    expect(termsAskedAbout('Thời hiệu xử lý kỷ luật theo Nghị định 172 được hiểu là gì?')).toEqual(['thoi hieu xu ly ky luat']);
    expect(termsAskedAbout('Trong NĐ 172, “thời hạn tạm đình chỉ công tác” được hiểu là khoảng thời gian nào?')).toContain('thoi han tam dinh chi cong tac');
  });
});

describe('findDefinedTerm', () => {
  it('quotes the clause of the article that explains the terms, across its line wraps', async () => {
    expect(await quoteOf('phan anh hien truong')).toBe('1*. *Phản ánh hiện trường\nlà phản ánh kiến nghị có hình ảnh hoặc video.');
    expect(await quoteOf('phan anh cua doanh nghiep')).toBe('2. Phản ánh của doanh nghiệp\nlà phản ánh về các hành vi cản trở hoạt động\nkinh doanh của doanh nghiệp.');
  });

  it('takes no sentence outside such an article for a definition', async () => {
    expect(await quoteOf('cong chuc')).toBeNull();
  });

  it('reads a clause saying whom the term is for before "là", in an article a clause above refers out of ("tại Điều 2")', async () => {
    expect(await quoteOf('thoi han tam dinh chi cong tac')).toBe('2. Thời hạn tạm đình chỉ công tác đối với cán bộ, công chức là khoảng thời gian không quá 15 ngày.');
  });

  it('quotes the clause saying what a term is in the article whose title names it', async () => {
    expect(await quoteOf('thoi hieu xu ly ky luat')).toBe('1. Thời hiệu xử lý kỷ luật là thời hạn mà khi hết thời hạn đó thì người vi phạm không bị xử lý kỷ luật.');
  });
});

describe('markedTermsDefined and definesTerm', () => {
  it('reads the marked terms of a meaning question, none of a question that only opens "what is"', () => {
    expect(markedTermsDefined('Theo Nghị định, thế nào là “giảng viên kiêm nhiệm”?')).toEqual(['giang vien kiem nhiem']);
    expect(markedTermsDefined("How does the decision define the 'data exchange' (Sàn dữ liệu)?")).toEqual(['san du lieu']);
    expect(markedTermsDefined('What is the support for quail (chim cút) per head?')).toEqual([]);
    expect(markedTermsDefined('Giảng viên kiêm nhiệm phải dạy bao nhiêu giờ?')).toEqual([]);
  });

  it('reads no term from a bracket naming the document asked about', () => {
    expect(markedTermsDefined('Trong Chương trình chuyển đổi số (QĐ 1234/QĐ-TTg), chữ viết tắt ABC chỉ nền tảng nào?')).toEqual([]);
    expect(markedTermsDefined('How does the plan (Decision 12/2025/QĐ-UBND) define the "data exchange"?')).toEqual(['data exchange']);
  });

  it('tells a passage saying what a term is from one that only uses it', () => {
    expect(definesTerm('2. Giảng viên kiêm nhiệm là công chức được cử tham gia giảng dạy.', 'giang vien kiem nhiem')).toBe(true);
    expect(definesTerm('Sàn dữ liệu (Data Exchange): nơi các bên trao đổi dữ liệu.', 'san du lieu')).toBe(true);
    expect(definesTerm('1. Giảng viên của Học viện, các cơ sở đào tạo; giảng viên kiêm nhiệm.', 'giang vien kiem nhiem')).toBe(false);
    expect(definesTerm('đưa dữ liệu đủ điều kiện lên Sàn dữ liệu, thúc đẩy thị trường', 'san du lieu')).toBe(false);
  });
});
