import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.js';
import { startFakeServer, type FakeServer } from '../test-support.js';
import { createZaloTokens, type ZaloTokensDeps } from './zalo-tokens.js';

describe('createZaloTokens', () => {
  let oauth: FakeServer;
  let dir: string;
  let issued: number;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zalo-tokens-'));
    issued = 0;
    oauth = await startFakeServer(({ body }) => {
      const token = new URLSearchParams(body).get('refresh_token');
      if (token === 'spent') return { json: { error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid' } };
      issued += 1;
      return { json: { access_token: `access-${issued}`, refresh_token: `refresh-${issued}`, expires_in: '90000' } };
    });
  });
  afterEach(async () => {
    await oauth.close();
    await rm(dir, { recursive: true, force: true });
  });

  const make = (overrides: Partial<ZaloTokensDeps> = {}) =>
    createZaloTokens({
      appId: 'app',
      appSecret: 'secret',
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      oauthBase: oauth.url,
      file: join(dir, 'nested', 'zalo-tokens.json'),
      fetch,
      now: () => 0,
      logger: silentLogger,
      ...overrides,
    });

  it('uses the environment access token until told it is invalid, then refreshes once for concurrent callers', async () => {
    const tokens = make();
    expect(await tokens.accessToken()).toBe('access-0');
    const renewed = await Promise.all([tokens.renew('access-0'), tokens.renew('access-0'), tokens.renew('access-0')]);
    expect(renewed).toEqual(['access-1', 'access-1', 'access-1']);
    expect(oauth.calls).toHaveLength(1);
    // A caller that saw the old token after the refresh gets the new one without spending another refresh token.
    expect(await tokens.renew('access-0')).toBe('access-1');
    expect(oauth.calls).toHaveLength(1);
    expect(await readdir(join(dir, 'nested'))).toEqual(['zalo-tokens.json']);
  });

  it('refreshes at first use when only a refresh token is configured', async () => {
    const tokens = make({ accessToken: undefined });
    expect(await tokens.accessToken()).toBe('access-1');
  });

  it('prefers the environment once an operator puts new tokens there', async () => {
    await make().renew('access-0');
    const stored = JSON.parse(await readFile(join(dir, 'nested', 'zalo-tokens.json'), 'utf8'));
    expect(stored.refreshToken).toBe('refresh-1');

    expect(await make().accessToken()).toBe('access-1');
    expect(await make({ accessToken: 'fresh-from-console', refreshToken: 'new-refresh' }).accessToken()).toBe('fresh-from-console');
  });

  it('ignores an unreadable token file', async () => {
    await make().renew('access-0');
    await writeFile(join(dir, 'nested', 'zalo-tokens.json'), 'not json');
    expect(await make().accessToken()).toBe('access-0');
  });

  it('fails with upstream_failed when Zalo refuses the refresh or it cannot refresh at all', async () => {
    await expect(make({ refreshToken: 'spent' }).renew('access-0')).rejects.toMatchObject({ code: 'upstream_failed', message: expect.stringContaining('Refresh token is invalid') });
    await expect(make({ appSecret: undefined }).renew('access-0')).rejects.toMatchObject({ code: 'upstream_failed' });
  });
});
