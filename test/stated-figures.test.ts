// What a passage must state to answer for a figure or a date: the figures the question states (or a rate for each of
// what they count), and more than its own document's number, title and date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const CIRCULAR = `BỘ TÀI CHÍNH
-------
Số: 77/2025/TT-BTC
Hà Nội, ngày 10 tháng 10 năm 2025

THÔNG TƯ
Quy định mức thu phí thẩm định cấp phép hoạt động bể bơi và mừng thọ người cao tuổi

Điều 1. Mức thu phí
1. Mức thu phí thẩm định cấp phép hoạt động bể bơi là 500.000 đồng/bể, nhưng tổng mức thu không quá 2.000.000 đồng/lần thẩm định.
2. Người tròn 90 tuổi được tặng quà trị giá 700.000 đồng/người.
3. Giáo viên ở trường có từ 28 lớp trở lên được giảm 04 tiết/tuần.
4. Công chức đi bồi dưỡng ở nước ngoài theo quyết định ký trước ngày 31 tháng 12 năm 2024 được hỗ trợ 5.000.000 đồng/người.
5. Diện tích ao nuôi cá tra trên 02 năm: thiệt hại trên 70%, hỗ trợ 9.000.000 đồng/ha; thiệt hại từ 30% đến 70%, hỗ trợ 4.500.000 đồng/ha.
6. Diện tích lúa sau gieo trồng từ 01 đến 10 ngày: thiệt hại trên 70%, hỗ trợ 3.000.000 đồng/ha.
Diện tích lúa sau gieo trồng từ trên 10 ngày đến 45 ngày: thiệt hại trên 70%, hỗ trợ 7.000.000 đồng/ha.
8. Giáo viên dạy thêm thì 01 tiết dạy được quy đổi bằng 1,5 tiết định mức.
9. Nhân viên bảo vệ bể bơi làm việc không quá 08 giờ/ngày.
10. Công chức đi bồi dưỡng khóa có thời gian từ 01 tháng trở lên đến dưới 12 tháng phải còn đủ tuổi để công tác ít nhất 24 tháng.
11. Đợt mưa lớn, lũ từ ngày 17 đến ngày 20 tháng 11 năm 2025 làm ngập 500 hộ gia đình.
12. Các xã An Hòa, Bình Minh, Tân Phú tổ chức tập huấn phòng cháy cho người dân.
7. Thực hiện Chỉ thị số 05/CT-TTg ngày 12/3/2025 của Thủ tướng Chính phủ, Sở Nội vụ hướng dẫn tiêu chí chấm điểm thi đua về lưu trữ.

Điều 2. Hiệu lực
Thông tư này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.

BỘ TRƯỞNG
Nguyễn Văn D

