// Predicted deadlocks (lock-order cycles) made real, or quieted: DeadlockFuzzer (Joshi, Park,
// Sen & Naik, PLDI 2009) pauses threads at the cycle's acquisitions until the deadlock closes.

import type { PotentialDeadlockOutcome, ScheduleConfig } from "../protocol/types";
import type { Session } from "../isolate/session";
import { attempt, hashTrace, type Attempt } from "./attempt";
import type { DeadlockConfirmation } from "./types";

/** Directed schedules tried to turn a predicted deadlock into a real one. */
const DIRECTED_ATTEMPTS = 40;

/** Unconfirmed lock-order cycles quieted in one run at the most (each costs a DeadlockFuzzer search). */
const MAX_QUIET_CYCLES = 8;

/**
 * Run a schedule; a lock-order cycle it reports is first handed to DeadlockFuzzer. A cycle
 * no directed schedule can close is usually guarded by the program's own state (the first
 * reader of a readers–writer lock takes the resource lock, the last one gives it back): it
 * becomes a warning, is quieted for the rest of the run, and the schedule runs again.
 */
export function attemptQuiet(
  session: Session,
  config: ScheduleConfig,
  quiet: string[][],
  warnings: string[],
): { a: Attempt; confirmation?: DeadlockConfirmation } {
  for (;;) {
    const a = attempt(session, { ...config, quietCycles: quiet });
    if (!("result" in a) || a.result.outcome.kind !== "potential-deadlock" || quiet.length >= MAX_QUIET_CYCLES)
      return { a };
    const confirmation = confirmDeadlock(session, { ...config, quietCycles: quiet }, a.result.outcome);
    if (confirmation.happened) return { a, confirmation };
    const locks = a.result.outcome.lockOrder.map((e) => e.held);
    quiet.push([...locks].sort());
    warnings.push(
      `The locks ${locks.map((l) => `'${l}'`).join(" → ")} are taken in a cycle, but ${confirmation.attempts} directed schedules could not make it deadlock: the program's own state seems to keep the cycle from closing. Taking the locks in one order is still the safer design.`,
    );
  }
}

/** DeadlockFuzzer: pause threads at the cycle's acquisitions until the deadlock closes. */
export function confirmDeadlock(
  session: Session,
  config: ScheduleConfig,
  outcome: PotentialDeadlockOutcome,
): DeadlockConfirmation {
  const directed = outcome.lockOrder.map((e) => ({ thread: e.thread, held: e.held, acquired: e.acquired }));
  const base: ScheduleConfig = {
    ...config,
    strategy: "directed",
    directed,
    detectLockOrder: false,
    detectRaces: false,
    trace: false,
    recordOptions: false,
  };
  for (let i = 0; i < DIRECTED_ATTEMPTS; i++) {
    const a = attempt(session, { ...base, seed: config.seed + i });
    if ("result" in a && a.result.outcome.kind === "deadlock") {
      const traced = attempt(session, { ...base, strategy: "guided", guide: a.result.decisions, trace: true });
      const trace = "result" in traced ? (traced.result.trace ?? []) : [];
      return {
        happened: true,
        attempts: i + 1,
        decisions: a.result.decisions,
        trace,
        traceHash: hashTrace(trace),
        message: "result" in traced ? traced.result.outcome.message : a.result.outcome.message,
      };
    }
  }
  return { happened: false, attempts: DIRECTED_ATTEMPTS };
}
