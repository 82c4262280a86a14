import { describe, expect, it } from 'vitest';
import { GLOSSARY, translateToVietnamese } from './glossary.js';

describe('GLOSSARY', () => {
  it('is a sizeable English → Vietnamese list without duplicate keys', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(120);
    const keys = GLOSSARY.map(([en]) => en);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('translateToVietnamese', () => {
  it('translates the design card questions', () => {
    expect(translateToVietnamese('who gets a BHYT card?')).toEqual({ text: 'được cấp thẻ BHYT', matched: ['gets', 'card'], unmatched: [] });
    expect(translateToVietnamese('when is the report due?')).toEqual({ text: 'báo cáo trước ngày', matched: ['report', 'due'], unmatched: [] });
  });

  it('prefers the longest phrase', () => {
    expect(translateToVietnamese('health insurance card').text).toBe('thẻ bảo hiểm y tế');
    expect(translateToVietnamese('health insurance').text).toBe('bảo hiểm y tế');
    expect(translateToVietnamese('children in special circumstances').text).toBe('trẻ em có hoàn cảnh đặc biệt');
    expect(translateToVietnamese('the Department of Labour, Invalids and Social Affairs').text).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(translateToVietnamese('drug rehabilitation').text).toBe('cai nghiện ma túy');
    expect(translateToVietnamese('rehabilitation').text).toBe('phục hồi chức năng');
  });

  it.each([
    ['people with disabilities', 'người khuyết tật'],
    ['disabled', 'người khuyết tật'],
    ['elderly', 'người cao tuổi'],
    ['older people', 'người cao tuổi'],
    ['seniors', 'người cao tuổi'],
    ['veterans', 'người có công'],
    ['people with merit', 'người có công'],
    ['social protection beneficiaries', 'đối tượng bảo trợ xã hội'],
    ['social assistance', 'trợ giúp xã hội'],
    ['department of health', 'Sở Y tế'],
    ["People's Committee", 'Ủy ban nhân dân'],
    ['funding', 'kinh phí'],
    ['deadline', 'thời hạn trước ngày'],
    ['nursing', 'điều dưỡng'],
    ['convalescence', 'điều dưỡng'],
    ['orphans', 'trẻ em mồ côi'],
    ['social work', 'công tác xã hội'],
    ['periodic health checks', 'khám sức khỏe định kỳ'],
    ['signer', 'ký'],
  ])('%j → %j', (english, vietnamese) => expect(translateToVietnamese(english).text).toBe(vietnamese));

  it('carries numbers, dates, abbreviations and place names over, head noun first', () => {
    expect(translateToVietnamese('How many people are 100 years old in Ben Tre?').text).toBe('người tròn 100 tuổi Ben Tre');
    expect(translateToVietnamese('Is the report due before 15/12?').text).toBe('báo cáo trước ngày 15/12');
    expect(translateToVietnamese('Who signed the Khánh Hòa plan?').text).toBe('ký kế hoạch Khánh Hòa');
    expect(translateToVietnamese('targets for 2025 under Decision 1942/QĐ-TTg').text).toBe('chỉ tiêu mục tiêu 2025 Quyết định 1942/QĐ-TTg');
  });

  it('reports content words it could not translate, not function words', () => {
    const result = translateToVietnamese('What are the quidditch rules for wizards?');
    expect(result.unmatched).toEqual(['quidditch', 'rules', 'wizards']);
    expect(result.text).toBe('');
  });
});
