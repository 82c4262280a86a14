import { describe, expect, it } from 'vitest';
import { buildQuiz, seededRandom, type QuizSource } from './build-quiz.js';
import { findDeadlines } from './find-deadlines.js';
import { findDuties } from './find-duties.js';
import { findGoals } from './find-targets.js';
import { openLearnSource } from './learn-source.js';
import { createTestCollection, DISTRICT_PLAN, PROVINCE_PLAN } from './test-collection.js';

const knowledge = createTestCollection({ 'an-thai.txt': PROVINCE_PLAN, 'binh-son.txt': DISTRICT_PLAN });
const sourceOf = async (id: string): Promise<QuizSource> => {
  const source = (await openLearnSource(knowledge, id))!;
  return { meta: source.doc.meta, targets: findGoals(source).targets, deadlines: findDeadlines(source), duties: findDuties(source), dates: [{ day: 18, month: 11 }, { day: 12, month: 5 }] };
};
const province = await sourceOf('an-thai');
const district = await sourceOf('binh-son');
const pool = [province, district];

describe('buildQuiz', () => {
  it('asks about targets, deadlines and duties in turn, with 3–4 distinct options, the right one marked, cited', async () => {
    const items = buildQuiz([province], pool, 6, 'seed-1');
    expect(items).toHaveLength(6);
    expect(new Set(items.slice(0, 3).map((item) => item.kind))).toEqual(new Set(['target', 'deadline', 'duty']));
    for (const item of items) {
      expect(item.options.length).toBeGreaterThanOrEqual(3);
      expect(item.options.length).toBeLessThanOrEqual(4);
      expect(new Set(item.options).size).toBe(item.options.length);
      expect(item.correct).toBeGreaterThanOrEqual(0);
      expect(item.explanation).toContain(item.options[item.correct]);
      expect(PROVINCE_PLAN.slice(item.citation.start, item.citation.end)).toBe(item.citation.quote);
      expect(item.question).toMatch(/^Theo kế hoạch của tỉnh An Thái/u);
    }
  });

  it('asks for the blanked figure of a target, the wrong options being other figures of the same kind', async () => {
    const target = buildQuiz([province], pool, 10, 'x').find((item) => item.kind === 'target' && item.options.includes('80%'))!;
    expect(target.question).toContain('“Tối thiểu … người cao tuổi được khám sức khỏe định kỳ.”');
    expect(target.options[target.correct]).toBe('80%');
    expect(target.options.every((option) => /^\d+%$/u.test(option))).toBe(true);
  });

  it('asks for the date of a deadline, the wrong dates taken from the documents in the same wording', async () => {
    const deadline = buildQuiz([province], pool, 10, 'x').find((item) => item.kind === 'deadline' && item.options[item.correct] === 'trước ngày 20/6 hằng năm')!;
    expect(deadline.question).toBe('Theo kế hoạch của tỉnh An Thái, Sở Y tế phải gửi báo cáo kết quả khám sức khỏe người cao tuổi về Ủy ban nhân dân tỉnh — thời hạn là khi nào?');
    const wrong = deadline.options.filter((_, index) => index !== deadline.correct);
    for (const option of wrong) expect(option).toMatch(/^trước ngày (30\/9|18\/11|12\/5) hằng năm$/u);
  });

  it('asks which body a task is given to, never a body given the same task, nor a task naming its body', async () => {
    const duties = buildQuiz([province], pool, 20, 'x').filter((item) => item.kind === 'duty');
    expect(duties.length).toBeGreaterThan(0);
    for (const item of duties) {
      const body = item.options[item.correct];
      expect(province.duties.find((duty) => duty.body === body)!.tasks.some((task) => task.citation.start === item.citation.start)).toBe(true);
      expect(item.question).not.toContain(body);
    }
  });

  it('is the same quiz for the same seed and another for another seed', async () => {
    expect(buildQuiz([province], pool, 5, 'a')).toEqual(buildQuiz([province], pool, 5, 'a'));
    const others = ['b', 'c', 'd'].map((seed) => JSON.stringify(buildQuiz([province], pool, 5, seed)));
    expect(others.some((quiz) => quiz !== JSON.stringify(buildQuiz([province], pool, 5, 'a')))).toBe(true);
  });

  it('leaves out a question without two wrong options of its kind', async () => {
    // Alone, the district plan has two shares: a share question would offer only two options.
    const items = buildQuiz([district], [district], 10, 'x');
    expect(items.some((item) => item.kind === 'target')).toBe(false);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom('quiz');
    const b = seededRandom('quiz');
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
