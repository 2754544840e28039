// Before a failing schedule is shown, make it as simple as it can be while it still fails
// the same way: fewest preemptions first, then the fewest steps (Lincheck and Shuttle
// minimise their counterexamples; CHESS showed most bugs need one or two preemptions).
//
// 1. Greedy: keep a prefix of the failing schedule and let the non-preemptive rule finish
//    it, or take one preemption out; keep any candidate that still fails the same way.
// 2. Preemption-bounded search (Musuvathi & Qadeer, PLDI 2007): from the un-stressed
//    schedule, try every single preemption, then pairs, within a budget.
// 3. At switches after a block or an end, try the other runnable threads for a shorter run.
//
// Candidates run as `guided` schedules (lenient: a forced thread that cannot run falls back
// to the rr rule); what a candidate really did becomes the new schedule, so the result
// replays exactly with `replay --schedule`.

import type { DecisionRecord, ScheduleConfig, ScheduleOutcome, ScheduleResult } from "../protocol/types";
import { SandboxFailure, type Session } from "../isolate/session";

export interface Shrunk {
  decisions: number[];
  preemptions: number;
  steps: number;
  /** Schedules run while shrinking. */
  attempts: number;
}

function sameFailure(a: ScheduleOutcome, b: ScheduleOutcome): boolean {
  // The same assert or the same throw site (the values in the message may differ).
  if (a.kind === "assertion" || a.kind === "error") return b.kind === a.kind && a.line === b.line && a.file === b.file;
  if (a.kind === "data-race") return b.kind === "data-race" && a.race.target === b.race.target;
  return a.kind === b.kind;
}

/** Decision indices where the running thread could have gone on but another one ran. */
function preemptionPoints(options: readonly DecisionRecord[]): number[] {
  const points: number[] = [];
  options.forEach((d, i) => {
    if (d.current >= 0 && d.chosen !== d.current) points.push(i);
  });
  return points;
}

export function shrinkSchedule(
  session: Session,
  config: ScheduleConfig,
  failing: ScheduleResult,
  budget = 400,
): Shrunk {
  let attempts = 0;
  const run = (guide: number[]): ScheduleResult | null => {
    attempts++;
    try {
      return session.runSchedule({
        ...config,
        strategy: "guided",
        guide,
        lenient: true,
        recordOptions: true,
        trace: false,
      });
    } catch (error) {
      if (error instanceof SandboxFailure) return null;
      throw error;
    }
  };
  const fails = (r: ScheduleResult | null): r is ScheduleResult =>
    r !== null && sameFailure(r.outcome, failing.outcome);
  const better = (r: ScheduleResult, than: ScheduleResult) =>
    r.preemptions < than.preemptions || (r.preemptions === than.preemptions && r.steps < than.steps);

  // The failing schedule as a decision list (delays of the delay strategy are dropped here).
  const start = run(failing.decisions);
  if (!fails(start))
    return { decisions: failing.decisions, preemptions: failing.preemptions, steps: failing.steps, attempts };
  let best = start;
  const consider = (guide: number[]): boolean => {
    if (attempts >= budget) return false;
    const r = run(guide);
    if (fails(r) && better(r, best)) {
      best = r;
      return true;
    }
    return false;
  };

  // 1. Greedy.
  for (let improved = true; improved && attempts < budget && best.preemptions > 0; ) {
    improved = false;
    const points = preemptionPoints(best.options ?? []);
    // Keep the first k preemptions only: the rest of the schedule is non-preemptive.
    for (const i of points) {
      if (consider(best.decisions.slice(0, i + 1))) {
        improved = true;
        break;
      }
    }
    if (improved) continue;
    // Take one preemption out, keep the rest.
    for (const i of [...points].reverse()) {
      const d = best.options![i]!;
      const guide = [...best.decisions.slice(0, i), d.current, ...best.decisions.slice(i + 1)];
      if (consider(guide) || consider([...best.decisions.slice(0, i), d.current])) {
        improved = true;
        break;
      }
    }
  }

  // 2. Bounded search from the un-stressed schedule, for fewer preemptions than we have.
  if (best.preemptions > 1 && attempts < budget) {
    const base = run([]);
    const baseOptions = base?.options ?? [];
    const singles: number[][] = [];
    baseOptions.forEach((d, i) => {
      if (d.current < 0) return;
      for (const alt of d.runnable) if (alt !== d.current) singles.push([...base!.decisions.slice(0, i), alt]);
    });
    for (const guide of singles) {
      if (best.preemptions <= 1 || attempts >= budget) break;
      consider(guide);
    }
    // Pairs: a second preemption after each single one, spread evenly over the budget.
    if (best.preemptions > 2) {
      outer: for (const first of singles) {
        if (attempts >= budget) break;
        const r = run(first);
        if (!r) continue;
        if (fails(r) && better(r, best)) best = r;
        const opts = r.options ?? [];
        for (let j = first.length; j < opts.length; j++) {
          const d = opts[j]!;
          if (d.current < 0) continue;
          for (const alt of d.runnable) {
            if (alt === d.current) continue;
            consider([...r.decisions.slice(0, j), alt]);
            if (best.preemptions <= 2 || attempts >= budget) break outer;
          }
        }
      }
    }
  }

  // 3. Fewer steps at the same number of preemptions.
  for (let improved = true; improved && attempts < budget; ) {
    improved = false;
    const options = best.options ?? [];
    for (let i = options.length - 1; i >= 0 && !improved && attempts < budget; i--) {
      const d = options[i]!;
      if (d.current >= 0) continue;
      for (const alt of d.runnable) {
        if (alt === d.chosen) continue;
        if (consider([...best.decisions.slice(0, i), alt, ...best.decisions.slice(i + 1)])) {
          improved = true;
          break;
        }
      }
    }
  }
  return { decisions: best.decisions, preemptions: best.preemptions, steps: best.steps, attempts };
}
