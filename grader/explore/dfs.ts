// Systematic exploration with a preemption bound (Musuvathi & Qadeer, "Iterative Context
// Bounding for Systematic Testing of Multithreaded Programs", PLDI 2007): depth-first over
// the decisions of the program, allowing at most `bound` preemptions per schedule. Each
// schedule is a `guided` run: a prefix of forced choices, then the non-preemptive rule.

import type { DecisionRecord } from "../runtime/types";

export class PreemptionBoundedDfs {
  private readonly stack: number[][] = [[]];
  private readonly seen = new Set<string>();

  constructor(private readonly bound: number) {}

  /** The next prefix to run, or null when the bounded space is exhausted. */
  next(): number[] | null {
    while (this.stack.length > 0) {
      const prefix = this.stack.pop()!;
      const key = prefix.join(",");
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      return prefix;
    }
    return null;
  }

  /** Feed back the decisions of the schedule run for `prefix`: push its unexplored siblings. */
  explored(prefix: readonly number[], options: readonly DecisionRecord[]): void {
    let preemptions = 0;
    const pushes: number[][] = [];
    for (let i = 0; i < options.length; i++) {
      const d = options[i]!;
      if (i >= prefix.length) {
        for (const alt of d.runnable) {
          if (alt === d.chosen) continue;
          const cost = d.current >= 0 && alt !== d.current ? 1 : 0;
          if (preemptions + cost > this.bound) continue;
          pushes.push([...options.slice(0, i).map((o) => o.chosen), alt]);
        }
      }
      if (d.current >= 0 && d.chosen !== d.current) preemptions++;
    }
    // Deepest alternatives are explored first (pushed last).
    for (const p of pushes) this.stack.push(p);
  }
}
