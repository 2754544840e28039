import { now, sleep } from "interleave";

export type JobFn = () => Promise<void>;

export interface JobOptions {
  /** Run every `every` virtual ms, the first time `every` ms after start(). */
  every?: number;
  /** Run once, `after` virtual ms after start(). */
  after?: number;
  /** At most this many runs of the job at the same time; a run due beyond it is skipped (default 1). */
  maxInstances?: number;
}

/**
 * A small job scheduler in the spirit of APScheduler's BackgroundScheduler: jobs are added,
 * start() starts a scheduler thread that fires each job when it is due, and `workers` worker
 * threads run the jobs (a slow job must not delay the others). shutdown() fires nothing
 * more, waits for the running jobs, and ends every thread it started.
 */
export class JobScheduler {
  readonly #jobs: { fn: JobFn; next: number; every: number | null }[] = [];

  constructor(private readonly workers: number) {}

  addJob(name: string, fn: JobFn, options: JobOptions): void {
    void name;
    const every = options.every ?? null;
    this.#jobs.push({ fn, every, next: every ?? options.after ?? 0 });
  }

  async start(): Promise<void> {
    // TODO: a scheduler thread and worker threads. This runs every job in the caller,
    // one after the other, until nothing is left — and never returns for interval jobs.
    const origin = now();
    for (;;) {
      const pending = this.#jobs.filter((j) => j.next !== Infinity);
      if (pending.length === 0) return;
      const job = pending.reduce((a, b) => (b.next < a.next ? b : a));
      if (origin + job.next > now()) await sleep(origin + job.next - now());
      await job.fn();
      job.next = job.every === null ? Infinity : job.next + job.every;
    }
  }

  async shutdown(): Promise<void> {
    // TODO
  }
}
