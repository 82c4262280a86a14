import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../../logger.js';
import type { DocumentMeta } from '../../types.js';
import { createChatHistory } from '../chat-history.js';
import { createTaskQueue } from '../task-queue.js';
import {
  askResult,
  callbackUpdate,
  capturingLogger,
  DOCUMENTS,
  manyDocuments,
  startFakeTelegram,
  stubAnswerer,
  TELEGRAM_TOKEN,
  textUpdate,
  type RecordedCall,
  type Reply,
} from '../test-support.js';
import { createTelegramBot, FLOOD_RETRY } from './create-telegram-bot.js';
import { TELEGRAM_MESSAGE_LIMIT } from './format-telegram.js';

const openApis: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(openApis.splice(0).map((close) => close()));
});

async function setup({ documents = DOCUMENTS, override, logger = silentLogger }: { documents?: DocumentMeta[]; override?: (method: string, call: RecordedCall) => Reply | undefined; logger?: Logger } = {}) {
  const api = await startFakeTelegram(override);
  openApis.push(api.close);
  const tasks = createTaskQueue(logger);
  const bot = createTelegramBot({
    token: TELEGRAM_TOKEN,
    apiRoot: api.url,
    username: 'hoidap_test_bot',
    answerer: stubAnswerer(askResult()),
    catalogue: () => documents,
    history: createChatHistory(),
    tasks,
    logger,
    publicUrl: 'https://hoidap.example.gov.vn',
  });
  const send = async (update: unknown) => {
    await bot.handleUpdate(update as Update);
    await tasks.idle();
  };
  return { api, send };
}

const buttons = (message: { reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] } }) => message.reply_markup?.inline_keyboard.flat() ?? [];
const listNumbers = (text: string) => [...text.matchAll(/^(\d+)\. <b>/gm)].map((match) => Number(match[1]));

describe('/tailieu pages through a long list', () => {
  it('lists the documents as they are now: one an ingest added while the bot runs is there', async () => {
    const documents = manyDocuments(3);
    const { api, send } = await setup({ documents });
    await send(textUpdate('/tailieu'));
    documents.push(...manyDocuments(4).slice(3));
    await send(textUpdate('/tailieu'));
    const [before, after] = api.sent('sendMessage');
    expect(before.text).toMatch(/^<b>Các kế hoạch đang có \(3\)/);
    expect(after.text).toMatch(/^<b>Các kế hoạch đang có \(4\)/);
  });


  it('shows 350 plans 10 at a time, each page one message within the limit, turned by Trang trước / Trang sau', async () => {
    const documents = manyDocuments(350);
    const { api, send } = await setup({ documents });
    await send(textUpdate('/tailieu'));
    const [first] = api.sent('sendMessage');
    expect(first.text).toMatch(/^<b>Các kế hoạch đang có \(350\) — trang 1\/35:<\/b>/);
    expect(listNumbers(first.text)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.text).toContain('&lt;giai đoạn 2021 - 2030&gt;');
    expect(buttons(first).map((b) => [b.text, b.callback_data])).toEqual([['Trang sau ▸', 'docs:2']]);

    // Press "Trang sau" to the end: every plan shown exactly once, in order, each page edited in place.
    const seen = listNumbers(first.text);
    let current = first;
    for (let page = 2; page <= 35; page += 1) {
      const next = buttons(current).find((b) => b.text === 'Trang sau ▸')!;
      await send(callbackUpdate(next.callback_data));
      current = api.sent('editMessageText').at(-1);
      expect(current.text.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(current.text).toContain(`— trang ${page}/35:`);
      seen.push(...listNumbers(current.text));
    }
    expect(seen).toEqual(Array.from({ length: 350 }, (_, i) => i + 1));
    expect(buttons(current).map((b) => b.text)).toEqual(['◂ Trang trước']);
    expect(api.sent('answerCallbackQuery')).toHaveLength(34);

    await send(callbackUpdate('docs:34'));
    expect(buttons(api.sent('editMessageText').at(-1)).map((b) => [b.text, b.callback_data])).toEqual([
      ['◂ Trang trước', 'docs:33'],
      ['Trang sau ▸', 'docs:35'],
    ]);
  });

  it('opens the page asked for with /tailieu 12, and the last page for one past the end', async () => {
    const { api, send } = await setup({ documents: manyDocuments(350) });
    await send(textUpdate('/tailieu 12'));
    await send(textUpdate('/tailieu@hoidap_test_bot trang 3'));
    await send(textUpdate('/tailieu 999'));
    await send(textUpdate('/tailieu abc'));
    const [twelve, three, last, first] = api.sent('sendMessage');
    expect(listNumbers(twelve.text)).toEqual(Array.from({ length: 10 }, (_, i) => 111 + i));
    expect(buttons(twelve).map((b) => b.callback_data)).toEqual(['docs:11', 'docs:13']);
    expect(three.text).toContain('— trang 3/35:');
    expect(last.text).toContain('— trang 35/35:');
    expect(listNumbers(last.text).at(-1)).toBe(350);
    expect(first.text).toContain('— trang 1/35:');
  });

  it('shows a short list without buttons', async () => {
    const { api, send } = await setup();
    await send(textUpdate('/tailieu'));
    const [message] = api.sent('sendMessage');
    expect(message.text).toMatch(/^<b>Các kế hoạch đang có \(2\):<\/b>/);
    expect(message.reply_markup).toBeUndefined();
  });
});

describe('Telegram flood limits', () => {
  const tooMany = (retryAfter: number): Reply => ({
    status: 429,
    json: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } },
  });

  it('waits for retry_after and then sends the reply', async () => {
    let floods = 1;
    const { api, send } = await setup({ override: (method) => (method === 'sendMessage' && floods-- > 0 ? tooMany(1) : undefined) });
    const started = performance.now();
    await send(textUpdate('Ai được cấp thẻ BHYT?'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.calls.filter((call) => call.path.endsWith('/sendMessage'))).toHaveLength(2);
    expect(api.sent('sendMessage')).toHaveLength(1);
    expect(api.sent('sendMessage')[0].text).toContain('Người cao tuổi từ đủ 80 tuổi');
  });

  it(`gives up after ${FLOOD_RETRY.maxRetryAttempts} retries, and at once when asked to wait over ${FLOOD_RETRY.maxDelaySeconds} s, logging the failure`, async () => {
    const { logger, lines } = capturingLogger();
    const { api, send } = await setup({ logger, override: (method) => (method === 'sendMessage' ? tooMany(0) : undefined) });
    await send(textUpdate('Ai được cấp thẻ BHYT?'));
    expect(api.calls.filter((call) => call.path.endsWith('/sendMessage'))).toHaveLength(1 + FLOOD_RETRY.maxRetryAttempts);
    expect(lines.join('')).toContain('Too Many Requests');

    const long = await setup({ override: (method) => (method === 'sendMessage' ? tooMany(FLOOD_RETRY.maxDelaySeconds + 50) : undefined) });
    const started = performance.now();
    await long.send(textUpdate('Ai được cấp thẻ BHYT?'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(long.api.calls.filter((call) => call.path.endsWith('/sendMessage'))).toHaveLength(1);
  });
});
