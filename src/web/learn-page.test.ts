import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { silentLogger } from '../logger.js';
import { createWebRoutes } from './create-web-routes.js';
import { createTestKnowledgeBase } from './test-knowledge-base.js';

const knowledge = createTestKnowledgeBase([
  {
    meta: { id: 'khanh-hoa-2618-2022', title: 'Kế hoạch triển khai Chương trình tại tỉnh Khánh Hòa', number: '2618/KH-UBND', issuedDate: '2022-03-24', locality: 'Tỉnh Khánh Hòa', sourceFile: 'khanh-hoa.txt' },
    text: 'KẾ HOẠCH',
  },
  { meta: { id: 'ha-noi-2021-2030', title: 'Kế hoạch <b>của</b> thành phố Hà Nội', locality: 'Thành phố Hà Nội', sourceFile: 'ha-noi.txt' }, text: 'KẾ HOẠCH' },
]);

let dataDir: string;
let web: ReturnType<typeof createWebRoutes>;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hdkh-learn-web-'));
  web = createWebRoutes({ knowledge, config: loadConfig({ DATA_DIR: dataDir }), logger: silentLogger });
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const page = async (path: string, status = 200) => {
  const response = await web.request(path);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  return response.text();
};

describe('learning pages', () => {
  it('lists the documents to learn, found by place typed without accents, under "Tự học" in the navigation', async () => {
    const all = await page('/learn');
    expect(all).toMatch(/<a href="\/learn" aria-current="page">Tự học<\/a>/u);
    expect(all).toContain('href="/learn/khanh-hoa-2618-2022"');
    expect(all).toContain('href="/learn/ha-noi-2021-2030"');
    expect(all).toMatch(/<script src="\/assets\/learn-[\w-]+\.js" defer/u);
    // Titles are text, never markup.
    expect(all).toContain('Kế hoạch &lt;b&gt;của&lt;/b&gt; thành phố Hà Nội');

    const found = await page(`/learn?q=${encodeURIComponent('khanh hoa')}`);
    expect(found).toContain('href="/learn/khanh-hoa-2618-2022"');
    expect(found).not.toContain('href="/learn/ha-noi-2021-2030"');
    expect(found).toContain('value="khanh hoa"');
    expect(await page('/learn?q=xyz')).toContain('Không có văn bản nào khớp.');
  });

  it('serves a document’s learning page for the script to fill, and 404s an unknown one', async () => {
    const html = await page('/learn/khanh-hoa-2618-2022');
    expect(html).toContain('data-doc-id="khanh-hoa-2618-2022"');
    for (const id of ['learn-summary', 'learn-deadlines', 'duties-form', 'learn-quiz']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('href="/docs/khanh-hoa-2618-2022"');
    expect(await page('/learn/khong-co', 404)).toContain('Không có văn bản mang mã “khong-co”.');
  });
});
