import { describe, expect, it } from 'vitest';
import { definitionAsked } from './find-definition.js';

const abbreviations = new Map([['NCT', 'người cao tuổi'], ['BHYT', 'bảo hiểm y tế']]);

describe('definitionAsked', () => {
  it('reads an abbreviation asked about alone, with its expansion', () => {
    expect(definitionAsked('NCT là gì?', abbreviations)).toEqual({ abbreviation: 'NCT', expansion: 'người cao tuổi' });
    expect(definitionAsked('what does BHYT stand for?', abbreviations)).toEqual({ abbreviation: 'BHYT', expansion: 'bảo hiểm y tế' });
  });

  it('leaves a question that asks more about the abbreviation to other strategies', () => {
    expect(definitionAsked('Mức hỗ trợ đóng BHYT cho người nghèo ở xã là gì?', abbreviations)).toBeNull();
  });

  it('reads the name asked about when no abbreviation is', () => {
    expect(definitionAsked('Cơ sở trợ giúp xã hội là gì?', abbreviations)).toEqual({ name: 'co so tro giup xa hoi' });
  });

  it('asks nothing of a question that asks no meaning', () => {
    expect(definitionAsked('Ai ký kế hoạch?', abbreviations)).toBeNull();
  });
});
