import type { Prng } from "../prng";
import { roundRobin, type Decision, type Strategy } from "./strategy";

/**
 * `delay`: the classic stress test — sprinkle random sleeps through the code and hope the
 * bad interleaving shows — done deterministically. At each scheduling point the running
 * thread is delayed with probability p by 1..maxDelay virtual milliseconds; otherwise the
 * rr rule applies.
 *
 * Half the schedules spread their delays over every thread: p gives about `depth + 1`
 * delays in a run of the expected length (the budget of perturbations PCT gets). The other
 * half focus on one thread, the victim, drawn uniformly among the threads as they start
 * (reservoir sampling): p is drawn log-uniformly between that rate and 0.8, and at most
 * `depth + 1` delays land (the same budget). A timing bug that needs several delays on one
 * thread (a lease checked, then used too late) is out of reach of spread delays — each
 * lands on the victim, in its window, with probability about depth / k — while a focused
 * schedule places them all. Delay bounding (Emmi, Qadeer & Rakamarić, POPL 2011) makes
 * the same bet: few delays, where they count. The cap keeps the victim a plausibly slow
 * thread: with 8 delays of up to 20 ms, the reference of exercises/fetch-with-deadline
 * (answers after 80 ms, deadlines of 100 ms) failed.
 *
 * Invariants: only the victim is delayed in a focused schedule; same seed, depth and k give
 * the same delays.
 */
export class DelayStrategy implements Strategy {
  readonly name = "delay";
  private readonly probability: number;
  private readonly focused: boolean;
  private readonly maxFocused: number;
  private victim = -1;
  private threads = 0;
  private delays = 0;

  constructor(
    private readonly rng: Prng,
    depth: number,
    expectedSteps: number,
    private readonly maxDelay = 10,
  ) {
    const spread = Math.min(0.5, Math.max(0.02, (depth + 1) / Math.max(1, expectedSteps)));
    this.focused = rng.float() < 0.5;
    this.probability = this.focused ? spread * Math.pow(FOCUSED_MAX_P / spread, rng.float()) : spread;
    this.maxFocused = depth + 1;
  }

  choose(d: Decision): number {
    return roundRobin(d);
  }

  delay(d: Decision): number {
    if (d.reason !== "point") return 0;
    if (this.focused && (d.running !== this.victim || this.delays >= this.maxFocused)) return 0;
    if (this.rng.float() >= this.probability) return 0;
    this.delays++;
    return 1 + this.rng.int(this.maxDelay);
  }

  onSpawn(id: number): void {
    if (!this.focused) return;
    this.threads++;
    if (this.rng.int(this.threads) === 0) this.victim = id;
  }
}

/** A focused schedule delays its victim at up to this share of its points. */
const FOCUSED_MAX_P = 0.8;
