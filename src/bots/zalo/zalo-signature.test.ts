import { describe, expect, it } from 'vitest';
import { verifyZaloSignature, zaloMac } from './zalo-signature.js';

// Computed independently: python3 hashlib.sha256((app_id + body + timestamp + oa_secret).encode()).hexdigest()
const BODY = '{"app_id":"111","event_name":"user_send_text","timestamp":"1700000000000","sender":{"id":"u1"},"message":{"text":"Xin chào","msg_id":"m1"}}';
const MAC = '8779b8345f2f98d76b33b14a5a2bc193d9809c80ea479c76e9b8ecfc2f4d3d97';

describe('Zalo webhook signature', () => {
  it('is sha256(appId + raw body + timestamp + OA secret key) in hex', () => {
    expect(zaloMac('111', BODY, '1700000000000', 'oa-secret')).toBe(MAC);
  });

  it('accepts the header as `mac=<hex>`, bare hex, or upper-case hex', () => {
    expect(verifyZaloSignature(`mac=${MAC}`, MAC)).toBe(true);
    expect(verifyZaloSignature(MAC, MAC)).toBe(true);
    expect(verifyZaloSignature(`mac=${MAC.toUpperCase()}`, MAC)).toBe(true);
  });

  it('rejects a missing, truncated or different MAC', () => {
    expect(verifyZaloSignature(undefined, MAC)).toBe(false);
    expect(verifyZaloSignature('', MAC)).toBe(false);
    expect(verifyZaloSignature(`mac=${MAC.slice(0, 40)}`, MAC)).toBe(false);
    expect(verifyZaloSignature(`mac=${zaloMac('111', BODY, '1700000000000', 'other-secret')}`, MAC)).toBe(false);
    // Any change to the body changes the MAC.
    expect(zaloMac('111', BODY.replace('Xin chào', 'Xin chao'), '1700000000000', 'oa-secret')).not.toBe(MAC);
  });
});
