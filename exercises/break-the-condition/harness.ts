import { assert } from "interleave";
import * as solution from "./solution";

// The program under attack, run step by step by the student's schedule: each step runs one
// line of one thread, atomically (one tick of The Deadlock Empire).
//
//   shared: items = [] (a queue), lock m, condition notEmpty (on m)
//
//   Consumer (threads 0 and 1):             Producer (thread 2):
//     1  m.acquire()                          1  m.acquire()
//     2  if (items.length === 0)              2  items.push("apple")
//     3      notEmpty.wait()                  3  notEmpty.notifyAll()
//     4  item = items.shift()  // must exist  4  m.release()
//     5  m.release()
//
// wait() releases m and sleeps; a notified thread must be scheduled once more to take m
// back (possible only while m is free), and then goes on to line 4.

const CONSUMER = ["m.acquire()", "if (items.length === 0)", "notEmpty.wait()", "item = items.shift()", "m.release()"];
const PRODUCER = ["m.acquire()", 'items.push("apple")', "notEmpty.notifyAll()", "m.release()"];
const PROGRAMS = [CONSUMER, CONSUMER, PRODUCER];
const NAMES = ["consumer 0", "consumer 1", "producer 2"];
const MAX_STEPS = 200;
const SHORTEST = 13;

type Sleep = "awake" | "asleep" | "notified";

interface Run {
  pc: number[];
  sleep: Sleep[];
  crashed: (number | null)[];
  holder: number | null;
  items: string[];
  /** The step (1-based) at which a consumer took an item from an empty queue. */
  crashAt: number | null;
  log: string[];
}

function readSchedule(): number[] {
  const schedule: unknown = (solution as Record<string, unknown>).schedule;
  assert(
    Array.isArray(schedule),
    "your file must export `schedule`, an array of thread numbers: `export const schedule: number[] = [0, 2, ...]`",
  );
  assert(schedule.length <= MAX_STEPS, `the schedule has ${schedule.length} steps; ${MAX_STEPS} are plenty`);
  schedule.forEach((t, i) => {
    assert(
      Number.isInteger(t) && (t as number) >= 0 && (t as number) < PROGRAMS.length,
      `step ${i + 1} of the schedule is ${JSON.stringify(t) ?? String(t)}: a step is a thread number — 0 or 1 (the consumers) or 2 (the producer)`,
    );
  });
  return schedule as number[];
}

function state(run: Run): string {
  const threads = run.pc.map((pc, t) => {
    if (run.crashed[t] !== null) return `${NAMES[t]} crashed at step ${run.crashed[t]}`;
    const lines = PROGRAMS[t]!;
    if (pc > lines.length) return `${NAMES[t]} has finished`;
    const sleep =
      run.sleep[t] === "asleep" ? " (asleep)" : run.sleep[t] === "notified" ? " (notified, needs m back)" : "";
    return `${NAMES[t]} is at line ${pc} \`${lines[pc - 1]}\`${sleep}`;
  });
  return `${threads.join("; ")}; items = ${JSON.stringify(run.items)}; m is ${run.holder === null ? "free" : `held by ${NAMES[run.holder]}`}`;
}

function execute(schedule: number[]): Run {
  const run: Run = {
    pc: [1, 1, 1],
    sleep: ["awake", "awake", "awake"],
    crashed: [null, null, null],
    holder: null,
    items: [],
    crashAt: null,
    log: [],
  };
  schedule.forEach((t, i) => {
    const step = i + 1;
    const lines = PROGRAMS[t]!;
    const pc = run.pc[t]!;
    const cannot = (why: string) =>
      `step ${step} schedules ${NAMES[t]}, but ${why}: it cannot run. Steps so far: ${run.log.join(", ") || "none"}`;
    assert(run.crashed[t] === null, cannot(`${NAMES[t]} crashed at step ${run.crashed[t]}`));
    assert(pc <= lines.length, cannot(`${NAMES[t]} has already finished`));
    const line = lines[pc - 1]!;
    const mFree = () => run.holder === null;
    let next = pc + 1;
    let note = "";
    if (line === "m.acquire()") {
      assert(mFree(), cannot(`it waits in m.acquire() (line ${pc}) while ${NAMES[run.holder!]} holds m`));
      run.holder = t;
    } else if (line === "m.release()") {
      run.holder = null;
    } else if (line === "if (items.length === 0)") {
      if (run.items.length > 0) {
        next = 4;
        note = " (not empty: skips the wait)";
      } else note = " (empty: goes on to wait)";
    } else if (line === "notEmpty.wait()") {
      if (run.sleep[t] === "awake") {
        run.holder = null;
        run.sleep[t] = "asleep";
        next = pc;
        note = " (releases m, falls asleep)";
      } else {
        assert(
          run.sleep[t] !== "asleep",
          cannot(`it is asleep in notEmpty.wait() (line 3) and nobody has notified it yet`),
        );
        assert(
          mFree(),
          cannot(`it was notified and must take m back to leave wait(), yet ${NAMES[run.holder!]} holds m`),
        );
        run.holder = t;
        run.sleep[t] = "awake";
        note = " (takes m back, wakes up)";
      }
    } else if (line === "item = items.shift()") {
      if (run.items.length === 0) {
        run.crashed[t] = step;
        if (run.crashAt === null) run.crashAt = step;
        note = " (the queue is EMPTY: crash!)";
      } else {
        run.items.shift();
        note = " (takes the apple)";
      }
    } else if (line === 'items.push("apple")') {
      run.items.push("apple");
    } else if (line === "notEmpty.notifyAll()") {
      const woken = run.sleep.flatMap((s, u) => (s === "asleep" ? [u] : []));
      for (const u of woken) run.sleep[u] = "notified";
      note = woken.length ? ` (notifies ${woken.map((u) => NAMES[u]).join(" and ")})` : " (nobody is waiting)";
    }
    run.pc[t] = next;
    run.log.push(`${step}. T${t} line ${pc}${note}`);
  });
  return run;
}

/** The schedule is well formed: every step names a thread that can run at that moment. */
export async function validSchedule() {
  execute(readSchedule());
}

/** Some consumer takes an item from an empty queue. */
export async function consumerCrashes() {
  const schedule = readSchedule();
  const run = execute(schedule);
  assert(
    run.crashAt !== null,
    `no consumer ever took an item from an empty queue. After your ${schedule.length} steps: ${state(run)}. Steps: ${run.log.join(", ") || "none"}`,
  );
}

/** The crash takes as few steps as possible, and the schedule stops there. */
export async function shortestCrash() {
  const schedule = readSchedule();
  const run = execute(schedule);
  assert(run.crashAt !== null, "the schedule does not make a consumer crash");
  assert(
    run.crashAt === schedule.length,
    `the consumer crashes at step ${run.crashAt}, but the schedule goes on for ${schedule.length} steps: stop at the crash`,
  );
  assert(
    schedule.length <= SHORTEST,
    `your schedule makes a consumer crash in ${schedule.length} steps; it can be done in ${SHORTEST}: only one consumer needs to wait`,
  );
}
