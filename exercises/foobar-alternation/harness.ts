import { assert, currentThread, now, sleep, spawn, yieldNow, type Thread } from "interleave";
import { FooBar } from "./solution";

// The harness owns the two threads and the print functions. A print takes a little virtual
// time (in naps, so that a spinning waiter spins through each) and records when it started
// and ended: the other word must start at the instant this one ended, which a thread woken
// by a semaphore does and a thread polling a flag with sleep() does not.

interface Printed {
  word: "foo" | "bar";
  start: number;
  end: number;
}

function start(fb: FooBar, barFirst: boolean, naps: number, out: Printed[], tag: string): Thread[] {
  const printer = (word: "foo" | "bar") => async () => {
    const me = currentThread().name;
    assert(
      me === `${word}-thread${tag}`,
      `"${word}" was printed by ${me}: each thread prints its own word in its own method — make it wait, do not print for it`,
    );
    await yieldNow(); // printing is a scheduling point: another thread may run meanwhile
    const startAt = now();
    for (let k = 0; k < naps; k++) await sleep(1);
    out.push({ word, start: startAt, end: now() });
  };
  const threads = [
    { target: () => fb.foo(printer("foo")), name: `foo-thread${tag}` },
    { target: () => fb.bar(printer("bar")), name: `bar-thread${tag}` },
  ];
  if (barFirst) threads.reverse();
  return threads.map((t) => spawn(t.target, t.name));
}

function checkOutput(out: Printed[], n: number, tag: string, timed: boolean) {
  const words = out.map((p) => p.word);
  const expected = Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? "foo" : "bar"));
  const wrong = expected.findIndex((w, i) => words[i] !== w);
  assert(
    wrong === -1 && words.length === expected.length,
    `n = ${n}${tag}: printed ${words.join(" ") || "nothing"}; expected ${expected.join(" ")}${wrong >= 0 ? ` (word ${wrong + 1} is wrong)` : ""}`,
  );
  if (!timed) return;
  for (let i = 1; i < out.length; i++) {
    const gap = out[i]!.start - out[i - 1]!.end;
    assert(
      gap < 0.5,
      `n = ${n}${tag}: word ${i + 1} ("${out[i]!.word}") started ${gap} virtual ms after word ${i} ended: the waiting thread found out by polling. A thread blocked on a Semaphore runs the moment it is released.`,
    );
  }
}

async function run(n: number, barFirst: boolean, naps: number, timed: boolean, tag = "") {
  const out: Printed[] = [];
  for (const t of start(new FooBar(n), barFirst, naps, out, tag)) await t.join();
  checkOutput(out, n, tag, timed);
}

/** foo bar foo bar … for n = 4 (each print takes 1 virtual ms), with either thread started first. */
export async function alternates() {
  await run(4, false, 1, true);
  await run(4, true, 1, true);
}

/** Each print takes 3 virtual ms: the other thread must sleep, not spin, meanwhile. */
export async function noBusyWaiting() {
  await run(5, true, 3, true);
}

/** Two FooBar objects at once, and n = 1 and n = 0. */
export async function independentInstances() {
  const a: Printed[] = [];
  const b: Printed[] = [];
  const threads = [...start(new FooBar(3), true, 0, a, " (A)"), ...start(new FooBar(2), false, 1, b, " (B)")];
  for (const t of threads) await t.join();
  checkOutput(a, 3, " (A)", true);
  checkOutput(b, 2, " (B)", true);
  await run(1, true, 0, true, " (single)");
  await run(0, true, 0, true, " (empty)");
}
