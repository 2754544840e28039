import { assert, currentThread, now } from "interleave";
import { EventLoop, type Syscall, type Task } from "./solution";

// Tasks are the harness's generators; they log what they do with the virtual time. The loop
// is the only thing that may advance time (by sleeping when no task can run), so the log
// tells whether tasks overlapped (times are the max, not the sum) and woke in deadline order.

const nap = (ms: number): Syscall => ({ kind: "sleep", ms });
const spawnTask = (task: Task): Syscall => ({ kind: "spawn", task });
const join = (id: number): Syscall => ({ kind: "join", id });

/** Task code must run on the loop's own thread: the point is one thread, many tasks. */
class Log extends Array<string> {
  readonly loop = currentThread().ident;

  override push(...items: string[]): number {
    assert(
      currentThread().ident === this.loop,
      `a task ran on thread ${currentThread().name}, not on the thread that called run(): the event loop runs every task itself, one step at a time, on one thread — no threads per task`,
    );
    return super.push(...items);
  }
}

function* sleeper(log: Log, name: string, naps: number[]): Task {
  log.push(`${name}@${now()}`);
  for (const [i, ms] of naps.entries()) {
    yield nap(ms);
    log.push(`${name}${i + 1}@${now()}`);
  }
  return name;
}

/**
 * Names in exactly this order, each at its time give or take 0.45 virtual ms: the loop's own
 * computation costs CPU time in the performance model (a few tenths of a ms), while a loop that
 * polls, serialises or rounds its deadlines is off by half a millisecond or more.
 */
function sameLog(log: readonly string[], want: readonly string[]): boolean {
  if (log.length !== want.length) return false;
  return log.every((entry, i) => {
    const [name, at] = entry.split("@");
    const [wantName, wantAt] = want[i]!.split("@");
    return name === wantName && Math.abs(Number(at) - Number(wantAt)) <= 0.45;
  });
}

function expectLog(log: Log, want: string[], what: string) {
  assert(
    sameLog(log, want),
    `${what}: the tasks logged ${log.join(" ") || "nothing"}; expected ${want.join(" ")} (name@virtual ms). While a task sleeps the others run; the loop wakes tasks in order of their deadlines and sleeps only when no task can run.`,
  );
}

/** Three tasks that sleep at different rhythms: they overlap, and wake in deadline order. */
export async function interleaves() {
  const log = new Log();
  function* main(): Task {
    const ids: number[] = [];
    for (const [name, naps] of [
      ["A", [3, 3]],
      ["B", [2, 5]],
      ["C", [4.5]],
    ] as const)
      ids.push((yield spawnTask(sleeper(log, name, [...naps]))) as number);
    return ids;
  }
  const startedAt = now();
  const ids = await new EventLoop().run(main());
  assert(
    Array.isArray(ids) && ids.length === 3,
    `spawn should send back each new task's id; main returned ${JSON.stringify(ids)}`,
  );
  expectLog(log, ["A@0", "B@0", "C@0", "B1@2", "A1@3", "C1@4.5", "A2@6", "B2@7"], "three sleepers");
  const took = now() - startedAt;
  assert(took >= 7 && took <= 7.45, `three sleepers took ${took} virtual ms; overlapping, they take 7`);
}

/** main spawns workers and joins them: join sends back each worker's return value. */
export async function spawnAndJoin() {
  const log = new Log();
  function* worker(n: number): Task {
    yield nap(n / 2);
    log.push(`w${n}@${now()}`);
    return n * n;
  }
  function* main(): Task {
    const ids: number[] = [];
    for (const n of [3, 1, 2]) ids.push((yield spawnTask(worker(n))) as number);
    const results: unknown[] = [];
    for (const id of ids) results.push(yield join(id));
    log.push(`main@${now()}`);
    return results;
  }
  const result = await new EventLoop().run(main());
  assert(
    JSON.stringify(result) === "[9,1,4]",
    `main should get [9, 1, 4] from joining its workers, got ${JSON.stringify(result)}`,
  );
  expectLog(log, ["w1@0.5", "w2@1", "w3@1.5", "main@1.5"], "spawn and join");
}

/** Ties wake in the order they were set, sleep(0) lets the others run, joins chain. */
export async function subtleties() {
  const log = new Log();
  function* ticker(name: string, rounds: number): Task {
    for (let i = 0; i < rounds; i++) {
      log.push(`${name}${i}@${now()}`);
      yield nap(0);
    }
    return name;
  }
  function* chain(depth: number): Task {
    if (depth === 0) {
      yield nap(1.25);
      return 1;
    }
    const id = (yield spawnTask(chain(depth - 1))) as number;
    return ((yield join(id)) as number) + 1;
  }
  function* main(): Task {
    yield spawnTask(ticker("x", 3));
    yield spawnTask(ticker("y", 3));
    const late = (yield spawnTask(sleeper(log, "t", [2]))) as number;
    const same = (yield spawnTask(sleeper(log, "u", [2]))) as number;
    const c = (yield spawnTask(chain(4))) as number;
    yield nap(5);
    const joined = [yield join(late), yield join(same), yield join(c)];
    log.push(`main@${now()}`);
    return joined;
  }
  const result = await new EventLoop().run(main());
  assert(
    JSON.stringify(result) === '["t","u",5]',
    `joining finished tasks should send back their results ["t","u",5], got ${JSON.stringify(result)}`,
  );
  expectLog(
    log,
    ["x0@0", "x1@0", "y0@0", "x2@0", "y1@0", "t@0", "y2@0", "u@0", "t1@2", "u1@2", "main@5"],
    "ties and sleep(0)",
  );
}
