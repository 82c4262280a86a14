import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedLlmServer } from '../../../test/helpers/scripted-llm-server.js';
import { createLlmAnswerer } from '../../answer/llm/llm-answerer.js';
import { configuredLlm } from '../../configured-llm.js';
import { silentLogger, type Logger } from '../../logger.js';
import type { Answerer, AskInput, AskResult } from '../../types.js';
import { createBotRoutes } from '../create-bot-routes.js';
import {
  askResult,
  callbackUpdate,
  capturingLogger,
  citation,
  DOCUMENTS,
  mountBots,
  refusedUrl,
  startFakeTelegram,
  startSilentServer,
  stubAnswerer,
  TELEGRAM_TOKEN,
  testConfig,
  textUpdate,
} from '../test-support.js';

const SECRET = 'webhook-secret-42';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'telegram-bot-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

interface SetupOptions {
  apiRoot: string;
  answerer?: Answerer & { inputs: AskInput[] };
  env?: Record<string, string>;
  logger?: Logger;
  apiTimeoutMs?: number;
}

function setupBots({ apiRoot, answerer = stubAnswerer(askResult()), env = {}, logger = silentLogger, apiTimeoutMs }: SetupOptions) {
  const config = testConfig({
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: apiRoot,
    PUBLIC_URL: 'https://hoidap.example.gov.vn/',
    DATA_DIR: dataDir,
    ...env,
  });
  const bots = createBotRoutes({ answerer, catalogue: () => DOCUMENTS, config, logger, apiTimeoutMs });
  const app = mountBots(bots.routes);
  const postRaw = (body: string, secret: string | null = SECRET) =>
    app.request('/bots/telegram', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }) },
      body,
    });
  const post = (update: unknown, secret: string | null = SECRET) => postRaw(JSON.stringify(update), secret);
  return { answerer, bots, post, postRaw };
}

