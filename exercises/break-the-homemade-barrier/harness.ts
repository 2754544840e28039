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

// ---- The program: two threads, two rounds, a barrier built from a counter and a gate. ----
//
//   shared: count = 0, gate = closed
//
//   thread 0 and thread 1 both run:
//     1  compute(round 1)                     7  compute(round 2)
//     2  count += 1                           8  count += 1
//     3  if (count == 2) gate = open          9  if (count == 2) gate = open
//     4  wait until the gate is open         10  wait until the gate is open
//     5  count -= 1                          11  count -= 1
//     6  if (count == 0) gate = closed       12  if (count == 0) gate = closed
//                                            13  combine()

interface State {
  count: number;
  open: boolean;
}

const NAMES = ["thread 0", "thread 1"];
const MAX_STEPS = 200;
const SHORTEST = 12;
const SHORTEST_HINT =
  "the break does not need either thread to close the gate, nor the other thread to pass the first barrier";
const MAX_SWITCHES = 99;
const SWITCHES_HINT = "";
const GOAL_MISSED =
  "the barrier held: no thread got past the round-2 barrier (line 10) while the other had not yet started round 2 (line 7).";

const compute = (round: number): Line<State> => ({ text: `compute(round ${round})`, run: () => ({}) });
const arrive: Line<State> = {
  text: "count += 1",
  run: (s) => {
    s.count++;
    return { note: `count = ${s.count}` };
  },
};
const openIfAll: Line<State> = {
  text: "if (count == 2) gate = open",
  run: (s) => {
    if (s.count === 2) s.open = true;
    return { note: `count = ${s.count}: the gate is ${s.open ? "open" : "closed"}` };
  },
};
const waitGate: Line<State> = {
  text: "wait until the gate is open",
  run: (s) => (s.open ? { note: "passes" } : "it waits while the gate is closed"),
};
const leave: Line<State> = {
  text: "count -= 1",
  run: (s) => {
    s.count--;
    return { note: `count = ${s.count}` };
  },
};
const closeIfLast: Line<State> = {
  text: "if (count == 0) gate = closed",
  run: (s) => {
    if (s.count === 0) s.open = false;
    return { note: `count = ${s.count}: the gate is ${s.open ? "open" : "closed"}` };
  },
};
const combine: Line<State> = { text: "combine()", run: () => ({}) };
const barrier = [arrive, openIfAll, waitGate, leave, closeIfLast];
const program = [compute(1), ...barrier, compute(2), ...barrier, combine];
const PROGRAMS: Line<State>[][] = [program, program];

function initialState(): State {
  return { count: 0, open: false };
}

function describeState(s: State): string {
  return `count = ${s.count}, the gate is ${s.open ? "open" : "closed"}`;
}

/** A thread is past the round-2 barrier while the other has not started round 2. */
function goalReached(run: Run<State>): boolean {
  const [a, b] = run.pc as [number, number];
  return (a >= 11 && b <= 7) || (b >= 11 && a <= 7);
}
