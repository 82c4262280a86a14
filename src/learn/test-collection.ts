import { chunkDocument } from '../ingest/chunk-document.js';
import { createMemoryKnowledgeBase } from '../retrieval/memory-knowledge-base.js';
import { extractMetadata } from '../structure/extract-metadata.js';
import { outlineOf } from '../structure/outline.js';
import { parseStructure } from '../structure/parse-structure.js';
import type { KnowledgeBase, SourceDocument } from '../types.js';

/**
 * A small in-memory collection for the learning tests, read the way the ingest reads documents (grammar, metadata,
 * chunks, outline), so the builders see what they see in a deployment. The id is the file name without extension.
 */
export function createTestCollection(files: Readonly<Record<string, string>>): KnowledgeBase {
  const documents: SourceDocument[] = [];
  const outlines: Record<string, ReturnType<typeof outlineOf>> = {};
  const chunks = Object.entries(files).flatMap(([file, text]) => {
    const blocks = parseStructure(text);
    const doc: SourceDocument = { meta: extractMetadata(text, file, blocks), text, hash: `hash-of-${file}` };
    documents.push(doc);
    outlines[doc.meta.id] = outlineOf(doc, blocks);
    return chunkDocument(doc, blocks);
  });
  return createMemoryKnowledgeBase({ documents, chunks, outlines });
}

/** A provincial plan: objectives and targets, tasks by body (one given inline after its heading), deadlines. */
export const PROVINCE_PLAN = `ỦY BAN NHÂN DÂN
TỈNH AN THÁI
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 125/KH-UBND

An Thái, ngày 12 tháng 5 năm 2023

KẾ HOẠCH
Chăm sóc sức khỏe người cao tuổi giai đoạn 2023 - 2025 trên địa bàn tỉnh An Thái

Căn cứ Quyết định số 1942/QĐ-TTg ngày 18/11/2021 của Thủ tướng Chính phủ phê duyệt Chương trình;

Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC TIÊU

1. Mục tiêu chung

Nâng cao chất lượng chăm sóc sức khỏe người cao tuổi tại cộng đồng.

2. Mục tiêu cụ thể

- Tối thiểu 80% người cao tuổi được khám sức khỏe định kỳ.
- Phấn đấu 1.200 người cao tuổi được cấp thẻ bảo hiểm y tế miễn phí.
- Từng bước hoàn thiện mạng lưới y tế cơ sở.

II. THỜI GIAN THỰC HIỆN

Từ năm 2023 đến năm 2025.

III. TỔ CHỨC THỰC HIỆN

1. Sở Y tế

- Chủ trì tổ chức khám sức khỏe định kỳ cho người cao tuổi tại trạm y tế xã.
- Định kỳ trước ngày 20/6 hằng năm báo cáo Ủy ban nhân dân tỉnh kết quả khám sức khỏe người cao tuổi.

2. Sở Lao động - Thương binh và Xã hội

- Phối hợp với Sở Y tế rà soát danh sách người cao tuổi cô đơn, không nơi nương tựa.

3. Đề nghị Bảo hiểm xã hội tỉnh: cấp thẻ bảo hiểm y tế kịp thời cho người cao tuổi thuộc diện được hỗ trợ.

4. Ủy ban nhân dân các huyện, thành phố

- Định kỳ hàng năm báo cáo Sở Y tế tình hình thực hiện Kế hoạch trên địa bàn.

Trên đây là Kế hoạch chăm sóc sức khỏe người cao tuổi của tỉnh An Thái. Định kỳ trước ngày 05/12 hàng năm các sở, ngành gửi báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Y tế) để tổng hợp.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An
`;

/** A district plan: other figures, bodies and dates, a task due on a date. */
export const DISTRICT_PLAN = `ỦY BAN NHÂN DÂN
HUYỆN BÌNH SƠN
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 45/KH-UBND

Bình Sơn, ngày 03 tháng 2 năm 2024

KẾ HOẠCH
Trợ giúp người khuyết tật trên địa bàn huyện Bình Sơn năm 2024

Thực hiện Kế hoạch số 125/KH-UBND ngày 12/5/2023 của Ủy ban nhân dân tỉnh An Thái, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:

I. MỤC TIÊU

- 100% người khuyết tật đủ điều kiện được hưởng trợ cấp xã hội hằng tháng.
- Tối thiểu 60% trẻ em khuyết tật được tiếp cận giáo dục hòa nhập.

II. TỔ CHỨC THỰC HIỆN

1. Phòng Y tế huyện

- Hướng dẫn các trạm y tế xã lập hồ sơ theo dõi sức khỏe người khuyết tật.

2. Trung tâm Y tế huyện

- Hoàn thành khám sàng lọc cho trẻ em khuyết tật trước ngày 30/9/2024.

3. UBND các xã, thị trấn

- Định kỳ 6 tháng báo cáo Phòng Lao động - Thương binh và Xã hội huyện kết quả trợ giúp người khuyết tật.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Thị Bình
`;
