import type { Prng } from "../prng";
import type { Decision, Strategy } from "./strategy";

/**
 * `directed`: make a predicted deadlock really happen (Joshi, Park, Sen & Naik,
 * "A Randomized Dynamic Program Analysis Technique for Detecting Real Deadlocks",
 * PLDI 2009 — DeadlockFuzzer). A thread about to take a lock of the reported cycle while
 * holding the previous one is paused: others run first. When every runnable thread is
 * paused, one goes on and the cycle closes. Otherwise choices are uniformly random.
 */
export class DirectedStrategy implements Strategy {
  readonly name = "directed";
  constructor(
    private readonly rng: Prng,
    private readonly paused: (id: number) => boolean,
  ) {}

  choose(d: Decision): number {
    const free = d.runnable.filter((id) => !this.paused(id));
    const pool = free.length > 0 ? free : d.runnable;
    return pool[this.rng.int(pool.length)]!;
  }

  delay(): number {
    return 0;
  }

  onSpawn(): void {}
}
