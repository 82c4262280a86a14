import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatTurn, DocumentMeta } from '../types.js';
import { rewriteFollowUp } from './rewrite-follow-up.js';

const documents: DocumentMeta[] = JSON.parse(readFileSync(new URL('../../corpus/manifest.json', import.meta.url), 'utf8')).documents;
const history = (...questions: string[]): ChatTurn[] =>
  questions.flatMap((content) => [
    { role: 'user' as const, content },
    { role: 'assistant' as const, content: 'Theo Kế hoạch của Bến Tre và Khánh Hòa, … [1]' },
  ]);
const rewrite = (q: string, ...before: string[]) => rewriteFollowUp(q, history(...before), documents);

describe('rewriteFollowUp: place switch', () => {
  it.each([
    ['Còn Khánh Hòa thì sao?', 'Ai được cấp thẻ BHYT ở TP Lạng Sơn?', 'Ai được cấp thẻ BHYT ở Khánh Hòa?'],
    ['con khanh hoa thi sao', 'ai duoc cap the bhyt o tp lang son', 'ai duoc cap the bhyt o khanh hoa'],
    ['Thế còn Hà Nội?', 'Mục tiêu của Bến Tre là gì?', 'Mục tiêu của Hà Nội là gì?'],
    ['Vậy còn Hữu Lũng nữa?', 'Bến Tre có bao nhiêu người cao tuổi?', 'Hữu Lũng có bao nhiêu người cao tuổi?'],
    ['Khánh Hòa thì sao?', 'Ai ký kế hoạch của Hà Nội?', 'Ai ký kế hoạch của Khánh Hòa?'],
    ['what about Hanoi?', 'who gets a BHYT card in Khanh Hoa?', 'who gets a BHYT card in Hanoi?'],
    ['and in Ben Tre?', 'When is the report due in Lang Son city?', 'When is the report due in Ben Tre?'],
    ['same for Da Nang', 'How many elderly people are there in Ben Tre?', 'How many elderly people are there in Da Nang?'],
  ])('%j after %j → %j', (q, previous, expected) => expect(rewrite(q, previous)).toBe(expected));

  it('adds the place when the previous question had none', () => {
    expect(rewrite('Còn Khánh Hòa thì sao?', 'Ai được cấp thẻ BHYT?')).toBe('Ai được cấp thẻ BHYT ở Khánh Hòa?');
    expect(rewrite('what about Hanoi?', 'who gets a BHYT card?')).toBe('who gets a BHYT card in Hanoi?');
  });

  it('follows a chain of follow-ups', () => {
    expect(rewrite('Thế còn Hà Nội?', 'Ai được cấp thẻ BHYT ở TP Lạng Sơn?', 'Còn Khánh Hòa thì sao?')).toBe('Ai được cấp thẻ BHYT ở Hà Nội?');
    expect(rewrite('Ai ký kế hoạch đó?', 'Mục tiêu của Bến Tre là gì?', 'Còn Khánh Hòa thì sao?')).toBe('Ai ký kế hoạch của Khánh Hòa?');
  });
});

describe('rewriteFollowUp: topic carry', () => {
  it('reads "trong đó" against the previous group and place', () => {
    expect(rewrite('Trong đó bao nhiêu người tròn 100 tuổi?', 'Bến Tre có bao nhiêu người cao tuổi?')).toBe(
      'Trong số người cao tuổi ở Bến Tre, bao nhiêu người tròn 100 tuổi?',
    );
    expect(rewrite('among them, how many are 100 years old?', 'How many elderly people are there in Ben Tre?')).toBe(
      'Among elderly people in Ben Tre, how many are 100 years old?',
    );
  });

  it('names the place for "ở đó", "kế hoạch đó", "there", "that plan"', () => {
    expect(rewrite('Thời hạn báo cáo ở đó là khi nào?', 'Hữu Lũng có bao nhiêu NKT?')).toBe('Thời hạn báo cáo ở Hữu Lũng là khi nào?');
    expect(rewrite('Ai ký kế hoạch đó?', 'Mục tiêu của Khánh Hòa là gì?')).toBe('Ai ký kế hoạch của Khánh Hòa?');
    expect(rewrite('who signed that plan?', 'What are the targets of Ben Tre?')).toBe('who signed the Ben Tre plan?');
    expect(rewrite('how many orphans are there?', 'What are the targets of Ben Tre?')).toBe('how many orphans are in Ben Tre?');
  });

  it('swaps the group the previous question asked about', () => {
    expect(rewrite('Còn người khuyết tật thì sao?', 'Bến Tre có bao nhiêu người cao tuổi?')).toBe('Bến Tre có bao nhiêu người khuyết tật?');
    expect(rewrite('what about children?', 'How many elderly people are there in Ben Tre?')).toBe('How many children are there in Ben Tre?');
  });

  it('carries the place into elliptical and anaphoric questions', () => {
    expect(rewrite('Mục tiêu là gì?', 'Ai ký kế hoạch của Khánh Hòa?')).toBe('Mục tiêu ở Khánh Hòa là gì?');
    expect(rewrite('Còn kinh phí thì sao?', 'Mục tiêu của Khánh Hòa là gì?')).toBe('Còn kinh phí ở Khánh Hòa thì sao?');
    expect(rewrite('Nó có chỉ tiêu về phục hồi chức năng không?', 'Ai ký kế hoạch của Bến Tre?')).toBe(
      'Nó có chỉ tiêu về phục hồi chức năng ở Bến Tre không?',
    );
  });
});

describe('rewriteFollowUp: standalone questions', () => {
  it('returns a question unchanged when the history is empty', () => {
    expect(rewriteFollowUp('Còn Khánh Hòa thì sao?', [], documents)).toBe('Còn Khánh Hòa thì sao?');
    expect(rewriteFollowUp('Ai ký?', [{ role: 'assistant', content: 'Xin chào' }], documents)).toBe('Ai ký?');
  });

  it('leaves a question that names its own place and topic alone', () => {
    expect(rewrite('Ai được cấp thẻ BHYT ở Bến Tre?', 'Mục tiêu của Khánh Hòa là gì?')).toBe('Ai được cấp thẻ BHYT ở Bến Tre?');
    expect(rewrite('How many disabled people live in Hanoi?', 'Who signed the Ben Tre plan?')).toBe('How many disabled people live in Hanoi?');
  });

  it('leaves a full question without a place alone', () => {
    expect(rewrite('Ai được cấp thẻ BHYT?', 'Mục tiêu của Khánh Hòa là gì?')).toBe('Ai được cấp thẻ BHYT?');
  });

  it('ignores the current question if the client already put it in the history', () => {
    const turns: ChatTurn[] = [...history('Ai được cấp thẻ BHYT ở TP Lạng Sơn?'), { role: 'user', content: 'Còn Khánh Hòa thì sao?' }];
    expect(rewriteFollowUp('Còn Khánh Hòa thì sao?', turns, documents)).toBe('Ai được cấp thẻ BHYT ở Khánh Hòa?');
  });
});
