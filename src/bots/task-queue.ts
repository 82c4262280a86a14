import type { Logger } from '../logger.js';

export interface TaskQueue {
  /** Runs `task` in the background after earlier tasks with the same key (one chat's questions in order). */
  run(key: string, task: () => Promise<void>): void;
  /** Resolves once every task started so far, and any they queued, has settled. */
  idle(): Promise<void>;
}

/**
 * Webhooks are acknowledged before the answer is ready; this tracks that background work
 * so shutdown (and tests) can wait for it, and keeps each chat's replies in question order.
 */
export function createTaskQueue(logger: Logger): TaskQueue {
  const tails = new Map<string, Promise<void>>();

  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const current = previous
        // On a later turn of the event loop: an answer's work is mostly synchronous, and begun in this turn it would
        // hold back the webhook's own acknowledgement until it is done.
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(task)
        .catch((error: unknown) => logger.error({ err: error, key }, 'bot background task failed'))
        .finally(() => {
          if (tails.get(key) === current) tails.delete(key);
        });
      tails.set(key, current);
    },
    async idle() {
      while (tails.size > 0) await Promise.allSettled([...tails.values()]);
    },
  };
}
