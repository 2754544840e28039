import type { Prng } from "../prng";
import { WAIT_FOR_TIME, type Decision, type Strategy } from "./strategy";

/**
 * `directed`: make a predicted deadlock really happen (Joshi, Park, Sen & Naik,
 * "A Randomized Dynamic Program Analysis Technique for Detecting Real Deadlocks",
 * PLDI 2009 — DeadlockFuzzer). A thread about to take a lock of the reported cycle while
 * holding the previous one is paused: others run first. When every runnable thread is
 * paused, time passes until sleepers arrive; then one goes on and the cycle closes.
 * Otherwise choices are uniformly random.
 */
export class DirectedStrategy implements Strategy {
  readonly name = "directed";
  constructor(
    private readonly rng: Prng,
    private readonly paused: (id: number) => boolean,
  ) {}

  choose(d: Decision): number {
    const free = d.runnable.filter((id) => !this.paused(id));
    // Everyone runnable is paused: wait for the threads that are still asleep to arrive
    // (a sleep is not synchronization; a slow thread could arrive at any time).
    if (free.length === 0) return WAIT_FOR_TIME;
    return free[this.rng.int(free.length)]!;
  }

  delay(): number {
    return 0;
  }

  onSpawn(): void {}
}
