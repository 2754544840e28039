import { assert } from "interleave";
import * as solution from "./solution";

// The program under attack, run step by step by the student's schedule: each step runs one
// line of one thread, atomically (one tick of The Deadlock Empire). A thread that cannot
// run (finished, or blocked) may not be scheduled; a spin loop is a step that stays on its
// line.

interface Line<S> {
  text: string;
  /** Runs the line for thread t: a reason string when it cannot run now, else where to go (default: the next line). */
  run: (s: S, t: number) => string | { next?: number; note?: string };
}

interface Run<S> {
  pc: number[];
  state: S;
  log: string[];
  /** The step (1-based) after which the goal held, if it did. */
  reachedAt: number | null;
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
      Number.isInteger(t) && (t as number) >= 0 && (t as number) < PROGRAMS.length,
      `step ${i + 1} of the schedule is ${JSON.stringify(t) ?? String(t)}: a step is a thread number, ${PROGRAMS.map((_, k) => k).join(", ")}`,
    );
  });
  return schedule as number[];
}

function where(run: Run<State>): string {
  const threads = run.pc.map((pc, t) => {
    const lines = PROGRAMS[t]!;
    if (pc > lines.length) return `${NAMES[t]} has finished`;
    return `${NAMES[t]} is at line ${pc} \`${lines[pc - 1]!.text}\``;
  });
  return `${threads.join("; ")}; ${describeState(run.state)}`;
}

function execute(schedule: number[]): Run<State> {
  const run: Run<State> = { pc: PROGRAMS.map(() => 1), state: initialState(), log: [], reachedAt: null };
  schedule.forEach((t, i) => {
    const step = i + 1;
    const lines = PROGRAMS[t]!;
    const pc = run.pc[t]!;
    const cannot = (why: string) =>
      `step ${step} schedules ${NAMES[t]}, but ${why}: it cannot run. Steps so far: ${run.log.join(", ") || "none"}`;
    assert(pc <= lines.length, cannot(`${NAMES[t]} has already finished`));
    const out = lines[pc - 1]!.run(run.state, t);
    assert(typeof out !== "string", cannot(typeof out === "string" ? out : ""));
    run.pc[t] = out.next ?? pc + 1;
    run.log.push(`${step}. T${t} line ${pc}${out.note ? ` (${out.note})` : ""}`);
    if (run.reachedAt === null && goalReached(run)) run.reachedAt = step;
  });
  return run;
}

/** The schedule is well formed: every step names a thread that can run at that moment. */
export async function validSchedule() {
  execute(readSchedule());
}

/** The goal is reached after some step of the schedule. */
export async function reachesGoal() {
  const schedule = readSchedule();
  const run = execute(schedule);
  assert(
    run.reachedAt !== null,
    `${GOAL_MISSED} After your ${schedule.length} steps: ${where(run)}. Steps: ${run.log.join(", ") || "none"}`,
  );
}

/** The goal takes as few steps as possible, and the schedule stops there. */
export async function shortest() {
  const schedule = readSchedule();
  const run = execute(schedule);
  assert(run.reachedAt !== null, "the schedule does not reach the goal");
  assert(
    run.reachedAt === schedule.length,
    `the goal is reached at step ${run.reachedAt}, but the schedule goes on for ${schedule.length} steps: stop there`,
  );
  assert(
    schedule.length <= SHORTEST,
    `${SHORTEST_HINT} (yours takes ${schedule.length} steps; it can be done in ${SHORTEST})`,
  );
  const switches = schedule.filter((t, i) => i > 0 && t !== schedule[i - 1]).length;
  assert(
    switches <= MAX_SWITCHES,
    `${SWITCHES_HINT} (yours switches threads ${switches} times; it can be done with ${MAX_SWITCHES})`,
  );
}

// ---- The program: two threads, each adding 1 to `a` three times, as `a = a + 1` really runs. ----
//
//   shared: a = 0
//   thread 0 and thread 1 both run (tmp is each thread's own):
//     1  tmp = a
//     2  a = tmp + 1
//     3  tmp = a
//     4  a = tmp + 1
//     5  tmp = a
//     6  a = tmp + 1

interface State {
  a: number;
  tmp: number[];
}

const NAMES = ["thread 0", "thread 1"];
const MAX_STEPS = 100;
const SHORTEST = 12;
const SHORTEST_HINT = "every thread must run its six lines";
const MAX_SWITCHES = 5;
const SWITCHES_HINT =
  "the grader's shrinker looks for the failure with the fewest preemptions: find the schedule that switches threads least";
const GOAL_MISSED =
  "the program did not end with a = 2: both threads must finish (6 lines each) and leave a = 2, four of the six increments lost.";

const read: Line<State> = {
  text: "tmp = a",
  run: (s, t) => {
    s.tmp[t] = s.a;
    return { note: `reads ${s.a}` };
  },
};
const write: Line<State> = {
  text: "a = tmp + 1",
  run: (s, t) => {
    s.a = s.tmp[t]! + 1;
    return { note: `writes ${s.a}` };
  },
};
const PROGRAMS: Line<State>[][] = [
  [read, write, read, write, read, write],
  [read, write, read, write, read, write],
];

function initialState(): State {
  return { a: 0, tmp: [0, 0] };
}

function describeState(s: State): string {
  return `a = ${s.a}`;
}

function goalReached(run: Run<State>): boolean {
  return run.pc.every((pc, t) => pc > PROGRAMS[t]!.length) && run.state.a === 2;
}