describe('Telegram webhook (POST /bots/telegram)', () => {
  let api: Awaited<ReturnType<typeof startFakeTelegram>>;

  beforeEach(async () => {
    api = await startFakeTelegram();
  });
  afterEach(async () => {
    await api.close();
  });

  const setup = (answerer = stubAnswerer(askResult()), env: Record<string, string> = {}) => setupBots({ apiRoot: api.url, answerer, env });

  it('with an LLM, sends the generated answer once, when it is complete and checked, with its citations as usual', async () => {
    const llm = await startScriptedLlmServer();
    try {
      llm.script({ kind: 'stream', chunks: ['Người cao tuổi từ đủ 80 tuổi ', 'được cấp thẻ ', 'bảo hiểm y tế [1].'], delayMs: 30 });
      const model = (await configuredLlm({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'scripted' }))!.model;
      const extractive = stubAnswerer(askResult({ citations: [citation(1), citation(2)] }));
      const { bots, post } = setup(Object.assign(createLlmAnswerer({ model, extractive, timeoutMs: 5000 }), { inputs: extractive.inputs }));
      expect((await post(textUpdate('Ai được cấp thẻ BHYT?'))).status).toBe(200);
      await bots.idle();
      const sent = api.sent('sendMessage');
      expect(sent).toHaveLength(1);
      expect(sent[0].text).toMatch(/^Người cao tuổi từ đủ 80 tuổi được cấp thẻ bảo hiểm y tế \[1\]\.\n/);
      expect(sent[0].text).toContain('[1] ');
      expect(sent[0].text).not.toContain('[2] ');
    } finally {
      await llm.close();
    }
  });

  it('acknowledges at once, then sends the escaped answer with its citations and a link to the passage', async () => {
    let release!: (result: AskResult) => void;
    let asked!: () => void;
    const askedOnce = new Promise<void>((resolve) => (asked = resolve));
    const answerer = {
      inputs: [] as AskInput[],
      ask: (input: AskInput) => {
        answerer.inputs.push(input);
        asked();
        return new Promise<AskResult>((resolve) => (release = resolve));
      },
    };
    const { bots, post } = setup(answerer);

    const response = await post(textUpdate('Ai được cấp thẻ <BHYT> & khi nào?'));
    expect(response.status).toBe(200);
    await askedOnce;
    // The webhook returned while the answer is still being worked on: nothing sent yet but "typing".
    expect(api.sent('sendMessage')).toHaveLength(0);
    expect(answerer.inputs).toEqual([{ question: 'Ai được cấp thẻ <BHYT> & khi nào?', history: [] }]);

    release(
      askResult({
        answer: 'Người từ đủ 80 tuổi <chưa có thẻ> & người có công được cấp thẻ [1].',
        citations: [citation(1, { section: 'II. <Nhiệm vụ> & giải pháp', quote: 'Cấp thẻ BHYT cho người có công & thân nhân <theo quy định>.' })],
      }),
    );
    await bots.idle();

    expect(api.sent('sendChatAction')[0]).toMatchObject({ chat_id: 42, action: 'typing' });
    const [message] = api.sent('sendMessage');
    expect(message).toMatchObject({ chat_id: 42, parse_mode: 'HTML', reply_parameters: { message_id: 7 } });
    expect(message.reply_markup).toBeUndefined();
    expect(message.text).toBe(
      [
        'Người từ đủ 80 tuổi &lt;chưa có thẻ&gt; &amp; người có công được cấp thẻ [1].',
        '',
        '<b>Nguồn trích dẫn:</b>',
        '',
        '<b>[1] Kế hoạch số 8557/KH-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh Bến Tre, mục III › 2</b>',
        'II. &lt;Nhiệm vụ&gt; &amp; giải pháp',
        '<i>“Cấp thẻ BHYT cho người có công &amp; thân nhân &lt;theo quy định&gt;.”</i>',
        '<a href="https://hoidap.example.gov.vn/docs/ben-tre-8557-2021#q-100-160">Xem trong văn bản</a>',
      ].join('\n'),
    );
  });

  it('passes the previous exchange as history for a follow-up', async () => {
    const answerer = stubAnswerer(askResult({ answer: 'Bến Tre: cấp thẻ cho người từ 80 tuổi [1].' }), askResult({ answer: 'Lạng Sơn: tương tự [1].' }));
    const { bots, post } = setup(answerer);
    await post(textUpdate('Ai được cấp thẻ BHYT ở Bến Tre?'));
    await bots.idle();
    await post(textUpdate('Còn Lạng Sơn thì sao?'));
    await bots.idle();

    expect(answerer.inputs[1]).toEqual({
      question: 'Còn Lạng Sơn thì sao?',
      history: [
        { role: 'user', content: 'Ai được cấp thẻ BHYT ở Bến Tre?' },
        { role: 'assistant', content: 'Bến Tre: cấp thẻ cho người từ 80 tuổi [1].' },
      ],
    });
    // Another chat has its own (empty) history.
    await post(textUpdate('Câu hỏi khác', { chatId: 99 }));
    await bots.idle();
    expect(answerer.inputs[2].history).toEqual([]);
  });

  it('shows an abstention plainly, without a citation list', async () => {
    const { bots, post } = setup(stubAnswerer(askResult({ answered: false, answer: 'Không tìm thấy thông tin về Đà Nẵng trong các kế hoạch.', citations: [] })));
    await post(textUpdate('Kế hoạch của Đà Nẵng?'));
    await bots.idle();
    const messages = api.sent('sendMessage');
    expect(messages.map((m) => m.text)).toEqual(['Không tìm thấy thông tin về Đà Nẵng trong các kế hoạch.']);
    expect(messages[0].reply_markup).toBeUndefined();
  });

  it('shows 3 citations with a button to page through the rest, and edits the message when pressed', async () => {
    const citations = Array.from({ length: 7 }, (_, i) => citation(i + 1));
    const { bots, post } = setup(stubAnswerer(askResult({ answer: 'Bảy ý [1][2][3][4][5][6][7].', citations })));
    await post(textUpdate('Nhiệm vụ chính?'));
    await bots.idle();

    const [message] = api.sent('sendMessage');
    expect(message.text).toContain('<b>Nguồn trích dẫn (1–3/7):</b>');
    expect(message.text).toContain('[3] Kế hoạch số 8557');
    expect(message.text).not.toContain('[4] Kế hoạch số 8557');
    const buttons = message.reply_markup.inline_keyboard.flat();
    expect(buttons).toHaveLength(1);
    expect(buttons[0].text).toBe('Nguồn tiếp ▸');

    await post(callbackUpdate(buttons[0].callback_data));
    await bots.idle();
    const [edit] = api.sent('editMessageText');
    expect(edit).toMatchObject({ chat_id: 42, message_id: 1001, parse_mode: 'HTML' });
    expect(edit.text.startsWith('Bảy ý [1][2][3][4][5][6][7].')).toBe(true);
    expect(edit.text).toContain('<b>Nguồn trích dẫn (4–6/7):</b>');
    expect(edit.text).toContain('[6] Kế hoạch số 8557');
    expect(edit.text).not.toContain('[3] Kế hoạch số 8557');
    expect(edit.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual(['◂ Nguồn trước', 'Nguồn tiếp ▸']);
    expect(api.sent('answerCallbackQuery')).toHaveLength(1);

    // A double tap: Telegram refuses the identical edit, the button still stops spinning.
    await post(callbackUpdate(buttons[0].callback_data));
    await bots.idle();
    expect(api.sent('editMessageText')).toHaveLength(2);
    expect(api.sent('answerCallbackQuery')).toHaveLength(2);

    // A button from an answer the bot no longer remembers says so instead of failing.
    await post(callbackUpdate('cites:unknown:1'));
    await bots.idle();
    expect(api.sent('answerCallbackQuery')[2].text).toMatch(/hết hạn/);
  });

  it('splits a long answer into messages within the 4096-character limit', async () => {
    const paragraph = `${'Các sở, ngành & địa phương <phối hợp> triển khai nhiệm vụ. '.repeat(30)}[1]`;
    const answer = Array.from({ length: 6 }, () => paragraph).join('\n\n');
    const { bots, post } = setup(stubAnswerer(askResult({ answer, citations: [citation(1)] })));
    await post(textUpdate('Tổ chức thực hiện?'));
    await bots.idle();

    const texts = api.sent('sendMessage').map((m) => m.text as string);
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    // Nothing lost, no entity cut in half, citations in the last message.
    const joined = texts.slice(0, -1).join('\n\n');
    expect(joined.replace(/\s+/g, ' ')).toBe(answer.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s+/g, ' '));
    expect(texts.at(-1)).toMatch(/^<b>Nguồn trích dẫn:<\/b>/);
  });

  it('answers a retried update (same update_id) only once', async () => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    const update = textUpdate('Ai được cấp thẻ BHYT?');
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    await bots.idle();
    expect(answerer.inputs).toHaveLength(1);
    expect(api.sent('sendMessage')).toHaveLength(1);
  });

  it('does not answer a retried update again after a restart (update_ids are kept on disk)', async () => {
    const first = setup();
    const update = textUpdate('Ai được cấp thẻ BHYT?');
    await first.post(update);
    await first.bots.close();

    const second = setup(); // same DATA_DIR, as after a restart
    expect((await second.post(update)).status).toBe(200);
    await second.post(textUpdate('Câu hỏi mới?'));
    await second.bots.close();
    expect(api.sent('sendMessage')).toHaveLength(2);
    expect(second.answerer.inputs.map((input) => input.question)).toEqual(['Câu hỏi mới?']);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a number', '5'],
    ['a string', '"update"'],
    ['an object without update_id', '{}'],
    ['a text update_id', '{"update_id":"1"}'],
    ['a message that is not an object', '{"update_id":1,"message":5}'],
    ['a message without a chat', '{"update_id":1,"message":{"message_id":1,"date":1,"chat":null,"text":"x"}}'],
    ['a message whose text is not text', '{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":{}}}'],
    ['entities that are not a list', '{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"/start","entities":5}}'],
    ['a callback query that is not an object', '{"update_id":1,"callback_query":"cites:x:1"}'],
    ['not JSON', '{"update_id":'],
  ])('rejects %s as an update with 400 and sends nothing', async (_label, body) => {
    const { bots, postRaw, answerer } = setup();
    const response = await postRaw(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: expect.stringMatching(/^invalid_(request|json)$/) } });
    await bots.idle();
    expect(answerer.inputs).toHaveLength(0);
    expect(api.calls).toHaveLength(0);
  });

  it.each([
    ['a forged secret', 'wrong-secret'],
    ['no secret', null],
  ])('rejects %s with 401 and sends nothing', async (_label, secret) => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    const response = await post(textUpdate('Ai được cấp thẻ BHYT?'), secret);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    await bots.idle();
    expect(answerer.inputs).toHaveLength(0);
    expect(api.calls).toHaveLength(0);
  });

  it('/start greets with example questions, /help explains, /tailieu lists the plans escaped', async () => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    await post(textUpdate('/start'));
    await post(textUpdate('/help'));
    await post(textUpdate('/tailieu'));
    await bots.idle();

    const [start, help, list] = api.sent('sendMessage').map((m) => m.text as string);
    expect(start).toMatch(/^Xin chào!/);
    expect(start.match(/^• /gm)).toHaveLength(3);
    expect(start).toContain('Kế hoạch của Tỉnh Bến Tre');
    expect(help).toContain('/tailieu');
    expect(list).toContain('<b>Các kế hoạch đang có (2):</b>');
    expect(list).toContain('1. <b>Kế hoạch chăm sóc sức khỏe người có công &lt;giai đoạn 2021 - 2030&gt; &amp; người cao tuổi tỉnh Bến Tre</b>\nTỉnh Bến Tre · Số 8557/KH-UBND, ngày 24/12/2021');
    expect(list).toContain('2. <b>Kế hoạch thực hiện Chương trình trên địa bàn thành phố Lạng Sơn năm 2024</b>\nThành phố Lạng Sơn · tháng 03/2024');
    expect(answerer.inputs).toHaveLength(0);
  });

  it('with TELEGRAM_BOT_USERNAME answers commands addressed to it without asking Telegram who it is', async () => {
    const { bots, post } = setupBots({ apiRoot: api.url, env: { TELEGRAM_BOT_USERNAME: '@hoidap_test_bot' } });
    await post(textUpdate('/help@hoidap_test_bot'));
    await post(textUpdate('/help@another_bot'));
    await bots.idle();
    expect(api.sent('getMe')).toHaveLength(0);
    const [help, other] = api.sent('sendMessage').map((m) => m.text as string);
    expect(help).toContain('/tailieu');
    expect(other).toMatch(/^Không có lệnh \/help@another_bot/);
  });

  it('tells the user when answering fails', async () => {
    const { bots, post } = setup(stubAnswerer(new Error('index unavailable')));
    await post(textUpdate('Ai được cấp thẻ BHYT?'));
    await bots.idle();
    expect(api.sent('sendMessage').map((m) => m.text)).toEqual(['Xin lỗi, đã có lỗi khi tìm câu trả lời. Vui lòng thử lại sau ít phút.']);
  });
});

