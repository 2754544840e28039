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

// ---- The program: a bounded buffer of one slot, guarded by two semaphores and a mutex. ----
//
//   shared: buffer = [], empty = Semaphore(1), full = Semaphore(0), mutex = Lock()
//
//   producer (thread 0), for each of 3 items:     consumer (thread 1), 3 times:
//     1  mutex.acquire()                            1  full.acquire()
//     2  empty.acquire()     // inside the mutex!    2  mutex.acquire()
//     3  buffer.push(item)                          3  item = buffer.shift()
//     4  full.release()                             4  mutex.release()
//     5  mutex.release()                            5  empty.release()
//   (lines 6–10 and 11–15 repeat the same for the next items)

type Sem = "empty" | "full";

interface State {
  buffer: number[];
  sem: Record<Sem, number>;
  mutex: number | null;
  produced: number;
}

const NAMES = ["producer 0", "consumer 1"];
const MAX_STEPS = 200;
const SHORTEST = 7;
const SHORTEST_HINT = "the first item is enough: the deadlock can come with the second";
const MAX_SWITCHES = 99;
const SWITCHES_HINT = "";
const GOAL_MISSED = "no deadlock: at no point were both threads waiting — each in an acquire() that cannot go on.";

const acquireMutex: Line<State> = {
  text: "mutex.acquire()",
  run: (s, t) => {
    if (s.mutex !== null) return `it waits in mutex.acquire() while ${NAMES[s.mutex]} holds the mutex`;
    s.mutex = t;
    return {};
  },
};
const releaseMutex: Line<State> = {
  text: "mutex.release()",
  run: (s) => {
    s.mutex = null;
    return {};
  },
};
const acquire = (x: Sem): Line<State> => ({
  text: `${x}.acquire()`,
  run: (s) => {
    if (s.sem[x] === 0) return `it waits in ${x}.acquire() while ${x} = 0`;
    s.sem[x]--;
    return { note: `${x} = ${s.sem[x]}` };
  },
});
const release = (x: Sem): Line<State> => ({
  text: `${x}.release()`,
  run: (s) => {
    s.sem[x]++;
    return { note: `${x} = ${s.sem[x]}` };
  },
});
const push: Line<State> = {
  text: "buffer.push(item)",
  run: (s) => {
    s.produced++;
    s.buffer.push(s.produced);
    return { note: `buffer = [${s.buffer.join(", ")}]` };
  },
};
const shift: Line<State> = {
  text: "item = buffer.shift()",
  run: (s) => {
    s.buffer.shift();
    return { note: `buffer = [${s.buffer.join(", ")}]` };
  },
};
const produce = [acquireMutex, acquire("empty"), push, release("full"), releaseMutex];
const consume = [acquire("full"), acquireMutex, shift, releaseMutex, release("empty")];
const PROGRAMS: Line<State>[][] = [
  [...produce, ...produce, ...produce],
  [...consume, ...consume, ...consume],
];

function initialState(): State {
  return { buffer: [], sem: { empty: 1, full: 0 }, mutex: null, produced: 0 };
}

function describeState(s: State): string {
  return `buffer = [${s.buffer.join(", ")}], empty = ${s.sem.empty}, full = ${s.sem.full}, mutex ${s.mutex === null ? "free" : `held by ${NAMES[s.mutex]}`}`;
}

/** Both threads are unfinished, and each waits in an acquire() that cannot go on. */
function goalReached(run: Run<State>): boolean {
  return run.pc.every((pc, t) => {
    const line = PROGRAMS[t]![pc - 1];
    if (line === undefined) return false;
    if (line.text === "mutex.acquire()") return run.state.mutex !== null && run.state.mutex !== t;
    const m = /^(empty|full)\.acquire\(\)$/.exec(line.text);
    return m !== null && run.state.sem[m[1] as Sem] === 0;
  });
}
