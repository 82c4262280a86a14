import type { Context } from 'hono';
import { webhookCallback, type Bot } from 'grammy';
import { AppError } from '../../errors.js';
import { safeEqual } from '../safe-equal.js';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/**
 * POST handler for Telegram's webhook. The secret is checked here too (not only by grammY) so a
 * forged call gets the app's JSON 401; the bot's handlers only queue work, so Telegram gets its 200 at once.
 */
export function createTelegramWebhook(bot: Bot, secretToken: string): (c: Context) => Promise<Response> {
  const handleUpdate = webhookCallback(bot, 'hono', { secretToken });
  return async (c) => {
    const given = c.req.header(SECRET_HEADER);
    if (given === undefined || !safeEqual(given, secretToken)) {
      throw new AppError('unauthorized', 'Thiếu hoặc sai mã bí mật webhook Telegram. (Missing or wrong Telegram webhook secret.)');
    }
    try {
      // Parsed once here so a malformed body is a 400; Hono caches it for grammY's adapter.
      await c.req.json();
    } catch (error) {
      throw new AppError('invalid_json', 'Nội dung không phải JSON hợp lệ. (Body is not valid JSON.)', { cause: error });
    }
    return handleUpdate(c);
  };
}
