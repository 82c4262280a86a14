import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSilentServer } from './test-support.js';
import { timedFetch } from './timed-fetch.js';

describe('timedFetch', () => {
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  beforeEach(async () => {
    silent = await startSilentServer();
  });
  afterEach(async () => {
    await silent.close();
  });

  it('gives up on a server that never answers after the timeout', async () => {
    const started = performance.now();
    // Long enough for a busy machine to deliver the request before giving up (100 ms sometimes was not).
    await expect(timedFetch(fetch, 400)(`${silent.url}/x`)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1500);
    expect(silent.paths).toEqual(['/x']);
  });

  it("still follows the caller's own signal, also grammY's AbortSignal polyfill", async () => {
    // Like grammY's polyfill: an event target with `aborted`, not a Node AbortSignal.
    const signal = Object.assign(new EventTarget(), { aborted: false, reason: undefined });
    const pending = timedFetch(fetch, 60_000)(`${silent.url}/y`, { signal: signal as unknown as AbortSignal });
    setTimeout(() => {
      signal.aborted = true;
      signal.dispatchEvent(new Event('abort'));
    }, 20);
    const started = performance.now();
    await expect(pending).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
