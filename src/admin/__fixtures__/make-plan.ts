// A small provincial plan as a Word file, for the admin tests: its facts occur nowhere in the seed plans.
import { Document, Packer, Paragraph } from 'docx';

export interface PlanOptions {
  province?: string;
  number?: string;
  /** The share of older people the plan targets, e.g. "85%": change it to tell two versions apart. */
  target?: string;
}

/** The lines of the plan, as its .docx holds them one paragraph each. */
export function planLines({ province = 'Cao Bằng', number = '77/KH-UBND', target = '85%' }: PlanOptions = {}): string[] {
  return [
    'ỦY BAN NHÂN DÂN',
    `TỈNH ${province.toLocaleUpperCase('vi')}`,
    `Số: ${number}`,
    `${province}, ngày 15 tháng 3 năm 2025`,
    'KẾ HOẠCH',
    'Chuyển đổi số trong chăm sóc sức khỏe người cao tuổi năm 2025',
    'I. MỤC ĐÍCH, YÊU CẦU',
    `Ứng dụng công nghệ số để quản lý hồ sơ sức khỏe điện tử cho người cao tuổi trên địa bàn tỉnh ${province}.`,
    'II. CHỈ TIÊU',
    `1. Phấn đấu đến hết năm 2025, ${target} người cao tuổi trên địa bàn tỉnh có hồ sơ sức khỏe điện tử.`,
    '2. 100% trạm y tế xã kết nối phần mềm quản lý sức khỏe người cao tuổi.',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Sở Y tế',
    'Chủ trì, hướng dẫn các trạm y tế cập nhật hồ sơ sức khỏe điện tử; báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 20/11/2025.',
    'Nơi nhận:',
    '- Sở Y tế;',
    '- Lưu: VT.',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Nguyễn Văn Thành',
  ];
}

export const makePlanDocx = (options: PlanOptions = {}): Promise<Buffer> =>
  Packer.toBuffer(new Document({ sections: [{ children: planLines(options).map((line) => new Paragraph(line)) }] }));
