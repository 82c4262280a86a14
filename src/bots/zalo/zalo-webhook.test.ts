import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.js';
import { createBotRoutes } from '../create-bot-routes.js';
import { askResult, citation, DOCUMENTS, manyDocuments, mountBots, startFakeServer, stubAnswerer, testConfig, type FakeServer } from '../test-support.js';
import { zaloMac } from './zalo-signature.js';

const APP_ID = '4291763606161179100';
const OA_SECRET = 'oa-secret-key';
const HOUR = 3_600_000;

describe('Zalo OA webhook (POST /bots/zalo)', () => {
  let zalo: FakeServer;
  let dataDir: string;
  let clock: number;
  /** Access tokens the fake API treats as expired. */
  let expired: Set<string>;
  let refreshes: number;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zalo-bot-'));
    clock = 1_700_000_000_000;
    expired = new Set();
    refreshes = 0;
    zalo = await startFakeServer(({ path, headers, body }) => {
      if (path === '/v4/oa/access_token') {
        refreshes += 1;
        const form = new URLSearchParams(body);
        if (headers.secret_key !== 'app-secret' || form.get('grant_type') !== 'refresh_token' || form.get('app_id') !== APP_ID) {
          return { json: { error: -14002, error_name: 'Invalid request' } };
        }
        return { json: { access_token: `access-${refreshes}`, refresh_token: `refresh-${refreshes}`, expires_in: '90000' } };
      }
      if (path === '/v3.0/oa/message/cs') {
        if (expired.has(String(headers.access_token))) return { json: { error: -216, message: 'Access token is invalid' } };
        return { json: { error: 0, message: 'Success', data: { message_id: 'mid' } } };
      }
      return { status: 404, json: { error: 404 } };
    });
  });
  afterEach(async () => {
    await zalo.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function setup(answerer = stubAnswerer(askResult()), env: Record<string, string> = {}, documents = DOCUMENTS) {
    const config = testConfig({
      ZALO_APP_ID: APP_ID,
      ZALO_OA_SECRET_KEY: OA_SECRET,
      ZALO_APP_SECRET: 'app-secret',
      ZALO_ACCESS_TOKEN: 'access-0',
      ZALO_REFRESH_TOKEN: 'refresh-0',
      ZALO_API_BASE: zalo.url,
      ZALO_OAUTH_BASE: zalo.url,
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://hoidap.example.gov.vn',
      ...env,
    });
    const bots = createBotRoutes({ answerer, catalogue: () => documents, config, logger: silentLogger, now: () => clock });
    const app = mountBots(bots.routes);
    const post = (event: Record<string, unknown>, sign: (raw: string) => string | null = (raw) => `mac=${zaloMac(APP_ID, raw, String(event.timestamp), OA_SECRET)}`) => {
      const raw = JSON.stringify(event);
      const signature = sign(raw);
      return app.request('/bots/zalo', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(signature === null ? {} : { 'X-ZEvent-Signature': signature }) },
        body: raw,
      });
    };
    /** Posts a raw body signed as Zalo would sign it (timestamp read from the body when it has one). */
    const postRaw = (raw: string, timestamp = '') =>
      app.request('/bots/zalo', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-ZEvent-Signature': `mac=${zaloMac(APP_ID, raw, timestamp, OA_SECRET)}` },
        body: raw,
      });
    return { answerer, bots, post, postRaw };
  }

  let msg = 0;
  const textEvent = (text: string, userId = 'user-1', msgId = `msg-${++msg}`) => ({
    app_id: APP_ID,
    user_id_by_app: 'by-app-1',
    event_name: 'user_send_text',
    timestamp: String(clock),
    sender: { id: userId },
    recipient: { id: 'oa-1' },
    message: { text, msg_id: msgId },
  });
  const sends = () => zalo.calls.filter((call) => call.path === '/v3.0/oa/message/cs');

  it('answers 200 at once and replies through the OA customer-service API with the answer and its citations', async () => {
    const { bots, post } = setup(stubAnswerer(askResult({ citations: [citation(1, { quote: 'Cấp thẻ <BHYT> & hỗ trợ.' })] })));
    const response = await post(textEvent('Ai được cấp thẻ BHYT?'));
    expect(response.status).toBe(200);
    await bots.idle();

    expect(sends()).toHaveLength(1);
    expect(sends()[0].headers.access_token).toBe('access-0');
    expect(sends()[0].json).toEqual({
      recipient: { user_id: 'user-1' },
      message: {
        text: [
          'Người cao tuổi từ đủ 80 tuổi được cấp thẻ bảo hiểm y tế [1].',
          '',
          'Nguồn trích dẫn:',
          '[1] Kế hoạch số 8557/KH-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh Bến Tre, mục III › 2',
          'III. NHIỆM VỤ › 2. Chăm sóc sức khỏe',
          '“Cấp thẻ <BHYT> & hỗ trợ.”',
          'Xem: https://hoidap.example.gov.vn/docs/ben-tre-8557-2021#q-100-160',
        ].join('\n'),
      },
    });
  });

  it('passes the previous exchange as history for a follow-up from the same user', async () => {
    const answerer = stubAnswerer(askResult({ answer: 'Câu trả lời một [1].' }), askResult({ answer: 'Câu trả lời hai [1].' }));
    const { bots, post } = setup(answerer);
    await post(textEvent('Câu hỏi một?'));
    await bots.idle();
    await post(textEvent('Còn Lạng Sơn?'));
    await bots.idle();
    expect(answerer.inputs[1]).toEqual({
      question: 'Còn Lạng Sơn?',
      history: [
        { role: 'user', content: 'Câu hỏi một?' },
        { role: 'assistant', content: 'Câu trả lời một [1].' },
      ],
    });
  });

  it('splits a long reply into messages of at most 2000 characters without cutting a citation', async () => {
    const citations = Array.from({ length: 8 }, (_, i) => citation(i + 1, { quote: `Trích dẫn ${i + 1}: ${'nội dung văn bản '.repeat(20)}` }));
    const answer = `${'Ủy ban nhân dân các huyện chủ trì triển khai. '.repeat(60)}[1]`;
    const { bots, post } = setup(stubAnswerer(askResult({ answer, citations })));
    await post(textEvent('Tổ chức thực hiện?'));
    await bots.idle();

    const texts = sends().map((call) => call.json.message.text as string);
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(2000);
    for (let n = 1; n <= 8; n++) {
      // Every citation block sits whole inside one message.
      const holders = texts.filter((text) => text.includes(`[${n}] Kế hoạch số 8557/KH-UBND`));
      expect(holders).toHaveLength(1);
      expect(holders[0]).toMatch(new RegExp(`\\[${n}\\] Kế hoạch số 8557/KH-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh Bến Tre, mục III › 2\\nIII\\. NHIỆM VỤ › 2\\. Chăm sóc sức khỏe\\n“Trích dẫn ${n}: [^”]+”\\nXem: \\S+`));
    }
    // The over-long answer is cut at a word boundary and nothing is lost.
    expect(answer.startsWith(texts[0])).toBe(true);
    expect(answer[texts[0].length]).toBe(' ');
    expect(`${texts[0]} ${texts[1].split('\n\nNguồn trích dẫn:')[0]}`).toBe(answer.trim());
  });

  it.each([
    ['a forged signature', () => `mac=${'0'.repeat(64)}`],
    ['a signature made with another secret', (raw: string) => `mac=${zaloMac(APP_ID, raw, '1700000000000', 'guessed')}`],
    ['no signature', () => null],
  ])('rejects %s with 401: nothing sent, no history touched', async (_label, sign) => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    const response = await post(textEvent('Giả mạo?'), sign);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    await bots.idle();
    expect(answerer.inputs).toHaveLength(0);
    expect(zalo.calls).toHaveLength(0);

    // The forged message did not enter the user's history.
    await post(textEvent('Câu thật?'));
    await bots.idle();
    expect(answerer.inputs).toEqual([{ question: 'Câu thật?', history: [] }]);
  });

  it('rejects a body altered after signing', async () => {
    const { bots, post } = setup();
    const event = textEvent('Câu gốc');
    const signed = `mac=${zaloMac(APP_ID, JSON.stringify(event), event.timestamp, OA_SECRET)}`;
    const response = await post({ ...event, message: { text: 'Câu đã sửa', msg_id: 'x' } }, () => signed);
    expect(response.status).toBe(401);
    await bots.idle();
    expect(zalo.calls).toHaveLength(0);
  });

  it('ignores event types it does not handle (200, nothing sent)', async () => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    const response = await post({ app_id: APP_ID, event_name: 'follow', timestamp: String(clock), follower: { id: 'user-1' } });
    expect(response.status).toBe(200);
    await post({ ...textEvent('ảnh'), event_name: 'user_send_image' });
    await bots.idle();
    expect(answerer.inputs).toHaveLength(0);
    expect(zalo.calls).toHaveLength(0);
  });

  it('answers a re-sent event (same msg_id) once', async () => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    const event = textEvent('Ai được cấp thẻ?');
    await post(event);
    await post(event);
    await bots.idle();
    expect(answerer.inputs).toHaveLength(1);
    expect(sends()).toHaveLength(1);
  });

  it('answers a re-sent signed event without a msg_id once', async () => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    const { message, ...rest } = textEvent('Ai được cấp thẻ?');
    const event = { ...rest, message: { text: message.text } };
    for (let i = 0; i < 3; i++) expect((await post(event)).status).toBe(200);
    // The same words sent again later are a new message, answered again.
    await post({ ...event, timestamp: String(clock + 1) });
    await bots.idle();
    expect(answerer.inputs).toHaveLength(2);
    expect(sends()).toHaveLength(2);
  });

  it('does not answer a replay after a restart, with or without a msg_id', async () => {
    const withId = textEvent('Câu có mã?');
    const { message, ...rest } = textEvent('Câu không có mã?');
    const withoutId = { ...rest, message: { text: message.text } };
    const first = setup();
    await first.post(withId);
    await first.post(withoutId);
    await first.bots.close();
    expect(sends()).toHaveLength(2);

    const second = setup(); // same DATA_DIR, as after a restart
    expect((await second.post(withId)).status).toBe(200);
    expect((await second.post(withoutId)).status).toBe(200);
    await second.bots.close();
    expect(second.answerer.inputs).toHaveLength(0);
    expect(sends()).toHaveLength(2);
  });

  it('does not answer a signed event older than the replay window, which it can no longer recognise', async () => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    const old = { ...textEvent('Câu cũ?'), timestamp: String(clock - 8 * 24 * HOUR) };
    const response = await post(old);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ handled: false });
    // Zalo's own retries, hours late, are still answered; so is a time given in seconds.
    await post({ ...textEvent('Câu gửi lại sau 5 giờ?'), timestamp: String(clock - 5 * HOUR) });
    await post({ ...textEvent('Thời điểm tính bằng giây?'), timestamp: Math.floor(clock / 1000) });
    await bots.idle();
    expect(answerer.inputs.map((input) => input.question)).toEqual(['Câu gửi lại sau 5 giờ?', 'Thời điểm tính bằng giây?']);
  });

  it.each([
    ['null', 'null', ''],
    ['an array', '[]', ''],
    ['a number', '5', ''],
    ['an event without event_name', '{"timestamp":"1700000000000","sender":{"id":"u"},"message":{"text":"x"}}', '1700000000000'],
    ['an event whose timestamp is not a time', '{"event_name":"user_send_text","timestamp":"soon","sender":{"id":"u"},"message":{"text":"x"}}', 'soon'],
    ['a text event without a sender', '{"event_name":"user_send_text","timestamp":"1700000000000","message":{"text":"x"}}', '1700000000000'],
    ['a text event whose sender is text', '{"event_name":"user_send_text","timestamp":"1700000000000","sender":"u","message":{"text":"x"}}', '1700000000000'],
    ['a text event whose message is not an object', '{"event_name":"user_send_text","timestamp":"1700000000000","sender":{"id":"u"},"message":5}', '1700000000000'],
    ['a text event whose text is not text', '{"event_name":"user_send_text","timestamp":"1700000000000","sender":{"id":"u"},"message":{"text":{}}}', '1700000000000'],
  ])('rejects %s, signed, with 400 and sends nothing', async (_label, raw, timestamp) => {
    const answerer = stubAnswerer(askResult());
    const { bots, postRaw } = setup(answerer);
    const response = await postRaw(raw, timestamp);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request' } });
    await bots.idle();
    expect(answerer.inputs).toHaveLength(0);
    expect(zalo.calls).toHaveLength(0);
  });

  it('refreshes an expired access token once, retries the send, and keeps the new tokens on disk', async () => {
    expired.add('access-0');
    const { bots, post } = setup();
    await post(textEvent('Ai được cấp thẻ?'));
    await bots.idle();

    expect(refreshes).toBe(1);
    const refresh = zalo.calls.find((call) => call.path === '/v4/oa/access_token')!;
    expect(refresh.headers.secret_key).toBe('app-secret');
    expect(Object.fromEntries(new URLSearchParams(refresh.body))).toEqual({ refresh_token: 'refresh-0', app_id: APP_ID, grant_type: 'refresh_token' });
    expect(sends().map((call) => call.headers.access_token)).toEqual(['access-0', 'access-1']);
    const stored = JSON.parse(await readFile(join(dataDir, 'zalo-tokens.json'), 'utf8'));
    expect(stored).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: clock + 90_000_000 });

    // Later sends use the new token; shortly before it expires the bot refreshes first, with the newest refresh token.
    await post(textEvent('Câu hai?'));
    await bots.idle();
    expect(sends().at(-1)!.headers.access_token).toBe('access-1');
    clock += 25 * HOUR - 4 * 60_000;
    await post(textEvent('Câu ba?'));
    await bots.idle();
    expect(refreshes).toBe(2);
    expect(new URLSearchParams(zalo.calls.filter((call) => call.path === '/v4/oa/access_token')[1].body).get('refresh_token')).toBe('refresh-1');
    expect(sends().at(-1)!.headers.access_token).toBe('access-2');
  });

  it('after a restart uses the stored tokens rather than the spent ones from the environment', async () => {
    await writeFile(join(dataDir, 'zalo-tokens.json'), '{}');
    expired.add('access-0');
    const first = setup();
    await first.post(textEvent('Câu một?'));
    await first.bots.idle();
    expect(refreshes).toBe(1);

    const second = setup(); // same environment tokens, as after a restart
    await second.post(textEvent('Câu hai?'));
    await second.bots.idle();
    expect(refreshes).toBe(1);
    expect(sends().at(-1)!.headers.access_token).toBe('access-1');
  });

  it('/tailieu lists the plans', async () => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer);
    await post(textEvent('/tailieu'));
    await bots.idle();
    expect(answerer.inputs).toHaveLength(0);
    const text = sends()[0].json.message.text as string;
    expect(text).toContain('Các kế hoạch đang có (2):');
    expect(text).toContain('Tỉnh Bến Tre · Số 8557/KH-UBND, ngày 24/12/2021');
  });

  it('/tailieu pages through a long list: the first page says how to get the next, /tailieu 2 sends it', async () => {
    const answerer = stubAnswerer(askResult());
    const { bots, post } = setup(answerer, {}, manyDocuments(300));
    await post(textEvent('/tailieu'));
    await post(textEvent('/TAILIEU   2'));
    await bots.idle();
    expect(answerer.inputs).toHaveLength(0);
    const [first, second] = sends().map((call) => call.json.message.text as string);
    expect(first).toMatch(/^Các kế hoạch đang có \(300\) — trang 1\/50:\n\n1\. Kế hoạch số 1 /);
    expect(first.endsWith('Gõ “/tailieu 2” để xem trang sau.')).toBe(true);
    expect(second).toMatch(/— trang 2\/50:\n\n7\. Kế hoạch số 7 /);
    expect(second.endsWith('Gõ “/tailieu 3” để xem trang sau, “/tailieu 1” để xem trang trước.')).toBe(true);
  });
});
