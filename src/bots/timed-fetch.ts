/**
 * `fetch` that gives up after `timeoutMs`: replies are sent after the webhook has returned, and a
 * platform API that accepts connections but never answers must not hold them (or shutdown) forever.
 */
export function timedFetch(fetchImpl: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    // Not AbortSignal.any: grammY passes an AbortSignal polyfill whose abort it would not follow.
    const controller = new AbortController();
    for (const signal of [AbortSignal.timeout(timeoutMs), init?.signal]) {
      if (signal?.aborted) controller.abort(signal.reason);
      signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    }
    return fetchImpl(input, { ...init, signal: controller.signal });
  };
}
