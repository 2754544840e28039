import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// A real grading worker process (scripts/worker.ts, as `npm run worker` starts it) on a
// test database, for the fault tests: kill -9, restarts, the database going away.

export type WorkerProcess = {
  child: ChildProcess;
  /** Its workerId, once it logged it (the claim stores it in Submission.workerId). */
  workerId: () => string | null;
  log: string[];
  ready: Promise<void>;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
};

export function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", path.resolve("scripts/worker.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      GRADING_POOL_SIZE: "1",
      GRADING_LEASE_SECONDS: "5",
      GRADING_MAINTENANCE_SECONDS: "1",
      GRADING_POLL_MS: "50",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  let id: string | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      log.push(line);
      const named = / as (\S+)$/.exec(line);
      if (named && line.includes("grading submissions from")) {
        id = named[1]!;
        markReady();
      }
    }
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, workerId: () => id, log, ready, exited, kill: (signal) => child.kill(signal) };
}

export async function until(predicate: () => Promise<boolean>, timeoutMs = 90_000, what = "condition"): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
