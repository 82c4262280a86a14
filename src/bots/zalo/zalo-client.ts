import { AppError } from '../../errors.js';
import type { ZaloTokens } from './zalo-tokens.js';

export interface ZaloClient {
  /** Sends a customer-service text message to a user who wrote to the OA. */
  sendText(userId: string, text: string): Promise<void>;
}

export interface ZaloClientDeps {
  /** e.g. https://openapi.zalo.me */
  apiBase: string;
  tokens: ZaloTokens;
  fetch: typeof fetch;
}

interface ZaloResponse {
  error?: number;
  message?: string;
}

// -216: "Access token is invalid"; -124: "Access token has expired".
const TOKEN_ERRORS = new Set([-216, -124]);
const isTokenError = (body: ZaloResponse): boolean =>
  (body.error !== undefined && TOKEN_ERRORS.has(body.error)) || /access[ _]?token/i.test(body.message ?? '');

/** OA API v3 customer-service messages, refreshing the access token once when Zalo says it is invalid or expired. */
export function createZaloClient({ apiBase, tokens, fetch }: ZaloClientDeps): ZaloClient {
  const url = `${apiBase.replace(/\/+$/, '')}/v3.0/oa/message/cs`;

  async function post(accessToken: string, userId: string, text: string): Promise<ZaloResponse> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', access_token: accessToken },
      body: JSON.stringify({ recipient: { user_id: userId }, message: { text } }),
    });
    const body = (await response.json().catch(() => ({ error: response.status, message: `HTTP ${response.status}` }))) as ZaloResponse;
    return response.ok || body.error !== undefined ? body : { error: response.status, message: `HTTP ${response.status}` };
  }

  return {
    async sendText(userId, text) {
      const accessToken = await tokens.accessToken();
      let body = await post(accessToken, userId, text);
      if (body.error && isTokenError(body)) body = await post(await tokens.renew(accessToken), userId, text);
      if (body.error) {
        throw new AppError('upstream_failed', `Zalo không nhận tin nhắn: ${body.message ?? 'lỗi'} (${body.error}). (Zalo send failed.)`);
      }
    },
  };
}
