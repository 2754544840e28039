// Supervised sandbox worker processes. Student code never runs in the caller's process: a
// task goes to a worker; a worker that dies (the isolate heap limit aborts the process in
// isolated-vm 5.0.4, issues #527/#457) is replaced and the task answers `crashed`; a task
// that outlives its wall-clock watchdog has its worker killed and answers `timeout`.
// Workers start with an empty environment, as an unprivileged user with no network where
// the machine allows it (isolation.ts), and die with their parent (worker-main.ts).

import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { sandboxLaunch, type SandboxIsolation } from "./isolation";
import type { SandboxAnswer, SandboxTask } from "./tasks";
import type { ExploreProgress } from "../explore/explore";

export interface PoolOptions {
  size: number;
  /** Real-time watchdog for one task. */
  taskTimeoutMs: number;
  /** Drop privileges and the network where possible (default true; see isolation.ts). */
  isolate?: boolean;
  /** How long past a task's deadline its worker may take to answer before it is killed. */
  deadlineGraceMs?: number;
  /**
   * Niceness of the sandbox processes (default: the caller's). A grading worker sets 10: pages
   * before grading when both want the CPU. Only the sandboxes, which do the computing: the
   * worker itself holds the database's write lock for moments, and a worker starved of CPU
   * while holding it would stall the web server's writes behind it (issue 17).
   */
  niceness?: number;
}

export interface RunOptions {
  /**
   * A submission's deadline (Date.now() ms). A task still waiting at the deadline is not run
   * and answers `timeout`; an exploration gets what is left as its time budget (it stops
   * between schedules and reports what it explored); the watchdog kills a worker still busy
   * DEADLINE_GRACE_MS after it.
   */
  deadline?: number;
  /** An exploration's progress, at most ~4 times a second while it runs (live progress, issue 14). */
  onProgress?: (progress: ExploreProgress) => void;
}

/** How long past a deadline a worker may take to answer (one schedule, the failure's replay). */
export const DEADLINE_GRACE_MS = 10_000;

interface Job {
  id: number;
  task: SandboxTask;
  deadline: number;
  onProgress?: (progress: ExploreProgress) => void;
  resolve: (answer: SandboxAnswer) => void;
  reject: (error: Error) => void;
}

interface Worker {
  child: ChildProcess;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  ready: Promise<void>;
}

const WORKER = fileURLToPath(new URL("./worker-main.ts", import.meta.url));
/** tsx by absolute URL, so the worker starts whatever the caller's working directory. */
const TSX = import.meta.resolve("tsx");
const WORKER_STARTUP_MS = 60_000;
/** isolated-vm's entry: the sandbox's user must be able to read it (and so its native module). */
const IVM = import.meta.resolve("isolated-vm");

