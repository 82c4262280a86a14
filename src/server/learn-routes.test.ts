import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';
import type { DocumentSummary } from '../learn/build-summary.js';
import type { QuizItem } from '../learn/build-quiz.js';
import type { Deadline, SourceCitation } from '../learn/learn-types.js';
import { silentLogger } from '../logger.js';
import { createApp } from './create-app.js';

// The learning API on the five seed plans in corpus/, through the whole app.

let pipeline: TestPipeline;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  pipeline = await openTestPipeline();
  app = createApp({ ...pipeline, logger: silentLogger });
});
afterAll(() => pipeline.cleanup());

const getJson = async (path: string, status = 200) => {
  const response = await app.request(path);
  expect(response.status).toBe(status);
  return response.json();
};

/** A citation's quote is the document's text at its offsets. */
const expectVerbatim = (citation: SourceCitation) => {
  expect(citation.quote.length).toBeGreaterThan(0);
  expect(pipeline.texts.get(citation.docId)!.slice(citation.start, citation.end)).toBe(citation.quote);
};

type Row = Deadline & { docId: string; docName: string };

describe('GET /api/deadlines', () => {
  it('holds Lạng Sơn’s 10/11 and Khánh Hòa’s 15/12, each with who, to whom and a verbatim citation', async () => {
    const body = (await getJson('/api/deadlines')) as { deadlines: Row[]; total: number; documentsRead: number; capped: boolean };
    expect(body).toMatchObject({ offset: 0, limit: 50, capped: false });
    expect(body.total).toBe(body.deadlines.length);
    for (const row of body.deadlines) expectVerbatim(row.citation);

    const langSon = body.deadlines.find((row) => row.docId === 'lang-son-thanh-pho-2024' && row.due?.day === 10 && row.due.month === 11)!;
    expect(langSon).toMatchObject({ when: 'trước ngày 10/11 hàng năm', by: 'các đơn vị', to: 'UBND thành phố (qua phòng Lao động - Thương binh và Xã hội)', recurring: true });
    expect(langSon.what).toContain('kết quả thực hiện Kế hoạch');
    expect(langSon.citation.quote).toContain('Định kỳ trước ngày 10/11 hàng năm các đơn vị gửi báo cáo');

    const khanhHoa = body.deadlines.find((row) => row.docId === 'khanh-hoa-2618-2022' && row.due?.day === 15 && row.due.month === 12)!;
    expect(khanhHoa).toMatchObject({ when: 'trước ngày 15/12 hàng năm', to: 'Sở Lao động- Thương binh và Xã hội', what: 'kết quả thực hiện của đơn vị' });
    expect(khanhHoa.by).toMatch(/^Các cơ sở trợ giúp xã hội/u);
    expect(khanhHoa.citation.quote).toContain('(trước ngày 15/12\nhàng năm) báo cáo Sở Lao động- Thương binh và Xã hội');
    expect(khanhHoa.citation.label).toBe('VI › 10');
    // Named as officials cite it, as answers are.
    expect(khanhHoa.docName).toBe('Kế hoạch số 2618/KH-UBND ngày 24/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa');
    expect(khanhHoa.citation.reference).toBe('Kế hoạch số 2618/KH-UBND ngày 24/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa, mục VI › 10');
    expect(langSon.docName).toBe('Kế hoạch tháng 3/2024 của UBND thành phố Lạng Sơn');

    // Dated deadlines come first, by day of the year.
    expect(body.deadlines.slice(0, 2).map((row) => row.when)).toEqual(['trước ngày 10/11 hàng năm', 'trước ngày 15/12 hàng năm']);
  });

  it('pages, and lists one document’s deadlines', async () => {
    const all = (await getJson('/api/deadlines')) as { deadlines: Row[]; total: number };
    const second = (await getJson('/api/deadlines?limit=2&offset=2')) as { deadlines: Row[]; total: number };
    expect(second.total).toBe(all.total);
    expect(second.deadlines).toEqual(all.deadlines.slice(2, 4));
    const one = (await getJson('/api/deadlines?docId=khanh-hoa-2618-2022')) as { deadlines: Row[] };
    expect(one.deadlines.length).toBeGreaterThan(0);
    expect(one.deadlines.every((row) => row.docId === 'khanh-hoa-2618-2022')).toBe(true);
  });
});

