import { createHash } from 'node:crypto';
import { safeEqual } from '../../http/safe-equal.js';

/**
 * Zalo OA webhook MAC (developers.zalo.me, Official Account API › Webhook):
 * `mac = sha256(appId + data + timeStamp + OAsecretKey)`, hex, where `data` is the raw JSON body and
 * `timeStamp` the body's `timestamp` field. A plain SHA-256 of the concatenation, not an HMAC.
 */
export const zaloMac = (appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string =>
  createHash('sha256').update(appId + rawBody + timestamp + oaSecretKey, 'utf8').digest('hex');

/** Checks an `X-ZEvent-Signature` header (`mac=<hex>`; a bare hex value is accepted too) in constant time. */
export function verifyZaloSignature(header: string | undefined, expectedMac: string): boolean {
  if (!header) return false;
  const given = header.trim().replace(/^mac\s*=\s*/i, '').toLowerCase();
  return safeEqual(given, expectedMac);
}
