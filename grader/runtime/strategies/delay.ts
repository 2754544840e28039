import type { Prng } from "../prng";
import { roundRobin, type Decision, type Strategy } from "./strategy";

/**
 * `delay`: the classic stress test — sprinkle random sleeps through the code and hope the
 * bad interleaving shows — done deterministically. At each scheduling point the running
 * thread is delayed with probability p by 1..maxDelay virtual milliseconds; otherwise the
 * rr rule applies. p is chosen so that about `depth` delays land in a run of the expected
 * length (the same budget of perturbations PCT gets).
 */
export class DelayStrategy implements Strategy {
  readonly name = "delay";
  private readonly probability: number;

  constructor(
    private readonly rng: Prng,
    depth: number,
    expectedSteps: number,
    private readonly maxDelay = 10,
  ) {
    this.probability = Math.min(0.5, Math.max(0.02, (depth + 1) / Math.max(1, expectedSteps)));
  }

  choose(d: Decision): number {
    return roundRobin(d);
  }

  delay(d: Decision): number {
    if (d.reason !== "point") return 0;
    return this.rng.float() < this.probability ? 1 + this.rng.int(this.maxDelay) : 0;
  }

  onSpawn(): void {}
}
