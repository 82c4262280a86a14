import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createJobQueue, type JobProgress } from './job-queue.js';

/** A promise with its resolve and reject at hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('createJobQueue', () => {
  it('runs one job at a time, in order, in the background, reporting progress', async () => {
    const gates = [deferred(), deferred()];
    const running: string[] = [];
    const reports = new Map<string, (progress: JobProgress) => void>();
    const queue = createJobQueue<{ name: string; gate: number }>({
      execute: async (spec, report) => {
        running.push(spec.name);
        reports.set(spec.name, report);
        await gates[spec.gate].promise;
      },
    });
    const first = queue.enqueue({ name: 'a', gate: 0 });
    const second = queue.enqueue({ name: 'b', gate: 1 });
    expect(first).toMatchObject({ state: 'queued', progress: 0 });
    expect(first.jobId).toMatch(/^[\w-]{16}$/u);
    await Promise.resolve();
    expect(running).toEqual(['a']);
    expect(queue.get(first.jobId)!.state).toBe('running');
    expect(queue.get(second.jobId)!.state).toBe('queued');
    expect(queue.pending().map((job) => job.spec.name)).toEqual(['a', 'b']);

    reports.get('a')!({ progress: 0.4, phase: 'ocr', pages: { done: 2, total: 5 } });
    expect(queue.get(first.jobId)).toMatchObject({ progress: 0.4, phase: 'ocr', pages: { done: 2, total: 5 } });
    // Progress never goes back, even when a later phase starts lower.
    reports.get('a')!({ progress: 0.2, phase: 'index' });
    expect(queue.get(first.jobId)).toMatchObject({ progress: 0.4, phase: 'index', pages: undefined });

    gates[0].resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.get(first.jobId)).toMatchObject({ state: 'done', progress: 1, phase: undefined });
    expect(running).toEqual(['a', 'b']);
    gates[1].resolve();
    await queue.idle();
    expect(queue.list().map((job) => [job.spec.name, job.state])).toEqual([
      ['b', 'done'],
      ['a', 'done'],
    ]);
    expect(queue.pending()).toEqual([]);
  });

  it('marks a job that throws as failed with its reason, and goes on with the next', async () => {
    const settled: string[] = [];
    const queue = createJobQueue<string>({
      execute: async (spec) => {
        if (spec === 'bad') throw new AppError('unreadable_document', 'Cannot read "x.pdf": the PDF file is damaged or encrypted');
      },
      onSettled: (job) => settled.push(`${job.spec}:${job.state}`),
    });
    const bad = queue.enqueue('bad');
    const good = queue.enqueue('good');
    await queue.idle();
    expect(queue.get(bad.jobId)).toMatchObject({ state: 'failed', error: 'Cannot read "x.pdf": the PDF file is damaged or encrypted' });
    expect(queue.get(bad.jobId)!.finishedAt).toBeDefined();
    expect(queue.get(good.jobId)!.state).toBe('done');
    expect(settled).toEqual(['bad:failed', 'good:done']);
  });

  it('remembers a bounded number of finished jobs', async () => {
    const queue = createJobQueue<number>({ execute: async () => {}, keep: 3 });
    const ids = [1, 2, 3, 4, 5].map((n) => queue.enqueue(n).jobId);
    await queue.idle();
    queue.enqueue(6);
    await queue.idle();
    expect(queue.get(ids[0])).toBeUndefined();
    expect(queue.list().map((job) => job.spec)).toEqual([6, 5, 4]);
  });
});
