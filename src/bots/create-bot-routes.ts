import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Answerer, DocumentMeta } from '../types.js';
import type { AdapterDeps } from './adapter-deps.js';
import { createChatHistory } from './chat-history.js';
import { openSeenEvents, type SeenEvents } from './seen-events.js';
import { createTaskQueue } from './task-queue.js';
import { createTelegramBot } from './telegram/create-telegram-bot.js';
import { createTelegramWebhook } from './telegram/telegram-webhook.js';
import { timedFetch } from './timed-fetch.js';
import { createZaloClient } from './zalo/zalo-client.js';
import { createZaloTokens } from './zalo/zalo-tokens.js';
import { createZaloWebhook } from './zalo/zalo-webhook.js';

export interface BotRoutesDeps {
  answerer: Answerer;
  catalogue: () => readonly DocumentMeta[];
  config: Config;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  /** Bound on every call to Telegram's and Zalo's APIs (default 10 s). */
  apiTimeoutMs?: number;
}

export interface BotRoutes {
  /** Mount at /bots: POST /bots/telegram and POST /bots/zalo. */
  routes: Hono;
  /** Resolves once every answer being worked on has been sent (replies happen after the webhook returns). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const notConfigured = (name: string, missing: string) => () => {
  throw new AppError('not_found', `Bot ${name} chưa được cấu hình (thiếu ${missing}). (${name} bot is not configured.)`);
};

/** Telegram and Zalo OA webhooks over the shared answerer; a bot whose settings are missing is not mounted. */
export function createBotRoutes(deps: BotRoutesDeps): BotRoutes {
  const { answerer, catalogue, config, logger } = deps;
  const now = deps.now ?? Date.now;
  const apiTimeoutMs = deps.apiTimeoutMs ?? 10_000;
  const fetchImpl = timedFetch(deps.fetch ?? globalThis.fetch, apiTimeoutMs);
  const tasks = createTaskQueue(logger);
  const history = createChatHistory({ now });
  const routes = new Hono();
  // Opened only when a bot is mounted, so a server without bots writes nothing for them.
  let seenEvents: SeenEvents | undefined;
  const seen = () => (seenEvents ??= openSeenEvents({ file: join(config.DATA_DIR, 'bot-events.db'), now }));

  const adapterDeps: AdapterDeps = { answerer, catalogue, history, tasks, logger, publicUrl: config.PUBLIC_URL };
  const telegramMissing = [!config.TELEGRAM_BOT_TOKEN && 'TELEGRAM_BOT_TOKEN', !config.TELEGRAM_WEBHOOK_SECRET && 'TELEGRAM_WEBHOOK_SECRET'].filter(Boolean);
  let telegram: (c: Context) => Promise<Response> = notConfigured('Telegram', telegramMissing.join(', '));
  if (config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_WEBHOOK_SECRET) {
    const bot = createTelegramBot({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      username: config.TELEGRAM_BOT_USERNAME,
      ...adapterDeps,
      fetch: fetchImpl,
    });
    telegram = createTelegramWebhook({ bot, secretToken: config.TELEGRAM_WEBHOOK_SECRET, seen: seen(), tasks, logger, initTimeoutMs: apiTimeoutMs });
  } else if (config.TELEGRAM_BOT_TOKEN) {
    // Without a secret anyone who guesses the URL could make the bot message people.
    logger.warn('telegram: TELEGRAM_WEBHOOK_SECRET is not set, so the webhook is not mounted (use `npm run bot:telegram` for local polling)');
  }

  const zaloMissing = [
    !config.ZALO_APP_ID && 'ZALO_APP_ID',
    !config.ZALO_OA_SECRET_KEY && 'ZALO_OA_SECRET_KEY',
    !config.ZALO_ACCESS_TOKEN && !(config.ZALO_REFRESH_TOKEN && config.ZALO_APP_SECRET) && 'ZALO_ACCESS_TOKEN or ZALO_REFRESH_TOKEN + ZALO_APP_SECRET',
  ].filter(Boolean);
  let zalo: (c: Context) => Promise<Response> = notConfigured('Zalo', zaloMissing.join(', '));
  if (config.ZALO_APP_ID && config.ZALO_OA_SECRET_KEY && zaloMissing.length === 0) {
    const tokens = createZaloTokens({
      appId: config.ZALO_APP_ID,
      appSecret: config.ZALO_APP_SECRET,
      accessToken: config.ZALO_ACCESS_TOKEN,
      refreshToken: config.ZALO_REFRESH_TOKEN,
      oauthBase: config.ZALO_OAUTH_BASE,
      file: join(config.DATA_DIR, 'zalo-tokens.json'),
      fetch: fetchImpl,
      now,
      logger,
    });
    if (!config.ZALO_REFRESH_TOKEN || !config.ZALO_APP_SECRET) {
      logger.warn('zalo: without ZALO_REFRESH_TOKEN and ZALO_APP_SECRET the access token cannot be refreshed; the bot stops replying when it expires');
    }
    zalo = createZaloWebhook({
      appId: config.ZALO_APP_ID,
      oaSecretKey: config.ZALO_OA_SECRET_KEY,
      client: createZaloClient({ apiBase: config.ZALO_API_BASE, tokens, fetch: fetchImpl }),
      seen: seen(),
      now,
      ...adapterDeps,
    });
  } else if (zaloMissing.length < 3) {
    logger.warn(`zalo: not mounted, missing ${zaloMissing.join(', ')}`);
  }

  routes.post('/telegram', (c) => telegram(c));
  routes.post('/zalo', (c) => zalo(c));

  return {
    routes,
    idle: () => tasks.idle(),
    async close() {
      await tasks.idle();
      seenEvents?.close();
    },
  };
}
