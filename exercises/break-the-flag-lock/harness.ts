import { assert } from "interleave";
import * as solution from "./solution";

// The program under attack, run step by step by the student's schedule. Each step runs one
// line of one thread, atomically — as one tick of The Deadlock Empire.
//
//   shared: flag = false
//   Thread 0 and Thread 1 both run:
//     1  while (flag) { }      // spin until the lock looks free
//     2  flag = true;          // take the lock
//     3  criticalSection();    // only one thread may be here
//     4  flag = false;         // give the lock back

const LINES = ["while (flag) { }", "flag = true;", "criticalSection();", "flag = false;"];
const THREADS = 2;
const MAX_STEPS = 100;

interface Run {
  /** 1-based line each thread executes next; 5 = finished. */
  pc: number[];
  flag: boolean;
  /** The step (1-based) after which both threads were inside, if any. */
  brokenAt: number | null;
  log: string[];
}

const insideCritical = (pc: number) => pc === 3 || pc === 4;

function describe(run: Run): string {
  const where = run.pc.map((pc, t) =>
    pc > LINES.length ? `thread ${t} has finished` : `thread ${t} is about to run line ${pc} \`${LINES[pc - 1]}\``,
  );
  return `${where.join("; ")}; flag = ${run.flag}`;
}

function readSchedule(): number[] {
  const schedule: unknown = (solution as Record<string, unknown>).schedule;
  assert(
    Array.isArray(schedule),
    "your file must export `schedule`, an array of thread numbers: `export const schedule: number[] = [0, 1, ...]`",
  );
  assert(schedule.length <= MAX_STEPS, `the schedule has ${schedule.length} steps; ${MAX_STEPS} are plenty`);
  schedule.forEach((t, i) => {
    assert(
      Number.isInteger(t) && (t as number) >= 0 && (t as number) < THREADS,
      `step ${i + 1} of the schedule is ${JSON.stringify(t) ?? String(t)}: a step is a thread number, 0 or 1`,
    );
  });
  return schedule as number[];
}

/** Run the schedule; every step must name a thread that can run. */
function execute(schedule: number[]): Run {
  const run: Run = { pc: new Array<number>(THREADS).fill(1), flag: false, brokenAt: null, log: [] };
  schedule.forEach((t, i) => {
    const step = i + 1;
    const pc = run.pc[t]!;
    assert(
      pc <= LINES.length,
      `step ${step} schedules thread ${t}, but thread ${t} has already finished (it ran all ${LINES.length} lines). Steps so far: ${run.log.join(", ") || "none"}`,
    );
    let next = pc + 1;
    let note = "";
    switch (pc) {
      case 1:
        if (run.flag) {
          next = 1;
          note = " (flag is true: spins)";
        } else note = " (flag is false: goes on)";
        break;
      case 2:
        run.flag = true;
        break;
      case 3:
        break;
      case 4:
        run.flag = false;
        break;
    }
    run.pc[t] = next;
    run.log.push(`${step}. T${t} line ${pc}${note}`);
    if (run.brokenAt === null && run.pc.every(insideCritical)) run.brokenAt = step;
  });
  return run;
}

/** The schedule is well formed: thread numbers in range, no finished thread scheduled. */
export async function validSchedule() {
  execute(readSchedule());
}

/** After some step of the schedule, both threads are inside the critical section. */
export async function breaksMutualExclusion() {
  const schedule = readSchedule();
  const run = execute(schedule);
  assert(
    run.brokenAt !== null,
    `the lock held: the two threads were never inside the critical section (lines 3–4) at the same time. After your ${schedule.length} steps: ${describe(run)}. Steps: ${run.log.join(", ") || "none"}`,
  );
}

/** The break takes as few steps as possible, and the schedule stops there. */
export async function shortestBreak() {
  const schedule = readSchedule();
  const run = execute(schedule);
  assert(run.brokenAt !== null, "the schedule does not break the lock");
  assert(
    run.brokenAt === schedule.length,
    `the lock is broken after step ${run.brokenAt}, but the schedule goes on for ${schedule.length} steps: stop at the break`,
  );
  assert(
    schedule.length <= 4,
    `your schedule breaks the lock in ${schedule.length} steps; it can be done in 4 — every thread has to run lines 1 and 2, and nothing else`,
  );
}
