import { assert, currentThread, now, sleep } from "interleave";
import { JobScheduler } from "./solution";

// The jobs are the harness's: each logs when it started (relative to start()), on which
// thread, and takes its virtual time. The harness runs the scheduler for a while, shuts it
// down and compares the start times with the schedule. Times only move with sleeps, so the
// checks hold under every stress schedule that adds no delays (PCT).

interface Run {
  job: string;
  at: number;
  thread: string;
}

function job(log: Run[], name: string, takes: number, origin: () => number, running?: { n: number; max: number }) {
  return async () => {
    log.push({ job: name, at: now() - origin(), thread: currentThread().name });
    if (running) {
      running.n++;
      running.max = Math.max(running.max, running.n);
    }
    await sleep(takes);
    if (running) running.n--;
  };
}

function startsOf(log: Run[], name: string): number[] {
  return log.filter((r) => r.job === name).map((r) => r.at);
}

function expectStarts(log: Run[], name: string, want: number[], why: string) {
  const got = startsOf(log, name);
  assert(
    JSON.stringify(got) === JSON.stringify(want),
    `job ${name} started at ${JSON.stringify(got)} (virtual ms after start()); expected ${JSON.stringify(want)}: ${why}`,
  );
}

/** Two interval jobs and a slow one-shot job, on three workers, for 31 ms. */
export async function onTime() {
  const log: Run[] = [];
  let origin = 0;
  const at = () => origin;
  const s = new JobScheduler(3);
  s.addJob("A", job(log, "A", 1, at), { every: 7.5 });
  s.addJob("B", job(log, "B", 1, at), { every: 10 });
  s.addJob("slow", job(log, "slow", 20, at), { after: 5 });
  const main = currentThread().name;
  origin = now();
  await s.start();
  await sleep(31);
  await s.shutdown();
  const inCaller = log.find((r) => r.thread === main);
  assert(
    inCaller === undefined,
    `job ${inCaller?.job} ran in the thread that called start(): jobs run on the worker threads`,
  );
  expectStarts(log, "slow", [5], "a one-shot job runs once, `after` ms after start()");
  expectStarts(log, "A", [7.5, 15, 22.5, 30], "every 7.5 ms, on time — a slow job elsewhere must not delay it");
  expectStarts(log, "B", [10, 20, 30], "every 10 ms, on time");
}

/** A job slower than its interval: runs beyond maxInstances are skipped, not queued. */
export async function maxInstances() {
  const log: Run[] = [];
  let origin = 0;
  const at = () => origin;
  const one = { n: 0, max: 0 };
  const two = { n: 0, max: 0 };
  const s = new JobScheduler(4);
  s.addJob("one", job(log, "one", 19, at, one), { every: 7.5 });
  s.addJob("two", job(log, "two", 19, at, two), { every: 7.5, maxInstances: 2 });
  origin = now();
  await s.start();
  await sleep(33);
  await s.shutdown();
  expectStarts(
    log,
    "one",
    [7.5, 30],
    "it takes 19 ms, so the runs due at 15 and 22.5 find it still running and are skipped",
  );
  expectStarts(log, "two", [7.5, 15, 30], "two runs at a time: the run due at 22.5 finds two running and is skipped");
  assert(one.max === 1 && two.max === 2, `at most maxInstances runs of a job at once (saw ${one.max} and ${two.max})`);
}

/** shutdown() waits for running jobs, fires nothing more, and ends every thread. */
export async function shutdownCleanly() {
  const log: Run[] = [];
  let origin = 0;
  const at = () => origin;
  const s = new JobScheduler(2);
  s.addJob("long", job(log, "long", 12, at), { after: 2.5 });
  s.addJob("tick", job(log, "tick", 0.5, at), { every: 3.5 });
  origin = now();
  await s.start();
  await sleep(6);
  const calledAt = now() - origin;
  await s.shutdown();
  const returnedAt = now() - origin;
  assert(
    returnedAt === 14.5,
    `shutdown() returned at ${returnedAt} ms; the job "long" (2.5 → 14.5 ms) was still running: shutdown waits for it, and no longer`,
  );
  const late = log.find((r) => r.at > calledAt);
  assert(
    late === undefined,
    `job ${late?.job} started at ${late?.at} ms, after shutdown() was called at ${calledAt} ms`,
  );
  expectStarts(log, "tick", [3.5], "every 3.5 ms until shutdown at 6 ms");
  await sleep(20);
  assert(log.length === 2, "jobs ran after shutdown() returned");
}
