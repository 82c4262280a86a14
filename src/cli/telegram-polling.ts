// Local development: runs the Telegram bot with long polling instead of a webhook (`npm run bot:telegram`).
import { createChatHistory } from '../bots/chat-history.js';
import { createTaskQueue } from '../bots/task-queue.js';
import { createTelegramBot } from '../bots/telegram/create-telegram-bot.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { openPipeline } from '../pipeline.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, 'stderr');
  if (!config.TELEGRAM_BOT_TOKEN) {
    throw new AppError('config_invalid', 'Cần đặt TELEGRAM_BOT_TOKEN (lấy từ @BotFather). (TELEGRAM_BOT_TOKEN is not set.)');
  }
  const pipeline = await openPipeline(config, logger);
  const tasks = createTaskQueue(logger);
  const bot = createTelegramBot({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    username: config.TELEGRAM_BOT_USERNAME,
    answerer: pipeline.answerer,
    catalogue: () => pipeline.knowledge.catalogue(),
    history: createChatHistory(),
    tasks,
    logger,
    publicUrl: config.PUBLIC_URL,
  });
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping the Telegram bot');
    void bot.stop();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // grammY removes any webhook first (polling and a webhook cannot coexist): use a separate bot for development.
  await bot.start({
    allowed_updates: ['message', 'callback_query'],
    onStart: (info) => logger.info({ bot: `@${info.username}`, mode: pipeline.mode }, 'Telegram bot polling; press Ctrl+C to stop'),
  });
  await tasks.idle();
}

main().catch((error: unknown) => {
  const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(message);
  process.exit(1);
});
