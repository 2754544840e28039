import type { Prng } from "../prng";
import type { Decision, Strategy } from "./strategy";

/** `random`: a uniform choice among the runnable threads at every decision. */
export class RandomStrategy implements Strategy {
  readonly name = "random";
  constructor(private readonly rng: Prng) {}
  choose(d: Decision): number {
    return d.runnable[this.rng.int(d.runnable.length)]!;
  }
  delay(): number {
    return 0;
  }
  onSpawn(): void {}
}
