import type { Prng } from "../prng";
import type { Decision, Strategy } from "./strategy";

/**
 * `pct`: Probabilistic Concurrency Testing (Burckhardt, Kothari, Musuvathi, Nagarakatte,
 * "A Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010).
 *
 * Every thread gets a distinct random priority above d; the highest-priority runnable
 * thread always runs. At d - 1 change points drawn uniformly from [1, k] the running
 * thread's priority drops to i (the i-th change point), below every initial priority.
 * A bug of depth d is found with probability at least 1 / (n k^(d-1)).
 *
 * Invariants: priorities are distinct; only `choose` consumes decision indices, so the
 * same seed, d and k give the same schedule.
 */
export class PctStrategy implements Strategy {
  readonly name = "pct";
  private readonly priority = new Map<number, number>();
  private readonly changePoints: number[];

  constructor(
    private readonly rng: Prng,
    private readonly depth: number,
    expectedSteps: number,
  ) {
    const k = Math.max(1, expectedSteps);
    this.changePoints = [];
    for (let i = 1; i < depth; i++) this.changePoints.push(1 + rng.int(k));
  }

  onSpawn(id: number): void {
    // A distinct priority in (d, d + 1): a fresh uniform float keeps the random
    // permutation of initial priorities without knowing the thread count up front.
    this.priority.set(id, this.depth + this.rng.float());
  }

  choose(d: Decision): number {
    const at = this.changePoints.indexOf(d.index);
    if (at >= 0 && d.canContinue) this.priority.set(d.running, at + 1 - this.rng.float() * 1e-6);
    let best = d.runnable[0]!;
    let bestPriority = -Infinity;
    for (const id of d.runnable) {
      const p = this.priority.get(id) ?? 0;
      if (p > bestPriority) {
        best = id;
        bestPriority = p;
      }
    }
    return best;
  }

  delay(): number {
    return 0;
  }
}
