import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { silentLogger } from '../logger.js';
import { createWebRoutes } from './create-web-routes.js';
import { createTestKnowledgeBase } from './test-knowledge-base.js';

const KHANH_HOA_TEXT = [
  'KẾ HOẠCH',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Bảo đảm 100% người có công được cấp thẻ bảo hiểm y tế (BHYT).',
  'II. NHIỆM VỤ',
  'Ghi chú nguy hiểm: <script>alert("xss")</script> & <img src=x onerror=alert(1)>',
  'Báo cáo trước ngày 15/12 hàng năm.',
].join('\n');

const knowledge = createTestKnowledgeBase(
  [
    {
      meta: {
        id: 'khanh-hoa-2618-2022',
        title: 'Kế hoạch triển khai thực hiện Chương trình tại tỉnh Khánh Hòa',
        number: '2618/KH-UBND',
        issuer: 'Ủy ban nhân dân tỉnh Khánh Hòa',
        locality: 'Tỉnh Khánh Hòa',
        issuedDate: '2022-03-24',
        signer: 'Đinh Văn Thiệu',
        period: '2021-2025',
        sourceFile: 'khanh-hoa.txt',
      },
      text: KHANH_HOA_TEXT,
      outline: [
        { title: 'I. MỤC ĐÍCH, YÊU CẦU', depth: 0, start: KHANH_HOA_TEXT.indexOf('I. MỤC'), end: KHANH_HOA_TEXT.indexOf('II.') },
        { title: 'II. NHIỆM VỤ', depth: 0, start: KHANH_HOA_TEXT.indexOf('II.'), end: KHANH_HOA_TEXT.length },
      ],
      chunks: 7,
    },
    {
      meta: { id: 'ha-noi-2021-2030', title: 'Kế hoạch của thành phố Hà Nội đến năm 2030', locality: 'Thành phố Hà Nội', sourceFile: 'ha-noi.txt' },
      text: 'Hà Nội: cấp thẻ BHYT cho người cao tuổi.',
      chunks: 3,
    },
  ],
  new Map([
    ['BHYT', 'bảo hiểm y tế'],
    ['bhyt', 'bảo hiểm y tế'],
    ['HĐND', 'Hội đồng nhân dân'],
  ]),
);

let dataDir: string;
let app: Hono;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hdkh-web-'));
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDING_MODEL: 'none', FEEDBACK_MAX_BYTES: '4096', FEEDBACK_FILES: '2' });
  app = new Hono();
  app.route('/', createWebRoutes({ knowledge, config, logger: silentLogger }));
  // The lead's createApp turns AppErrors into JSON the same way.
  app.onError((error, c) =>
    error instanceof AppError ? c.json({ error: { code: error.code, message: error.message } }, error.status as ContentfulStatusCode) : c.json({ error: { code: 'internal', message: String(error) } }, 500),
  );
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const page = async (path: string) => {
  const response = await app.request(path);
  return { response, html: await response.text() };
};

