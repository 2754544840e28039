import { assert, sleep } from "interleave";
import { dine } from "./solution";

/** The harness's table: it checks that neighbours never eat at the same time and counts meals. */
function table(n: number) {
  const eating = new Array<boolean>(n).fill(false);
  const eaten = new Array<number>(n).fill(0);
  const eat = async (p: number): Promise<void> => {
    assert(
      Number.isInteger(p) && p >= 0 && p < n,
      `eat() was called with ${String(p)}, not a philosopher of 0..${n - 1}`,
    );
    const left = (p + n - 1) % n;
    const right = (p + 1) % n;
    assert(!eating[left], `philosophers ${left} and ${p} ate at the same time, sharing fork ${p}`);
    assert(!eating[right], `philosophers ${p} and ${right} ate at the same time, sharing fork ${right}`);
    assert(!eating[p], `philosopher ${p} started a meal while already eating`);
    eating[p] = true;
    await sleep(1);
    eating[p] = false;
    eaten[p]!++;
  };
  return { eat, eaten };
}

async function dinner(n: number, meals: number): Promise<void> {
  const { eat, eaten } = table(n);
  await dine(n, meals, eat);
  for (let p = 0; p < n; p++) {
    assert(eaten[p] === meals, `when dine() returned, philosopher ${p} had eaten ${eaten[p]} of ${meals} meals`);
  }
}

export async function fivePhilosophers() {
  await dinner(5, 2);
}

export async function twoPhilosophers() {
  // Two philosophers share both forks (0 is the left of one and the right of the other).
  await dinner(2, 3);
}

export async function longDinner() {
  await dinner(4, 3);
}
