import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

const QUESTION = 'Tôi là Nguyễn Văn A, CCCD 001085012345, email a.nguyen@example.vn, được cấp thẻ BHYT không?';

const capture = (logQuestions?: boolean) => {
  const lines: string[] = [];
  const logger = createLogger('info', 'stdout', { logQuestions, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines };
};

describe('createLogger: the logging policy for questions', () => {
  it('logs a question as its length and a short hash by default, in child loggers too', () => {
    const { logger, lines } = capture();
    logger.info({ question: QUESTION, answered: true }, 'ask');
    logger.child({ bot: 'zalo' }).info({ question: QUESTION }, 'ask');
    logger.info({ question: 'Ai ký kế hoạch?' }, 'ask');
    expect(lines.join('')).not.toContain('001085012345');
    expect(lines.join('')).not.toContain('example.vn');
    const [first, child, other] = lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({ answered: true, question: { chars: QUESTION.length, hash: expect.stringMatching(/^[0-9a-f]{12}$/) } });
    expect(child.question).toEqual(first.question); // the same question is recognisable within one run
    expect(other.question.hash).not.toBe(first.question.hash);
  });

  it('keys the hash per logger, so a guess cannot be hashed and looked up', () => {
    const a = capture();
    const b = capture();
    a.logger.info({ question: QUESTION });
    b.logger.info({ question: QUESTION });
    expect(JSON.parse(a.lines[0]).question.hash).not.toBe(JSON.parse(b.lines[0]).question.hash);
  });

  it('logs questions word for word with LOG_QUESTIONS=true', () => {
    const { logger, lines } = capture(true);
    logger.info({ question: QUESTION }, 'ask');
    expect(JSON.parse(lines[0]).question).toBe(QUESTION);
  });
});
