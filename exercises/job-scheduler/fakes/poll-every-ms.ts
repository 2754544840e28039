// Fake: the scheduler thread polls the clock every 1 ms instead of sleeping until the next due time.
import { Condition, now, Queue, spawn, type Thread } from "interleave";

export type JobFn = () => Promise<void>;

export interface JobOptions {
  /** Run every `every` virtual ms, the first time `every` ms after start(). */
  every?: number;
  /** Run once, `after` virtual ms after start(). */
  after?: number;
  /** At most this many runs of the job at the same time; a run due beyond it is skipped (default 1). */
  maxInstances?: number;
}

interface Job {
  name: string;
  fn: JobFn;
  every: number | null;
  next: number;
  maxInstances: number;
  running: number;
}

/**
 * A small APScheduler: a scheduler thread that sleeps until the next job is due (on a
 * Condition, so that shutdown can wake it), and a pool of worker threads that run the jobs.
 */
export class JobScheduler {
  readonly #jobs: Job[] = [];
  readonly #cond = new Condition(undefined, "schedulerWakeup");
  readonly #runs = new Queue<Job | null>(0, "runs");
  #stopped = false;
  #threads: Thread[] = [];
  #origin = 0;

  constructor(private readonly workers: number) {}

  addJob(name: string, fn: JobFn, options: JobOptions): void {
    const every = options.every ?? null;
    const first = every ?? options.after ?? 0;
    this.#jobs.push({ name, fn, every, next: first, maxInstances: options.maxInstances ?? 1, running: 0 });
  }

  async start(): Promise<void> {
    this.#origin = now();
    for (const job of this.#jobs) job.next += this.#origin;
    for (let w = 0; w < this.workers; w++) this.#threads.push(spawn(() => this.#work(), `JobWorker-${w + 1}`));
    this.#threads.push(spawn(() => this.#schedule(), "Scheduler"));
  }

  async #schedule(): Promise<void> {
    await using _ = await this.#cond.hold();
    while (!this.#stopped) {
      const pending = this.#jobs.filter((j) => j.next !== Infinity);
      if (pending.length === 0) {
        await this.#cond.wait();
        continue;
      }
      const due = Math.min(...pending.map((j) => j.next));
      if (due > now()) {
        await this.#cond.wait({ timeout: 1 }); // checks the clock every millisecond
        continue;
      }
      for (const job of pending) {
        if (job.next > now()) continue;
        if (job.running < job.maxInstances) {
          job.running++;
          await this.#runs.put(job);
        } // else: skipped, "maximum number of running instances reached"
        job.next = job.every === null ? Infinity : job.next + job.every;
      }
    }
  }

  async #work(): Promise<void> {
    for (;;) {
      const job = await this.#runs.get();
      if (job === null) return;
      try {
        await job.fn();
      } finally {
        await using _ = await this.#cond.hold();
        job.running--;
      }
    }
  }

  /** No new runs; wait for the running ones to finish and for every thread to end. */
  async shutdown(): Promise<void> {
    {
      await using _ = await this.#cond.hold();
      this.#stopped = true;
      this.#cond.notifyAll();
    }
    for (let w = 0; w < this.workers; w++) await this.#runs.put(null);
    for (const t of this.#threads) await t.join();
  }
}
