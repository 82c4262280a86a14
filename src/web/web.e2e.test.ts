import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';
import { silentLogger } from '../logger.js';
import { createApp } from '../server/create-app.js';
import { serveOnLoopback, type ServedApp } from '../../test/helpers/serve-on-loopback.js';
import { collectPageErrors, unnamedControls } from '../../test/helpers/browser-page.js';
import { startScriptedLlmServer } from '../../test/helpers/scripted-llm-server.js';
import { createLlmAnswerer } from '../answer/llm/llm-answerer.js';
import { configuredLlm } from '../configured-llm.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));

if (!hasChromium) {
  if (process.env.CI === 'true') {
    it('needs Chromium for the browser tests', () => {
      throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium" (never "npx playwright install").`);
    });
  } else {
    console.warn(`Skipping the web browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
  }
}

describe.skipIf(!hasChromium)('web pages in Chromium', () => {
  let pipeline: TestPipeline;
  let served: ServedApp | undefined;
  let base: string;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const [opened, launched] = await Promise.all([
      openTestPipeline(),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
      mkdir(SCREENSHOTS, { recursive: true }),
    ]);
    pipeline = opened;
    browser = launched;
    // The server shares this process with Playwright's client: do the answerer's one-off warm-up before any page waits on it.
    await pipeline.answerer.ask({ question: 'Ai được cấp thẻ BHYT?' });
    const app = createApp({ ...pipeline, logger: silentLogger });
    served = await serveOnLoopback(app);
    base = served.base;
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', reducedMotion: 'reduce' });
    desktop.setDefaultTimeout(15_000);
    page = await desktop.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The refused connection below is on purpose.
    collectPageErrors(page, pageErrors, (text) => text.includes('ERR_CONNECTION_REFUSED'));
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await pipeline?.cleanup();
  });

  const ask = async (target: Page, question: string) => {
    const turns = await target.locator('.turn').count();
    await target.locator('#question').fill(question);
    await target.locator('#question').press('Enter');
    const turn = target.locator('.turn').nth(turns);
    await turn.locator('.bubble-answer[aria-busy="false"]').waitFor();
    return turn;
  };

  /** Controls that must each have an accessible name. */
  const CONTROLS = 'button, a[href], input, textarea, select';

  /** The id the server kept an answer under, read off its Word export link. */
  const answerIdOf = async (turn: Locator): Promise<string> => {
    const href = (await turn.getByRole('link', { name: 'Tải Word' }).getAttribute('href')) ?? '';
    const match = /^\/api\/answers\/([\w-]{22})\/export\.docx$/.exec(href);
    expect(match, href).not.toBeNull();
    return match![1];
  };

  it('streams an answer with citation chips; a chip shows its quote and opens the highlighted passage', async () => {
    await page.goto(base);
    await page.locator('#welcome').waitFor({ state: 'visible', timeout: 5000 });
    const request = page.waitForRequest('**/api/ask');
    const turn = await ask(page, 'Ai được cấp thẻ BHYT?');
    expect((await request).headers().accept).toBe('text/event-stream');

    await expect.poll(() => turn.locator('.answer-abstain').count()).toBe(0);
    const chips = turn.locator('.answer-text button.chip');
    expect(await chips.count()).toBeGreaterThan(0);
    expect(await turn.locator('.citation-list > li').count()).toBeGreaterThan(0);
    expect(await page.locator('#welcome').isHidden()).toBe(true);

    await turn.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-desktop.png') });
    await chips.first().hover();
    const popover = page.locator('#cite-popover');
    await popover.waitFor({ state: 'visible', timeout: 5000 });
    const quote = (await popover.locator('.popover-quote').textContent()) ?? '';
    expect(quote.length).toBeGreaterThan(10);
    expect(await popover.locator('.popover-doc').textContent()).toBeTruthy();
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-desktop-popover.png') });

    await chips.first().click();
    await page.waitForURL(/\/docs\/[^/#]+#q-\d+-\d+$/);
    const marks = page.locator('mark.quote-mark');
    await marks.first().waitFor();
    const marked = (await marks.allTextContents()).join('');
    const squash = (text: string) => text.replace(/…$/, '').replace(/\s+/g, ' ').trim();
    expect(squash(marked).startsWith(squash(quote).slice(0, 60))).toBe(true);
    expect(await marks.first().evaluate((mark) => mark.getBoundingClientRect().top >= 0 && mark.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'document-desktop.png') });
  });

  it('moves the highlight when the hash changes, and the outline links land on their headings', async () => {
    const url = new URL(page.url());
    const [, docId] = url.pathname.match(/\/docs\/(.+)$/)!;
    const text = (await page.locator('#doc-text').textContent()) ?? '';
    const source = (await pipeline.knowledge.document(decodeURIComponent(docId)))!.text;
    expect(text).toBe(source); // offsets in the page are offsets in the original text

    const start = source.indexOf('\n', Math.floor(source.length / 2)) + 1;
    await page.evaluate((hash) => (window.location.hash = hash), `#q-${start}-${start + 40}`);
    await expect.poll(() => page.locator('mark.quote-mark').allTextContents().then((parts) => parts.join(''))).toBe(source.slice(start, start + 40));

    const links = page.locator('.toc-list a');
    expect(await links.count()).toBeGreaterThan(3);
    const link = links.nth(2);
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(href);
    const heading = page.locator(href);
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < window.innerHeight / 2)).toBe(true);
    expect(await heading.getAttribute('role')).toBe('heading');
  });

  it('sends the conversation as history for a follow-up, and shows the rewrite when it differs', async () => {
    await page.goto(base);
    expect(await page.locator('.turn').count()).toBe(1); // kept in localStorage across pages
    const request = page.waitForRequest('**/api/ask');
    const turn = await ask(page, 'Còn Khánh Hòa thì sao?');
    const body = (await request).postDataJSON() as { question: string; history: { role: string; content: string }[] };
    expect(body.question).toBe('Còn Khánh Hòa thì sao?');
    expect(body.history).toHaveLength(2);
    expect(body.history[0]).toEqual({ role: 'user', content: 'Ai được cấp thẻ BHYT?' });
    expect(body.history[1].role).toBe('assistant');
    // The same request as plain JSON gives the standalone rewrite the page should show.
    const replay = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const standalone = ((await replay.json()) as { question: string }).question;
    const rewrite = turn.locator('.rewrite');
    if (standalone === body.question) expect(await rewrite.count()).toBe(0);
    else expect(await rewrite.textContent()).toBe(`Đã hiểu câu hỏi là: ${standalone}`);
  });

  it('shows an abstention in its own style', async () => {
    const turn = await ask(page, 'Tối qua đội tuyển bóng đá thắng mấy bàn?');
    await turn.locator('.answer-abstain').waitFor({ state: 'visible', timeout: 5000 });
    await expect.poll(() => turn.locator('.answer-label').textContent()).toBe('Không tìm thấy thông tin trong các kế hoạch');
  });

  it('shows markup typed in a question as text and runs nothing', async () => {
    const payload = '<script>alert("x")</script><img src=x onerror="alert(1)"> BHYT?';
    const turn = await ask(page, payload);
    await expect.poll(() => turn.locator('.question-text').textContent()).toBe(payload);
    expect(await turn.locator('img, script').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('.question-text').last().textContent()).toBe(payload);
    expect(dialogs).toEqual([]);
  });

  it('keeps Shift+Enter as a new line, saves a thumb at once and a comment after it, and starts a new conversation keeping the old one', async () => {
    await page.locator('#question').fill('dòng một');
    await page.locator('#question').press('Shift+Enter');
    await page.locator('#question').pressSequentially('dòng hai');
    expect(await page.locator('#question').inputValue()).toBe('dòng một\ndòng hai');
    await page.locator('#question').fill('');

    const first = page.locator('.turn').first();
    const answerId = await answerIdOf(first);
    await first.locator('.thumb-down').click();
    await expect.poll(() => first.locator('.feedback-status').textContent()).toBe('Đã lưu đánh giá. Cảm ơn anh/chị!');
    expect(await first.locator('.thumb-down').getAttribute('aria-pressed')).toBe('true');
    const lastFeedback = async () => JSON.parse((await readFile(join(pipeline.config.DATA_DIR, 'feedback', 'feedback.jsonl'), 'utf8')).trim().split('\n').at(-1)!);
    const rating = await lastFeedback();
    expect(rating).toMatchObject({ question: 'Ai được cấp thẻ BHYT?', rating: 'down', answerId });
    expect(rating.comment).toBeUndefined();

    await first.getByLabel('Góp ý thêm (không bắt buộc)').fill('Thiếu đối tượng trẻ em');
    await first.getByRole('button', { name: 'Gửi góp ý' }).click();
    await expect.poll(() => first.locator('.feedback-status').textContent()).toBe('Đã gửi góp ý. Cảm ơn anh/chị!');
    expect(await lastFeedback()).toMatchObject({ question: 'Ai được cấp thẻ BHYT?', rating: 'down', comment: 'Thiếu đối tượng trẻ em', answerId });
    expect(await first.locator('.feedback-form').isHidden()).toBe(true);

    const before = await page.locator('.conversation-item').count();
    await page.getByRole('button', { name: 'Cuộc trò chuyện mới' }).click();
    expect(await page.locator('.turn').count()).toBe(0);
    await page.locator('#welcome').waitFor({ state: 'visible', timeout: 5000 });
    expect(await page.locator('.conversation-item').count()).toBe(before + 1);
    expect(await page.locator('.conversation-open[aria-current="true"] .conversation-name').textContent()).toBe('Cuộc trò chuyện mới');
    expect(await page.locator('.conversation-name').allTextContents()).toContain('Ai được cấp thẻ BHYT?');
  });

  it('shows an error with a retry button when the server is unreachable, and the retry succeeds', async () => {
    await page.route('**/api/ask', (route) => route.abort('connectionrefused'));
    await page.locator('.example').first().click();
    const turn = page.locator('.turn').first();
    await expect.poll(() => turn.locator('.answer-error [role="alert"]').textContent()).toContain('Không kết nối được');
    await page.unroute('**/api/ask');
    await turn.getByRole('button', { name: 'Thử lại' }).click();
    await turn.locator('.bubble-answer[aria-busy="false"] .answer-text').waitFor();
    await expect.poll(() => turn.locator('.answer-error').count()).toBe(0);
    expect(await turn.locator('button.chip').count()).toBeGreaterThan(0);
  });

  it('copies an answer as text with its citations numbered in full form', async () => {
    await desktop.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const turn = page.locator('.turn').first();
    await turn.getByRole('button', { name: 'Sao chép' }).click();
    await expect.poll(() => turn.locator('.action-status').textContent()).toBe('Đã sao chép câu trả lời kèm nguồn trích dẫn.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.split('\n');
    expect(lines[0]).toBe('Câu hỏi: Ai được cấp thẻ BHYT?');
    expect(copied).toContain('\nNguồn trích dẫn:\n[1] ');
    const references = lines.filter((line) => /^\[\d+\] /.test(line));
    expect(references.length).toBe(await turn.locator('.citation-list > li').count());
    // Type, date and issuer of the plan, then the place in it, as the citation list shows it.
    for (const line of references) expect(line).toMatch(/^\[\d+\] Kế hoạch (số \S+ )?(ngày|tháng) [\d/]+ của .+, .+/);
    expect(references[0].slice(4)).toBe(await turn.locator('.citation-doc').first().textContent());
  });

  it('exports an answer to a Word file that opens, with the question and the citations in full form', async () => {
    const turn = page.locator('.turn').first();
    const downloading = page.waitForEvent('download');
    await turn.getByRole('link', { name: 'Tải Word' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^tra-loi-[\w-]{8}\.docx$/);
    const file = await download.path();
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('Ai được cấp thẻ BHYT?');
    const { value: text } = await mammoth.extractRawText({ path: file });
    expect(text).toContain(`[1] ${await turn.locator('.citation-doc').first().textContent()}`);
  });

  it('prints the conversation only, each quote in full', async () => {
    await page.emulateMedia({ media: 'print' });
    const hidden = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).display === 'none');
    for (const selector of ['.site-header', '.composer', '.conversations', '.answer-tools', '.feedback']) expect(await hidden(selector), selector).toBe(true);
    expect(await page.locator('.turn').first().isVisible()).toBe(true);
    const full = page.locator('.citation-quote-full');
    if ((await full.count()) > 0) {
      expect(await full.first().isVisible()).toBe(true);
      expect(await hidden('.citation-quote-preview')).toBe(true);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // "In" prints that answer alone: marked for the print stylesheet until the print dialog closes.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', document.querySelectorAll('.print-one .turn.print-target').length.toString());
    });
    await page.locator('.turn').first().getByRole('button', { name: 'In' }).click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('1');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('.print-one, .print-target').count()).toBe(0);
  });

  it('shares a link that shows the answer to someone else, its citations opening the highlighted passage', async () => {
    const turn = page.locator('.turn').first();
    await turn.getByRole('button', { name: 'Chia sẻ' }).click();
    const link = turn.locator('.share-link a');
    await link.waitFor();
    const url = (await link.getAttribute('href'))!;
    expect(url).toBe(`${base}/a/${await answerIdOf(turn)}`);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await turn.locator('.action-status').textContent()).toContain('Ai có liên kết đều xem được câu trả lời này.');

    const stranger = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const other = await stranger.newPage();
    await other.goto(url);
    expect(await other.locator('h1').textContent()).toBe('Câu trả lời được chia sẻ');
    expect(await other.locator('.question-text').textContent()).toBe('Ai được cấp thẻ BHYT?');
    expect(await other.locator('.citation-list > li').count()).toBe(await turn.locator('.citation-list > li').count());
    expect(await other.locator('.answer-text a.chip').count()).toBeGreaterThan(0);
    await other.screenshot({ path: join(SCREENSHOTS, 'shared-answer-desktop.png'), fullPage: true });
    await other.locator('.citation-doc').first().click();
    await other.waitForURL(/\/docs\/[^/#]+#q-\d+-\d+$/);
    await other.locator('mark.quote-mark').first().waitFor();
    await stranger.close();
  });

  it('limits a conversation to a document, a place or a type with chips above the composer', async () => {
    await page.getByRole('button', { name: 'Giới hạn phạm vi…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giới hạn phạm vi trả lời' });
    await dialog.waitFor();
    await dialog.locator('.scope-docs .scope-option').first().waitFor();
    await dialog.getByLabel('Tìm văn bản').fill('khanh hoa');
    await dialog.locator('.scope-docs').getByRole('checkbox', { name: /Tỉnh Khánh Hòa/ }).check();
    await expect.poll(() => dialog.locator('#scope-count').textContent()).toBe('Phạm vi gồm 1 văn bản.');
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-scope-dialog.png') });
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The dialog's close event, which applies the choice, comes a task after it closes.
    await expect.poll(() => page.locator('.scope-chip-text').allTextContents()).toEqual(['Tỉnh Khánh Hòa']);

    const request = page.waitForRequest('**/api/ask');
    const turn = await ask(page, 'Khi nào phải gửi báo cáo kết quả thực hiện kế hoạch?');
    expect((await request).postDataJSON()).toMatchObject({ docIds: ['khanh-hoa-2618-2022'] });
    const cited = await turn.locator('.citation-doc').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(cited.length).toBeGreaterThan(0);
    for (const href of cited) expect(href).toMatch(/^\/docs\/khanh-hoa-2618-2022#q-/);
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-scope.png') });

    // A place and a type instead: sent by name, resolved by the server.
    await page.getByRole('button', { name: 'Bỏ giới hạn văn bản Tỉnh Khánh Hòa' }).click();
    expect(await page.locator('.scope-chip-all').textContent()).toBe('Mọi văn bản');
    await page.getByRole('button', { name: 'Giới hạn phạm vi…' }).click();
    await dialog.locator('#scope-places').getByRole('checkbox', { name: /Lạng Sơn/ }).check();
    await dialog.locator('#scope-types').getByRole('checkbox', { name: /Kế hoạch/ }).check();
    await expect.poll(() => dialog.locator('#scope-count').textContent()).toBe('Phạm vi gồm 2 văn bản.');
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => page.locator('.scope-chip-text').allTextContents()).toEqual(['Lạng Sơn', 'Kế hoạch']);
    const placed = page.waitForRequest('**/api/ask');
    const next = await ask(page, 'Ai được cấp thẻ BHYT?');
    expect((await placed).postDataJSON()).toMatchObject({ places: ['Lạng Sơn'], types: ['Kế hoạch'] });
    for (const href of await next.locator('.citation-doc').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
      expect(href).toMatch(/^\/docs\/(lang-son-thanh-pho-2024|huu-lung-2022)#q-/);
    }
    // The scope belongs to this conversation: a new one starts unlimited.
    await page.getByRole('button', { name: 'Cuộc trò chuyện mới' }).click();
    expect(await page.locator('.scope-chip-all').textContent()).toBe('Mọi văn bản');
  });

  it('keeps several conversations: renamed, reopened after a reload, deleted only after a confirmation', async () => {
    await ask(page, 'Mục tiêu chăm sóc sức khỏe người cao tuổi là gì?');
    const items = page.locator('.conversation-item');
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const current = page.locator('.conversation-item.is-current');
    expect(await current.locator('.conversation-name').textContent()).toBe('Mục tiêu chăm sóc sức khỏe người cao tuổi là gì?');

    // By keyboard: the rename field takes focus, Enter saves, and focus comes back to the conversation.
    await current.getByRole('button', { name: /^Đổi tên/ }).focus();
    await page.keyboard.press('Enter');
    const name = page.getByLabel('Tên mới của cuộc trò chuyện');
    expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Người cao tuổi');
    await page.keyboard.press('Enter');
    await expect.poll(() => current.locator('.conversation-name').textContent()).toBe('Người cao tuổi');
    expect(await page.evaluate(() => document.activeElement?.closest('.conversation-item.is-current') !== null)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-conversations.png') });
    expect(await unnamedControls(page, CONTROLS)).toEqual([]);

    await page.reload();
    expect(await page.locator('.conversation-item.is-current .conversation-name').textContent()).toBe('Người cao tuổi');
    expect(await page.locator('.question-text').allTextContents()).toEqual(['Mục tiêu chăm sóc sức khỏe người cao tuổi là gì?']);
    await page.locator('.conversation-open', { hasText: 'Ai được cấp thẻ BHYT?' }).first().click();
    await expect.poll(() => page.locator('.question-text').first().textContent()).toBe('Ai được cấp thẻ BHYT?');
    await page.locator('.conversation-open', { hasText: 'Người cao tuổi' }).click();

    const confirm = page.getByRole('dialog', { name: 'Xóa cuộc trò chuyện?' });
    await page.getByRole('button', { name: 'Xóa: Người cao tuổi' }).click();
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('“Người cao tuổi”');
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-delete-confirm.png') });
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    expect(await items.count()).toBe(count);
    await page.getByRole('button', { name: 'Xóa: Người cao tuổi' }).click();
    await confirm.getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => items.count()).toBe(count - 1);
    expect(await page.locator('.conversation-name').allTextContents()).not.toContain('Người cao tuổi');
    expect(await page.locator('.turn').count()).toBeGreaterThan(0); // another conversation opens
    await page.reload();
    expect(await items.count()).toBe(count - 1);
  });

  it('saves a thumb at once, with the answer it rates', async () => {
    const turn = page.locator('.turn').last();
    const answerId = await answerIdOf(turn);
    await turn.locator('.thumb-up').click();
    await expect.poll(() => turn.locator('.feedback-status').textContent()).toBe('Đã lưu đánh giá. Cảm ơn anh/chị!');
    const last = JSON.parse((await readFile(join(pipeline.config.DATA_DIR, 'feedback', 'feedback.jsonl'), 'utf8')).trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ rating: 'up', answerId });
    await page.reload();
    expect(await page.locator('.turn').last().locator('.thumb-up').getAttribute('aria-pressed')).toBe('true');
  });

  it('on a phone: the conversations fold away, the answer actions and the scope fit, a shared answer reads well', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'vi-VN', reducedMotion: 'reduce' });
    const mobile = await phone.newPage();
    mobile.on('pageerror', (error) => pageErrors.push(error.message));
    const overflow = () => mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await mobile.goto(base);
    const toggle = mobile.getByRole('button', { name: /Hiện danh sách/ });
    expect(await mobile.locator('#conversation-list').isHidden()).toBe(true);
    const turn = await ask(mobile, 'Ai được cấp thẻ BHYT?');
    await turn.getByRole('button', { name: 'Chia sẻ' }).scrollIntoViewIfNeeded();
    await mobile.screenshot({ path: join(SCREENSHOTS, 'chat-phone-actions.png') });
    expect(await overflow()).toBe(0);

    await toggle.tap();
    expect(await mobile.getByRole('button', { name: 'Ẩn danh sách' }).getAttribute('aria-expanded')).toBe('true');
    expect(await mobile.locator('.conversation-item').count()).toBe(1);
    await mobile.evaluate(() => window.scrollTo(0, 0));
    await mobile.screenshot({ path: join(SCREENSHOTS, 'chat-phone-conversations.png') });

    await mobile.getByRole('button', { name: 'Giới hạn phạm vi…' }).tap();
    const dialog = mobile.getByRole('dialog', { name: 'Giới hạn phạm vi trả lời' });
    await dialog.locator('#scope-places .scope-option').first().waitFor();
    await mobile.screenshot({ path: join(SCREENSHOTS, 'chat-phone-scope.png') });
    expect(await unnamedControls(mobile, CONTROLS)).toEqual([]);
    await dialog.locator('#scope-places').getByRole('checkbox', { name: /Bến Tre/ }).check();
    await dialog.getByRole('button', { name: 'Áp dụng' }).tap();
    await expect.poll(() => mobile.locator('.scope-chip-text').allTextContents()).toEqual(['Bến Tre']);
    expect(await overflow()).toBe(0);

    await mobile.goto(`${base}/a/${await answerIdOf(turn)}`);
    await mobile.screenshot({ path: join(SCREENSHOTS, 'shared-answer-phone.png'), fullPage: true });
    expect(await overflow()).toBe(0);
    await phone.close();
  });

  it('with an LLM: shows the model’s words as they arrive, and the extractive answer instead of one that fails its checks', async () => {
    const llm = await startScriptedLlmServer();
    const model = (await configuredLlm({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'scripted' }))!.model;
    const generating = await serveOnLoopback(createApp({ ...pipeline, answerer: createLlmAnswerer({ model, extractive: pipeline.answerer, timeoutMs: 10_000 }), logger: silentLogger }));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', reducedMotion: 'reduce' });
    const chat = await context.newPage();
    const errors: string[] = [];
    chat.on('pageerror', (error) => errors.push(error.message));
    try {
      await chat.goto(generating.base);
      const question = 'Khánh Hòa yêu cầu gửi báo cáo kết quả thực hiện kế hoạch trước ngày nào?';
      llm.script({ kind: 'stream', chunks: ['Theo kế hoạch của tỉnh Khánh Hòa, ', 'báo cáo gửi ', 'trước ngày 15/12 hàng năm [1].'], delayMs: 600 });
      await chat.locator('#question').fill(question);
      await chat.locator('#question').press('Enter');
      const first = chat.locator('.turn').nth(0);
      // The first words show while the model is still writing.
      await expect.poll(() => first.locator('.answer-text').textContent(), { timeout: 5000, interval: 50 }).toContain('Theo kế hoạch của tỉnh Khánh Hòa');
      expect(llm.requests.at(-1)!.finishedAt).toBeUndefined();
      expect(await first.locator('.bubble-answer').getAttribute('aria-busy')).toBe('true');
      await first.locator('.bubble-answer[aria-busy="false"]').waitFor();
      expect(await first.locator('.answer-text').textContent()).toBe('Theo kế hoạch của tỉnh Khánh Hòa, báo cáo gửi trước ngày 15/12 hàng năm 1.');
      expect(await first.locator('.answer-text button.chip').count()).toBe(1);
      expect(await first.locator('.answer-origin').textContent()).toContain('mô hình ngôn ngữ');

      const extractive = await pipeline.answerer.ask({ question, history: [{ role: 'user', content: question }] });
      llm.script({ kind: 'stream', chunks: ['Báo cáo gửi trước ngày 20/12 ', 'hàng năm [1].'], delayMs: 200 });
      await chat.locator('#question').fill(question);
      await chat.locator('#question').press('Enter');
      const second = chat.locator('.turn').nth(1);
      await second.locator('.bubble-answer[aria-busy="false"]').waitFor();
      const shown = (await second.locator('.answer-text').textContent()) ?? '';
      expect(shown).not.toContain('20/12');
      expect(shown).toContain('15/12');
      expect(shown.slice(0, 40)).toBe(extractive.answer.replace(/\[(\d+)\]/g, '$1').slice(0, 40));
      expect(await second.locator('.answer-origin').textContent()).toBe('Câu trả lời trích nguyên văn: câu trả lời của mô hình ngôn ngữ có số liệu không có trong các đoạn trích nên không được dùng.');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await generating.close();
      await llm.close();
    }
  });

  it('works on a phone: no sideways scrolling, a tap shows the quote, screenshots', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'vi-VN', reducedMotion: 'reduce' });
    const mobile = await phone.newPage();
    await mobile.goto(base);
    const turn = await ask(mobile, 'Khi nào phải gửi báo cáo kết quả thực hiện kế hoạch?');
    const chip = turn.locator('button.chip').first();
    await chip.scrollIntoViewIfNeeded();
    await chip.tap();
    await mobile.locator('#cite-popover').waitFor({ state: 'visible', timeout: 5000 });
    expect(new URL(mobile.url()).pathname).toBe('/'); // the first tap only shows the quote
    await mobile.screenshot({ path: join(SCREENSHOTS, 'chat-phone.png') });
    const overflow = () => mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);

    await mobile.locator('#cite-popover .popover-link').tap();
    await mobile.locator('mark.quote-mark').first().waitFor();
    await mobile.screenshot({ path: join(SCREENSHOTS, 'document-phone.png') });
    expect(await overflow()).toBe(0);

    await mobile.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/docs', '/glossary']) {
      await mobile.goto(base + path);
      expect(await overflow(), path).toBe(0);
    }
    await phone.close();
    expect(pageErrors).toEqual([]);
  });
});
