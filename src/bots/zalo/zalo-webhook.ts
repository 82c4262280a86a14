import type { Context } from 'hono';
import { AppError } from '../../errors.js';
import { FAILURE_TEXT, helpText, welcomeText } from '../bot-texts.js';
import { BoundedMap } from '../bounded-map.js';
import type { AdapterDeps } from '../adapter-deps.js';
import { packMessages } from '../format-answer.js';
import { formatZaloAnswer, formatZaloDocumentList, ZALO_MESSAGE_LIMIT } from './format-zalo.js';
import type { ZaloClient } from './zalo-client.js';
import { verifyZaloSignature, zaloMac } from './zalo-signature.js';

export interface ZaloWebhookDeps extends AdapterDeps {
  appId: string;
  oaSecretKey: string;
  client: ZaloClient;
}

interface ZaloEvent {
  event_name?: string;
  timestamp?: string | number;
  sender?: { id?: string };
  message?: { text?: string; msg_id?: string };
}

/**
 * POST handler for the OA webhook: verifies `X-ZEvent-Signature` before anything else, answers 200 at
 * once (Zalo allows 2 seconds) and replies to `user_send_text` events in the background.
 */
export function createZaloWebhook(deps: ZaloWebhookDeps): (c: Context) => Promise<Response> {
  const { client, answerer, documents, history, tasks, logger, publicUrl } = deps;
  // Zalo re-sends events it thinks were not received; a message is answered once.
  const recentMessages = new BoundedMap<string, true>(1000);

  const sendAll = async (userId: string, texts: readonly string[]) => {
    for (const text of texts) await client.sendText(userId, text);
  };

  async function answer(userId: string, question: string): Promise<void> {
    const chatKey = `zalo:${userId}`;
    try {
      const result = await answerer.ask({ question, history: history.get(chatKey) });
      await sendAll(userId, formatZaloAnswer(result, { documents, publicUrl }));
      history.record(chatKey, question, result.answer);
    } catch (error) {
      logger.error({ err: error }, 'zalo: answering failed');
      await client.sendText(userId, FAILURE_TEXT);
    }
  }

  async function handleText(userId: string, text: string): Promise<void> {
    const command = text.toLowerCase().split(/\s/)[0];
    if (command === '/start') {
      history.forget(`zalo:${userId}`);
      return sendAll(userId, packMessages([welcomeText(documents)], ZALO_MESSAGE_LIMIT));
    }
    if (command === '/help') return sendAll(userId, packMessages([helpText()], ZALO_MESSAGE_LIMIT));
    if (command === '/tailieu') return sendAll(userId, formatZaloDocumentList(documents));
    return answer(userId, text);
  }

  return async (c) => {
    const signature = c.req.header('X-ZEvent-Signature');
    if (!signature) throw new AppError('unauthorized', 'Thiếu chữ ký X-ZEvent-Signature. (Missing Zalo signature.)');
    const rawBody = await c.req.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch (error) {
      throw new AppError('invalid_json', 'Nội dung không phải JSON hợp lệ. (Body is not valid JSON.)', { cause: error });
    }
    const event: ZaloEvent = parsed !== null && typeof parsed === 'object' ? parsed : {};
    const timestamp = event.timestamp === undefined ? '' : String(event.timestamp);
    if (!verifyZaloSignature(signature, zaloMac(deps.appId, rawBody, timestamp, deps.oaSecretKey))) {
      throw new AppError('unauthorized', 'Chữ ký X-ZEvent-Signature không hợp lệ. (Invalid Zalo signature.)');
    }

    const userId = event.sender?.id;
    const text = event.message?.text?.trim();
    if (event.event_name !== 'user_send_text' || !userId || !text) return c.json({ ok: true, handled: false });
    const messageId = event.message?.msg_id;
    if (messageId) {
      if (recentMessages.has(messageId)) return c.json({ ok: true, handled: false });
      recentMessages.set(messageId, true);
    }
    tasks.run(`zalo:${userId}`, () => handleText(userId, text));
    return c.json({ ok: true, handled: true });
  };
}
