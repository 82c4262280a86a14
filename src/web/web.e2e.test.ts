import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';
import { silentLogger } from '../logger.js';
import { createApp } from '../server/create-app.js';

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
  let server: ServerType;
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
    server = await new Promise<ServerType>((resolve) => {
      const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', reducedMotion: 'reduce' });
    desktop.setDefaultTimeout(15_000);
    page = await desktop.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // CSP violations and failed loads show up as console errors (the refused connection below is on purpose).
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('ERR_CONNECTION_REFUSED')) pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
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
    const source = pipeline.knowledge.document(decodeURIComponent(docId))!.text;
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

  it('keeps Shift+Enter as a new line, records feedback, and starts a new conversation', async () => {
    await page.locator('#question').fill('dòng một');
    await page.locator('#question').press('Shift+Enter');
    await page.locator('#question').pressSequentially('dòng hai');
    expect(await page.locator('#question').inputValue()).toBe('dòng một\ndòng hai');
    await page.locator('#question').fill('');

    const first = page.locator('.turn').first();
    await first.locator('.thumb-down').click();
    await first.locator('.feedback-form textarea').fill('Thiếu đối tượng trẻ em');
    await first.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await first.locator('.feedback-thanks').waitFor({ state: 'visible', timeout: 5000 });
    const lines = (await readFile(join(pipeline.config.DATA_DIR, 'feedback', 'feedback.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ question: 'Ai được cấp thẻ BHYT?', rating: 'down', comment: 'Thiếu đối tượng trẻ em' });

    await page.getByRole('button', { name: 'Cuộc trò chuyện mới' }).click();
    expect(await page.locator('.turn').count()).toBe(0);
    await page.locator('#welcome').waitFor({ state: 'visible', timeout: 5000 });
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
