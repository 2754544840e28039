// Before a failing schedule is shown, make it as simple as it can be while it still fails
// the same way: fewest preemptions first, then the fewest steps (Lincheck and Shuttle
// minimise their counterexamples; CHESS showed most bugs need one or two preemptions).
// A candidate is the failing decision list with one preemption removed (the running thread
// goes on instead), replayed leniently; what it really did becomes the new schedule.

import type { ScheduleConfig, ScheduleOutcome, ScheduleResult } from "../runtime/types";
import { SandboxFailure, type Session } from "../sandbox/session";

export interface Shrunk {
  decisions: number[];
  preemptions: number;
  steps: number;
  /** Schedules run while shrinking. */
  attempts: number;
}

function sameFailure(a: ScheduleOutcome, b: ScheduleOutcome): boolean {
  if (a.kind !== b.kind) return false;
  // The same assert or the same throw site (the values in the message may differ).
  if (a.kind === "assertion" || a.kind === "error") return a.line === b.line && a.file === b.file;
  if (a.kind === "data-race") return a.race?.target === b.race?.target;
  return true;
}

export function shrinkSchedule(session: Session, config: ScheduleConfig, failing: ScheduleResult, budget = 150): Shrunk {
  const run = (guide: number[]): ScheduleResult | null => {
    try {
      return session.runSchedule({ ...config, strategy: "guided", guide, lenient: true, recordOptions: true, trace: false });
    } catch (error) {
      if (error instanceof SandboxFailure) return null;
      throw error;
    }
  };
  let attempts = 0;
  // Start from the failing schedule as a decision list (delays, if any, are dropped here).
  let best = run(failing.decisions);
  attempts++;
  if (!best || !sameFailure(best.outcome, failing.outcome)) {
    return { decisions: failing.decisions, preemptions: failing.preemptions, steps: failing.steps, attempts };
  }
  const better = (r: ScheduleResult, than: ScheduleResult) =>
    r.preemptions < than.preemptions || (r.preemptions === than.preemptions && r.steps < than.steps);

  // Pass 1: drop preemptions, latest first, until none can go.
  // Pass 2: at switches after a block or an end, try the other runnable threads for a shorter run.
  for (const pass of ["preemptions", "switches"] as const) {
    let improved = true;
    while (improved && attempts < budget) {
      improved = false;
      const options = best.options ?? [];
      for (let i = options.length - 1; i >= 0 && attempts < budget && !improved; i--) {
        const d = options[i]!;
        const alternatives =
          pass === "preemptions"
            ? d.current >= 0 && d.chosen !== d.current
              ? [d.current]
              : []
            : d.current < 0
              ? d.runnable.filter((id) => id !== d.chosen)
              : [];
        for (const alternative of alternatives) {
          if (attempts >= budget) break;
          const guide = best.decisions.slice(0, i);
          guide.push(alternative, ...best.decisions.slice(i + 1));
          const candidate = run(guide);
          attempts++;
          if (candidate && sameFailure(candidate.outcome, failing.outcome) && better(candidate, best)) {
            best = candidate;
            improved = true;
            break;
          }
        }
      }
    }
  }
  return { decisions: best.decisions, preemptions: best.preemptions, steps: best.steps, attempts };
}
