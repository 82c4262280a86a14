import { createBotRoutes } from './bots/create-bot-routes.js';
import { loadConfig } from './config.js';
import { AppError } from './errors.js';
import { createLogger } from './logger.js';
import { openPipeline } from './pipeline.js';
import { createApp } from './server/create-app.js';
import { serveApp } from './server/serve-app.js';

// Composition root: the only place that reads the environment and wires the modules together.
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, 'stdout', { logQuestions: config.LOG_QUESTIONS });
  const started = performance.now();
  const pipeline = await openPipeline(config, logger);
  const bots = createBotRoutes({
    answerer: pipeline.answerer,
    catalogue: () => pipeline.knowledge.catalogue(),
    config,
    logger,
  });
  // The administration is loaded only where it is enabled.
  const admin = config.ADMIN_TOKEN ? (await import('./admin/create-admin.js')).createAdmin({ config, token: config.ADMIN_TOKEN, knowledge: pipeline.knowledge, logger }) : undefined;
  const app = createApp({ ...pipeline, config, logger, bots: bots.routes, admin });
  const server = serveApp(app, { port: config.PORT, hostname: config.HOST }, (port) => {
    logger.info(
      { url: `http://${config.HOST}:${port}`, mode: pipeline.mode, model: pipeline.modelId, llm: pipeline.llm, documents: pipeline.knowledge.catalogue().length, startMs: Math.round(performance.now() - started) },
      'Hỏi đáp Kế hoạch is listening',
    );
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    void Promise.allSettled([bots.close(), pipeline.close()]).finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration errors name the variable; anything else is unexpected.
  const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(message);
  process.exit(1);
});
