import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.js';
import type { AskInput, AskResult } from '../../types.js';
import { createBotRoutes } from '../create-bot-routes.js';
import {
  askResult,
  callbackUpdate,
  citation,
  DOCUMENTS,
  mountBots,
  startFakeTelegram,
  stubAnswerer,
  TELEGRAM_TOKEN,
  testConfig,
  textUpdate,
} from '../test-support.js';

const SECRET = 'webhook-secret-42';

describe('Telegram webhook (POST /bots/telegram)', () => {
  let api: Awaited<ReturnType<typeof startFakeTelegram>>;

  beforeEach(async () => {
    api = await startFakeTelegram();
  });
  afterEach(async () => {
    await api.close();
  });

  function setup(answerer = stubAnswerer(askResult()), env: Record<string, string> = {}) {
    const config = testConfig({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: api.url,
      PUBLIC_URL: 'https://hoidap.example.gov.vn/',
      ...env,
    });
    const bots = createBotRoutes({ answerer, documents: DOCUMENTS, config, logger: silentLogger });
    const app = mountBots(bots.routes);
    const post = (update: unknown, secret: string | null = SECRET) =>
      app.request('/bots/telegram', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }) },
        body: JSON.stringify(update),
      });
    return { answerer, bots, post };
  }

  it('acknowledges at once, then sends the escaped answer with its citations and a link to the passage', async () => {
    let release!: (result: AskResult) => void;
    const answerer = {
      inputs: [] as AskInput[],
      ask: (input: AskInput) => {
        answerer.inputs.push(input);
        return new Promise<AskResult>((resolve) => (release = resolve));
      },
    };
    const { bots, post } = setup(answerer);

    const response = await post(textUpdate('Ai được cấp thẻ <BHYT> & khi nào?'));
    expect(response.status).toBe(200);
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
        '<b>[1] Tỉnh Bến Tre · 8557/KH-UBND</b>',
        'II. &lt;Nhiệm vụ&gt; &amp; giải pháp',
        '<i>“Cấp thẻ BHYT cho người có công &amp; thân nhân &lt;theo quy định&gt;.”</i>',
        '<a href="https://hoidap.example.gov.vn/docs/ben-tre-8557-2021#100-160">Xem trong văn bản</a>',
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
    expect(message.text).toContain('[3] Tỉnh Bến Tre');
    expect(message.text).not.toContain('[4] Tỉnh Bến Tre');
    const buttons = message.reply_markup.inline_keyboard.flat();
    expect(buttons).toHaveLength(1);
    expect(buttons[0].text).toBe('Nguồn tiếp ▸');

    await post(callbackUpdate(buttons[0].callback_data));
    await bots.idle();
    const [edit] = api.sent('editMessageText');
    expect(edit).toMatchObject({ chat_id: 42, message_id: 1001, parse_mode: 'HTML' });
    expect(edit.text.startsWith('Bảy ý [1][2][3][4][5][6][7].')).toBe(true);
    expect(edit.text).toContain('<b>Nguồn trích dẫn (4–6/7):</b>');
    expect(edit.text).toContain('[6] Tỉnh Bến Tre');
    expect(edit.text).not.toContain('[3] Tỉnh Bến Tre');
    expect(edit.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual(['◂ Nguồn trước', 'Nguồn tiếp ▸']);
    expect(api.sent('answerCallbackQuery')).toHaveLength(1);

    // A double tap: Telegram refuses the identical edit, the button still stops spinning.
    await post(callbackUpdate(buttons[0].callback_data));
    await bots.idle();
    expect(api.sent('editMessageText')).toHaveLength(2);
    expect(api.sent('answerCallbackQuery')).toHaveLength(2);

    // A button from an answer the bot no longer remembers says so instead of failing.
    await post(callbackUpdate('cites:unknown:1'));
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
    expect(list).toContain('2. <b>Kế hoạch thực hiện Chương trình trên địa bàn thành phố Lạng Sơn năm 2024</b>\nThành phố Lạng Sơn · ngày 03/2024');
    expect(answerer.inputs).toHaveLength(0);
  });

  it('tells the user when answering fails', async () => {
    const { bots, post } = setup(stubAnswerer(new Error('index unavailable')));
    await post(textUpdate('Ai được cấp thẻ BHYT?'));
    await bots.idle();
    expect(api.sent('sendMessage').map((m) => m.text)).toEqual(['Xin lỗi, đã có lỗi khi tìm câu trả lời. Vui lòng thử lại sau ít phút.']);
  });
});