describe("Telegram webhook while Telegram's API is unreachable", () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  beforeEach(() => {
    rejections.length = 0;
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => {
    process.off('unhandledRejection', onRejection);
  });

  /** The webhook's response, or null if it took longer than `ms`. */
  async function within<T>(ms: number, promise: T | Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
    try {
      return await Promise.race([promise, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('acknowledges at once when the API accepts connections but never answers, and gives up on getMe after the timeout', async () => {
    const silent = await startSilentServer();
    try {
      const { logger, lines } = capturingLogger();
      const { bots, post, answerer } = setupBots({ apiRoot: silent.url, logger, apiTimeoutMs: 100 });
      const started = performance.now();
      const response = await within(1000, post(textUpdate('Ai được cấp thẻ BHYT?')));
      expect(response?.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);

      // In the background: getMe is tried, times out, and the update is dropped with a clear log line.
      expect(await within(2000, bots.close().then(() => 'closed'))).toBe('closed');
      expect(silent.paths.some((path) => path.endsWith('/getMe'))).toBe(true);
      expect(answerer.inputs).toHaveLength(0);
      expect(lines.join('')).toContain('TELEGRAM_BOT_USERNAME');
      expect(rejections).toEqual([]);
    } finally {
      await silent.close();
    }
  });

  it('with TELEGRAM_BOT_USERNAME never calls getMe, and a reply that gets no answer times out without crashing', async () => {
    const silent = await startSilentServer();
    try {
      const { logger, lines } = capturingLogger();
      const answerer = stubAnswerer(askResult());
      const { bots, post } = setupBots({ apiRoot: silent.url, answerer, logger, apiTimeoutMs: 100, env: { TELEGRAM_BOT_USERNAME: 'hoidap_test_bot' } });
      const response = await within(1000, post(textUpdate('Ai được cấp thẻ BHYT?')));
      expect(response?.status).toBe(200);

      expect(await within(2000, bots.close().then(() => 'closed'))).toBe('closed');
      expect(answerer.inputs).toHaveLength(1);
      expect(silent.paths.some((path) => path.endsWith('/getMe'))).toBe(false);
      expect(silent.paths.some((path) => path.endsWith('/sendMessage'))).toBe(true);
      expect(lines.join('')).toMatch(/timed out|aborted/i);
      expect(rejections).toEqual([]);
    } finally {
      await silent.close();
    }
  });

  it.each([
    ['without', {}],
    ['with', { TELEGRAM_BOT_USERNAME: 'hoidap_test_bot' }],
  ])('acknowledges at once when the connection is refused (%s a configured username)', async (_label, env) => {
    const { bots, post } = setupBots({ apiRoot: await refusedUrl(), apiTimeoutMs: 100, env });
    const response = await within(1000, post(textUpdate('Ai được cấp thẻ BHYT?')));
    expect(response?.status).toBe(200);
    expect(await within(2000, bots.close().then(() => 'closed'))).toBe('closed');
    expect(rejections).toEqual([]);
  });
});