export class SandboxPool {
  private readonly workers: Worker[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  private readonly launch: ReturnType<typeof sandboxLaunch>;

  constructor(private readonly options: PoolOptions = { size: 1, taskTimeoutMs: 120_000 }) {
    this.launch = sandboxLaunch(options.isolate !== false, [WORKER, fileURLToPath(TSX), fileURLToPath(IVM)]);
  }

  /**
   * A pool's size when none is asked for: the machine's cores, since one exploration now
   * spreads over every process (workers/explore-parallel.ts, issue 17).
   */
  static defaultSize(): number {
    return os.availableParallelism();
  }

  /** What the worker processes can reach on this machine (log its summary once at startup). */
  get isolation(): SandboxIsolation {
    return this.launch.isolation;
  }

  /** How many tasks run at once. */
  get size(): number {
    return this.options.size;
  }

  /** The pids of the live worker processes (tests check that none outlives its parent). */
  get pids(): number[] {
    return this.workers.map((w) => w.child.pid).filter((pid): pid is number => pid !== undefined);
  }

  run(task: SandboxTask, options: RunOptions = {}): Promise<SandboxAnswer> {
    if (this.closed) return Promise.reject(new Error("the sandbox pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        task,
        deadline: options.deadline ?? Infinity,
        onProgress: options.onProgress,
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  private spawnWorker(): Worker {
    const { execPath, wrapperArgs, uid, gid } = this.launch;
    // env {}: node adds only the IPC channel's own variables. Nothing else (DATABASE_URL,
    // secrets, proxies) reaches a process that runs student code.
    // --single-threaded-gc: a sandbox's collector runs on its own thread, not beside it on a
    // core another sandbox needs (bench (p), same run: +13% schedules/s on one process, +8% on
    // two; isolate memory limits unchanged, the red team's memory attacks still end).
    const child = fork(WORKER, [], {
      execPath,
      execArgv: [...wrapperArgs, "--no-node-snapshot", "--single-threaded-gc", "--import", TSX],
      env: {} as NodeJS.ProcessEnv,
      ...(uid !== undefined ? { uid, gid } : {}),
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    if (this.options.niceness !== undefined && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, this.options.niceness);
      } catch {
        // Not allowed here (a raised niceness cannot be lowered without privileges): as is.
      }
    }
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    let markReady: () => void = () => {};
    const worker: Worker = { child, job: null, timer: null, ready: new Promise((r) => (markReady = r)) };
    // A worker that never starts is killed; its task then answers `crashed`.
    const startup = setTimeout(() => child.kill("SIGKILL"), WORKER_STARTUP_MS);
    void worker.ready.then(() => clearTimeout(startup));
    child.on(
      "message",
      (message: {
        ready?: boolean;
        id?: number;
        answer?: SandboxAnswer | { kind: "internal-error"; message: string };
        progress?: ExploreProgress;
      }) => {
        if (message.ready) {
          markReady();
          return;
        }
        const job = worker.job;
        if (job && message.id === job.id && message.progress) {
          reportProgress(job, message.progress);
          return;
        }
        if (!job || message.id !== job.id || !message.answer) return;
        this.finish(worker);
        const answer = message.answer;
        if (answer.kind === "internal-error") job.reject(new Error(`sandbox worker error: ${answer.message}`));
        else job.resolve(answer);
        this.dispatch();
      },
    );
    child.on("exit", (code, signal) => {
      const i = this.workers.indexOf(worker);
      if (i >= 0) this.workers.splice(i, 1);
      const job = worker.job;
      if (job) {
        this.finish(worker);
        // isolated-vm 5 aborts the process when an isolate's heap limit is hit in some paths
        // (#527, #457): a V8 fatal error on stderr, or death by SIGABRT/SIGTRAP/SIGSEGV.
        const memory =
          /memory|heap|allocation|OOM/i.test(stderr) ||
          signal === "SIGABRT" ||
          signal === "SIGTRAP" ||
          signal === "SIGSEGV" ||
          signal === "SIGILL" ||
          code === 134 ||
          code === 133;
        job.resolve({
          kind: "crashed",
          memory,
          message: memory
            ? "the program ran out of memory in the sandbox (its heap limit)"
            : `the sandbox process died (${signal ?? `exit code ${code}`})`,
        });
      }
      if (!this.closed) this.dispatch();
    });
    this.workers.push(worker);
    return worker;
  }

  private finish(worker: Worker): void {
    if (worker.timer) clearTimeout(worker.timer);
    worker.timer = null;
    worker.job = null;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let worker = this.workers.find((w) => w.job === null);
      if (!worker) {
        if (this.workers.length >= this.options.size) return;
        worker = this.spawnWorker();
      }
      const job = this.queue.shift()!;
      if (this.pastDeadline(job)) continue;
      const w = worker;
      w.job = job;
      // The watchdog starts when the task reaches a ready worker: starting a process (tsx,
      // isolated-vm) on a loaded machine must not eat into the task's time.
      void w.ready.then(() => {
        if (w.job !== job) return;
        if (this.pastDeadline(job)) {
          this.finish(w);
          this.dispatch();
          return;
        }
        const task = withTimeBudget(job.task, job.deadline - Date.now());
        this.arm(w, job);
        w.child.send({ id: job.id, task });
      });
    }
  }

  /** A task whose submission ran out of time is answered without running it. */
  private pastDeadline(job: Job): boolean {
    if (Date.now() < job.deadline) return false;
    job.resolve({
      kind: "timeout",
      message: "not run: the submission's grading time had run out before this check could start",
    });
    return true;
  }

  private arm(w: Worker, job: Job): void {
    const untilDeadline = job.deadline - Date.now() + (this.options.deadlineGraceMs ?? DEADLINE_GRACE_MS);
    const bySubmission = untilDeadline < this.options.taskTimeoutMs;
    w.timer = setTimeout(
      () => {
        if (w.job !== job) return;
        this.finish(w);
        // Out of the pool at once: the next task must not be handed to a dying process.
        const i = this.workers.indexOf(w);
        if (i >= 0) this.workers.splice(i, 1);
        w.child.kill("SIGKILL");
        job.resolve({
          kind: "timeout",
          message: bySubmission
            ? "grading ran past the submission's time limit and was stopped"
            : `grading took longer than ${Math.round(this.options.taskTimeoutMs / 1000)} s of real time`,
        });
        this.dispatch();
      },
      Math.max(0, Math.min(untilDeadline, this.options.taskTimeoutMs)),
    );
  }

  /** Start every worker process now (a grading service warms up before its first task). */
  async warmUp(): Promise<void> {
    while (this.workers.length < this.options.size && !this.closed) this.spawnWorker();
    await Promise.all(this.workers.map((w) => w.ready));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the sandbox pool closed"));
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
            w.child.once("exit", () => resolve());
            w.child.kill("SIGKILL");
          }),
      ),
    );
  }
}

/** Progress comes from the sandbox: only well-formed counts reach the caller, and its errors stay its own. */
function reportProgress(job: Job, progress: ExploreProgress): void {
  const { schedulesRun, runs, strategy } = progress;
  if (!Number.isSafeInteger(schedulesRun) || !Number.isSafeInteger(runs) || typeof strategy !== "string") return;
  try {
    job.onProgress?.({ schedulesRun, runs, strategy: strategy.slice(0, 20) });
  } catch {
    // A progress listener must never break grading.
  }
}

/** An exploration gets the time left before the deadline as its budget (or keeps a smaller one). */
function withTimeBudget(task: SandboxTask, leftMs: number): SandboxTask {
  if (task.kind !== "explore" || !Number.isFinite(leftMs)) return task;
  const own = task.options.timeBudgetMs ?? Infinity;
  return { ...task, options: { ...task.options, timeBudgetMs: Math.max(1, Math.min(own, Math.floor(leftMs))) } };
}

/**
 * `pool` with every task bounded by one deadline (a submission's): for code that takes a pool
 * and runs several tasks (the checks, their performance measurements). Anything else the
 * pool does is the pool's own.
 */
export function withDeadline(pool: SandboxPool, deadline: number): SandboxPool {
  const view = Object.create(pool) as SandboxPool;
  view.run = (task, options = {}) =>
    pool.run(task, { ...options, deadline: Math.min(deadline, options.deadline ?? Infinity) });
  return view;
}
