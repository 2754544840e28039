import { assert, currentThread, now, sleep, spawn, yieldNow, type Thread } from "interleave";
import { ZeroEvenOdd } from "./solution";

// The harness owns the three threads and the print function. A print is a scheduling point,
// may take virtual time (in naps, so that a spinning waiter spins through each), and records
// when it started and ended: the next number must start the instant the previous one ended,
// which a thread woken by a semaphore does and a thread polling with sleep() does not.

type Role = "zero" | "even" | "odd";

interface Printed {
  x: number;
  start: number;
  end: number;
}

const ORDERS: Role[][] = [
  ["zero", "even", "odd"],
  ["odd", "even", "zero"],
  ["even", "zero", "odd"],
];

function belongsTo(x: number): Role {
  return x === 0 ? "zero" : x % 2 === 0 ? "even" : "odd";
}

function start(z: ZeroEvenOdd, order: Role[], naps: number, out: Printed[], tag: string): Thread[] {
  const printNumber = async (x: number) => {
    const me = currentThread().name;
    assert(
      typeof x === "number" && me === `${belongsTo(x)}-thread${tag}`,
      `${String(x)} was printed by ${me}: zero() prints the zeros, even() the even numbers, odd() the odd ones, each from its own thread`,
    );
    await yieldNow(); // printing is a scheduling point: another thread may run meanwhile
    const startAt = now();
    for (let k = 0; k < naps; k++) await sleep(1);
    out.push({ x, start: startAt, end: now() });
  };
  return order.map((role) => spawn(() => z[role](printNumber), `${role}-thread${tag}`));
}

function checkOutput(out: Printed[], n: number, tag: string) {
  const expected = Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? 0 : (i + 1) / 2));
  const got = out.map((p) => p.x);
  const wrong = expected.findIndex((x, i) => got[i] !== x);
  assert(
    wrong === -1 && got.length === expected.length,
    `n = ${n}${tag}: printed ${got.join(" ") || "nothing"}; expected ${expected.join(" ")}${wrong >= 0 ? ` (number ${wrong + 1} is wrong)` : ""}`,
  );
  for (let i = 1; i < out.length; i++) {
    const gap = out[i]!.start - out[i - 1]!.end;
    assert(
      gap < 0.5,
      `n = ${n}${tag}: ${out[i]!.x} started ${gap} virtual ms after ${out[i - 1]!.x} ended: its thread found out by polling. A thread blocked on a Semaphore runs the moment it is released.`,
    );
  }
}

async function run(n: number, order: Role[], naps: number, tag = "") {
  const out: Printed[] = [];
  for (const t of start(new ZeroEvenOdd(n), order, naps, out, tag)) await t.join();
  checkOutput(out, n, tag);
}

/** 0 1 0 2 … 0 5 in three start orders; each print takes 1 virtual ms. */
export async function inOrder() {
  for (const order of ORDERS) await run(5, order, 1);
}

/** Each print takes 3 virtual ms: the waiting threads must sleep, not spin, meanwhile. */
export async function noBusyWaiting() {
  await run(4, ["odd", "even", "zero"], 3);
}

/** Two objects at once (n = 3 and n = 2), then n = 1 and n = 0. */
export async function edgesAndInstances() {
  const a: Printed[] = [];
  const b: Printed[] = [];
  const threads = [
    ...start(new ZeroEvenOdd(3), ["even", "odd", "zero"], 1, a, " (A)"),
    ...start(new ZeroEvenOdd(2), ["odd", "zero", "even"], 0, b, " (B)"),
  ];
  for (const t of threads) await t.join();
  checkOutput(a, 3, " (A)");
  checkOutput(b, 2, " (B)");
  await run(1, ["even", "odd", "zero"], 0, " (n = 1)");
  await run(0, ["zero", "even", "odd"], 0, " (n = 0)");
}
