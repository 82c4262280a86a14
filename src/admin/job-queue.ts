import { randomBytes } from 'node:crypto';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** Where a running job is, for the page: checking a replacement, reading, OCR (with its pages), or indexing. */
export interface JobProgress {
  /** 0 to 1. */
  progress: number;
  phase?: 'check' | 'read' | 'ocr' | 'index';
  pages?: { done: number; total: number };
}

export interface JobStatus<S> extends JobProgress {
  jobId: string;
  state: JobState;
  /** Why it failed, for a person. */
  error?: string;
  spec: S;
  createdAt: string;
  finishedAt?: string;
}

export interface JobQueueOptions<S> {
  /** Runs one job, reporting as it goes; throws (saying why) when it fails. */
  execute: (spec: S, report: (progress: JobProgress) => void, jobId: string) => Promise<void>;
  /** Called once a job is done or failed. */
  onSettled?: (job: JobStatus<S>) => void;
  /** Finished jobs remembered for status queries; the oldest are forgotten first. */
  keep?: number;
  now?: () => Date;
}

export interface JobQueue<S> {
  enqueue(spec: S): JobStatus<S>;
  get(jobId: string): JobStatus<S> | undefined;
  /** Recent jobs, newest first. */
  list(): JobStatus<S>[];
  /** Jobs not finished yet, oldest first. */
  pending(): JobStatus<S>[];
  /** Settles when every job enqueued so far has finished. */
  idle(): Promise<void>;
}

/**
 * Runs jobs one at a time, in the order they came, in the background: enqueue returns at once with the job's id.
 * A job that throws is marked failed with its message; the queue goes on with the next.
 */
export function createJobQueue<S>({ execute, onSettled, keep = 500, now = () => new Date() }: JobQueueOptions<S>): JobQueue<S> {
  /** Oldest first; finished jobs beyond `keep` are forgotten. */
  const recent: JobStatus<S>[] = [];
  const byId = new Map<string, JobStatus<S>>();
  let chain: Promise<void> = Promise.resolve();
  const finished = (job: JobStatus<S>) => job.state === 'done' || job.state === 'failed';

  const run = async (job: JobStatus<S>): Promise<void> => {
    job.state = 'running';
    try {
      // Progress only moves forward, whatever the phases report.
      const report = ({ progress, phase, pages }: JobProgress) => Object.assign(job, { progress: Math.min(1, Math.max(job.progress, progress)), phase, pages });
      await execute(job.spec, report, job.jobId);
      Object.assign(job, { state: 'done', progress: 1, phase: undefined, pages: undefined });
    } catch (error) {
      job.state = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
    }
    job.finishedAt = now().toISOString();
    onSettled?.(job);
  };

  return {
    enqueue(spec) {
      const job: JobStatus<S> = { jobId: randomBytes(12).toString('base64url'), state: 'queued', progress: 0, spec, createdAt: now().toISOString() };
      recent.push(job);
      byId.set(job.jobId, job);
      while (recent.length > keep && finished(recent[0])) byId.delete(recent.shift()!.jobId);
      chain = chain.then(() => run(job));
      return job;
    },
    get: (jobId) => byId.get(jobId),
    list: () => recent.slice().reverse(),
    pending: () => recent.filter((job) => !finished(job)),
    idle: () => chain,
  };
}
