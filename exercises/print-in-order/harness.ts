import { assert, currentThread, now, sleep, spawn, yieldNow, type Thread } from "interleave";
import { PrintInOrder } from "./solution";

// The harness owns the threads: each run starts three threads in a given order, so a
// solution cannot avoid running concurrently. A print is a scheduling point of its own and
// records the virtual time, so that a waiter that polls (sleep in a loop) is told apart
// from one that is woken by a signal: a signalled thread prints at the same virtual instant.

const NAMES = ["first", "second", "third"] as const;
const ORDERS = [
  [0, 1, 2],
  [2, 1, 0],
  [1, 2, 0],
  [2, 0, 1],
  [0, 2, 1],
  [1, 0, 2],
];

interface Printed {
  what: number;
  at: number;
}

function startRun(p: PrintInOrder, order: number[], lateFirst: number, printed: Printed[], tag = ""): Thread[] {
  const printer = (what: number) => {
    let calls = 0;
    return async () => {
      calls++;
      assert(calls === 1, `${NAMES[what - 1]}() printed twice${tag}: call the print function exactly once`);
      const me = currentThread().name;
      assert(
        me === `Thread-${NAMES[what - 1]}${tag}`,
        `"${NAMES[what - 1]}" was printed by ${me}: each thread prints its own line, in its own method — make it wait, do not print for it`,
      );
      await yieldNow();
      printed.push({ what, at: now() });
    };
  };
  const calls = [() => p.first(printer(1)), () => p.second(printer(2)), () => p.third(printer(3))];
  return order.map((i) =>
    spawn(async () => {
      // Late in several naps, so that a spinning waiter spins through each of them.
      if (i === 0) for (let nap = 0; nap < 5; nap++) await sleep(lateFirst / 5);
      await calls[i]!();
    }, `Thread-${NAMES[i]}${tag}`),
  );
}

function checkPrinted(printed: Printed[], order: number[], tag = "") {
  const started = order.map((i) => NAMES[i]).join(", ");
  const got = printed.map((x) => NAMES[x.what - 1]).join(", ") || "nothing";
  assert(
    printed.length === 3 && printed.every((x, i) => x.what === i + 1),
    `threads started in the order ${started}${tag} printed: ${got}. Expected first, second, third.`,
  );
  for (let i = 1; i < 3; i++) {
    const gap = printed[i]!.at - printed[i - 1]!.at;
    assert(
      gap < 0.5,
      `${NAMES[i]} printed ${gap} virtual ms after ${NAMES[i - 1]}${tag}: it found out by polling (sleep in a loop). A thread blocked on an Event or Semaphore runs the moment it is signalled.`,
    );
  }
}

/** Every start order of the three threads; "first" arrives 1 ms late. */
export async function inOrder() {
  for (const order of ORDERS) {
    const printed: Printed[] = [];
    for (const t of startRun(new PrintInOrder(), order, 1, printed)) await t.join();
    checkPrinted(printed, order);
  }
}

/** "first" arrives 10 ms late, three times in a row: the others must sleep, not spin. */
export async function noBusyWaiting() {
  for (const order of [
    [2, 1, 0],
    [1, 2, 0],
    [2, 0, 1],
  ]) {
    const printed: Printed[] = [];
    for (const t of startRun(new PrintInOrder(), order, 10, printed)) await t.join();
    checkPrinted(printed, order);
  }
}

/** Two objects used at the same time by six threads: each keeps its own order. */
export async function independentInstances() {
  const a = new PrintInOrder();
  const b = new PrintInOrder();
  const printedA: Printed[] = [];
  const printedB: Printed[] = [];
  const threads = [
    ...startRun(b, [2, 1, 0], 3, printedB, " (object B)"),
    ...startRun(a, [1, 2, 0], 1, printedA, " (object A)"),
  ];
  for (const t of threads) await t.join();
  checkPrinted(printedA, [1, 2, 0], " (object A)");
  checkPrinted(printedB, [2, 1, 0], " (object B)");
}