describe('GET /api/documents/:docId/summary', () => {
  it('sums a plan up: what it is, who issued and signed it, period, objectives, targets, tasks by agency, deadlines — all cited', async () => {
    const summary = (await getJson('/api/documents/khanh-hoa-2618-2022/summary')) as DocumentSummary;
    expect(summary.document).toMatchObject({ id: 'khanh-hoa-2618-2022', type: 'Kế hoạch', number: '2618/KH-UBND', name: 'Kế hoạch số 2618/KH-UBND ngày 24/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa' });
    const facts = Object.fromEntries(summary.facts.map((fact) => [fact.key, fact]));
    expect(facts.number.citation.quote).toBe('Số: 2618/KH-UBND');
    expect(facts.date.value).toBe('24/3/2022');
    expect(facts.issuer.citation.quote).toBe('ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA');
    expect(facts.signer.value).toMatch(/^Đinh Văn Thiệu/u);
    expect(facts.period).toMatchObject({ value: '2021 - 2025', citation: { quote: '3. Thời gian thực hiện: Từ năm 2021 - 2025.' } });
    expect(summary.objectives[0].heading).toBe('Mục tiêu chung');
    expect(summary.targets.map((target) => target.figures[0].text)).toEqual(['50%', '10%', '50%']);
    const health = summary.duties.find((duty) => duty.body === 'Sở Y tế')!;
    expect(health.tasks).toHaveLength(4);
    expect(summary.duties.at(-1)!.body).toBe('Các cơ sở trợ giúp xã hội, cơ sở cai nghiện ma túy, Trung tâm Điều dưỡng và Chăm sóc người có công - Công tác xã hội tỉnh');
    expect(summary.deadlines.some((row) => row.when === 'trước ngày 15/12 hàng năm')).toBe(true);
    const citations = [...summary.facts, ...summary.objectives, ...summary.targets, ...summary.deadlines].map((item) => item.citation);
    for (const citation of [...citations, ...summary.duties.flatMap((duty) => [duty.heading, ...duty.tasks.map((task) => task.citation)])]) expectVerbatim(citation);
  });

  it('404s an unknown document', async () => {
    const body = await getJson('/api/documents/khong-co/summary', 404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('GET /api/duties', () => {
  it('finds Sở Y tế’s tasks in every plan from "So Y te", grouped by document and cited', async () => {
    const body = (await getJson(`/api/duties?body=${encodeURIComponent('So Y te')}`)) as { body: string; documents: { docId: string; bodies: { body: string; tasks: { citation: SourceCitation }[] }[] }[]; total: number };
    expect(body.body).toBe('So Y te');
    expect(body.documents.map((group) => group.docId).sort()).toEqual(['ha-noi-2021-2030', 'khanh-hoa-2618-2022']);
    for (const group of body.documents) {
      expect(group.bodies.map((duty) => duty.body)).toEqual(['Sở Y tế']);
      for (const task of group.bodies[0].tasks) expectVerbatim(task.citation);
    }
  });
});

describe('GET /api/quiz', () => {
  it('asks multiple-choice questions about a plan, the same for the same seed, each answer cited', async () => {
    const path = '/api/quiz?docId=lang-son-thanh-pho-2024&n=5&seed=7';
    const quiz = (await getJson(path)) as { seed: string; docIds: string[]; items: QuizItem[] };
    expect(quiz).toMatchObject({ seed: '7', docIds: ['lang-son-thanh-pho-2024'] });
    expect(quiz.items).toHaveLength(5);
    expect(new Set(quiz.items.map((item) => item.kind))).toEqual(new Set(['target', 'deadline', 'duty']));
    for (const item of quiz.items) {
      expect(item.options.length).toBeGreaterThanOrEqual(3);
      expect(item.options.length).toBeLessThanOrEqual(4);
      expect(item.options[item.correct]).toBeDefined();
      expectVerbatim(item.citation);
    }
    expect(await getJson(path)).toEqual(quiz);
  });
});

describe('bad query parameters', () => {
  it.each([
    ['/api/deadlines?limit=0', 'limit'],
    ['/api/deadlines?limit=abc', 'limit'],
    ['/api/deadlines?offset=-1', 'offset'],
    ['/api/deadlines?limit=101', 'limit'],
    ['/api/deadlines?page=2', 'page'],
    ['/api/deadlines?docId=', 'docId'],
    ['/api/duties', 'body'],
    ['/api/duties?body=%20%20', 'body'],
    [`/api/duties?body=${'x'.repeat(200)}`, 'body'],
    ['/api/quiz?n=50', 'n'],
    ['/api/quiz?n=1.5', 'n'],
    [`/api/quiz?seed=${'s'.repeat(100)}`, 'seed'],
  ])('%s → 400 naming %s', async (path, parameter) => {
    const body = await getJson(path, 400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(parameter);
    expect(body.error.message).toMatch(/^Tham số|^Thiếu tham số/u);
  });

  it('400s a quiz or deadlines filter naming an unknown document', async () => {
    for (const path of ['/api/quiz?docId=khong-co', '/api/deadlines?docId=khong-co']) {
      const body = await getJson(path, 400);
      expect(body.error.code).toBe('unknown_document');
    }
  });
});
