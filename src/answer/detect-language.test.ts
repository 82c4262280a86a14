import { describe, expect, it } from 'vitest';
import { compilePhrase, createPhraseIndex, detectLanguage, findIndexed, findPhrase, prepareText } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    'Ai được cấp thẻ BHYT?',
    'ai duoc cap the bhyt',
    'khi nao phai gui bao cao ket qua thuc hien ke hoach',
    'Còn Khánh Hòa thì sao?',
    'Trong đó bao nhiêu người tròn 100 tuổi?',
    'bao nhieu nguoi cao tuoi o Ben Tre',
    'NKT được hỗ trợ gì?',
    'Theo Thông tư, "phản ánh hiện trường" là gì?',
  ])('reads %j as Vietnamese', (q) => expect(detectLanguage(q)).toBe('vi'));

  it.each([
    'who gets a BHYT card?',
    'when is the report due?',
    'what about Hanoi?',
    'what about Khánh Hòa?',
    'Who signed the plan of Khánh Hòa province?',
    'How many elderly people are there in Ben Tre?',
    'Which department is responsible for NKT?',
    'Under the decree, which training programmes do the provincial political schools (Trường Chính trị tỉnh, thành phố) organise?',
  ])('reads %j as English', (q) => expect(detectLanguage(q)).toBe('en'));

  it('lets an abbreviation alone default to Vietnamese', () => {
    expect(detectLanguage('BHYT?')).toBe('vi');
    expect(detectLanguage('NKT NCT BTXH')).toBe('vi');
  });
});

describe('findPhrase', () => {
  const ky = compilePhrase('ký');
  it('matches text typed without diacritics through folding', () => {
    expect(findPhrase(prepareText('ai ky ke hoach'), ky)).toEqual([{ start: 3, end: 5 }]);
  });
  it('refuses a syllable typed with other diacritics', () => {
    expect(findPhrase(prepareText('khám sức khỏe định kỳ'), ky)).toEqual([]);
    expect(findPhrase(prepareText('Ai ký kế hoạch?'), ky)).toHaveLength(1);
  });
  it('respects word boundaries and joins words across punctuation', () => {
    expect(findPhrase(prepareText('kyniem'), ky)).toEqual([]);
    expect(findPhrase(prepareText('TP. Lạng Sơn'), compilePhrase('TP Lạng Sơn'))).toEqual([{ start: 0, end: 12 }]);
  });
  it('treats old and new tone placement alike', () => {
    expect(findPhrase(prepareText('tỉnh Khánh Hoà'), compilePhrase('Khánh Hòa'))).toHaveLength(1);
  });
});

describe('findIndexed', () => {
  it('finds every indexed phrase in one pass with the accent rule', () => {
    const index = createPhraseIndex([
      ['người cao tuổi', 'nct'],
      ['cao tuổi', 'ct'],
      ['Nam Định', 'nd'],
    ] as const);
    const found = findIndexed(prepareText('Hằng năm định kỳ, người cao tuổi và nguoi cao tuoi'), index).map((m) => m.value);
    expect(found).toEqual(['nct', 'ct', 'nct', 'ct']);
  });
});
