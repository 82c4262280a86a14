import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { createTaskQueue } from './task-queue.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createTaskQueue', () => {
  it('runs one key in order, other keys alongside, and idle() waits for all of it', async () => {
    const queue = createTaskQueue(silentLogger);
    const log: string[] = [];
    queue.run('a', async () => {
      await tick(20);
      log.push('a1');
    });
    queue.run('a', async () => {
      log.push('a2');
    });
    queue.run('b', async () => {
      log.push('b1');
    });
    await queue.idle();
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('starts a task on a later turn of the event loop, so the webhook is acknowledged before any of its work runs', async () => {
    const queue = createTaskQueue(silentLogger);
    let started = false;
    queue.run('a', async () => {
      started = true;
    });
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
    expect(started).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    await queue.idle();
    expect(started).toBe(true);
  });

  it('keeps going after a task fails', async () => {
    const queue = createTaskQueue(silentLogger);
    const log: string[] = [];
    queue.run('a', async () => {
      throw new Error('boom');
    });
    queue.run('a', async () => {
      log.push('after');
    });
    await queue.idle();
    expect(log).toEqual(['after']);
  });
});
