import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { FAILURE_TEXT, helpText, requestedPage, welcomeText } from '../bot-texts.js';
import type { AdapterDeps } from '../adapter-deps.js';
import { packMessages } from '../format-answer.js';
import { formatZaloAnswer, formatZaloDocumentList, ZALO_MESSAGE_LIMIT } from './format-zalo.js';
import type { ZaloClient } from './zalo-client.js';
import type { SeenEvents } from '../seen-events.js';
import { verifyZaloSignature, zaloMac } from './zalo-signature.js';

export interface ZaloWebhookDeps extends AdapterDeps {
  appId: string;
  oaSecretKey: string;
  client: ZaloClient;
  /** Events already answered, kept across restarts. */
  seen: SeenEvents;
  now?: () => number;
}

// Every event names itself and carries the time it was sent (milliseconds, as text or a number).
const eventSchema = z
  .object({ event_name: z.string(), timestamp: z.union([z.string().regex(/^\d+$/, 'must be a time in milliseconds'), z.number().int().nonnegative()]) })
  .passthrough();
const textEventSchema = eventSchema.extend({
  sender: z.object({ id: z.string().min(1) }).passthrough(),
  message: z.object({ text: z.string(), msg_id: z.string().optional() }).passthrough(),
});

function parseEvent<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new AppError('invalid_request', `Sự kiện Zalo không hợp lệ (${where}: ${issue.message}). (Not a valid Zalo event.)`);
}

/**
 * POST handler for the OA webhook: verifies `X-ZEvent-Signature` before anything else, answers 200 at
 * once (Zalo allows 2 seconds) and replies to `user_send_text` events in the background.
 */
export function createZaloWebhook(deps: ZaloWebhookDeps): (c: Context) => Promise<Response> {
  const { client, answerer, catalogue, history, tasks, logger, publicUrl, seen } = deps;
  const now = deps.now ?? Date.now;

  const sendAll = async (userId: string, texts: readonly string[]) => {
    for (const text of texts) await client.sendText(userId, text);
  };

  async function answer(userId: string, question: string): Promise<void> {
    const chatKey = `zalo:${userId}`;
    try {
      const result = await answerer.ask({ question, history: history.get(chatKey) });
      await sendAll(userId, formatZaloAnswer(result, { documents: catalogue(), publicUrl }));
      history.record(chatKey, question, result.answer);
    } catch (error) {
      logger.error({ err: error }, 'zalo: answering failed');
      await client.sendText(userId, FAILURE_TEXT);
    }
  }

  async function handleText(userId: string, text: string): Promise<void> {
    const [command, ...rest] = text.toLowerCase().split(/\s+/u);
    if (command === '/start') {
      history.forget(`zalo:${userId}`);
      return sendAll(userId, packMessages([welcomeText(catalogue())], ZALO_MESSAGE_LIMIT));
    }
    if (command === '/help') return sendAll(userId, packMessages([helpText()], ZALO_MESSAGE_LIMIT));
    if (command === '/tailieu') return sendAll(userId, [formatZaloDocumentList(catalogue(), requestedPage(rest.join(' ')))]);
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
    const timestamp = parsed !== null && typeof parsed === 'object' && 'timestamp' in parsed ? String(parsed.timestamp) : '';
    if (!verifyZaloSignature(signature, zaloMac(deps.appId, rawBody, timestamp, deps.oaSecretKey))) {
      throw new AppError('unauthorized', 'Chữ ký X-ZEvent-Signature không hợp lệ. (Invalid Zalo signature.)');
    }

    const event = parseEvent(eventSchema, parsed);
    if (event.event_name !== 'user_send_text') return c.json({ ok: true, handled: false });
    const { sender, message } = parseEvent(textEventSchema, parsed);
    const text = message.text.trim();
    if (!text) return c.json({ ok: true, handled: false });
    // A signed event older than the replay memory cannot be told from a replay, so it is not answered.
    // Zalo sends milliseconds; were it ever seconds, every event would otherwise look decades old.
    const sentAt = Number(event.timestamp) < 1e11 ? Number(event.timestamp) * 1000 : Number(event.timestamp);
    if (now() - sentAt > seen.windowMs) {
      logger.warn({ sentAt }, 'zalo: event older than the replay window ignored');
      return c.json({ ok: true, handled: false });
    }
    // Zalo re-sends events it thinks were not received, and a signed event can be replayed: answer it once.
    // Without a msg_id the event is known by its sender, time and exact body.
    const bodyHash = createHash('sha256').update(rawBody, 'utf8').digest('hex');
    const key = message.msg_id ? `zalo:msg:${message.msg_id}` : `zalo:event:${event.event_name}:${sender.id}:${event.timestamp}:${bodyHash}`;
    if (!seen.claim(key)) return c.json({ ok: true, handled: false });
    tasks.run(`zalo:${sender.id}`, () => handleText(sender.id, text));
    return c.json({ ok: true, handled: true });
  };
}
