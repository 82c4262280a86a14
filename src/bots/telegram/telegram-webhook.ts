import type { Context } from 'hono';
import { BotError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { safeEqual } from '../../http/safe-equal.js';
import type { SeenEvents } from '../seen-events.js';
import type { TaskQueue } from '../task-queue.js';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

// The parts of an update the bot's handlers read; anything else passes through untouched.
const messageSchema = z
  .object({
    message_id: z.number().int(),
    date: z.number(),
    chat: z.object({ id: z.number().int(), type: z.string() }).passthrough(),
    text: z.string().optional(),
    entities: z.array(z.object({ type: z.string(), offset: z.number().int(), length: z.number().int() }).passthrough()).optional(),
  })
  .passthrough();
const updateSchema = z
  .object({
    update_id: z.number().int().nonnegative(),
    message: messageSchema.optional(),
    edited_message: messageSchema.optional(),
    channel_post: messageSchema.optional(),
    edited_channel_post: messageSchema.optional(),
    callback_query: z
      .object({ id: z.string(), from: z.object({ id: z.number().int() }).passthrough(), data: z.string().optional(), message: messageSchema.optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

export interface TelegramWebhookDeps {
  bot: Bot;
  secretToken: string;
  /** Update ids already handled, kept across restarts. */
  seen: SeenEvents;
  tasks: TaskQueue;
  logger: Logger;
  /** Bound on asking Telegram who the bot is (getMe) when TELEGRAM_BOT_USERNAME is not set. */
  initTimeoutMs: number;
}

/** The chat an update belongs to, so one chat's updates are handled in order. */
const chatOf = (update: Update): number | undefined => update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? update.callback_query?.from.id;

/**
 * POST handler for Telegram's webhook: checks the secret and the update, answers 200 at once and handles
 * the update in the background. Nothing here waits for Telegram's API, so an unreachable API never
 * holds the webhook (Telegram would retry, and each retry would hang too).
 */
export function createTelegramWebhook({ bot, secretToken, seen, tasks, logger, initTimeoutMs }: TelegramWebhookDeps): (c: Context) => Promise<Response> {
  const botId = Number.parseInt(bot.token, 10);

  async function handle(update: Update): Promise<void> {
    if (!bot.isInited()) {
      try {
        // grammY types its signal with its own AbortSignal shim; Node's is what it gets at run time.
        await bot.init(AbortSignal.timeout(initTimeoutMs) as Parameters<Bot['init']>[0]);
      } catch (error) {
        logger.warn({ err: error, updateId: update.update_id }, 'telegram: Telegram did not say who the bot is (getMe), so this update is not answered; set TELEGRAM_BOT_USERNAME to answer without asking');
        return;
      }
    }
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      await bot.errorHandler(error);
    }
  }

  return async (c) => {
    const given = c.req.header(SECRET_HEADER);
    if (given === undefined || !safeEqual(given, secretToken)) {
      throw new AppError('unauthorized', 'Thiếu hoặc sai mã bí mật webhook Telegram. (Missing or wrong Telegram webhook secret.)');
    }
    const update = (await readJsonBody(c, updateSchema)) as Update;
    // Telegram re-delivers an update whose webhook call failed or timed out: answer it once, restarts included.
    if (seen.claim(`telegram:${botId}:${update.update_id}`)) {
      tasks.run(`telegram:${chatOf(update) ?? 'other'}`, () => handle(update));
    }
    return c.json({ ok: true });
  };
}