describe('pages', () => {
  it('renders the chat page in Vietnamese with the example questions, a labelled composer and a strict CSP', async () => {
    const { response, html } = await page('/');
    expect(response.status).toBe(200);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Ai được cấp thẻ BHYT?');
    expect(html).toContain('Khi nào phải gửi báo cáo kết quả thực hiện kế hoạch?');
    expect(html).toContain('Cuộc trò chuyện mới');
    expect(html).toContain('data-document-names="{&quot;khanh-hoa-2618-2022&quot;:&quot;Tỉnh Khánh Hòa&quot;'); // short names for citations
    expect(html).toMatch(/<label for="question"/);
    expect(html).toMatch(/<script src="\/assets\/chat-[A-Z0-9]+\.js" defer/);
    expect(html).not.toMatch(/https?:\/\//); // nothing from a CDN
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('lists the plans with their metadata, "—" where absent, and chunk counts', async () => {
    const { response, html } = await page('/docs');
    expect(response.status).toBe(200);
    expect(html).toContain('href="/docs/khanh-hoa-2618-2022"');
    for (const value of ['2618/KH-UBND', '24/03/2022', 'Đinh Văn Thiệu', '2021-2025', 'Tỉnh Khánh Hòa', 'Thành phố Hà Nội']) expect(html).toContain(value);
    expect(html).toMatch(/<dt>Số hiệu<\/dt><dd>—<\/dd>/); // Hà Nội has no number
    expect(html).toMatch(/<dt>Số đoạn đã lập chỉ mục<\/dt><dd>7<\/dd>/);
    expect(html).toMatch(/<dt>Số đoạn đã lập chỉ mục<\/dt><dd>3<\/dd>/);
  });

  it('shows a document with a table of contents pointing at heading anchors, escaping everything from the text', async () => {
    const { response, html } = await page('/docs/khanh-hoa-2618-2022');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const start = KHANH_HOA_TEXT.indexOf('II.');
    expect(html).toContain(`href="#h-${start}"`);
    expect(html).toMatch(new RegExp(`<span id="h-${start}" class="doc-heading[^"]*" role="heading" aria-level="2">II. NHIỆM VỤ</span>`));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/<script src="\/assets\/document-[A-Z0-9]+\.js" defer/);
  });

  it('answers an unknown document with a 404 page', async () => {
    const { response, html } = await page('/docs/khong-co-<b>');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('Không tìm thấy');
    expect(html).not.toContain('<b>');
  });

  it('lists abbreviations used in the plans, linking to where a plan defines one', async () => {
    const { response, html } = await page('/glossary');
    expect(response.status).toBe(200);
    const definitionStart = KHANH_HOA_TEXT.indexOf('bảo hiểm y tế (BHYT)');
    expect(html).toContain(`href="/docs/khanh-hoa-2618-2022#q-${definitionStart}-${definitionStart + 'bảo hiểm y tế (BHYT)'.length}"`);
    expect(html).toContain('<abbr title="bảo hiểm y tế">BHYT</abbr>');
    expect(html).toContain('2 kế hoạch');
    expect(html).not.toContain('HĐND'); // in the table but in no plan
    expect(html.match(/<abbr /g)).toHaveLength(1); // the folded lookup key "bhyt" is not listed again
  });
});

describe('assets', () => {
  it('serves the bundled script and stylesheet with long-lived cache headers, and 404s unknown files', async () => {
    const { html } = await page('/');
    const script = html.match(/\/assets\/chat-[A-Z0-9]+\.js/)?.[0];
    const styles = html.match(/\/assets\/styles-[A-Z0-9]+\.css/)?.[0];
    const js = await app.request(script!);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toContain('/api/ask');
    const css = await app.request(styles!);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('.chip');
    expect((await app.request('/assets/nothing.js')).status).toBe(404);
  });
});

describe('POST /api/feedback', () => {
  const post = (body: unknown) =>
    app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('appends each rating as a JSON line in DATA_DIR/feedback/feedback.jsonl, readable by the server’s user only', async () => {
    const first = await post({ question: 'Ai được cấp thẻ BHYT?', answer: 'Người có công [1].', rating: 'up', citations: [{ n: 1, docId: 'khanh-hoa-2618-2022', start: 10, end: 40 }] });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ ok: true });
    expect((await post({ question: 'Hạn báo cáo?', answer: 'Không tìm thấy.', rating: 'down', comment: 'Thiếu hạn 15/12' })).status).toBe(201);
    const file = join(dataDir, 'feedback', 'feedback.jsonl');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ question: 'Ai được cấp thẻ BHYT?', rating: 'up', citations: [{ n: 1, docId: 'khanh-hoa-2618-2022' }] });
    expect(lines[1]).toMatchObject({ rating: 'down', comment: 'Thiếu hạn 15/12' });
    expect(Date.parse(lines[1].at)).not.toBeNaN();
  });

  it.each([
    ['a rating outside up/down', { question: 'q', answer: 'a', rating: 'meh' }],
    ['a missing question', { answer: 'a', rating: 'up' }],
    ['a comment over 2000 characters', { question: 'q', answer: 'a', rating: 'down', comment: 'x'.repeat(2001) }],
    ['more than 20 citations', { question: 'q', answer: 'a', rating: 'up', citations: Array.from({ length: 21 }, (_, i) => ({ n: i + 1, docId: 'd' })) }],
  ])('refuses %s with a Vietnamese 400', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/Trường|Thiếu/);
  });

  it('keeps the store within FEEDBACK_FILES × FEEDBACK_MAX_BYTES however many ratings come', async () => {
    for (let i = 0; i < 300; i++) expect((await post({ question: `Câu hỏi ${i}?`, answer: 'Không tìm thấy.', rating: 'down', comment: 'x'.repeat(100) })).status).toBe(201);
    const folder = join(dataDir, 'feedback');
    const names = await readdir(folder);
    expect(names.sort()).toEqual(['feedback.1.jsonl', 'feedback.jsonl']);
    for (const name of names) expect((await stat(join(folder, name))).size).toBeLessThanOrEqual(4096);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await post('{not json');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });
});
