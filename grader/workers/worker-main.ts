// A sandbox worker process: runs tasks from its supervisor, one at a time, each in its own
// isolate. Started with --no-node-snapshot (isolated-vm 5.0.4 on Node 20 needs it).

import { Worker } from "node:worker_threads";
import { explore } from "../explore/explore";
import { replayOne } from "../explore/replay";
import { CompileFailure, defaultLimits, Session } from "../isolate/session";
import type { SandboxAnswer, SandboxTask } from "./tasks";

function handle(task: SandboxTask): SandboxAnswer {
  let session: Session;
  try {
    session = Session.create(task.files, { ...defaultLimits, ...task.limits });
  } catch (error) {
    if (error instanceof CompileFailure) return { kind: "compile-error", diagnostics: error.diagnostics };
    throw error;
  }
  try {
    if (task.kind === "explore") return { kind: "explored", report: explore(session, task.options) };
    const { report, result } = replayOne(session, task.options);
    return { kind: "replayed", report, result };
  } catch (error) {
    if (error instanceof RangeError) return { kind: "bad-input", message: error.message };
    throw error;
  } finally {
    session.dispose();
  }
}

process.on("message", (message: { id: number; task: SandboxTask }) => {
  let answer: SandboxAnswer | { kind: "internal-error"; message: string };
  try {
    answer = handle(message.task);
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
