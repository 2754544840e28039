import { assert, currentThread, Event, Lock, sleep } from "interleave";
import { dine } from "./solution";

/**
 * The table's forks: real Locks (so the deadlock and lock-order detectors see them) that note
 * who holds them. The first time a thread reaches for a fork it waits (briefly, in virtual
 * time) until `together` philosophers have reached for theirs: philosophers who dine one
 * after another — no threads, a thread joined before the next starts, one big lock around
 * every meal — never get there.
 */
function forksFor(n: number, together: number) {
  const owners = new Array<string | null>(n).fill(null);
  const arrived = new Set<string>();
  const enough = new Event("philosophersSeated");
  let alone = 0;
  const forks = Array.from({ length: n }, (_, i) => {
    const real = new Lock(`fork-${i}`);
    const acquire = async (options?: { timeout?: number }): Promise<boolean> => {
      const who = currentThread().name;
      if (!arrived.has(who)) {
        arrived.add(who);
        if (arrived.size >= together) enough.set();
        else if (!(await enough.wait({ timeout: 1000 }))) alone++;
      }
      const ok = await real.acquire(options);
      if (ok) owners[i] = who;
      return ok;
    };
    const release = () => {
      owners[i] = null;
      return real.release();
    };
    return {
      name: real.name,
      acquire,
      release,
      locked: () => real.locked(),
      hold: async () => {
        await acquire();
        return { [Symbol.asyncDispose]: async () => void (await release()) };
      },
    } as unknown as Lock;
  });
  return { forks, owners, alone: () => alone };
}

/** The harness's table: it checks that neighbours never eat at the same time and counts meals. */
function table(n: number) {
  const { forks, owners, alone } = forksFor(n, n >= 3 ? 2 : 1);
  const eating = new Array<boolean>(n).fill(false);
  const eaten = new Array<number>(n).fill(0);
  const seat = new Map<number, string>();
  const eat = async (p: number): Promise<void> => {
    assert(
      Number.isInteger(p) && p >= 0 && p < n,
      `eat() was called with ${String(p)}, not a philosopher of 0..${n - 1}`,
    );
    const who = currentThread().name;
    assert(
      alone() === 0,
      "the philosophers must dine at the same time: one thread per philosopher, all started before any is joined",
    );
    assert(
      (seat.get(p) ?? who) === who,
      `philosopher ${p} must eat in one thread of its own (first ${seat.get(p)}, now ${who})`,
    );
    seat.set(p, who);
    assert(
      [...seat.entries()].every(([q, w]) => q === p || w !== who),
      `${who} ate for two philosophers: every philosopher is a thread of its own`,
    );
    assert(
      owners[p] === who && owners[(p + 1) % n] === who,
      `philosopher ${p} must hold forks ${p} and ${(p + 1) % n} while eating (held by ${String(owners[p])} and ${String(owners[(p + 1) % n])})`,
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
  return { eat, eaten, forks };
}

async function dinner(n: number, meals: number): Promise<void> {
  const { eat, eaten, forks } = table(n);
  await dine(forks, meals, eat);
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
