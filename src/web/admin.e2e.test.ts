import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';
import { makePlanDocx } from '../admin/__fixtures__/make-plan.js';
import { createAdmin, type Admin } from '../admin/create-admin.js';
import { silentLogger } from '../logger.js';
import { createApp } from '../server/create-app.js';
import { serveOnLoopback, type ServedApp } from '../../test/helpers/serve-on-loopback.js';
import { collectPageErrors, unnamedControls } from '../../test/helpers/browser-page.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const TOKEN = 'e2e-admin-token-long-enough';
const QUESTION = 'Cao Bằng phấn đấu bao nhiêu phần trăm người cao tuổi có hồ sơ sức khỏe điện tử?';

if (!hasChromium) console.warn(`Skipping the admin browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);

describe.skipIf(!hasChromium)('the admin page in Chromium', () => {
  let root: string;
  let corpusDir: string;
  let pipeline: TestPipeline;
  let admin: Admin;
  let served: ServedApp | undefined;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'admin-e2e-'));
    corpusDir = join(root, 'corpus');
    await cp(fileURLToPath(new URL('../../corpus/', import.meta.url)), corpusDir, { recursive: true });
    const [opened, launched] = await Promise.all([
      openTestPipeline({ CORPUS_DIR: corpusDir, ADMIN_TOKEN: TOKEN }),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
      mkdir(SCREENSHOTS, { recursive: true }),
    ]);
    pipeline = opened;
    browser = launched;
    await pipeline.answerer.ask({ question: 'Ai được cấp thẻ BHYT?' });
    // Jobs run as in service: each in a process of its own.
    admin = createAdmin({ config: pipeline.config, token: TOKEN, knowledge: pipeline.knowledge, logger: silentLogger });
    const app = createApp({ ...pipeline, logger: silentLogger, admin });
    served = await serveOnLoopback(app);
    base = served.base;
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', reducedMotion: 'reduce' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    // A 401 before logging in is how the page learns it must show the login form.
    collectPageErrors(page, pageErrors, (text) => text.includes('401'));
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await admin?.idle();
    await pipeline?.cleanup();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Asks in the chat and returns the answer's turn once it has finished. */
  const ask = async (question: string): Promise<Locator> => {
    await page.goto(base);
    const turns = await page.locator('.turn').count();
    await page.locator('#question').fill(question);
    await page.locator('#question').press('Enter');
    const turn = page.locator('.turn').nth(turns);
    await turn.locator('.bubble-answer[aria-busy="false"]').waitFor();
    return turn;
  };

  /** Drops files on the drop zone as a person dragging them from a folder would. */
  const drop = async (files: { name: string; bytes: Buffer; type: string }[]) => {
    const dataTransfer = await page.evaluateHandle((items) => {
      const transfer = new DataTransfer();
      for (const { name, base64, type } of items) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
      return transfer;
    }, files.map(({ name, bytes, type }) => ({ name, base64: bytes.toString('base64'), type })));
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
  };

  it('logs in with the token, uploads a .docx plan and a note by drag and drop, and follows each to the end', async () => {
    for (const rating of ['up', 'down']) {
      const body = JSON.stringify({ question: `Câu hỏi được đánh giá ${rating}?`, answer: 'Trả lời.', rating, comment: rating === 'down' ? 'Thiếu số liệu năm 2025' : undefined });
      expect((await fetch(`${base}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(201);
    }
    await page.goto(`${base}/admin`);
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill('wrong-token-wrong-token');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.locator('#login-error').textContent()).toMatch(/Mã quản trị không đúng/u);
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('#admin-main').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#documents-body tr').count()).toBe(5);

    await drop([
      { name: 'Kế hoạch 77 Cao Bằng.docx', bytes: await makePlanDocx(), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { name: 'Ghi chú.md', bytes: Buffer.from('# Thông báo\n\nLịch họp giao ban quý III tại Sở Y tế tỉnh Điện Biên.\n'), type: 'text/markdown' },
    ]);
    const items = page.locator('.upload-item');
    await expect.poll(() => items.count()).toBe(2);
    // Newest first: the note was queued after the plan.
    await page.locator('.upload-item[data-state="done"]').nth(1).waitFor({ timeout: 60_000 });
    expect(await items.nth(1).locator('.upload-status').textContent()).toBe('Đã thêm vào kho: ke-hoach-77-cao-bang');
    expect(await items.nth(0).locator('.upload-status').textContent()).toBe('Đã thêm vào kho: ghi-chu');
    expect(await items.nth(1).locator('progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(1);

    const row = page.locator('#documents-body tr[data-doc-id="ke-hoach-77-cao-bang"]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(
      expect.arrayContaining(['Kế hoạch', '77/KH-UBND', '15/03/2025', 'Tỉnh Cao Bằng']),
    );
    await expect.poll(() => page.locator('#audit-body tr').first().locator('td').nth(1).textContent()).toBe('Xử lý xong');

    // The feedback received, filtered by rating; the export follows the filter.
    await expect.poll(() => page.locator('.feedback-item').count()).toBe(2);
    await page.getByLabel('Đánh giá').selectOption('down');
    await expect.poll(() => page.locator('.feedback-item').count()).toBe(1);
    expect(await page.locator('.feedback-item .feedback-comment').textContent()).toBe('Góp ý: Thiếu số liệu năm 2025');
    expect(await page.getByRole('link', { name: 'Tải về (CSV)' }).getAttribute('href')).toBe('/api/admin/feedback/export.csv?rating=down');
    expect(await unnamedControls(page, 'button, a[href], input:not([type="file"]), textarea, select')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-desktop.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('answers from the uploaded plan in the chat, and its citation opens the passage', async () => {
    const turn = await ask(QUESTION);
    expect(await turn.locator('.answer-text').textContent()).toContain('85%');
    const chip = turn.locator('.answer-text button.chip').first();
    await chip.click();
    await page.waitForURL(/\/docs\/ke-hoach-77-cao-bang#q-\d+-\d+$/u);
    const marks = page.locator('mark.quote-mark');
    await marks.first().waitFor();
    expect((await marks.allTextContents()).join('')).toContain('85% người cao tuổi');
    const download = page.getByRole('link', { name: /Tải văn bản gốc|tệp gốc/u });
    if ((await download.count()) > 0) expect(await download.first().getAttribute('href')).toBe('/api/documents/ke-hoach-77-cao-bang/original');
  });

  it('corrects a document’s metadata in a dialog', async () => {
    await page.goto(`${base}/admin`);
    const row = page.locator('#documents-body tr[data-doc-id="ghi-chu"]');
    await row.getByRole('button', { name: /^Sửa thông tin/u }).click();
    const dialog = page.locator('#meta-dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Địa phương').fill('Tỉnh Điện Biên');
    await dialog.getByLabel('Loại văn bản').selectOption('Thông báo');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('.upload-item[data-state="done"]', { hasText: 'Đã lưu thông tin.' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('#documents-body tr[data-doc-id="ghi-chu"] td').allTextContents()).toEqual(expect.arrayContaining(['Thông báo', 'Tỉnh Điện Biên']));
  });

  it('deletes the plan after a confirmation, and it leaves the answers', async () => {
    await page.goto(`${base}/admin`);
    const row = page.locator('#documents-body tr[data-doc-id="ke-hoach-77-cao-bang"]');
    await row.getByRole('button', { name: /^Xóa/u }).click();
    const dialog = page.locator('#delete-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('#delete-dialog-text').textContent()).toContain('Kế hoạch 77 Cao Bằng.docx');
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('.upload-item').count()).toBe(0);

    await row.getByRole('button', { name: /^Xóa/u }).click();
    await dialog.getByRole('button', { name: 'Xóa' }).click();
    await page.locator('.upload-item[data-state="done"]', { hasText: 'Đã xóa khỏi kho.' }).waitFor({ timeout: 30_000 });
    await row.waitFor({ state: 'detached' });
    expect(await readdir(corpusDir)).not.toContain('Kế hoạch 77 Cao Bằng.docx');

    const turn = await ask(QUESTION);
    expect(await turn.locator('.answer-text').textContent()).not.toContain('85%');
    expect(await turn.locator('a[href*="ke-hoach-77-cao-bang"]').count()).toBe(0);
    await page.goto(`${base}/docs/ke-hoach-77-cao-bang`);
    expect(await page.locator('h1').textContent()).toMatch(/Không tìm thấy|không/u);
  });

  it('fits a phone: the document table becomes cards, the upload and its progress stay usable', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    try {
      const mobile = await phone.newPage();
      await mobile.goto(`${base}/admin`);
      await mobile.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(TOKEN);
      await mobile.getByRole('button', { name: 'Đăng nhập' }).click();
      await mobile.locator('#documents-body tr').first().waitFor();
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await mobile.screenshot({ path: join(SCREENSHOTS, 'admin-phone.png') });
      await mobile.locator('#documents-title').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await mobile.screenshot({ path: join(SCREENSHOTS, 'admin-phone-documents.png') });
    } finally {
      await phone.close();
    }
  });
});
