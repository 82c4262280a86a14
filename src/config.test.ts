import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { AppError } from './errors.js';

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', MODELS_DIR: './models', EMBEDDING_MODEL: 'Xenova/multilingual-e5-small', ALLOW_REMOTE_MODELS: false });
  });

  it('parses numbers, flags and optional settings', () => {
    const config = loadConfig({ PORT: '8080', ALLOW_REMOTE_MODELS: 'true', PUBLIC_URL: 'https://hoidap.example.gov.vn', TELEGRAM_BOT_TOKEN: '' });
    expect(config.PORT).toBe(8080);
    expect(config.ALLOW_REMOTE_MODELS).toBe(true);
    expect(config.PUBLIC_URL).toBe('https://hoidap.example.gov.vn');
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('selects PostgreSQL only with a postgres URL, with a pool size', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    const config = loadConfig({ DATABASE_URL: 'postgres://hoidap:secret@db.internal:5432/hoidap', DATABASE_POOL_SIZE: '20' });
    expect(config.DATABASE_URL).toBe('postgres://hoidap:secret@db.internal:5432/hoidap');
    expect(config.DATABASE_POOL_SIZE).toBe(20);
    expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/hoidap' }).DATABASE_POOL_SIZE).toBe(10);
  });

  it('turns LLM mode on only with a base URL and a model; the key is optional, the timeout defaults to 20 s', () => {
    expect(loadConfig({}).LLM_BASE_URL).toBeUndefined();
    const config = loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5:7b-instruct', LLM_API_KEY: '' });
    expect(config).toMatchObject({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5:7b-instruct', LLM_API_KEY: undefined, LLM_TIMEOUT_MS: 20_000 });
    expect(loadConfig({ LLM_TIMEOUT_MS: '5000' }).LLM_TIMEOUT_MS).toBe(5000);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/hoidap' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'localhost:5432' }, 'DATABASE_URL'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ ALLOW_REMOTE_MODELS: 'maybe' }, 'ALLOW_REMOTE_MODELS'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }, 'LLM_MODEL'],
    [{ LLM_BASE_URL: 'localhost:11434', LLM_MODEL: 'qwen' }, 'LLM_BASE_URL'],
    [{ LLM_BASE_URL: 'ftp://models.local/v1', LLM_MODEL: 'qwen' }, 'LLM_BASE_URL'],
    [{ LLM_TIMEOUT_MS: '0' }, 'LLM_TIMEOUT_MS'],
  ])('fails on %j with a message naming %s', (env, variable) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('config_invalid');
      expect((error as AppError).message).toContain(variable);
    }
  });
});
