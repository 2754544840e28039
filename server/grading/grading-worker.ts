import { SandboxPool, type SandboxTask } from "../../grader/index";
import type { Db } from "../db";
import { gradeSubmission, PermanentGradingError } from "./grade-submission";
import { onGradingStored } from "./on-grading-stored";
import type { ClaimedJob, GradingJobs } from "./queue/grading-queue";

// The grading worker's loop: claim a job, grade it in the sandbox pool while renewing its
// lease, store the result; when idle, poll. One job at a time per worker process (its checks
// run in parallel on the pool); run more processes for more throughput (GRADING_WORKERS).

export type GradingWorkerOptions = {
  jobs: GradingJobs;
  pool: SandboxPool;
  workerId: string;
  exercisesDir: string;
  db?: Db;
  pollMs: number;
  leaseMs: number;
  /** Real time one submission may take to grade (GRADING_DEADLINE_SECONDS); default 60 s. */
  deadlineMs?: number;
  /** On stop, a job being graded gets this long to finish before it is put back in line. */
  stopGraceMs?: number;
  log?: (line: string) => void;
  /**
   * Other work taken only when no submission waits (validation jobs: validation-jobs.ts). Does
   * one unit of it and resolves true, or resolves false when there is none.
   */
  whenIdle?: () => Promise<boolean>;
  /** Work taken before any submission (schedule steps a student waits for: run-next-schedule-step.ts); true when it did one. */
  first?: () => Promise<boolean>;
};

export type GradingWorker = {
  /** Resolves when the loop has ended (after stop()). */
  done: Promise<void>;
  /** Stop claiming; finish the current job within the grace period or release it. Idempotent. */
  stop(): Promise<void>;
  /** Jobs this worker finished (done, failed or released). */
  readonly handled: number;
};

const STRANDED_SWEEP_MS = 15_000;

const STORE_FAILED = "The grading result could not be saved (a problem on our side, not in your code).";

/** An error for the log: first lines only (a Prisma error repeats the whole query). */
function describe(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const lines = text.split("\n");
  const head = lines.length > 12 ? `${lines.slice(0, 12).join("\n")}\n  … ${lines.length - 12} more lines` : text;
  return head.length > 2_000 ? `${head.slice(0, 2_000)}…` : head;
}

export function startGradingWorker(options: GradingWorkerOptions): GradingWorker {
  const { jobs, pool, workerId, pollMs, leaseMs, stopGraceMs = 5_000, log = () => {} } = options;
  let stopping = false;
  let wake: () => void = () => {};
  let stopRequested: () => void = () => {};
  const stopSignal = new Promise<void>((resolve) => (stopRequested = resolve));
  let handled = 0;
  let lastSweep = 0;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function handle(job: ClaimedJob): Promise<void> {
    const started = performance.now();
    let lost = false;
    const heartbeat = setInterval(
      () => {
        jobs.renewLease(job, workerId).then(
          (ours) => {
            if (!ours && !lost) {
              lost = true;
              log(`lost the lease on ${job.submissionId}: another worker has it now`);
            }
          },
          (error: unknown) => log(`could not renew the lease on ${job.submissionId}: ${String(error)}`),
        );
      },
      Math.max(1_000, Math.floor(leaseMs / 3)),
    );
    try {
      const grading = gradeSubmission(pool, job, options);
      const first = await Promise.race([
        grading.then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        ),
        stopSignal.then(() => "stop" as const),
      ]);
      const outcome =
        first === "stop"
          ? await Promise.race([
              grading.then(
                (result) => ({ result }),
                (error: unknown) => ({ error }),
              ),
              new Promise<"stop">((resolve) => setTimeout(() => resolve("stop"), stopGraceMs)),
            ])
          : first;
      if (outcome === "stop") {
        const released = await jobs.releaseJob(job, workerId, { kind: "shutdown" });
        log(`stopping: ${job.submissionId} put back in line (${released})`);
      } else if ("result" in outcome) {
        let stored: boolean;
        try {
          stored = await jobs.completeJob(job, workerId, outcome.result);
        } catch (error) {
          const released = await jobs.releaseJob(job, workerId, { kind: "error", message: STORE_FAILED });
          log(`could not store the result of ${job.submissionId} (${released}): ${describe(error)}`);
          return;
        }
        const ms = Math.round(performance.now() - started);
        log(
          stored
            ? `graded ${job.submissionId}: ${outcome.result.verdict} ${outcome.result.score}/${outcome.result.maxScore} in ${ms} ms (attempt ${job.attempts})`
            : `graded ${job.submissionId} in ${ms} ms but the job was no longer ours: result dropped`,
        );
        if (stored) await onGradingStored(job.submissionId, { db: options.db, log });
      } else {
        const error = outcome.error;
        const permanent = error instanceof PermanentGradingError;
        const message = permanent
          ? error.message
          : "The grader failed while grading this submission (a problem on our side, not in your code).";
        const released = await jobs.releaseJob(job, workerId, { kind: permanent ? "permanent" : "error", message });
        log(`grading ${job.submissionId} failed (${released}): ${describe(error)}`);
      }
    } finally {
      clearInterval(heartbeat);
      handled++;
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        if (Date.now() - lastSweep > STRANDED_SWEEP_MS) {
          lastSweep = Date.now();
          const stranded = await jobs.enqueueStranded();
          if (stranded > 0) log(`enqueued ${stranded} stranded submission(s)`);
        }
        if (await options.first?.()) continue;
        const job = await jobs.claimNextJob(workerId);
        if (job) await handle(job);
        else if (!(await options.whenIdle?.())) await pause(pollMs);
      } catch (error) {
        // The database was busy or gone for a moment: say so and try again.
        log(`queue error: ${describe(error)}`);
        await pause(Math.max(pollMs, 1_000));
      }
    }
  }

  const done = loop();
  return {
    done,
    get handled() {
      return handled;
    },
    async stop() {
      stopping = true;
      stopRequested();
      wake();
      await done;
    },
  };
}

/**
 * Start every sandbox process of the pool now, so the first submission does not pay for
 * starting them (several seconds on a small machine). Each runs one trivial schedule.
 */
export async function warmUpPool(pool: SandboxPool, size: number): Promise<void> {
  const task: SandboxTask = {
    kind: "explore",
    files: [{ name: "warmup.ts", displayName: "warmup.ts", source: "export async function main() {}\n" }],
    options: {
      strategy: "rr",
      runs: 1,
      seed: 1,
      cores: 1,
      maxSteps: 1_000,
      entryModule: "warmup.ts",
      entryExport: "main",
    },
  };
  await Promise.all(Array.from({ length: size }, () => pool.run(task)));
}
