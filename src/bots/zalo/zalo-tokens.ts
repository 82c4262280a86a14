import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';

export interface ZaloTokensDeps {
  appId: string;
  /** The app's secret key, sent as the `secret_key` header when refreshing. */
  appSecret?: string;
  accessToken?: string;
  refreshToken?: string;
  /** e.g. https://oauth.zaloapp.com */
  oauthBase: string;
  /** JSON file holding the newest tokens, e.g. `${DATA_DIR}/zalo-tokens.json`. */
  file: string;
  fetch: typeof fetch;
  now: () => number;
  logger: Logger;
  /** Refresh ahead when less than this remains (default 5 minutes). */
  refreshMarginMs?: number;
}

export interface ZaloTokens {
  /** A usable access token, refreshed first when it is about to expire. */
  accessToken(): Promise<string>;
  /** Called after Zalo rejected `rejected` as invalid/expired: refreshes unless another call already did. */
  renew(rejected: string): Promise<string>;
}

interface StoredTokens {
  accessToken?: string;
  refreshToken?: string;
  /** Epoch ms; absent for tokens from the environment, whose age is unknown. */
  expiresAt?: number;
  /** Fingerprint of the environment tokens this file grew from (see `seedOf`). */
  seed: string;
}

interface RefreshResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: string | number;
  error?: number;
  error_name?: string;
  error_description?: string;
}

// Lets an operator who re-authorised the OA and put new tokens in the environment override the file.
const seedOf = (refreshToken?: string, accessToken?: string): string =>
  createHash('sha256')
    .update(`${refreshToken ?? ''}\n${accessToken ?? ''}`)
    .digest('hex')
    .slice(0, 16);

/**
 * Zalo OA tokens: access tokens last about 25 hours and each refresh token works once, so the newest
 * pair is written (atomically) to a file and read back on restart instead of the spent one from the environment.
 */
export function createZaloTokens(deps: ZaloTokensDeps): ZaloTokens {
  const margin = deps.refreshMarginMs ?? 5 * 60_000;
  const seed = seedOf(deps.refreshToken, deps.accessToken);
  let state: Promise<StoredTokens> | undefined;
  let refreshing: Promise<string> | undefined;

  async function load(): Promise<StoredTokens> {
    try {
      const stored = JSON.parse(await readFile(deps.file, 'utf8')) as StoredTokens;
      if (stored.seed === seed) return stored;
      deps.logger.info({ file: deps.file }, 'zalo: environment tokens changed since the token file was written; using the environment');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') deps.logger.warn({ err: error, file: deps.file }, 'zalo: unreadable token file ignored');
    }
    return { accessToken: deps.accessToken, refreshToken: deps.refreshToken, seed };
  }

  async function save(tokens: StoredTokens): Promise<void> {
    await mkdir(dirname(deps.file), { recursive: true });
    const temporary = `${deps.file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, deps.file);
  }

  async function refresh(): Promise<string> {
    const current = await (state ??= load());
    if (!current.refreshToken || !deps.appSecret) {
      throw new AppError(
        'upstream_failed',
        'Access token Zalo đã hết hạn và không thể làm mới: cần ZALO_REFRESH_TOKEN và ZALO_APP_SECRET. (Zalo access token expired and cannot be refreshed.)',
      );
    }
    const response = await deps.fetch(`${deps.oauthBase.replace(/\/+$/, '')}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', secret_key: deps.appSecret },
      body: new URLSearchParams({ refresh_token: current.refreshToken, app_id: deps.appId, grant_type: 'refresh_token' }),
    });
    const body = (await response.json().catch(() => ({}))) as RefreshResponse;
    if (!response.ok || !body.access_token) {
      const reason = body.error_description ?? body.error_name ?? `HTTP ${response.status}${body.error ? `, error ${body.error}` : ''}`;
      throw new AppError('upstream_failed', `Zalo từ chối làm mới access token: ${reason}. (Zalo token refresh failed.)`);
    }
    const expiresIn = Number(body.expires_in);
    const next: StoredTokens = {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? current.refreshToken,
      expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? deps.now() + expiresIn * 1000 : undefined,
      seed,
    };
    state = Promise.resolve(next);
    try {
      await save(next);
    } catch (error) {
      // The old refresh token is spent already: keep serving from memory, but say loudly that a restart will need re-authorisation.
      deps.logger.error({ err: error, file: deps.file }, 'zalo: could not save refreshed tokens');
    }
    deps.logger.info({ expiresAt: next.expiresAt }, 'zalo: access token refreshed');
    return body.access_token;
  }

  // One refresh at a time: a second concurrent refresh would spend the new single-use refresh token.
  const refreshOnce = (): Promise<string> => (refreshing ??= refresh().finally(() => (refreshing = undefined)));

  return {
    async accessToken() {
      if (refreshing) return refreshing;
      const current = await (state ??= load());
      const expiring = current.expiresAt !== undefined && current.expiresAt - deps.now() < margin;
      if (!current.accessToken || (expiring && current.refreshToken)) return refreshOnce();
      return current.accessToken;
    },
    async renew(rejected) {
      if (refreshing) return refreshing;
      const current = await (state ??= load());
      if (current.accessToken && current.accessToken !== rejected) return current.accessToken;
      return refreshOnce();
    },
  };
}
