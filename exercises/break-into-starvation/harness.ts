import { assert } from "interleave";
import * as solution from "./solution";

// The program under attack, run step by step by the student's schedule: each step runs one
// line of one thread, atomically (one tick of The Deadlock Empire). A thread that cannot
// run (finished, or blocked) may not be scheduled; a spin loop is a step that stays on its
// line. The scheduler you play is fair: see checkFair below.

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
    checkFair(schedule, i, run);
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

// ---- The program: a readers-preference lock, two readers that never stop, one writer. ----
//
//   shared: readers = 0, writing = false
//
//   thread 0 and thread 1 (readers), forever:        thread 2 (writer):
//     1  wait until !writing; readers += 1             1  if (readers > 0) try again, else writing = true
//     2  read()                                        2  write(); writing = false
//     3  readers -= 1; go back to line 1
//
// Fair: in every 4 consecutive steps, every thread that has not finished runs at least once.

interface State {
  readers: number;
  writing: boolean;
  fails: number;
}

const NAMES = ["reader 0", "reader 1", "writer 2"];
const MAX_STEPS = 200;
const FAIR_WINDOW = 4;
const GOAL_FAILS = 8;
const SHORTEST = 15;
const SHORTEST_HINT = "the writer may try twice in a row, and a reader that has just come in can stay a while";
const MAX_SWITCHES = 99;
const SWITCHES_HINT = "";
const GOAL_MISSED = `the writer did not find readers inside ${GOAL_FAILS} times.`;

const enter: Line<State> = {
  text: "wait until !writing; readers += 1",
  run: (s) => {
    if (s.writing) return "it waits while the writer writes";
    s.readers++;
    return { note: `readers = ${s.readers}` };
  },
};
const readLine: Line<State> = { text: "read()", run: () => ({}) };
const leave: Line<State> = {
  text: "readers -= 1; go back to line 1",
  run: (s) => {
    s.readers--;
    return { next: 1, note: `readers = ${s.readers}` };
  },
};
const tryWrite: Line<State> = {
  text: "if (readers > 0) try again, else writing = true",
  run: (s) => {
    if (s.readers > 0) {
      s.fails++;
      return { next: 1, note: `readers = ${s.readers}: tries again (${s.fails} time${s.fails > 1 ? "s" : ""})` };
    }
    s.writing = true;
    return { note: "readers = 0: the writer gets in" };
  },
};
const write: Line<State> = {
  text: "write(); writing = false",
  run: (s) => {
    s.writing = false;
    return {};
  },
};
const PROGRAMS: Line<State>[][] = [
  [enter, readLine, leave],
  [enter, readLine, leave],
  [tryWrite, write],
];

function initialState(): State {
  return { readers: 0, writing: false, fails: 0 };
}

function describeState(s: State): string {
  return `readers = ${s.readers}, writing = ${s.writing}, the writer found readers inside ${s.fails} time(s)`;
}

function goalReached(run: Run<State>): boolean {
  return run.state.fails >= GOAL_FAILS;
}

/** A fair scheduler: every window of FAIR_WINDOW steps runs every thread not finished at its start. */
function checkFair(schedule: number[], i: number, run: Run<State>) {
  if (i + 1 < FAIR_WINDOW) return;
  const window = schedule.slice(i + 1 - FAIR_WINDOW, i + 1);
  const writerDone = run.pc[2]! > PROGRAMS[2]!.length && !window.includes(2);
  const missing = [0, 1, 2].filter((t) => !window.includes(t) && !(t === 2 && writerDone));
  assert(
    missing.length === 0,
    `steps ${i + 2 - FAIR_WINDOW}–${i + 1} never run ${missing.map((t) => NAMES[t]).join(" or ")}: you play a fair scheduler, which runs every thread at least once in any ${FAIR_WINDOW} consecutive steps. Starvation must happen even so. Steps so far: ${run.log.join(", ")}`,
  );
}
