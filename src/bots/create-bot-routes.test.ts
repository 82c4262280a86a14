import { describe, expect, it } from 'vitest';
import { createBotRoutes } from './create-bot-routes.js';
import { askResult, capturingLogger, DOCUMENTS, mountBots, stubAnswerer, TELEGRAM_TOKEN, testConfig } from './test-support.js';

describe('createBotRoutes', () => {
  it('answers 404 JSON for bots whose settings are absent', async () => {
    const { logger } = capturingLogger();
    const bots = createBotRoutes({ answerer: stubAnswerer(askResult()), catalogue: () => DOCUMENTS, config: testConfig({}), logger });
    const app = mountBots(bots.routes);
    for (const path of ['/bots/telegram', '/bots/zalo']) {
      const response = await app.request(path, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('chưa được cấu hình') } });
    }
    await bots.close();
  });

  it('refuses to mount the Telegram webhook without a secret, and says why', async () => {
    const { logger, lines } = capturingLogger();
    const bots = createBotRoutes({ answerer: stubAnswerer(askResult()), catalogue: () => DOCUMENTS, config: testConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }), logger });
    const response = await mountBots(bots.routes).request('/bots/telegram', { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(lines.join('')).toContain('TELEGRAM_WEBHOOK_SECRET is not set');
  });

  it('does not mount Zalo without a way to get an access token', async () => {
    const { logger, lines } = capturingLogger();
    const config = testConfig({ ZALO_APP_ID: '1', ZALO_OA_SECRET_KEY: 'k', ZALO_REFRESH_TOKEN: 'r' });
    const bots = createBotRoutes({ answerer: stubAnswerer(askResult()), catalogue: () => DOCUMENTS, config, logger });
    const response = await mountBots(bots.routes).request('/bots/zalo', { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(lines.join('')).toContain('ZALO_ACCESS_TOKEN or ZALO_REFRESH_TOKEN + ZALO_APP_SECRET');
  });
});
