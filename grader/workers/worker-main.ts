// A sandbox worker process: runs tasks from its supervisor, one at a time, each in its own
// isolate. Started with --no-node-snapshot (isolated-vm 5.0.4 on Node 20 needs it).

import { Worker } from "node:worker_threads";
import { explore, type ExploreProgress } from "../explore/explore";
import { replayOne } from "../explore/replay";
import { stepProgram } from "../explore/step";
import { CompileFailure, defaultLimits, Session } from "../isolate/session";
import type { SandboxAnswer, SandboxTask } from "./tasks";

/** Progress messages to the supervisor: at most one per this many ms (live progress, issue 14). */
const PROGRESS_EVERY_MS = 250;

/**
 * A throttled progress callback for task `id`. The exploration runs synchronously, but a
 * message to the parent over the IPC pipe is written at once when the pipe has room (libuv
 * tries the write before queueing it), so the supervisor sees progress while it runs.
 */
function progressSender(id: number): (progress: ExploreProgress) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    process.send?.({ id, progress });
  };
}

/**
 * The session of the last slice of a parallel exploration (workers/explore-parallel.ts): the
 * next slice of the same program here reuses it, as the sequential loop reuses one session
 * for every schedule, instead of compiling and booting the program once per slice. Any
 * other task (another program, a whole exploration, a replay) disposes of it first.
 */
let kept: { key: string; session: Session } | null = null;

function handle(task: SandboxTask, id: number): SandboxAnswer {
  const slice = task.kind === "explore" && task.options.slice !== undefined;
  const key = JSON.stringify([task.files, task.limits ?? null]);
  let session: Session;
  if (slice && kept?.key === key) {
    session = kept.session;
  } else {
    kept?.session.dispose();
    kept = null;
    try {
      session = Session.create(task.files, { ...defaultLimits, ...task.limits });
    } catch (error) {
      if (error instanceof CompileFailure) return { kind: "compile-error", diagnostics: error.diagnostics };
      throw error;
    }
  }
  let keep = false;
  try {
    if (task.kind === "explore") {
      const report = explore(session, { ...task.options, onProgress: progressSender(id) });
      keep = slice;
      return { kind: "explored", report };
    }
    if (task.kind === "step") return { kind: "stepped", state: stepProgram(session, task.files, task.options) };
    const { report, result } = replayOne(session, task.options);
    return { kind: "replayed", report, result };
  } catch (error) {
    if (error instanceof RangeError) return { kind: "bad-input", message: error.message };
    throw error;
  } finally {
    if (keep) kept = { key, session };
    else session.dispose();
  }
}

process.on("message", (message: { id: number; task: SandboxTask }) => {
  let answer: SandboxAnswer | { kind: "internal-error"; message: string };
  try {
    answer = handle(message.task, message.id);
  } catch (error) {
    answer = {
      kind: "internal-error",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  process.send?.({ id: message.id, answer });
});

// A sandbox never outlives its supervisor (a `kill -9` of a grading worker must not leave
// sandboxes running). The IPC channel's disconnect covers an idle worker; a busy one runs a
// whole exploration synchronously, so a thread of its own polls the parent's pid and kills
// the process when it changes (re-parented: the parent is gone). Where setpriv is used the
// kernel does it as well (PR_SET_PDEATHSIG, isolation.ts).
process.on("disconnect", () => process.exit(0));
const watcher = new Worker(
  `const { workerData } = require("node:worker_threads");
   setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, "SIGKILL"); }, 200);`,
  { eval: true, workerData: process.ppid, execArgv: [], env: {} },
);
watcher.unref();

process.send?.({ ready: true });
