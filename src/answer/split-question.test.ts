import { describe, expect, it } from 'vitest';
import { splitQuestion } from './split-question.js';

describe('splitQuestion', () => {
  it('splits where both sides ask something', () => {
    expect(splitQuestion('Thông tư 05 có hiệu lực từ ngày nào và thay thế những thông tư nào?')).toEqual([
      'Thông tư 05 có hiệu lực từ ngày nào?',
      'Thay thế những thông tư nào?',
    ]);
    expect(splitQuestion('Kế hoạch yêu cầu báo cáo trước ngày nào, và gửi về đâu?')).toEqual(['Kế hoạch yêu cầu báo cáo trước ngày nào?', 'Gửi về đâu?']);
    expect(splitQuestion('ke hoach 556 co nhac muc tieu phat thai rong bang 0 khong, vao nam nao')).toEqual([
      'ke hoach 556 co nhac muc tieu phat thai rong bang 0 khong',
      'Vao nam nao',
    ]);
    expect(splitQuestion('Which agency leads the task, and when is it due?')).toEqual(['Which agency leads the task?', 'When is it due?']);
    expect(splitQuestion('Ai chủ trì? Thời hạn hoàn thành là khi nào?')).toEqual(['Ai chủ trì?', 'Thời hạn hoàn thành là khi nào?']);
  });

  it('leaves one question whole: names joined by "và", a closing "không", a single ask', () => {
    expect(splitQuestion('Sở Y tế và Sở Tài chính có nhiệm vụ gì?')).toEqual(['Sở Y tế và Sở Tài chính có nhiệm vụ gì?']);
    expect(splitQuestion('Nghị định 171 và Nghị định 172 có cùng ngày hiệu lực không?')).toEqual(['Nghị định 171 và Nghị định 172 có cùng ngày hiệu lực không?']);
    expect(splitQuestion('Chi trả không dùng tiền mặt và mở tài khoản cho ai?')).toEqual(['Chi trả không dùng tiền mặt và mở tài khoản cho ai?']);
    expect(splitQuestion('What are the targets for 2025 and 2030?')).toEqual(['What are the targets for 2025 and 2030?']);
    // Written with diacritics, "bộ máy" is no "mấy": the first half asks nothing.
    const whole = 'Trong phụ lục, việc thành lập bộ máy quản lý và ban hành quy chế do cơ quan nào chủ trì?';
    expect(splitQuestion(whole)).toEqual([whole]);
  });
});