Thông tư 77/2025/TT-BTC quy định mức thu phí thẩm định cấp phép hoạt động bể bơi và mừng thọ người cao tuổi Văn bản này chưa cập nhật nội dung Tiếng Anh Thông tư 77/2025/TT-BTC ngày 10/10/2025 quy định mức thu phí thẩm định cấp phép hoạt động bể bơi và mừng thọ người cao tuổi
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'thong-tu-77.txt': CIRCULAR });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('figures the question states', () => {
  it('are answered by a rate for each of what they count', async () => {
    const result = await pipeline.answerer.ask({ question: 'Mức thu phí thẩm định cấp phép hoạt động cho 3 bể bơi là bao nhiêu?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('500.000 đồng/bể');
  });

  it('need not be stated when they bound the case asked about ("trên 85 tuổi"), only when they name it ("tròn 100 tuổi")', async () => {
    const bound = await pipeline.answerer.ask({ question: 'Người trên 85 tuổi được tặng quà trị giá bao nhiêu?' });
    expect(bound.answered, bound.answer).toBe(true);
    expect(bound.answer).toContain('700.000 đồng');
  });

  it('asked in English, are read in the words the documents count in ("20 classes" lies in "từ 28 lớp trở lên" or not)', async () => {
    const inside = await pipeline.answerer.ask({ question: "Under Circular 77/2025/TT-BTC, by how many periods per week is a teacher's load reduced at a school with 30 classes?" });
    expect(inside.answered, inside.answer).toBe(true);
    expect(inside.answer).toContain('04 tiết/tuần');
    const outside = await pipeline.answerer.ask({ question: "Under Circular 77/2025/TT-BTC, by how many periods per week is a teacher's load reduced at a school with 20 classes?" });
    expect(outside.answered, outside.answer).toBe(false);
  });

  it('lie in a band of shares the passage sets, and the answer leads with the value of that band', async () => {
    const result = await pipeline.answerer.ask({ question: 'Ao nuôi cá tra của tôi bị thiệt hại khoảng 50% diện tích thì được hỗ trợ bao nhiêu tiền một ha?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer.split('\n')[0]).toContain('4.500.000 đồng/ha');
  });

  it('lie in a range the passage sets, typed with or without diacritics ("20 ngay" in "từ trên 10 ngày đến 45 ngày")', async () => {
    const result = await pipeline.answerer.ask({ question: 'lua gieo trong duoc 20 ngay thi bi ngap chet tren 70% dien tich, duoc ho tro bao nhieu 1 ha' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer.split('\n')[0]).toContain('7.000.000');
    expect(result.answer).not.toContain('3.000.000');
  });

  it('lie in a band the passage sets in another unit of time ("2 tuần" in "từ trên 10 ngày đến 45 ngày")', async () => {
    const result = await pipeline.answerer.ask({ question: 'Lúa gieo trồng được 2 tuần thì bị ngập chết trên 70% diện tích, được hỗ trợ bao nhiêu một ha?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer.split('\n')[0]).toContain('7.000.000');
  });

  it('is no time limit when it is the date a cited document bears, though the question asks what is issued by then', async () => {
    const result = await pipeline.answerer.ask({ question: 'Sở Nội vụ phải ban hành tiêu chí chấm điểm thi đua về lưu trữ trước ngày nào?' });
    expect(result.answer).not.toContain('12/3/2025');
    expect(result.answered, result.answer).toBe(false);
  });

  it('written as an English date ("dated 12 March 2025") are read as a date\'s day and month', async () => {
    const result = await pipeline.answerer.ask({ question: 'Under which Directive dated 12 March 2025 does the Department of Home Affairs guide the archive emulation scoring criteria?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('05/CT-TTg');
  });

  it("are not the day or month of a date (\"12 tháng\" is not in \"ngày 31 tháng 12 năm 2024\")", async () => {
    const result = await pipeline.answerer.ask({ question: 'Công chức đi bồi dưỡng ở nước ngoài 12 tháng được hỗ trợ bao nhiêu tiền?' });
    expect(result.answered, result.answer).toBe(false);
  });

  it('are sums however the passage writes their magnitude ("9 triệu" as "9.000.000", "VND 9 million")', async () => {
    for (const question of ['Mức hỗ trợ 9 triệu đồng/ha áp dụng cho ao nuôi cá tra thiệt hại bao nhiêu phần trăm?', 'Is the support of VND 9 million per hectare for tra fish ponds paid when the damage is over 70%?']) {
      const result = await pipeline.answerer.ask({ question });
      expect(result.answered, `${question}\n${result.answer}`).toBe(true);
      expect(result.answer).toContain('9.000.000 đồng/ha');
    }
    const other = await pipeline.answerer.ask({ question: 'Mức hỗ trợ 8 triệu đồng/ha áp dụng cho ao nuôi cá tra thiệt hại bao nhiêu phần trăm?' });
    expect(other.answered, other.answer).toBe(false);
  });

  it('asked for a period ("mỗi ngày"), are answered only by a figure of that period', async () => {
    const day = await pipeline.answerer.ask({ question: 'Nhân viên bảo vệ bể bơi làm việc tối đa bao nhiêu giờ mỗi ngày?' });
    expect(day.answered, day.answer).toBe(true);
    expect(day.answer).toContain('08 giờ/ngày');
    const none = await pipeline.answerer.ask({ question: 'Giáo viên dạy thêm được xếp tối đa bao nhiêu tiết mỗi ngày?' });
    expect(none.answered, none.answer).toBe(false);
  });

  it("of the asker's own case, told before the question, need be stated only where a passage found states them", async () => {
    const told = await pipeline.answerer.ask({ question: 'Tôi là giáo viên, tháng này đã dạy thêm 12 tiết. Theo Thông tư 77/2025/TT-BTC, 01 tiết dạy thêm được quy đổi bằng bao nhiêu tiết định mức?' });
    expect(told.answered, told.answer).toBe(true);
    expect(told.answer).toContain('1,5 tiết định mức');
    // Asked in the question itself, the case is what must be stated.
    const asked = await pipeline.answerer.ask({ question: 'Theo Thông tư 77/2025/TT-BTC, giáo viên dạy thêm 12 tiết trong tháng thì 01 tiết được quy đổi bằng bao nhiêu tiết định mức?' });
    expect(asked.answered, asked.answer).toBe(false);
    // Stated by a passage ("…/bể"), it still picks that passage.
    const pools = await pipeline.answerer.ask({ question: 'Nhà tôi có 3 bể bơi. Mức thu phí thẩm định cấp phép là bao nhiêu?' });
    expect(pools.answered, pools.answer).toBe(true);
    expect(pools.answer.split('\n')[0]).toContain('500.000 đồng/bể');
  });

  it('are not answered by a rate for each of something else', async () => {
    const result = await pipeline.answerer.ask({ question: 'Người tròn 100 tuổi được tặng quà trị giá bao nhiêu?' });
    expect(result.answered, result.answer).toBe(false);
  });

  it("are not a document's own date in a line restating its number and title", async () => {
    const result = await pipeline.answerer.ask({ question: 'Mức thu phí thẩm định cấp phép hoạt động bể bơi được thu vào ngày nào?' });
    expect(result.answered, result.answer).toBe(false);
  });

  it('lie in a range below its upper end ("từ 01 tháng trở lên đến dưới 12 tháng"), and asked as a least are not stated below it', async () => {
    const inside = await pipeline.answerer.ask({ question: 'Công chức đi bồi dưỡng khóa 6 tháng thì phải còn đủ tuổi công tác bao nhiêu tháng?' });
    expect(inside.answered, inside.answer).toBe(true);
    expect(inside.answer).toContain('24 tháng');
    const longer = await pipeline.answerer.ask({ question: 'Công chức đi bồi dưỡng khóa 14 tháng thì phải còn đủ tuổi công tác bao nhiêu tháng?' });
    expect(longer.answered, longer.answer).toBe(false);
    const least = await pipeline.answerer.ask({ question: 'For a training course of 12 months or longer, how many months of working age must a civil servant still have?' });
    expect(least.answered, least.answer).toBe(false);
  });

  it('read the first day of a span of days as a date\'s ("17–20 November 2025" in "từ ngày 17 đến ngày 20 tháng 11 năm 2025")', async () => {
    const result = await pipeline.answerer.ask({ question: 'Under Circular 77/2025/TT-BTC, how many households did the heavy rain of 17–20 November 2025 flood?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('500 hộ');
  });

  it('need not be stated when they count what the question then names one by one ("3 xã An Hòa, Bình Minh, Tân Phú")', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo Thông tư 77/2025/TT-BTC, 3 xã An Hòa, Bình Minh, Tân Phú phải tổ chức việc gì?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('tập huấn phòng cháy');
  });
});
