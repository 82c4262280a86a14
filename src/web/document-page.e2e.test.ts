import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';
import { passageLink } from '../bots/format-answer.js';
import { silentLogger } from '../logger.js';
import { createApp } from '../server/create-app.js';
import { serveOnLoopback, type ServedApp } from '../../test/helpers/serve-on-loopback.js';
import { openPage } from '../../test/helpers/browser-page.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const BEN_TRE = 'ben-tre-8557-2021';
const PASSAGE = 'Đối tượng thực hiện: Trung tâm điều dưỡng người có công; Cơ sở trợ giúp xã hội';

// Chromium's absence is reported by web.e2e.test.ts; here the journeys are only skipped.
describe.skipIf(!existsSync(CHROMIUM))('document page in Chromium: excerpt note, highlighted passage, original file', () => {
  let pipeline: TestPipeline;
  let served: ServedApp | undefined;
  let base: string;
  let browser: Browser;
  let original: string;
  let start: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const [opened, launched, text] = await Promise.all([
      openTestPipeline(),
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] }),
      readFile(new URL(`../../corpus/${BEN_TRE}.txt`, import.meta.url), 'utf8'),
      mkdir(SCREENSHOTS, { recursive: true }),
    ]);
    pipeline = opened;
    browser = launched;
    original = text;
    start = original.indexOf(PASSAGE);
    const app = createApp({ ...pipeline, logger: silentLogger });
    served = await serveOnLoopback(app);
    base = served.base;
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await pipeline?.cleanup();
    expect(pageErrors).toEqual([]);
  });

  const open = (context: BrowserContext, url: string): Promise<Page> => openPage(context, url, pageErrors);

  const inView = (page: Page, selector: string) =>
    page.locator(selector).first().evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });

  it('on a desktop: a bot link opens the passage highlighted, the page says it is an excerpt, and the original downloads', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', reducedMotion: 'reduce', acceptDownloads: true });
    try {
      // The very link the Telegram and Zalo bots send.
      const link = passageLink(base, { docId: BEN_TRE, start, end: start + PASSAGE.length });
      const page = await open(context, link);
      await page.locator('mark.quote-mark').first().waitFor();
      expect((await page.locator('mark.quote-mark').allTextContents()).join('')).toBe(PASSAGE);
      expect(await page.locator('#highlight-status').textContent()).toBe('Đoạn được trích dẫn đã được tô sáng. Lưu ý: văn bản này là bản trích, không phải toàn văn.');
      expect(await inView(page, 'mark.quote-mark')).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'document-excerpt-desktop-passage.png') });

      const note = page.locator('#excerpt-note');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain('Đây là bản trích, không phải toàn văn.');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, 'document-excerpt-desktop.png') });

      // The note's link leads, by keyboard, to the omission mark in the text.
      const toOmission = page.getByRole('link', { name: 'đến chỗ lược bỏ' });
      await toOmission.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#luoc-1$/);
      expect(await page.locator('#luoc-1').textContent()).toBe('[...]');
      expect(await page.locator('#luoc-1').getAttribute('aria-label')).toBe('Phần bị lược bỏ');
      expect(await inView(page, '#luoc-1')).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'document-excerpt-desktop-omission.png') });

      // Download: the very file the plan was read from, under its own name.
      const download = page.getByRole('link', { name: 'Tải văn bản gốc (TXT)' });
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      expect(file.suggestedFilename()).toBe(`${BEN_TRE}.txt`);
      expect(await readFile((await file.path())!, 'utf8')).toBe(original);
    } finally {
      await context.close();
    }
  });

  it('on a phone: the excerpt note comes before the text, the passage is in view, nothing overflows sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'vi-VN', reducedMotion: 'reduce' });
    try {
      const page = await open(context, `${base}/docs/${BEN_TRE}#q-${start}-${start + PASSAGE.length}`);
      await page.locator('mark.quote-mark').first().waitFor();
      expect(await inView(page, 'mark.quote-mark')).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'document-excerpt-phone-passage.png') });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      const noteTop = await page.locator('#excerpt-note').evaluate((element) => element.getBoundingClientRect().top);
      const textTop = await page.locator('#doc-text').evaluate((element) => element.getBoundingClientRect().top);
      expect(noteTop).toBeLessThan(textTop);
      const button = await page.locator('#download-original').boundingBox();
      expect(button!.height).toBeGreaterThanOrEqual(40);
      // The note is on the first screen, before the long list of metadata.
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await inView(page, '#excerpt-note')).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'document-excerpt-phone.png') });

      // A whole plan carries no excerpt note, nor says so when a passage is highlighted.
      const khanhHoa = (await readFile(new URL('../../corpus/khanh-hoa-2618-2022.txt', import.meta.url), 'utf8')).indexOf('Sở Y tế');
      await page.goto(`${base}/docs/khanh-hoa-2618-2022#q-${khanhHoa}-${khanhHoa + 7}`);
      await page.locator('mark.quote-mark').first().waitFor();
      expect(await page.locator('#highlight-status').textContent()).toBe('Đoạn được trích dẫn đã được tô sáng.');
      expect(await page.locator('#excerpt-note').count()).toBe(0);
      expect(await page.locator('#download-original').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
