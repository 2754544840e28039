// Systematic exploration with a preemption bound, by iterative context bounding (Musuvathi
// & Qadeer, "Iterative Context Bounding for Systematic Testing of Multithreaded Programs",
// PLDI 2007): every schedule with 0 preemptions first, then with 1, then 2, up to the
// bound — most bugs need few preemptions, so they are found early. Within one preemption
// count the order is depth-first. Each schedule is a `guided` run: a prefix of forced
// choices, then the non-preemptive rule (which adds no preemption).

import type { DecisionRecord } from "../../protocol/types";

export class PreemptionBoundedDfs {
  /** Prefixes waiting to run, by their number of preemptions. */
  private readonly buckets: number[][][];
  private readonly seen = new Set<string>();
  private readonly cost = new Map<string, number>();

  constructor(private readonly bound: number) {
    this.buckets = Array.from({ length: bound + 1 }, () => []);
    this.buckets[0]!.push([]);
    this.cost.set("", 0);
  }

  /** The next prefix to run, or null when the bounded space is exhausted. */
  next(): number[] | null {
    for (const bucket of this.buckets) {
      while (bucket.length > 0) {
        const prefix = bucket.pop()!;
        const key = prefix.join(",");
        if (this.seen.has(key)) continue;
        this.seen.add(key);
        return prefix;
      }
    }
    return null;
  }

  /** Feed back the decisions of the schedule run for `prefix`: queue its unexplored siblings. */
  explored(prefix: readonly number[], options: readonly DecisionRecord[]): void {
    let preemptions = 0;
    const children: { prefix: number[]; cost: number }[] = [];
    for (let i = 0; i < options.length; i++) {
      const d = options[i]!;
      if (i >= prefix.length) {
        for (const alt of d.runnable) {
          if (alt === d.chosen) continue;
          const cost = preemptions + (d.current >= 0 && alt !== d.current ? 1 : 0);
          if (cost > this.bound) continue;
          children.push({ prefix: [...options.slice(0, i).map((o) => o.chosen), alt], cost });
        }
      }
      if (d.current >= 0 && d.chosen !== d.current) preemptions++;
    }
    // Deepest alternatives are explored first within a preemption count (pushed last).
    for (const c of children) this.buckets[c.cost]!.push(c.prefix);
  }
}
