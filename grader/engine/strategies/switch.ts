import type { Prng } from "../prng";
import type { Decision, Strategy } from "./strategy";

/**
 * `switch`: randomized preemption bounding over synchronization points only.
 *
 * Two results make it work. CHESS (Musuvathi, Qadeer, Ball, Basler, Nainar & Neamtiu,
 * "Finding and Reproducing Heisenbugs in Concurrent Programs", OSDI 2008) preempts only at
 * synchronization operations: in a data-race-free execution a preemption before a plain
 * data access is equivalent to one before the thread's next synchronization, and the race
 * detector reports every execution that is not data-race-free. Iterative context bounding
 * (Musuvathi & Qadeer, PLDI 2007) and the controlled-scheduler study of Thomson, Donaldson
 * & Betts (PPoPP 2014) show that most bugs need very few preemptions, but at exact points.
 *
 * So a schedule makes exactly `depth` preemptions, at points drawn uniformly among the
 * points where the running thread is about to synchronize and another thread could run
 * (k of them in the rr dry run), each handing the baton to a random other thread; every
 * other choice (a thread blocked, yielded or ended) is uniform. In half the schedules the
 * points come in pairs (p, p + 1): a switch and a switch back one synchronization later. Unlike PCT's priority
 * changes, every drawn point is a real switch, so three switches between two threads —
 * a thread stopped at an exact point, the other stopped anywhere in a long update, the
 * first stopped again right after — are placed with probability about 1 / C(k, 3) times
 * the number of ways, where PCT at depth ≤ 3 cannot place them at all. Data accesses
 * keep their scheduling points for the other strategies (a lost update with the
 * detectors off needs one there).
 *
 * Invariants: exactly the candidate points count (same program, seed, depth and k: same
 * schedule); a preemption always switches to another runnable thread.
 */
export class SwitchStrategy implements Strategy {
  readonly name = "switch";
  private readonly switchAt = new Set<number>();
  private candidates = 0;

  constructor(
    private readonly rng: Prng,
    depth: number,
    expectedSyncPoints: number,
  ) {
    const k = Math.max(1, expectedSyncPoints);
    const n = Math.min(depth, k);
    // Half the schedules pair their switches: a switch and one back at the next candidate
    // point, so that the other thread sneaks in exactly one synchronized step (the shape of
    // an atomicity violation, and of a snapshot torn across another thread's update).
    const paired = rng.float() < 0.5;
    for (let pairs = paired ? n >> 1 : 0; pairs > 0 && this.switchAt.size + 2 <= n; pairs--) {
      const at = 1 + rng.int(k);
      if (this.switchAt.has(at) || this.switchAt.has(at + 1)) continue;
      this.switchAt.add(at).add(at + 1);
    }
    while (this.switchAt.size < n) this.switchAt.add(1 + rng.int(k));
  }

  choose(d: Decision): number {
    if (d.canContinue && d.reason === "point") {
      if (d.kind !== "sync" || d.runnable.length < 2) return d.running;
      this.candidates++;
      if (!this.switchAt.has(this.candidates)) return d.running;
      const others = d.runnable.filter((id) => id !== d.running);
      return others[this.rng.int(others.length)]!;
    }
    // Blocked, yielded or ended: a free choice, not a preemption.
    return d.runnable[this.rng.int(d.runnable.length)]!;
  }

  delay(): number {
    return 0;
  }

  onSpawn(): void {}
}
