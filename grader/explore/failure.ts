// The failure of a run, built from the failing schedule: replayed with the trace on (it must
// fail the same way), then explained — starvation or livelock for a step limit, a directed
// confirmation for a predicted deadlock, the fewest preemptions for the rest (shrink.ts).

import type { ScheduleConfig, ScheduleResult } from "../protocol/types";
import type { Session } from "../isolate/session";
import { verdictOf } from "../protocol/verdict";
import type { ReplayStrategy } from "../engine/strategies/portfolio";
import { analyzeLiveness } from "../detect/starvation/liveness";
import { attempt, hashTrace, kindOf, type Attempt } from "./attempt";
import { confirmDeadlock } from "./confirm-deadlock";
import { findLostUpdate } from "./lost-update";
import { shrinkSchedule } from "./shrink";
import type { DeadlockConfirmation, Failure } from "./types";

/** Replay the failing schedule with the trace on; the replay must fail the same way. */
export function buildFailure(
  session: Session,
  index: number,
  strategy: ReplayStrategy,
  seed: number,
  depth: number | undefined,
  config: ScheduleConfig,
  found: Attempt,
  baselineFailed: boolean,
  confirmation?: DeadlockConfirmation,
): Failure {
  const kind = kindOf(found);
  const onBaseline = strategy === "rr" || baselineFailed;
  const verdict = verdictOf(kind, onBaseline);
  if ("sandbox" in found) {
    return {
      verdict,
      kind,
      message: found.sandbox.message,
      schedule: index,
      strategy,
      seed,
      depth,
      preemptions: 0,
      steps: 0,
      outcome: { kind: "error", message: found.sandbox.message },
      decisions: [],
      trace: [],
      traceHash: hashTrace([]),
      threads: [],
    };
  }
  // The untraced run counted its events: the replay records only those its trace keeps (and
  // after a step limit, captures sites before its window only where they can still be read).
  const traced = attempt(session, {
    ...config,
    trace: true,
    traceEventsKnown: found.result.events,
    windowSites: found.result.windowSites,
  });
  const result = "result" in traced ? traced.result : found.result;
  if ("result" in traced && traced.result.outcome.kind !== found.result.outcome.kind) {
    throw new Error(
      `internal error: the failing schedule did not reproduce (${found.result.outcome.kind} became ${traced.result.outcome.kind}); please report this program`,
    );
  }
  const outcome = result.outcome;
  if (outcome.kind === "passed") throw new Error("internal error: a passing schedule was taken for a failure");
  const trace = result.trace ?? [];
  const failure: Failure = {
    verdict,
    kind,
    message: outcome.message,
    schedule: index,
    strategy,
    seed,
    depth,
    preemptions: result.preemptions,
    steps: result.steps,
    outcome,
    decisions: result.decisions,
    trace,
    traceHash: hashTrace(trace),
    threads: result.threads,
  };
  if (outcome.kind === "data-race") {
    failure.lostUpdate = findLostUpdate(session, config, outcome.race, result.threads, hashTrace);
  }
  if (outcome.kind === "step-limit" && outcome.budget === "cpu") {
    // The CPU budget (a loop with no scheduling point): the outcome's own message says where.
    failure.verdict = "timeout";
  } else if (outcome.kind === "step-limit") {
    failure.liveness = analyzeLiveness(trace, liveThreads(result), config.maxSteps);
    failure.verdict = failure.liveness.verdict;
    failure.message = failure.liveness.message;
  } else if (outcome.kind === "potential-deadlock") {
    failure.confirmation = confirmation ?? confirmDeadlock(session, config, outcome);
  } else if (result.preemptions > 0 && kind !== "escaped" && kind !== "data-race") {
    // (A data race is reported from the two accesses, whatever the interleaving: nothing to shrink.)
    const shrunk = shrinkSchedule(session, config, found.result);
    if (shrunk.preemptions < result.preemptions || shrunk.steps < result.steps) {
      const replayed = attempt(session, {
        ...config,
        strategy: "guided",
        guide: shrunk.decisions,
        trace: true,
        recordOptions: false,
      });
      if ("result" in replayed && replayed.result.outcome.kind === kind) {
        const t = replayed.result.trace ?? [];
        failure.shrunk = { ...shrunk, trace: t, traceHash: hashTrace(t), message: replayed.result.outcome.message };
      }
    }
  }
  return failure;
}

/** Threads that had not ended when the schedule stopped; one waiting in join is waiting, not starving. */
function liveThreads(result: ScheduleResult): string[] {
  return result.finalStates.filter((t) => t.state !== "done" && t.op !== "join").map((t) => t.thread);
}
