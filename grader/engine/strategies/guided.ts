import { DivergenceError, roundRobin, type Decision, type Strategy } from "./strategy";

/**
 * `guided`: replays a recorded list of decisions (thread ids), then falls back to the rr
 * rule. Systematic exploration (dfs), shrinking and the replay of a shrunk schedule are all
 * this strategy with a different list. Fails loudly when the program diverges from the
 * list (Coyote: "the trace is not reproducible at execution step ...").
 */
export class GuidedStrategy implements Strategy {
  readonly name = "guided";
  /** `lenient` (shrinking only): a forced thread that cannot run falls back to the rr rule. */
  constructor(
    private readonly guide: readonly number[],
    private readonly lenient = false,
  ) {}

  choose(d: Decision): number {
    if (d.index >= this.guide.length) return roundRobin(d);
    const want = this.guide[d.index]!;
    if (!d.runnable.includes(want)) {
      if (this.lenient) return roundRobin(d);
      throw new DivergenceError(
        `the schedule is not reproducible at decision ${d.index}: thread #${want} is not runnable (runnable: ${d.runnable.join(", ")})`,
      );
    }
    return want;
  }

  delay(): number {
    return 0;
  }

  onSpawn(): void {}
}
