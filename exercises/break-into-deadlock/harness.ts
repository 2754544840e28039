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

// ---- The program: three transfers between three accounts, each locking from, then to. ----
//
//   shared: balance = { A: 50, B: 50, C: 0 }; one lock per account
//
//   thread 0: A → B, twice        thread 1: B → C, twice          thread 2: C → A
//     1 lock(A)     6 lock(A)        1 lock(B)     6 lock(B)         1 if (balance.C < 10) return
//     2 lock(B)     7 lock(B)        2 lock(C)     7 lock(C)         2 lock(C)
//     3 move        8 move           3 move        8 move            3 lock(A)
//     4 unlock(B)   9 unlock(B)      4 unlock(C)   9 unlock(C)       4 move
//     5 unlock(A)  10 unlock(A)      5 unlock(B)  10 unlock(B)       5 unlock(A)
//                                                                    6 unlock(C)

type Account = "A" | "B" | "C";

interface State {
  balance: Record<Account, number>;
  holder: Record<Account, number | null>;
}

const NAMES = ["thread 0", "thread 1", "thread 2"];
const MAX_STEPS = 200;
const SHORTEST = 9;
const SHORTEST_HINT =
  "the grader's own search stops at the first deadlock it finds, with as few steps as it can: so can you";
const MAX_SWITCHES = 99;
const SWITCHES_HINT = "";
const GOAL_MISSED =
  "no deadlock: at no point was every thread that had not finished waiting for a lock held by another.";

function lock(x: Account): Line<State> {
  return {
    text: `lock(${x})`,
    run: (s, t) => {
      const h = s.holder[x];
      if (h !== null) return `it waits in lock(${x}) while ${NAMES[h]} holds ${x}`;
      s.holder[x] = t;
      return {};
    },
  };
}
function unlock(x: Account): Line<State> {
  return {
    text: `unlock(${x})`,
    run: (s) => {
      s.holder[x] = null;
      return {};
    },
  };
}
function move(from: Account, to: Account): Line<State> {
  return {
    text: `${from} -= 10; ${to} += 10`,
    run: (s) => {
      s.balance[from] -= 10;
      s.balance[to] += 10;
      return { note: `${from} = ${s.balance[from]}, ${to} = ${s.balance[to]}` };
    },
  };
}
const transfer = (from: Account, to: Account) => [lock(from), lock(to), move(from, to), unlock(to), unlock(from)];
const checkC: Line<State> = {
  text: "if (balance.C < 10) return",
  run: (s) =>
    s.balance.C < 10 ? { next: 99, note: `C = ${s.balance.C}: returns` } : { note: `C = ${s.balance.C}: goes on` },
};
const PROGRAMS: Line<State>[][] = [
  [...transfer("A", "B"), ...transfer("A", "B")],
  [...transfer("B", "C"), ...transfer("B", "C")],
  [checkC, ...transfer("C", "A")],
];

function initialState(): State {
  return { balance: { A: 50, B: 50, C: 0 }, holder: { A: null, B: null, C: null } };
}

function describeState(s: State): string {
  const held = (["A", "B", "C"] as const).map((x) =>
    s.holder[x] === null ? `${x} free` : `${x} held by ${NAMES[s.holder[x]!]}`,
  );
  return `${held.join(", ")}; balances A = ${s.balance.A}, B = ${s.balance.B}, C = ${s.balance.C}`;
}

/** Every thread that has not finished waits for a lock another thread holds (at least two of them). */
function goalReached(run: Run<State>): boolean {
  const alive = run.pc.map((pc, t) => (pc <= PROGRAMS[t]!.length ? t : -1)).filter((t) => t >= 0);
  if (alive.length < 2) return false;
  return alive.every((t) => {
    const line = PROGRAMS[t]![run.pc[t]! - 1]!;
    const m = /^lock\(([ABC])\)$/.exec(line.text);
    if (!m) return false;
    const h = run.state.holder[m[1] as Account];
    return h !== null && h !== t;
  });
}
